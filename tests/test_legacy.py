"""Legacy Word (.doc), RTF and OpenDocument (.odt) reports, read through a LibreOffice conversion.

The fixtures in tests/fixtures/hostile are built by its make_fixtures.py from
``samples/hoan-kiem-2021-prose.docx``; the tests that convert them need LibreOffice and are skipped
without it. The refusals (LibreOffice missing, a conversion that hangs or fails) do not need it.
"""

from __future__ import annotations

import hashlib
import http.server
import importlib.util
import io
import shutil
import threading
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pytest

from extractors.document import UnreadableDocument
from extractors.extract import extract_path
from extractors.readers import _ole_directory_entries, legacy, read_document
from models.records import DocumentResult

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "hostile"
DOCX = ROOT / "samples" / "hoan-kiem-2021-prose.docx"
_spec = importlib.util.spec_from_file_location("hostile_fixtures", FIXTURES / "make_fixtures.py")
assert _spec and _spec.loader
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)

needs_soffice = pytest.mark.skipif(
    legacy.find_soffice() is None, reason="LibreOffice (soffice) is not installed"
)


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    legacy.clear_cache()


@cache
def docx_result() -> DocumentResult:
    return extract_path(DOCX)


def figures(result: DocumentResult) -> list[tuple]:
    return sorted(
        (f.indicator, f.value, f.unit, f.year, f.source.block if f.source else None, tuple(f.flags))
        for f in result.figures
    )


def rejected(path: Path, problem: str) -> UnreadableDocument:
    result = extract_path(path)
    assert result.status == "rejected"
    assert result.error is not None and result.error.startswith(f"{path}: ") and problem in result.error
    with pytest.raises(UnreadableDocument) as caught:
        read_document(path)
    assert str(caught.value) == result.error and caught.value.remedy
    return caught.value


# ------------------------------------------------------------------ conversions


@pytest.mark.slow
@needs_soffice
@pytest.mark.parametrize("fmt", ["doc", "rtf", "odt"])
def test_legacy_formats_give_the_same_figures_as_the_docx(fmt: str) -> None:
    path = FIXTURES / f"report.{fmt}"
    result = extract_path(path)
    assert result.status == "ok", result.error
    # The original file, not the converted one, is what the result describes.
    assert (result.path, result.format) == (str(path), fmt)
    assert result.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert result.notes[0] == f"converted from .{fmt} by LibreOffice"
    base = docx_result()
    assert result.unit is not None and result.unit.id == "hoan-kiem" and result.year == 2021
    assert (result.unit, result.year) == (base.unit, base.year)
    assert len(result.figures) >= 10
    assert figures(result) == figures(base)  # values, units, years, locators and flags


@pytest.mark.slow
@needs_soffice
def test_soft_hyphens_survive_the_conversion() -> None:
    """In TCVN3 text "ư" is byte 0xAD, a soft hyphen: LibreOffice must keep it for the repair."""
    converted = legacy.convert_to_docx("softhyphen.doc", (FIXTURES / "softhyphen.doc").read_bytes(), "doc")
    xml = zipfile.ZipFile(io.BytesIO(converted)).read("word/document.xml").decode()
    assert xml.count("<w:softHyphen/>") == fx.SOFT_HYPHENS == 2
    assert ".VnTime" in xml  # the font name tells the repair which encoding the text is in


@pytest.mark.slow
@needs_soffice
def test_parallel_conversions_each_use_their_own_profile() -> None:
    data = (FIXTURES / "report.doc").read_bytes()
    started = time.monotonic()
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda n: legacy.convert_to_docx(f"copy{n}.doc", data, "doc"), range(2)))
    elapsed = time.monotonic() - started
    assert all(r.startswith(b"PK") for r in results)
    assert elapsed < 30  # a shared profile would make one wait for the other's lock, or fail


@pytest.mark.slow
@needs_soffice
def test_renamed_legacy_file_is_converted_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes((FIXTURES / "report.rtf").read_bytes())
    result = extract_path(path)
    assert result.status == "ok" and result.format == "rtf"
    assert result.notes[:2] == [
        "the file is an RTF document although its name ends in .docx",
        "converted from .rtf by LibreOffice",
    ]


@pytest.mark.slow
@needs_soffice
def test_a_document_read_again_is_not_converted_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """The review app reads a document again for every piece of evidence it shows."""
    runs = []
    run = legacy._run
    monkeypatch.setattr(legacy, "_run", lambda *a, **k: runs.append(1) or run(*a, **k))
    first = read_document(FIXTURES / "report.odt")
    second = read_document(FIXTURES / "report.odt")
    assert len(runs) == 1
    assert [b.locator for b in first.paragraphs()] == [b.locator for b in second.paragraphs()]
    assert first.warnings == second.warnings == ["converted from .odt by LibreOffice"]


