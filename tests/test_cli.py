"""`thidua extract`: JSON Lines as in design §5, readable tables, bad files rejected without stopping the batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flows.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "cli"
REPORT = FIXTURES / "long-bien-2022-prose.docx"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["extract", *args])
    return code, capsys.readouterr().out


def test_json_lines_one_object_per_document_and_bad_files_rejected(tmp_path: Path, capsys) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    html = tmp_path / "report.docx"
    html.write_text("<html><body>Báo cáo</body></html>", encoding="utf-8")
    code, out = run(capsys, "--json", str(empty), str(REPORT), str(html))
    docs = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(docs) == 3
    assert [d["status"] for d in docs] == ["rejected", "ok", "rejected"]
    for bad in (docs[0], docs[2]):
        assert bad["path"] in bad["error"] and "submit" in bad["error"].lower() and bad["figures"] == []
    good = docs[1]
    assert set(good) >= {"path", "sha256", "format", "status", "error", "unit", "year", "figures"}
    assert good["unit"] == {"id": "long-bien", "name": "Quận Long Biên"} and good["year"] == 2022
    fig = good["figures"][0]
    assert set(fig) >= {
        "indicator",
        "value",
        "unit",
        "confidence",
        "flags",
        "source",
        "year",
        "derived",
        "as_of",
    }
    assert set(fig["source"]) >= {"sha256", "page", "block", "bbox", "text"}
    assert fig["source"]["sha256"] == good["sha256"]


def test_readable_table_for_people(capsys) -> None:
    code, out = run(capsys, str(REPORT))
    assert code == 0
    assert "Quận Long Biên (long-bien)" in out and "Năm: 2022" in out and "tỷ đồng" in out


def test_folder_argument_walks_reports_and_missing_path_is_a_rejection(tmp_path: Path, capsys) -> None:
    _code, out = run(capsys, "--json", str(FIXTURES), str(tmp_path / "missing.docx"))
    docs = [json.loads(line) for line in out.splitlines()]
    assert docs[-1]["status"] == "rejected" and "missing.docx" in docs[-1]["error"]
    assert any(d["status"] == "ok" for d in docs)


def test_help_shows_an_example(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    assert "thidua extract samples/" in capsys.readouterr().out
