"""Exports: the officials' workbook (sheets, headers, formats, review sheet), CSV with BOM, Parquet, atomicity."""

from __future__ import annotations

import math
import shutil
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from scoring import exports
from scoring.exports import write_csv, write_parquet, write_workbook

TY = 1_000_000_000
CRITERIA = {
    "A1": "Thu ngân sách so với dự toán Thành phố giao",
    "A2": "Giải ngân vốn đầu tư công",
    "A3": "Chỉ tiêu kinh tế - xã hội đạt và vượt",
}
NAMES = {"ba-dinh": "Quận Ba Đình", "dong-da": "Quận Đống Đa", "hoan-kiem": "Quận Hoàn Kiếm"}


def make_scores() -> pd.DataFrame:
    # Given out of rank order: the exports sort by rank.
    return pd.DataFrame(
        {
            "unit_id": ["hoan-kiem", "ba-dinh", "dong-da"],
            "unit_name": [NAMES["hoan-kiem"], NAMES["ba-dinh"], NAMES["dong-da"]],
            "rank": [3, 1, 2],
            "total": [72.25, 95.5, 81.0],
            "grade": ["hoàn thành tốt", "hoàn thành xuất sắc", "hoàn thành tốt"],
            "proposed_title": [None, "Cờ thi đua của UBND Thành phố", None],
            "gov_flag_candidate": [False, True, False],
            "provisional": [False, False, True],
            "missing": ["", "", "A2: Tỷ lệ giải ngân vốn đầu tư công"],
            "bonus": [0.0, 3.0, 0.0],
            "deductions": [5.0, 0.0, 0.0],
            "A1": [12.25, 15.0, 13.5],
            "A2": [5.0, 5.0, math.nan],
            "A3": [10.0, 9.5, 8.0],
        }
    )


def figure(unit_id: str, indicator: str, value: float, unit: str, **extra) -> dict:
    row = {
        "unit_id": unit_id,
        "unit_name": NAMES[unit_id],
        "year": 2022,
        "indicator": indicator,
        "value": value,
        "unit": unit,
        "confidence": 0.95,
        "flags": [],
        "status": "extracted",
        "document_sha256": unit_id[0] * 64,
        "original_name": f"{unit_id}-2022.docx",
        "run_id": 7,
        "extractor_version": "0.1.0",
        "source_page": None,
        "source_block": "p12",
        "source_text": f"Thu ngân sách nhà nước trên địa bàn {unit_id} đạt kết quả cao.",
        "as_of": None,
    }
    return row | extra


def make_long() -> pd.DataFrame:
    rows = [
        # Flagged rows listed Hoàn Kiếm first: the review sheet sorts by unit name.
        figure(
            "hoan-kiem",
            "targets_met",
            15.0,
            "count",
            flags=["inconsistent"],
            confidence=0.7,
            source_page=4,
            source_block="t2.r5.c3",
        ),
        figure("hoan-kiem", "budget_revenue_actual", 8_450.25 * TY, "VND"),
        figure("ba-dinh", "budget_revenue_actual", 13_200.5 * TY, "VND"),
        figure("ba-dinh", "budget_revenue_attainment_pct", 112.5, "%", status="derived"),
        figure("ba-dinh", "targets_met", 17.0, "count", status="accepted"),
        figure(
            "dong-da",
            "budget_revenue_actual",
            9_876.0 * TY,
            "VND",
            flags=["partial_period", "low_confidence"],
            confidence=0.55,
            status="corrected",
            as_of=date(2022, 12, 15),
            source_text="Thu ngân sách ước đạt 9.876 tỷ đồng (số liệu tính đến ngày 15/12/2022). " * 4,
        ),
        figure("dong-da", "budget_revenue_attainment_pct", 98.75, "%", status="rejected"),
    ]
    return pd.DataFrame(rows)


def make_wide(long: pd.DataFrame) -> pd.DataFrame:
    wide = long.pivot(index="unit_id", columns="indicator", values="value")
    wide.columns.name = None
    wide.insert(0, "unit_name", [NAMES[u] for u in wide.index])
    return wide


@pytest.fixture
def frames() -> dict[str, pd.DataFrame]:
    long = make_long()
    return {"scores": make_scores(), "wide": make_wide(long), "long": long}


