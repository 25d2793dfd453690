"""The flows for real: Prefect's test harness (one per session), the store on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from flows.runtime import configure_embedded_prefect

configure_embedded_prefect()

from flows.nightly import nightly, reextract, rescore  # noqa: E402 - after the embedded settings
from models.store import Store, StoreSettings  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
REPORTS = ["hoan-kiem-2021-prose.docx", "ba-dinh-2021-awards.docx", "dong-da-2021-longtable.docx"]


@pytest.fixture(scope="session")
def harness() -> Iterator[None]:
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(), temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield


@pytest.fixture
def env(harness, tmp_path: Path, store_settings: StoreSettings, monkeypatch: pytest.MonkeyPatch) -> dict:
    """An inbox with three sample reports and a corrupt file; THIDUA_HOME and the database for the flows."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in REPORTS:
        shutil.copy(SAMPLES / name, inbox / name)
    (inbox / "long-bien-2021-broken.docx").write_bytes((SAMPLES / REPORTS[0]).read_bytes()[:3000])
    monkeypatch.setenv("THIDUA_HOME", str(store_settings.home))
    monkeypatch.setenv("THIDUA_DATABASE_URL", store_settings.database_url)
    return {"inbox": inbox, "settings": store_settings, "manual": str(SAMPLES / "manual")}


def count_runs(settings: StoreSettings) -> dict[str, int]:
    with Store.open(settings) as store:
        return store.run_counts()


def test_nightly_extracts_new_files_rejects_the_bad_one_and_publishes(env: dict) -> None:
    summary = nightly(inbox=str(env["inbox"]), manual=env["manual"])
    assert (summary["processed"], summary["skipped"], summary["rejected"]) == (3, 0, 1)
    assert "long-bien-2021-broken.docx" in summary["rejections"][0]["reason"]
    assert summary["scored"] == ["ubnd-tp-ha-noi.cum-8.2021"]
    workbook = Path(next(p for p in summary["exports"]["ubnd-tp-ha-noi.cum-8.2021"] if p.endswith(".xlsx")))
    assert workbook.is_file() and workbook.is_relative_to(env["settings"].home / "exports")
    with Store.open(env["settings"]) as store:
        scores = store.latest_scores("ubnd-tp-ha-noi.cum-8.2021", 2021)
    assert sorted(s.unit_id for s in scores) == sorted(
        ["ba-dinh", "dong-da", "hai-ba-trung", "hoan-kiem", "hoang-mai", "long-bien"]
    )
    # units without a report are listed, provisional, never silently scored 0 on what is missing
    assert all(s.provisional for s in scores if s.unit_id in {"hai-ba-trung", "hoang-mai", "long-bien"})


def test_second_run_over_an_unchanged_inbox_extracts_nothing(env: dict) -> None:
    nightly(inbox=str(env["inbox"]), manual=env["manual"])
    before = count_runs(env["settings"])
    summary = nightly(inbox=str(env["inbox"]), manual=env["manual"])
    assert (summary["processed"], summary["skipped"], summary["rejected"]) == (0, 4, 0)
    assert count_runs(env["settings"]) == before


def test_reextract_adds_one_run_for_that_unit_only_and_keeps_the_old_one(env: dict) -> None:
    nightly(inbox=str(env["inbox"]), manual=env["manual"])
    before = count_runs(env["settings"])
    with Store.open(env["settings"]) as store:
        target = store.latest_submission("hoan-kiem", 2021).sha256
    summary = reextract(unit="hoan-kiem", year=2021, manual=env["manual"])
    after = count_runs(env["settings"])
    assert summary["processed"] == 1 and summary["scored"] == ["ubnd-tp-ha-noi.cum-8.2021"]
    assert after[target] == before[target] + 1
    assert {k: v for k, v in after.items() if k != target} == {k: v for k, v in before.items() if k != target}


def test_rescore_and_unknown_names_fail_clearly(env: dict) -> None:
    nightly(inbox=str(env["inbox"]), manual=env["manual"])
    assert rescore(cluster="cum-8", year=2021, manual=env["manual"])["scored"] == [
        "ubnd-tp-ha-noi.cum-8.2021"
    ]
    with pytest.raises(KeyError, match=r"known: ubnd-tp-ha-noi\.cum-8"):
        rescore(cluster="cum-9", year=2021)
    with pytest.raises(ValueError, match="thidua status"):
        reextract(unit="hoan-kiem", year=2030)


def test_a_run_killed_mid_way_and_rerun_loses_nothing_and_duplicates_nothing(
    harness, tmp_path: Path, store_settings: StoreSettings
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    names = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in {".docx", ".pdf"})
    for name in names:
        shutil.copy(SAMPLES / name, inbox / name)
    environ = {
        **os.environ,
        "THIDUA_HOME": str(store_settings.home),
        "THIDUA_DATABASE_URL": store_settings.database_url,
        "PREFECT_HOME": str(tmp_path / "prefect"),
    }
    environ.pop("PREFECT_API_URL", None)
    command = [sys.executable, "-m", "flows.cli", "run", "--inbox", str(inbox), "--json"]
    child = subprocess.Popen(command, env=environ, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    engine = create_engine(store_settings.database_url)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and child.poll() is None:
        try:
            with engine.connect() as connection:
                done = connection.execute(text("SELECT count(*) FROM extraction_runs")).scalar_one()
        except Exception:  # the child has not created the tables yet
            done = 0
        if 1 <= done < len(names) // 2:
            child.send_signal(signal.SIGKILL)
            break
        time.sleep(0.02)
    engine.dispose()
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    killed_at = count_runs(store_settings)

    rerun = subprocess.run(command, env=environ, capture_output=True, text=True, timeout=300, check=True)
    summary = json.loads(rerun.stdout.strip().splitlines()[-1])
    runs = count_runs(store_settings)
    assert len(runs) == len(names) and set(runs.values()) == {1}  # every report once, none twice
    assert summary["processed"] == len(names) - len(killed_at) and summary["rejected"] == 0


def test_deployments_nightly_at_two_in_hanoi_and_ad_hoc_flows() -> None:
    from flows.deploy import deployments

    by_name = {d.name: d for d in deployments()}
    assert set(by_name) == {"nightly", "reextract", "rescore"}
    (schedule,) = by_name["nightly"].schedules
    assert (schedule.schedule.cron, schedule.schedule.timezone) == ("0 2 * * *", "Asia/Ho_Chi_Minh")
    assert not by_name["reextract"].schedules and not by_name["rescore"].schedules
    from prefect.utilities.callables import parameter_schema

    assert set(parameter_schema(reextract.fn).required) == {"unit", "year"}


def test_export_verb_writes_each_format(
    env: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from flows.cli import main

    nightly(inbox=str(env["inbox"]), manual=env["manual"])
    base = ["export", "--cluster", "cum-8", "--year", "2021", "--manual", env["manual"]]
    assert main([*base, "--format", "xlsx", "--out", str(tmp_path / "out" / "cum-8.xlsx")]) == 0
    assert (tmp_path / "out" / "cum-8.xlsx").stat().st_size > 0
    assert main([*base, "--format", "csv", "--out", str(tmp_path / "csv")]) == 0
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == [
        "can-ra-soat.csv",
        "chi-tiet.csv",
        "so-lieu.csv",
        "tong-hop-diem.csv",
    ]
    assert (
        main(["export", "--cluster", "cum-9", "--year", "2021", "--format", "csv", "--out", str(tmp_path)])
        == 2
    )
    assert "known: ubnd-tp-ha-noi.cum-8" in capsys.readouterr().err
