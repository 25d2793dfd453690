"""Repairs of damaged text: legacy font encodings (TCVN3, VNI) and split syllables.

The code charts are transcribed here a second time, independently of the tables in
``extractors.repair.legacy_fonts`` (TCVN3 by byte value; VNI letter by letter), from the TCVN 5712:1993
VN3 chart and the VNI-Windows chart. Checked against two public converters while writing them:
hdbd789/clinic ``Helpers/Converter.cs`` (TCVN3, identical) and duydev/vietnamese-conversion
``src/charsets.ts`` (VNI, identical; its TCVN3 table also agrees on all 74 codes). The PyPI package
``viparse`` 0.1.31 agrees on 130 of the 134 VNI letters; it leaves ẳ/Ẳ ("aú"/"AÚ") and ỵ/Ỵ ("î"/"Î")
unconverted, which both charts above have.

Fixtures: ``tests/fixtures/repair/make_fixtures.py`` (python-docx and a hand-written PDF).
"""

from __future__ import annotations

import importlib.util
import io
import itertools
import unicodedata
from functools import cache
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from hypothesis import given
from hypothesis import strategies as st

from extractors.document import Document, Paragraph, Table
from extractors.extract import extract_path
from extractors.readers import read_document
from extractors.readers.docx import read_docx
from extractors.readers.pdf_layout import _legacy_text, _lines
from extractors.repair import (
    canonical_tone,
    detect,
    detect_by_content,
    encoding_for_font,
    from_unicode,
    is_syllable,
    rejoin_split_syllables,
    to_unicode,
)
from models.text import fold

FIXTURES = Path(__file__).parent / "fixtures" / "repair"
_spec = importlib.util.spec_from_file_location("repair_fixtures", FIXTURES / "make_fixtures.py")
assert _spec and _spec.loader
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)

NFC = unicodedata.normalize
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
VOWELS = "aăâeêioôơuưy"
LOWER = sorted({NFC("NFC", v + t) for v in VOWELS for t in TONES} - set("aeiouy") | {"đ"})
LETTERS = LOWER + [ch.upper() for ch in LOWER]  # every letter that is not ASCII

# TCVN3 (VN3) by byte value, as in the standard's chart.
TCVN3_CHART = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ", 0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ",
    0xC6: "ặ", 0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ", 0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ",
    0xD0: "é", 0xD1: "ẹ", 0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ", 0xD7: "ì", 0xD8: "ỉ",
    0xDC: "ĩ", 0xDD: "í", 0xDE: "ị", 0xDF: "ò",
    0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ", 0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố",
    0xE9: "ộ", 0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ", 0xEF: "ù",
    0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ", 0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ",
    0xF9: "ự", 0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip

# VNI-Windows, letter by letter (capitals: the same bytes upper-cased).
VNI_CHART = {
    "à": "aø", "á": "aù", "ả": "aû", "ã": "aõ", "ạ": "aï",
    "ă": "aê", "ằ": "aè", "ắ": "aé", "ẳ": "aú", "ẵ": "aü", "ặ": "aë",
    "â": "aâ", "ầ": "aà", "ấ": "aá", "ẩ": "aå", "ẫ": "aã", "ậ": "aä",
    "è": "eø", "é": "eù", "ẻ": "eû", "ẽ": "eõ", "ẹ": "eï",
    "ê": "eâ", "ề": "eà", "ế": "eá", "ể": "eå", "ễ": "eã", "ệ": "eä",
    "ì": "ì", "í": "í", "ỉ": "æ", "ĩ": "ó", "ị": "ò",
    "ò": "oø", "ó": "où", "ỏ": "oû", "õ": "oõ", "ọ": "oï",
    "ô": "oâ", "ồ": "oà", "ố": "oá", "ổ": "oå", "ỗ": "oã", "ộ": "oä",
    "ơ": "ô", "ờ": "ôø", "ớ": "ôù", "ở": "ôû", "ỡ": "ôõ", "ợ": "ôï",
    "ù": "uø", "ú": "uù", "ủ": "uû", "ũ": "uõ", "ụ": "uï",
    "ư": "ö", "ừ": "öø", "ứ": "öù", "ử": "öû", "ữ": "öõ", "ự": "öï",
    "ỳ": "yø", "ý": "yù", "ỷ": "yû", "ỹ": "yõ", "ỵ": "î",
    "đ": "ñ",
}  # fmt: skip


