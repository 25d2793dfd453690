"""The issuing body of a Vietnamese administrative document, read from its header.

The issuer block is the first lines at the top left, above the number ("Số: …/BC-UBND"): the issuing
body, possibly with its parent above it ("UBND TỈNH BẮC NINH" / "UBND HUYỆN QUẾ VÕ") or its province after
a comma ("UBND HUYỆN QUẾ VÕ, TỈNH BẮC NINH"), and sometimes split over two lines ("ỦY BAN NHÂN DÂN" /
"PHƯỜNG BẾN THÀNH"). In a Word table or a PDF the right-hand column (the national motto, the place and
date) is read between or beside those lines, so motto text is cut off and skipped.

:func:`issuing_body` names the body with its registry level (``models.units.LEVELS``): a People's
Committee or Council of a quận, huyện, thị xã or thành phố thuộc tỉnh is a district, of a phường a ward,
of a xã, thị trấn or đặc khu a commune, of a tỉnh or centrally-run city a province; a youth union, an
association, the trade-union federation or the Front an organisation; a sở, ban or phòng a department.
Used by :mod:`extractors.unit_year` when the registry knows none of the header's names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.text import fold_key, nfc

# Government bodies: the words before the administrative level ("UBND", "Ủy ban nhân dân", "HĐND", …).
_GOVERNMENT = (
    ("ubnd",),
    ("uy", "ban", "nhan", "dan"),
    ("hdnd",),
    ("hoi", "dong", "nhan", "dan"),
    ("hoi", "dong", "thi", "dua", "khen", "thuong"),
)
# Administrative levels (folded words) -> (registry level, the name's Vietnamese prefix).
_ADMIN = {
    ("tinh",): ("province", "Tỉnh"),
    ("thanh", "pho"): ("district", "Thành phố"),  # province level when a centrally-run city (below)
    ("tp",): ("district", "Thành phố"),
    ("quan",): ("district", "Quận"),
    ("huyen",): ("district", "Huyện"),
    ("thi", "xa"): ("district", "Thị xã"),
    ("tx",): ("district", "Thị xã"),
    ("phuong",): ("ward", "Phường"),
    ("xa",): ("commune", "Xã"),
    ("thi", "tran"): ("commune", "Thị trấn"),
    ("dac", "khu"): ("commune", "Đặc khu"),
}
# Centrally-run cities (thành phố trực thuộc Trung ương): a "thành phố" of these names is a province,
# unless the header names a province above it (the city of Huế under Thừa Thiên Huế before 2025).
_CENTRAL_CITIES = {"ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue"}
_RANK = {"province": 3, "district": 2, "ward": 1, "commune": 1}
# Youth unions of one level: "TỈNH ĐOÀN THANH HÓA", "HUYỆN ĐOÀN …" -> (name prefix, its place's level).
_YOUTH = {
    ("tinh", "doan"): ("Tỉnh đoàn", "province"),
    ("thanh", "doan"): ("Thành đoàn", "province"),
    ("huyen", "doan"): ("Huyện đoàn", "district"),
    ("quan", "doan"): ("Quận đoàn", "district"),
    ("thi", "doan"): ("Thị đoàn", "district"),
}
_ORGANISATION_HEADS = (
    ("hoi",),
    ("lien", "doan", "lao", "dong"),
    ("uy", "ban", "mat", "tran", "to", "quoc"),
    ("uy", "ban", "mttq"),
    ("mttq",),
    ("tinh", "uy"),
    ("thanh", "uy"),
    ("huyen", "uy"),
    ("quan", "uy"),
    ("dang", "uy"),
)
_DEPARTMENT_HEADS = (("so",), ("ban",), ("phong",), ("van", "phong"), ("chi", "cuc"), ("cuc",))
_COMMITTEE = (("ban", "chap", "hanh"), ("bch",), ("ban", "thuong", "vu"), ("btv",))  # "BCH TỈNH ĐOÀN …"
# Where the right-hand column starts inside a line, or a line of it.
_MOTTO = (
    ("cong", "hoa", "xa", "hoi"),
    ("doc", "lap", "tu", "do"),
    ("dang", "cong", "san", "viet", "nam"),
    ("doan", "tncs", "ho", "chi", "minh"),
)
_SKIP_START = (("mau", "so"), ("phu", "luc"), ("mat",), ("khan",))
_BLOCK_END = re.compile(
    r"^(?:so\s+\S*\d|so\s*$|ngay\s+\d|bao cao|ke hoach|to trinh|quyet dinh|thong bao|huong dan|cong van)"
    r"|\bngay\s+\d{1,2}\s+thang\b"
)
_WORD = re.compile(r"[^\W_]+")
_MAX_LINE = 90  # longer lines are body text, not a header


@dataclass(frozen=True)
class IssuingBody:
    """Who issued the document, as its header names it."""

    name: str  # "Huyện Quế Võ", "Tỉnh đoàn Thanh Hóa", "Sở Nội Vụ tỉnh Bắc Ninh"
    level: str  # a registry level
    short: str  # the bare place name ("Quế Võ"); the name for an organisation or department
    city: str  # the province or centrally-run city when stated, else ""
    header: str  # the issuer block as written, lines joined by " / "

    @property
    def id(self) -> str:
        """The slug a registry id is made of: "huyen-que-vo"."""
        return fold_key(self.name).replace(" ", "-")

    @property
    def government(self) -> bool:
        """A People's Committee or Council (rather than an organisation or a department)."""
        return self.level in _RANK


