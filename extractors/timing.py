"""Where extraction spends its time, by stage: cheap counters for the benchmark and the run's summary.

Stages: ``read`` (parsing the file into a Document, repairs excluded), ``repair`` (legacy font encodings,
split syllables), ``rules`` (the spaCy pipeline and table readers producing candidates), ``resolve``
(one figure per indicator, cross-checks). The counters are per process and per thread (a worker process
extracts one document at a time; the flow's threads do not extract), so no lock is needed, and a stage
nested in another (repair inside read) is subtracted from its parent rather than counted twice.
Overhead: two ``perf_counter`` calls per timed call (~0.2 µs), on calls that do far more work.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

STAGES = ("read", "repair", "rules", "resolve")

_local = threading.local()
P = ParamSpec("P")
R = TypeVar("R")


def _state() -> tuple[defaultdict[str, float], list[float]]:
    if not hasattr(_local, "totals"):
        _local.totals = defaultdict(float)
        _local.nested = []  # time spent in inner stages, per open stage
    return _local.totals, _local.nested


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Count the time of the block under ``name`` (minus any inner stage's)."""
    totals, nested = _state()
    nested.append(0.0)
    start = time.perf_counter()
    try:
        yield
    finally:
        elapsed = time.perf_counter() - start
        inner = nested.pop()
        totals[name] += elapsed - inner
        if nested:
            nested[-1] += elapsed


def timed(name: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorator form of :func:`stage`."""

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        @wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            with stage(name):
                return func(*args, **kwargs)

        return wrapper

    return decorate


def take() -> dict[str, float]:
    """The seconds counted per stage since the last call, and reset."""
    totals, _ = _state()
    out = {k: round(v, 6) for k, v in totals.items()}
    totals.clear()
    return out
