"""Layout analysis for the PDF reader: from positioned words to lines and paragraphs.

A word source gives words with coordinates and nothing more; everything that turns them back into the
text a person reads lives here: grouping words into lines (and side-by-side segments of a line),
finding running headers, footers and page numbers, deciding where a paragraph breaks, and whether a
paragraph cut by a page break reads on. These rules are tuned on their own, and they work the same on
every word source (pdfium, the pdfplumber reference, OCR), so this module depends only on the page
records of :mod:`.pdf_records`; the entry point :mod:`.pdf` imports it, never the reverse.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Mapping
from functools import cache
from operator import attrgetter
from typing import Any

from extractors.readers.pdf_records import Layout, Line, Page, Para, TablePart, Word
from extractors.readers.pdf_words import word_offsets
from extractors.repair import (
    detect_by_content,
    encoding_for_font,
    looks_unicode,
    rejoin_split_syllables,
    to_unicode,
)
from extractors.text import fold, nfc

# A line starting like this begins a paragraph even when it sits flush under the previous line.
# Case-sensitive on purpose: "chương trình" (programme) often starts a wrapped line, "Chương II" not.
MARKER = re.compile(
    r"^(?:[-+•·–—*▪►✓]\s|[IVXLC]+\.\s|\d+(?:\.\d+)*[.)]\s|[a-zđ]\)\s"
    r"|Phần thứ\s|PHẦN THỨ\s|(?:Chương|CHƯƠNG|Mục|MỤC)\s+[IVXLC\d]|(?:Điều|ĐIỀU)\s+\d)"
)
PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:trang|page)?\s*\d{1,4}\s*(?:(?:/|của|of)\s*\d{1,4})?[-–—\s]*$", re.I)
RULE_LINE = re.compile(r"^[-–—_=~*.·…\s]{3,}$")  # a drawn rule under a heading: its own paragraph
TERMINAL = (".", ":", ";", "!", "?", "…")
MARGIN_ZONE = 0.12  # running heads live in the top/bottom 12 % of the page
LINE_TOLERANCE = 3  # points: words whose tops are this close (chained) are on one line
SEGMENT_GAP = 1.0  # a gap wider than a font size (and 3 usual gaps) splits a line into side-by-side blocks


# ---------------------------------------------------------------- lines


def lines(page: int, words: list[Word]) -> list[Line]:
    """Cluster words into lines by their top, then split a line where a wide gap separates blocks."""
    out = []
    for cluster in _clusters(words):
        cluster.sort(key=_X0)
        parts: list[list[Word]] = [[cluster[0]]]
        gaps = sorted(b.x0 - a.x1 for a, b in itertools.pairwise(cluster))
        # Justification stretches every space of a line alike; a block boundary is one outlier.
        usual = gaps[len(gaps) // 2] if len(gaps) >= 3 else 0.3 * cluster[0].size
        for prev, word in itertools.pairwise(cluster):
            if word.x0 - prev.x1 > max(SEGMENT_GAP * prev.size, 3 * usual):
                parts.append([])
            parts[-1].append(word)
        for part in parts:
            # bold when every font holding a visible char says so (pdfplumber's fontname, per char)
            bold = all(_bold(name) for w in part for name, text in w.fonts if text.strip())
            top, bottom = min(w.top for w in part), max(w.bottom for w in part)
            raw, converted, pieces = legacy_words(part)
            text, joins = rejoin_split_syllables(nfc(raw))
            first_word = part[0].x1 - part[0].x0
            line = Line(page, part[0].x0, top, part[-1].x1, bottom, text, part[0].size, bold, first_word)
            line.segment = len(parts) > 1
            line.repaired, line.legacy, line.joins = converted or bool(joins), converted, tuple(joins)
            line.words = word_offsets(text, pieces, part)
            out.append(line)
    return sorted(out, key=lambda ln: (round(ln.top), ln.x0))


def _clusters(words: list[Word]) -> list[list[Word]]:
    """pdfplumber's ``cluster_objects(words, "top", 3)``: the distinct tops sorted and chained while
    each is within 3 pt of the previous; each cluster keeps the words' order."""
    cluster_of: dict[float, int] = {}
    last: float | None = None
    count = -1
    for top in sorted({w.top for w in words}):
        if last is None or top > last + LINE_TOLERANCE:
            count += 1
        cluster_of[top] = count
        last = top
    clusters: list[list[Word]] = [[] for _ in range(count + 1)]
    for word in words:
        clusters[cluster_of[word.top]].append(word)
    return clusters


