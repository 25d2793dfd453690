"""The indicator vocabulary: the one place where the figures thidua extracts are defined.

Codes are a fixed contract (``../shared/design.md`` §2): add, never rename. Each indicator's docstring
states what counts and, just as important, what does not; the pattern catalogues in
``extractors/patterns`` and the resolver honour these semantics.

Value conventions:

* ``VND``   money as an integer number of đồng ("13.200 tỷ đồng" -> 13_200_000_000_000);
* ``%``     a percentage as a plain number ("vượt 12,5% dự toán" -> 112.5);
* ``count`` a non-negative integer.

Traps that produce no figure for *any* indicator: next-year targets ("phấn đấu", "dự kiến",
"kế hoạch năm N+1"), budget expenditure ("chi ngân sách"), cluster-wide statements ("6/6 quận",
"toàn Cụm"), values of other years (the previous year's column of a two-year table), and components
of a total ("trong đó …", "riêng số thu từ …").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ValueUnit = Literal["VND", "%", "count"]

TY = 1_000_000_000  # one tỷ đồng


@dataclass(frozen=True)
class Indicator:
    """One figure the cluster scores, with its meaning and plausible ranges."""

    code: str
    unit: ValueUnit
    label_vi: str
    label_en: str
    semantics: str
    #: plausible (low, high) per unit level; a value outside gets the ``out_of_range`` flag.
    plausible: dict[str, tuple[float, float]] = field(default_factory=dict)
    #: a report is expected to state it; missing gets ``missing_required`` on the document.
    required: bool = False

    def plausible_range(self, level: str | None) -> tuple[float, float] | None:
        if level in self.plausible:
            return self.plausible[level]
        return self.plausible.get("*")


def _indicators() -> dict[str, Indicator]:
    items = [
        Indicator(
            "budget_revenue_actual",
            "VND",
            "Thu ngân sách nhà nước trên địa bàn (thực hiện)",
            "State-budget revenue collected in the unit's territory",
            """Thực hiện / ước thực hiện thu NSNN trên địa bàn in the report year, whole year unless a
            cut-off is stated (then flagged ``partial_period`` with ``as_of``). Not expenditure
            ("chi ngân sách"), not a component ("trong đó thu thuế …", "riêng số thu từ …"), not the
            previous year's outturn, not a cluster total, not a target ("phấn đấu thu …").""",
            {
                "district": (3_000 * TY, 25_000 * TY),
                "ward": (10 * TY, 15_000 * TY),
                "*": (1 * TY, 30_000 * TY),
            },
            required=True,
        ),
        Indicator(
            "budget_revenue_plan",
            "VND",
            "Dự toán thu ngân sách Thành phố giao",
            "Revenue estimate assigned for the year",
            """The estimate (dự toán, "kế hoạch", "chỉ tiêu") assigned by the City for the report year.
            The district's own stretch target ("dự toán HĐND quận giao", "chỉ tiêu phấn đấu") is
            another baseline and not this indicator.""",
            {
                "district": (2_000 * TY, 25_000 * TY),
                "ward": (10 * TY, 15_000 * TY),
                "*": (1 * TY, 30_000 * TY),
            },
        ),
        Indicator(
            "budget_revenue_attainment_pct",
            "%",
            "Tỷ lệ thu ngân sách so với dự toán Thành phố giao",
            "Revenue as % of the City's estimate",
            """Actual as % of the estimate assigned by the City: "đạt 147,4% dự toán" -> 147.4,
            "vượt 12,5% dự toán" -> 112.5, "đạt 100% dự toán" -> 100. Percentages against the
            district's own stretch target ("so với chỉ tiêu phấn đấu HĐND quận giao") are another
            baseline and not this indicator. Derived from plan and actual (``derived``) when the report
            does not state it; when stated, plan × % is checked against actual (``arithmetic``).""",
            {"*": (70, 160)},
            required=True,
        ),
        Indicator(
            "budget_revenue_yoy_pct",
            "%",
            "Thu ngân sách so với cùng kỳ năm trước",
            "Revenue as % of the previous year",
            """Actual as % of the previous year's outturn: "bằng 125,4% so với cùng kỳ" -> 125.4,
            "tăng 25,4% so với cùng kỳ" -> 125.4, "giảm 3% so với năm 2020" -> 97.""",
            {"*": (50, 250)},
        ),
        Indicator(
            "public_investment_disbursement_pct",
            "%",
            "Tỷ lệ giải ngân vốn đầu tư công",
            "Public-investment capital disbursed, % of plan",
            """Disbursement of public-investment capital as % of the plan assigned by the City (the first
            baseline when a sentence gives the City's and the district's: "bằng 247,5% kế hoạch Thành
            phố giao, bằng 87% kế hoạch quận giao" -> 247.5).""",
            {"*": (20, 400)},
        ),
        Indicator(
            "targets_met",
            "count",
            "Số chỉ tiêu đạt và vượt",
            "Socio-economic targets met or exceeded",
            """X in the unit's own "đạt và vượt X/Y chỉ tiêu" (or "hoàn thành X/Y chỉ tiêu") statement for
            the report year. Not "N chỉ tiêu vượt" (only the exceeded ones), not "42/63 trường" (schools),
            not ranks ("xếp thứ 6/30"), not cluster statements ("6/6 quận"), not next year's targets.""",
            {"*": (0, 60)},
            required=True,
        ),
        Indicator(
            "targets_total",
            "count",
            "Tổng số chỉ tiêu được giao",
            "Socio-economic targets assigned",
            """Y in the same "X/Y chỉ tiêu" statement as ``targets_met``; always X ≤ Y.""",
            {"*": (1, 60)},
            required=True,
        ),
        Indicator(
            "admin_ontime_pct",
            "%",
            "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn",
            "Administrative-procedure dossiers settled on time, %",
            """Share of administrative-procedure dossiers settled on or before time ("đúng hạn", "đúng và
            trước hạn"). Not the late share ("trễ hạn", "quá hạn").""",
            {"*": (80, 100)},
        ),
        Indicator(
            "jobs_created",
            "count",
            "Số lao động được giải quyết việc làm",
            "Workers given jobs in the year",
            """Workers given (new) jobs in the report year ("giải quyết việc làm cho 5.230 lao động").""",
            {"district": (500, 20_000), "*": (10, 50_000)},
        ),
        Indicator(
            "movements_launched",
            "count",
            "Số phong trào thi đua do đơn vị phát động",
            "Emulation movements launched by the unit",
            """Movements the unit itself launched or organised in the year (regular and thematic, added
            up when stated separately). Not the central/city movements it implements or responds to
            ("triển khai, hưởng ứng các phong trào do Trung ương, Thành phố phát động"), not movements
            launched by the cluster ("Cụm thi đua số 8 phát động …").""",
            {"*": (1, 60)},
        ),
        Indicator(
            "models_recognised",
            "count",
            "Số mô hình, cách làm hay, sáng kiến",
            "Models, good practices, initiatives recognised",
            """New models, good practices or initiatives recognised or replicated by the unit in the year.
            Not vague quantities ("hàng trăm mô hình"), not registrations by the cluster's units.""",
            {"*": (1, 2_000)},
        ),
        Indicator(
            "exemplars_honoured",
            "count",
            "Số điển hình tiên tiến, gương người tốt việc tốt được biểu dương",
            "Exemplars honoured by the unit",
            """Exemplars (điển hình tiên tiến, "Người tốt, việc tốt") honoured by the unit itself. Not those
            the City honours ("được Thành phố biểu dương 30 cá nhân").""",
            {"*": (1, 5_000)},
        ),
        Indicator(
            "commended_collectives",
            "count",
            "Số lượt tập thể được UBND đơn vị khen thưởng",
            "Collectives commended by the unit's People's Committee",
            """Collectives ("lượt" counts) commended by the unit's own People's Committee or its chair:
            Giấy khen and unit-level titles — the unit-level subtotal when a table gives one. Not awards
            from the City or the State (Bằng khen, Cờ thi đua, Huân chương), not proposals sent upwards
            ("đề nghị … khen thưởng"), not subsets ("trong đó khen thưởng chuyên đề …").""",
            {"*": (1, 20_000)},
        ),
        Indicator(
            "commended_individuals",
            "count",
            "Số lượt cá nhân được UBND đơn vị khen thưởng",
            "Individuals commended by the unit's People's Committee",
            """As ``commended_collectives``, for individuals.""",
            {"*": (1, 50_000)},
        ),
    ]
    return {i.code: i for i in items}


