"""Claims: which run is doing which piece of work right now, so that two runs at once do the work once.

A run claims ``(document sha256, extractor version)`` before it extracts and gives the claim up in the
transaction that stores the result (or when it gives up); likewise ``(publish:<cluster key>, inputs
fingerprint)`` before it publishes a cluster-year. Another run that finds a live claim leaves the
document alone. A claim is live while its owner lives: the owner is named by host, process id and the
process's start time (so a recycled pid is not mistaken for it); on the same host a dead owner is seen at
once, so a run killed with ``kill -9`` and started again takes its documents straight back. An owner on
another host is trusted until its lease (``expires_at``) runs out.

Every function here runs inside a write transaction of the caller's (``Store._write``): SQLite serialises
those (``BEGIN IMMEDIATE``), and on PostgreSQL two inserts of the same key meet at the primary key, so the
loser's transaction fails with an ``IntegrityError`` and its retry sees the winner's row.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy.orm import Session

from models.schema import Claim

# Longer than any one document may take (the per-document time limit is well below it); only matters
# when the owner is on another host and died without releasing its claims.
DEFAULT_LEASE = timedelta(hours=1)


def _start_ticks(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (Linux ``/proc``), or None elsewhere."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
        return fields[19].decode()  # field 22 of stat(5); the first two were cut with the command name
    except (OSError, IndexError):
        return None


@lru_cache(maxsize=1)
def _host() -> str:
    return socket.gethostname()


def owner_token(pid: int | None = None) -> str:
    """``host:pid:start`` of this process (or of ``pid`` on this host)."""
    pid = os.getpid() if pid is None else pid
    return f"{_host()}:{pid}:{_start_ticks(pid) or '?'}"


def pid_alive(pid: int) -> bool:
    """Whether a process ``pid`` exists on this host (one of another user's counts as alive)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def owner_alive(owner: str) -> bool | None:
    """True or False for an owner on this host; None (unknown: trust the lease) for another host."""
    host, _, rest = owner.partition(":")
    pid_text, _, start = rest.partition(":")
    if host != _host() or not pid_text.isdigit():
        return None
    pid = int(pid_text)
    now_start = _start_ticks(pid)
    if now_start is None:  # no /proc: a live pid is taken for the owner
        return pid_alive(pid) and start == "?"
    return now_start == start


def live(row: Claim, now: datetime) -> bool:
    """Whether the claim's owner may still be at work."""
    alive = owner_alive(row.owner)
    return bool(alive) or (alive is None and row.expires_at > now)


def claim(
    session: Session, subject: str, version: str, owner: str, now: datetime, lease: timedelta
) -> str | None:
    """Claim the work for ``owner``; None when claimed (or already ours), else the live owner's name.

    ``INSERT … ON CONFLICT DO NOTHING`` first: on PostgreSQL it waits for a competing insert of the same
    key to commit or roll back instead of failing, so racing claims never raise; then the row is read
    under a row lock to see whose it is."""
    values = {
        "subject": subject,
        "version": version,
        "owner": owner,
        "claimed_at": now,
        "expires_at": now + lease,
    }
    insert = _insert_for(session)
    for _ in range(10):  # a released claim can vanish between the two statements: look again
        if session.execute(insert(Claim).values(**values).on_conflict_do_nothing()).rowcount == 1:
            return None
        row = session.get(Claim, (subject, version), with_for_update=True, populate_existing=True)
        if row is None:
            continue
        if row.owner != owner and live(row, now):
            return row.owner
        row.owner, row.claimed_at, row.expires_at = owner, now, now + lease  # ours, or a dead owner's
        session.flush()
        return None
    raise RuntimeError(f"could not claim {subject} ({version}): it kept being claimed and released")


def _insert_for(session: Session) -> Callable[..., Any]:
    """The dialect's ``insert`` (both have ``on_conflict_do_nothing``; the generic one has not)."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def release(session: Session, subject: str, version: str, owner: str) -> None:
    """Drop the claim if it is still ``owner``'s (a claim taken over from us stays with its new owner)."""
    row = session.get(Claim, (subject, version), with_for_update=True)
    if row is not None and row.owner == owner:
        session.delete(row)