_X0 = attrgetter("x0")


@cache
def _bold(fontname: str) -> bool:
    return "bold" in fontname.lower()


@cache
def _encoding(fontname: str) -> str | None:
    """``encoding_for_font`` once per font name (a page asks it for every word)."""
    return encoding_for_font(fontname)


def legacy_words(words: list[Word]) -> tuple[str, bool, list[str]]:
    """The words' text with legacy font encodings converted to Unicode, whether any was, and each
    word's own converted text (what :func:`word_offsets` aligns with the line's text).

    Each run of chars is converted by its own font's encoding (``fontname`` ".VnTime",
    "ABCDEF+.VnTimeH", "VNI-Times" …), so a line mixing Unicode and TCVN3 fonts comes out right; a line
    in fonts with no telling name is converted only if its characters are clearly TCVN3 or VNI
    (``detect_by_content``).
    """
    if not any(_encoding(name) for w in words for name, _ in w.fonts):  # no legacy font: the text as is
        plain = [w.text for w in words]
        line = " ".join(plain)
        encoding = detect_by_content(line)
        if encoding is not None:
            return to_unicode(line, encoding), True, [to_unicode(t, encoding) for t in plain]
        return line, False, plain
    texts: list[str] = []
    converted = False
    for word in words:
        encodings = [_encoding(name) for name, _ in word.fonts]
        if not any(encodings):
            texts.append(word.text)
            continue
        raw = "".join(text for _, text in word.fonts)
        if looks_unicode(raw):  # a legacy-named font with a Unicode map: already right
            texts.append(word.text)
            continue
        out: list[str] = []
        runs = zip(encodings, word.fonts, strict=True)
        for encoding, group in itertools.groupby(runs, key=lambda run: run[0]):
            text = "".join(font[1] for _, font in group)
            out.append(to_unicode(text, encoding) if encoding else text)
        text = "".join(out)
        converted = converted or text != raw
        texts.append(text)
    return " ".join(texts), converted, texts


def _as_words(words: list[Any]) -> list[Word]:
    return [w if isinstance(w, Word) else Word.from_plumber(w) for w in words]


def _lines(page: int, words: list[Any]) -> list[Line]:
    """:func:`lines` on pdfplumber-style word dicts too (tests/test_repair.py reaches it by this name)."""
    return lines(page, _as_words(words))


def _legacy_text(words: list[Any]) -> tuple[str, bool]:
    """The text and conversion of :func:`legacy_words` on pdfplumber-style word dicts too
    (tests/test_repair.py uses this name)."""
    text, converted, _ = legacy_words(_as_words(words))
    return text, converted


def repair_notes(pages: list[Page]) -> list[str]:
    """Warnings for repaired text lines outside tables: how many were converted from legacy fonts,
    and the split syllables rejoined with their page, so that the extracted original stays visible."""
    notes = []
    legacy = sum(ln.legacy for page in pages for ln in page.lines)
    if legacy:
        notes.append(
            f"{legacy} lines typed in legacy Vietnamese fonts (TCVN3/VNI) were converted to Unicode; "
            "figures read from them are flagged repaired_text"
        )
    joins = [(page.number, j) for page in pages for ln in page.lines for j in ln.joins]
    if joins:
        shown = "; ".join(f"p. {n}: «{a}» → «{b}»" for n, (a, b) in joins[:8])
        more = f" and {len(joins) - 8} more" if len(joins) > 8 else ""
        notes.append(
            f"split syllables in the PDF text were rejoined ({shown}{more}); "
            "figures read from them are flagged repaired_text"
        )
    return notes


# ---------------------------------------------------------------- running headers and footers


