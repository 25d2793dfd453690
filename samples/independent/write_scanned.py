"""Build the scanned samples: ``python samples/independent/write_scanned.py``.

A scanned report is the born-digital twin printed, stamped and scanned: its pages rasterised at
``RASTER_DPI`` (pdftoppm, poppler-utils), a red round seal multiplied over the issuer block of the
first page and over the signature block of the last (ink on toner: the text under the seal stays
dark), each page turned slightly as a flatbed scan would be, and saved as an image-only PDF (a JPEG
of ``EMBED_DPI`` a page, as copiers store them). The same recipe as ``tests/fixtures/ocr/scanned.pdf``.

The scan shares its twin's figures; its expected file copies them with ``ocr_text`` added to every
figure's flags (every word of a scan is read by OCR) and the layout ``scanned-table``.

``write_scanned.py --samples DIR`` scans every ``samples/*.pdf`` into DIR instead (not committed), the
set the OCR measurements of :mod:`extractors.readers.ocr` are made on.

* ``r30_scanned_dong_da_2022.pdf``: ``r02_tables_dong_da_2022.pdf`` (three pages: a summary table of
  indicators, a movements table and the commendation table by award form, tập thể / cá nhân).
"""

from __future__ import annotations

import json
import math
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pdfplumber
from PIL import Image, ImageChops, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
RASTER_DPI = 200
EMBED_DPI = 150
LAYOUT = "scanned-table"

# name of the scan -> (its twin, rotation of each page in degrees, seal text, word under each seal)
SCANS = {
    "r30_scanned_dong_da_2022": (
        "r02_tables_dong_da_2022",
        (0.7, -0.5, 0.9),
        "ỦY BAN NHÂN DÂN * QUẬN ĐỐNG ĐA * ",
        ("ĐA", "CHỦ"),
    ),
}


def seal(size: int, text: str) -> Image.Image:
    """A red round stamp (two rings, a star, letters around the ring) on a transparent background."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    red = (200, 28, 40, 175)
    w = max(3, size // 45)
    draw.ellipse((w, w, size - w, size - w), outline=red, width=w)
    inner = size // 6
    draw.ellipse((inner, inner, size - inner, size - inner), outline=red, width=max(2, w // 2))
    c = size / 2
    star = []
    for k in range(10):
        radius = size * (0.13 if k % 2 == 0 else 0.055)
        angle = math.pi / 2 + k * math.pi / 5
        star.append((c + radius * math.cos(angle), c - radius * math.sin(angle)))
    draw.polygon(star, fill=red)
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", size // 16)
    except OSError:
        font = ImageFont.load_default()
    for k, ch in enumerate(text):
        angle = 2 * math.pi * k / len(text)
        x, y = c + size * 0.41 * math.sin(angle), c - size * 0.41 * math.cos(angle)
        glyph = Image.new("RGBA", (size // 12, size // 12), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((0, 0), ch, fill=red, font=font)
        glyph = glyph.rotate(-math.degrees(angle), expand=True)
        image.alpha_composite(glyph, (int(x - glyph.width / 2), int(y - glyph.height / 2)))
    return image


def _anchor(pdf: Path, page: int, word: str) -> tuple[float, float]:
    """Top-left (points) of the first ``word`` on ``page`` (1-based; -1 for the last page)."""
    with pdfplumber.open(pdf) as doc:
        hits = [w for w in doc.pages[page if page < 0 else page - 1].extract_words() if w["text"] == word]
    return hits[0]["x0"], hits[0]["top"]


def scan(
    pdf: Path, rotations: tuple[float, ...], seal_text: str, under: tuple[str, str]
) -> list[Image.Image]:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(RASTER_DPI), "-png", str(pdf), f"{tmp}/page"], check=True)
        images = [Image.open(p).convert("RGB") for p in sorted(Path(tmp).glob("page*.png"))]
    assert len(images) == len(rotations), f"{pdf.name}: {len(images)} pages, {len(rotations)} rotations"
    seals = {0: _anchor(pdf, 1, under[0]), len(images) - 1: _anchor(pdf, -1, under[1])}
    px = RASTER_DPI / 72
    out = []
    for k, (image, angle) in enumerate(zip(images, rotations, strict=True)):
        if k in seals:
            x, y = seals[k]
            stamp = Image.new("RGBA", image.size, (255, 255, 255, 255))
            stamp.alpha_composite(seal(int(105 * px), seal_text), (int((x - 60) * px), int((y - 45) * px)))
            image = ImageChops.multiply(image, stamp.convert("RGB"))
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor="white")
        scale = EMBED_DPI / RASTER_DPI
        out.append(image.resize((round(image.width * scale), round(image.height * scale)), Image.LANCZOS))
    return out


def save_image_pdf(images: list[Image.Image], path: Path) -> None:
    images = [im.copy() for im in images]  # Pillow keeps save state on appended images
    images[0].save(
        path, "PDF", resolution=EMBED_DPI, save_all=True, append_images=images[1:], quality=60, subsampling=2
    )


def expected(twin: Path) -> dict:
    """The twin's expected figures, each flagged ``ocr_text``, with the scanned layout."""
    data = json.loads(twin.read_text(encoding="utf-8"))
    for figure in data["figures"].values():
        figure["flags"] = sorted(set(figure.get("flags", [])) | {"ocr_text"})
    data["layout"] = LAYOUT
    data["traps"] = [*data.get("traps", []), f"a scan of {twin.name[: -len('.expected.json')]}.pdf"]
    return data


def scan_samples(out: Path, seed: int = 10) -> None:
    """Scans of every ``samples/*.pdf`` into ``out`` with their expected files, for measuring OCR (see
    :mod:`extractors.readers.ocr`): random turns within ±1°, a seal on the first word of page 1 and
    on the signature ("CHỦ", else the last word) of the last page. Not committed: 63 pages."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for pdf in sorted(HERE.parent.glob("*.pdf")):
        with pdfplumber.open(pdf) as doc:
            n = len(doc.pages)
            first = doc.pages[0].extract_words()[0]["text"]
            last = [w["text"] for w in doc.pages[-1].extract_words()]
        under = (first, "CHỦ" if "CHỦ" in last else last[-1])
        turns = tuple(round(rng.uniform(-1, 1), 2) for _ in range(n))
        save_image_pdf(scan(pdf, turns, "ỦY BAN NHÂN DÂN * HÀ NỘI * ", under), out / pdf.name)
        shutil.copy(pdf.with_suffix(".expected.json"), out / f"{pdf.stem}.expected.json")


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--samples":  # write_scanned.py --samples DIR
        scan_samples(Path(sys.argv[2]))
        return
    for name, (twin, rotations, seal_text, under) in SCANS.items():
        pdf = HERE / f"{name}.pdf"
        save_image_pdf(scan(HERE / f"{twin}.pdf", rotations, seal_text, under), pdf)
        out = json.dumps(expected(HERE / f"{twin}.expected.json"), ensure_ascii=False, indent=2)
        (HERE / f"{name}.expected.json").write_text(out + "\n", encoding="utf-8")
        print(f"{pdf.name}: {pdf.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
