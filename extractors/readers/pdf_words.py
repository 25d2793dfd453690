"""pdfplumber's ``WordExtractor`` (default settings), on the compact chars the pdfium source collects.

Why our own: pdfplumber's works on a dict per char; the pdfium source keeps a page's chars in four
flat lists and their runs (the chars of one text object share top, bottom, size and font), which
costs a fraction of building 2 000 dicts a page. The algorithm is pdfplumber's, step for step, for
upright text (the pdfium source leaves other text to the reference engine):

1. chars clustered into lines by ``top``: the distinct tops sorted, a new line wherever one is more
   than ``y_tolerance`` (3) below the previous (chained, as ``cluster_objects``), each line keeping
   the chars' order;
2. a line's chars sorted by ``x0`` (stable);
3. a word ends at a whitespace char, and before a char starting left of the previous one's x0, more
   than ``x_tolerance`` (3) right of its x1, or with a top more than 3 away;
4. the word's box bounds its chars; its text is theirs with ligatures expanded.
"""

from __future__ import annotations

from itertools import groupby, pairwise

from pdfplumber.utils.text import DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE, LIGATURES

from extractors.document import BBox
from extractors.readers.pdf_records import Word
from extractors.text import nfc

X_TOL, Y_TOL = DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE
_LIGATURES = str.maketrans(LIGATURES)


class Chars:
    """A page's chars in pdfium's order: x0, x1 and text (None for whitespace), and per run of chars
    of one text object its number of chars (``count``) and (top, bottom, size, fontname)."""

    __slots__ = ("count", "runs", "text", "x0", "x1")

    def __init__(self) -> None:
        self.x0: list[float] = []
        self.x1: list[float] = []
        self.text: list[str | None] = []
        self.count: list[int] = []
        self.runs: list[tuple[float, float, float, str]] = []


def words(chars: Chars) -> list[Word]:
    """The words of the page in pdfplumber's order (line by line, left to right)."""
    runs = chars.runs
    if not chars.x0:
        return []
    line_of: dict[float, int] = {}
    last: float | None = None
    count = -1
    for top in sorted({run[0] for run in runs}):
        if last is None or top > last + Y_TOL:
            count += 1
        line_of[top] = count
        last = top
    by_line: list[list[tuple[int, int, int]]] = [[] for _ in range(count + 1)]  # (run, begin, end)
    begin = 0
    for run, n in enumerate(chars.count):
        if n:
            by_line[line_of[runs[run][0]]].append((run, begin, begin + n))
        begin += n
    x0s, x1s, texts = chars.x0, chars.x1, chars.text
    out: list[Word] = []
    for spans in by_line:
        if len(spans) == 1:
            run, a, b = spans[0]
            lx0, lx1, ltext, lrun = x0s[a:b], x1s[a:b], texts[a:b], [run] * (b - a)
        else:
            lx0 = [x for _, a, b in spans for x in x0s[a:b]]
            lx1 = [x for _, a, b in spans for x in x1s[a:b]]
            ltext = [t for _, a, b in spans for t in texts[a:b]]
            lrun = [run for run, a, b in spans for _ in range(b - a)]
        if not all(p <= q for p, q in pairwise(lx0)):  # as pdfplumber: stable sort
            order = sorted(range(len(lx0)), key=lx0.__getitem__)
            lx0, lx1 = [lx0[k] for k in order], [lx1[k] for k in order]
            ltext, lrun = [ltext[k] for k in order], [lrun[k] for k in order]
        out.extend(_line_words(lx0, lx1, ltext, lrun, runs))
    return out


def _line_words(
    lx0: list[float],
    lx1: list[float],
    ltext: list,
    lrun: list[int],
    runs: list[tuple[float, float, float, str]],
) -> list[Word]:
    """Split one line's sorted chars into words: a word ends before a whitespace char and where the
    next char starts left of the previous one's x0, more than X_TOL right of its x1, or on a top more
    than Y_TOL away."""
    ends = {
        j
        for j, (p0, p1, c0) in enumerate(zip(lx0, lx1, lx0[1:], strict=False), 1)
        if c0 < p0 or c0 > p1 + X_TOL
    }
    blanks = [j for j, t in enumerate(ltext) if t is None]
    ends.update(blanks)
    ends.update(j + 1 for j in blanks)
    if lrun.count(lrun[0]) != len(lrun):
        tops = [runs[r][0] for r in lrun]
        ends.update(j for j, (p, c) in enumerate(pairwise(tops), 1) if abs(c - p) > Y_TOL)
    n = len(lx0)
    ends.discard(n)
    ends.discard(0)
    out = []
    begin = 0
    for end in [*sorted(ends), n]:
        if ltext[begin] is not None:
            out.append(_word(begin, end, lx0, lx1, ltext, lrun, runs))
        begin = end
    return out


def _word(
    begin: int,
    end: int,
    lx0: list[float],
    lx1: list[float],
    ltext: list,
    lrun: list[int],
    runs: list[tuple[float, float, float, str]],
) -> Word:
    """pdfplumber's ``merge_chars`` on chars ``begin:end`` of a line: their bounding box, their text
    with ligatures expanded."""
    run = lrun[begin]
    top, bottom, size, name = runs[run]
    if end - begin == 1:
        raw, x1 = ltext[begin], lx1[begin]
        fonts: tuple[tuple[str, str], ...] = ((name, raw),)
    else:
        raw = "".join(ltext[begin:end])
        x1 = max(lx1[begin:end])
        line_runs = lrun[begin:end]
        if line_runs.count(run) == end - begin:
            fonts = ((name, raw),)
        else:
            top = min(runs[r][0] for r in line_runs)
            bottom = max(runs[r][1] for r in line_runs)
            fonts = tuple(
                (font, "".join(ltext[begin + j] for j, _ in group))
                for font, group in groupby(enumerate(line_runs), key=lambda jr: runs[jr[1]][3])
            )
    return Word(raw.translate(_LIGATURES), lx0[begin], x1, top, bottom, size or (bottom - top), fonts)


# ---------------------------------------------------------------- words inside a line's text


def word_offsets(text: str, pieces: list[str], words: list[Word]) -> tuple[tuple[int, int, BBox], ...]:
    """Each word's characters ``[start, end)`` in its line's ``text`` and its box, in word order.

    ``pieces`` are the words' texts as they went into the line (legacy fonts already converted); the
    line's text is their NFC join with single spaces, with some spaces removed where split syllables
    were rejoined (``rejoin_split_syllables``). Each piece is looked for right after the previous one
    with nothing but spaces skipped, so the offsets are exact or there are none: when the text was
    rewritten in any other way the line gets no word boxes (its figures then keep the paragraph's box)
    rather than boxes that might sit on the wrong word.
    """
    if len(text) == sum(map(len, pieces)) + len(pieces) - 1 and text == " ".join(pieces):
        out, at = [], 0  # the common case: nothing normalised or rejoined, the pieces are where joined
        for piece, word in zip(pieces, words, strict=True):
            out.append((at, at + len(piece), (word.x0, word.top, word.x1, word.bottom)))
            at += len(piece) + 1
        return tuple(out)
    out = []
    cursor = 0
    for piece, word in zip(pieces, words, strict=True):
        piece = nfc(piece)
        if not piece:
            continue
        at = text.find(piece, cursor)
        if at < 0 or text[cursor:at].strip():
            return ()
        cursor = at + len(piece)
        out.append((at, cursor, (word.x0, word.top, word.x1, word.bottom)))
    return tuple(out) if not text[cursor:].strip() else ()
