"""The operator's scale on the web path: in the January weeks every unit of an office submits through the
web app, several at once, while the nightly run goes over the uploads.

150 distinct reports (Word and PDF, resubmissions of the same unit-year included, from the benchmark's
corpus generator) are uploaded by their own units' accounts to a real server by four concurrent clients,
while ``extract_pending`` (what the nightly run does for uploads) runs beside them. Every upload must be
read, every document extracted exactly once (the claims), none failed; the unit's latest version is its
current report; a unit cannot open another unit's upload; a later pass finds nothing left to do.
"""

from __future__ import annotations

import re
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from browser_env import serve
from review_env import PASSWORD, csrf_of

from benchmarks.corpus import CorpusSpec, GeneratedReport, generate
from extractors.ingest import HELD_ELSEWHERE
from extractors.precheck import precheck
from extractors.submission import extract_pending
from models.store import Store, StoreSettings
from review.security import hash_password
from review.settings import ReviewSettings
from scoring.cluster_setup import new_cluster, save_cluster

DOCS = 150
HOLDERS = (HELD_ELSEWHERE, "extracted by another run at the same time")
CLIENTS = 4


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[GeneratedReport]:
    return generate(CorpusSpec(docs=DOCS, seed=13, pages=(2, 3)), tmp_path_factory.mktemp("corpus"))


def _clusters(corpus: list[GeneratedReport]) -> dict[int, str]:
    """One cluster-year per year, of every unit that reports that year: year -> cluster id."""
    members: dict[int, set[str]] = defaultdict(set)
    for report in corpus:
        members[report.year].add(report.unit_id)
    for year, units in members.items():
        ordered = sorted(units)
        save_cluster(new_cluster("so-noi-vu", 90, year, ordered, ordered[0]), by="test")
    return dict.fromkeys(members, "so-noi-vu.cum-90")


def _log_in(client: httpx.Client, name: str) -> str:
    page = client.get("/login")
    form = {"username": name, "password": PASSWORD, "csrf": csrf_of(page.text)}
    assert client.post("/login", data=form).status_code == 303
    return csrf_of(client.get("/nop").text)


def _upload_all(base: str, reports: list[GeneratedReport], clusters: dict[int, str]) -> list[tuple]:
    """One unit's reports in their order (v1 before v2), through its own account; the uploads' ids."""
    sent = []
    with httpx.Client(base_url=base, timeout=60) as client:
        csrf = _log_in(client, reports[0].unit_id)
        for report in reports:
            target = f"/nop/{clusters[report.year]}/{report.year}/bao-cao"
            files = {"file": (report.path.name, report.path.read_bytes())}
            response = client.post(target, data={"csrf": csrf}, files=files)
            assert response.status_code == 303, response.text[-500:]
            upload_id = int(re.search(r"/nop/ho-so/(\d+)", response.headers["location"])[1])
            sent.append((report, upload_id))
    return sent


def test_hundreds_of_units_upload_at_once_while_the_nightly_pass_runs(
    corpus: list[GeneratedReport], tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("THIDUA_HOME", str(home))
    settings = ReviewSettings(
        store=StoreSettings(home=home, database_url=db_url),
        secret_key="k" * 48,
        manual_dir=home / "manual",
    )
    clusters = _clusters(corpus)
    by_unit: dict[str, list[GeneratedReport]] = defaultdict(list)
    for report in sorted(corpus, key=lambda r: (r.unit_id, r.year, r.version)):
        by_unit[report.unit_id].append(report)
    with Store.open(settings.store) as store:
        digest = hash_password(PASSWORD)
        for unit_id in by_unit:
            store.add_user(unit_id, "unit", digest, unit_id=unit_id)

        server = serve(settings)
        base = next(server)
        stop = threading.Event()
        nightly: list = []

        def nightly_pass() -> None:  # the nightly run's pass over the uploads, at the same time
            while not stop.is_set():
                nightly.extend(extract_pending(store))
                time.sleep(0.5)

        beside = threading.Thread(target=nightly_pass)
        beside.start()
        try:
            with ThreadPoolExecutor(CLIENTS) as pool:
                batches = list(pool.map(lambda u: _upload_all(base, by_unit[u], clusters), by_unit))
            sent = [pair for batch in batches for pair in batch]
            assert len(sent) == DOCS
            deadline = time.monotonic() + 1200
            states = {}
            while time.monotonic() < deadline:
                states = {upload_id: precheck(store, upload_id).state for _, upload_id in sent}
                if "pending" not in states.values():
                    break
                time.sleep(1)
        finally:
            stop.set()
            beside.join(timeout=600)
        assert set(states.values()) == {"ok"}, {
            s: list(states.values()).count(s) for s in set(states.values())
        }
        counts = store.run_counts()
        assert len(counts) == DOCS and set(counts.values()) == {1}, "each document extracted exactly once"
        taken = sum(o.status == "processed" for o in nightly)
        print(
            f"{DOCS} uploads by {len(by_unit)} units; the nightly pass extracted {taken}, the server the rest"
        )
        # the nightly pass took what the server had not started, and left what the server held alone
        assert all(o.status == "processed" or o.reason.startswith(HOLDERS) for o in nightly), [
            (o.status, o.reason) for o in nightly if o.status != "processed"
        ]
        for unit_id, reports in by_unit.items():
            for year in {r.year for r in reports}:
                last = max((r for r in reports if r.year == year), key=lambda r: r.version)
                current = store.latest_submission(unit_id, year)
                assert current is not None and current.original_name == last.path.name, (unit_id, year)
        assert extract_pending(store) == []

        # a unit never opens another unit's upload
        report, mine = sent[0]
        theirs = next(upload_id for r, upload_id in sent if r.unit_id != report.unit_id)
        with httpx.Client(base_url=base, timeout=60) as client:
            _log_in(client, report.unit_id)
            assert client.get(f"/nop/ho-so/{mine}").status_code == 200
            assert client.get(f"/nop/ho-so/{theirs}").status_code == 404
        next(server, None)  # the server stops
