"""Legacy Word (.doc), RTF and OpenDocument (.odt) files: converted to .docx by LibreOffice, then read.

One LibreOffice process per conversion, headless, with a private throw-away profile (parallel
conversions sharing a profile block on its lock), a timeout after which the whole process group is
killed, and an address-space cap. The profile is seeded so that the converter does not reach the
network: links to remote images are blocked (``BlockUntrustedRefererLinks``; without it LibreOffice
fetches an ``xlink:href="http://…"`` image of an .odt while converting) and HTTP(S) goes to a dead
proxy; macros are disabled. Measured here (LibreOffice 7.4, 2 cores, fresh profile each time): 1.0-1.1 s
for a short report (.doc, .rtf or .odt alike), 1.5 s for 100 pages — nearly all of it start-up; two
conversions in parallel take 1.4 s, four 2.5 s.

The returned :class:`Document` keeps the original path, sha256 and format ("doc", "rtf", "odt") and
says in a warning that it was converted. Nothing here changes the text: LibreOffice writes the soft
hyphens of the original as ``<w:softHyphen/>`` (in TCVN3-encoded files byte 0xAD is the letter "ư")
and keeps the font names; repairing legacy encodings is the job of :mod:`extractors.repair`.

Converted .docx bytes are cached by the original's sha256 (a few documents), because the review app
reads the same document again for every piece of evidence it shows.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections import OrderedDict
from pathlib import Path

from extractors.document import Document, UnreadableDocument
from extractors.readers.docx import read_docx
from extractors.readers.safety import Limits, check_xml_parts, open_zip

log = logging.getLogger(__name__)

CONVERT_TIMEOUT_S = 120.0  # default; env THIDUA_CONVERT_TIMEOUT_S
MEMORY_LIMIT_MB = 4096  # address space of the LibreOffice process (it needs ≈ 0.5 GB for a report)
INSTALL = "Install the Debian package libreoffice-writer-nogui, or ask the submitter for .docx or PDF"
RESAVE = "Open it in Word or LibreOffice, save it as .docx or PDF and submit it again"
_WHAT = {
    "doc": "a legacy Word .doc file",
    "rtf": "an RTF file",
    "odt": "an OpenDocument text (.odt) file",
}
_CACHE_SIZE = 4
_cache: OrderedDict[str, bytes] = OrderedDict()
_cache_lock = threading.Lock()

# Seeded into each private profile (user/registrymodifications.xcu): see the module docstring.
_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
{items}
</oor:items>
"""
_SETTINGS = [
    ("org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
    ("org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
    ("org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
    ("org.openoffice.Inet/Settings", "ooInetProxyType", "1"),
    ("org.openoffice.Inet/Settings", "ooInetHTTPProxyName", "127.0.0.1"),
    ("org.openoffice.Inet/Settings", "ooInetHTTPProxyPort", "9"),
    ("org.openoffice.Inet/Settings", "ooInetHTTPSProxyName", "127.0.0.1"),
    ("org.openoffice.Inet/Settings", "ooInetHTTPSProxyPort", "9"),
    ("org.openoffice.Inet/Settings", "ooInetFTPProxyName", "127.0.0.1"),
    ("org.openoffice.Inet/Settings", "ooInetFTPProxyPort", "9"),
    ("org.openoffice.Inet/Settings", "ooInetNoProxy", ""),
]


def read_legacy(name: str, data: bytes, sha256: str, fmt: str, limits: Limits | None = None) -> Document:
    """Convert ``data`` (a "doc", "rtf" or "odt" file) with LibreOffice and read the result."""
    limits = limits or Limits.from_env()
    converted = convert_to_docx(name, data, fmt, sha256=sha256)
    # LibreOffice wrote it, but from hostile input: the same checks as a submitted .docx.
    with open_zip(name, converted, limits) as archive:
        check_xml_parts(name, archive, odf=False)
    try:
        document = read_docx(name, converted, sha256)
    except UnreadableDocument as exc:
        raise UnreadableDocument(
            name, f"the file converted from .{fmt} by LibreOffice cannot be read ({exc.problem})", RESAVE
        ) from exc
    document.format = fmt
    document.warnings.insert(0, f"converted from .{fmt} by LibreOffice")
    return document


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def conversion_timeout() -> float:
    raw = os.environ.get("THIDUA_CONVERT_TIMEOUT_S", "").strip()
    try:
        value = float(raw) if raw else CONVERT_TIMEOUT_S
    except ValueError:
        value = -1.0
    if value <= 0:
        log.warning("ignoring THIDUA_CONVERT_TIMEOUT_S=%r; using %g s", raw, CONVERT_TIMEOUT_S)
        return CONVERT_TIMEOUT_S
    return value


def convert_to_docx(
    name: str, data: bytes, fmt: str, *, sha256: str | None = None, timeout: float | None = None
) -> bytes:
    """The .docx LibreOffice makes of ``data``; :class:`UnreadableDocument` if it cannot."""
    soffice = find_soffice()
    what = _WHAT.get(fmt, f"a .{fmt} file")
    if soffice is None:
        raise UnreadableDocument(
            name, f"this is {what} and LibreOffice is not installed on the server", INSTALL
        )
    if sha256 is not None:
        with _cache_lock:
            if sha256 in _cache:
                _cache.move_to_end(sha256)
                return _cache[sha256]
    timeout = conversion_timeout() if timeout is None else timeout
    with tempfile.TemporaryDirectory(prefix="thidua-lo-") as tmp:
        work = Path(tmp)
        profile = work / "profile"
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(_profile_xml(), encoding="utf-8")
        source = work / "in" / f"document.{fmt}"
        source.parent.mkdir()
        source.write_bytes(data)
        outdir = work / "out"
        command = [
            "/bin/sh", "-c", f'ulimit -v {MEMORY_LIMIT_MB * 1024} 2>/dev/null; exec "$0" "$@"',
            soffice, "--headless", "--norestore", "--nolockcheck", "--nodefault",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(outdir), str(source),
        ]  # fmt: skip
        started = time.monotonic()
        stderr = _run(name, command, timeout, what, env={**os.environ, "HOME": str(work)}, cwd=work)
        log.info("converted %s (.%s) with LibreOffice in %.2f s", name, fmt, time.monotonic() - started)
        result = outdir / "document.docx"
        if not result.is_file() or result.stat().st_size == 0:
            detail = _last_line(stderr) or "it produced no output"
            raise UnreadableDocument(
                name, f"LibreOffice could not convert this {what.split(' ', 1)[1]} ({detail})", RESAVE
            )
        converted = result.read_bytes()
    if sha256 is not None:
        with _cache_lock:
            _cache[sha256] = converted
            while len(_cache) > _CACHE_SIZE:
                _cache.popitem(last=False)
    return converted


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()


def _profile_xml() -> str:
    items = "\n".join(
        f'<item oor:path="/{path}"><prop oor:name="{prop}" oor:op="fuse"><value>{value}</value></prop></item>'
        for path, prop, value in _SETTINGS
    )
    return _PROFILE.format(items=items)


def _run(name: str, command: list[str], timeout: float, what: str, env: dict[str, str], cwd: Path) -> str:
    """Run LibreOffice in its own process group; on timeout kill the group and reap what we can."""
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
            env=env,
            cwd=cwd,
        )
    except OSError as exc:
        raise UnreadableDocument(
            name, f"this is {what} and LibreOffice could not be started ({exc.strerror or exc})", INSTALL
        ) from exc
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop_group(process)
        raise UnreadableDocument(
            name,
            f"converting {what} with LibreOffice took longer than {timeout:g} s and was stopped "
            "(the file may be damaged or very large)",
            RESAVE,
        ) from None
    except BaseException:  # KeyboardInterrupt, a worker being cancelled: leave no LibreOffice behind
        _stop_group(process)
        raise
    return stderr.decode("utf-8", errors="replace")


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    """Kill the process group of ``process`` (its session leader) and reap the leader.

    The members other than the leader are killed first and the leader (LibreOffice's ``oosplash``,
    which waits for ``soffice.bin``) is given a moment to reap them: if the whole group were killed
    at once, the orphans would be left to init, and an init that does not reap (some containers)
    collects zombies."""
    group = process.pid
    if _kill([pid for pid in _group_members(group) if pid != group]):
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.communicate(timeout=2)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(group, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.communicate(timeout=5)  # reap the leader, close the pipes


def _kill(pids: list[int]) -> bool:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)
    return bool(pids)


def _group_members(group: int) -> list[int]:
    """Processes in process group ``group`` (Linux /proc; empty elsewhere, then killpg does it all)."""
    members = []
    proc = Path("/proc")
    if not proc.is_dir():
        return members
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (comm) state ppid pgrp …": comm may contain spaces and parentheses.
        fields = stat.rsplit(")", 1)[-1].split()
        if len(fields) > 2 and fields[2] == str(group):
            members.append(int(entry.name))
    return members


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip() and "javaldx" not in line]
    return lines[-1][:200] if lines else ""
