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

from models.schema import USER_ROLES, AccountEvent, Score, Scoring, User

#: what each role is bound to: a unit account to one unit, a chair to one cluster-year
SCOPES = {"unit": "unit_id", "chair": "cluster_key"}


class AccountsMixin:
    _sessions: Callable[[], Session]
    _write: Callable[[], AbstractContextManager[Session]]

    def add_user(
        self,
        name: str,
        role: str,
        password_hash: str,
        *,
        unit_id: str | None = None,
        cluster_key: str | None = None,
        by: str = "cli",
    ) -> int:
        """A new account; the name must be new (the error says which names exist). A ``unit`` account needs
        ``unit_id``, a ``chair`` account ``cluster_key`` ("<cluster id>.<year>"); other roles take neither.
        Checking that the unit or cluster-year exists is the caller's (it knows the registries)."""
        if role not in USER_ROLES:
            raise ValueError(f"role {role!r}: expected one of {', '.join(USER_ROLES)}")
        if not name or not name.replace(".", "").replace("_", "").replace("-", "").isalnum():
            raise ValueError(f"user name {name!r}: use letters, digits, '.', '_' or '-'")
        given = {"unit_id": unit_id, "cluster_key": cluster_key}
        needed = SCOPES.get(role)
        if needed and not given[needed]:
            raise ValueError(f"a {role} account needs {needed.replace('_', ' ')} (--{needed.split('_')[0]})")
        extra = [k for k, v in given.items() if v and k != needed]
        if extra:
            raise ValueError(f"a {role} account takes no {', '.join(extra)}")
        if self.get_user(name) is not None:
            raise ValueError(
                f"user {name!r} already exists; existing: {', '.join(u.name for u in self.list_users())}"
            )
        now = datetime.now(UTC)
        user = User(
            name=name,
            role=role,
            password_hash=password_hash,
            active=True,
            created_at=now,
            unit_id=unit_id,
            cluster_key=cluster_key,
        )
        scope = unit_id or cluster_key
        with self._write() as session:
            session.add(user)
            session.add(
                AccountEvent(
                    user_name=name,
                    action="created",
                    detail=role + (f" {scope}" if scope else ""),
                    by=by,
                    at=now,
                )
            )
            session.flush()
            return user.id

    def set_password(self, name: str, password_hash: str, *, by: str) -> None:
        """A new password for an account (an admin's reset), recorded as an event."""
        self._change_user(name, by, "password_reset", password_hash=password_hash)

    def set_active(self, name: str, active: bool, *, by: str) -> None:
        """Deactivate (no more logins; nothing of its history goes) or reactivate an account."""
        self._change_user(name, by, "reactivated" if active else "deactivated", active=active)

    def _change_user(self, name: str, by: str, action: str, **values: object) -> None:
        with self._write() as session:
            user = session.scalar(select(User).where(User.name == name))
            if user is None:
                known = ", ".join(session.scalars(select(User.name).order_by(User.name)))
                raise ValueError(f"no user {name!r}; existing: {known or 'none'}")
            for key, value in values.items():
                setattr(user, key, value)
            session.add(AccountEvent(user_name=name, action=action, by=by, at=datetime.now(UTC)))

    def account_events(self, name: str | None = None) -> list[AccountEvent]:
        with self._sessions() as session:
            query = select(AccountEvent).order_by(AccountEvent.id)
            if name is not None:
                query = query.where(AccountEvent.user_name == name)
            return list(session.scalars(query))

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
