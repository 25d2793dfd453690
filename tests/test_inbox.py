"""A safe inbox: links and special files are never read, an oversize file is refused before it is copied,
the same bytes under several names are extracted once, and killed runs' temporary copies are swept."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractors.inbox import plan, scan_inbox
from extractors.ingest import ingest_file
from extractors.readers.limits import MB, Limits
from flows.nightly import jobs_for
from models.originals import NotARegularFile, sweep_temporaries
from models.schema import Document, Submission
from models.store import Store

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def originals(store: Store) -> list[Path]:
    return sorted(p for p in store.originals.rglob("*") if p.is_file())


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(SAMPLES / "hoan-kiem-2021-prose.docx", folder / "hoan-kiem.docx")
    return folder


def test_a_link_to_a_system_file_is_reported_and_never_read(store: Store, inbox: Path) -> None:
    (inbox / "passwd.pdf").symlink_to("/etc/passwd")
    (inbox / "other.docx").symlink_to(inbox / "hoan-kiem.docx")  # even a link to a report inside the inbox
    os.mkfifo(inbox / "pipe.docx")  # a read would block the run forever
    scan = scan_inbox(inbox)
    assert scan.files == [inbox / "hoan-kiem.docx"]
    reasons = {Path(o.path).name: o.reason for o in scan.ignored}
    assert set(reasons) == {"passwd.pdf", "other.docx", "pipe.docx"}
    assert "symbolic link" in reasons["passwd.pdf"] and "copy the report itself" in reasons["passwd.pdf"]
    assert "not a regular file" in reasons["pipe.docx"]
    assert all(o.status == "skipped" for o in scan.ignored)


def test_linked_folders_are_not_walked(store: Store, inbox: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(SAMPLES / "ba-dinh-2021-awards.docx", outside / "ba-dinh.docx")
    (inbox / "linked").symlink_to(outside, target_is_directory=True)
    (inbox / "sub").mkdir()
    shutil.copy(SAMPLES / "dong-da-2021-longtable.docx", inbox / "sub" / "dong-da.docx")
    scan = scan_inbox(inbox, recursive=True)
    assert [p.name for p in scan.files] == ["hoan-kiem.docx", "dong-da.docx"]
    assert [Path(o.path).name for o in scan.ignored] == ["linked"]
    assert [p.name for p in scan_inbox(inbox).files] == ["hoan-kiem.docx"]  # not recursive: no sub-folders


def test_a_link_swapped_in_after_the_scan_is_refused_not_copied(store: Store, inbox: Path) -> None:
    path = inbox / "hoan-kiem.docx"
    files = scan_inbox(inbox).files
    path.unlink()
    path.symlink_to("/etc/passwd")  # the race: a regular file at scan time, a link at copy time
    with pytest.raises(NotARegularFile):
        store.ingest(path)
    ingested, outcome = ingest_file(store, files[0])
    assert ingested is None and outcome is not None and outcome.status == "skipped"
    assert "symbolic link" in (outcome.reason or "")
    assert originals(store) == []


def test_an_oversize_file_is_refused_before_copying_and_recorded_by_hash(store: Store, inbox: Path) -> None:
    big = inbox / "scan-200mb.pdf"
    big.write_bytes(b"%PDF-1.7\n" + b"0" * (3 * MB))
    limits = Limits(max_file_bytes=2 * MB)
    ingested, outcome = ingest_file(store, big, limits)
    assert ingested is not None and not ingested.kept and outcome is not None
    assert outcome.status == "rejected"
    assert "3 MB, larger than the 2 MB limit" in (outcome.reason or "") and str(big) in (outcome.reason or "")
    assert originals(store) == [], "the bytes of a refused file are not kept"
    assert not list(store.originals.glob(".incoming-*"))
    with store._sessions() as session:
        document = session.get(Document, ingested.sha256)
        assert document is not None and document.stored_path is None and document.status == "rejected"
        assert session.query(Submission).filter_by(document_sha256=ingested.sha256).count() == 1
    with pytest.raises(KeyError, match="refused for its size"):
        store.original_path(ingested.sha256)
    _, again = ingest_file(store, big, limits)  # seen again (say, touched): refused once, not twice
    assert again is not None and again.status == "skipped" and len(store.runs(ingested.sha256)) == 1


def test_the_same_bytes_under_several_names_are_extracted_once(store: Store, inbox: Path) -> None:
    for name in ("copy-1.docx", "copy-2.docx"):
        shutil.copy(inbox / "hoan-kiem.docx", inbox / name)
    scan = scan_inbox(inbox)
    work = plan(store, scan.files)
    kept = [(path, *ingest_file(store, path)) for path in work.new]
    jobs, settled = jobs_for(store, work.known, kept)
    assert [Path(j.display_path).name for j in jobs] == ["copy-1.docx"]
    assert [(Path(o.path).name, o.status) for o in settled] == [
        ("copy-2.docx", "skipped"),
        ("hoan-kiem.docx", "skipped"),
    ]
    assert all("same content as" in (o.reason or "") for o in settled)
    with store._sessions() as session:
        assert session.query(Submission).count() == 3, "every name is recorded as a submission"
        assert session.query(Document).count() == 1


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_sweep_removes_what_dead_runs_left_and_keeps_live_copies(tmp_path: Path) -> None:
    host = socket.gethostname()
    folder = tmp_path / "originals"
    folder.mkdir()
    dead = folder / f".incoming-{host}-{_dead_pid()}-abc123.part"
    live = folder / f".incoming-{host}-{os.getpid()}-def456.part"
    elsewhere = folder / ".incoming-other-host-42-ghi789.part"
    legacy_old = folder / ".incoming-x1y2z3.part"
    for path in (dead, live, elsewhere, legacy_old):
        path.write_bytes(b"partial copy")
    old = time.time() - 3600
    os.utime(legacy_old, (old, old))
    removed = sweep_temporaries(folder)
    assert sorted(removed) == sorted([dead, legacy_old])
    assert live.exists() and elsewhere.exists()
    # a day later anything left is stale, whoever made it
    assert set(sweep_temporaries(folder, now=time.time() + 2 * 24 * 3600)) == {live, elsewhere}
