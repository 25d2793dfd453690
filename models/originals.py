"""The kept originals on disk: every submitted file, copied in once and content-addressed under
``THIDUA_HOME/originals/ab/<sha256><.ext>``, read-only and never overwritten.

:class:`models.store.Store` copies a file in (:func:`copy_in`) before its transaction and puts the copy in
place (:func:`place`) inside it, so a committed document always has its original on disk.

Files are opened without following symbolic links (a link swapped in after the inbox was scanned is
refused, not copied), and only regular files are read (a FIFO would block the run). A file over the size
limit is only hashed (:func:`hash_only`): its hash and name are recorded, its bytes are not kept.
Temporary copies are named after their process (``.incoming-<host>-<pid>-….part``), so that
:func:`sweep_temporaries` can remove those a killed run left without touching a live run's.
"""

from __future__ import annotations

import hashlib
import os
import socket
import stat
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from models.claims import pid_alive

TEMP_PREFIX = ".incoming-"
STALE_AFTER_S = 24 * 3600  # a temporary copy this old is stale whoever made it (another host's, say)


class NotARegularFile(OSError):
    """The inbox entry is a symbolic link, a folder, a FIFO or a device: never read, never kept."""


class Copy(NamedTuple):
    """A file copied in and hashed, waiting in ``temporary`` to be placed at its content address."""

    sha256: str
    size: int  # bytes read, not a stat taken earlier
    mtime_ns: int
    temporary: Path


def relative_path(sha256: str, suffix: str) -> Path:
    """Where the original with ``sha256`` lives, relative to ``THIDUA_HOME`` (the suffix lower-cased)."""
    return Path("originals", sha256[:2], f"{sha256}{suffix.lower()}")


class Hashed(NamedTuple):
    """A file hashed without being kept (refused for its size)."""

    sha256: str
    size: int
    mtime_ns: int


def open_regular(path: Path) -> int:
    """A read-only descriptor of ``path``, refusing symbolic links and anything but a regular file."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        if exc.errno == getattr(os, "ELOOP", -1) or Path(path).is_symlink():
            raise NotARegularFile(exc.errno, "a symbolic link (links are not followed)", str(path)) from exc
        raise
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise NotARegularFile(0, "not a regular file", str(path))
    return fd


def file_size(path: Path) -> int:
    """The size of the regular file ``path`` (links not followed), for the size check before any copy."""
    fd = open_regular(path)
    try:
        return os.fstat(fd).st_size
    finally:
        os.close(fd)


def hash_only(path: Path) -> Hashed:
    """The sha256 of ``path`` without keeping its bytes (one streaming read)."""
    digest = hashlib.sha256()
    size = 0
    with os.fdopen(open_regular(path), "rb") as source:
        mtime_ns = os.fstat(source.fileno()).st_mtime_ns
        while chunk := source.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return Hashed(digest.hexdigest(), size, mtime_ns)


def _temp_prefix() -> str:
    return f"{TEMP_PREFIX}{socket.gethostname()}-{os.getpid()}-"


def copy_in(path: Path, directory: Path) -> Copy:
    """Copy ``path`` into a fsynced temporary file in ``directory`` (beside the originals, so placing it
    is a rename on one file system), hashing as it goes (one read)."""
    digest = hashlib.sha256()
    size = 0
    source_fd = open_regular(path)
    fd, name = tempfile.mkstemp(dir=directory, prefix=_temp_prefix(), suffix=".part")
    temporary = Path(name)
    try:
        with os.fdopen(source_fd, "rb") as source, os.fdopen(fd, "wb") as out:
            mtime_ns = os.fstat(source.fileno()).st_mtime_ns
            while chunk := source.read(1 << 20):
                digest.update(chunk)
                out.write(chunk)
                size += len(chunk)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return Copy(digest.hexdigest(), size, mtime_ns, temporary)


def sweep_temporaries(directory: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary copies no live process is writing and return them: those of processes of
    this host that are gone, those older than ``STALE_AFTER_S`` (another host's, or a recycled pid's),
    and nameless ones (made before copies carried their process) older than ten minutes."""
    now = time.time() if now is None else now
    removed = []
    for entry in directory.glob(f"{TEMP_PREFIX}*.part"):
        parts = entry.name[len(TEMP_PREFIX) : -len(".part")].rsplit("-", 2)
        try:
            age = now - entry.stat().st_mtime
        except FileNotFoundError:
            continue
        if len(parts) == 3 and parts[1].isdigit():
            host, pid = parts[0], int(parts[1])
            stale = age > STALE_AFTER_S or (host == socket.gethostname() and not pid_alive(pid))
        else:
            stale = age > 600
        if stale:
            entry.unlink(missing_ok=True)
            removed.append(entry)
    return removed


def place(temporary: Path, target: Path) -> None:
    """Move the fsynced copy to its content address unless an original is already there."""
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary.chmod(0o444)  # originals are evidence: read-only
    # Two processes racing here both hold the same bytes, so the loser's replace changes nothing.
    os.replace(temporary, target)
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
        fd = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
