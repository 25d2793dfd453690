"""Checks on a submitted file made before any parser sees it: size, zip bombs, XML entities, PDF pages.

Submitted files are untrusted. Everything here is cheap and runs before python-docx, pdfplumber or
LibreOffice touch the bytes:

* **Size.** A file larger than ``THIDUA_MAX_FILE_MB`` (default 50) is refused from its ``stat``
  size, before it is read into memory.
* **Zip containers** (.docx, .odt). The end-of-central-directory record is read by hand first, so a
  directory of millions of entries is refused before :mod:`zipfile` builds an object per entry. Then,
  from the central directory alone (nothing is decompressed): at most 5 000 entries, at most
  ``THIDUA_MAX_UNZIPPED_MB`` (default 200) declared uncompressed bytes in total, no entry over 1 MB
  compressed more than 200:1, no absolute or ``..`` entry names, no zip-encrypted entries, and only
  the stored/deflate methods Word and LibreOffice write (others make :mod:`zipfile` raise
  ``NotImplementedError``/``RuntimeError``, which would escape the readers). Declared sizes are what
  counts: :mod:`zipfile` never inflates an entry beyond its declared size (it stops there and the CRC
  check fails), so an entry that lies about its size cannot expand further in our process.
* **XML entities.** Word never writes a DTD. Every XML part (images skipped) is scanned, decoded in
  the encoding it declares (so a UTF-16 or EBCDIC part cannot hide the keyword), for ``<!DOCTYPE``
  and ``<!ENTITY``; OpenDocument files are allowed the ``DOCTYPE`` old OpenOffice wrote in
  ``META-INF/manifest.xml`` but no entity declaration anywhere.

  What the libraries do without this check, measured with lxml 6.1 / libxml2 2.14 and python-docx
  1.2: python-docx parses parts with ``XMLParser(resolve_entities=False)``, and libxml2 refuses a
  "billion laughs" (10^9 expansions) in every parser configuration, ``huge_tree`` included, with
  ``XMLSyntaxError: Maximum entity amplification factor exceeded`` in milliseconds and without
  memory growth — so the attack fails either way, but as a "damaged file" error. Smaller expansions
  (10^3) are NOT refused: python-docx keeps the entity reference and its text is silently lost, and
  lxml's default parser (``resolve_entities="internal"``, used by ``readers.docx`` for footnotes)
  expands them. External entities (``SYSTEM "file:///…"``) are not loaded by lxml ≥ 5 defaults nor
  by python-docx's parser. Refusing every declaration up front gives one clear message and does
  not depend on library versions (LibreOffice, which reads .odt files, has its own parser).
* **PDF.** The page tree is counted with pdfminer (cheap: no content stream is parsed) and a PDF
  with no pages or more than ``THIDUA_MAX_PDF_PAGES`` (default 500) pages is refused before layout
  analysis. A PDF whose cross-reference table is broken is still read when pdfminer can rebuild it
  by scanning the file; the document then carries a warning. Encrypted and unparseable PDFs are
  left to :func:`extractors.readers.pdf.read_pdf`, which explains them.
"""

from __future__ import annotations

import codecs
import io
import logging
import os
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice

from lxml import etree

from extractors.document import UnreadableDocument

log = logging.getLogger(__name__)

MB = 1024 * 1024
RESAVE = "Open it in Word or LibreOffice, save it again as .docx or PDF and submit it again"
CRAFTED = "a crafted or damaged file"
_RATIO_MIN_BYTES = 1 * MB  # small entries may compress very well (runs of spaces) and are harmless
_CHUNK = 1 << 20
# What reading an entry of a damaged archive raises (ValueError: a negative seek from a bad offset).
ZIP_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError)


