"""Uploads are extracted in worker processes, not in the web server's: a worker that dies while reading
an upload (a crash in a C library, the kernel's OOM killer) fails that upload, which is kept and read
again, and the server goes on answering."""

# ruff: noqa: F811 (the tests take the fixtures imported from submit_env as arguments)
from __future__ import annotations

import os
import signal
import threading
import time
import warnings
from pathlib import Path

from system_tools import needs_tesseract

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

from submit_env import REPORT, app, as_user, upload  # noqa: F401 (app: the fixture)

from extractors.precheck import STATE_VI
from extractors.submission import extract_pending

SCAN = Path(__file__).resolve().parent / "fixtures" / "ocr" / "scanned.pdf"  # Hoàn Kiếm's 2021 report


def descendants(root: int) -> dict[int, tuple[int, str]]:
    """pid -> (parent pid, command name) of every process under ``root``, from /proc."""
    table = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:  # ended meanwhile
                continue
            name = stat[stat.index("(") + 1 : stat.rindex(")")]
            table[int(entry.name)] = (int(stat[stat.rindex(")") + 2 :].split()[1]), name)
    under, frontier = {}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, (ppid, name) in table.items():
            if ppid == parent and pid not in under:
                under[pid] = (ppid, name)
                frontier.append(pid)
    return under


def test_an_upload_is_extracted_in_a_worker_started_for_it(app) -> None:
    assert not app.state.extractor.running  # a server that received nothing holds no worker
    with TestClient(app) as client:
        response = upload(as_user(client, "hk"), REPORT)
        assert response.status_code == 303
        page = client.get(response.headers["location"]).text
        assert "13.200 tỷ đồng" in page
        assert app.state.extractor.starts == 1 and app.state.extractor.running
    assert not app.state.extractor.running  # the server's shutdown stops it


@needs_tesseract
def test_a_worker_killed_while_reading_an_upload_fails_it_and_the_server_goes_on(app) -> None:
    with TestClient(app) as client:
        as_user(client, "hk")
        sent: dict = {}
        thread = threading.Thread(target=lambda: sent.update(response=upload(client, SCAN)))
        thread.start()
        killed = None
        deadline = time.monotonic() + 120
        while killed is None and time.monotonic() < deadline and thread.is_alive():
            under = descendants(os.getpid())
            # the worker is the process whose child is Tesseract reading the scan's first page
            killed = next((ppid for ppid, name in under.values() if name == "tesseract"), None)
            if killed is None:
                time.sleep(0.05)
        assert killed is not None, "no worker was seen running Tesseract"
        os.kill(killed, signal.SIGKILL)
        thread.join(timeout=300)
        response = sent["response"]
        assert response.status_code == 303
        location = response.headers["location"]
        page = client.get(location)
        assert page.status_code == 200 and STATE_VI["failed"] in page.text
        assert client.get("/nop").status_code == 200  # the server answers
        store = app.state.store
        upload_id = int(location.rsplit("/", 1)[1])
        [run] = store.runs(store.upload(upload_id).sha256)
        assert run.status == "failed" and "WorkerCrashed" in run.error

        # the next pass (the nightly run's) reads it whole, in a new worker
        [outcome] = extract_pending(store, extract=app.state.extractor.extract)
        assert outcome.status == "processed"
        page = client.get(location).text
        assert STATE_VI["failed"] not in page and "13.200 tỷ đồng" in page