@dataclass
class _Words:
    """A line's words: the original spelling, its folded key, where it starts in the line."""

    text: str
    words: list[str]
    keys: list[str]
    starts: list[int]

    @classmethod
    def of(cls, text: str) -> _Words:
        found = list(_WORD.finditer(text))
        return cls(text, [m[0] for m in found], [fold_key(m[0]) for m in found], [m.start() for m in found])

    def at(self, i: int, seq: tuple[str, ...]) -> bool:
        return tuple(self.keys[i : i + len(seq)]) == seq

    def head(self, options, i: int = 0) -> tuple[str, ...] | None:
        """The longest of ``options`` that the words start with at ``i``."""
        hits = [seq for seq in options if self.at(i, seq)]
        return max(hits, key=len) if hits else None

    def rest(self, i: int) -> str:
        """The original text from word ``i`` on."""
        return self.text[self.starts[i] :].strip(" ,.;:-–") if i < len(self.words) else ""


def _cut_motto(text: str) -> str:
    words = _Words.of(text)
    for i in range(len(words.keys)):
        if i > 0 and words.head(_MOTTO, i):
            return text[: words.starts[i]].strip()
    return text


def issuer_lines(lines: list[str], limit: int = 12) -> list[str]:
    """The issuer block among the first ``limit`` lines: motto and separators skipped, up to the number
    or date line; a line that only says "ỦY BAN NHÂN DÂN" is joined to the next."""
    block: list[str] = []
    for raw in lines[:limit]:
        text = _cut_motto(nfc(raw))
        key = fold_key(text)
        if not key:
            continue
        words = _Words.of(text)
        if words.head(_MOTTO) or words.head(_SKIP_START):
            continue
        if _BLOCK_END.search(key) or len(text) > _MAX_LINE:
            break
        if block and fold_key(block[-1]).split() in ([*seq] for seq in _GOVERNMENT):
            block[-1] = f"{block[-1]} {text}"
        else:
            block.append(text)
        if len(block) == 3:
            break
    return block


