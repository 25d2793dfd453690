"""A CID font's dictionary read without its ``/W`` array.

Why: :mod:`.pdf_fonts` needs a CID font's subtype and descriptor, never its widths (pdfium gives
those), but pdfminer parses an object whole, and ``/W`` holds a width for every glyph used: 600
numbers in a LibreOffice report's font, ≈ 3.5 ms a font with pdfminer's tokenizer, 12 ms of a
short report's 90 (three fonts). So the object's bytes are taken from the file at the offset the
cross-reference table gives, the ``/W`` array is cut out, and the rest is parsed by pdfminer as
usual. Where this cannot be done (an object inside an object stream, a damaged or unexpected
object), :func:`cid_font_dict` returns None and the caller parses it the usual way.
"""

from __future__ import annotations

import io
import re
from typing import Any

from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef
from pdfminer.psparser import PSKeyword

_MAX_OBJECT = 1 << 20  # a font dictionary is a few kB; more is not one
_W_KEY = re.compile(rb"/W(?=[\s\[])")


def cid_font_dict(ref: object) -> dict[str, Any] | None:
    """The dictionary of the indirect object ``ref`` without ``/W``, or None (parse it normally)."""
    if not isinstance(ref, PDFObjRef) or ref.doc is None:
        return None
    doc = ref.doc
    if doc.decipher is not None:  # strings of an encrypted file are deciphered by the normal path
        return None
    position = _position(doc, ref.objid)
    if position is None:
        return None
    fp = doc._parser.fp  # the file pdfminer reads from (pdfplumber opens it from bytes)
    here = fp.tell()
    try:
        fp.seek(position)
        head = fp.read(_MAX_OBJECT)
    finally:
        fp.seek(here)
    end = head.find(b"endobj")
    if end < 0 or b"stream" in head[:end]:
        return None
    body = _without_widths(head[: end + len(b"endobj")])  # the keyword ends the parser's last token
    if body is None:
        return None
    parser = PDFParser(io.BytesIO(body))
    parser.set_document(doc)
    try:
        (_, objid) = parser.nexttoken()
        parser.nexttoken()  # generation
        (_, keyword) = parser.nexttoken()
        if objid != ref.objid or not (isinstance(keyword, PSKeyword) and keyword.name == b"obj"):
            return None
        (_, obj) = parser.nextobject()
    except Exception:  # anything unexpected: the normal path parses it and reports what is wrong
        return None
    return obj if isinstance(obj, dict) else None


def _position(doc: Any, objid: int) -> int | None:
    for xref in doc.xrefs:
        try:
            stream, position, _ = xref.get_pos(objid)
        except KeyError:
            continue
        return None if stream is not None else position  # inside an object stream: no offset
    return None


def _without_widths(data: bytes) -> bytes | None:
    """``data`` with the ``/W [...]`` entry removed (its arrays nest one level), None if unbalanced."""
    m = _W_KEY.search(data)
    if m is None:
        return data
    start = data.find(b"[", m.end())
    if start < 0 or data[m.end() : start].strip():
        return None  # /W given by reference ("/W 12 0 R"): nothing big to skip, parse it normally
    depth = 0
    for i in range(start, len(data)):
        byte = data[i]
        if byte == 0x5B:  # [
            depth += 1
        elif byte == 0x5D:  # ]
            depth -= 1
            if depth == 0:
                return data[: m.start()] + data[i + 1 :]
    return None
