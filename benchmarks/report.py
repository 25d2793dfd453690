"""One benchmark report: its blocks, its layout and the figures it states, grown to a page count.

:class:`benchmarks.report_base.Report` is what the section writers (:mod:`benchmarks.report_figures`,
:mod:`benchmarks.report_tables`) write into; this module wires them.

:func:`build_report` writes the outline of a year-end report (domain.md §2.2) and, between its fixed
parts, as much themed prose and as many list tables as the requested page count and table share need.
"""

from __future__ import annotations

import random
from datetime import datetime

from benchmarks import report_figures as figs
from benchmarks import report_tables as tabs
from benchmarks import report_values as vals
from benchmarks.fonts import FontSet
from benchmarks.layout import Paginator
from benchmarks.model import Block, Columns, Para
from benchmarks.report_base import BuiltReport, Report
from benchmarks.report_text import YEAR_CONTEXT, filler, heading
from models.units import Unit


def fill_to(r: Report, target: float, themes: list[str], tables: list[str], numbered: str = "") -> None:
    """Add themed paragraphs (under sub-headings now and then) and list tables until the layout
    reaches ``target`` pages (fractional)."""
    k = 0
    while r.pag.fill < target:
        if tables and r.table_due():
            tabs.list_table(r, r.rng.choice(tables))
            continue
        theme = themes[k % len(themes)] if k < len(themes) else r.rng.choice(themes)
        head = heading(theme, r.rng)
        if head and (k == 0 or r.rng.random() < 0.35):
            mark = f"{numbered}{k + 1}. " if numbered else "- "
            r.h(f"{mark}{head}", italic=not numbered)
        for _ in range(r.rng.randint(1, 3)):
            r.p(filler(theme, r.rng, r.slots))
        k += 1


def _header(r: Report, number: str, signed: datetime) -> None:
    issuer = [(f"UBND {r.lv.upper()} {r.name.upper()}", "bold", "center")]
    if r.rng.random() < 0.4:
        issuer = [
            ("ỦY BAN NHÂN DÂN", "bold", "center"),
            (f"{r.lv.upper()} {r.name.upper()}", "bold", "center"),
        ]
    left = [*issuer, ("––––––––", "regular", "center"), (f"Số: {number}", "regular", "center")]
    date = f"{r.name}, ngày {signed.day:02d} tháng {signed.month:02d} năm {signed.year}"
    right = [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "bold", "center"),
        ("Độc lập - Tự do - Hạnh phúc", "bold", "center"),
        ("––––––––––––––––––––", "regular", "center"),
        (date, "italic", "center"),
    ]
    r.add(Columns([left, right], [6.2, 10.2], size=12.5))


def _signature(r: Report, chair: str) -> None:
    recipients = [("Nơi nhận:", "bold", "left")] + [
        (f"- {x};", "regular", "left")
        for x in [
            "Ban Thi đua - Khen thưởng Thành phố",
            "Thường trực Đảng ủy, HĐND",
            r.cluster,
            "Lưu: VT, NV",
        ]
    ]
    kt = r.rng.random() < 0.4
    sign = [("TM. ỦY BAN NHÂN DÂN", "bold", "center")]
    sign += (
        [("KT. CHỦ TỊCH", "bold", "center"), ("PHÓ CHỦ TỊCH", "bold", "center")]
        if kt
        else [("CHỦ TỊCH", "bold", "center")]
    )
    sign += [("", "regular", "center")] * 3 + [(chair, "bold", "center")]
    r.add(Columns([recipients, sign], [8.0, 8.0], size=12.0))


def _tail(r: Report, values: vals.Values, title: str, chair: str, pages: int) -> list[Block]:
    """The assessment (VII), part two (next year), part three (proposals), the closing line and the
    signature: written first and measured, so that the body knows how much room it has."""
    rng, year = r.rng, r.year
    r.sink = []
    if not r.compact:
        r.h("VII. ĐÁNH GIÁ CHUNG")
        for theme in ("good", "bad", "cause", "lessons")[: 2 if pages <= 6 else 4]:
            r.h(f"- {heading(theme, rng)}", italic=True)
            r.p(filler(theme, rng, r.slots))
    r.centered("Phần thứ hai", after=0.0)
    r.centered(f"PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {year + 1}", after=4.0)
    figs.plans(r, values)
    for _ in range(1 if r.compact else rng.randint(2, 4)):
        r.p("- " + filler("tasks", rng, r.slots, (1, 2)))
    if not r.compact:
        r.centered("Phần thứ ba", after=0.0)
        r.centered("ĐỀ XUẤT, KIẾN NGHỊ", after=4.0)
        r.p("- " + filler("proposals", rng, r.slots, (1, 2)))
    r.p(f"Trên đây là báo cáo {title[0].lower()}{title[1:]} của UBND {r.unit_vi}./.")
    _signature(r, chair)
    tail, r.sink = r.sink, None
    return tail


