"""Store methods for the review app: user accounts and the scoring history a dashboard compares.

A mixin of :class:`models.store.Store` (kept apart so store.py stays readable); like the rest of the
store, accounts are only added, and scorings are only read here.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.schema import USER_ROLES, Score, Scoring, User


class AccountsMixin:
    _sessions: Callable[[], Session]
    _write: Callable[[], AbstractContextManager[Session]]

    def add_user(self, name: str, role: str, password_hash: str) -> int:
        """A new account; the name must be new (the error says which names exist)."""
        if role not in USER_ROLES:
            raise ValueError(f"role {role!r}: expected one of {', '.join(USER_ROLES)}")
        if not name or not name.replace(".", "").replace("_", "").replace("-", "").isalnum():
            raise ValueError(f"user name {name!r}: use letters, digits, '.', '_' or '-'")
        if self.get_user(name) is not None:
            raise ValueError(
                f"user {name!r} already exists; existing: {', '.join(u.name for u in self.list_users())}"
            )
        user = User(
            name=name, role=role, password_hash=password_hash, active=True, created_at=datetime.now(UTC)
        )
        with self._write() as session:
            session.add(user)
            session.flush()
            return user.id

    def get_user(self, name: str) -> User | None:
        with self._sessions() as session:
            return session.scalar(select(User).where(User.name == name))

    def list_users(self) -> list[User]:
        with self._sessions() as session:
            return list(session.scalars(select(User).order_by(User.name)))

    def scoring_history(self, cluster_key: str, year: int, limit: int = 2) -> list[list[Score]]:
        """The rows of the last ``limit`` scorings of a cluster-year, newest first."""
        with self._sessions() as session:
            ids = session.scalars(
                select(Scoring.id)
                .where(Scoring.cluster_key == cluster_key, Scoring.year == year)
                .order_by(Scoring.id.desc())
                .limit(limit)
            ).all()
            return [
                list(
                    session.scalars(select(Score).where(Score.scoring_id == i).order_by(Score.rank, Score.id))
                )
                for i in ids
            ]
