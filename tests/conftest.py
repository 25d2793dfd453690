"""Shared fixtures: store databases on every backend.

``db_url`` runs a test once per backend: a SQLite file in the test's folder, and a PostgreSQL database of
its own, created for the test and dropped after it, on the server ``THIDUA_TEST_POSTGRES_URL`` names (any
database there the role may connect to, e.g. ``postgres``; the role needs CREATEDB). Without that variable
the PostgreSQL cases are skipped, saying so; CI sets it, so there the skip never hides a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from models.store import Store, StoreSettings

POSTGRES_ENV = "THIDUA_TEST_POSTGRES_URL"


def pytest_configure(config: pytest.Config) -> None:
    # Also declared in pyproject.toml; registering here keeps --strict-markers satisfied either way.
    config.addinivalue_line("markers", "postgres: runs against PostgreSQL (needs THIDUA_TEST_POSTGRES_URL)")


@pytest.fixture(autouse=True)
def _own_thidua_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets a THIDUA_HOME of its own (a test may set another): the cluster-years an admin sets
    up live there, and a developer's ./.thidua must never change what a test sees."""
    monkeypatch.setenv("THIDUA_HOME", str(tmp_path / "thidua-home"))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'thidua.db'}"
        return
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        pytest.skip(f"set {POSTGRES_ENV} to run against PostgreSQL; CI sets it")
    yield from _postgres_database(server)


def _postgres_database(server: str) -> Iterator[str]:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    name = f"thidua_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")  # CREATE DATABASE refuses transactions
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as connection:
            # FORCE: a test that failed may have left a connection open.
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.dispose()


@pytest.fixture
def store_settings(tmp_path: Path, db_url: str) -> StoreSettings:
    from models.store import StoreSettings

    return StoreSettings(home=tmp_path / "home", database_url=db_url)


@pytest.fixture
def store(store_settings: StoreSettings) -> Iterator[Store]:
    from models.store import Store

    with Store.open(store_settings) as opened:
        yield opened
