"""OCR of scanned PDF pages with Tesseract (Debian ``tesseract-ocr`` + ``tesseract-ocr-vie``).

The PDF reader asks :func:`page_needs_ocr` about every page; a page that needs it is rendered and
read here, and its words come back in PDF points so the reader groups them into lines and paragraphs
with the same layout rules as a text page. Paragraphs read this way carry ``repairs=("ocr_text",)``:
their figures are flagged ``ocr_text`` and less certain.

When a page needs OCR (thresholds measured on the 106 pages of ``samples/`` PDFs with text):

* **no text layer**: fewer than ``MIN_LETTERS`` letters in the text layer (a scan, perhaps with a
  stamped page number); only pages that also hold an image are sent, a blank page is just blank;
* **unmapped fonts (cid:…)**: fonts that lost their ToUnicode map give "(cid:n)" tokens instead of
  letters; above ``MAX_CID_SHARE`` of tokens among tokens + letters the text layer is garbage (a lone
  "(cid:n)" bullet from a symbol font is not);
* **no Vietnamese letters in the text layer**: among at least ``MIN_LETTERS`` letters, fewer than
  ``MIN_VIETNAMESE_SHARE`` are non-ASCII. Real Vietnamese is 0.24–0.32 (mean 0.28) on every sample
  page; garbage from broken simple fonts, and the diacritic-less layer a copier's own OCR adds to
  a scan, are ≈ 0. Text in the legacy TCVN3 and VNI encodings passes (0.20 and 0.27 on a sample
  page): :mod:`extractors.repair` converts it, better than OCR would.

How a page is read. Measured on two sets, with Tesseract 5.3 and Debian's ``vie`` data on a shared
2-core machine: the fixture ``tests/fixtures/ocr/scanned.pdf`` (two A4 pages scanned at 200 dpi,
rotated 0.6° and −0.8°, a red seal over the issuer block and one over the signature, a small ruled
table; 398 words and 31 numbers), and "scans" of the 14 sample reports of ``samples/`` made the same
way (63 pages, random rotations within ±1°, seals on first and last pages; 759 numbers in running
text, 512 in ruled tables), compared with the text layer of the originals:

1. Render at ``DPI`` (300) with pypdfium2 (pdfplumber's renderer) and turn it grey with the seal
   dropped out (:func:`drop_red`): the red channel, in which red ink is light and black or blue ink
   dark; light reddish pixels and near-paper pixels made white; grey or yellowed paper brought back to
   white. Text printed in red would drop out too; Vietnamese administrative reports print none.
2. **Deskew** (:func:`skew_angle`): the angle within ±``MAX_SKEW``° that makes the row profile of a
   quarter-size image the most peaked; the boxes are mapped back onto the page (``OcrPage.to_page``).
3. **Remove ruling lines** (:func:`split_rules`): runs of ``RULE_PX`` pixels (≈ 7 mm) or more darker
   than ``RULE_INK``, horizontal or vertical, and their grey fringe, become white. Tesseract otherwise
   skips most of what ruled cells hold. The runs are kept as the tables' grid (:mod:`.ocr_tables`):
   pdfplumber's table algorithm, as on a text page, turns them into cell boxes. ``RULE_INK`` is 190,
   not the 140 of ink: a thin rule scanned at 200 dpi and stored as a 150 dpi JPEG is grey (150–190),
   and at 140 only one rule of a sample table was whole (the missing pieces merged cells).
4. ``tesseract page.png stdout -l vie --psm 6 hocr`` on a PNG in a temporary directory, deleted as
   soon as the page is read; ``OMP_THREAD_LIMIT=1`` (with 2 threads on the loaded 2-core machine a
   page took 5.8 s instead of 1.5 s); a timeout per page (60 s, env ``THIDUA_OCR_TIMEOUT_S``). hOCR
   rather than TSV because it gives each line's baseline, so the words of a line get a steady top and
   bottom whatever accents they carry, and the reader's layout rules work as on a text page.
5. **Table cells read again** when the page has ruled tables: every cell's ink, trimmed, is stacked
   one under another into a strip (:func:`~.ocr_tables.cell_strips`), read by one more Tesseract run
   (psm 6), and its words moved back into their cells, in place of the first pass's words there.
   Why: psm 6 sizes a space from the whole line, and a table row is one line with wide gaps between
   columns, so inside a cell it read "Kếhoạch", "Thựchiện" for the headers "Kế hoạch", "Thực hiện"
   and no column was recognised. On the strip, a line of one Roman-like token is a group number
   ("1H", "H", "|" for "III", "II", "I": serifed I's read as an H) and a lone dash a "-", kept however
   unsure. The PDF reader routes the words into the cells (:func:`~.pdf_tables.page_tables`) and
   the table is a :class:`~extractors.document.Table` whose cells carry ``ocr_text``.

   ==========================  =============  ========  =============  =============
   words / numbers right       fixture words  numbers   63 pp. prose   63 pp. tables
   ==========================  =============  ========  =============  =============
   plain grey, psm 4           86.9 %         26/31
   plain grey, psm 6           91.5 %         28/31     99.9 %         38.9 %
   steps 1–3, psm 3            99.2 %         31/31
   steps 1–3, psm 4            99.2 %         31/31     100 %          76.0 %
   steps 1–3, psm 6 (chosen)   99.2 %         31/31     100 %          80.5 %
   ==========================  =============  ========  =============  =============

   (The table column is the first pass alone, measured before step 5; not measured again.)
   On the 63 pages words are 97.3 % right with psm 4 and 6 alike (97.2 % psm 3); psm 6 keeps table rows
   in order best. With plain grey the seal spoils the issuer block, where the unit is looked for first:
   psm 3 and 4 skip it, psm 6 reads "UBND QUẬI HOAÑYKIẾ" for "UBND QUẬN HOÀN KIẾM". Extraction end to
   end on the 63 pages (``extract_path``), before tables were rebuilt: unit and year 14/14, figures
   precision 0.98 and recall 0.87 against 1.00/1.00 for the text PDFs; every miss was a figure only a
   table holds, and the 3 wrong values all carried the ``ocr_text`` flag; no digit of running text was
   misread. Time: ≈ 1.5 s a page all in (Tesseract 1.1–1.3, rotation 0.16, rule removal 0.1,
   rendering and the rest 0.2), one page at a time; memory: one rendered page (≈ 9 Mpx, a few arrays
   of it) at a time.

   With tables rebuilt (steps 3 and 5), on a fresh set of scans of the same 14 reports made by
   ``samples/independent/write_scanned.py --samples DIR`` (same recipe, turns within ±1°, seed 10): figures
   precision/recall 0.989 / 0.989 (the same scans before: 0.982 / 0.874, 21 of 166 figures missing
   or wrong); 2 of 166 wrong, none missing, both flagged (``low_confidence``): an award table's
   lettered sub-row "c)" read as "C", a Roman group number, so the unit-level group was cut short.
   The scanned twin ``samples/independent/r30_scanned_dong_da_2022.pdf`` (three
   pages, four ruled tables, the award table among them) gives its born-digital twin's 13 figures, all
   flagged ``ocr_text`` (2 of 13 before). Time: a page with tables takes one more Tesseract run on its
   cells: 2.2–2.5 s a page with tables against 1.2 s without, on the loaded machine (r30's pages).

Words Tesseract is unsure of (confidence under 50) are dropped unless they hold a digit, two letters
in a row or a heading number ("`", "~Í": seal and signature strokes); a line-initial "H." is read
back as "II." (a Roman heading number Tesseract takes for an H). Every text is NFC-normalised.

Tesseract missing, or present without Vietnamese data: :func:`ocr_unavailable` says which; the
reader then warns for each page needing OCR, and refuses a PDF in which no page has a usable text layer.

Image preparation (steps 1–3) lives in :mod:`.ocr_image`; its functions and thresholds stay
importable from here. The tables' grid and the cell strips (steps 3 and 5) live in :mod:`.ocr_tables`.
Not rebuilt: tables without rules (a borderless table is not a table on a text page either), and
cells whose rules the scan lost (they merge with their neighbour, as a missing rule would on a text
page).
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium  # pdfplumber's own renderer
from PIL import Image

from extractors.document import BBox
from extractors.readers.ocr_image import MAX_SKEW as MAX_SKEW
from extractors.readers.ocr_image import PAPER as PAPER
from extractors.readers.ocr_image import RED_LIGHT as RED_LIGHT
from extractors.readers.ocr_image import REDNESS as REDNESS
from extractors.readers.ocr_image import RULE_FRINGE_PX as RULE_FRINGE_PX
from extractors.readers.ocr_image import RULE_PX, render_page, skew_angle, split_rules
from extractors.readers.ocr_image import drop_red as drop_red
from extractors.readers.ocr_image import remove_rules as remove_rules
from extractors.readers.ocr_tables import cell_strips, in_cell, rule_edges, ruled_tables
from extractors.readers.pdfium_lock import PDFIUM
from extractors.text import nfc

DPI = 300
PSM = 6
LANG = "vie"
TIMEOUT_S = 60.0  # per page; env THIDUA_OCR_TIMEOUT_S
MAX_PIXELS = 40_000_000  # A4 at 300 dpi is 8.7 Mpx, A2 35 Mpx

MIN_LETTERS = 20  # fewer letters than a short line: no text layer worth keeping
MAX_CID_SHARE = 0.2  # "(cid:n)" tokens among tokens + letters above this: fonts without a Unicode map
MIN_VIETNAMESE_SHARE = 0.05  # non-ASCII letters among letters below this: not Vietnamese text

NO_TEXT = "no text layer"
UNMAPPED = "unmapped fonts (cid:…)"
NOT_VIETNAMESE = "no Vietnamese letters in the text layer"

_CID = re.compile(r"\(cid:\d+\)")
_HOCR = "{http://www.w3.org/1999/xhtml}"
_LINE_CLASSES = {"ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"}
_MIN_WORD_CONF = 50.0  # below this a word must hold a letter or digit pair to be kept
_OCR_FIXES = {"H.": "II."}  # first word of a line
_NUMBERING = re.compile(r"^(?:[IVXLC]+|[a-zđ])[.)]$")  # "I.", "IV.", "a)": kept however unsure
# A table cell holding only a Roman group number ("I", "II", "III" of an award table's STT column):
# Tesseract reads two serifed I's side by side as an H and an I as a 1, l or |; a token of only those
# letters with an I, H or | in it is no Arabic number ("1", "11" stay) and no word.
_CELL_ROMAN = re.compile(r"^(?=[IHl1|]*[IH|])[IHl1|]+\.?$")
_DASHES = {"-", "–", "—", "--"}  # a cell of one dash: none of that kind


def page_needs_ocr(text: str, char_count: int) -> str | None:
    """Why the page's text layer cannot be used as is (one of the reasons above), or None.

    ``text`` is the page's text layer as pdfplumber gives it, ``char_count`` its number of chars."""
    cids = len(_CID.findall(text))
    rest = _CID.sub(" ", text)
    letters = [c for c in rest if c.isalpha()]
    if cids and cids / (cids + len(letters)) > MAX_CID_SHARE:
        return UNMAPPED
    if char_count == 0 or len(letters) < MIN_LETTERS:
        return NO_TEXT
    if sum(1 for c in letters if ord(c) > 127) / len(letters) < MIN_VIETNAMESE_SHARE:
        return NOT_VIETNAMESE
    return None


