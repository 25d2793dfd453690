"""A CID font's dictionary read without its /W array is the dictionary pdfminer reads, minus /W."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from helpers import pdf_builder
from pdfminer.pdftypes import PDFObjRef, dict_value, resolve1

from extractors.readers.pdf_cidfont import _without_widths, cid_font_dict

ROOT = Path(__file__).resolve().parent.parent
build = pdf_builder()


def built(inline_fonts: bool) -> bytes:
    """Word's way: Type 0 fonts with a CIDFontType2 descendant and a /W of every glyph (build.py)."""
    b = build.Builder()
    text = b"BT /F1 12 Tf 72 770 Td %s Tj /F2 12 Tf %s Tj ET\n" % (
        b.t("F1", "Thu ngân sách "),
        b.t("F2", "đạt"),
    )
    b.add(build.Page(text, inline_fonts=inline_fonts))
    return b.pdf()


CASES = {
    "built, shared fonts": lambda: built(False),
    "built, fonts repeated in the page": lambda: built(True),
    "split.pdf": lambda: (ROOT / "tests/fixtures/repair/split.pdf").read_bytes(),
}


def descendants(data: bytes) -> list[tuple[PDFObjRef, dict]]:
    """Every CID font (as its reference) of the document, with pdfminer's own reading of it."""
    found = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            fonts = dict_value(dict_value(page.page_obj.resources).get("Font", {}))
            for spec in fonts.values():
                font = dict_value(spec)
                for ref in resolve1(font.get("DescendantFonts", [])):
                    if isinstance(ref, PDFObjRef):
                        found.append((ref, cid_font_dict(ref), dict_value(ref)))
    return [(ref, (light, full)) for ref, light, full in found]


@pytest.mark.skipif(build.font_path() is None, reason="fonts-liberation2 is not installed")
@pytest.mark.parametrize("name", list(CASES))
def test_the_light_reading_is_pdfminers_without_the_widths(name: str) -> None:
    pairs = descendants(CASES[name]())
    assert pairs
    for _, (light, full) in pairs:
        assert light is not None
        assert "W" in full and "W" not in light
        assert {k: v for k, v in full.items() if k != "W"}.keys() == light.keys()
        for key in light:
            assert repr(resolve1(light[key])) == repr(resolve1(full[key])), key


def test_the_widths_array_is_cut_out_whole_or_not_at_all() -> None:
    body = b"6 0 obj << /Subtype /CIDFontType2 /W [1 [250 300] 5 9 500] /DW 1000 >> endobj"
    assert _without_widths(body) == b"6 0 obj << /Subtype /CIDFontType2  /DW 1000 >> endobj"
    assert _without_widths(b"<< /WMode 0 /DW 1000 >>") == b"<< /WMode 0 /DW 1000 >>"
    assert _without_widths(b"<< /W 12 0 R >>") is None  # by reference: parsed the usual way
    assert _without_widths(b"<< /W [1 [250 >>") is None  # unbalanced: parsed the usual way


def test_a_direct_dictionary_is_left_to_the_usual_path() -> None:
    assert cid_font_dict({"Subtype": "CIDFontType2"}) is None
