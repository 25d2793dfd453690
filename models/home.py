"""Where thidua keeps its data: ``THIDUA_HOME``, default ``./.thidua`` (made absolute when read).

A module of its own, importing nothing, so that the units registry (read by every extraction) can find
the units an admin registered without importing the store.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

DEFAULT_HOME = Path(".thidua")


def thidua_home(environ: Mapping[str, str] | None = None) -> Path:
    """``THIDUA_HOME`` of ``environ`` (default: the process environment), else ``./.thidua``, absolute."""
    env = os.environ if environ is None else environ
    return Path(env.get("THIDUA_HOME") or DEFAULT_HOME).absolute()