def ocr_unavailable() -> str | None:
    """None when Tesseract with Vietnamese data can run here, else what is missing."""
    exe = shutil.which("tesseract")
    if exe is None:
        return "tesseract is not installed"
    try:
        done = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"tesseract does not run ({exc})"
    langs = {ln.strip() for ln in (done.stdout + done.stderr).splitlines()[1:]}
    if LANG not in langs:
        return "the Vietnamese data for tesseract (tesseract-ocr-vie) is not installed"
    return None


class OcrError(Exception):
    """The page itself cannot be read by OCR (pdfium cannot render it): the file's fault, and the page's
    content is missing from the document, with a warning."""


class OcrEngineError(RuntimeError):
    """Tesseract failed on a page that rendered (timed out, crashed, could not start, wrote no valid
    hOCR), or a scan came to a server without it. That is the server's fault, not the file's: a load
    spike or a broken install must not turn into a report that reads as ``ok`` with its pages missing,
    nor into a rejection, so this is raised through the reader and the document ends ``failed`` and is
    retried."""


@dataclass
class OcrPage:
    """One page read by OCR: words as pdfplumber gives them (points, top-left origin) in the
    straightened frame, and how to map a box of that frame back onto the page."""

    number: int
    width: float
    height: float
    angle: float  # degrees the rendering was turned (counter-clockwise) to straighten it
    words: list[dict[str, Any]] = field(default_factory=list)
    tables: list[list[BBox]] = field(default_factory=list)  # cell boxes of each ruled table (this frame)
    seconds: float = 0.0

    def to_page(self, bbox: BBox) -> BBox:
        """A box of the straightened frame as the box enclosing it on the page (points)."""
        if not self.angle:
            return bbox
        cx, cy = self.width / 2, self.height / 2
        theta = math.radians(self.angle)
        cos, sin = math.cos(theta), math.sin(theta)
        xs, ys = [], []
        for x, y in ((bbox[0], bbox[1]), (bbox[2], bbox[1]), (bbox[0], bbox[3]), (bbox[2], bbox[3])):
            dx, dy = x - cx, y - cy  # undo Pillow's counter-clockwise turn about the centre
            xs.append(cx + dx * cos - dy * sin)
            ys.append(cy + dx * sin + dy * cos)
        return (
            round(max(0.0, min(xs)), 2),
            round(max(0.0, min(ys)), 2),
            round(min(self.width, max(xs)), 2),
            round(min(self.height, max(ys)), 2),
        )


