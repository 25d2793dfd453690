"""Bulk look-ups of what the store has already seen, for flows that skip finished work: which inbox files
already have a submission (:func:`submitted`) and which documents an extractor version already extracted
(:func:`runs_for`).

Each is one query per ``CHUNK`` values, so a nightly run over a large inbox does not ask once per file.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models.schema import Run, Submission

# Values per IN list: one query for any realistic inbox, under SQLite's 32766 bound parameters.
CHUNK = 10_000

InboxKey = tuple[str, int, int]  # (inbox path, size, mtime_ns): what makes a submission "the same file"


def inbox_key(path: Path) -> str:
    """How a submission names its inbox file: the path as the caller gives it (``ingest`` and ``unseen``
    must be given the same form of path)."""
    return str(path)


def submitted(
    sessions: sessionmaker[Session], paths: Sequence[Path]
) -> tuple[dict[Path, InboxKey], dict[InboxKey, str]]:
    """(path -> its key now, key -> sha256 of the latest submission with that key); files that vanished
    are left out."""
    stats: dict[Path, InboxKey] = {}
    for path in paths:
        try:
            st = Path(path).stat()
        except FileNotFoundError:
            continue
        stats[path] = (inbox_key(Path(path)), st.st_size, st.st_mtime_ns)
    known: dict[InboxKey, str] = {}
    columns = (Submission.inbox_path, Submission.size, Submission.mtime_ns, Submission.document_sha256)
    with sessions() as session:
        for chunk in chunks(sorted({key for key, _, _ in stats.values()})):
            query = select(*columns).where(Submission.inbox_path.in_(chunk)).order_by(Submission.id)
            known.update(((path, size, mtime), sha) for path, size, mtime, sha in session.execute(query))
    return stats, known


def runs_for(sessions: sessionmaker[Session], shas: Sequence[str], extractor_version: str) -> set[str]:
    """Of ``shas``, those with an ``ok`` or ``rejected`` run by ``extractor_version``."""
    found: set[str] = set()
    with sessions() as session:
        for chunk in chunks(sorted(set(shas))):
            query = (
                select(Run.document_sha256)
                .where(Run.document_sha256.in_(chunk), Run.extractor_version == extractor_version)
                .where(Run.status.in_(("ok", "rejected")))
                .distinct()
            )
            found.update(session.scalars(query))
    return found


def chunks(values: list[str]) -> Iterator[list[str]]:
    """``values`` in slices of at most ``CHUNK``."""
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]
