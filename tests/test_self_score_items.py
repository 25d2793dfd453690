"""Self-score findings as queue items: in `thidua review list` with both numbers and both sources, settled
by the chair's verified score; `thidua selfscore add` (idempotent) and `compare`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from review_env import SAMPLES, prepare

from flows.cli import main
from models.clusters import default_clusters
from models.store import Store
from review.self_score_items import collect
from scoring.config import ConfigError, parse_config

KEY = "ubnd-tp-ha-noi.cum-8.2021"
SHEETS = SAMPLES / "self_scores"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def home(tmp_path: Path, db_url: str, monkeypatch) -> Path:
    settings = prepare(tmp_path / "home", db_url)
    monkeypatch.setenv("THIDUA_HOME", str(settings.home))
    monkeypatch.setenv("THIDUA_DATABASE_URL", db_url)
    monkeypatch.setenv("DO_NOT_TRACK", "1")
    monkeypatch.delenv("THIDUA_SCORING", raising=False)
    return settings.home


def add(unit: str, name: str) -> int:
    sheet = SHEETS / name
    return main(
        [
            "selfscore",
            "add",
            str(sheet),
            "--unit",
            unit,
            "--cluster",
            "cum-8",
            "--year",
            "2021",
            "--by",
            "lan",
        ]
    )


def review_list(capsys, *extra: str) -> list[str]:
    capsys.readouterr()
    assert main(["review", "list", "--cluster", "cum-8", "--year", "2021", *extra]) == 0
    return [line for line in capsys.readouterr().out.splitlines() if line.startswith("tu-cham:")]


def test_a_self_score_above_the_maximum_is_listed_until_the_chair_verifies_it(home: Path, capsys):
    assert add("long-bien", "long-bien-2021-tu-cham.xlsx") == 0
    lines = review_list(capsys)
    c1 = [line for line in lines if "(C1)" in line or "C1," in line]
    above = next(line for line in c1 if "vượt điểm chuẩn" in line)
    assert "Điểm tự chấm 7,5" in above and "vượt điểm chuẩn 7" in above and "[tu-cham:" in above
    assert "Long Biên" in above and above.split()[0].endswith(":above_max")
    differs = next(line for line in c1 if "khác điểm thidua tính" in line)
    assert "điểm tự chấm" in differs.lower() and "6,44" in differs
    assert any("Tổng điểm tự chấm 95,6 không bằng tổng các dòng 94,6" in line for line in lines)
    # both sources: the sheet's file and row, the report figures the criterion was computed from
    cluster = default_clusters().get("cum-8", 2021)
    with Store.open() as store:
        items = collect(store, [cluster], home / "manual")
    item = next(i for i in items if i.finding == "above_max" and i.target == "C1")
    assert (item.self_score, item.other) == (7.5, 7)
    assert item.sheet_source_vi.startswith("long-bien-2021-tu-cham.xlsx, bảng")
    assert "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn" in item.computed_source_vi
    assert item.href == "/tham-dinh/ubnd-tp-ha-noi.cum-8/2021#long-bien"
    assert review_list(capsys, "--reason", "low_confidence") == []  # another reason: not these
    assert review_list(capsys, "--unit", "hoan-kiem") == []

    args = ["score", "set", "--cluster", "cum-8", "--year", "2021", "--unit", "long-bien"]
    assert main([*args, "--criterion", "C1", "--value", "7", "--note", "đủ minh chứng", "--by", "lan"]) == 0
    after = review_list(capsys)
    assert not [line for line in after if "(C1" in line or "C1," in line]
    assert len(after) == len(lines) - len(c1)


def test_the_margin_is_the_cluster_years_scale(home: Path, tmp_path: Path, capsys, monkeypatch):
    """The margin is a rule of the scale (``[self_score] margin``), so a cluster-year whose own
    configuration tolerates 3 points has no finding for Hoàn Kiếm's B2 (4 against 1,11 computed)."""
    assert add("hoan-kiem", "hoan-kiem-2021-tu-cham.docx") == 0
    assert any("khác điểm thidua tính" in line and "B2" in line for line in review_list(capsys))
    folder = tmp_path / "scoring"
    folder.mkdir()
    bundled = (ROOT / "scoring" / "data" / "default.v1.toml").read_text(encoding="utf-8")
    own = bundled + "\n[self_score]\nmargin = 3\n"  # the same scale (its manual inputs stay valid)
    (folder / f"{KEY}.toml").write_text(own, encoding="utf-8")
    monkeypatch.setenv("THIDUA_SCORING", str(folder))
    assert not any("B2" in line for line in review_list(capsys))


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("[self_score]\nmargin = -1\n", "self_score.margin -1: give points, 0 or more"),
        ('[self_score]\nmargin = "nửa"\n', "self_score.margin 'nửa': give points"),
        ("[self_score]\ntolerance = 1\n", "self_score: unknown keys ['tolerance']; allowed: margin"),
    ],
)
def test_a_wrong_self_score_margin_is_refused_by_name(table: str, message: str) -> None:
    bundled = (ROOT / "scoring" / "data" / "default.v1.toml").read_text(encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(message)):
        parse_config(bundled + "\n" + table, "test.toml")
    assert parse_config(bundled, "test.toml").self_score_margin == 0.5


def test_selfscore_add_is_idempotent_and_compare_prints_both_scores(home: Path, capsys):
    assert add("dong-da", "dong-da-2021-tu-cham.pdf") == 0
    assert add("dong-da", "dong-da-2021-tu-cham.pdf") == 0
    assert "nothing new" in capsys.readouterr().out
    with Store.open() as store:
        assert len(store.self_score_sheets("dong-da", KEY)) == 1
    assert add("tay-ho", "dong-da-2021-tu-cham.pdf") == 2  # not a member
    assert main(["selfscore", "compare", "--cluster", "cum-8", "--year", "2021"]) == 0
    out = capsys.readouterr().out
    assert "dong-da (bảng tự chấm dong-da-2021-tu-cham.pdf)" in out and "ba-dinh: chưa có bảng tự chấm" in out
    a2 = next(line for line in out.splitlines() if line.strip().startswith("A2 "))
    assert a2.split()[1:3] == ["3", "2,9"]


def test_selfscore_match_records_a_new_reading_by_its_author_and_refuses_what_the_scale_lacks(
    home: Path, capsys
):
    """The match editor from a terminal: line 9 of Long Biên's sheet counted for E2 instead of C1 takes
    the C1 findings out of the queue; a second reading is stored, by its author; an unknown criterion or
    line is refused with the list of what exists, and nothing is stored."""
    assert add("long-bien", "long-bien-2021-tu-cham.xlsx") == 0
    assert any("(C1)" in line for line in review_list(capsys))
    where = ["--cluster", "cum-8", "--year", "2021", "--unit", "long-bien", "--by", "chu-tich"]
    assert main(["selfscore", "match", "9=X9", *where]) == 2
    assert "Không có tiêu chí «X9»" in capsys.readouterr().err
    assert main(["selfscore", "match", "99=C1", *where]) == 2
    assert "không có dòng 99" in capsys.readouterr().err
    with Store.open() as store:
        assert len(store.self_score_sheets("long-bien", KEY)) == 1
    assert main(["selfscore", "match", "9=E2", *where]) == 0
    with Store.open() as store:
        latest, first = store.self_score_sheets("long-bien", KEY)
    assert (latest.matches, latest.stored_by, latest.lines) == ({"9": "E2"}, "chu-tich", first.lines)
    assert not any("(C1)" in line for line in review_list(capsys))
