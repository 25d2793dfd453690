"""Turn a submitted file into a :class:`~extractors.document.Document`, or say why it cannot be read.

The format is sniffed from the bytes, never from the extension: submitters rename files freely (a
``.doc`` saved as ``.docx``, an HTML export called ``.doc``); when the name disagrees with the content
the document carries a warning. Every failure of the parsing libraries becomes
:class:`UnreadableDocument` with a problem and a remedy a submitter can act on; the library calls are
wrapped individually so that bugs in our own code still surface as real tracebacks.

Read: .docx and PDF directly; legacy Word .doc, RTF and OpenDocument .odt through a LibreOffice
conversion (:mod:`extractors.readers.legacy`). Before any parser sees the bytes,
:mod:`extractors.readers.safety` refuses oversized files, zip bombs, XML entity declarations and PDFs
with no pages or too many.
"""

from __future__ import annotations

import hashlib
import logging
import os
import zipfile
from dataclasses import replace
from pathlib import Path

from extractors.document import Document, UnreadableDocument
from extractors.readers.docx import read_docx
from extractors.readers.legacy import read_legacy
from extractors.readers.pdf import read_pdf
from extractors.readers.safety import (
    MB,
    ZIP_READ_ERRORS,
    Limits,
    check_pdf,
    check_size,
    check_xml_parts,
    open_zip,
)

# pdfminer logs every recoverable oddity of a damaged PDF ("Data-loss while decompressing corrupted data")
# as a warning; what matters reaches the user as a Document warning or a rejection, so keep its noise out.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

MAX_FILE_BYTES = Limits().max_file_bytes  # default; env THIDUA_MAX_FILE_MB, or ``max_bytes`` below

RESUBMIT = "Save it as .docx or PDF and submit it again"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# What each format is called in messages; its extension is its name.
_LABELS = {
    "docx": "a Word .docx document",
    "pdf": "a PDF",
    "doc": "a legacy Word .doc document",
    "rtf": "an RTF document",
    "odt": "an OpenDocument .odt document",
}

__all__ = ["MAX_FILE_BYTES", "Limits", "read_document"]


def read_document(
    path: str | Path, *, max_bytes: int | None = None, limits: Limits | None = None
) -> Document:
    """Read a .docx, PDF, .doc, .rtf or .odt file; raise :class:`UnreadableDocument` for anything else
    or anything broken or hostile. ``limits`` default to :meth:`Limits.from_env`; ``max_bytes``
    overrides the file-size limit."""
    limits = limits or Limits.from_env()
    if max_bytes is not None:
        limits = replace(limits, max_file_bytes=max_bytes)
    name = str(path)
    try:
        with Path(path).open("rb") as stream:
            check_size(name, os.fstat(stream.fileno()).st_size, limits)
            # Never more than the limit, even if the file grows meanwhile or is not a regular file.
            data = stream.read(limits.max_file_bytes + 1)
    except OSError as exc:
        raise UnreadableDocument(
            name, f"the file cannot be opened ({exc.strerror or exc})", "Check that the file exists"
        ) from exc
    check_size(name, len(data), limits)
    sha256 = hashlib.sha256(data).hexdigest()
    fmt = _sniff(name, data, limits)
    warnings: list[str] = []
    if fmt == "docx":
        document = read_docx(name, data, sha256)
    elif fmt == "pdf":
        warnings = check_pdf(name, data, limits)
        document = read_pdf(name, data, sha256)
    else:
        document = read_legacy(name, data, sha256, fmt, limits)
    extension = Path(name).suffix.lower().lstrip(".")
    if extension in _LABELS and extension != fmt:
        warnings.insert(0, f"the file is {_LABELS[fmt]} although its name ends in .{extension}")
    document.warnings[0:0] = warnings
    return document


def _sniff(name: str, data: bytes, limits: Limits) -> str:
    """Return "docx", "pdf", "doc", "rtf" or "odt", or raise UnreadableDocument naming what the bytes
    look like. Zip containers are checked (bombs, entities) here, before anything parses them."""
    if not data.strip():
        raise UnreadableDocument(name, "the file is empty", "Submit the report file again")
    if data.startswith(_OLE_MAGIC):
        return _sniff_ole(name, data)
    if data.startswith(b"PK"):
        return _sniff_zip(name, data, limits)
    # The PDF header may follow a little junk; readers accept it within the first kilobyte.
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data[:64].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"
    raise UnreadableDocument(name, f"the file is not a Word or PDF document ({_describe(data)})", RESUBMIT)


