"""Hostile and broken files: each is refused with the file, the problem and a remedy, or read with a
warning when only its name is wrong; nothing but UnreadableDocument leaves ``read_document``.

Every file is built here, in a few lines, from the committed sample reports; none needs LibreOffice.
"""

from __future__ import annotations

import io
import re
import resource
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx.oxml.parser import oxml_parser
from lxml import etree

from extractors.document import UnreadableDocument
from extractors.extract import extract_path
from extractors.readers import read_document
from models.records import DocumentResult

ROOT = Path(__file__).resolve().parents[1]
DOCX = ROOT / "samples" / "hoan-kiem-2021-prose.docx"
PDF = ROOT / "samples" / "hoan-kiem-2021-prose.pdf"
ENCRYPTED_PDF = ROOT / "tests" / "fixtures" / "readers" / "encrypted.pdf"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Ten levels of ten: 10^9 "lol"s if expanded.
LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY lol0 "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    + "]>"
)


def figures(result: DocumentResult) -> list[tuple]:
    return sorted((f.indicator, f.value, f.unit, f.year) for f in result.figures)


def rejected(path: Path, problem: str) -> UnreadableDocument:
    """extract_path refuses the file (the path, the problem, a remedy); read_document says the same."""
    result = extract_path(path)
    assert result.status == "rejected", result.notes
    assert result.error is not None and result.error.startswith(f"{path}: ")
    assert problem in result.error
    assert "Traceback" not in result.error
    with pytest.raises(UnreadableDocument) as caught:
        read_document(path)
    error = caught.value
    assert problem in error.problem and error.path == str(path)
    assert len(error.remedy) > 15 and error.remedy[0].isupper()  # a sentence telling what to do
    assert str(error) == result.error == f"{path}: {error.problem}. {error.remedy}"
    return error


def rezip(
    source: Path, change: Callable[[str, bytes], bytes | None], extra: dict[str, bytes] | None = None
) -> bytes:
    """The .docx ``source`` with each part passed through ``change`` (None drops it), plus ``extra``."""
    out = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in original.infolist():
            data = change(info.filename, original.read(info))
            if data is not None:
                target.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return out.getvalue()


def with_document_xml(edit: Callable[[str], str | bytes]) -> bytes:
    def change(name: str, data: bytes) -> bytes:
        if name != "word/document.xml":
            return data
        edited = edit(data.decode("utf-8"))
        return edited if isinstance(edited, bytes) else edited.encode("utf-8")

    return rezip(DOCX, change)


def after_declaration(xml: str, insert: str) -> str:
    end = xml.index("?>") + 2
    return xml[:end] + insert + xml[end:]