@pytest.fixture
def workbook_path(tmp_path: Path, frames) -> Path:
    path = tmp_path / "out" / "ket-qua.xlsx"
    result = write_workbook(path, cluster_name="Cụm thi đua số 8", year=2022, criteria=CRITERIA, **frames)
    assert result == path
    return path


def rows(ws, first: int) -> list[list]:
    return [list(r) for r in ws.iter_rows(min_row=first, values_only=True)]


FIGURE_HEADERS = [
    "Đơn vị", "Năm", "Chỉ tiêu", "Giá trị", "Đơn vị tính", "Độ tin cậy", "Cảnh báo", "Trạng thái",
    "Tệp gốc", "Trang", "Vị trí", "Câu nguồn", "Ngày chốt số liệu",
]  # fmt: skip


def test_sheets_and_score_table(workbook_path: Path) -> None:
    wb = openpyxl.load_workbook(workbook_path)
    assert wb.sheetnames == ["Tổng hợp điểm", "Số liệu", "Chi tiết", "Cần rà soát"]
    assert wb.properties.language == "vi-VN"
    ws = wb["Tổng hợp điểm"]
    assert ws["A1"].value == "Kết quả chấm điểm thi đua — Cụm thi đua số 8 — năm 2022"
    assert ws["A1"].font.bold
    assert [c.value for c in ws[3]] == [
        "Xếp hạng", "Đơn vị",
        "A1 — Thu ngân sách so với dự toán Thành phố giao", "A2 — Giải ngân vốn đầu tư công",
        "A3 — Chỉ tiêu kinh tế - xã hội đạt và vượt",
        "Điểm thưởng", "Điểm trừ", "Tổng điểm", "Xếp loại", "Đề nghị khen thưởng",
        "Ứng viên Cờ Chính phủ", "Tạm tính", "Còn thiếu",
    ]  # fmt: skip
    body = rows(ws, 4)
    assert [r[:2] for r in body] == [[1, "Quận Ba Đình"], [2, "Quận Đống Đa"], [3, "Quận Hoàn Kiếm"]]
    assert body[0][2:12] == [15.0, 5.0, 9.5, 3.0, 0.0, 95.5, "hoàn thành xuất sắc",
                             "Cờ thi đua của UBND Thành phố", "Có", "Không"]  # fmt: skip
    assert body[1][3] is None and body[1][11] == "Có" and body[1][12].startswith("A2")
    # The provisional note is visible above the table and names the unit.
    note = ws["A2"].value
    assert "tạm tính" in note.lower() and "Quận Đống Đa" in note and "A2:M2" in ws.merged_cells
    assert ws.freeze_panes == "C4" and ws.auto_filter.ref == "A3:M6"
    assert all(c.font.bold and c.fill.fgColor.rgb.endswith("DDEBF7") for c in ws[3])
    assert ws["H4"].number_format == "[$-42A]#,##0.00" and ws["C4"].number_format == "[$-42A]#,##0.00"
    assert ws["A4"].number_format == "0"
    assert all(ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width for j in range(1, 14))


def test_provisional_note_replaced_or_absent(tmp_path: Path, frames) -> None:
    path = tmp_path / "a.xlsx"
    write_workbook(
        path, cluster_name="Cụm 8", year=2022, criteria=CRITERIA, provisional_note="Chờ số liệu.", **frames
    )
    assert openpyxl.load_workbook(path)["Tổng hợp điểm"]["A2"].value == "Chờ số liệu."
    final = frames | {"scores": frames["scores"].assign(provisional=False)}
    write_workbook(path, cluster_name="Cụm 8", year=2022, criteria=CRITERIA, **final)
    assert openpyxl.load_workbook(path)["Tổng hợp điểm"]["A2"].value is None


def test_missing_criterion_column_is_an_error(tmp_path: Path, frames) -> None:
    with pytest.raises(ValueError, match="B1"):
        write_workbook(
            tmp_path / "x.xlsx", cluster_name="Cụm 8", year=2022, criteria=CRITERIA | {"B1": "Giảm nghèo"},
            **frames,
        )  # fmt: skip
    assert not list(tmp_path.iterdir())


