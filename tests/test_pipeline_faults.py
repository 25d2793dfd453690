"""``thidua run`` killed with ``kill -9`` at every stage boundary, and two runs at once on one store.

Each run is a real child process (the command line, Prefect's temporary server, the worker pool). A run
kills itself at a named boundary (``THIDUA_CRASH_AT``, see models/faults.py), which is what ``kill -9``
from outside does, only at a known moment; then a normal run must leave the store as if nothing had
happened: every report extracted exactly once, every cluster-year with reports published from its
current inputs, no temporary copy left, and no process of the killed run still alive.
"""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest
from pipeline_env import REPORTS, environment, make_inbox, run, start, wait_for_no_survivors
from sqlalchemy import create_engine, func, select, text

from models.clusters import default_clusters
from models.faults import POINTS
from models.schema import Publication, Scoring
from models.store import Store, StoreSettings
from scoring.service import stale

CLUSTER_YEARS = ["ubnd-tp-ha-noi.cum-8.2021", "ubnd-tp-ha-noi.cum-8.2022"]


@pytest.fixture(scope="module")
def prefect_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One Prefect home for the module: its database is created once, as on a real server."""
    return tmp_path_factory.mktemp("prefect")


def published_per_cluster_year(store: Store) -> dict[str, int]:
    with store._sessions() as session:
        rows = session.execute(
            select(Publication.cluster_key, func.count()).group_by(Publication.cluster_key)
        )
        return dict(rows.all())


def check_repaired(settings: StoreSettings, summary: dict) -> None:
    assert summary["failed"] == 0 and summary["rejected"] == 0, summary["failures"]
    with Store.open(settings) as store:
        counts = store.run_counts()
        assert len(counts) == len(REPORTS) and set(counts.values()) == {1}, "every report once, none twice"
        assert stale(store, default_clusters().clusters, settings.home / "manual") == [], "all published"
        assert published_per_cluster_year(store) == {key: 1 for key in CLUSTER_YEARS}
        assert not list(store.originals.glob(".incoming-*")), "no temporary copy left behind"
    for key in CLUSTER_YEARS:
        assert (settings.home / "exports" / key / f"{key}.xlsx").is_file()


@pytest.mark.parametrize("point", POINTS)
def test_a_run_killed_at_each_stage_boundary_is_repaired_by_the_next(
    point: str, tmp_path: Path, prefect_home: Path
) -> None:
    settings = StoreSettings(home=tmp_path / "home", database_url=f"sqlite:///{tmp_path / 'thidua.db'}")
    inbox = make_inbox(tmp_path / "inbox")
    crash_env = environment(settings, prefect_home, THIDUA_CRASH_AT=point)
    code, _, err = run(inbox, crash_env)
    assert code == -signal.SIGKILL, f"the run should have died at {point!r}: {err[-2000:]}"
    assert wait_for_no_survivors(crash_env["THIDUA_TEST_RUN_MARK"]) == [], "a child outlived its run"

    code, summary, err = run(inbox, environment(settings, prefect_home))
    assert code == 0 and summary is not None, err[-3000:]
    check_repaired(settings, summary)
    expected_scored = [] if point == "published" else CLUSTER_YEARS
    assert summary["scored"] == expected_scored, "what the killed run left unpublished, and only that"


def test_a_run_killed_from_outside_mid_extraction_is_repaired(
    store_settings: StoreSettings, tmp_path: Path, prefect_home: Path
) -> None:
    """``kill -9`` from outside while documents are being stored, on SQLite and PostgreSQL."""
    settings = store_settings
    inbox = make_inbox(tmp_path / "inbox")
    env = environment(settings, prefect_home, THIDUA_WORKERS="1")
    child = start(inbox, env)
    engine = create_engine(settings.database_url)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and child.process.poll() is None:
        try:
            with engine.connect() as connection:
                done = connection.execute(text("SELECT count(*) FROM extraction_runs")).scalar_one()
        except Exception:  # the child has not created the tables yet
            done = 0
        if 1 <= done < len(REPORTS) // 2:
            child.process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.02)
    engine.dispose()
    code, _, _ = child.wait(timeout=60)
    assert code == -signal.SIGKILL, "the run finished before it could be killed"
    assert wait_for_no_survivors(env["THIDUA_TEST_RUN_MARK"]) == [], "a child outlived its run"
    code, summary, err = run(inbox, environment(settings, prefect_home))
    assert code == 0 and summary is not None, err[-3000:]
    check_repaired(settings, summary)


def test_two_runs_at_once_do_the_work_once(
    store_settings: StoreSettings, tmp_path: Path, prefect_home: Path
) -> None:
    """A cron run and an ad-hoc run (or two workers) over the same inbox and store, on SQLite and
    PostgreSQL: neither fails, each report is extracted once, each cluster-year scored once."""
    inbox = make_inbox(tmp_path / "inbox")
    envs = [environment(store_settings, prefect_home, THIDUA_WORKERS="1") for _ in range(2)]
    children = [start(inbox, env) for env in envs]
    for code, summary, err in [child.wait() for child in children]:
        assert code == 0 and summary is not None and summary["failed"] == 0, err[-3000:]
    with Store.open(store_settings) as store:
        counts = store.run_counts()
        assert len(counts) == len(REPORTS) and set(counts.values()) == {1}
        assert published_per_cluster_year(store) == {key: 1 for key in CLUSTER_YEARS}
        with store._sessions() as session:
            scorings = dict(
                session.execute(select(Scoring.cluster_key, func.count()).group_by(Scoring.cluster_key)).all()
            )
        assert scorings == {key: 1 for key in CLUSTER_YEARS}
    for env in envs:
        assert wait_for_no_survivors(env["THIDUA_TEST_RUN_MARK"]) == []