@dataclass(frozen=True)
class Limits:
    """Limits on submitted files; :meth:`from_env` reads the ``THIDUA_MAX_*`` variables."""

    max_file_bytes: int = 50 * MB
    max_zip_entries: int = 5000
    max_unzipped_bytes: int = 200 * MB
    max_ratio: float = 200.0
    max_pdf_pages: int = 500

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Limits:
        env = os.environ if environ is None else environ
        default = cls()
        return cls(
            max_file_bytes=int(_env_number(env, "THIDUA_MAX_FILE_MB", default.max_file_bytes / MB) * MB),
            max_zip_entries=int(_env_number(env, "THIDUA_MAX_ZIP_ENTRIES", default.max_zip_entries)),
            max_unzipped_bytes=int(
                _env_number(env, "THIDUA_MAX_UNZIPPED_MB", default.max_unzipped_bytes / MB) * MB
            ),
            max_ratio=default.max_ratio,
            max_pdf_pages=int(_env_number(env, "THIDUA_MAX_PDF_PAGES", default.max_pdf_pages)),
        )


def _env_number(env: Mapping[str, str], key: str, default: float) -> float:
    raw = env.get(key, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if value <= 0:
        log.warning("ignoring %s=%r: not a positive number; using %g", key, raw, default)
        return default
    return value


# ------------------------------------------------------------------------------------------ size


def check_size(name: str, size: int, limits: Limits) -> None:
    if size > limits.max_file_bytes:
        raise UnreadableDocument(
            name,
            f"the file is {_mb(size)} MB, larger than the {_mb(limits.max_file_bytes)} MB limit",
            "Compress the images or split the report, then submit it again",
        )


def _mb(n: float) -> str:
    return f"{n / MB:.3g}" if n < 10 * MB else f"{n / MB:.0f}"


# ------------------------------------------------------------------------------------------- zip


def open_zip(name: str, data: bytes, limits: Limits) -> zipfile.ZipFile:
    """Open a zip container after checking its central directory; the caller closes it."""
    _precount_entries(name, data, limits)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    # NotImplementedError: an entry needs a newer zip version than Python reads (a damaged header).
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        ValueError,
        EOFError,
        struct.error,
    ) as exc:
        raise damaged_zip(name) from exc
    try:
        check_entries(name, archive.infolist(), limits)
    except UnreadableDocument:
        archive.close()
        raise
    return archive


def damaged_zip(name: str) -> UnreadableDocument:
    return UnreadableDocument(
        name,
        "the zip archive is truncated or damaged (the upload may have been cut off)",
        "Submit the original file again; if it still fails, re-save it as .docx or PDF",
    )