def _sniff_ole(name: str, data: bytes) -> str:
    """An OLE2 compound file: Word 97-2003, a password-protected .docx, or another Office format."""
    if _ole_has_stream(data, "EncryptedPackage"):
        raise UnreadableDocument(
            name,
            "the Word file is password-protected",
            "Remove the password (File > Info > Protect Document) and submit it again",
        )
    if _ole_has_stream(data, "WordDocument"):
        if _word97_encrypted(data):
            raise UnreadableDocument(
                name,
                "the legacy Word .doc file is password-protected",
                "Remove the password (Tools > Options > Security in Word), save it as .docx or PDF "
                "and submit it again",
            )
        return "doc"
    if _ole_has_stream(data, "Workbook") or _ole_has_stream(data, "Book"):
        found = "it is a legacy Excel .xls workbook, not a Word 97-2003 document"
    elif _ole_has_stream(data, "PowerPoint Document"):
        found = "it is a legacy PowerPoint .ppt presentation, not a Word 97-2003 document"
    else:
        found = "it is an old Office 97-2003 file, but not a Word 97-2003 document"
    raise UnreadableDocument(name, f"the file is not a Word or PDF document ({found})", RESUBMIT)


def _ole_directory_entries(data: bytes, stream: str) -> list[int]:
    """Offsets of the OLE directory entries named ``stream``.

    Directory entries are 128 bytes, aligned on 128 within sectors of 512 or 4096 bytes, and start
    with the UTF-16 name and its length in bytes (terminator included) at offset 64. Matching all of
    it avoids confusing a stream name with the same words in the document text."""
    needle = stream.encode("utf-16-le") + b"\0\0"
    size = len(needle).to_bytes(2, "little")
    found, start = [], 0
    while (at := data.find(needle, start)) != -1:
        if at % 128 == 0 and data[at + 64 : at + 66] == size:
            found.append(at)
        start = at + 1
    return found


def _ole_has_stream(data: bytes, stream: str) -> bool:
    return bool(_ole_directory_entries(data, stream))


def _word97_encrypted(data: bytes) -> bool:
    """The fEncrypted bit of the Word 97 file information block, at the start of "WordDocument"."""
    shift = int.from_bytes(data[30:32], "little")
    if shift not in (9, 12):
        return False
    sector = 1 << shift
    for entry in _ole_directory_entries(data, "WordDocument"):
        first = int.from_bytes(data[entry + 116 : entry + 120], "little")
        start = (first + 1) * sector
        fib = data[start : start + 12]
        if len(fib) == 12 and fib[:2] == b"\xec\xa5":
            return bool(int.from_bytes(fib[10:12], "little") & 0x0100)
    return False


def _sniff_zip(name: str, data: bytes, limits: Limits) -> str:
    with open_zip(name, data, limits) as archive:
        names = set(archive.namelist())
        if "word/document.xml" in names or _declares_word_main(archive):
            check_xml_parts(name, archive, odf=False)
            return "docx"
        mimetype = _odf_mimetype(archive)
        if mimetype == _ODT_MIMETYPE:
            check_xml_parts(name, archive, odf=True)
            return "odt"
    if any(n.startswith("xl/") for n in names):
        found = "it is an Excel workbook"
    elif any(n.startswith("ppt/") for n in names):
        found = "it is a PowerPoint presentation"
    elif mimetype and mimetype.startswith(b"application/vnd.oasis.opendocument."):
        kind = mimetype.rsplit(b".", 1)[-1].decode("ascii", errors="replace")
        found = f"it is an OpenDocument {kind} file, not a text document"
    elif "content.xml" in names:
        found = "it is an OpenDocument file of an unknown kind"
    else:
        found = "it is a zip archive without a Word document inside"
    raise UnreadableDocument(name, f"the file is not a Word or PDF document ({found})", RESUBMIT)


def _declares_word_main(archive: zipfile.ZipFile) -> bool:
    """Some generators name the main part differently; its content type still says what it is."""
    try:
        info = archive.getinfo("[Content_Types].xml")
        if info.file_size > 4 * MB:
            return False
        types = archive.read(info)
    except (KeyError, *ZIP_READ_ERRORS):
        return False
    return b"wordprocessingml.document.main+xml" in types


def _odf_mimetype(archive: zipfile.ZipFile) -> bytes | None:
    try:
        info = archive.getinfo("mimetype")
        if info.file_size > 200:
            return None
        return archive.read(info).strip()
    except (KeyError, *ZIP_READ_ERRORS):
        return None


def _describe(data: bytes) -> str:
    """A short guess at what a non-document file is, for the error message."""
    head = data[:2048].lstrip()
    lower = head.lower()
    if lower.startswith(b"{\\rtf"):
        return "it is an RTF file"
    if lower.startswith((b"<!doctype html", b"<html")) or b"<html" in lower[:512]:
        return "it looks like a web page (HTML)"
    if lower.startswith(b"<?xml"):
        return "it looks like an XML file (perhaps Word 2003 XML)"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")):
        return "it is an image (JPEG/PNG/TIFF)"
    sample = data[:4096]
    text = sample.decode("utf-8", errors="replace")
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
    if text.count("\ufffd") <= len(text) // 100 and printable >= 0.95 * len(text):
        return "it looks like plain text"
    # Legacy 8-bit encodings (TCVN3, VNI) are not UTF-8 but still have no control bytes.
    if sum(b >= 0x20 or b in b"\r\n\t" for b in sample) >= 0.98 * len(sample):
        return "it looks like plain text in a legacy encoding"
    return "unrecognised content"
