"""The styles part of a Word file, read only as far as the document asks.

A report asks its styles part for a handful of styles (the paragraph styles it uses, their
``w:basedOn`` chains, the default paragraph style, the document defaults), but Word's default
template writes some 9 000 elements there (hundreds of table styles with their borders): parsing the
part whole took 10 ms a file, half of reading a report. So the top-level elements are located in the
bytes, and each is parsed on its own the first time it is asked for, inside a copy of the root's
start tag, so that its namespace prefixes mean what they mean in the part.

That shortcut is taken only for the markup Word and LibreOffice write: UTF-8, the root ``styles``
holding nothing but ``docDefaults``, ``latentStyles`` and ``style`` elements of its own prefix, no
comment, CDATA section, processing instruction or namespace declaration below the root, and style
ids, types and default flags without character references. Anything else, and any fragment that
does not parse, is parsed whole instead, the way python-docx parses it, and looked up the same way
(``CT_Styles.get_by_id``: the first ``w:style`` child with that id) — the fast path never guesses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple, TypeVar

from lxml import etree

from extractors.readers.docx_xml import PARSER, W_NS, damaged, w

T = TypeVar("T")

_STYLE, _DOC_DEFAULTS = w("style"), w("docDefaults")
_TYPE, _DEFAULT, _STYLE_ID, _VAL = w("type"), w("default"), w("styleId"), w("val")
_BASED_ON, _NAME = w("basedOn"), w("name")
_ON = ("1", "true", "on")

_NAME_RE = rb"[A-Za-z_][\w.\-]*"
_ATTRS = rb"""((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)"""
_DECLARATION = re.compile(rb"""<\?xml\s[^>]*?\?>""")
_ENCODING = re.compile(rb"""encoding\s*=\s*["']([^"']*)["']""")
_ROOT = re.compile(rb"\s*<(" + _NAME_RE + rb"):styles" + _ATTRS + rb"\s*>")
_ATTR = re.compile(rb"""([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TOP_LEVEL = (b"docDefaults", b"latentStyles", b"style")


class StyleSheet:
    """Style elements by id, the default paragraph style and ``w:docDefaults`` of one styles part.

    Every lookup of one id gives the same element object, so a ``w:basedOn`` cycle is seen as one."""

    def __init__(self, name: str, blob: bytes | None = None, root: etree._Element | None = None) -> None:
        """From the part's bytes, or from a parsed root (python-docx's default styles); ``name`` is the
        file's, for the message when the part is damaged."""
        self.name = name
        self._blob = blob or b""
        self._by_id: dict[str, etree._Element | None] = {}
        self._default: etree._Element | None = None
        self._doc_defaults: etree._Element | None = None
        self._index: _ByteIndex | None = None  # the fast path, while it holds
        if root is not None:
            self._index_tree(root)
        else:
            self._index = _ByteIndex.of(self._blob)
            if self._index is None:
                self._parse_whole()

    # -- lookups --------------------------------------------------------------------------------------
    def get_by_id(self, style_id: str) -> etree._Element | None:
        """The first ``w:style`` with this ``w:styleId``, as python-docx finds it."""
        if self._index is not None and style_id not in self._by_id:
            element = self._element(self._index.styles.get(style_id))
            if self._index is None:  # that fragment did not parse: the whole part was parsed instead
                return self._by_id.get(style_id)
            self._by_id[style_id] = element
        return self._by_id.get(style_id)

    def default_paragraph(self) -> etree._Element | None:
        """The paragraph style marked default (usually "Normal"): a paragraph without (or with a
        dangling) ``w:pStyle`` has it."""
        if self._index is not None and self._default is None:
            element = self._element(self._index.default)
            if self._index is not None:
                self._default = element
        return self._default

    def doc_defaults(self) -> etree._Element | None:
        """``w:docDefaults``: the run and paragraph properties no style sets."""
        if self._index is not None and self._doc_defaults is None:
            element = self._element(self._index.doc_defaults)
            if self._index is not None:
                self._doc_defaults = element
        return self._doc_defaults

    def lookup(self, style_id: str | None, kind: str) -> etree._Element | None:
        """The style a paragraph or run names; a paragraph without one (or with a dangling one) has the
        default paragraph style, a run has none."""
        style = self.get_by_id(style_id) if style_id else None
        if style is None and kind == "paragraph":
            return self.default_paragraph()
        return style

    def first_in_chain(
        self, style: etree._Element | None, read: Callable[[etree._Element], T | None]
    ) -> T | None:
        """The first non-None ``read(style)`` along a style and the styles it is based on, as Word
        resolves a run property through ``w:basedOn`` (bold, the font family); cycle-safe."""
        seen: set[int] = set()
        while style is not None and id(style) not in seen:
            seen.add(id(style))
            value = read(style)
            if value is not None:
                return value
            based = child_val(style, _BASED_ON)
            style = self.get_by_id(based) if based else None
        return None

    # -- parsing --------------------------------------------------------------------------------------
    def _element(self, span: tuple[int, int] | None) -> etree._Element | None:
        """The top-level element at ``span`` of the bytes, parsed alone inside the root's tags."""
        if span is None or self._index is None:
            return None
        head, tail = self._index.wrap
        try:
            return etree.fromstring(head + self._blob[span[0] : span[1]] + tail, PARSER)[0]
        except (etree.LxmlError, IndexError):
            self._parse_whole()  # raises if the part itself is damaged
            return None

    def _parse_whole(self) -> None:
        self._index = None
        self._by_id.clear()
        self._default = self._doc_defaults = None
        try:
            root = etree.fromstring(self._blob, PARSER)
        except etree.LxmlError as exc:
            raise damaged(self.name, exc) from exc
        self._index_tree(root)

    def _index_tree(self, root: etree._Element) -> None:
        for child in root:
            if child.tag == _STYLE:
                style_id = child.get(_STYLE_ID)
                if style_id is not None and style_id not in self._by_id:
                    self._by_id[style_id] = child
                if self._default is None and child.get(_TYPE) == "paragraph" and child.get(_DEFAULT) in _ON:
                    self._default = child
            elif child.tag == _DOC_DEFAULTS and self._doc_defaults is None:
                self._doc_defaults = child


class _ByteIndex(NamedTuple):
    """Where the top-level elements of a styles part are in its bytes."""

    styles: dict[str, tuple[int, int]]  # the first w:style of each id
    default: tuple[int, int] | None  # the default paragraph style
    doc_defaults: tuple[int, int] | None
    wrap: tuple[bytes, bytes]  # the root's start and end tags, to parse a fragment in

    @classmethod
    def of(cls, blob: bytes) -> _ByteIndex | None:
        """The index, or None when the bytes are not plainly the markup Word writes."""
        pos = 0
        declaration = _DECLARATION.match(blob)
        if declaration:
            encoding = _ENCODING.search(declaration.group())
            if encoding and encoding.group(1).lower() not in (b"utf-8", b"utf8"):
                return None
            pos = declaration.end()
        if blob.find(b"<!") >= 0 or blob.find(b"<?", pos) >= 0:
            return None  # a comment, CDATA section, DTD or processing instruction
        root = _ROOT.match(blob, pos)
        if root is None or blob.find(b"xmlns", root.end()) >= 0:
            return None
        prefix = root.group(1)
        if dict(_attributes(root.group(2))).get(b"xmlns:" + prefix) != W_NS.encode():
            return None
        tags = _tags(prefix)
        styles: dict[str, tuple[int, int]] = {}
        default = doc_defaults = None
        pos = root.end()
        while (m := tags.child.match(blob, pos)) is not None:
            name = m.group(1)
            if name not in tags.end:
                return None  # an element Word does not write here
            end = m.end()
            if not m.group(3):  # not self-closing: up to its end tag, with no element of its name inside
                close = blob.find(tags.end[name], end)
                if close < 0 or tags.nested[name].search(blob, end, close):
                    return None
                end = close + len(tags.end[name])
            if name == b"style":
                values = dict(_attributes(m.group(2)))
                style_id, kind, is_default = (_plain(values.get(a, b"")) for a in tags.style_attrs)
                if None in (style_id, kind, is_default):
                    return None
                if tags.style_attrs[0] in values:
                    styles.setdefault(style_id, (m.start(), end))
                if default is None and kind == "paragraph" and is_default in _ON:
                    default = (m.start(), end)
            elif name == b"docDefaults" and doc_defaults is None:
                doc_defaults = (m.start(), end)
            pos = end
        if not tags.root_end.match(blob, pos):
            return None
        return cls(styles, default, doc_defaults, (root.group().lstrip(), b"</" + prefix + b":styles>"))


class _Tags(NamedTuple):
    child: re.Pattern[bytes]  # a top-level start tag: name, attributes, "/" when self-closing
    end: dict[bytes, bytes]  # end tag by name, for the names Word writes at the top level
    nested: dict[bytes, re.Pattern[bytes]]  # a start tag of that name
    style_attrs: tuple[bytes, bytes, bytes]  # styleId, type, default with the prefix
    root_end: re.Pattern[bytes]


@lru_cache(maxsize=8)  # one entry per namespace prefix seen; Word always writes "w"
def _tags(prefix: bytes) -> _Tags:
    return _Tags(
        re.compile(rb"\s*<" + re.escape(prefix) + rb":(" + _NAME_RE + rb")" + _ATTRS + rb"\s*(/?)>"),
        {name: b"</" + prefix + b":" + name + b">" for name in _TOP_LEVEL},
        {name: re.compile(b"<" + re.escape(prefix + b":" + name) + rb"[\s/>]") for name in _TOP_LEVEL},
        (prefix + b":styleId", prefix + b":type", prefix + b":default"),
        re.compile(rb"\s*</" + re.escape(prefix) + rb":styles\s*>\s*\Z"),
    )


def _plain(value: bytes) -> str | None:
    """An attribute value as an XML parser gives it, when no parser is needed for that: None when it
    holds a character reference or white space the parser would normalise, or is not UTF-8."""
    if b"&" in value or re.search(rb"[\t\r\n]", value):
        return None
    try:
        return value.decode()
    except UnicodeDecodeError:
        return None


def _attributes(raw: bytes) -> list[tuple[bytes, bytes]]:
    return [(m.group(1), m.group(2) if m.group(2) is not None else m.group(3)) for m in _ATTR.finditer(raw)]


def child_val(element: etree._Element, tag: str) -> str | None:
    """``w:val`` of the first ``tag`` child of ``element``."""
    child = element.find(tag)
    return None if child is None else child.get(_VAL)


def style_name(style: etree._Element | None) -> str | None:
    """The name a style is stored under (``w:name/@w:val``), None when it has none."""
    return None if style is None else child_val(style, _NAME)