def _precount_entries(name: str, data: bytes, limits: Limits) -> None:
    """Refuse a central directory with too many entries before :mod:`zipfile` reads it."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or end + 22 > len(data):
        return  # no end record: zipfile will say the archive is damaged
    _, _, _, declared, cd_size, cd_offset, _ = struct.unpack("<HHHHIIH", data[end + 4 : end + 22])
    if declared == 0xFFFF or cd_size == 0xFFFFFFFF or cd_offset == 0xFFFFFFFF:
        # Zip64: a real count is in the zip64 record; the signature count below bounds it anyway.
        cd_start, cd_end = 0, end
    else:
        cd_start, cd_end = max(0, end - cd_size), end
    # Every central-directory entry starts with this signature: counting it bounds the entries
    # however the counters in the end record lie.
    found = data.count(b"PK\x01\x02", cd_start, cd_end)
    count = max(found, 0 if declared == 0xFFFF else declared)
    if count > limits.max_zip_entries:
        raise _too_many(name, count, limits)


def _too_many(name: str, count: int, limits: Limits) -> UnreadableDocument:
    return UnreadableDocument(
        name,
        f"the archive holds {count} parts, more than the {limits.max_zip_entries} a report can have "
        f"({CRAFTED})",
        RESAVE,
    )


def check_entries(name: str, infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(infos) > limits.max_zip_entries:
        raise _too_many(name, len(infos), limits)
    total = 0
    for info in infos:
        entry = info.filename
        parts = entry.replace("\\", "/").split("/")
        if entry.startswith(("/", "\\")) or ".." in parts or re.match(r"[A-Za-z]:", entry):
            raise UnreadableDocument(
                name, f"the archive contains a part with an unsafe path ({entry!r}; {CRAFTED})", RESAVE
            )
        if info.flag_bits & 0x41:  # bit 0: encrypted; bit 6: "strong" encryption
            raise UnreadableDocument(
                name,
                "parts of the archive are encrypted with a zip password",
                "Remove the password, save it as .docx or PDF and submit it again",
            )
        if info.flag_bits & 0x20:  # "compressed patched data" (zipfile raises NotImplementedError)
            raise UnreadableDocument(
                name, f"the archive uses a zip feature Word does not write (patched data; {CRAFTED})", RESAVE
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UnreadableDocument(
                name,
                f"the archive uses a compression method Word does not write (method {info.compress_type}; "
                f"{CRAFTED})",
                RESAVE,
            )
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_MIN_BYTES and ratio > limits.max_ratio:
            raise UnreadableDocument(
                name,
                f"the archive expands to {_mb(sum(i.file_size for i in infos))} MB (a zip bomb or a "
                f"damaged file: {entry} is compressed {ratio:.0f} to 1)",
                RESAVE,
            )
    if total > limits.max_unzipped_bytes:
        raise UnreadableDocument(
            name,
            f"the archive expands to {_mb(total)} MB (a zip bomb or a damaged file; the limit is "
            f"{_mb(limits.max_unzipped_bytes)} MB)",
            RESAVE,
        )


# ---------------------------------------------------------------------------------- XML parts

# What the scan looks for: a DTD or entity declaration, and a table span of 1000 columns or more,
# which no real table has (Word allows 63; docx.py loops over a cell's span, so a span of 10^11 would
# hang the reader). Two patterns, each with a literal prefix, are 30 times faster than one with an
# alternation; XML keywords and element names are case-sensitive.
_DECLARATION = r"<!(DOCTYPE|ENTITY)"
_SPAN = r"grid(?:Span|Before|After)\b[^>]{0,200}?val\s*=\s*[\"']\s*\+?0*(\d{4,})"
_PATTERNS_BYTES = (re.compile(_DECLARATION.encode()), re.compile(_SPAN.encode()))
_PATTERNS_TEXT = (re.compile(_DECLARATION), re.compile(_SPAN))
_OVERLAP = 300  # bytes kept between chunks so a match cut by a chunk boundary is still found
_ENCODING = re.compile(rb"""^<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
# Byte-order marks and the first four bytes of "<?xm" in encodings that are not ASCII-compatible
# (XML 1.0, appendix F).
_SIGNATURES = (
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"\x4c\x6f\xa7\x94", "cp500"),
)
_IMAGE_EXTENSIONS = {"png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "emf", "wmf", "emz", "wmz", "svg"}
_ODF_IMAGE_FOLDERS = ("Pictures/", "Thumbnails/", "ObjectReplacements/")
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_STRICT = "{http://purl.oclc.org/ooxml/wordprocessingml/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationships"
# Root element python-docx expects of each Word part, by the end of its content type. A part with
# another root makes python-docx (or our reader) fail with AttributeError/TypeError, not a parse error.
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_ROOTS = {
    _WML + "document.main+xml": "document",
    _WML + "template.main+xml": "document",
    "application/vnd.ms-word.document.macroenabled.main+xml": "document",
    "application/vnd.ms-word.template.macroenabledtemplate.main+xml": "document",
    _WML + "styles+xml": "styles",
    _WML + "header+xml": "hdr",
    _WML + "footer+xml": "ftr",
    _WML + "footnotes+xml": "footnotes",
    _WML + "endnotes+xml": "endnotes",
    _WML + "numbering+xml": "numbering",
    _WML + "settings+xml": "settings",
    _WML + "comments+xml": "comments",
}
ENTITIES = "the document contains XML entity declarations, which Word never writes (a crafted file)"
RESAVE_WORD = "Open it in Word, save it again as .docx (or export a PDF) and submit it again"


def check_xml_parts(name: str, archive: zipfile.ZipFile, *, odf: bool) -> None:
    """Refuse XML parts that declare a DTD or entities, impossible table spans, and (Word files) parts
    whose root element is not the one Word writes (see the module docstring)."""
    types = None if odf else _content_types(archive)
    images = _image_parts(archive, odf, types)
    for info in archive.infolist():
        if info.is_dir() or info.filename in images:
            continue
        try:
            found = _scan_part(archive, info)
        except ZIP_READ_ERRORS as exc:
            raise damaged_zip(name) from exc
        if found is None:
            continue
        kind, detail = found
        if kind == "encoding":
            raise UnreadableDocument(
                name,
                f"the part {info.filename} declares a text encoding Word never writes ({detail}; {CRAFTED})",
                RESAVE,
            )
        if kind == "span":
            raise UnreadableDocument(
                name,
                f"a table in the document spans {detail} columns, which no real table does ({CRAFTED})",
                RESAVE_WORD,
            )
        # Old OpenOffice wrote a DOCTYPE (no entities) in the manifest of .odt files.
        if kind == "ENTITY" or not (odf and info.filename == "META-INF/manifest.xml"):
            raise UnreadableDocument(name, ENTITIES, RESAVE_WORD)
    if not odf:
        _check_package(name, archive, types)


def _image_parts(archive: zipfile.ZipFile, odf: bool, types: _Types | None) -> set[str]:
    """Parts not scanned: images (an SVG may legitimately carry a DTD and entities)."""
    names = [i.filename for i in archive.infolist()]
    if odf:
        return {n for n in names if n.startswith(_ODF_IMAGE_FOLDERS)}
    if types is None:
        return set()
    return {
        n
        for n in names
        if types.of(n).startswith("image/") and n.rsplit(".", 1)[-1].lower() in _IMAGE_EXTENSIONS
    }


@dataclass
class _Types:
    """[Content_Types].xml: Override (part name -> type) and Default (extension -> type), lowercased."""

    overrides: dict[str, str] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)
    problem: str | None = None  # why python-docx could not use it, if it cannot

    def of(self, part: str) -> str:
        part = part.lower().lstrip("/")
        ext = part.rsplit(".", 1)[-1] if "." in part.rsplit("/", 1)[-1] else ""
        return self.overrides.get("/" + part, self.defaults.get(ext, ""))