def test_figures_sheet_money_percent_count(workbook_path: Path) -> None:
    ws = openpyxl.load_workbook(workbook_path)["Số liệu"]
    assert [c.value for c in ws[1]] == [
        "Đơn vị",
        "Thu ngân sách nhà nước trên địa bàn (thực hiện) (tỷ đồng)",
        "Tỷ lệ thu ngân sách so với dự toán Thành phố giao (%)",
        "Số chỉ tiêu đạt và vượt (số lượng)",
    ]
    body = rows(ws, 2)
    assert [r[0] for r in body] == ["Quận Ba Đình", "Quận Đống Đa", "Quận Hoàn Kiếm"]  # rank order
    assert body[0][1:] == [13_200.5, 112.5, 17] and isinstance(body[0][3], int)
    assert body[1][3] is None and body[2][2] is None  # missing figures are empty cells, not "nan"
    assert ws["B2"].number_format == "[$-42A]#,##0.0"
    assert ws["C2"].number_format == '[$-42A]0.00"%"'
    assert ws["D2"].number_format == "[$-42A]#,##0"
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref == "A1:D4"
    assert all(c.font.bold for c in ws[1])
    widths = [ws.column_dimensions[x].width for x in "ABCD"]
    assert all(8 <= w <= 45 for w in widths)


def test_detail_and_review_sheets(workbook_path: Path, frames) -> None:
    wb = openpyxl.load_workbook(workbook_path)
    detail, review = wb["Chi tiết"], wb["Cần rà soát"]
    assert [c.value for c in detail[1]] == FIGURE_HEADERS == [c.value for c in review[1]]
    body = rows(detail, 2)
    assert len(body) == len(frames["long"])
    assert [r[0] for r in body] == ["Quận Ba Đình"] * 3 + ["Quận Đống Đa"] * 2 + ["Quận Hoàn Kiếm"] * 2
    assert {r[7] for r in body} == {"Trích xuất", "Suy ra", "Đã chấp nhận", "Đã sửa", "Đã loại"}
    money = body[0]
    assert money[2] == "Thu ngân sách nhà nước trên địa bàn (thực hiện)"
    assert money[3] == 13_200.5 and money[4] == "tỷ đồng" and detail["D2"].number_format == "[$-42A]#,##0.0"
    assert detail["F2"].number_format == "[$-42A]0%" and detail["B2"].number_format == "0"
    pct = next(i for i, r in enumerate(body, 2) if r[4] == "%")
    assert detail.cell(pct, 4).number_format == '[$-42A]0.00"%"'
    assert detail.column_dimensions["L"].width == 80 and detail["L2"].alignment.wrap_text
    assert detail.freeze_panes == "B2" and detail.auto_filter.ref == "A1:M8"

    flagged = rows(review, 2)
    assert [(r[0], r[2]) for r in flagged] == [
        ("Quận Đống Đa", "Thu ngân sách nhà nước trên địa bàn (thực hiện)"),
        ("Quận Hoàn Kiếm", "Số chỉ tiêu đạt và vượt"),
    ]
    assert flagged[0][6] == "Số liệu chưa hết năm (có ngày chốt số liệu); Độ tin cậy thấp"
    assert flagged[1][6] == "Số liệu mâu thuẫn với chỉ tiêu khác"
    assert flagged[0][3] == 9_876.0 and flagged[0][7] == "Đã sửa" and flagged[1][9] == 4
    assert flagged[0][12].date() == date(2022, 12, 15) and review["M2"].number_format == "[$-42A]dd/mm/yyyy"
    assert review.row_dimensions[2].height > 15  # the long source sentence wraps onto several lines
    assert review.freeze_panes == "B2" and review.auto_filter.ref == "A1:M3"


def test_no_figures_still_gives_every_sheet_and_file(tmp_path: Path, frames) -> None:
    empty = frames | {"long": frames["long"].iloc[0:0]}
    write_workbook(tmp_path / "e.xlsx", cluster_name="Cụm 8", year=2022, criteria=CRITERIA, **empty)
    review = openpyxl.load_workbook(tmp_path / "e.xlsx")["Cần rà soát"]
    assert [c.value for c in review[1]] == FIGURE_HEADERS and review.max_row == 1
    paths = write_csv(tmp_path, **empty)
    assert list(pd.read_csv(paths[3], encoding="utf-8-sig").columns) == list(frames["long"].columns)