# ------------------------------------------------------------------ the tables, letter by letter


def test_there_are_134_letters_and_both_charts_cover_them() -> None:
    assert len(LETTERS) == len(set(LETTERS)) == 134
    assert set(VNI_CHART) == set(LOWER)
    assert set(TCVN3_CHART.values()) == set(LOWER) | set("ĂÂÊÔƠƯĐ")


@pytest.mark.parametrize(("code", "letter"), sorted(TCVN3_CHART.items()))
def test_tcvn3_chart(code: int, letter: str) -> None:
    assert to_unicode(chr(code), "tcvn3") == letter
    assert from_unicode(letter, "tcvn3") == chr(code)


@pytest.mark.parametrize("letter", LETTERS)
def test_every_letter_round_trips_through_tcvn3(letter: str) -> None:
    # Capitals with a tone exist only in the capitals font (.VnTimeH), on the lower-case codes.
    encoding = "tcvn3" if letter.islower() or letter in "ĂÂÊÔƠƯĐ" else "tcvn3-caps"
    code = from_unicode(letter, encoding)
    assert len(code) == 1 and 0xA1 <= ord(code) <= 0xFE
    assert to_unicode(code, encoding) == letter
    assert to_unicode(from_unicode(letter.lower(), "tcvn3"), "tcvn3-caps") == letter.upper()


def test_tcvn3_caps_is_typed_with_caps_lock() -> None:
    # the domain brief's example: ASCII capitals, toned capitals on their lower-case codes
    assert from_unicode("UBND QUẬN HOÀN KIẾM", "tcvn3-caps") == "UBND QUËN HOµN KIÕM"
    assert from_unicode("ĐIỀU", "tcvn3-caps") == "§IÒU"


def test_tcvn3_capitals_with_tones_are_not_in_the_lower_case_font() -> None:
    with pytest.raises(ValueError, match="tcvn3-caps"):
        from_unicode("Ấ", "tcvn3")


@pytest.mark.parametrize("letter", LETTERS)
def test_every_letter_round_trips_through_vni(letter: str) -> None:
    expected = VNI_CHART[letter.lower()]
    expected = expected.upper() if letter.isupper() else expected
    assert from_unicode(letter, "vni") == expected
    assert to_unicode(expected, "vni") == letter


def test_vni_modifier_case_follows_the_base_letter() -> None:
    # Hand-typed VNI sometimes has a lower-case modifier after a capital (title case): the base wins.
    assert to_unicode("Aù", "vni") == "Á"
    assert to_unicode("aÙ", "vni") == "á"


@pytest.mark.parametrize(
    ("legacy", "encoding", "unicode"),
    [
        ("B¶o Th¾ng", "tcvn3", "Bảo Thắng"),
        ("Ninh B×nh", "tcvn3", "Ninh Bình"),
        ("Thu ng©n s¸ch nhµ n\u00adíc", "tcvn3", "Thu ngân sách nhà nước"),
        ("§¶ng bé quËn", "tcvn3", "Đảng bộ quận"),
        ("UBND QUËN HOµN KIÕM", "tcvn3-caps", "UBND QUẬN HOÀN KIẾM"),
        # the H font draws every letter as a capital, typed in lower case or not
        ("ubnd quËn hoµn kiÕm", "tcvn3-caps", "UBND QUẬN HOÀN KIẾM"),
        ("Xin chaøo caùc baïn", "vni", "Xin chào các bạn"),
        ("Ngöôøi toát, vieäc toát", "vni", "Người tốt, việc tốt"),
        ("UÛY BAN NHAÂN DAÂN QUAÄN ÑOÁNG ÑA", "vni", "ỦY BAN NHÂN DÂN QUẬN ĐỐNG ĐA"),
        ("khuyeán khích, thuôû nhoû, Myõ, kyû", "vni", "khuyến khích, thuở nhỏ, Mỹ, kỷ"),
        ("1.234,5 tỷ đồng", "tcvn3", "1.234,5 tỷ đồng"),  # digits, punctuation and Unicode pass through
    ],
)
def test_real_phrases(legacy: str, encoding: str, unicode: str) -> None:
    assert to_unicode(legacy, encoding) == unicode


def test_symbol_font_private_use_codes_are_read_as_bytes() -> None:
    assert to_unicode("B\uf0b6o", "tcvn3") == "Bảo"


