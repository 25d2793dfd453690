"""The value's own box on the page: which printed words a figure was read from, and its label's.

A candidate knows its value's characters (``Candidate.span``) inside its sentence or row
(``Candidate.text``); a PDF paragraph knows where each of its words is printed
(``Paragraph.words_in``). This module joins the two after the rules have run, so the rules stay free of
page geometry:

* **Prose** (:func:`prose_boxes`): the sentence is found in the paragraph text, the span moved to
  paragraph offsets, and the value's box is the union of the *whole words* holding its characters
  (a word's box is exact, a part of a word would be a guess: "(10.526" is boxed with its bracket).
  A value broken over two lines is boxed on its **first line** only: one rectangle, on the line where
  a reader's eye finds the number, never a rectangle spanning both lines (which would cover the text
  between them). The **label** is the phrase of the figure's own catalogue (a cue before or after
  the number, or the noun it counts) nearest the value in its clause: the words that name the
  indicator beside the number. It is boxed only with its words on the value's line; a label on another
  line gets no box (the paragraph box shows the context). This is the nearest phrase of that
  catalogue, found again from the sentence's phrase hits, not a record of which one the rule weighed.
* **Tables** (:func:`table_boxes`): the value's cell is the one cell of the row whose text holds the
  value; the label is the row's first cell with words. Two cells holding the same value (plan equal to
  actual) give no value box rather than a guessed one.

Boxes are given only when the characters at the span really read as the figure's value (a sum of two
counts has no characters of its own); otherwise the figure keeps only its block's box.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from extractors.candidates import Candidate
from extractors.document import BBox, Paragraph, Table, WordBox
from extractors.numbers import find_quantities, parse_quantity
from extractors.reading import Hit, reading
from extractors.resolve import same_value
from extractors.tokens import Tokens

# The catalogue roles that name an indicator beside its number (see extractors.rules, step 2).
LABEL_ROLES = ("cues_before", "cues_after", "nouns", "context_nouns")
_SCALES = (1.0, 1e3, 1e6, 1e9, 1e12)  # a bare number in a money column or after "ĐVT: tỷ đồng"
_ROW_BLOCK = re.compile(r"^t(\d+)\.r(\d+)$")
_LETTERS = re.compile(r"[^\W\d_]{2,}")


def union(boxes: list[BBox]) -> BBox:
    return (
        round(min(b[0] for b in boxes), 2),
        round(min(b[1] for b in boxes), 2),
        round(max(b[2] for b in boxes), 2),
        round(max(b[3] for b in boxes), 2),
    )


def reads_as(text: str, cand: Candidate) -> bool:
    """Whether ``text`` (the characters a candidate points at) states the candidate's value: as written,
    scaled (a bare number in tỷ đồng), one side of a ratio, or a change in percent ("tăng 4,2%" is
    104,2 % of last year, "vượt 2,3%" 102,3 % of the plan)."""
    found = find_quantities(text) or [q for q in (parse_quantity(text),) if q is not None]  # "mười hai"
    for q in found:
        values = [v for v in (q.value, q.numerator, q.denominator) if v is not None]
        if cand.unit == "%":
            values += [100 + q.value, 100 - q.value]
        scales = _SCALES if cand.unit == "VND" and q.kind == "number" else (1.0,)
        if any(same_value(v * scale, cand.value, cand.unit) for v in values for scale in scales):
            return True
    return False


# ---------------------------------------------------------------- prose


def prose_boxes(para: Paragraph, doc: Doc, candidates: list[Candidate]) -> None:
    """Set ``value_page``/``value_bbox``/``label_bbox`` on the candidates read from ``para`` (PDF)."""
    if not para.printed_lines or not any(c.span is not None and c.origin == "prose" for c in candidates):
        return
    found = reading(doc)
    tokens = found.tokens
    sentence_at: dict[str, int] = {}
    for start, end in found.sentences:  # the first sentence of a given text (repeats box the first)
        sentence_at.setdefault(tokens.span_text(start, end), tokens.start_char(start))
    for cand in candidates:
        if cand.span is None or cand.origin != "prose":
            continue
        offset = sentence_at.get(cand.text, para.text.find(cand.text))
        if offset < 0:
            continue
        start, end = offset + cand.span[0], offset + cand.span[1]
        if not reads_as(para.text[start:end], cand):
            continue
        value = _first_line(para, start, end)
        if value is None:
            continue
        cand.value_page, cand.value_bbox = value[0].page, union([w.bbox for w in value])
        label = _label(found.hits, tokens, cand, start, end)
        if label is not None:
            on_line = [w for w in para.words_in(*label) if w.line == value[0].line]
            cand.label_bbox = union([w.bbox for w in on_line]) if on_line else None


def _first_line(para: Paragraph, start: int, end: int) -> list[WordBox] | None:
    """The words of ``[start, end)`` on the line where it begins; None when the word holding its first
    character is not known (that line's words could not be aligned)."""
    text = para.text
    while start < end and text[start].isspace():
        start += 1
    words = para.words_in(start, end)
    if not words or not words[0].start <= start < words[0].end:
        return None
    return [w for w in words if w.line == words[0].line]


def _label(hits: list[Hit], tokens: Tokens, cand: Candidate, start: int, end: int) -> tuple[int, int] | None:
    """Characters of the phrase of the candidate's catalogue nearest the value, in its clause."""
    span = tokens.char_span(start, end)
    if span is None:
        return None
    first, last = span
    words = tokens.words
    roles = {(kind, cand.catalogue) for kind in LABEL_ROLES}
    best: tuple[int, Hit] | None = None
    for hit in hits:
        if not roles & hit.role_set or (hit.start < last and first < hit.end):
            continue
        lo, hi = (hit.end, first) if hit.end <= first else (last, hit.start)
        if any(words[i] in (";", ".", "\n") for i in range(lo, hi)):
            continue  # another clause or sentence
        distance = hi - lo
        if best is None or distance < best[0]:
            best = (distance, hit)
    if best is None:
        return None
    hit = best[1]
    return tokens.start_char(hit.start), tokens.end_char(hit.start, hit.end)


# ---------------------------------------------------------------- tables


def table_boxes(table: Table, candidates: list[Candidate]) -> None:
    """Set the value cell's box (and the row label cell's) on the candidates read from ``table``."""
    for cand in candidates:
        match = _ROW_BLOCK.match(cand.locator.block) if cand.locator else None
        if match is None or int(match[1]) != table.index:
            continue
        row = int(match[2])
        cells = sorted(
            (c for c in table.cells if c.row <= row < c.row + c.row_span and c.locator.bbox),
            key=lambda c: c.col,
        )
        holding = [c for c in cells if c.text.strip() and reads_as(c.text, cand)]
        if len(holding) != 1:
            continue
        cell = holding[0]
        cand.value_page, cand.value_bbox = cell.locator.page, cell.locator.bbox
        label = next((c for c in cells if c is not cell and _LETTERS.search(c.text)), None)
        if label is not None and label.locator.page == cell.locator.page and label.col < cell.col:
            cand.label_bbox = label.locator.bbox
