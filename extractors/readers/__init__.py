"""Turn a submitted file into a :class:`~extractors.document.Document`, or say why it cannot be read.

The format is sniffed from the bytes, never from the extension: submitters rename files freely (a
``.doc`` saved as ``.docx``, an HTML export called ``.doc``). Every failure of the parsing libraries
becomes :class:`UnreadableDocument` with a problem and a remedy a submitter can act on; the library
calls are wrapped individually so that bugs in our own code still surface as real tracebacks.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

from extractors.document import Document, UnreadableDocument
from extractors.readers.docx import read_docx
from extractors.readers.pdf import read_pdf

MB = 1024 * 1024
MAX_FILE_BYTES = 50 * MB  # default limit; pass ``max_bytes`` to read_document to change it

RESUBMIT = "Save it as .docx or PDF and submit it again"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An OOXML file protected with a password is an OLE container holding this stream (UTF-16 name).
_OLE_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")

__all__ = ["MAX_FILE_BYTES", "read_document"]


def read_document(path: str | Path, *, max_bytes: int = MAX_FILE_BYTES) -> Document:
    """Read a .docx or PDF file; raise :class:`UnreadableDocument` for anything else or anything broken."""
    name = str(path)
    try:
        size = Path(path).stat().st_size
        if size > max_bytes:
            raise UnreadableDocument(
                name,
                f"the file is {size / MB:.1f} MB, larger than the {max_bytes / MB:.3g} MB limit",
                "Reduce image resolution or split the report, then submit it again",
            )
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UnreadableDocument(
            name, f"the file cannot be opened ({exc.strerror or exc})", "Check that the file exists"
        ) from exc
    sha256 = hashlib.sha256(data).hexdigest()
    if _sniff(name, data) == "docx":
        return read_docx(name, data, sha256)
    return read_pdf(name, data, sha256)


def _sniff(name: str, data: bytes) -> str:
    """Return "docx" or "pdf", or raise UnreadableDocument naming what the bytes look like."""
    if not data.strip():
        raise UnreadableDocument(name, "the file is empty", "Submit the report file again")
    if data.startswith(_OLE_MAGIC):
        if _OLE_ENCRYPTED in data:
            raise UnreadableDocument(
                name,
                "the Word file is password-protected",
                "Remove the password (File > Info > Protect Document) and submit it again",
            )
        raise UnreadableDocument(
            name,
            "this is a legacy Word 97-2003 .doc file (or another old Office format), which is not supported",
            "Open it in Word or LibreOffice and save it as .docx or PDF, then submit it again",
        )
    if data.startswith(b"PK"):
        return _sniff_zip(name, data)
    # The PDF header may follow a little junk; readers accept it within the first kilobyte.
    if b"%PDF-" in data[:1024]:
        return "pdf"
    raise UnreadableDocument(name, f"the file is not a Word or PDF document ({_describe(data)})", RESUBMIT)


def _sniff_zip(name: str, data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise UnreadableDocument(
            name,
            "the zip archive is truncated or damaged (the upload may have been cut off)",
            "Submit the original file again; if it still fails, re-save it as .docx or PDF",
        ) from exc
    if "word/document.xml" in names or _declares_word_main(data):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        found = "it is an Excel workbook"
    elif any(n.startswith("ppt/") for n in names):
        found = "it is a PowerPoint presentation"
    elif "content.xml" in names:
        found = "it is an OpenDocument (.odt/.ods) file"
    else:
        found = "it is a zip archive without a Word document inside"
    raise UnreadableDocument(name, f"the file is not a Word or PDF document ({found})", RESUBMIT)


def _declares_word_main(data: bytes) -> bool:
    """Some generators name the main part differently; its content type still says what it is."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            types = archive.read("[Content_Types].xml")
    except (KeyError, zipfile.BadZipFile, ValueError, EOFError, OSError):
        return False
    return b"wordprocessingml.document.main+xml" in types


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