# ------------------------------------------------------------------ not a document at all


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.docx", b"", "the file is empty"),
        ("blank.pdf", b"  \r\n\t ", "the file is empty"),
        ("page.docx", "<!DOCTYPE html><html><body><p>Báo cáo năm 2021</p></body></html>".encode(), "HTML"),
        ("notes.pdf", "Báo cáo tổng kết công tác thi đua năm 2021\n".encode(), "plain text"),
    ],
)
def test_files_that_are_not_documents_are_refused(
    tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    rejected(path, problem)


def test_truncated_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cut-off.docx"
    path.write_bytes(DOCX.read_bytes()[:20_000])
    assert "cut off" in rejected(path, "truncated or damaged").problem


# ------------------------------------------------------------------ names that lie


def test_pdf_named_docx_is_read_as_pdf_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(PDF.read_bytes())
    result = extract_path(path)
    assert result.status == "ok" and result.format == "pdf"
    assert "the file is a PDF although its name ends in .docx" in result.notes
    assert figures(result) == figures(extract_path(PDF))


def test_docx_named_pdf_is_read_as_docx_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(DOCX.read_bytes())
    result = extract_path(path)
    assert result.status == "ok" and result.format == "docx"
    assert "the file is a Word .docx document although its name ends in .pdf" in result.notes
    assert figures(result) == figures(extract_path(DOCX))
    assert not [n for n in extract_path(DOCX).notes if "although its name" in n]  # no warning when it matches


# ------------------------------------------------------------------ PDFs


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(ENCRYPTED_PDF.read_bytes())
    rejected(path, "encrypted/password-protected")


def test_pdf_with_garbled_xref_table_is_rebuilt_and_read(tmp_path: Path) -> None:
    data = PDF.read_bytes()
    start, end = data.rindex(b"\nxref"), data.rindex(b"trailer")
    path = tmp_path / "garbled-xref.pdf"
    path.write_bytes(data[:start] + re.sub(rb"\d", b"9", data[start:end]) + data[end:])
    result = extract_path(path)
    assert result.status == "ok"
    assert any("cross-reference table is damaged" in note for note in result.notes)
    assert figures(result) == figures(extract_path(PDF))


def test_pdf_with_wrong_startxref_is_read(tmp_path: Path) -> None:
    data = PDF.read_bytes()
    offset = data[data.rindex(b"startxref") :].split()[1]
    path = tmp_path / "startxref.pdf"
    path.write_bytes(data.replace(b"startxref\n" + offset, b"startxref\n12345"))
    assert extract_path(path).status == "ok"


def test_pdf_that_cannot_be_rebuilt_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "no-xref.pdf"
    path.write_bytes(PDF.read_bytes()[: PDF.read_bytes().rindex(b"\nxref")] + b"\n%%EOF\n")
    rejected(path, "the PDF cannot be parsed")


def minimal_pdf(n_pages: int) -> bytes:
    """A valid PDF with ``n_pages`` empty pages."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for _ in range(n_pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {n_pages} >>".encode()
    out = io.BytesIO(b"%PDF-1.4\n")
    out.seek(0, io.SEEK_END)
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def test_pdf_without_pages_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "no-pages.pdf"
    path.write_bytes(minimal_pdf(0))
    rejected(path, "the PDF has no pages")


def test_pdf_over_the_page_limit_is_refused_before_layout(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(minimal_pdf(501))  # the default limit is 500
    rejected(path, "the PDF has more than 500 pages")
    path.write_bytes(minimal_pdf(3))
    assert read_document(path).pages == 3


def test_page_limit_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_MAX_PDF_PAGES", "2")
    path = tmp_path / "three.pdf"
    path.write_bytes(minimal_pdf(3))
    rejected(path, "more than 2 pages")


# ------------------------------------------------------------------ size


def test_oversized_file_is_refused_from_its_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_MAX_FILE_MB", "0.01")
    path = tmp_path / "big.docx"
    path.write_bytes(DOCX.read_bytes())
    error = rejected(path, "larger than the 0.01 MB limit")
    assert re.match(r"the file is 0\.04\d* MB", error.problem)
    assert "split the report" in error.remedy


# ------------------------------------------------------------------ zip containers


def test_zip_bomb_is_refused_from_the_central_directory(tmp_path: Path) -> None:
    # A .docx with a 1 GB entry of zeros, deflated to about 1 MB, streamed so the test stays small.
    out = io.BytesIO()
    with zipfile.ZipFile(DOCX) as original, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in original.infolist():
            bomb.writestr(info.filename, original.read(info))
        entry = zipfile.ZipInfo("word/media/zeros.bin")
        entry.compress_type = zipfile.ZIP_DEFLATED
        with bomb.open(entry, "w", force_zip64=True) as stream:
            chunk = bytes(1 << 20)
            for _ in range(1024):
                stream.write(chunk)
    path = tmp_path / "bomb.docx"
    path.write_bytes(out.getvalue())
    assert path.stat().st_size < 2 << 20
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    error = rejected(path, "MB (a zip bomb or a damaged file")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # KB: nothing inflated
    assert re.match(r"the archive expands to 102\d MB .*zeros\.bin is compressed \d+ to 1", error.problem)


def test_zip_over_the_total_size_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_MAX_UNZIPPED_MB", "0.1")  # the sample expands to about 0.15 MB
    path = tmp_path / "report.docx"
    path.write_bytes(DOCX.read_bytes())
    rejected(path, "the archive expands to")


def test_zip_with_too_many_entries_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "many.docx"
    path.write_bytes(rezip(DOCX, lambda _, data: data, {f"word/media/{i}.bin": b"" for i in range(5001)}))
    rejected(path, "more than the 5000")


def test_zip_entry_escaping_the_archive_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "traversal.docx"
    path.write_bytes(rezip(DOCX, lambda _, data: data, {"../../etc/cron.d/evil": b"* * * * * root true"}))
    rejected(path, "unsafe path ('../../etc/cron.d/evil'")
    path.write_bytes(rezip(DOCX, lambda _, data: data, {"/etc/evil.xml": b"<x/>"}))
    rejected(path, "unsafe path")


def with_flags(data: bytes, entry: str, bits: int) -> bytes:
    """Set general-purpose flag bits of ``entry`` in its local and central headers (zipfile's writer
    resets them)."""
    out = bytearray(data)
    name = entry.encode()
    for signature, flags_at, name_length_at, name_at in (
        (b"PK\x03\x04", 6, 26, 30),
        (b"PK\x01\x02", 8, 28, 46),
    ):
        for match in re.finditer(re.escape(signature), data):
            start = match.start()
            length = int.from_bytes(data[start + name_length_at : start + name_length_at + 2], "little")
            if data[start + name_at : start + name_at + length] == name:
                flags = int.from_bytes(out[start + flags_at : start + flags_at + 2], "little") | bits
                out[start + flags_at : start + flags_at + 2] = flags.to_bytes(2, "little")
    return bytes(out)


def test_zip_with_password_or_unusual_features_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "zip-features.docx"
    for bits in (0x1, 0x40):  # traditional and "strong" zip encryption
        path.write_bytes(with_flags(DOCX.read_bytes(), "word/document.xml", bits))
        rejected(path, "encrypted with a zip password")
    path.write_bytes(with_flags(DOCX.read_bytes(), "word/document.xml", 0x20))  # "compressed patched data"
    rejected(path, "a zip feature Word does not write")
    bzip2 = io.BytesIO()
    with zipfile.ZipFile(DOCX) as original, zipfile.ZipFile(bzip2, "w") as target:
        for info in original.infolist():
            method = zipfile.ZIP_BZIP2 if info.filename == "word/document.xml" else zipfile.ZIP_DEFLATED
            target.writestr(info.filename, original.read(info), compress_type=method)
    path.write_bytes(bzip2.getvalue())
    rejected(path, "a compression method Word does not write (method 12")


# ------------------------------------------------------------------ XML inside a .docx


def test_billion_laughs_is_refused_without_expanding(tmp_path: Path) -> None:
    path = tmp_path / "laughs.docx"
    path.write_bytes(
        with_document_xml(lambda xml: after_declaration(xml, LAUGHS).replace("</w:t>", "&lol9;</w:t>", 1))
    )
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rejected(path, "the document contains XML entity declarations, which Word never writes")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # KB


def test_libraries_refuse_the_billion_laughs_too() -> None:
    """What the module docstring of readers.safety says lxml/libxml2 and python-docx do on their own."""
    xml = ('<?xml version="1.0"?>' + LAUGHS + f'<w:document xmlns:w="{W}">&lol9;</w:document>').encode()
    for parser in (oxml_parser, etree.XMLParser(), etree.XMLParser(huge_tree=True)):
        with pytest.raises(etree.XMLSyntaxError, match="amplification"):
            etree.fromstring(xml, parser)
    small = ('<?xml version="1.0"?>' + LAUGHS + f'<w:document xmlns:w="{W}">&lol2;</w:document>').encode()
    assert etree.fromstring(small, oxml_parser).text is None  # python-docx: the text silently lost
    assert len(etree.fromstring(small).text) == 300  # lxml's default parser: expanded


@pytest.mark.parametrize(
    ("label", "declaration"),
    [
        ("external entity", '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'),
        ("external DTD", '<!DOCTYPE w:document SYSTEM "http://127.0.0.1:9/evil.dtd">'),
        ("parameter entity", '<!DOCTYPE w:document [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p">%p;]>'),
    ],
)
def test_every_dtd_is_refused(tmp_path: Path, label: str, declaration: str) -> None:
    path = tmp_path / f"{label.replace(' ', '-')}.docx"
    path.write_bytes(with_document_xml(lambda xml: after_declaration(xml, declaration)))
    rejected(path, "XML entity declarations")


def test_dtd_hidden_in_utf16_is_found(tmp_path: Path) -> None:
    def utf16(xml: str) -> bytes:
        xml = after_declaration(xml, LAUGHS).replace("UTF-8", "UTF-16", 1).replace("utf-8", "UTF-16", 1)
        return xml.encode("utf-16")  # with a byte-order mark: "<!DOCTYPE" is no longer ASCII bytes

    path = tmp_path / "utf16.docx"
    path.write_bytes(with_document_xml(utf16))
    rejected(path, "XML entity declarations")


def test_impossible_table_span_is_refused_before_the_reader_loops_over_it(tmp_path: Path) -> None:
    path = tmp_path / "span.docx"
    path.write_bytes(
        rezip(
            ROOT / "tests" / "fixtures" / "readers" / "report.docx",
            lambda name, data: (
                re.sub(rb'(<w:gridSpan w:val=")\d+', rb"\g<1>99999999999", data)
                if name == "word/document.xml"
                else data
            ),
        )
    )
    rejected(path, "spans 99999999999 columns")


@pytest.mark.parametrize(
    ("label", "part", "edit", "problem"),
    [
        ("no body", "word/document.xml", lambda x: re.sub(r"<w:body>.*</w:body>", "", x, flags=re.S), "no document body"),
        ("other root", "word/styles.xml", lambda x: x.replace("w:styles", "w:zzz"), "<zzz> where Word writes <styles>"),
        ("rels root", "word/_rels/document.xml.rels", lambda x: x.replace("Relationships", "Rels"), "<Rels>"),
        ("rel target", "word/_rels/document.xml.rels", lambda x: x.replace("Target=", "Tar=", 1), "without an Id"),
        ("types root", "[Content_Types].xml", lambda x: x.replace("<Types", "<Typez").replace("</Types", "</Typez"), "<Typez>"),
        ("override", "[Content_Types].xml", lambda x: x.replace("PartName=", "Part=", 1), "without a name or a type"),
        ("styles type", "[Content_Types].xml", lambda x: x.replace("styles+xml", "styles-x+xml"), "styles part"),
    ],
)  # fmt: skip
def test_damaged_package_structure_is_refused(
    tmp_path: Path, label: str, part: str, edit: Callable[[str], str], problem: str
) -> None:
    """Parts python-docx would accept and then fail on with AttributeError/TypeError."""
    path = tmp_path / "damaged.docx"
    path.write_bytes(rezip(DOCX, lambda name, data: edit(data.decode()).encode() if name == part else data))
    assert "the Word file is damaged" in rejected(path, problem).problem


def test_strict_open_xml_is_refused_by_name(tmp_path: Path) -> None:
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    path = tmp_path / "strict.docx"
    path.write_bytes(with_document_xml(lambda xml: xml.replace(W, strict)))
    rejected(path, "Strict Open XML")


# ------------------------------------------------------------------ Office files that are not Word


def test_other_office_formats_are_named(tmp_path: Path) -> None:
    path = tmp_path / "sheet.docx"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as ods:
        ods.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        ods.writestr("content.xml", "<office:document-content/>")
    path.write_bytes(out.getvalue())
    rejected(path, "OpenDocument spreadsheet file, not a text document")
    fixture = ROOT / "tests" / "fixtures" / "hostile" / "workbook.xls"
    path = tmp_path / "table.doc"
    path.write_bytes(fixture.read_bytes())
    rejected(path, "legacy Excel .xls workbook")