def _content_types(archive: zipfile.ZipFile) -> _Types | None:
    """The content types, or None when [Content_Types].xml is missing or not XML: then no part
    counts as an image (all are scanned) and python-docx refuses the package itself.

    Parsed only if the part scans clean (no DTD)."""
    try:
        info = archive.getinfo("[Content_Types].xml")
        if _scan_part(archive, info) is not None:
            return None  # check_xml_parts refuses it when it gets to it
        root = etree.fromstring(archive.read(info), _SAFE_PARSER)
    except (KeyError, etree.LxmlError, *ZIP_READ_ERRORS):
        return None
    types = _Types()
    if root.tag != f"{_CT}Types":
        types.problem = f"its [Content_Types].xml has <{_local(root.tag)}> where Word writes <Types>"
        return types
    for element in root:
        kind, ctype = _local(str(element.tag)), element.get("ContentType")
        key = element.get("PartName" if kind == "Override" else "Extension")
        if kind in ("Override", "Default") and (key is None or ctype is None):
            types.problem = f"its [Content_Types].xml has a <{kind}> entry without a name or a type"
        elif kind == "Override":
            types.overrides[key.lower()] = ctype.lower()
        elif kind == "Default":
            types.defaults[key.lower()] = ctype.lower()
    return types


_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
# Parts python-docx (or our reader) uses through the main document's relationships, by relationship
# type, and the content type (end) each must have: with another one python-docx makes a generic Part
# and fails with AttributeError when the part is used.
_RELATED = {
    kind: _WML + kind + "+xml"
    for kind in ("styles", "header", "footer", "footnotes", "endnotes", "numbering", "settings", "comments")
}


