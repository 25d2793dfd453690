"""Real servers and real Chromium for the browser tests: Debian's /usr/bin/chromium driven by Playwright,
the review app served by uvicorn on a free port in a thread of the test process."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from review.app import create_app
from review.settings import ReviewSettings

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
NO_CHROMIUM = "Debian's chromium is not installed (apt-get install chromium); CI installs it"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(settings: ReviewSettings) -> Iterator[str]:
    """The app on a real server until the generator is closed; yields its base URL."""
    app = create_app(settings)
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@contextmanager
def chromium_page() -> Iterator:
    """A page of a fresh headless Chromium (1366×900, Vietnamese locale)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
        yield context.new_page()
        browser.close()
