"""Column-level helpers shared by the tables and the engines: the ``UTCDateTime`` column type, and the
functions that turn Python values into what a ``JSON`` or ``Double`` column accepts on both SQLite and
PostgreSQL (``plain``, ``dumps``, ``number``).
"""

from __future__ import annotations

import json
import math
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in and out; naive datetimes are refused rather than guessed."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: pass an aware one, e.g. datetime.now(UTC)")
        value = value.astimezone(UTC)
        # SQLite has no time zones: store UTC wall time, so text order is time order.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def plain(value: Any) -> Any:
    """``value`` as JSON-ready data: tuples and sets become lists, dates ISO text, numpy and Decimal numbers
    Python numbers, NaN and infinities None (PostgreSQL's JSON refuses them)."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return plain(float(value))
    if hasattr(value, "item"):  # numpy scalars
        return plain(value.item())
    return str(value)


def dumps(value: Any) -> str:
    """The engines' JSON serializer: Vietnamese stays readable in the database."""
    return json.dumps(plain(value), ensure_ascii=False, allow_nan=False)


def number(value: Any) -> float | None:
    """A float for a Double column; None for missing values (None, NaN)."""
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None