class PdfOcr:
    """Reads pages of one PDF by OCR, one at a time; open lazily, close when the reader is done."""

    def __init__(self, data: bytes, *, timeout_s: float | None = None, dpi: int = DPI, psm: int = PSM):
        self.data = data
        self.timeout_s = timeout_s or float(os.environ.get("THIDUA_OCR_TIMEOUT_S") or TIMEOUT_S)
        self.dpi = dpi
        self.psm = psm
        self._pdf: Any = None
        self._unavailable: str | bool | None = False  # False: not checked yet

    def unavailable(self) -> str | None:
        """What is missing for OCR (checked once, when the first page needs it), or None."""
        if self._unavailable is False:
            self._unavailable = ocr_unavailable()
        return self._unavailable  # type: ignore[return-value]

    @property
    def was_unavailable(self) -> bool:
        """A page needed OCR and OCR was not available."""
        return isinstance(self._unavailable, str)

    def read(self, number: int, width: float, height: float) -> OcrPage:
        """OCR page ``number`` (1-based) of ``width`` × ``height`` points; raise OcrError when the page
        cannot be rendered, OcrEngineError when Tesseract fails on it."""
        start = time.perf_counter()
        # A poster-sized page is rendered at less than DPI: memory stays bounded (≈ 8 bytes a pixel).
        scale = min(self.dpi / 72, math.sqrt(MAX_PIXELS / max(1.0, width * height)))
        try:
            with PDFIUM:  # rendering only: Tesseract below runs in its own process, outside the lock
                if self._pdf is None:
                    self._pdf = pdfium.PdfDocument(self.data)
                image = render_page(self._pdf[number - 1], scale)
        except pdfium.PdfiumError as exc:
            raise OcrError(f"the page could not be rendered ({exc})") from exc
        angle = skew_angle(image)
        if angle:
            image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
        image, across, down = split_rules(image, max(20, round(RULE_PX * scale * 72 / DPI)))
        px = image.width
        points = width / px  # points per pixel
        result = OcrPage(number, width, height, angle)
        result.tables = ruled_tables(rule_edges(across, down, points))
        del across, down
        strips = cell_strips(image, result.tables, points)
        with tempfile.TemporaryDirectory(prefix="thidua-ocr-") as tmp:
            png = Path(tmp) / "page.png"
            image.save(png, compress_level=1)
            del image
            words = hocr_words(self._tesseract(png), points)
            if strips:  # the cells' text is read again from the strips, each cell on lines of its own
                words = [w for w in words if not in_cell(w, result.tables)]
                for strip in strips:
                    strip.image.save(png, compress_level=1)
                    words += strip.place(hocr_words(self._tesseract(png), points, cells=True), points)
        result.words = words
        result.seconds = time.perf_counter() - start
        return result

    def _tesseract(self, png: Path) -> str:
        exe = shutil.which("tesseract") or "tesseract"
        cmd = [exe, str(png), "stdout", "-l", LANG, "--psm", str(self.psm), "hocr"]
        env = {**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=self.timeout_s, env=env, check=False)
        except subprocess.TimeoutExpired as exc:
            raise OcrEngineError(
                f"tesseract took longer than {self.timeout_s:g} s (THIDUA_OCR_TIMEOUT_S)"
            ) from exc
        except OSError as exc:
            raise OcrEngineError(f"tesseract could not be started ({exc})") from exc
        if done.returncode != 0:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
            raise OcrEngineError(f"tesseract failed ({detail[0]})")
        return done.stdout.decode("utf-8", "replace")

    def close(self) -> None:
        if self._pdf is not None:
            with PDFIUM:
                self._pdf.close()
            self._pdf = None


