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

The checks live in :mod:`.zip_checks` (container), :mod:`.xml_scan` and :mod:`.opc_checks` (XML
parts and package structure) and :mod:`.pdf_checks`; the limits in :mod:`.limits`. This module keeps
the entry points the readers call and re-exports the rest, so ``extractors.readers.safety`` stays
the one place to import them from.
"""

from __future__ import annotations

import zipfile

from extractors.document import UnreadableDocument
from extractors.readers.limits import CRAFTED, RESAVE, RESAVE_WORD, Limits, mb
from extractors.readers.limits import MB as MB
from extractors.readers.opc_checks import ContentTypes, check_package, content_types
from extractors.readers.pdf_checks import check_pdf as check_pdf
from extractors.readers.xml_scan import scan_part
from extractors.readers.zip_checks import ZIP_READ_ERRORS, damaged_zip
from extractors.readers.zip_checks import check_entries as check_entries
from extractors.readers.zip_checks import open_zip as open_zip

_IMAGE_EXTENSIONS = {"png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "emf", "wmf", "emz", "wmz", "svg"}
_ODF_IMAGE_FOLDERS = ("Pictures/", "Thumbnails/", "ObjectReplacements/")
ENTITIES = "the document contains XML entity declarations, which Word never writes (a crafted file)"


# ------------------------------------------------------------------------------------------ size


def check_size(name: str, size: int, limits: Limits) -> None:
    """Refuse a file larger than the limit; called on the stat size and again on the bytes read."""
    if size > limits.max_file_bytes:
        raise UnreadableDocument(
            name,
            f"the file is {mb(size)} MB, larger than the {mb(limits.max_file_bytes)} MB limit",
            "Compress the images or split the report, then submit it again",
        )


# ---------------------------------------------------------------------------------- XML parts


def check_xml_parts(name: str, archive: zipfile.ZipFile, *, odf: bool) -> None:
    """Refuse XML parts that declare a DTD or entities, impossible table spans, and (Word files) parts
    whose root element is not the one Word writes (see the module docstring)."""
    types = None if odf else content_types(archive)
    images = _image_parts(archive, odf, types)
    for info in archive.infolist():
        if info.is_dir() or info.filename in images:
            continue
        try:
            found = scan_part(archive, info)
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
        check_package(name, archive, types)


def _image_parts(archive: zipfile.ZipFile, odf: bool, types: ContentTypes | None) -> set[str]:
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
