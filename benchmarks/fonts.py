"""The TrueType fonts the benchmark reports are set in: found on the system, subset once, measured.

Both writers need the same metrics: the PDF writer draws with them and the Word writer uses them to
know where Word will break lines and pages (``benchmarks.layout``). The font is looked for under
:data:`FONT_DIRS` (a module attribute so that tests can point it elsewhere), preferring Liberation
Serif (metric-compatible with Times New Roman, the font of real reports), then DejaVu Serif, then
Noto Serif; a family counts only if its files cover every character the reports use
(:data:`CHARSET`), because the old Liberation 1.x files lack most Vietnamese letters.

Each face is subset once per process to :data:`CHARSET` (a few hundred glyphs), so that every PDF
embeds the same small, byte-identical font program and ToUnicode map, compressed once and reused.
"""

from __future__ import annotations

import io
import os
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from hashlib import sha256
from pathlib import Path

FONT_DIRS: list[Path] = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]

# (family as named in the .docx, {style: file name}, the Debian package that installs it)
FAMILIES: list[tuple[str, dict[str, str], str]] = [
    (
        "Liberation Serif",
        {
            "regular": "LiberationSerif-Regular.ttf",
            "bold": "LiberationSerif-Bold.ttf",
            "italic": "LiberationSerif-Italic.ttf",
        },
        "fonts-liberation2",
    ),
    (
        "DejaVu Serif",
        {"regular": "DejaVuSerif.ttf", "bold": "DejaVuSerif-Bold.ttf", "italic": "DejaVuSerif-Italic.ttf"},
        "fonts-dejavu-core",
    ),
    (
        "Noto Serif",
        {
            "regular": "NotoSerif-Regular.ttf",
            "bold": "NotoSerif-Bold.ttf",
            "italic": "NotoSerif-Italic.ttf",
        },
        "fonts-noto-core",
    ),
]
STYLES = ("regular", "bold", "italic")


def _charset() -> str:
    ranges = [
        (0x20, 0x7E),  # ASCII
        (0xA0, 0xFF),  # Latin-1: à á â ã è é ê ì í ò ó ô õ ù ú ý, × …
        (0x102, 0x103),  # Ă ă
        (0x110, 0x111),  # Đ đ
        (0x128, 0x129),  # Ĩ ĩ
        (0x168, 0x169),  # Ũ ũ
        (0x1A0, 0x1A1),  # Ơ ơ
        (0x1AF, 0x1B0),  # Ư ư
        (0x1EA0, 0x1EF9),  # the Vietnamese block: ạ ả ấ … ỹ
        (0x2013, 0x2014),  # – —
        (0x2018, 0x2019),
        (0x201C, 0x201D),
        (0x2026, 0x2026),  # …
        (0x2264, 0x2265),  # ≤ ≥
    ]
    return "".join(chr(c) for lo, hi in ranges for c in range(lo, hi + 1))


#: Every character a generated report may contain; text outside it is a generator bug (KeyError).
CHARSET: str = _charset()


class FontNotFound(RuntimeError):
    """No usable serif TrueType font with Vietnamese glyphs is installed."""


@dataclass
class Face:
    """One subset TrueType face: metrics for layout, glyph ids and the streams a PDF embeds."""

    family: str
    style: str
    path: Path
    ps_name: str  # with the subset tag, "BNCHAA+LiberationSerif-Bold": "Bold" tells readers it is bold
    units_per_em: int
    ascent: float  # in 1/1000 em, for the PDF font descriptor
    descent: float
    cap_height: float
    bbox: tuple[float, float, float, float]
    italic_angle: float
    line_height: float  # a single line, in em: hhea ascender + descender + line gap, as LibreOffice sets it
    advance: dict[str, float]  # char -> advance width in 1/1000 em
    gid: dict[str, int]  # char -> glyph id in the subset (= CID, CIDToGIDMap /Identity)
    font_file: bytes  # the subset font program, Flate-compressed
    font_file_length: int  # its uncompressed length (/Length1)
    to_unicode: bytes  # the ToUnicode CMap, Flate-compressed
    widths: str  # the /W array of the CIDFont
    _units: dict[str, float] = field(default_factory=dict, repr=False)
    _hex: dict[str, str] = field(default_factory=dict, repr=False)

    def units(self, text: str) -> float:
        """Advance width of ``text`` in 1/1000 em; words repeat a lot, so they are cached."""
        w = self._units.get(text)
        if w is None:
            adv = self.advance
            w = self._units[text] = sum(adv[c] for c in text)
        return w

    def width(self, text: str, size: float) -> float:
        """Advance width of ``text`` at ``size`` points."""
        return self.units(text) * size / 1000.0

    def hex(self, text: str) -> str:
        """The text as 2-byte glyph ids (Identity-H), in hex for a PDF string (cached per text)."""
        h = self._hex.get(text)
        if h is None:
            gid = self.gid
            h = self._hex[text] = "".join(f"{gid[c]:04X}" for c in text)
        return h


@dataclass(frozen=True)
class FontSet:
    family: str
    faces: dict[str, Face]  # regular, bold, italic (italic may be the regular face)
    fingerprint: str  # identifies the font files: part of the corpus manifest

    def __getitem__(self, style: str) -> Face:
        return self.faces[style]


