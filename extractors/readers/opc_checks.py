"""Checks on the OPC structure of a Word package that python-docx relies on without checking.

Content types, relationships, the content type of each part the main document refers to, and the
root element of each Word part: with any of them wrong python-docx fails later with
AttributeError/TypeError instead of a parse error, so they are refused here with a message a
submitter can act on. Split from :mod:`.safety`, whose :func:`~.safety.check_xml_parts` calls
:func:`content_types` and :func:`check_package`.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from extractors.document import UnreadableDocument
from extractors.readers.limits import RESAVE_WORD
from extractors.readers.xml_scan import scan_part
from extractors.readers.zip_checks import ZIP_READ_ERRORS, damaged_zip

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


@dataclass
class ContentTypes:
    """[Content_Types].xml: Override (part name -> type) and Default (extension -> type), lowercased."""

    overrides: dict[str, str] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)
    problem: str | None = None  # why python-docx could not use it, if it cannot

    def of(self, part: str) -> str:
        part = part.lower().lstrip("/")
        ext = part.rsplit(".", 1)[-1] if "." in part.rsplit("/", 1)[-1] else ""
        return self.overrides.get("/" + part, self.defaults.get(ext, ""))


def content_types(archive: zipfile.ZipFile) -> ContentTypes | None:
    """The content types, or None when [Content_Types].xml is missing or not XML: then no part
    counts as an image (all are scanned) and python-docx refuses the package itself.

    Parsed only if the part scans clean (no DTD)."""
    try:
        info = archive.getinfo("[Content_Types].xml")
        if scan_part(archive, info) is not None:
            return None  # check_xml_parts refuses it when it gets to it
        root = etree.fromstring(archive.read(info), _SAFE_PARSER)
    except (KeyError, etree.LxmlError, *ZIP_READ_ERRORS):
        return None
    types = ContentTypes()
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


def check_package(name: str, archive: zipfile.ZipFile, types: ContentTypes | None) -> None:
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


_PEEK = 4096  # bytes of a part fed to the parser at a time


def _check_roots(
    name: str, archive: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo], types: ContentTypes
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
    """The root tag of a part and whether it has a w:body child, parsing only the start of the part.

    The part is fed to a pull parser a few kB at a time: the answer is in its first elements, and
    ``iterparse`` would parse a whole 32 kB block of every part first (a third of the checks' time)."""
    root: str | None = None
    parser = etree.XMLPullParser(events=("start",), resolve_entities=False, no_network=True, load_dtd=False)
    with archive.open(info) as stream:
        try:
            while chunk := stream.read(_PEEK):
                parser.feed(chunk)
                for _, element in parser.read_events():
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
            parser.close()
        except etree.LxmlError:
            return root if root is not None and not want_body else None, False
    return root, False


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
