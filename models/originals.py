"""The kept originals on disk: every submitted file, copied in once and content-addressed under
``THIDUA_HOME/originals/ab/<sha256><.ext>``, read-only and never overwritten.

:class:`models.store.Store` copies a file in (:func:`copy_in`) before its transaction and puts the copy in
place (:func:`place`) inside it, so a committed document always has its original on disk.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import NamedTuple


class Copy(NamedTuple):
    """A file copied in and hashed, waiting in ``temporary`` to be placed at its content address."""

    sha256: str
    size: int  # bytes read, not a stat taken earlier
    mtime_ns: int
    temporary: Path


def relative_path(sha256: str, suffix: str) -> Path:
    """Where the original with ``sha256`` lives, relative to ``THIDUA_HOME`` (the suffix lower-cased)."""
    return Path("originals", sha256[:2], f"{sha256}{suffix.lower()}")


def copy_in(path: Path, directory: Path) -> Copy:
    """Copy ``path`` into a fsynced temporary file in ``directory`` (beside the originals, so placing it
    is a rename on one file system), hashing as it goes (one read)."""
    digest = hashlib.sha256()
    size = 0
    fd, name = tempfile.mkstemp(dir=directory, prefix=".incoming-", suffix=".part")
    temporary = Path(name)
    try:
        with path.open("rb") as source, os.fdopen(fd, "wb") as out:
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
