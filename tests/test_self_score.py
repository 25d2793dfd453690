"""Self-score sheets: the same table read from .docx, .xlsx and .pdf, matched to the scale, and checked
against thidua's own scores of the 2021 sample reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from review_env import prepare

from extractors.document import UnreadableDocument
from extractors.self_score import NoSelfScoreTable, lines_from_rows, read_self_score
from models.clusters import default_clusters
from models.store import Store
from scoring.config import load_config
from scoring.self_check import check_sheet, match_line
from scoring.service import score_cluster_year

SHEETS = Path(__file__).resolve().parent.parent / "samples" / "self_scores"
EXPECTED = sorted(SHEETS.glob("*.expected.json"))
CONFIG = load_config("default.v1")


def sheet_of(expected: Path) -> Path:
    stem = expected.name[: -len(".expected.json")]
    return next(p for p in SHEETS.iterdir() if p.name.startswith(stem + ".") and p != expected)


@pytest.fixture(scope="module")
def computed(tmp_path_factory):
    home = tmp_path_factory.mktemp("self")
    settings = prepare(home / "home", f"sqlite:///{home / 'thidua.db'}")
    with Store.open(settings.store) as store:
        cluster = default_clusters().get("cum-8", 2021)
        return score_cluster_year(store, cluster, settings.manual, record=False).result


def test_there_is_a_sheet_in_each_format() -> None:
    assert sorted(sheet_of(e).suffix for e in EXPECTED) == [".docx", ".pdf", ".xlsx"]


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: sheet_of(p).name)
def test_a_sheet_is_read_matched_and_checked(expected: Path, computed) -> None:
    want = json.loads(expected.read_text(encoding="utf-8"))
    sheet = read_self_score(sheet_of(expected))
    matches, findings = check_sheet(sheet, CONFIG, computed.unit(want["unit"]))
    by_target = {m.target: m.line.self_score for m in matches if m.target in {c.id for c in CONFIG.criteria}}
    assert by_target == want["self_scores"]
    assert all(m.target is not None for m in matches), "every scored line is matched"
    assert sheet.total is not None and sheet.total.self_score == pytest.approx(want["total"])
    assert sorted((f.kind, f.target) for f in findings) == sorted(
        (f["kind"], f["target"]) for f in want["findings"]
    )
    for finding in findings:
        assert "điểm tự chấm" in finding.text_vi.lower()
        if finding.kind == "differs":
            assert "điểm thidua tính" in finding.text_vi and finding.other is not None


def test_a_pdf_line_keeps_its_page() -> None:
    sheet = read_self_score(SHEETS / "dong-da-2021-tu-cham.pdf")
    assert all(line.locator and line.locator.page for line in sheet.lines)


ROWS = [
    ["STT", "Nội dung", "Điểm tối đa", "Điểm tự chấm", "Ghi chú"],
    ["I", "Công tác thi đua, khen thưởng", "25", "", ""],
    ["1", "Phát động phong trào thi đua; ký giao ước thi đua", "5", "5", ""],
    ["2", "Công tác khác", "5", "4", ""],
    ["II", "Điểm trừ", "", "", ""],
    ["1", "Báo cáo chậm", "6", "-2", ""],
    ["", "Tổng cộng", "", "7", ""],
]


def test_headings_deductions_and_totals_are_told_apart() -> None:
    lines = lines_from_rows(ROWS, "t0")
    assert [line.kind for line in lines] == [
        "section",
        "criterion",
        "criterion",
        "section",
        "deduction",
        "total",
    ]
    assert lines[4].self_score == 2, "a deduction is written negative and kept as points taken off"
    assert lines[0].label == "Công tác thi đua, khen thưởng", (
        "'Công tác …' is a heading, not a total ('Cộng')"
    )


def test_a_vague_line_is_left_unmatched_and_an_override_decides() -> None:
    line = lines_from_rows(ROWS, "t0")[2]
    assert match_line(line, CONFIG).target is None
    chosen = match_line(line, CONFIG, {"2": "E2"})
    assert (chosen.target, chosen.how) == ("E2", "override")
    named = match_line(lines_from_rows(ROWS, "t0")[1], CONFIG)
    assert (named.target, named.how) == ("E1", "name")


def test_a_file_without_a_self_score_table_says_what_to_send(tmp_path: Path) -> None:
    report = Path(__file__).resolve().parent.parent / "samples" / "hoan-kiem-2021-prose.docx"
    with pytest.raises(NoSelfScoreTable) as caught:
        read_self_score(report)
    assert "Điểm tự chấm" in caught.value.problem and "TT | Nội dung" in caught.value.remedy


def test_a_damaged_workbook_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "tu-cham.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(UnreadableDocument) as caught:
        read_self_score(bad)
    assert str(bad) in str(caught.value)


def test_thidua_selfscore_check_prints_the_findings(tmp_path: Path, monkeypatch, capsys) -> None:
    from flows.cli import main

    settings = prepare(tmp_path / "home", f"sqlite:///{tmp_path / 'thidua.db'}")
    monkeypatch.setenv("THIDUA_HOME", str(settings.store.home))
    monkeypatch.setenv("THIDUA_DATABASE_URL", f"sqlite:///{tmp_path / 'thidua.db'}")
    sheet = SHEETS / "long-bien-2021-tu-cham.xlsx"
    manual = ["--manual", str(settings.manual_dir)]
    assert main(["selfscore", "check", str(sheet), "--unit", "long-bien", "--year", "2021", *manual]) == 1
    out = capsys.readouterr().out
    assert (
        "Điểm tự chấm 7,5 của «Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn và trước hạn» vượt" in out
    )
    assert "Tổng điểm tự chấm" in out and "name" in out
    bad = ["selfscore", "check", str(sheet), "--unit", "long-bien", "--year", "2021", "--match", "9", *manual]
    assert main(bad) == 2
    assert "write LINE=CRITERION" in capsys.readouterr().err
