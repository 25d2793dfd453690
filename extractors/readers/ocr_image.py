"""Image preparation for OCR: rendering a page grey without its red seal, deskewing, removing rules.

Steps 1–3 of "How a page is read" in :mod:`.ocr` (which re-exports these names and documents the
measurements behind every threshold here). Split out because they are pure numpy/Pillow work on
one rendered page, testable without Tesseract, while :mod:`.ocr` drives pdfium and Tesseract.
"""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium  # pdfplumber's own renderer
from PIL import Image

MAX_SKEW = 3.0  # degrees: a flatbed or phone scan within this is straightened
RULE_PX = 80  # at 300 dpi ≈ 6.8 mm: longer dark runs are table rules, not letters (an "—" is ≈ 40 px)
RULE_FRINGE_PX = 2  # the blurred edge of a rule, on each side of its dark core
RULE_INK = 190  # rules are runs of pixels darker than this: a thin rule scanned is grey (150–190)
REDNESS = 30  # R − mean(G, B) above this, with R ≥ RED_LIGHT: seal ink, made white
RED_LIGHT = 140  # darker red pixels are text under the seal (black ink × red ink): kept
PAPER = 215  # grey levels from this up are paper (and the last of the seal's halo): made white


def render_page(page: pdfium.PdfPage, scale: float) -> Image.Image:
    """Render ``page`` at ``scale`` (pixels per point) as a grey image without its seal; close the page.

    Both the bitmap and the page are closed here, once the grey image is made, so the caller holds
    only that image while the page is deskewed and read."""
    try:
        bitmap = page.render(scale=scale)
        image = drop_red(bitmap.to_pil())
        bitmap.close()
    finally:
        page.close()
    return image


def drop_red(image: Image.Image) -> Image.Image:
    """Grey image of the page without its red seal ink: the red channel (red ink is light in it, black
    and blue ink dark), light reddish pixels turned white, and near-paper pixels turned white.

    Dark pixels stay whatever their hue: where the seal covers text, the text under it is dark red."""
    rgb = np.asarray(image.convert("RGB"), dtype=np.int16)
    red = rgb[..., 0]
    grey = red.copy()
    grey[(red - (rgb[..., 1] + rgb[..., 2]) // 2 > REDNESS) & (red >= RED_LIGHT)] = 255
    paper = float(np.median(grey[::4, ::4]))  # most of a page is paper
    if 0 < paper < 250:  # grey or yellowed paper, a dim photo: paper back to white
        grey = np.minimum(grey.astype(np.float32) * (255 / paper), 255).astype(np.int16)
    grey[grey >= PAPER] = 255
    return Image.fromarray(grey.astype(np.uint8))


def skew_angle(image: Image.Image) -> float:
    """The rotation (degrees, counter-clockwise) that makes text lines horizontal; 0.0 if under 0.1°.

    Projection profile: text lines turned straight give rows that alternate sharply between ink and
    paper, so the variance of the row-to-row change in ink peaks. Coarse steps of 0.5°, then 0.1°."""
    small = image.resize((max(1, image.width // 4), max(1, image.height // 4)), Image.Resampling.BILINEAR)
    ink = Image.fromarray(((np.asarray(small) < 160) * 255).astype(np.uint8))
    if not np.asarray(ink).any():
        return 0.0

    def score(angle: float) -> float:
        rows = (np.asarray(ink.rotate(angle, resample=Image.Resampling.NEAREST)) > 0).sum(axis=1)
        return float(np.var(np.diff(rows.astype(np.float64))))

    coarse = max(np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5), key=score)
    fine = max(np.arange(coarse - 0.4, coarse + 0.41, 0.1), key=score)
    angle = round(float(fine), 1)
    return 0.0 if abs(angle) < 0.1 else angle


def remove_rules(image: Image.Image, length: int = RULE_PX) -> Image.Image:
    """Whiten horizontal and vertical dark runs of ``length`` pixels or more (table and page rules)."""
    return split_rules(image, length)[0]


def split_rules(image: Image.Image, length: int = RULE_PX) -> tuple[Image.Image, np.ndarray, np.ndarray]:
    """The image without its rules (as :func:`remove_rules`), and the rules' cores: a mask of the
    horizontal runs and one of the vertical runs (same shape as the image), from which
    :mod:`.ocr_tables` rebuilds the grids of ruled tables before Tesseract reads the cells."""
    pixels = np.asarray(image)
    dark = pixels < RULE_INK
    across, down = _runs(dark, length), _runs(dark.T, length).T
    mask = _thicken(across) | _thicken(down.T).T
    if not mask.any():
        return image, across, down
    out = pixels.copy()
    out[mask] = 255
    return Image.fromarray(out), across, down


def _thicken(mask: np.ndarray, by: int = RULE_FRINGE_PX) -> np.ndarray:
    """Grow a mask of horizontal runs up and down: the grey fringe of a rule goes with its core."""
    out = mask.copy()
    for k in range(1, by + 1):
        out[k:] |= mask[:-k]
        out[:-k] |= mask[k:]
    return out


def _runs(dark: np.ndarray, length: int) -> np.ndarray:
    """Pixels of ``dark`` lying in a horizontal run of at least ``length``."""
    width = dark.shape[1]
    if width < length:
        return np.zeros_like(dark)
    csum = np.zeros((dark.shape[0], width + 1), dtype=np.int32)
    np.cumsum(dark, axis=1, out=csum[:, 1:])
    full = (csum[:, length:] - csum[:, :-length]) == length  # the window starting here is all dark
    # A pixel is covered when a full window starts at most length - 1 before it: with P the running
    # count of full windows, padded with length - 1 zeros in front and its last value behind,
    # covered[i] = P'[i + length] - P'[i] > 0.
    starts = np.zeros((dark.shape[0], full.shape[1] + 2 * (length - 1) + 1), dtype=np.int32)
    np.cumsum(full, axis=1, out=starts[:, length : length + full.shape[1]])
    starts[:, length + full.shape[1] :] = starts[:, length + full.shape[1] - 1 : length + full.shape[1]]
    return (starts[:, length : length + width] - starts[:, :width]) > 0