# ---------------------------------------------------------------- hOCR to words


def hocr_words(hocr: str, scale: float, *, cells: bool = False) -> list[dict[str, Any]]:
    """Words of an hOCR page as pdfplumber-style dicts, ``scale`` points per pixel.

    ``cells``: the image holds table cells one under another (:mod:`.ocr_tables`); a line of one
    Roman-like token is then a group number, read back (``_CELL_ROMAN``) and kept however unsure.

    All words of one line share a top and bottom set from the line's baseline and the page's usual
    line height, so that accents (which make a word's own box taller) do not move them; the one
    pseudo-char of each word carries that height as its size, as a font size would."""
    try:
        root = ET.fromstring(hocr)
    except ET.ParseError as exc:
        raise OcrEngineError(f"tesseract output is not valid hOCR ({exc})") from exc
    lines = []
    for el in root.iter(f"{_HOCR}span"):
        if el.get("class") not in _LINE_CLASSES:
            continue
        props = _title(el.get("title", ""))
        x0, y0, x1, y1 = (float(v) for v in props["bbox"])
        slope, offset = (float(v) for v in props.get("baseline", (0, 0)))
        read = []
        for w in el.iter(f"{_HOCR}span"):
            if w.get("class") == "ocrx_word":
                wprops = _title(w.get("title", ""))
                conf = float(wprops.get("x_wconf", ["0"])[0])
                read.append((nfc("".join(w.itertext()).strip()), conf, [float(v) for v in wprops["bbox"]]))
        words = []
        if cells and len(read) == 1 and _CELL_ROMAN.match(read[0][0]):
            roman = read[0][0].replace("H", "II").translate(str.maketrans("l1|", "III"))
            words.append((roman, read[0][2]))
            read = []
        elif cells and len(read) == 1 and read[0][0] in _DASHES:  # "-" for none, however unsure
            words.append(("-", read[0][2]))
            read = []
        for text, conf, box in read:
            if not words and text in _OCR_FIXES:
                text = _OCR_FIXES[text]
            if text and _keep(text, conf):
                words.append((text, box))
        if words:
            baseline = y1 + offset + slope * ((x0 + x1) / 2 - x0)
            lines.append((y1 - y0, baseline, words))
    if not lines:
        return []
    heights = sorted(h for h, _, _ in lines)
    usual = heights[len(heights) // 2]
    out = []
    for height, baseline, words in lines:
        size = usual if abs(height - usual) <= 0.35 * usual else height
        top, bottom = (baseline - 0.78 * size) * scale, (baseline + 0.22 * size) * scale
        for text, box in words:
            out.append(
                {
                    "text": text,
                    "x0": round(box[0] * scale, 2),
                    "x1": round(box[2] * scale, 2),
                    "top": round(top, 2),
                    "bottom": round(bottom, 2),
                    "chars": [{"text": text, "size": round(size * scale, 2), "fontname": ""}],
                }
            )
    return out


def _title(title: str) -> dict[str, list[str]]:
    props = {}
    for part in title.split(";"):
        key, _, value = part.strip().partition(" ")
        if key:
            props[key] = value.split()
    return props


def _keep(text: str, conf: float) -> bool:
    """Keep confident words, and unsure ones holding a digit, two letters in a row, or a heading number."""
    return (
        conf >= _MIN_WORD_CONF
        or any(c.isdigit() for c in text)
        or bool(re.search(r"\w\w", text) or _NUMBERING.match(text))
    )
