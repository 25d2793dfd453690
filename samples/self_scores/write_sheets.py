"""Self-score sheets (bảng tự chấm điểm) of three Cụm 8 units for 2021, beside their reports in samples/.

Run:  .venv/bin/python samples/self_scores/write_sheets.py

Writes ``hoan-kiem-2021-tu-cham.docx`` (lines numbered with the scale's ids), ``long-bien-2021-tu-cham.xlsx``
(numbered 1, 2, 3 …, names reworded: matched by name) and ``dong-da-2021-tu-cham.pdf`` (a .docx sheet
rendered by LibreOffice, with a deduction line), each with ``NAME.expected.json``: the self-score read for
every criterion, and the findings thidua must raise against the scale default.v1 and the scores it
computes from the 2021 sample reports (a self-score above its maximum, a total that is not the sum of
its lines, self-scores far from the computed ones). Criterion names and maxima come from the scale itself.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.shared import Pt
from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from scoring.config import load_config  # noqa: E402

OUT = Path(__file__).resolve().parent
CONFIG = load_config("default.v1")
GROUP_NUMERALS = dict(zip("ABCDE", ("I", "II", "III", "IV", "V"), strict=True))

# what each unit claims; the comments say how it compares with what thidua computes from its report
CLAIMS = {
    "hoan-kiem": {  # claims 4 for job creation where its figures give 1,11: "differs"
        "A1": 15,
        "A2": 5,
        "A3": 10,
        "B1": 4,
        "B2": 4,
        "B3": 3,
        "B4": 3.5,
        "B5": 4,
        "C1": 7,
        "C2": 3.2,
        "C3": 4,
        "D1": 8,
        "E1": 5,
        "E2": 4.5,
        "E3": 5,
        "E4": 4,
        "E5": 3,
        "E6": 3,
    },
    "long-bien": {  # C1 7,5 above its maximum 7 (and far from 6,44), a written total 1 point above the lines
        "A1": 14.5,
        "A2": 5,
        "A3": 9.5,
        "B1": 4,
        "B2": 2,
        "B3": 4,
        "B4": 4,
        "B5": 4,
        "C1": 7.5,
        "C2": 4,
        "C3": 3.6,
        "D1": 10,
        "E1": 5,
        "E2": 4.5,
        "E3": 4,
        "E4": 2,
        "E5": 2,
        "E6": 3,
    },
    "dong-da": {  # close to the computed scores everywhere; a deduction for late reports
        "A1": 15,
        "A2": 3,
        "A3": 10,
        "B1": 4,
        "B2": 4,
        "B3": 3,
        "B4": 3.5,
        "B5": 3,
        "C1": 5.5,
        "C2": 1.6,
        "C3": 4,
        "D1": 10,
        "E1": 5,
        "E2": 5,
        "E3": 5,
        "E4": 4,
        "E5": 3,
        "E6": 2.5,
    },
}
BONUS = {
    "hoan-kiem": [("Cụm trưởng trong năm", 3, 3)],
    "long-bien": [("Thành tích đột xuất có xác nhận", 2, 2)],
}
DEDUCTION = {"dong-da": [("Báo cáo chậm hoặc không gửi (mỗi báo cáo)", 6, 2)]}
TOTAL_OFFSET = {"long-bien": 1.0}
EXPECTED_FINDINGS = {
    "hoan-kiem": [("differs", "B2")],
    "long-bien": [("above_max", "C1"), ("differs", "C1"), ("total_mismatch", None)],
    "dong-da": [],
}
REWORDED = {  # long-bien writes some criteria its own way
    "A1": "Kết quả thu ngân sách nhà nước trên địa bàn so với dự toán được giao",
    "C1": "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn và trước hạn",
    "E4": "Phát hiện, bồi dưỡng, biểu dương điển hình tiên tiến, Người tốt, việc tốt",
}


def vn(x: float) -> str:
    return f"{x:g}".replace(".", ",")


def rows_of(unit: str, numbering: str) -> tuple[list[list[str]], dict]:
    claims = CLAIMS[unit]
    rows = [["TT", "Nội dung, tiêu chí chấm điểm", "Điểm chuẩn", "Điểm tự chấm", "Điểm thẩm định", "Ghi chú"]]
    n = 0
    for group in CONFIG.groups:
        rows.append(
            [GROUP_NUMERALS[group.id], f"{group.name_vi} ({vn(group.max)} điểm)", vn(group.max), "", "", ""]
        )
        for c in (c for c in CONFIG.criteria if c.group == group.id):
            n += 1
            number = c.id if numbering == "ids" else str(n)
            name = REWORDED.get(c.id, c.name_vi) if numbering != "ids" else c.name_vi
            rows.append([number, name, vn(c.max), vn(claims[c.id]), "", ""])
    total = sum(claims.values())
    if unit in BONUS:
        rows.append(["VI", "Điểm thưởng", vn(CONFIG.bonus_cap), "", "", ""])
        for k, (label, most, own) in enumerate(BONUS[unit], 1):
            rows.append([str(k), label, vn(most), vn(own), "", ""])
            total += own
    if unit in DEDUCTION:
        rows.append(["VII", "Điểm trừ", "", "", "", ""])
        for k, (label, most, own) in enumerate(DEDUCTION[unit], 1):
            rows.append([str(k), label, vn(most), vn(-own), "", "01 báo cáo gửi chậm"])
            total -= own
    written = round(total + TOTAL_OFFSET.get(unit, 0.0), 2)
    rows.append(["", "Tổng cộng", "", vn(written), "", ""])
    expected = {
        "unit": unit,
        "year": 2021,
        "scale": CONFIG.version,
        "self_scores": {cid: float(v) for cid, v in claims.items()},
        "total": written,
        "findings": [{"kind": k, "target": t} for k, t in EXPECTED_FINDINGS[unit]],
    }
    return rows, expected


def write_docx(path: Path, unit_name: str, rows: list[list[str]]) -> None:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Liberation Serif", Pt(12)
    doc.add_paragraph(f"UBND {unit_name.upper()}")
    doc.add_paragraph("BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM 2021").runs[0].bold = True
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            table.cell(r, c).text = text
    doc.core_properties.created = doc.core_properties.modified = datetime(2022, 1, 5)  # deterministic
    doc.save(str(path))


def main() -> int:
    names = {"hoan-kiem": "quận Hoàn Kiếm", "long-bien": "quận Long Biên", "dong-da": "quận Đống Đa"}
    for unit, fmt, numbering in (
        ("hoan-kiem", "docx", "ids"),
        ("long-bien", "xlsx", "positions"),
        ("dong-da", "pdf", "ids"),
    ):
        rows, expected = rows_of(unit, numbering)
        stem = OUT / f"{unit}-2021-tu-cham"
        if fmt == "xlsx":
            book = Workbook()
            sheet = book.active
            sheet.title = "Tự chấm"
            sheet.append([f"UBND {names[unit].upper()} — BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM 2021"])
            for row in rows:  # scores as numbers, as officials type them
                sheet.append(
                    [
                        float(v.replace(",", "."))
                        if v and v.replace(",", "").replace("-", "").isdigit()
                        else v
                        for v in row
                    ]
                )
            book.save(stem.with_suffix(".xlsx"))
        else:
            write_docx(stem.with_suffix(".docx"), names[unit], rows)
        if fmt == "pdf":
            soffice = shutil.which("soffice") or shutil.which("libreoffice")
            if not soffice:
                print("soffice not found (Debian: libreoffice-writer-nogui)", file=sys.stderr)
                return 1
            subprocess.run(
                [
                    soffice,
                    "-env:UserInstallation=file:///tmp/lo-sheets",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(OUT),
                    str(stem.with_suffix(".docx")),
                ],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            stem.with_suffix(".docx").unlink()
        stem.with_suffix(".expected.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
        )
        print(f"wrote {stem.name}.{fmt}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
