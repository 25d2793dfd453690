"""The review verbs of the command line as a new user meets them: every --help prints, corrections outside
the plausible range are confirmed with a note, never refused outright, and a negative value says so."""

from __future__ import annotations

import argparse
from datetime import UTC
from pathlib import Path

import pytest
from review_env import prepare

from flows.cli import build_parser, main
from models.normalise import long_table
from models.store import Store
from models.vn_time import hanoi_time_text


def _parsers(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, (*path, name))


@pytest.mark.parametrize(
    "path", [p for p, _ in _parsers(build_parser())], ids=lambda p: " ".join(p) or "thidua"
)
def test_every_help_prints(path: tuple[str, ...], capsys) -> None:
    """argparse formats help texts with %: one unescaped "%" ends `--help` in a traceback."""
    with pytest.raises(SystemExit) as done:
        main([*path, "--help"])
    assert done.value.code == 0
    assert "usage: thidua" in capsys.readouterr().out


@pytest.fixture
def installed(tmp_path: Path, db_url: str, monkeypatch) -> str:
    """The review installation of the tests; returns the key of Hoàn Kiếm's 2021 attainment."""
    settings = prepare(tmp_path / "home", db_url)
    monkeypatch.setenv("THIDUA_HOME", str(settings.store.home))
    monkeypatch.setenv("THIDUA_DATABASE_URL", db_url)
    monkeypatch.setenv("THIDUA_MANUAL", str(settings.manual_dir))
    with Store.open(settings.store) as store:
        long = long_table(store.figures_frame(), store.decisions_frame())
    row = long[
        (long["unit_id"] == "hoan-kiem") & (long["indicator"] == "budget_revenue_attainment_pct")
    ].iloc[0]
    return f"{row['document_sha256']}:budget_revenue_attainment_pct"


def _decisions(key: str) -> list:
    sha, indicator = key.split(":")
    with Store.open() as store:
        return store.decisions(sha, indicator)


def test_an_attainment_of_170_percent_is_confirmed_with_a_note(installed: str, capsys) -> None:
    key = installed
    assert main(["review", "correct", key, "170%", "--reviewer", "lan"]) == 2
    err = capsys.readouterr().err
    assert "nằm ngoài khoảng hợp lý 70–160%" in err and "--confirm" in err
    assert _decisions(key) == []
    assert main(["review", "correct", key, "170%", "--reviewer", "lan", "--confirm"]) == 2
    assert "ghi chú lý do" in capsys.readouterr().err
    note = "bản gốc ghi 170%, đã đối chiếu quyết định giao dự toán"
    assert main(["review", "correct", key, "170%", "--reviewer", "lan", "--confirm", "--note", note]) == 0
    [decision] = _decisions(key)
    assert (decision.action, decision.new_value, decision.note, decision.reviewer) == (
        "correct",
        170.0,
        note,
        "lan",
    )


def test_a_negative_correction_is_named_as_such(installed: str, capsys) -> None:
    key = installed.replace("budget_revenue_attainment_pct", "targets_met")
    assert main(["review", "correct", key, "-5", "--reviewer", "lan"]) == 2
    assert "Giá trị không được âm: «-5»" in capsys.readouterr().err


def test_review_show_gives_a_decisions_time_in_hanoi(installed: str, capsys) -> None:
    """The store keeps UTC; an official in Hà Nội reads 7 hours later, as on the web pages."""
    key = installed
    assert main(["review", "accept", key, "--reviewer", "lan"]) == 0
    [decision] = _decisions(key)
    capsys.readouterr()
    assert main(["review", "show", key]) == 0
    shown = capsys.readouterr().out
    assert f"Quyết định: {hanoi_time_text(decision.decided_at)} lan accept" in shown
    utc = decision.decided_at.astimezone(UTC)
    assert utc.strftime("%d/%m/%Y %H:%M") != hanoi_time_text(decision.decided_at)
