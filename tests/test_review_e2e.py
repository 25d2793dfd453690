"""End to end in real headless Chromium (Debian's /usr/bin/chromium driven by Playwright): log in, open the
queue, correct a value with the keyboard, and see the ranking change on the dashboard.

The item view's screenshot is saved to ``test-artifacts/review-item.png`` for people to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_env import ARTIFACTS, CHROMIUM, NO_CHROMIUM, chromium_page, serve
from review_env import PASSWORD, prepare

from extractors.ingest import process_file
from models.store import Store
from review.evidence import PADDING_PT

PROSE_PDF = Path(__file__).resolve().parent.parent / "samples" / "hoan-kiem-2021-prose.pdf"
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    yield from serve(prepare(tmp_path / "home", f"sqlite:///{tmp_path / 'thidua.db'}"))


@pytest.fixture
def pdf_server(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """The same installation with Hoàn Kiếm's 2021 report also submitted as a PDF (then current)."""
    settings = prepare(tmp_path / "home", f"sqlite:///{tmp_path / 'thidua.db'}")
    with Store.open(settings.store) as store:
        sha = process_file(store, PROSE_PDF).sha256
    for url in serve(settings):
        yield url, sha


@pytest.fixture
def page() -> Iterator:
    with chromium_page() as opened:
        yield opened


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


def test_the_review_page_of_a_pdf_figure_highlights_the_number(pdf_server: tuple[str, str], page) -> None:
    import pdfplumber

    server, sha = pdf_server
    page.goto(f"{server}/login")
    page.fill("input[name=username]", "lan")
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto(f"{server}/item/{sha}:budget_revenue_actual")
    image = page.locator(".evidence .page img")
    image.wait_for()
    page.wait_for_function(
        "() => { const i = document.querySelector('.evidence .page img'); "
        "return i.complete && i.naturalWidth > 0; }"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "review-item-pdf.png"), full_page=True)

    # Where pdfplumber puts "13.200 tỷ đồng," (page 2), scaled to the image as rendered in Chromium.
    with pdfplumber.open(PROSE_PDF) as pdf:
        pdf_page = pdf.pages[1]
        width = float(pdf_page.width)
        words = pdf_page.extract_words()
    texts = [w["text"] for w in words]
    at = next(i for i in range(len(texts)) if texts[i : i + 3] == ["13.200", "tỷ", "đồng,"])
    number, cue = words[at : at + 3], words[at - 2 : at]
    assert [w["text"] for w in cue] == ["ước", "đạt"]
    shown = image.bounding_box()
    scale = shown["width"] / width

    def expected(ws: list[dict]) -> dict[str, float]:
        x0, top = min(w["x0"] for w in ws) - PADDING_PT, min(w["top"] for w in ws) - PADDING_PT
        x1, bottom = max(w["x1"] for w in ws) + PADDING_PT, max(w["bottom"] for w in ws) + PADDING_PT
        return {
            "x": shown["x"] + x0 * scale,
            "y": shown["y"] + top * scale,
            "width": (x1 - x0) * scale,
            "height": (bottom - top) * scale,
        }

    def close(box: dict[str, float] | None, want: dict[str, float]) -> bool:
        return box is not None and all(abs(box[k] - want[k]) <= 1.5 for k in ("x", "y", "width", "height"))

    value = page.locator('.page [data-box="value"]')
    assert value.count() == 1 and value.get_attribute("class") == "box"
    assert close(value.bounding_box(), expected(number)), (value.bounding_box(), expected(number))
    label = page.locator('.page [data-box="label"]')
    assert close(label.bounding_box(), expected(cue)), (label.bounding_box(), expected(cue))
    block = page.locator('.page [data-box="block"]').bounding_box()  # the paragraph, drawn faint
    strong = value.bounding_box()
    assert block["x"] < strong["x"] and strong["x"] + strong["width"] < block["x"] + block["width"]
    assert block["height"] > 2 * strong["height"]
    assert "con số được lấy" in page.locator(".evidence").inner_text()


def _log_in(page, server: str, name: str) -> None:
    page.goto(f"{server}/login")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_word_documents_and_a_confirmed_correction_role_by_role(server: str, page) -> None:
    """The dashboard's Word documents download for a viewer and a reviewer; a correction outside the
    plausible range is asked to be confirmed, then kept with its note; a viewer sees no decision form (a
    viewer's posted form is refused: tests/test_review_http.py)."""
    import io

    from docx import Document

    _log_in(page, server, "minh")  # a viewer: may download, may not decide
    page.goto(f"{server}/dashboard")
    with page.expect_download() as download:
        page.click("text=Tờ trình đề nghị khen thưởng (Word)")
    doc = Document(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert "TỜ TRÌNH" in [p.text for p in doc.paragraphs]
    page.goto(f"{server}/queue?reason=arithmetic")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}/item/**")
    item_url = page.url.split("?")[0]
    assert page.locator("#correct-form").count() == 0, "a viewer is shown no decision form"
    page.context.clear_cookies()

    _log_in(page, server, "lan")  # a reviewer
    page.goto(f"{server}/dashboard")
    with page.expect_download() as download:
        page.click("text=Bảng tổng hợp (Word)")
    assert download.value.suggested_filename.endswith(".bang-tong-hop.docx")
    page.goto(item_url)
    page.fill("#correct-value", "170%")
    with page.expect_navigation():
        page.click("#correct-form button[type=submit]")
    assert "ngoài khoảng hợp lý 70–160%" in page.locator("[role=alert]").inner_text()
    page.fill("#correct-value", "170%")
    page.fill("#correct-form input[name=note]", "bản gốc ghi 170%")
    page.check("#correct-form input[name=confirm]")
    with page.expect_navigation():
        page.click("#correct-form button[type=submit]")
    assert "error" not in page.url
    page.goto(item_url)
    assert "bản gốc ghi 170%" in page.locator(".history").first.inner_text()