# ------------------------------------------------------------------ detection


@pytest.mark.parametrize(
    ("font", "encoding"),
    [
        (".VnTime", "tcvn3"),
        (".VnArial", "tcvn3"),
        (".VnTimeH", "tcvn3-caps"),
        (".VnArialH", "tcvn3-caps"),
        ("ABCDEF+.VnTime", "tcvn3"),
        ("ABCDEF+.VnTimeH,Bold", "tcvn3-caps"),
        (".VnTime-BoldItalic", "tcvn3"),
        (".vntimeh", "tcvn3-caps"),
        ("VNI-Times", "vni"),
        ("VNI-Helve-Condense", "vni"),
        ("BCDEEE+VNI-Times-Bold", "vni"),
        ("VniHelvetica", "vni"),
        ("Times New Roman", None),
        ("TimesNewRomanPSMT", None),
        ("ABCDEF+Arial-BoldMT", None),
        ("Vietnam Sans", None),
        ("VnTime", None),  # without the dot: another (ĐHBK) family, left to content detection
        ("", None),
        (None, None),
    ],
)
def test_encoding_by_font_name(font: str | None, encoding: str | None) -> None:
    assert encoding_for_font(font) == encoding


TCVN3_PARAGRAPH = from_unicode(
    "Tổng thu ngân sách nhà nước trên địa bàn quận ước đạt 13.200 tỷ đồng, đạt 147,4% dự toán.", "tcvn3"
)
VNI_PARAGRAPH = from_unicode(
    "Tổng thu ngân sách nhà nước trên địa bàn quận ước đạt 13.200 tỷ đồng, đạt 147,4% dự toán.", "vni"
)


def test_detection_by_font_name_comes_first() -> None:
    assert detect("B¶o", ".VnTime") == "tcvn3"
    assert detect("BAÛO", ".VnTimeH") == "tcvn3-caps"
    assert detect("Baûo", "VNI-Times") == "vni"
    # A legacy font holding Unicode-only letters is Unicode typed in an old template's style.
    assert detect("Bảo Thắng", ".VnTime") is None


def test_detection_by_character_statistics() -> None:
    assert detect_by_content(TCVN3_PARAGRAPH) == "tcvn3"
    assert detect(TCVN3_PARAGRAPH, "Times New Roman") == "tcvn3"
    assert detect_by_content(VNI_PARAGRAPH) == "vni"
    assert detect(VNI_PARAGRAPH) == "vni"


@pytest.mark.parametrize(
    "text",
    [
        "Tổng thu ngân sách nhà nước trên địa bàn quận ước đạt 13.200 tỷ đồng.",
        "Hoà Bình, Khánh Hoà",  # no letter beyond Latin-1, and "oà" is also a VNI pair
        "© 2023 UBND quận",
        "Année 2023: coûts, élèves, même",  # French
        "Straße, Größe, Äpfel",  # German
        "",
        "1.234,5",
    ],
)
def test_unicode_and_foreign_text_is_not_detected(text: str) -> None:
    assert detect(text) is None


@given(st.text())
def test_to_unicode_never_raises_and_returns_nfc(text: str) -> None:
    for encoding in ("tcvn3", "tcvn3-caps", "vni"):
        out = to_unicode(text, encoding)
        assert unicodedata.is_normalized("NFC", out)
    detect(text)
    detect(text, ".VnTime")


_VIET_TEXT = st.text(
    alphabet=st.sampled_from(LOWER + list("abcdeghiklmnopqrstuvxy 0123456789,.%")), max_size=60
)


@given(_VIET_TEXT)
def test_lower_case_text_round_trips(text: str) -> None:
    assert to_unicode(from_unicode(text, "tcvn3"), "tcvn3") == text
    assert to_unicode(from_unicode(text, "vni"), "vni") == text
    assert to_unicode(from_unicode(text.upper(), "vni"), "vni") == text.upper()
    assert to_unicode(from_unicode(text.upper(), "tcvn3-caps"), "tcvn3-caps") == text.upper()


# ------------------------------------------------------------------ syllables and tone placement


