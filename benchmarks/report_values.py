"""The values of a benchmark report, drawn per report: revenue and its plan, the targets, the counts,
which optional figures it states and how; and its identity lines (title, introduction, signing date).
Realistic magnitudes per level (domain.md §2.4): districts collect 3 500–16 000 tỷ, wards 150–6 000.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from benchmarks.report_base import Report, ratio, vn

D = Decimal


@dataclass
class Values:
    act: Decimal  # revenue, tỷ đồng
    plan: Decimal
    att: Decimal  # act / plan, %, one decimal
    yoy: Decimal  # act / previous year, %
    prev: Decimal  # previous year's revenue
    prev_att: Decimal
    invest: Decimal  # disbursement, % of the City's plan
    met: int
    total: int
    exceeded: int
    received: int  # administrative dossiers
    ontime: Decimal
    jobs: int
    regular: int  # movements launched: regular + thematic
    thematic: int
    models: int
    exemplars: int
    city_exemplars: int
    collectives: int
    individuals: int
    # which optional figures this report states, and how
    state: dict[str, bool]
    cutoff: tuple[int, int] | None  # revenue given at a cut-off date (day, month)
    revenue_variant: int
    tables: set[str]  # figure tables this report has: targets, twoyear, awards


def change(p: Decimal) -> str:
    """A year-on-year ratio as a change: 108,9% -> "tăng 8,9%", 95% -> "giảm 5%"."""

    return f"tăng {vn(p - 100, trim=True)}%" if p >= 100 else f"giảm {vn(100 - p, trim=True)}%"


def draw_values(r: Report, pages: int) -> Values:
    rng, ward = r.rng, r.level == "ward"

    variant = rng.randrange(7)
    act = D(rng.randint(150, 6000) if ward else rng.randint(3500, 16000))
    if variant == 5:  # stated in "nghìn tỷ" with one decimal: a round hundred of tỷ
        act = max(D(1000), (act / 100).quantize(D(1)) * 100)
    elif variant == 6 or rng.random() < 0.4:
        act += D(rng.randint(1, 9)) / 10
    plan = (act / D(rng.uniform(1.02 if variant == 6 else 0.95, 1.45))).quantize(D(1))
    prev = (act / D(rng.uniform(0.9, 1.3))).quantize(D(1))
    total = rng.randint(10, 14) if ward else rng.randint(14, 30)
    received = rng.randint(8000, 30000) if ward else rng.randint(40000, 160000)
    # figure tables: each drawn with its own chance, but no more than the table share allows
    allowed = round(r.table_share * pages)
    drawn = [t for t, p in (("targets", 0.4), ("twoyear", 0.25), ("awards", 0.5)) if rng.random() < p]
    tables = set(rng.sample(drawn, min(allowed, len(drawn))))
    state = {
        k: rng.random() < p
        for k, p in {
            "plan": 0.7,
            "yoy": 0.75,
            "att": 0.9,
            "invest": 0.85,
            "admin": 0.85,
            "jobs": 0.85,
            "models": 0.9,
        }.items()
    }
    if not state["att"]:
        state["plan"] = True  # attainment is then derived from plan and actual
    prev_plan = (prev / D(rng.uniform(0.95, 1.3))).quantize(D(1))
    return Values(
        act=act,
        plan=plan,
        att=ratio(act, plan),
        yoy=ratio(act, prev),
        prev=prev,
        prev_att=ratio(prev, prev_plan),
        invest=D(rng.randint(700, 2600)) / 10,
        met=total - (rng.random() < 0.3),
        total=total,
        exceeded=rng.randint(2, 9),
        received=received,
        ontime=D(rng.randint(9700, 10000)) / 100,
        jobs=rng.randint(300, 1500) if ward else rng.randint(2500, 9000),
        regular=rng.randint(1, 3),
        thematic=rng.randint(2, 12),
        models=rng.randint(10, 60) if ward else rng.randint(40, 260),
        exemplars=rng.randint(30, 120) if ward else rng.randint(150, 480),
        city_exemplars=rng.randint(3, 30),
        collectives=rng.randint(60, 300) if ward else rng.randint(300, 1400),
        individuals=rng.randint(150, 700) if ward else rng.randint(800, 3200),
        state=state,
        cutoff=(15, 12) if not tables & {"targets", "twoyear"} and rng.random() < 0.12 else None,
        tables=tables,
        revenue_variant=variant,
    )


def signing_date(r: Report) -> datetime:
    rng = r.rng
    if rng.random() < 0.5:
        return datetime(r.year, 12, rng.randint(10, 28), 8, 30)
    return datetime(r.year + 1, 1, rng.randint(5, 20), 8, 30)


def title(r: Report) -> str:
    y = r.year
    return r.rng.choice(
        [
            f"Tổng kết công tác thi đua, khen thưởng năm {y} và phương hướng, nhiệm vụ năm {y + 1}",
            f"Tổng kết công tác thi đua, khen thưởng năm {y}; phương hướng, nhiệm vụ năm {y + 1}",
            f"Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội, công tác thi đua, khen thưởng năm {y} "
            f"và phương hướng, nhiệm vụ năm {y + 1}",
        ]
    )


def intro(r: Report) -> str:
    y = r.year
    return r.x(
        f"[Thực hiện Hướng dẫn số {{docno}}/HD-SNV ngày {{date}} của Sở Nội vụ thành phố Hà Nội về tổng kết "
        f"công tác thi đua, khen thưởng năm {y}|Căn cứ Luật Thi đua, khen thưởng và các văn bản hướng dẫn "
        f"thi hành; thực hiện Kế hoạch số {{docno}}/KH-HĐTĐKT của Hội đồng Thi đua - Khen thưởng Thành phố]; "
        f"UBND {r.unit_vi} báo cáo [tổng kết công tác thi đua, khen thưởng năm {y}|kết quả công tác thi đua, "
        f"khen thưởng năm {y}] như sau:"
    )