INDICATORS: dict[str, Indicator] = _indicators()

#: Reason codes a figure or document may carry (``../shared/design.md`` §4); the review UI names them.
REASONS: dict[str, str] = {
    "low_confidence": "Độ tin cậy thấp",
    "conflict": "Hai nguồn trong báo cáo cho số liệu khác nhau",
    "arithmetic": "Kế hoạch × tỷ lệ không khớp với số thực hiện",
    "out_of_range": "Giá trị nằm ngoài khoảng hợp lý",
    "partial_period": "Số liệu chưa hết năm (có ngày chốt số liệu)",
    "missing_required": "Thiếu chỉ tiêu bắt buộc",
    "unit_mismatch": "Đơn vị tính không khớp",
    "year_mismatch": "Năm của số liệu không khớp với năm báo cáo",
    "ocr_text": "Số liệu đọc từ ảnh quét (OCR)",
    "repaired_text": "Số liệu từ văn bản đã sửa mã phông chữ",
    "inconsistent": "Số liệu mâu thuẫn với chỉ tiêu khác",
    "unknown_unit": "Đơn vị gửi báo cáo chưa có trong danh mục đơn vị (đề xuất đơn vị mới)",
}


def indicator(code: str) -> Indicator:
    """Look an indicator up by code; the error lists the codes that exist."""
    try:
        return INDICATORS[code]
    except KeyError:
        raise KeyError(f"unknown indicator {code!r}; known: {', '.join(INDICATORS)}") from None
