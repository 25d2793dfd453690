"""The cluster's year-end cycle in real headless Chromium (Debian's /usr/bin/chromium), role by role, on a
real server, from an empty store:

1. an admin sets up a new cluster-year of three units with its chair and deadline, and makes the accounts
   of the three units and of the chair — all in the browser;
2. each unit uploads its report and its self-score sheet and sees its pre-check (the figures read, the
   sheet's lines);
3. a self-score above what thidua computed appears in the queue, naming "điểm tự chấm";
4. the chair enters a verified score and a manual criterion, and sees them in the history;
5. the dashboard ranks the three units; the summary table and the proposal download as .docx, read back
   with python-docx, and LibreOffice converts both to PDF.

Screenshots of each role's main page go to ``test-artifacts/cycle-*.png`` for people to look at.
"""

from __future__ import annotations

import io
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_env import ARTIFACTS, CHROMIUM, NO_CHROMIUM, chromium_page, serve

from extractors.readers.legacy import find_soffice
from models.store import Store, StoreSettings
from review.security import hash_password
from review.settings import ReviewSettings

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PASSWORD = "mat-khau-thu-nghiem"
CLUSTER = "ubnd-tp-ha-noi.cum-9"
C8 = "ubnd-tp-ha-noi.cum-8"
UNITS = {  # unit -> (its report, its self-score sheet: one of each format)
    "hoan-kiem": ("hoan-kiem-2021-prose.docx", "self_scores/hoan-kiem-2021-tu-cham.docx"),
    "dong-da": ("dong-da-2021-longtable.docx", "self_scores/dong-da-2021-tu-cham.pdf"),
    "long-bien": ("long-bien-2021-awards.docx", "self_scores/long-bien-2021-tu-cham.xlsx"),
}
pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM),
    pytest.mark.skipif(
        find_soffice() is None, reason="apt-get install libreoffice-writer-nogui; CI installs it"
    ),
]


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    home = tmp_path / "home"
    monkeypatch.setenv("THIDUA_HOME", str(home))  # where the admin's cluster-years are kept
    settings = ReviewSettings(
        store=StoreSettings(home=home, database_url=f"sqlite:///{tmp_path / 'thidua.db'}"),
        secret_key="k" * 48,
        manual_dir=home / "manual",
    )
    with Store.open(settings.store) as store:  # the first admin is made from a terminal (thidua user add)
        store.add_user("quan-tri", "admin", hash_password(PASSWORD))
    yield from serve(settings)


@pytest.fixture
def page() -> Iterator:
    with chromium_page() as opened:
        yield opened


def log_in(page, server: str, name: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{server}/login")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"cycle-{name}.png"), full_page=True)


def admin_sets_up_the_cluster_year_and_the_accounts(page, server: str) -> None:
    log_in(page, server, "quan-tri")
    assert page.url == f"{server}/admin"
    page.click("text=Thiết lập cụm mới")
    form = page.locator("#cluster-form")
    form.locator("input[name=organiser]").last.fill("ubnd-tp-ha-noi")
    form.locator("input[name=organiser_name]").last.fill("UBND thành phố Hà Nội")
    form.locator("input[name=number]").fill("9")
    form.locator("input[name=year]").fill("2021")
    form.locator("input[name=name]").fill("Cụm thi đua số 9")
    form.locator("input[name=deadline]").fill("2027-01-15")
    for unit in UNITS:
        form.locator(f"#m-{unit}").check()
    form.locator("select[name=chair]").select_option("hoan-kiem")
    form.locator("select[name=vices]").select_option(["dong-da"])
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert page.url.startswith(f"{server}/admin"), page.url
    assert f"{CLUSTER}.2021" in page.locator("table.clusters").inner_text()

    accounts = [(u, "unit", "unit_id", u) for u in UNITS] + [
        ("cum-truong-9", "chair", "cluster_key", f"{CLUSTER}.2021")
    ]
    for name, role, scope, value in accounts:
        create = page.locator("#create-user")
        create.locator("input[name=name]").fill(name)
        create.locator("select[name=role]").select_option(role)
        create.locator(f"select[name={scope}]").select_option(value)
        create.locator("input[name=password]").fill(PASSWORD)
        create.locator("input[name=password2]").fill(PASSWORD)
        with page.expect_navigation():
            create.locator("button[type=submit]").click()
        assert name in page.locator("body").inner_text()
    shot(page, "admin")


def unit_submits_and_sees_its_precheck(page, server: str, unit: str) -> None:
    report, sheet = UNITS[unit]
    log_in(page, server, unit)
    assert page.url == f"{server}/nop"
    forms = page.locator(f"form[action='/nop/{CLUSTER}/2021/bao-cao']")
    forms.locator("input[type=file]").set_input_files(str(SAMPLES / report))
    with page.expect_navigation():
        forms.locator("button[type=submit]").click()
    assert "/nop/ho-so/" in page.url
    # extraction runs in the background; the page refreshes itself until the figures are there
    page.wait_for_selector("text=Số liệu đã đọc được", timeout=90_000)
    assert "Nộp muộn" not in page.locator("main").inner_text()
    assert page.locator("table tbody tr").count() >= 5, "the figures read, each with its source"
    if unit == "hoan-kiem":
        shot(page, "unit-precheck")
    page.goto(f"{server}/nop")
    sheets = page.locator(f"form[action='/nop/{CLUSTER}/2021/tu-cham']")
    sheets.locator("input[type=file]").set_input_files(str(SAMPLES / sheet))
    with page.expect_navigation():
        sheets.locator("button[type=submit]").click()
    page.wait_for_selector("text=Các dòng đã đọc được", timeout=60_000)
    assert "Điểm tự chấm" in page.locator("table thead").inner_text()
    # a unit account is kept to its own pages
    assert page.goto(f"{server}/queue").status == 403


def test_the_year_end_cycle_in_the_browser(server: str, page, tmp_path: Path) -> None:
    from docx import Document

    admin_sets_up_the_cluster_year_and_the_accounts(page, server)
    for unit in UNITS:
        unit_submits_and_sees_its_precheck(page, server, unit)

    log_in(page, server, "cum-truong-9")
    page.goto(f"{server}/queue")
    findings = page.locator("table.self-scores")
    text = findings.inner_text()
    assert "Quận Long Biên" in text and "điểm tự chấm" in text.lower() and "vượt điểm chuẩn" in text
    shot(page, "chair-queue")
    page.goto(f"{server}/tham-dinh")
    assert page.url.startswith(f"{server}/tham-dinh/{CLUSTER}/2021")
    form = page.locator(f"form[action='/tham-dinh/{CLUSTER}/2021/long-bien']")
    form.locator("input[name='v.C1']").fill("6,5")
    form.locator("input[name='n.C1']").fill("theo hồ sơ minh chứng")
    form.locator("input[name='m.points.B1']").fill("4")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    body = page.locator("main").inner_text()
    assert "theo hồ sơ minh chứng" in body and "cum-truong-9" in body
    shot(page, "chair-verify")
    page.goto(f"{server}/queue")
    assert "vượt điểm chuẩn" not in page.locator("main").inner_text(), "verified: no longer in the queue"

    page.goto(f"{server}/dashboard?cluster={CLUSTER}&year=2021")
    rows = page.locator("table.scores tbody tr")
    assert rows.count() == 3
    ranks = page.locator("table.scores tbody tr td:nth-child(1)").all_inner_texts()
    assert ranks == ["1", "2", "3"]
    shot(page, "chair-dashboard")
    pdfs = tmp_path / "pdf"
    for link, heading in (
        ("Bảng tổng hợp (Word)", "BẢNG TỔNG HỢP"),
        ("Tờ trình đề nghị khen thưởng (Word)", "TỜ TRÌNH"),
    ):
        with page.expect_download() as download:
            page.click(f"text={link}")
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        doc = Document(io.BytesIO(saved.read_bytes()))
        text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
            c.text for t in doc.tables for r in t.rows for c in r.cells
        )
        assert heading in text and "CỤM THI ĐUA SỐ 9" in text.upper()
        if heading == "BẢNG TỔNG HỢP":  # the ranking of every member; the proposal lists the titled only
            assert all(name in text for name in ("Quận Hoàn Kiếm", "Quận Đống Đa", "Quận Long Biên"))
        subprocess.run(
            [find_soffice(), "--headless", "--convert-to", "pdf", "--outdir", str(pdfs), str(saved)],
            check=True,
            capture_output=True,
            timeout=180,
        )
        pdf = pdfs / saved.with_suffix(".pdf").name
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF-")


