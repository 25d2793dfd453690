"""What a unit's uploaded file is, decided before anything parses it: its size, its kind by content (never
by its name), and a safe name to show. Each refusal is a message in Vietnamese for the unit: what is wrong
and what to do.

Only the first bytes are read (and a zip's directory), so a file over the limit or of the wrong kind is
refused without reading it all; the readers check everything else (zip bombs, XML entities, page counts)
when the file is read.
"""

from __future__ import annotations

import os
import unicodedata
import zipfile
from pathlib import Path

from extractors.readers.limits import Limits, mb

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 (.doc), also .xls and password-protected .docx
#: what each kind of upload may be; the name each format is called in messages
ALLOWED = {"report": ("docx", "pdf", "doc"), "self_score": ("docx", "xlsx", "pdf")}
FORMAT_VI = {
    "docx": "Word (.docx)",
    "doc": "Word 97-2003 (.doc)",
    "pdf": "PDF",
    "xlsx": "Excel (.xlsx)",
}
KIND_VI = {"report": "báo cáo", "self_score": "bảng tự chấm điểm"}
_MAX_NAME = 180


class Refused(Exception):
    """The file is refused before it is kept or read; ``message`` is for the unit."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def safe_name(original: str) -> str:
    """The name to show and store as text: NFC, the last path component only (``/`` and ``\\`` both
    separate), no control characters, no leading dots; never used to name a file on disk."""
    name = unicodedata.normalize("NFC", original or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip().lstrip(". ")
    if len(name) > _MAX_NAME:
        stem, dot, suffix = name.rpartition(".")
        name = (stem[: _MAX_NAME - len(suffix) - 1] + dot + suffix) if dot and len(suffix) <= 8 else name
        name = name[:_MAX_NAME]
    return name or "tep-khong-ten"


def allowed_vi(kind: str) -> str:
    return ", ".join(FORMAT_VI[f] for f in ALLOWED[kind])


def check_size(path: Path, name: str, limits: Limits) -> int:
    """The file's size, refused when empty or over ``limits.max_file_bytes`` (a stat: nothing read)."""
    size = os.stat(path).st_size
    if size == 0:
        raise Refused(f"Tệp «{name}» rỗng (0 byte). Vui lòng chọn đúng tệp rồi nộp lại.")
    if size > limits.max_file_bytes:
        raise Refused(
            f"Tệp «{name}» có dung lượng {mb(size)} MB, vượt giới hạn {mb(limits.max_file_bytes)} MB. "
            "Vui lòng giảm dung lượng (lưu lại bằng Word dưới dạng .docx, hoặc xuất PDF không kèm ảnh quét "
            "độ phân giải cao) rồi nộp lại."
        )
    return size


def sniff(path: Path, name: str, kind: str) -> str:
    """The file's format by its content ("docx", "pdf", "doc", "xlsx"), or :class:`Refused` saying what
    the bytes look like and what the unit may send instead."""
    with open(path, "rb") as stream:
        head = stream.read(2048)
    found, looks = _format(path, head)
    if found in ALLOWED[kind]:
        return found
    what = KIND_VI[kind]
    looks = f"{FORMAT_VI[found]}, không dùng cho {what}" if found in FORMAT_VI else looks
    raise Refused(
        f"Tệp «{name}» không phải là tệp {what} hợp lệ (nội dung tệp: {looks}); hệ thống xét nội dung "
        f"tệp, không xét đuôi tên tệp. Vui lòng gửi {what} dạng {allowed_vi(kind)}: mở tệp bằng Word "
        "hoặc Excel, lưu lại đúng định dạng rồi nộp lại."
    )


def _format(path: Path, head: bytes) -> tuple[str | None, str]:
    """(format, "") when known, else (None, a Vietnamese description of the content)."""
    if head.startswith(OLE):
        return "doc", ""  # a .xls or a password-protected file is told apart by the reader, with its message
    if b"%PDF-" in head[:1024]:
        return "pdf", ""
    if head.startswith(b"PK"):
        return _zip_format(path)
    lower = head.lstrip().lower()
    if lower.startswith(b"{\\rtf"):
        return None, "văn bản RTF"
    if lower.startswith((b"<!doctype html", b"<html")) or b"<html" in lower[:512]:
        return None, "trang web HTML"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")):
        return None, "ảnh chụp hoặc ảnh quét"
    text = head.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= len(text) // 100 and sum(c.isprintable() or c in "\r\n\t" for c in text) >= (
        0.95 * len(text)
    ):
        return None, "văn bản thuần (text), không phải Word, Excel hay PDF"
    return None, "không nhận ra định dạng"


def _zip_format(path: Path) -> tuple[str | None, str]:
    """An Office Open XML file by its parts (the zip's directory only; nothing is unpacked)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None, "tệp nén (zip) bị hỏng"
    if "[Content_Types].xml" in names:
        if any(n.startswith("word/") for n in names):
            return "docx", ""
        if any(n.startswith("xl/") for n in names):
            return "xlsx", ""
        if any(n.startswith("ppt/") for n in names):
            return None, "bài trình chiếu PowerPoint"
    if "content.xml" in names:
        return None, "tài liệu OpenDocument (LibreOffice)"
    return None, "tệp nén (zip) không chứa tài liệu Word hay Excel"
