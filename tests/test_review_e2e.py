"""End to end in real headless Chromium (Debian's /usr/bin/chromium driven by Playwright): log in, open the
queue, correct a value with the keyboard, and see the ranking change on the dashboard.

The item view's screenshot is saved to ``test-artifacts/review-item.png`` for people to look at.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from review_env import PASSWORD, prepare

from review.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian's chromium is not installed (apt-get install chromium); CI installs it",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    app = create_app(prepare(tmp_path / "home", f"sqlite:///{tmp_path / 'thidua.db'}"))
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


@pytest.fixture
def page() -> Iterator:
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


def test_log_in_correct_a_value_with_the_keyboard_and_see_the_ranking_change(server: str, page) -> None:
    page.goto(f"{server}/dashboard")
    assert page.url.startswith(f"{server}/login") and page.title().startswith("Đăng nhập")
    page.fill("input[name=username]", "lan")
    page.fill("input[name=password]", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}/dashboard")
    ranks_before = page.locator("table.scores tbody tr td:nth-child(2)").all_inner_texts()
    hoang_mai_before = ranks_before.index("Quận Hoàng Mai")

    page.goto(f"{server}/queue?reason=arithmetic")
    assert "Còn" in page.locator(".progress").inner_text()
    page.keyboard.press("Enter")  # opens the selected (first) item
    page.wait_for_url(f"{server}/item/**")
    assert "Tỷ lệ thu ngân sách so với dự toán" in page.locator("h1").inner_text()
    assert "Kế hoạch × tỷ lệ không khớp" in page.locator(".reasons").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "review-item.png"), full_page=True)

    item_url = page.url
    page.keyboard.press("s")  # focus the correction field
    page.keyboard.type("75%")
    with page.expect_navigation():  # the decision is posted, stored and rescored before the next page
        page.keyboard.press("Enter")
    assert page.url != item_url and "error" not in page.url

    page.goto(f"{server}/dashboard")
    ranks_after = page.locator("table.scores tbody tr td:nth-child(2)").all_inner_texts()
    assert ranks_after.index("Quận Hoàng Mai") > hoang_mai_before
    changed = page.locator("table.scores tr.changed").all_inner_texts()
    assert any("Quận Hoàng Mai" in row and "hạng" in row for row in changed)
    page.screenshot(path=str(ARTIFACTS / "review-dashboard.png"), full_page=True)