@pytest.mark.slow
@needs_soffice
def test_conversion_does_not_fetch_remote_images() -> None:
    """A plain LibreOffice conversion fetches an .odt's linked image (SSRF); ours must not."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        do_OPTIONS = do_HEAD = do_GET

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/pixel.png"
    frame = (
        '<text:p><draw:frame draw:name="remote" text:anchor-type="as-char" svg:width="1cm" svg:height="1cm">'
        f'<draw:image xlink:href="{url}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/>'
        "</draw:frame></text:p>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(FIXTURES / "report.odt") as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "content.xml":
                text = data.decode()
                at = text.index("<text:p")
                data = (text[:at] + frame + text[at:]).encode()
            target.writestr(info, data)
    try:
        converted = legacy.convert_to_docx("remote.odt", out.getvalue(), "odt")
    finally:
        server.shutdown()
    assert converted.startswith(b"PK")
    assert requests == []


# ------------------------------------------------------------------ refusals (no LibreOffice needed)


@pytest.mark.parametrize("fmt", ["doc", "rtf", "odt"])
def test_missing_libreoffice_names_the_package_to_install(monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    monkeypatch.setattr(shutil, "which", lambda *args, **kwargs: None)
    error = rejected(FIXTURES / f"report.{fmt}", "and LibreOffice is not installed on the server")
    assert "libreoffice-writer-nogui" in error.remedy
    if fmt == "doc":
        assert (
            error.problem == "this is a legacy Word .doc file and LibreOffice is not installed on the server"
        )
        assert error.remedy == (
            "Install the Debian package libreoffice-writer-nogui, or ask the submitter for .docx or PDF"
        )


def fake_soffice(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(0o755)
    return script


def test_conversion_that_hangs_is_killed_with_its_children(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pids = tmp_path / "pids"
    # Like LibreOffice: a launcher (oosplash) waiting for the real process (soffice.bin).
    script = fake_soffice(tmp_path, f"echo $$ > {pids}\nsleep 60 &\necho $! >> {pids}\nwait\n")
    monkeypatch.setattr(shutil, "which", lambda name, *args, **kwargs: str(script))
    monkeypatch.setenv("THIDUA_CONVERT_TIMEOUT_S", "0.5")
    started = time.monotonic()
    error = rejected(FIXTURES / "report.doc", "took longer than 0.5 s and was stopped")
    assert time.monotonic() - started < 15
    assert error.remedy.startswith("Open it in Word or LibreOffice")
    launched = [int(line) for line in pids.read_text().split()]
    assert len(launched) == 2
    time.sleep(0.1)
    left = {pid: _state(pid) for pid in launched if _state(pid) is not None}
    assert left == {}, f"processes left behind (state Z = zombie): {left}"


def _state(pid: int) -> str | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return None


def test_conversion_without_output_is_a_clean_rejection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What LibreOffice does with a file it cannot load: a message, exit status 0, no output file.
    script = fake_soffice(tmp_path, 'echo "Error: source file could not be loaded" >&2\nexit 0\n')
    monkeypatch.setattr(shutil, "which", lambda name, *args, **kwargs: str(script))
    error = rejected(FIXTURES / "report.rtf", "LibreOffice could not convert this RTF file")
    assert "source file could not be loaded" in error.problem


def test_password_protected_doc_is_refused_before_conversion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = bytearray((FIXTURES / "report.doc").read_bytes())
    entry = _ole_directory_entries(bytes(data), "WordDocument")[0]
    sector = 1 << int.from_bytes(data[30:32], "little")
    fib = (int.from_bytes(data[entry + 116 : entry + 120], "little") + 1) * sector
    assert data[fib : fib + 2] == b"\xec\xa5"  # the Word 97 file information block
    data[fib + 11] |= 0x01  # fEncrypted (bit 8 of the flags at offset 10)
    path = tmp_path / "locked.doc"
    path.write_bytes(bytes(data))
    monkeypatch.setattr(shutil, "which", lambda *args, **kwargs: None)  # never reached
    error = rejected(path, "the legacy Word .doc file is password-protected")
    assert "Remove the password" in error.remedy


def test_timeout_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert legacy.conversion_timeout() == 120.0
    monkeypatch.setenv("THIDUA_CONVERT_TIMEOUT_S", "7.5")
    assert legacy.conversion_timeout() == 7.5
    monkeypatch.setenv("THIDUA_CONVERT_TIMEOUT_S", "soon")
    assert legacy.conversion_timeout() == 120.0


def test_no_temporary_files_are_left(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = fake_soffice(tmp_path, "exit 0\n")
    monkeypatch.setattr(shutil, "which", lambda name, *args, **kwargs: str(script))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    with pytest.raises(UnreadableDocument):
        read_document(FIXTURES / "report.odt")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["soffice"]  # no thidua-lo-* directory left