VALID = (
    "a ở u y ba điều ĐIỀU Điều thực hiện người nghiêng khuếch quốc quyết quý quân qua giữa gì giết giếng "
    "gìn kiếm kỹ kĩ ghế nghe nước rượu khuya thuở oái hoàn hoà hòa thuỷ thủy toán xoong yên yêu tiên "
    "việc đạt tốt sách Nội"
)
INVALID = (
    "ĐIỀ điề c ph ngh ươ iên tổt tôt cá̀ ká ge nge ci quan̉ UBND HĐND Covid and of email 2023 thực1 "
    "bađình hànội"
)


@pytest.mark.parametrize("word", VALID.split())
def test_valid_syllables(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize("word", INVALID.split())
def test_invalid_syllables(word: str) -> None:
    assert not is_syllable(word)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("hoà", "hòa"),
        ("hòa", "hòa"),
        ("thuỷ", "thủy"),
        ("Hoá", "Hóa"),
        ("KHÁNH HOÀ", "KHÁNH HÒA"),
        ("khoẻ", "khỏe"),
        ("hoàn thuế quý quà", "hoàn thuế quý quà"),  # same in both conventions
        ("Thanh Hoá, 2023", "Thanh Hóa, 2023"),
    ],
)
def test_canonical_tone(text: str, canonical: str) -> None:
    assert canonical_tone(text) == canonical
    assert canonical_tone(canonical) == canonical
    assert fold(canonical_tone(text)) == fold(text)


@given(st.text())
def test_syllable_functions_never_raise(text: str) -> None:
    is_syllable(text)
    canonical_tone(text)
    joined, changes = rejoin_split_syllables(text)
    if " " not in text:
        assert (joined, changes) == (text, [])


@given(st.lists(st.sampled_from(VALID.split()), max_size=12))
def test_words_that_are_all_syllables_are_never_joined(words: list[str]) -> None:
    text = " ".join(words)
    assert rejoin_split_syllables(text) == (text, [])


@pytest.mark.parametrize(
    ("split", "joined"),
    [
        ("ĐIỀ U 5", "ĐIỀU 5"),
        ("B Á O C Á O", "BÁO CÁO"),
        ("B Á O  C Á O", "BÁO  CÁO"),
        ("T Ổ N G K Ế T C Ô N G T Á C T H I Đ U A", "TỔNG KẾT CÔNG TÁC THI ĐUA"),
        ("K H E N T H Ư Ở N G", "KHEN THƯỞNG"),
        ("C Ô N G A N", "CÔNG AN"),
        ("C Á C H O Ạ T Đ Ộ N G", "CÁC HOẠT ĐỘNG"),
        ("NGƯ Ờ I TỐT", "NGƯỜI TỐT"),
        ("thự c hiệ n nhiệm vụ", "thực hiện nhiệm vụ"),
        ("thu ngân sá ch đạ t 112,2%", "thu ngân sách đạt 112,2%"),
        ("Nhà n ước", "Nhà nước"),
        ("(ĐIỀ U 5)", "(ĐIỀU 5)"),
        ("U B N D Q U Ậ N", "U B N D QUẬN"),  # the abbreviation's letters stay apart
    ],
)
def test_split_syllables_are_rejoined(split: str, joined: str) -> None:
    text, changes = rejoin_split_syllables(split)
    assert text == joined
    assert changes


@pytest.mark.parametrize(
    "text",
    [
        "Hà Nội",
        "quận ba đình",
        "UBND QUẬN BA ĐÌNH",
        "Năm 2023, thu 6.540,3 tỷ đồng",
        "cơ quan, đơn vị",
        "mà y tế",  # "mày" is a syllable, but "mà" and "y" are words: not joined
        "thu ở Hà Nội",
        "THU Ở HÀ NỘI",
        "SỞ Y TẾ",
        "PHẦN I KẾT QUẢ",
        "X Y Z",
        "T H I",  # letter-spaced, but nothing Vietnamese to say so
        "for r in rows",
        "Q. Hai Bà Trưng, P. Hàng Bạc",
        "P Hàng Bạc",
        "UBND quận",
        "điểm a, b, c khoản 1",
        "Microsoft Word, Excel online",
        "ngư ờ i",  # lower case: "ờ" and "i" are words too
    ],
)
def test_valid_text_is_left_alone(text: str) -> None:
    assert rejoin_split_syllables(text) == (text, [])


# ------------------------------------------------------------------ Word: per-run conversion


@cache
def read(name: str) -> Document:
    return read_document(FIXTURES / name)


