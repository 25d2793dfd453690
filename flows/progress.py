"""A progress line for ``thidua run`` on a terminal; silent everywhere else (deployments, tests, pipes)."""

from __future__ import annotations

import sys
import threading
from typing import TextIO

_lock = threading.Lock()
_state: dict = {"total": 0, "done": 0, "stream": None}


def start(total: int, stream: TextIO | None = None) -> None:
    """Show progress on ``stream`` (default stderr) only when it is a terminal."""
    stream = stream or sys.stderr
    with _lock:
        _state.update(total=total, done=0, stream=stream if stream.isatty() else None)


def advance(outcome: object) -> None:
    with _lock:
        _state["done"] += 1
        stream, done, total = _state["stream"], _state["done"], _state["total"]
        if stream is None or not total:
            return
        width = 30
        filled = width * done // total
        name = str(getattr(outcome, "path", ""))[-40:]
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<40}")
        if done >= total:
            stream.write("\n")
        stream.flush()


def stop() -> None:
    with _lock:
        _state.update(total=0, done=0, stream=None)
