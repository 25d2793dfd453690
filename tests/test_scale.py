"""The operator's scale, not the demo's: hundreds of distinct reports in one ``thidua run``.

The reports come from the benchmark's corpus generator (every one different in its figures and text,
Word and PDF mixed, ruled tables on about a page in four). One run must take them all: nothing failed,
nothing rejected, every report extracted once with its unit and year, and the workers' memory bounded.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pipeline_env import environment, run, wait_for_no_survivors

from benchmarks.corpus import CorpusSpec, generate
from models.store import Store, StoreSettings

DOCS = 240


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list:
    return generate(CorpusSpec(docs=DOCS, seed=7, pages=(2, 3)), tmp_path_factory.mktemp("corpus"))


def test_one_run_takes_hundreds_of_distinct_reports(corpus: list, tmp_path: Path) -> None:
    inbox = corpus[0].path.parent
    settings = StoreSettings(home=tmp_path / "home", database_url=f"sqlite:///{tmp_path / 'thidua.db'}")
    env = environment(settings, tmp_path / "prefect")
    code, summary, err = run(inbox, env, timeout=1500)
    assert code == 0 and summary is not None, err[-3000:]
    assert (summary["processed"], summary["failed"], summary["rejected"]) == (DOCS, 0, 0), summary["failures"]
    assert summary["workers"] == 2 and len(summary["worker_peak_rss_mb"]) == 2, "both cores used"
    assert max(summary["worker_peak_rss_mb"].values()) < 400, "one document at a time per worker"
    assert wait_for_no_survivors(env["THIDUA_TEST_RUN_MARK"]) == []
    with Store.open(settings) as store:
        assert set(store.run_counts().values()) == {1}
        frame = store.status_frame()
    identified = frame.dropna(subset=["unit_id"])
    assert int(identified["documents"].sum()) == DOCS, "every report's unit and year recognised"
    expected = {(r.unit_id, r.year) for r in corpus}
    assert {(u, int(y)) for u, y in zip(identified["unit_id"], identified["year"], strict=True)} == expected

    code, warm, err = run(inbox, env)
    assert code == 0 and warm is not None, err[-3000:]
    assert (warm["processed"], warm["skipped"], warm["scored"]) == (0, DOCS, [])