def _check_package(name: str, archive: zipfile.ZipFile, types: _Types | None) -> None:
    """The OPC structure python-docx relies on without checking it: content types, relationships,
    the content type of each part the main document refers to (python-docx compares them exactly),
    and the root element of each Word part."""
    if types is None:
        return
    if types.problem:
        raise UnreadableDocument(name, f"the Word file is damaged ({types.problem})", RESAVE_WORD)
    names = {i.filename.lower(): i for i in archive.infolist()}
    relationships = {
        n: _relationships(name, archive, info) for n, info in names.items() if n.endswith(".rels")
    }
    main = next(
        (t for k, t in _targets(relationships.get("_rels/.rels", []), "") if k == "officeDocument"), None
    )
    if main is not None:
        folder = posixpath.dirname(main)
        rels = relationships.get(posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels"), [])
        for kind, target in _targets(rels, folder):
            want = _RELATED.get(kind)
            if want and target in names and types.of(target) != want:
                raise UnreadableDocument(
                    name,
                    f"the Word file is damaged (its {kind} part {target} has the content type "
                    f"{types.of(target) or 'none'})",
                    RESAVE_WORD,
                )
    _check_roots(name, archive, names, types)


def _relationships(name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> list[etree._Element]:
    """The relationships of a .rels part, each with the Id, Type and Target python-docx needs."""
    try:
        root = etree.fromstring(archive.read(info), _SAFE_PARSER)
    except ZIP_READ_ERRORS as exc:
        raise damaged_zip(name) from exc
    except etree.LxmlError:
        return []  # not XML: python-docx refuses it, if it reads it at all, with its own message
    if root.tag != _RELS:
        problem = f"its part {info.filename} has <{_local(str(root.tag))}> where Word writes <Relationships>"
        raise UnreadableDocument(name, f"the Word file is damaged ({problem})", RESAVE_WORD)
    relationships = [rel for rel in root if rel.tag == _REL]
    for rel in relationships:
        if not (rel.get("Id") and rel.get("Type") and rel.get("Target") is not None):
            problem = f"its part {info.filename} has a relationship without an Id, Type or Target"
            raise UnreadableDocument(name, f"the Word file is damaged ({problem})", RESAVE_WORD)
    return relationships


def _targets(relationships: list[etree._Element], folder: str) -> list[tuple[str, str]]:
    """(type, lowercased target part) of internal relationships."""
    found = []
    for rel in relationships:
        target, kind = rel.get("Target") or "", (rel.get("Type") or "").rsplit("/", 1)[-1]
        if rel.get("TargetMode") == "External" or not target:
            continue
        part = posixpath.normpath(target if target.startswith("/") else posixpath.join("/", folder, target))
        found.append((kind, part.lstrip("/").lower()))
    return found


def _check_roots(
    name: str, archive: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo], types: _Types
) -> None:
    """Each Word part has the root element python-docx expects; the main part has a body."""
    expected = {
        part.lstrip("/"): _W + _ROOTS[ctype] for part, ctype in types.overrides.items() if ctype in _ROOTS
    }
    for part, want in expected.items():
        info = names.get(part)
        if info is None:
            continue  # a part named but missing: python-docx reports it
        try:
            root, body = _root_of(archive, info, want == _W + "document")
        except ZIP_READ_ERRORS as exc:
            raise damaged_zip(name) from exc
        if root is None:
            continue  # not well-formed: python-docx refuses it with the parser's own message
        if root.startswith(_W_STRICT):
            raise UnreadableDocument(
                name,
                'the Word file is saved as "Strict Open XML Document", which is not supported',
                'Save it in Word as "Word Document (*.docx)" or as PDF and submit it again',
            )
        if root != want or (want == _W + "document" and not body):
            found = (
                "no document body" if root == want else f"<{_local(root)}> where Word writes <{_local(want)}>"
            )
            raise UnreadableDocument(
                name, f"the Word file is damaged (its part {info.filename} has {found})", RESAVE_WORD
            )


def _root_of(archive: zipfile.ZipFile, info: zipfile.ZipInfo, want_body: bool) -> tuple[str | None, bool]:
    """The root tag of a part and whether it has a w:body child, parsing only the start of the part."""
    root: str | None = None
    with archive.open(info) as stream:
        events = etree.iterparse(
            stream, events=("start",), resolve_entities=False, no_network=True, load_dtd=False
        )
        try:
            for _, element in events:
                if root is None:
                    root = element.tag
                    if not want_body:
                        return root, False
                    continue
                parent = element.getparent()
                if parent is not None and parent.getparent() is None:  # a child of the root
                    if element.tag == _W + "body":
                        return root, True
                    if element.tag != _W + "background":
                        return root, False
        except etree.LxmlError:
            return root if root is not None and not want_body else None, False
    return root, False


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _scan_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[str, str] | None:
    """("DOCTYPE"|"ENTITY", "") for a declaration, ("span", n) for an impossible table span,
    ("encoding", name) for XML in an encoding Python does not know, else None (also for parts that
    are not XML at all: media, fonts, embedded objects)."""
    with archive.open(info) as stream:
        head = stream.read(_CHUNK)
        encoding = _xml_encoding(head)
        if encoding is None:
            return None
        if encoding == "utf-8":
            chunks: Iterator[bytes | str] = _chain(head, stream)
            patterns: tuple[re.Pattern, ...] = _PATTERNS_BYTES
        else:
            try:
                decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
            except LookupError:
                return "encoding", encoding
            chunks = (decoder.decode(chunk) for chunk in _chain(head, stream))
            patterns = _PATTERNS_TEXT
        tail = None
        for chunk in chunks:
            window = chunk if tail is None else tail + chunk
            declaration, span = (pattern.search(window) for pattern in patterns)
            if declaration:
                return _text(declaration.group(1)), ""
            if span:
                return "span", _text(span.group(1))
            tail = window[-_OVERLAP:]
    return None


def _text(value: bytes | str) -> str:
    return value.decode("ascii") if isinstance(value, bytes) else value


def _chain(head: bytes, stream: io.BufferedIOBase) -> Iterator[bytes]:
    yield head
    while chunk := stream.read(_CHUNK):
        yield chunk


def _xml_encoding(head: bytes) -> str | None:
    """The Python codec an XML part is written in ("utf-8" for every encoding in which the markup
    is plain ASCII bytes), or None if the bytes do not look like XML."""
    for signature, encoding in _SIGNATURES:
        if head.startswith(signature):
            return encoding
    stripped = head.removeprefix(codecs.BOM_UTF8).lstrip(b" \t\r\n")
    if not stripped.startswith(b"<"):
        return None
    declared = _ENCODING.match(stripped)
    if not declared:
        return "utf-8"
    label = declared.group(1).decode("ascii")
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return label  # unknown to Python: reported as "encoding"
    markup = '<!DOCTYPE ENTITY gridSpan val="0123456789">'
    return "utf-8" if markup.encode(codec, errors="replace") == markup.encode("ascii") else codec


# ------------------------------------------------------------------------------------------- PDF


def check_pdf(name: str, data: bytes, limits: Limits) -> list[str]:
    """Refuse a PDF with no pages or too many; return warnings (a rebuilt cross-reference table)."""
    from pdfminer.pdfdocument import PDFDocument, PDFXRefFallback
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        count = sum(1 for _ in islice(PDFPage.create_pages(document), limits.max_pdf_pages + 1))
    except Exception:  # pdfminer raises many types; read_pdf opens it again and explains the failure
        return []
    if count == 0:
        raise UnreadableDocument(
            name,
            "the PDF has no pages",
            "Export or print the report to PDF again (or save the Word file as .docx) and submit it again",
        )
    if count > limits.max_pdf_pages:
        raise UnreadableDocument(
            name,
            f"the PDF has more than {limits.max_pdf_pages} pages, the limit for one report",
            "Submit the report without its annexes, or split it into files of at most "
            f"{limits.max_pdf_pages} pages",
        )
    if any(isinstance(xref, PDFXRefFallback) for xref in document.xrefs):
        return ["the PDF's cross-reference table is damaged; it was rebuilt by scanning the file"]
    return []