def texts(doc: Document) -> list[str]:
    return [b.text for b in doc.paragraphs()]


def test_tcvn3_docx_reads_as_unicode() -> None:
    doc = read("tcvn3.docx")
    assert texts(doc) == [text for text, _, _ in fx.TCVN3_LINES]
    assert all(p.repairs == ("repaired_text",) for p in doc.paragraphs())
    table = next(doc.tables())
    assert table.row_texts() == fx.TCVN3_TABLE
    assert [c.repairs for c in table.cells][-2:] == [("repaired_text",), ()]  # "3.250" needed no conversion
    assert any("legacy Vietnamese fonts" in w for w in doc.warnings)


def test_vni_docx_reads_as_unicode_even_with_a_modifier_in_the_next_run() -> None:
    doc = read("vni.docx")
    assert texts(doc) == [*fx.VNI_LINES, fx.VNI_SPLIT]
    assert all(p.repairs == ("repaired_text",) for p in doc.paragraphs())


def test_mixed_docx_converts_only_the_legacy_runs() -> None:
    doc = read("mixed.docx")
    paragraphs = list(doc.paragraphs())
    sentence = "".join(text for text, _ in fx.MIXED_SENTENCE)
    assert [p.text for p in paragraphs][-2:] == [sentence, fx.MIXED_FALLBACK]
    assert [p.repairs for p in paragraphs][:4] == [()] * 4  # Unicode paragraphs are untouched
    assert paragraphs[-2].repairs == ("repaired_text",)
    assert paragraphs[-1].repairs == ()  # Unicode typed in a .VnTime run is not converted
    assert next(doc.tables()).row_texts() == fx.MIXED_TABLE


@pytest.mark.parametrize(
    ("name", "unit", "year", "figures"),
    [
        (
            "tcvn3.docx",
            "hoan-kiem",
            2021,
            {
                "budget_revenue_actual": 13_200_000_000_000,
                "budget_revenue_yoy_pct": 125.4,
                "budget_revenue_attainment_pct": 147.4,
                "budget_revenue_plan": 8_955_000_000_000,
                "jobs_created": 3250,
            },
        ),
        (
            "vni.docx",
            "dong-da",
            2022,
            {
                "budget_revenue_actual": 14_210_000_000_000,
                "budget_revenue_attainment_pct": 104.5,
                "budget_revenue_yoy_pct": 108.2,
                "targets_met": 12,
                "targets_total": 12,
            },
        ),
        (
            "tcvn3.pdf",
            "hoan-kiem",
            2021,
            {
                "budget_revenue_actual": 13_200_000_000_000,
                "budget_revenue_yoy_pct": 125.4,
                "budget_revenue_attainment_pct": 147.4,
            },
        ),
        (
            "split.pdf",
            "ba-dinh",
            2023,
            {"budget_revenue_actual": 6_540_300_000_000, "budget_revenue_attainment_pct": 112.2},
        ),
    ],
)
def test_legacy_reports_give_unit_year_and_flagged_figures(
    name: str, unit: str, year: int, figures: dict[str, float]
) -> None:
    result = extract_path(FIXTURES / name)
    assert (result.status, result.unit.id if result.unit else None, result.year) == ("ok", unit, year)
    found = {f.indicator: f for f in result.figures}
    for indicator, value in figures.items():
        assert found[indicator].value == value, indicator
        assert "repaired_text" in found[indicator].flags, indicator


def test_mixed_report_flags_only_figures_from_converted_text() -> None:
    result = extract_path(FIXTURES / "mixed.docx")
    assert result.unit and result.unit.id == "long-bien" and result.year == 2022
    found = {f.indicator: f for f in result.figures}
    assert found["budget_revenue_actual"].value == 8_760_000_000_000
    assert "repaired_text" in found["budget_revenue_actual"].flags
    assert (found["targets_met"].value, found["targets_met"].flags) == (16, [])


def _docx(*paragraphs: list[tuple[str, str | None, bool]]) -> Document:
    """A .docx in memory: each paragraph a list of runs (text, font, text is legacy with 0xAD as
    <w:softHyphen/>)."""
    doc = docx.Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    for runs in paragraphs:
        p = doc.add_paragraph()
        for text, font, legacy in runs:
            if legacy:
                fx.legacy_run(p, text, font)
            else:
                p.add_run(text).font.name = font
    buf = io.BytesIO()
    doc.save(buf)
    return read_docx("memory.docx", buf.getvalue(), "0" * 64)


