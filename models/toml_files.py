"""The small TOML files thidua writes for people to read beside its database (the units an admin
registered, the cluster-years an admin set up): a value as a TOML string, an exclusive lock beside the
file, and an atomic replace that never leaves half a file and never replaces a readable file by one that
does not load.
"""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string."""
    # JSON's string escapes (\\", \\\\, \\n, \\uXXXX) are a subset of a TOML basic string's
    return json.dumps(text, ensure_ascii=False)


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive lock on ``<path>.lock``, so that two writers of ``path`` take turns."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def write_atomically(
    path: Path,
    text: str,
    check: Callable[[Path], object] | None = None,
    before_replace: Callable[[], object] | None = None,
) -> None:
    """Write ``text`` to a fsynced temporary file beside ``path``, ``check`` it (it raises for a file that
    must not replace the current one), run ``before_replace`` (e.g. keep the current version), then put it
    in place with one rename. On any failure the temporary file goes and ``path`` is as it was."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if check is not None:
            check(Path(tmp))
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