def _index(dirs: list[Path]) -> dict[str, list[Path]]:
    """File name -> paths under ``dirs`` (sorted, so the choice does not depend on directory order)."""
    found: dict[str, list[Path]] = {}
    for root in dirs:
        if not root.is_dir():
            continue
        for dirpath, _, files in os.walk(root):
            for name in files:
                if name.lower().endswith(".ttf"):
                    found.setdefault(name, []).append(Path(dirpath) / name)
    return {k: sorted(v) for k, v in found.items()}


def _covers(path: Path) -> bool:
    from fontTools.ttLib import TTFont

    try:
        with TTFont(path, lazy=True) as font:
            cmap = font.getBestCmap() or {}
    except Exception:  # an unreadable file is simply not a candidate
        return False
    return all(ord(c) in cmap for c in CHARSET)


def find_fonts(dirs: list[Path] | None = None) -> tuple[str, dict[str, Path]]:
    """The first family (in :data:`FAMILIES` order) whose regular and bold files cover :data:`CHARSET`.

    Raises :class:`FontNotFound` naming the Debian packages to install."""
    dirs = FONT_DIRS if dirs is None else dirs
    index = _index(dirs)
    for family, files, _ in FAMILIES:
        for regular in index.get(files["regular"], []):
            folder = regular.parent
            paths = {s: folder / files[s] for s in STYLES if (folder / files[s]).is_file()}
            if "bold" in paths and _covers(paths["regular"]) and _covers(paths["bold"]):
                if "italic" in paths and not _covers(paths["italic"]):
                    del paths["italic"]
                return family, paths
    where = ", ".join(str(d) for d in dirs)
    names = ", ".join(f for f, _, _ in FAMILIES)
    raise FontNotFound(
        f"no serif TrueType font with Vietnamese glyphs found under {where} (looked for {names}); "
        f"install one with: apt-get install {FAMILIES[0][2]}  (or {FAMILIES[1][2]})"
    )


@lru_cache(maxsize=4)
def load_fonts(dirs: tuple[Path, ...] | None = None) -> FontSet:
    """Find, subset and measure the fonts (once per process and search path)."""
    family, paths = find_fonts(list(dirs) if dirs is not None else None)
    faces = {style: _load_face(family, style, path) for style, path in paths.items()}
    faces.setdefault("italic", faces["regular"])  # fonts-dejavu-core ships no italic
    digest = sha256()
    for style in STYLES:
        face = faces[style]
        digest.update(f"{style}:{face.path.name}:{face.path.stat().st_size}:".encode())
        digest.update(face.font_file)
    return FontSet(family, faces, digest.hexdigest()[:16])


def _load_face(family: str, style: str, path: Path) -> Face:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    # recalcTimestamp=False: saving must not stamp the current time into 'head' (reproducible bytes)
    font = TTFont(path, recalcTimestamp=False)
    options = subset.Options()
    options.hinting = False  # smaller, and nothing reads hints from a benchmark PDF
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "DSIG", "FFTM"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in CHARSET])
    subsetter.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    program = buf.getvalue()
    font = TTFont(io.BytesIO(program))
    cmap = font.getBestCmap()
    order = font.getGlyphOrder()
    gid_of = {name: i for i, name in enumerate(order)}
    upm = font["head"].unitsPerEm
    hmtx = font["hmtx"].metrics
    scale = 1000.0 / upm
    advance = {c: hmtx[cmap[ord(c)]][0] * scale for c in CHARSET}
    gid = {c: gid_of[cmap[ord(c)]] for c in CHARSET}
    os2, head, post = font["OS/2"], font["head"], font["post"]
    base = font["name"].getDebugName(6) or path.stem
    # A subset font's name carries a six-letter tag (PDF 32000 §9.6.4); derived, not random.
    tag = "".join(chr(65 + b % 26) for b in sha256(program).digest()[:6])
    return Face(
        family=family,
        style=style,
        path=path,
        ps_name=f"{tag}+{base}",
        units_per_em=upm,
        ascent=os2.usWinAscent * scale,
        descent=-os2.usWinDescent * scale,
        cap_height=getattr(os2, "sCapHeight", 0) * scale or 700.0,
        bbox=(head.xMin * scale, head.yMin * scale, head.xMax * scale, head.yMax * scale),
        italic_angle=float(post.italicAngle),
        line_height=(font["hhea"].ascent - font["hhea"].descent + font["hhea"].lineGap) / upm,
        advance=advance,
        gid=gid,
        font_file=zlib.compress(program, 9),
        font_file_length=len(program),
        to_unicode=zlib.compress(_to_unicode(gid), 9),
        widths=_widths(gid, advance),
    )


def _to_unicode(gid: dict[str, int]) -> bytes:
    """A ToUnicode CMap from glyph id to the character, so that text extracts as written."""
    pairs = sorted((g, c) for c, g in gid.items())
    out = [
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ]
    for i in range(0, len(pairs), 100):  # at most 100 entries per block
        chunk = pairs[i : i + 100]
        out.append(f"{len(chunk)} beginbfchar")
        out += [f"<{g:04X}> <{ord(c):04X}>" for g, c in chunk]
        out.append("endbfchar")
    out.append("endcmap CMapName currentdict /CMap defineresource pop end end")
    return "\n".join(out).encode("ascii")


def _widths(gid: dict[str, int], advance: dict[str, float]) -> str:
    by_gid = sorted({g: advance[c] for c, g in gid.items()}.items())
    return "[" + " ".join(f"{g} [{round(w, 2):g}]" for g, w in by_gid) + "]"