def test_docx_legacy_text_in_a_unicode_font_is_found_by_its_characters() -> None:
    doc = _docx([(TCVN3_PARAGRAPH, "Times New Roman", True)])
    (p,) = doc.paragraphs()
    assert p.text.startswith("Tổng thu ngân sách nhà nước") and p.repairs == ("repaired_text",)


def test_docx_soft_hyphen_outside_legacy_fonts_is_still_dropped() -> None:
    doc = _docx([("Thu ngân sách nhà nư\u00adớc", "Times New Roman", True)])
    assert [(p.text, p.repairs) for p in doc.paragraphs()] == [("Thu ngân sách nhà nước", ())]


def test_docx_legacy_symbol_characters_are_converted() -> None:
    buf = io.BytesIO()
    d = docx.Document()
    run = d.add_paragraph().add_run("B")
    run.font.name = ".VnTime"
    sym = OxmlElement("w:sym")
    sym.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}font", ".VnTime")
    sym.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}char", "F0B6")
    run._r.append(sym)
    run._r.append(OxmlElement("w:t"))
    run._r[-1].text = "o"
    d.save(buf)
    (p,) = read_docx("m.docx", buf.getvalue(), "0" * 64).paragraphs()
    assert p.text == "Bảo"


# ------------------------------------------------------------------ PDF: per-char fonts, split syllables


def _word(text: str, fonts: list[str], x0: float = 0.0) -> dict:
    chars = [
        {
            "text": ch,
            "fontname": font,
            "x0": x0 + i * 5,
            "x1": x0 + i * 5 + 5,
            "top": 0,
            "bottom": 10,
            "size": 10,
        }
        for i, (ch, font) in enumerate(zip(text, fonts, strict=True))
    ]
    return {"text": text, "chars": chars, "x0": x0, "x1": x0 + 5 * len(text), "top": 0, "bottom": 10}


def test_pdf_chars_are_converted_by_their_own_font() -> None:
    mixed = _word("B¶oX", [".VnTime"] * 3 + ["Arial"])  # a legacy and a Unicode font in one word
    caps = _word("QUËN", ["ABCDEF+.VnTimeH"] * 4, x0=25)
    vni = _word("Hoaøn", ["VNI-Times"] * 5, x0=50)
    uni = _word("Bảo", ["TimesNewRomanPSMT"] * 3, x0=80)
    assert _legacy_text([mixed, caps, vni, uni]) == ("BảoX QUẬN Hoàn Bảo", True)
    assert _legacy_text([uni]) == ("Bảo", False)
    (line,) = _lines(1, [mixed, caps])
    assert (line.text, line.repaired, line.legacy) == ("BảoX QUẬN", True, True)


def test_pdf_fixtures_read_as_unicode() -> None:
    tcvn3 = read("tcvn3.pdf")
    assert texts(tcvn3) == [
        *(text for text, _ in fx.PDF_TCVN3_LINES[:3]),
        " ".join(text for text, _ in fx.PDF_TCVN3_LINES[3:]),
    ]
    assert all(p.repairs == ("repaired_text",) for p in tcvn3.paragraphs())
    split = read("split.pdf")
    assert texts(split) == fx.SPLIT_EXPECTED
    assert [p.repairs for p in split.paragraphs()] == [
        (),
        ("repaired_text",),
        (),
        ("repaired_text",),
        ("repaired_text",),
    ]
    # the text as extracted stays visible in a warning
    assert any("«ĐIỀ U» → «ĐIỀU»" in w and "«B Á O» → «BÁO»" in w for w in split.warnings)


# ------------------------------------------------------------------ Unicode documents are untouched

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.mark.parametrize(
    "path",
    sorted(itertools.chain(SAMPLES.glob("*.docx"), SAMPLES.glob("*.pdf"))),
    ids=lambda p: p.name,
)
def test_unicode_samples_have_no_repairs(path: Path) -> None:
    doc = read_document(path)
    repaired = [b.locator.block for b in doc.blocks if isinstance(b, Paragraph) and b.repairs]
    repaired += [c.locator.block for t in doc.blocks if isinstance(t, Table) for c in t.cells if c.repairs]
    assert repaired == []
    assert not [w for w in doc.warnings if "legacy" in w or "syllable" in w]
