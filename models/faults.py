"""Fault injection for the crash tests: a run that kills itself (``SIGKILL``) at a named point.

``THIDUA_CRASH_AT=<point>`` makes :func:`point` kill the process there, exactly as ``kill -9`` from outside
would, but at a known stage boundary, so that the tests can kill a run at every boundary and check that
the next run repairs what it left. Unset (always, outside those tests), :func:`point` is one dictionary
look-up. The points: ``kept`` (new files kept, nothing extracted), ``extracted`` (every document stored,
nothing scored), ``scored`` (a scoring recorded, its exports not written), ``published`` (published, the
run's summary not yet given).
"""

from __future__ import annotations

import os
import signal

POINTS = ("kept", "extracted", "scored", "published")
ENV = "THIDUA_CRASH_AT"


def point(name: str) -> None:
    """Die here, without any cleanup, if ``THIDUA_CRASH_AT`` names this point."""
    if os.environ.get(ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)
