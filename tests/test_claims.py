"""Two runs at once on one store do each piece of work once: claims, and recording a run only once."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from models.claims import owner_alive, owner_token
from models.records import DocumentResult, UnitRef
from models.schema import Claim
from models.store import Store, StoreSettings

VERSION = "extract-1"


def _ingested(store: Store, folder: Path, name: str, data: bytes) -> str:
    path = folder / name
    path.write_bytes(data)
    return store.ingest(path).sha256


def _result(sha: str) -> DocumentResult:
    return DocumentResult(
        "hk.docx", sha, "docx", "ok", unit=UnitRef("hoan-kiem", "Quận Hoàn Kiếm"), year=2021,
        extractor_version=VERSION,
    )  # fmt: skip


def _dead_owner() -> str:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    token = owner_token(child.pid)
    child.kill()
    child.wait()
    return token


def test_owner_tokens_tell_live_from_dead_and_trust_other_hosts_to_their_lease() -> None:
    assert owner_alive(owner_token()) is True
    assert owner_alive(_dead_owner()) is False
    assert owner_alive("another-host:123:456") is None


def test_a_claim_is_held_until_released_and_a_dead_owners_claim_is_taken_over(
    store: Store, tmp_path: Path
) -> None:
    sha = _ingested(store, tmp_path, "a.docx", b"a")
    me, other = owner_token(), "another-host:1:1"
    assert store.claim(sha, VERSION, other) is None
    assert store.claim(sha, VERSION, me) == other, "a live claim (its lease running) is respected"
    assert store.live_claims([sha], VERSION) == {sha}
    store.release(sha, VERSION, other)
    assert store.claim(sha, VERSION, me) is None and store.claim(sha, VERSION, me) is None  # idempotent
    store.release(sha, VERSION, me)
    dead = _dead_owner()
    assert store.claim(sha, VERSION, dead) is None
    assert store.live_claims([sha], VERSION) == set(), "a dead owner on this host holds nothing"
    assert store.claim(sha, VERSION, me) is None, "a run killed and started again takes its work back"
    assert store.claim(sha, "extract-2", other) is None, "another extractor version is other work"


def test_an_expired_lease_of_another_host_is_taken_over(store: Store, tmp_path: Path) -> None:
    sha = _ingested(store, tmp_path, "a.docx", b"a")
    assert store.claim(sha, VERSION, "another-host:1:1", lease=timedelta(seconds=-1)) is None
    assert store.claim(sha, VERSION, owner_token()) is None


def test_recording_releases_the_claim_and_a_second_result_is_not_recorded(
    store: Store, tmp_path: Path
) -> None:
    sha = _ingested(store, tmp_path, "a.docx", b"a")
    me, now = owner_token(), datetime.now(UTC)
    assert store.claim(sha, VERSION, me) is None
    first = store.record_run_once(_result(sha), started_at=now, finished_at=now, owner=me)
    assert first is not None and store.live_claims([sha], VERSION) == set()
    with store._sessions() as session:
        assert session.query(Claim).count() == 0
    assert store.record_run_once(_result(sha), started_at=now, finished_at=now) is None
    assert store.record_run(_result(sha), started_at=now, finished_at=now) > first  # a re-extraction adds
    assert len(store.runs(sha)) == 2


def test_racing_runs_record_each_document_once(store_settings: StoreSettings, tmp_path: Path) -> None:
    """Eight threads, each with a store of its own (as two processes would have), claim and record the
    same twenty documents; on SQLite and PostgreSQL every document ends with exactly one run."""
    with Store.open(store_settings) as store:
        shas = [_ingested(store, tmp_path, f"r{i}.docx", f"report {i}".encode()) for i in range(20)]
    barrier = threading.Barrier(8, timeout=60)
    recorded: list[int] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    # Opened here, one after the other: Alembic's migration runner is not thread-safe within a process.
    stores = [Store.open(store_settings) for _ in range(8)]

    def worker(n: int) -> None:
        owner = f"racer-{n}:1:1"  # as if on another host: held until released or its lease ends
        with stores[n] as mine:
            barrier.wait()
            try:
                for sha in shas:
                    if mine.claim(sha, VERSION, owner) is not None:
                        continue
                    now = datetime.now(UTC)
                    run_id = mine.record_run_once(_result(sha), started_at=now, finished_at=now, owner=owner)
                    if run_id is not None:
                        with lock:
                            recorded.append(run_id)
            except BaseException as exc:  # reported below: a thread's exception would otherwise be lost
                errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Store.open(store_settings) as store:
        assert store.run_counts() == {sha: 1 for sha in shas}
        assert len(recorded) == 20 and store.live_claims(shas, VERSION) == set()