def strip_running_lines(pages: list[Page]) -> list[str]:
    """Remove page numbers and lines repeated in the margins of most pages; return the latter."""

    def key(line: Line, page: Page) -> tuple[str, str] | None:
        if id(line) not in bands[page.number]:
            return None
        zone = "top" if line.top < page.height / 2 else "bottom"
        return zone, re.sub(r"\d+", "#", fold(line.text))

    def in_zone(line: Line, page: Page) -> bool:
        return line.top < page.height * MARGIN_ZONE or line.bottom > page.height * (1 - MARGIN_ZONE)

    bands = {page.number: _margin_bands(page) for page in pages}
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for page in pages:
        for line in page.lines:
            k = key(line, page)
            if k:
                seen[k].add(page.number)
    with_text = sum(1 for p in pages if p.lines or p.tables)
    running = {k for k, on in seen.items() if len(on) >= 2 and len(on) >= 0.5 * with_text}
    texts: list[str] = []
    reported: set[tuple[str, str]] = set()
    for page in pages:
        kept = []
        for line in page.lines:
            k = key(line, page)
            if in_zone(line, page) and _is_page_number(line.text, page.number):
                continue  # a bare page number carries nothing (footers sit close to full pages)
            if k in running:
                if k not in reported:  # once, as first seen
                    reported.add(k)
                    texts.append(line.text)
                continue
            kept.append(line)
        page.lines = kept
    return texts


def _margin_bands(page: Page) -> set[int]:
    """ids of the lines that may be running heads: inside the top or bottom margin zone and set off
    from the body by a clear gap, so that the first line of a paragraph opening a page is not."""
    boxes = [(ln.top, ln.bottom, ln) for ln in page.lines] + [
        (t.bbox[1], t.bbox[3], None) for t in page.tables
    ]
    boxes.sort(key=lambda box: box[0])
    line_gap = _line_gap([ln for ln in page.lines if not ln.segment])

    def detached(line: Line, neighbour: Line | None) -> float:
        # Set off from body text by more than a line gap; a table's rule separates by itself.
        if neighbour is None:
            return 0.0
        height = line.bottom - line.top
        return 0.8 * height if line_gap is None else min(0.8 * height, 1.3 * line_gap + 0.5)

    found: set[int] = set()
    band: list[Line] = []
    for top, _, line in boxes:  # downwards from the top edge
        if band and top - max(ln.bottom for ln in band) >= detached(band[-1], line):
            break
        if line is None or top > page.height * MARGIN_ZONE:
            band = []
            break
        band.append(line)
    found.update(id(ln) for ln in band)
    band = []
    for _, bottom, line in reversed(boxes):  # upwards from the bottom edge
        if band and min(ln.top for ln in band) - bottom >= detached(band[-1], line):
            break
        if line is None or bottom < page.height * (1 - MARGIN_ZONE):
            band = []
            break
        band.append(line)
    found.update(id(ln) for ln in band)
    return found


def _is_page_number(text: str, page: int) -> bool:
    # The value must be near the page's position, so a lone "2023" under a title is not dropped.
    match = PAGE_NUMBER.match(text)
    return bool(match) and abs(int(re.findall(r"\d+", text)[0]) - page) <= 2


# ---------------------------------------------------------------- paragraphs


def page_items(page: Page) -> list[Para | list[TablePart]]:
    """Tables and paragraphs of one page, in top-to-bottom order.

    Several paragraphs can be open at once, so that side-by-side blocks (the issuer | national-motto
    header of every Vietnamese report, a borderless table in Word) are grouped column by column: a
    segment line continues only the open paragraph right above it.
    """
    body = [ln for ln in page.lines if not ln.segment]
    layout = Layout(
        left=min((ln.x0 for ln in body), default=0.0),
        right=max((ln.x1 for ln in body), default=page.width),
        line_gap=_line_gap(body),
    )
    page.right = layout.right
    stream: list[tuple[float, Line | TablePart]] = [(ln.top, ln) for ln in page.lines]
    stream += [(t.bbox[1], t) for t in page.tables]
    stream.sort(key=lambda item: item[0])
    out: list[Para | list[TablePart]] = []
    open_paras: list[Para] = []
    for _, item in stream:
        if not isinstance(item, Line):  # a table part (only lines and table parts are in the stream)
            open_paras.clear()  # nothing continues across a table
            if any(c["text"] for c in item.cells):  # an empty ruled box is decoration
                out.append([item])
            continue
        line = item
        above = [p for p in open_paras if _same_column(p.lines[-1], line)]
        target = max(above, key=lambda p: p.lines[-1].bottom, default=None)
        # Paragraphs this line sits under can no longer grow; far-away ones neither.
        open_paras = [
            p for p in open_paras if p not in above and line.top - p.lines[-1].bottom < 2 * line.size
        ]
        if target is not None and not breaks(target, line, layout):
            target.lines.append(line)
            open_paras.append(target)
            continue
        para = Para([line])
        out.append(para)
        open_paras.append(para)
    for entry in out:
        if isinstance(entry, Para):
            entry.text = nfc(" ".join(ln.text for ln in entry.lines))
    return out


