"""Byte-level scan of one XML part of a zip container, without parsing it.

Looks for DTD/entity declarations and impossible table spans in every encoding a part may declare
(so a UTF-16 or EBCDIC part cannot hide the keyword), streaming the part in chunks so a large part
is never held whole. Split from :mod:`.safety`; used by :mod:`.safety` (every part) and
:mod:`.opc_checks` (``[Content_Types].xml`` before it is parsed).
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections.abc import Iterator

_CHUNK = 1 << 20
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


def scan_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[str, str] | None:
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
