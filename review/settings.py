"""Settings of the review app, read from the same THIDUA_* environment as the pipeline."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from models.store import StoreSettings


@dataclass(frozen=True)
class ReviewSettings:
    store: StoreSettings
    secret_key: str
    cookie_secure: bool = False  # True behind HTTPS; the default bind is 127.0.0.1 over plain HTTP
    session_hours: int = 8
    manual_dir: Path | None = None
    # worker processes that extract uploads (THIDUA_WEB_WORKERS); 0: in the server's own threads
    extract_workers: int = 1

    @property
    def home(self) -> Path:
        return self.store.home

    @property
    def manual(self) -> Path:
        return self.manual_dir or Path(os.environ.get("THIDUA_MANUAL", self.home / "manual"))

    @property
    def exports(self) -> Path:
        return self.home / "exports"

    @property
    def cache(self) -> Path:
        return self.home / "cache"

    @classmethod
    def from_env(cls, store: StoreSettings | None = None, manual_dir: Path | None = None) -> ReviewSettings:
        store = store or StoreSettings.from_env()
        return cls(
            store=store,
            secret_key=os.environ.get("THIDUA_SECRET_KEY") or _secret_file(store.home),
            cookie_secure=os.environ.get("THIDUA_COOKIE_SECURE", "").lower() in {"1", "true", "yes"},
            manual_dir=manual_dir,
            extract_workers=_workers(os.environ.get("THIDUA_WEB_WORKERS", "").strip()),
        )


def _workers(raw: str) -> int:
    if not raw:
        return 1
    if not raw.isdigit():
        raise ValueError(
            f"THIDUA_WEB_WORKERS={raw!r}: give a number of worker processes (0 extracts uploads in the "
            "web server's own threads)"
        )
    return int(raw)


def _secret_file(home: Path) -> str:
    """A per-installation signing key, created once with owner-only permissions."""
    path = home / "secret_key"
    if not path.exists():
        home.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process created it first: use theirs
            return path.read_text().strip()
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(48))
    return path.read_text().strip()