def test_csv_round_trip_with_bom(tmp_path: Path, frames) -> None:
    paths = write_csv(tmp_path / "csv", **frames)
    assert [p.name for p in paths] == ["tong-hop-diem.csv", "so-lieu.csv", "chi-tiet.csv", "can-ra-soat.csv"]
    assert all(p.read_bytes().startswith(b"\xef\xbb\xbf") for p in paths)
    scores, wide, long, review = (pd.read_csv(p, encoding="utf-8-sig") for p in paths)

    expected = frames["scores"].sort_values("rank").reset_index(drop=True)
    assert list(scores["unit_name"]) == ["Quận Ba Đình", "Quận Đống Đa", "Quận Hoàn Kiếm"]
    pd.testing.assert_frame_equal(
        scores.fillna({"missing": ""}), expected, check_dtype=False, check_exact=False
    )
    pd.testing.assert_frame_equal(wide.set_index("unit_id"), frames["wide"], check_dtype=False)

    source = frames["long"].assign(
        flags=[";".join(f) for f in frames["long"]["flags"]],
        as_of=[d.isoformat() if d else None for d in frames["long"]["as_of"]],
    )
    pd.testing.assert_frame_equal(long.fillna({"flags": ""}), source, check_dtype=False)
    assert list(review["flags"]) == ["partial_period;low_confidence", "inconsistent"]
    assert list(review["unit_id"]) == ["dong-da", "hoan-kiem"]


def test_parquet_round_trip(tmp_path: Path, frames) -> None:
    paths = write_parquet(tmp_path, **frames)
    assert [p.name for p in paths] == [
        "tong-hop-diem.parquet", "so-lieu.parquet", "chi-tiet.parquet", "can-ra-soat.parquet"
    ]  # fmt: skip
    scores, wide, long, review = (pd.read_parquet(p) for p in paths)
    expected = frames["scores"].sort_values("rank").reset_index(drop=True)
    pd.testing.assert_frame_equal(scores, expected, check_dtype=False)
    pd.testing.assert_frame_equal(wide, frames["wide"], check_dtype=False)
    assert [list(f) for f in long["flags"]] == list(frames["long"]["flags"])
    pd.testing.assert_frame_equal(
        long.drop(columns="flags"), frames["long"].drop(columns="flags"), check_dtype=False
    )
    assert [list(f) for f in review["flags"]] == [["partial_period", "low_confidence"], ["inconsistent"]]


def test_failed_export_leaves_previous_files_whole(tmp_path: Path, frames, monkeypatch) -> None:
    write_csv(tmp_path, **frames)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    real = pd.DataFrame.to_csv
    calls = []

    def flaky(self, path, **kwargs):
        calls.append(path)
        if len(calls) == 3:
            raise OSError("disk full")
        return real(self, path, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_csv", flaky)
    changed = frames | {"scores": frames["scores"].assign(total=0.0)}
    with pytest.raises(OSError, match="disk full"):
        write_csv(tmp_path, **changed)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # no temp files, nothing half-new

    monkeypatch.setattr(exports.Workbook, "save", lambda self, path: (_ for _ in ()).throw(OSError("boom")))
    with pytest.raises(OSError, match="boom"):
        write_workbook(tmp_path / "k.xlsx", cluster_name="C", year=2022, criteria=CRITERIA, **frames)
    assert {p.name for p in tmp_path.iterdir()} == set(before)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_workbook(workbook_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "lo"
    profile = (tmp_path / "profile").as_uri()
    # "as shown" (9th token) so the CSV carries the formatted text a reader would see.
    target = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true"
    cmd = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
           "--outdir", str(out), str(workbook_path)]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    csv = out / "ket-qua.csv"
    if not csv.exists() and "could not be loaded" in done.stdout + done.stderr:
        pytest.skip("this LibreOffice has no Calc component (install libreoffice-calc)")
    text = csv.read_text(encoding="utf-8")
    assert "Kết quả chấm điểm thi đua — Cụm thi đua số 8 — năm 2022" in text
    assert "Quận Đống Đa" in text
    # The [$-42A] tag makes LibreOffice use Vietnamese separators whatever its own locale.
    assert '"95,50"' in text and '"72,25"' in text
