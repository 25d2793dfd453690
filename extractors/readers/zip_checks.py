"""Checks on a zip container (.docx, .odt) made from its directory alone, before anything is inflated.

Split from :mod:`.safety` (which re-exports these names): the end-of-central-directory precount,
the per-entry checks (count, declared sizes, compression ratio, unsafe names, encryption, methods
Word does not write) and the "damaged archive" refusal the other checks reuse. See the
:mod:`.safety` docstring for why each limit is what it is.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib

from extractors.document import UnreadableDocument
from extractors.readers.limits import CRAFTED, MB, RESAVE, Limits, mb

_RATIO_MIN_BYTES = 1 * MB  # small entries may compress very well (runs of spaces) and are harmless
# What reading an entry of a damaged archive raises (ValueError: a negative seek from a bad offset).
ZIP_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError)


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
                f"the archive expands to {mb(sum(i.file_size for i in infos))} MB (a zip bomb or a "
                f"damaged file: {entry} is compressed {ratio:.0f} to 1)",
                RESAVE,
            )
    if total > limits.max_unzipped_bytes:
        raise UnreadableDocument(
            name,
            f"the archive expands to {mb(total)} MB (a zip bomb or a damaged file; the limit is "
            f"{mb(limits.max_unzipped_bytes)} MB)",
            RESAVE,
        )