def _line_gap(body: list[Line]) -> float | None:
    """The usual gap between two lines of one paragraph: a low quantile, not the median, because
    with short spaced paragraphs most gaps on a page are paragraph gaps."""
    gaps = sorted(b.top - a.bottom for a, b in itertools.pairwise(body) if 0 <= b.top - a.bottom < 2 * a.size)
    return gaps[len(gaps) // 5] if len(gaps) >= 3 else None


def _is_marker(text: str, prev_text: str) -> bool:
    match = MARKER.match(text)
    if match and text[0] in "-–+" and text[match.end() :][:1].islower() and not prev_text.endswith(TERMINAL):
        return False  # "kinh tế" / "- xã hội": a compound's hyphen wrapped to the line start
    return bool(match)


def _same_column(a: Line, b: Line) -> bool:
    if not (a.segment or b.segment):
        return True  # body text is one column
    return a.x0 < b.x1 and b.x0 < a.x1


def breaks(para: Para, line: Line, layout: Layout) -> bool:
    """Does ``line`` start a new paragraph instead of continuing ``para``?"""
    prev = para.lines[-1]
    if _is_marker(line.text, prev.text) or RULE_LINE.match(line.text) or RULE_LINE.match(prev.text):
        return True
    gap = line.top - prev.bottom
    height = prev.bottom - prev.top
    if gap > height or gap < -0.5 * height or abs(line.size - prev.size) > 1.0:
        return True
    if layout.line_gap is not None and gap > layout.line_gap + 0.4 * height:
        return True
    if prev.segment:
        # A side-by-side block's width is unknown, so a fit test cannot tell a wrap from a new line;
        # its lines (issuer, motto, signature) are separate paragraphs in Word unless one reads on.
        return not line.text[:1].islower()
    # The first word of this line would have fitted on the previous one: that line ended by choice.
    space = 0.3 * prev.size
    if prev.x1 + space + line.first_word < layout.right - 1.0:
        return True
    width = layout.right - layout.left
    if prev.x0 > layout.left + 0.25 * width and abs(line.x0 - prev.x0) > 2.0:
        # A short right-aligned or centred line (signature block): test the width, not the end.
        return prev.x1 - prev.x0 + space + line.first_word < width - 1.0
    if prev.x1 < layout.right - 0.15 * (layout.right - prev.x0) and prev.text.endswith(TERMINAL):
        return True
    # First-line indent after a continuation line that sat at the margin: a new paragraph. Not
    # after a first line (hanging indent), a bullet, or when the line is centred (a wrapped title).
    centred = abs((line.x0 - layout.left) - (layout.right - line.x1)) < 3.0
    return (
        len(para.lines) >= 2
        and line.x0 > prev.x0 + 8.0
        and prev.x0 <= layout.left + 2.0
        and not centred
        and not MARKER.match(para.lines[0].text)
    )


def join(lines: list[Line], left: float, right: float) -> str:
    """Cell text: soft-wrapped lines joined with a space, hard breaks kept as "\\n"."""
    if not lines:
        return ""
    pad = max(0.0, min(min(ln.x0 for ln in lines) - left, 6.0))
    limit = right - pad
    out = lines[0].text
    for prev, line in itertools.pairwise(lines):
        hard = _is_marker(line.text, prev.text) or prev.x1 + 0.3 * prev.size + line.first_word < limit - 1.0
        out += ("\n" if hard else " ") + line.text
    return "\n".join(nfc(part) for part in out.split("\n") if nfc(part))


def para_continues(prev: Para, first: Para, rights: Mapping[int, float]) -> bool:
    """A paragraph cut by a page break: no closing punctuation, and the next part reads on.
    ``rights``: each page's body text right edge (``Page.right``), by page number."""
    if (
        prev.text.endswith(TERMINAL)
        or _is_marker(first.text, prev.text)
        or prev.lines[-1].segment
        or first.lines[0].segment
    ):
        return False
    if first.text[:1].islower():
        return True
    last = prev.lines[-1]
    return (
        last.x1 >= rights[last.page] - 2.0 and len(prev.lines) > 1
    )  # a full last line: the sentence runs on