def _title(text: str) -> str:
    """ "QUẾ VÕ" -> "Quế Võ" (each word capitalised, the rest lower case)."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split())


def _place(words: _Words, i: int, below: str | None) -> tuple[str, str, int]:
    """The place named from word ``i`` to the end or a comma, cut before the level word of a higher unit
    ("XÃ TÂN LẬP HUYỆN ĐAN PHƯỢNG"); returns (name as written, the rest of the line, the rest's start)."""
    end = len(words.words)
    comma = words.text.find(",", words.starts[i]) if i < end else -1
    for j in range(i + 1, end):
        if comma != -1 and words.starts[j] > comma:
            end = j
            break
        seq = words.head(_ADMIN, j)
        if seq and below and _RANK[_ADMIN[seq][0]] > _RANK[below]:
            end = j
            break
    stop = words.starts[end] if end < len(words.words) else len(words.text)
    return words.text[words.starts[i] : stop].strip(" ,.;:-–"), words.text[stop:], end


def _government(words: _Words) -> tuple[str, str, str, str] | None:
    """(level, name, short, the rest of the line) of "UBND HUYỆN QUẾ VÕ[, TỈNH BẮC NINH]"."""
    prefix = words.head(_GOVERNMENT)
    if prefix is None:
        return None
    admin = words.head(_ADMIN, len(prefix))
    at = len(prefix) + len(admin or ())
    if admin is None or at >= len(words.words):
        return None
    level, label = _ADMIN[admin]
    place, rest, _ = _place(words, at, level)
    if not place:
        return None
    return level, f"{label} {_title(place)}", _title(place), rest


def _province_in(text: str) -> str:
    """The province or centrally-run city a piece of header names ("TỈNH BẮC NINH" -> "Bắc Ninh")."""
    words = _Words.of(text)
    for i in range(len(words.words)):
        seq = words.head(_ADMIN, i)
        if seq in (("tinh",), ("thanh", "pho"), ("tp",)) and i + len(seq) < len(words.words):
            place, _, _ = _place(words, i + len(seq), "province")
            if seq == ("tinh",) or fold_key(place) in _CENTRAL_CITIES:
                return _title(place)
    return ""


def _smart_case(text: str) -> str:
    """A name written in capitals -> "Sở Nội Vụ tỉnh Bắc Ninh": words capitalised, level words inside the
    name in lower case. A name written in mixed case is kept as written."""
    if not text.isupper():
        return text
    pieces = text.split()
    keys = [fold_key(p) for p in pieces]
    lower: set[int] = set()
    for i in range(1, len(pieces)):
        seq = next((q for q in _ADMIN if tuple(keys[i : i + len(q)]) == q and len(q[0]) > 2), None)
        if seq:
            lower.update(range(i, i + len(seq)))
    return " ".join(p.lower() if i in lower else p[:1].upper() + p[1:].lower() for i, p in enumerate(pieces))


def _organisation(words: _Words) -> tuple[str, str, str] | None:
    """(level, name, city) of a youth union, an association, a party committee or a department."""
    start = len(words.head(_COMMITTEE) or ())
    youth = words.head(_YOUTH, start)
    if youth is not None:
        label, place_level = _YOUTH[youth]
        place, _, _ = _place(words, start + len(youth), place_level)
        if not place:
            return None
        return "organisation", f"{label} {_title(place)}", _title(place) if place_level == "province" else ""
    for heads, level in ((_ORGANISATION_HEADS, "organisation"), (_DEPARTMENT_HEADS, "department")):
        head = words.head(heads, start)
        if head is not None and start + len(head) < len(words.words):
            name = _smart_case(words.rest(start).split(",")[0].strip())
            return level, name, _province_in(words.rest(start))
    return None


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def issuing_body(lines: list[str]) -> IssuingBody | None:
    """The body that issued the document, from the first lines of its header; None when the header names
    no body this grammar knows. The lowest body of the block is the issuer, those above it its parents."""
    block = issuer_lines(lines)
    bodies: list[IssuingBody] = []
    for line in block:
        words = _Words.of(line)
        government = _government(words)
        if government is not None:
            level, name, short, rest = government
            if name.startswith("Thành phố ") and fold_key(short) in _CENTRAL_CITIES and not bodies:
                level = "province"  # Thành phố Hà Nội, unless a province is named above it (Huế)
            city = _province_in(rest) or (short if level == "province" else "")
            bodies.append(IssuingBody(name, level, short, city, line))
            continue
        organisation = _organisation(words)
        if organisation is not None:
            level, name, city = organisation
            bodies.append(IssuingBody(name, level, name, city, line))
    if not bodies:
        return None
    body, parents = bodies[-1], bodies[:-1]
    name, level, short, city = body.name, body.level, body.short, body.city
    city = city or next((p.city for p in reversed(parents) if p.city), "")
    if not body.government and parents and not _province_in(body.header) and not body.city:
        # "UBND HUYỆN QUẾ VÕ" / "PHÒNG NỘI VỤ": the department of the parent
        name = short = f"{name} {_lower_first(parents[-1].name)}"
    return IssuingBody(name=name, level=level, short=short, city=city, header=" / ".join(block))
