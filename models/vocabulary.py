"""The indicator vocabulary: the figures thidua extracts, read from versioned data files.

The vocabulary is data (``models/data/indicators/*.toml``; the header of ``indicators.v1.toml`` documents
the keys), one fact in one place: code, labels, unit, plausible ranges, whether a report must state it,
and the pattern catalogue that finds it. A folder named by ``THIDUA_INDICATORS`` adds indicators in the
same format (and their catalogues, see :mod:`extractors.catalogue`) without touching code: extraction,
tables, exports, the scorer (``source = "<code>"``) and the review labels read them from here.

Codes are a fixed contract (``../shared/design.md`` §2): add, never rename. Each indicator's
``semantics`` states what counts and, just as important, what does not; the pattern catalogues in
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

import os
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal, get_args

from models.text import nfc

ValueUnit = Literal["VND", "%", "count"]

TY = 1_000_000_000  # one tỷ đồng
INDICATORS_ENV = "THIDUA_INDICATORS"
_CODE = re.compile(r"[a-z][a-z0-9_]{1,62}")
_KEYS = {
    "code",
    "unit",
    "label_vi",
    "label_en",
    "semantics",
    "plausible",
    "required",
    "catalogue",
    "basis",
    "at_most",
}


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
    #: the versioned name of the pattern catalogue that finds it (``extractors/patterns``)
    catalogue: str = ""
    #: what a percentage is measured against ("estimate", "previous_year", "plan"), shown with the figure
    basis: str | None = None
    #: the code of the indicator this one never exceeds (targets met ≤ targets assigned): ``inconsistent``
    at_most: str | None = None

    def plausible_range(self, level: str | None) -> tuple[float, float] | None:
        if level in self.plausible:
            return self.plausible[level]
        return self.plausible.get("*")


def parse_indicators(data: dict, source: str) -> list[Indicator]:
    """The ``[[indicator]]`` entries of a vocabulary file; errors name the file, entry and what is allowed."""
    out = []
    for n, raw in enumerate(data.get("indicator", []), 1):
        where = f"{source}: indicator {raw.get('code') or n}"
        unknown = set(raw) - _KEYS
        missing = {"code", "unit", "label_vi", "catalogue"} - set(raw)
        if unknown or missing:
            raise ValueError(
                f"{where}: unknown keys {sorted(unknown)}, missing {sorted(missing)}; keys: {sorted(_KEYS)}"
            )
        code = raw["code"]
        if not _CODE.fullmatch(code):
            raise ValueError(f"{where}: a code is snake_case ASCII (like 'jobs_created'), not {code!r}")
        if raw["unit"] not in get_args(ValueUnit):
            raise ValueError(f"{where}: unit {raw['unit']!r}; allowed: {', '.join(get_args(ValueUnit))}")
        plausible = {}
        for level, bounds in raw.get("plausible", {}).items():
            if len(bounds) != 2 or not bounds[0] <= bounds[1]:
                raise ValueError(
                    f"{where}: plausible.{level} must be [low, high] with low ≤ high, not {bounds}"
                )
            plausible[level] = (bounds[0], bounds[1])
        out.append(
            Indicator(
                code=code,
                unit=raw["unit"],
                label_vi=nfc(raw["label_vi"]),
                label_en=raw.get("label_en", code),
                semantics=nfc(raw.get("semantics", "")).strip(),
                plausible=plausible,
                required=bool(raw.get("required", False)),
                catalogue=raw["catalogue"],
                basis=raw.get("basis"),
                at_most=raw.get("at_most"),
            )
        )
    return out


def extension_folder() -> Path | None:
    """The folder named by ``THIDUA_INDICATORS`` (indicators added without touching code), if set."""
    folder = os.environ.get(INDICATORS_ENV)
    if not folder:
        return None
    path = Path(folder)
    if not path.is_dir():
        raise FileNotFoundError(
            f"{INDICATORS_ENV}={folder}: no such folder (it should hold *.toml indicator files)"
        )
    return path


def vocabulary_files() -> list[tuple[str, bytes]]:
    """(name, content) of each vocabulary file: bundled (``indicators.v1`` first), then the extension's."""
    bundled = resources.files("models").joinpath("data", "indicators")
    names = sorted(
        (p.name for p in bundled.iterdir() if p.name.endswith(".toml")),
        key=lambda n: (not n.startswith("indicators."), n),
    )
    files = [(f"models/data/indicators/{n}", bundled.joinpath(n).read_bytes()) for n in names]
    folder = extension_folder()
    if folder is not None:
        files += [(str(p), p.read_bytes()) for p in sorted(folder.glob("*.toml"))]
    return files


def load_indicators() -> dict[str, Indicator]:
    """Every indicator, in display order; a code defined twice is an error naming both files."""
    found: dict[str, Indicator] = {}
    origin: dict[str, str] = {}
    for name, raw in vocabulary_files():
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ValueError(f"{name}: not a readable TOML file ({exc})") from None
        for ind in parse_indicators(data, name):
            if ind.code in found:
                raise ValueError(f"{name}: indicator {ind.code!r} is already defined in {origin[ind.code]}")
            found[ind.code], origin[ind.code] = ind, name
    for ind in found.values():
        if ind.at_most is not None and ind.at_most not in found:
            raise ValueError(
                f"{origin[ind.code]}: indicator {ind.code!r} is at_most {ind.at_most!r}, which is not defined"
            )
    return found


INDICATORS: dict[str, Indicator] = load_indicators()


def reload_indicators() -> dict[str, Indicator]:
    """Read the vocabulary again (after ``THIDUA_INDICATORS`` changed), in place: every module that
    imported ``INDICATORS`` sees the new entries. Pattern catalogues are reloaded by their own loader."""
    fresh = load_indicators()
    INDICATORS.clear()
    INDICATORS.update(fresh)
    return INDICATORS


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
