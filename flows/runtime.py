"""Where the flows run and what they read: settings for the store, the inbox and Prefect.

Without ``PREFECT_API_URL`` the flows run on a temporary local Prefect server (:mod:`flows.server`). For
that embedded mode we switch off the server services that only feed the UI (task-run recorder, event
persister, triggers: they make SQLite answer "database is locked" to back-to-back flows) and keep
telemetry off; :class:`flows.server.PrefectAPI` also switches off the flow heartbeat there (a wait of up
to a second at every flow's end, for a UI nobody watches). With a Prefect server configured nothing is
changed. Nothing heavy is imported here: the command line reads this before it launches the server.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

_EMBEDDED_DEFAULTS = {
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED": "false",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
}


def configure_embedded_prefect() -> None:
    """Call before Prefect starts its temporary server (the settings are read by that subprocess)."""
    if not os.environ.get("PREFECT_API_URL"):
        for key, value in _EMBEDDED_DEFAULTS.items():
            os.environ.setdefault(key, value)


@contextmanager
def stop_on_sigterm() -> Iterator[None]:
    """Turn ``SIGTERM`` (a scheduler stopping the job, ``timeout``) into ``SystemExit`` for the block, so
    the cleanup of every ``with`` runs: the worker pool is stopped and the temporary server with it.
    (``kill -9`` runs no cleanup at all; the kernel stops those children, see flows.server.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@dataclass(frozen=True)
class Paths:
    """Folders under THIDUA_HOME besides the database and the originals."""

    home: Path

    @property
    def inbox(self) -> Path:
        return Path(os.environ.get("THIDUA_INBOX", self.home / "inbox"))

    @property
    def exports(self) -> Path:
        return self.home / "exports"

    @property
    def manual(self) -> Path:
        return self.home / "manual"

    @classmethod
    def from_env(cls) -> Paths:
        from models.store import StoreSettings

        return cls(StoreSettings.from_env().home)
