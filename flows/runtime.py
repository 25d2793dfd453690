"""Where the flows run and what they read: settings for the store, the inbox and Prefect.

Without ``PREFECT_API_URL`` the flows run on Prefect's temporary local API server (started by the first
flow call, ~4–14 s, its history gone when the process exits). For that embedded mode we switch off the
server services that only feed the UI (task-run recorder, event persister, triggers: they make SQLite
answer "database is locked" to back-to-back flows) and the flow heartbeat (a 1 s wait at every flow's end),
and keep telemetry off. With a Prefect server configured nothing is changed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from models.store import StoreSettings

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
def flow_settings() -> Iterator[None]:
    """No heartbeat wait for short flows in embedded mode."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    if os.environ.get("PREFECT_API_URL"):
        yield
        return
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield


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
        return cls(StoreSettings.from_env().home)
