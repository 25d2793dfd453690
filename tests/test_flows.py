"""The flows for real: Prefect's test harness (one per session), the store on SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from flows.runtime import configure_embedded_prefect

configure_embedded_prefect()

from pipeline_env import sample_manual_inputs  # noqa: E402

from flows.nightly import nightly, reextract, rescore  # noqa: E402 - after the embedded settings
from flows.summary import idle_summary  # noqa: E402
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
    manual = sample_manual_inputs(store_settings.home)  # a run writes templates beside them: not in samples/
    return {"inbox": inbox, "settings": store_settings, "manual": str(manual)}


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


def test_an_idle_run_answers_without_a_flow_only_when_nothing_is_to_do(env: dict) -> None:
    inbox = str(env["inbox"])
    assert idle_summary(inbox, manual=env["manual"]) is None, "a new inbox has work"
    nightly(inbox=inbox, manual=env["manual"])
    before = count_runs(env["settings"])
    summary = idle_summary(inbox, manual=env["manual"])
    assert summary is not None and summary["flow_run"] is None
    assert (summary["processed"], summary["skipped"], summary["rejected"], summary["scored"]) == (0, 4, 0, [])
    assert count_runs(env["settings"]) == before
    # a changed manual input leaves its cluster-year unpublished: that is work for the flow
    manual = Path(env["manual"]) / "ubnd-tp-ha-noi.cum-8.2021.toml"
    manual.write_text(manual.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert idle_summary(inbox, manual=env["manual"]) is None
    assert nightly(inbox=inbox, manual=env["manual"])["scored"] == ["ubnd-tp-ha-noi.cum-8.2021"]
    assert idle_summary(inbox, manual=env["manual"]) is not None
    # so is a new file
    shutil.copy(SAMPLES / "hoang-mai-2021-prose.docx", env["inbox"] / "hoang-mai-2021-prose.docx")
    assert idle_summary(inbox, manual=env["manual"]) is None


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


def _threads(flow):
    from flows.backends import RunnerSettings

    return flow.with_options(task_runner=RunnerSettings("threads", 2).task_runner())


def test_a_fault_of_ours_is_retried_then_failed_never_blamed_on_the_file(
    env: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash in thidua's code on one report: retried within the run, then ``failed`` (its own count
    and list, said to be ours), kept for the next run, which extracts it once the fault is gone."""
    import extractors.extract as extract

    real, calls = extract.extract_file, []
    target = extract.sha256_of(SAMPLES / "ba-dinh-2021-awards.docx")  # originals are named by sha256

    def crashes_on_ba_dinh(path, registry=None):
        if Path(path).name.startswith(target):
            calls.append(path)
            raise IndexError("list index out of range")
        return real(path, registry)

    monkeypatch.setattr(extract, "extract_file", crashes_on_ba_dinh)
    summary = _threads(nightly)(inbox=str(env["inbox"]), manual=env["manual"], runner="threads")
    assert (summary["processed"], summary["rejected"], summary["failed"]) == (2, 1, 1)
    assert len(calls) == 3, "tried once and retried twice within the run"
    (failure,) = summary["failures"]
    assert "ba-dinh-2021-awards.docx" in failure["path"]
    assert "fault in thidua, not in the file" in failure["reason"] and "IndexError" in failure["reason"]
    assert all("ba-dinh" not in r["path"] for r in summary["rejections"]), "never reported as rejected"
    with Store.open(env["settings"]) as store:
        (failed,) = store.failed_documents()
        assert "ba-dinh-2021-awards.docx" in failed["name"]
        frame = store.status_frame()
        assert int(frame["failed"].sum()) == 1
    assert idle_summary(str(env["inbox"]), manual=env["manual"]) is None, "a failed report is work"

    monkeypatch.setattr(extract, "extract_file", real)  # the fault is fixed: the next run retries it
    again = _threads(nightly)(inbox=str(env["inbox"]), manual=env["manual"], runner="threads")
    assert (again["processed"], again["failed"], again["skipped"]) == (1, 0, 3)
    with Store.open(env["settings"]) as store:
        assert store.failed_documents() == []


def test_a_passing_fault_is_retried_and_the_report_processed(
    env: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    import extractors.extract as extract

    real, seen = extract.extract_file, set()

    def flaky(path, registry=None):
        if path not in seen:  # the first try of every report hits "database is locked"
            seen.add(path)
            raise OperationalError("SELECT 1", {}, Exception("database is locked"))
        return real(path, registry)

    monkeypatch.setattr(extract, "extract_file", flaky)
    summary = _threads(nightly)(inbox=str(env["inbox"]), manual=env["manual"], runner="threads")
    assert (summary["processed"], summary["rejected"], summary["failed"]) == (3, 1, 0)


def test_the_dask_task_runner_extracts_on_a_local_cluster(env: dict) -> None:
    """``--task-runner dask`` through prefect-dask, here on a LocalCluster of two worker processes: each
    worker reopens the store from its settings and stores what it extracted."""
    from flows.backends import RunnerSettings

    settings = RunnerSettings("dask", 2)
    flow = nightly.with_options(task_runner=settings.task_runner())
    summary = flow(inbox=str(env["inbox"]), manual=env["manual"], runner="dask", workers=2)
    assert (summary["processed"], summary["rejected"], summary["failed"]) == (3, 1, 0)
    assert summary["runner"] == "dask" and summary["scored"] == ["ubnd-tp-ha-noi.cum-8.2021"]
    assert set(count_runs(env["settings"]).values()) == {1}


def test_nightly_retries_a_web_upload_whose_extraction_failed_on_our_side(env: dict) -> None:
    """A unit's upload is not in the inbox: the nightly run still extracts it again after a fault of ours."""
    from extractors.precheck import precheck
    from extractors.submission import accept_upload, extract_upload
    from models.clusters import default_clusters

    cluster = default_clusters().get("cum-8", 2021)
    with Store.open(env["settings"]) as store:
        kept = accept_upload(
            store,
            data_path=SAMPLES / "long-bien-2021-awards.docx",  # not in the inbox
            original_name="bao-cao.docx",
            kind="report",
            account_unit="long-bien",
            cluster=cluster,
            by="long-bien",
            run=False,
        )

        def broken(_path: Path):
            raise RuntimeError("a bug of ours")

        assert extract_upload(store, kept.upload_id, extract=broken).status == "failed"
        assert precheck(store, kept.upload_id).state == "failed"
    nightly(inbox=str(env["inbox"]), manual=env["manual"])
    with Store.open(env["settings"]) as store:
        assert precheck(store, kept.upload_id).state == "ok"
