"""SQLite setup of the store's engine: switching to WAL waits out a moment of contention instead of failing
(two runs opening the store together saw "database is locked" from the journal-mode pragma)."""

from __future__ import annotations

import sqlite3

import pytest

from models import engine


class _Cursor:
    """A cursor whose journal-mode pragma is locked the first ``locked`` times."""

    def __init__(self, locked: int, message: str = "database is locked") -> None:
        self.locked, self.message, self.calls = locked, message, []

    def execute(self, sql: str) -> _Cursor:
        self.calls.append(sql)
        if self.locked:
            self.locked -= 1
            raise sqlite3.OperationalError(self.message)
        self.result = "delete" if sql == "PRAGMA journal_mode" else "wal"
        return self

    def fetchone(self) -> tuple[str]:
        return (self.result,)


def test_wal_is_set_after_the_lock_is_released(monkeypatch) -> None:
    monkeypatch.setattr(engine.time, "sleep", lambda s: None)
    cursor = _Cursor(locked=3)
    engine._use_wal(cursor)
    assert cursor.calls[-2:] == ["PRAGMA journal_mode", "PRAGMA journal_mode = WAL"]


def test_a_store_already_in_wal_is_not_switched_again(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    for _ in range(2):
        with engine.make_engine(url).connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_other_errors_and_a_lock_past_the_timeout_are_raised(monkeypatch) -> None:
    with pytest.raises(sqlite3.OperationalError, match="disk I/O error"):
        engine._use_wal(_Cursor(locked=1, message="disk I/O error"))
    clock = iter(range(0, 10_000, 30))
    monkeypatch.setattr(engine.time, "monotonic", lambda: next(clock))
    monkeypatch.setattr(engine.time, "sleep", lambda s: None)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        engine._use_wal(_Cursor(locked=100))
