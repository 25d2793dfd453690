"""Parts of a total: counts stated in parts add up, in one sentence or over the lines of a list.

In one sentence (:func:`sum_sentence_parts`): "03 phong trào thường xuyên và 06 phong trào chuyên đề"
is 9; "09 phong trào, gồm 03 … và 06 …" states the total with its parts; a total written before lines
that do not add up to it ("khen thưởng 75 tập thể, cụ thể: Giấy khen 45 tập thể; …: 28 tập thể") keeps
its value and is flagged ``conflict``.

Over a list (:func:`sum_award_lines`): award lists without a total.

Reports often list the unit's own awards form by form, one bullet each, and give no total:

    - Giấy khen của Chủ tịch UBND quận: 45 tập thể và 120 cá nhân;
    - Danh hiệu Lao động tiên tiến: 310 cá nhân;
    - Danh hiệu Chiến sĩ thi đua cơ sở: 36 cá nhân;
    - Bằng khen của Chủ tịch UBND Thành phố: 8 tập thể   (the City's: no candidate of the unit's own)

Each line gives its own candidates (the rules keep the City's awards, proposals and households out);
read alone, each would be a rival value of the same indicator. Here the candidates of one indicator
whose catalogue sums siblings (``sum_siblings``: parts stated in one sentence add up) are added over
the consecutive list lines of one list, with a note naming the lines. A total written elsewhere (the
sentence that opens the list) stays a candidate of its own: resolution keeps it, and flags
``conflict`` when the lines do not add up to it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from extractors.candidates import Candidate
from extractors.catalogue import Catalogue, Catalogues
from extractors.document import Block, Paragraph
from models.text import fold

# A list line: a bullet ("- ", "+ ", "• ", "a) ") or "Form: count" ("Giấy khen: 45 tập thể").
_BULLET = re.compile(r"^\s*(?:[-+–•*▪◦]\s|[a-zđ]\)\s|\d{1,2}\)\s)")
_FORM_COUNT = re.compile(r"^[^:;.]{3,90}:\s*\S*\d")
_LABEL_BREAKS = ";,"
_LABEL_MAX = 70
# a sum over lines is worth less than a total written out: a total, when there is one, is the figure
SUM_CONFIDENCE = 0.9


def line_label(text: str, span: tuple[int, int] | None) -> str:
    """The piece of ``text`` (between ";" or ",") that holds the value at ``span``, for a note:
    "danh hiệu Lao động tiên tiến: 310 cá nhân"."""
    if span is None:
        return text[:_LABEL_MAX]
    start = max(text.rfind(mark, 0, span[0]) for mark in _LABEL_BREAKS) + 1
    ends = [i for i in (text.find(mark, span[1]) for mark in _LABEL_BREAKS) if i >= 0]
    piece = text[start : min(ends, default=len(text))].strip(" .-+–•\t")
    return piece if len(piece) <= _LABEL_MAX else piece[: _LABEL_MAX - 1] + "…"


def is_list_line(text: str) -> bool:
    return bool(_BULLET.match(text) or _FORM_COUNT.match(text.strip()))


def _runs(blocks: Sequence[Block]) -> dict[str, int]:
    """Locator block -> number of the list it belongs to, for the paragraphs that are list lines;
    an empty paragraph neither ends a list nor belongs to one."""
    run_of: dict[str, int] = {}
    run, inside = 0, False
    for block in blocks:
        if isinstance(block, Paragraph) and not block.text.strip():
            continue
        line = isinstance(block, Paragraph) and is_list_line(block.text)
        if line and not inside:
            run += 1
        inside = line
        if line:
            run_of[block.locator.block] = run
    return run_of


def sum_award_lines(
    blocks: Sequence[Block], candidates: list[Candidate], cats: Catalogues
) -> list[Candidate]:
    """``candidates`` with those of each summed indicator on the lines of one list replaced by their
    sum (when they come from two lines or more); the order is kept, the sum where its first line was."""
    summed = {c.indicator for c in cats.catalogues if c.indicator and c.sum_siblings}
    run_of = _runs(blocks)
    groups: dict[tuple[int, str], list[Candidate]] = {}
    for cand in candidates:
        if cand.indicator in summed and cand.origin == "prose" and cand.locator is not None:
            run = run_of.get(cand.locator.block)
            if run is not None:
                groups.setdefault((run, cand.indicator), []).append(cand)
    replaced: dict[int, Candidate | None] = {}
    for parts in groups.values():
        if len({p.locator.block for p in parts if p.locator}) < 2:
            continue
        first = parts[0]
        lines = " + ".join(f"{p.value:g} («{line_label(p.text, p.span)}»)" for p in parts)
        total = replace(
            first,
            value=sum(p.value for p in parts),
            confidence=round(min(p.confidence for p in parts) * SUM_CONFIDENCE, 3),
            notes=[*first.notes, f"sum of the award lines of one list: {lines}"],
            flags=list(dict.fromkeys(f for p in parts for f in p.flags)),
            hedge=next((p.hedge for p in parts if p.hedge), None),
            is_estimate=any(p.is_estimate for p in parts),
        )
        replaced[id(first)] = total
        for p in parts[1:]:
            replaced[id(p)] = None
    out = []
    for cand in candidates:
        new = replaced.get(id(cand), cand)
        if new is not None:
            out.append(new)
    return out


# -- parts stated in one sentence ------------------------------------------------------------------
def sum_sentence_parts(found: list[Candidate], by_name: dict[str, Catalogue]) -> list[Candidate]:
    """Counts of one indicator stated in parts in one sentence ("3 … và 9 phong trào") add up,
    unless the first is the total of the rest ("09 phong trào, gồm 01 … và 08 …"). Two equal
    counts are parts ("03 phong trào thường xuyên và 03 phong trào theo chuyên đề") unless words
    like "gồm" or "trong đó" between them say the second is inside the first."""
    groups: dict[str, list[Candidate]] = {}
    for cand in found:
        groups.setdefault(cand.indicator, []).append(cand)
    out: list[Candidate] = []
    for cand in found:
        group = groups[cand.indicator]
        if len(group) == 1 or not by_name[cand.catalogue].sum_siblings:
            out.append(cand)
            continue
        if cand is not group[0]:
            continue
        parts = [c.value for c in group]
        adds_up = parts[0] == sum(parts[1:])
        if adds_up and (len(parts) > 2 or _introduces_parts(group[0], group[1])):
            cand.notes.append(f"total stated with its parts: {parts[0]} = {' + '.join(map(str, parts[1:]))}")
        elif not adds_up and _opens_list(group[0], group[1]):
            # "khen thưởng 75 tập thể …, cụ thể: Giấy khen 45 tập thể; …: 28 tập thể": the total written
            # is the figure; lines that do not add up to it are for the reviewer to weigh
            lines = " + ".join(f"{c.value:g} («{line_label(c.text, c.span)}»)" for c in group[1:])
            cand.flags.append("conflict")
            cand.notes.append(
                f"the total written is {parts[0]:g} but its lines add up to {sum(parts[1:]):g}: {lines}"
            )
        else:
            lines = " + ".join(f"{c.value:g} («{line_label(c.text, c.span)}»)" for c in group)
            cand.notes.append(f"sum of the parts stated in one sentence: {lines}")
            cand.value = sum(parts)
        out.append(cand)
    return out


# Words between a total and its first part: "09 phong trào, gồm 09 …", "5 mô hình (trong đó 5 …)".
_PARTS_FOLLOW = ("gom", "trong do", "cu the", "bao gom", ":", "(")


# The same words, said before the first part and its clause ends: "… 75 tập thể, cụ thể: Giấy khen …"
# (not the ":" of the next line's own label, "…; Tập thể lao động tiên tiến: 28 tập thể").
_OPENS_LIST = ("gom", "trong do", "cu the", "bao gom", "nhu sau", ":")


def _opens_list(total: Candidate, part: Candidate) -> bool:
    if total.span is None or part.span is None or total.text != part.text:
        return False
    head = fold(total.text[total.span[1] : part.span[0]]).split(";")[0]
    return any(word in head for word in _OPENS_LIST)


def _introduces_parts(total: Candidate, part: Candidate) -> bool:
    if total.span is None or part.span is None or total.text != part.text:
        return False
    between = fold(total.text[total.span[1] : part.span[0]])
    return any(word in between for word in _PARTS_FOLLOW)