def build_report(
    fonts: FontSet, unit: Unit, year: int, version: int, seed: str, pages: int, table_share: float
) -> BuiltReport:
    """Write one report of ``pages`` pages (the fixed parts alone may need a page more on a short one).

    The fixed parts are written first where they are and measured (the tail on a scratch layout);
    what is left is shared out between the sections as targets for :func:`fill_to`, and the
    annexed lists make up the last page if the report falls short."""
    rng = random.Random(seed)
    compact = pages <= 4
    size = rng.choice([13.0, 13.0, 13.5]) if compact else rng.choice([13.0, 13.5, 14.0, 14.0])
    r = Report(fonts, unit, year, rng, size=size, table_share=table_share, compact=compact)
    values = vals.draw_values(r, pages)
    signed = vals.signing_date(r)
    number = f"{rng.randint(5, 990)}/BC-UBND"
    chair = tabs.person(rng)
    title = vals.title(r)

    _header(r, number, signed)
    r.add(Para("", indent=0.0, space_after=2.0, size=8.0))
    r.centered("BÁO CÁO", size=size + 1)
    r.centered(title, after=2.0)
    r.centered("–––––––––––", bold=False, after=6.0)
    r.p(vals.intro(r))
    r.centered("Phần thứ nhất", after=0.0)
    r.centered(f"KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM {year}", after=4.0)

    tail = _tail(r, values, title, chair, pages)
    scratch = Paginator(fonts)
    for block in tail:
        scratch.add(block)
    scratch.finish()
    base = r.pag.fill
    budget = max(0.0, pages - 0.4 - base - scratch.fill)
    marks = [base]
    for share in (0.06, 0.25, 0.3, 0.15, 0.13, 0.11):
        marks.append(marks[-1] + share * budget)

    r.h("I. ĐẶC ĐIỂM TÌNH HÌNH")
    r.p(
        r.x(rng.choice(YEAR_CONTEXT[year]))
        + ("" if compact else " " + filler("context", rng, r.slots, (1, 2)))
    )
    fill_to(r, marks[1], ["context", "urban", "social", "security"], [])
    r.h("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI")
    figs.economy(r, values)
    fill_to(
        r,
        marks[2],
        ["urban", "environment", "social", "health", "education", "culture", "security", "reform"],
        ["works"],
    )
    r.h("III. KẾT QUẢ TỔ CHỨC CÁC PHONG TRÀO THI ĐUA")
    figs.movements(r, values)
    fill_to(r, marks[3], ["movement", "movement", "cluster"], ["movement_list"])
    r.h("IV. CÔNG TÁC PHÁT HIỆN, BỒI DƯỠNG, NHÂN RỘNG ĐIỂN HÌNH TIÊN TIẾN")
    figs.exemplars(r, values)
    fill_to(r, marks[4], ["movement", "propaganda"], ["exemplar_list", "model_list"])
    r.h("V. CÔNG TÁC KHEN THƯỞNG")
    figs.commendations(r, values)
    fill_to(r, marks[5], ["council", "inspection"], ["collective_list", "individual_list"])
    if not compact:
        r.h("VI. CÔNG TÁC TUYÊN TRUYỀN, KIỆN TOÀN BỘ MÁY VÀ KIỂM TRA")
        r.p(filler("propaganda", rng, r.slots))
        fill_to(r, marks[6], ["propaganda", "council", "inspection", "cluster"], [])
    for block in tail:
        r.add(block)
    figs.appendix(r, values, pages)
    pages_out = r.pag.finish()
    expected = {"unit": unit.id, "year": year, "figures": r.figures, "traps": r.traps}
    return BuiltReport(r.blocks, pages_out, r.pag.starts, expected, title, f"UBND {r.unit_vi}", signed)
