"""Database engines for the store: :func:`make_engine` and the ``WRITE`` execution option.

SQLite needs per-connection setup to behave as a shared store (WAL, foreign keys, a busy timeout) and
writers that take the lock up front; PostgreSQL needs nothing beyond a pre-ping. Both serialise JSON with
:func:`models.columns.dumps`.
"""

from __future__ import annotations

import sqlite3
import time
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine

from models.columns import dumps

SQLITE_BUSY_TIMEOUT_S = 60  # a nightly run and the review app may write at the same moment
WRITE = "thidua_write"  # execution option: this connection's transactions will write
DEFAULT_POOL_SIZE = 5  # SQLAlchemy's own default: enough for the review app and the CLI
# Waiting for a pooled connection longer than a writer may wait for SQLite's lock means the pool is too
# small for the threads using it: a bug of ours, so say so rather than time out quietly.
POOL_TIMEOUT_S = SQLITE_BUSY_TIMEOUT_S + 30


def _use_wal(cursor: Any) -> None:
    """Put the database in WAL mode (a setting kept in the file, so once is enough).

    Switching the mode needs a moment alone with the file and SQLite does not wait for it through the busy
    timeout: two processes opening a new store at once (two runs started together) would see "database
    is locked". So the mode is read first, and the switch retried for up to the busy timeout."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_S
    while True:
        try:
            mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
            if str(mode).lower() != "wal":
                cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def make_engine(url: str, *, pool_size: int | None = None) -> Engine:
    """An engine for ``url``. SQLite gets WAL, foreign keys, a busy timeout, and ``BEGIN IMMEDIATE`` on
    connections with the ``WRITE`` execution option (``engine.execution_options(thidua_write=True)``).

    ``pool_size`` is how many threads of this process use the store at once (a nightly run sizes it to
    its task threads); every thread gets a connection without waiting, and a few more may overflow."""
    size = max(pool_size or DEFAULT_POOL_SIZE, 1)
    pooling = {"pool_size": size, "max_overflow": size, "pool_timeout": POOL_TIMEOUT_S}
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True, json_serializer=dumps, **pooling)
    if ":memory:" in url or url.rstrip("/") in ("sqlite:", "sqlite:/"):
        pooling = {}  # an in-memory database lives in one connection (SingletonThreadPool)
    engine = create_engine(
        url,
        json_serializer=dumps,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False},
        **pooling,
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin (see "begin" below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_S * 1000}")
        cursor.execute("PRAGMA foreign_keys = ON")
        _use_wal(cursor)  # readers do not block the writer
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        # Writers take the write lock up front: a deferred transaction that later writes fails at once
        # with "database is locked" instead of waiting out the busy timeout. Readers never wait (WAL).
        writes = connection.get_execution_options().get(WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine
