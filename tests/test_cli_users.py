"""The ``thidua user`` verbs end to end, on a store of their own: accounts bound to a unit or a cluster-year
that exist (the errors name what does), passwords reset, accounts locked and unlocked, every change an
account event with who did it."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from flows.cli import main
from flows.cli_users import ROLES
from models.schema import USER_ROLES
from models.store import Store
from review.security import verify_password


@pytest.fixture
def terminal(tmp_path: Path, db_url: str, monkeypatch):
    """``main`` with the password typed on stdin (not a terminal: one line)."""
    monkeypatch.setenv("THIDUA_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("THIDUA_DATABASE_URL", db_url)
    monkeypatch.delenv("THIDUA_CLUSTERS", raising=False)

    def run(*argv: str, password: str = "mat-khau-thu-nghiem") -> int:
        monkeypatch.setattr(sys, "stdin", io.StringIO(password + "\n"))
        return main(list(argv))

    return run


def _user(name: str):
    with Store.open() as store:
        return store.get_user(name)


def test_the_parser_offers_the_roles_of_the_store() -> None:
    assert ROLES == USER_ROLES


def test_accounts_of_every_role_with_their_scope(terminal, capsys) -> None:
    assert terminal("user", "add", "lan", "--role", "reviewer") == 0
    assert terminal("user", "add", "hk", "--role", "unit", "--unit", "hoan-kiem", "--by", "quantri") == 0
    assert terminal("user", "add", "cum8", "--role", "chair", "--cluster", "cum-8", "--year", "2021") == 0
    assert terminal("user", "add", "quantri", "--role", "admin") == 0
    assert "Đã tạo tài khoản hk (unit, hoan-kiem)." in capsys.readouterr().out
    assert (_user("hk").unit_id, _user("cum8").cluster_key) == ("hoan-kiem", "ubnd-tp-ha-noi.cum-8.2021")
    assert verify_password("mat-khau-thu-nghiem", _user("hk").password_hash)
    assert terminal("user", "list") == 0
    lines = {line.split()[0]: line.split() for line in capsys.readouterr().out.splitlines()}
    assert lines["hk"] == ["hk", "unit", "hoan-kiem", "hoạt", "động"]
    assert lines["cum8"][:3] == ["cum8", "chair", "ubnd-tp-ha-noi.cum-8.2021"]
    assert lines["lan"][:3] == ["lan", "reviewer", "-"]
    assert terminal("user", "history", "hk") == 0
    out = capsys.readouterr().out
    assert "created" in out and "unit hoan-kiem" in out and "bởi quantri" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--role", "unit", "--unit", "hoan-kiemm"], "unknown unit 'hoan-kiemm'; near: hoan-kiem"),
        (["--role", "unit"], "a unit account needs --unit UNIT_ID"),
        (["--role", "chair", "--cluster", "cum-8"], "needs both --cluster and --year"),
        (["--role", "chair", "--cluster", "cum-8", "--year", "2019"], "known: ubnd-tp-ha-noi.cum-8 (2021)"),
        (["--role", "chair"], "a chair account needs --cluster CLUSTER --year YEAR"),
        (["--role", "reviewer", "--unit", "hoan-kiem"], "a reviewer account takes no unit_id"),
    ],
)
def test_a_wrong_scope_is_named_and_nothing_is_made(terminal, capsys, argv: list[str], message: str) -> None:
    assert terminal("user", "add", "moi", *argv) == 2
    assert message in capsys.readouterr().err
    assert _user("moi") is None


def test_short_passwords_and_taken_names_are_refused(terminal, capsys) -> None:
    assert terminal("user", "add", "lan", "--role", "viewer", password="ngan") == 2
    assert "ít nhất 8 ký tự" in capsys.readouterr().err
    assert terminal("user", "add", "lan", "--role", "viewer") == 0
    assert terminal("user", "add", "lan", "--role", "reviewer") == 2
    assert "already exists" in capsys.readouterr().err


def test_reset_deactivate_activate_each_recorded(terminal, capsys) -> None:
    assert terminal("user", "add", "minh", "--role", "viewer") == 0
    assert terminal("user", "reset", "minh", "--by", "quantri", password="mat-khau-moi-2") == 0
    assert verify_password("mat-khau-moi-2", _user("minh").password_hash)
    assert terminal("user", "deactivate", "minh", "--by", "quantri") == 0
    assert not _user("minh").active
    assert terminal("user", "list") == 0 and "đã khóa" in capsys.readouterr().out
    assert terminal("user", "activate", "minh", "--by", "lan") == 0
    assert _user("minh").active
    with Store.open() as store:
        events = [(e.action, e.by) for e in store.account_events("minh")]
    assert events == [
        ("created", "cli"),
        ("password_reset", "quantri"),
        ("deactivated", "quantri"),
        ("reactivated", "lan"),
    ]
    for verb in ("reset", "deactivate", "activate", "history"):
        assert terminal("user", verb, "khong-co") == 2
        assert "no user 'khong-co'; existing: minh" in capsys.readouterr().err
    assert terminal("user", "history") == 0 and capsys.readouterr().out.count("minh") == 4


def test_a_chair_of_a_cluster_year_set_up_from_the_terminal(terminal, capsys) -> None:
    argv = ["cluster", "setup", "cum-8", "--year", "2025", "--from-year", "2024"]
    members = "phuong-hoan-kiem,phuong-ba-dinh,phuong-long-bien"
    assert terminal(*argv, "--members", members, "--chair", "phuong-ba-dinh", "--by", "quantri") == 0
    assert terminal("user", "add", "bd", "--role", "chair", "--cluster", "cum-8", "--year", "2025") == 0
    assert _user("bd").cluster_key == "ubnd-tp-ha-noi.cum-8.2025"
    assert terminal("user", "add", "pl", "--role", "unit", "--unit", "phuong-long-bien") == 0