@pytest.fixture
def cluster_8(tmp_path: Path) -> Iterator[str]:
    """Cụm 8's 2021 reports scored, Long Biên's self-score sheet stored, and an account of every role."""
    from review_env import prepare

    from models.clusters import default_clusters

    settings = prepare(
        tmp_path / "home", f"sqlite:///{tmp_path / 'thidua.db'}"
    )  # lan (reviewer), minh (viewer)
    with Store.open(settings.store) as store:
        digest = hash_password(PASSWORD)
        store.add_user("quan-tri", "admin", digest)
        store.add_user("chu", "chair", digest, cluster_key=default_clusters().get("cum-8", 2021).key)
        store.add_user("hk", "unit", digest, unit_id="hoan-kiem")
        sheet = SAMPLES / "self_scores" / "long-bien-2021-tu-cham.xlsx"
        from extractors.self_score import read_self_score

        sha, _, _ = store.keep_original(sheet)
        store.record_self_score_sheet(
            sha256=sha,
            unit_id="long-bien",
            year=2021,
            cluster_key="ubnd-tp-ha-noi.cum-8.2021",
            original_name=sheet.name,
            lines=read_self_score(sheet).lines,
            by="long-bien",
        )
    yield from serve(settings)


def test_every_new_page_role_by_role_in_the_browser(cluster_8: str, page) -> None:
    """Who may open each new page and who is refused, in Chromium, and the forms the cycle test does not
    click: the admin resets a password and locks an account (whose open session ends at once); the
    chair changes a match of a sheet line; a viewer sees the chair's page without its forms."""
    server = cluster_8
    verify = f"{server}/tham-dinh/{C8}/2021"
    refused = {  # account -> pages it must be refused, each with the Vietnamese 403 page
        "lan": ["/admin", "/nop"],
        "minh": ["/admin", "/nop", "/admin/cum/new"],
        "chu": ["/admin", "/nop"],
        "hk": ["/queue", "/admin", "/tham-dinh", "/dashboard", f"/tham-dinh/{C8}/2021"],
        "quan-tri": ["/nop"],
    }
    for name, paths in refused.items():
        log_in(page, server, name)
        for path in paths:
            response = page.goto(f"{server}{path}")
            assert response.status == 403, (name, path)
            assert "Lỗi 403" in page.title() and page.locator("[role=alert]").inner_text(), (name, path)

    # a viewer sees the chair's page, read-only
    log_in(page, server, "minh")
    page.goto(verify)
    assert "Chỉ xem" in page.locator("main").inner_text()
    assert page.locator("form[action^='/tham-dinh/']").count() == 0

    # the chair changes which criterion Long Biên's line 9 counts for
    log_in(page, server, "chu")
    page.goto(verify)
    match = page.locator(f"form[action='/tham-dinh/{C8}/2021/long-bien/khop']")
    page.locator("#long-bien details summary").click()
    match.locator("select[name='match.9']").select_option("E2")
    with page.expect_navigation():
        match.locator("button[type=submit]").click()
    assert "Đã ghi 1 dòng khớp tiêu chí mới" in page.locator("main").inner_text()

    # the admin resets the viewer's password and locks the unit account while it is logged in
    unit = page.context.browser.new_context().new_page()
    log_in(unit, server, "hk")
    assert unit.url == f"{server}/nop"
    log_in(page, server, "quan-tri")
    reset = page.locator("form[action='/admin/users/minh/password']")
    reset.locator("input[name=password]").fill("mat-khau-moi-cua-minh")
    reset.locator("input[name=password2]").fill("mat-khau-moi-cua-minh")
    with page.expect_navigation():
        reset.locator("button[type=submit]").click()
    with page.expect_navigation():
        page.locator("form[action='/admin/users/hk/active'] button[type=submit]").click()
    hk_row = page.locator("#user-hk").inner_text()
    assert "đã khóa" in hk_row
    unit.goto(f"{server}/nop")
    assert unit.url.startswith(f"{server}/login"), "a locked account's session ends at its next page"
    page.context.clear_cookies()
    page.goto(f"{server}/login")
    page.fill("input[name=username]", "minh")
    page.fill("input[name=password]", "mat-khau-moi-cua-minh")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{server}/queue"
