"""Every route of the review app over HTTP: login, CSRF, roles, validation, decisions, evidence, exports."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

from review_env import PASSWORD, csrf_of, login, prepare

from extractors.ingest import Job, run_job
from models.claims import owner_token
from models.store import Store
from review.app import create_app


@pytest.fixture
def app(tmp_path: Path, db_url: str):
    return create_app(prepare(tmp_path / "home", db_url))


@pytest.fixture
def client(app) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


@pytest.fixture
def reviewer(client: TestClient) -> TestClient:
    assert login(client).status_code == 200
    return client


def queue_keys(client: TestClient, query: str = "") -> list[str]:
    html = client.get(f"/queue{query}").text
    return list(dict.fromkeys(re.findall(r'href="/item/([0-9a-f]{64}:[a-z_]+)', html)))


def remaining(client: TestClient) -> tuple[int, int]:
    found = re.search(r"Còn <strong>(\d+)</strong> / (\d+)", client.get("/queue").text)
    return int(found[1]), int(found[2])


def decide(client: TestClient, key: str, **form: str):
    csrf = csrf_of(client.get(f"/item/{key}").text)
    return client.post(f"/item/{key}/decide", data={"csrf": csrf, **form}, follow_redirects=False)


def test_every_page_but_login_redirects_there_without_a_session(client: TestClient) -> None:
    for path in (
        "/",
        "/queue",
        "/dashboard",
        "/audit",
        "/item/x:y",
        "/export/cum-8/2021.xlsx",
        "/export/cum-8/2021/to-trinh.docx",
        "/source/a/page/1.png",
    ):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"].startswith("/login"), path
    page = client.get("/login")
    assert page.status_code == 200 and "<title>Đăng nhập" in page.text and 'lang="vi"' in page.text


def test_login_sets_a_strict_http_only_session_cookie_and_logout_ends_it(client: TestClient) -> None:
    response = login(client)
    assert response.status_code == 200 and "Hàng đợi rà soát" in response.text
    cookie = next(h for k, h in response.history[0].headers.multi_items() if k == "set-cookie")
    assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()
    client.post("/logout", data={"csrf": csrf_of(client.get("/queue").text)})
    assert client.get("/queue", follow_redirects=False).status_code == 303


def test_wrong_password_is_refused_in_vietnamese_and_login_is_rate_limited(client: TestClient) -> None:
    response = login(client, password="sai-mat-khau")
    assert response.status_code == 401 and "Tên đăng nhập hoặc mật khẩu không đúng" in response.text
    for _ in range(5):
        response = login(client, password="sai-mat-khau")
    assert response.status_code == 429 and "Quá nhiều lần đăng nhập sai" in response.text
    assert login(client, password=PASSWORD).status_code == 429  # even the right password waits


def test_every_form_post_without_a_valid_csrf_token_is_forbidden(reviewer: TestClient, app) -> None:
    key = queue_keys(reviewer)[0]
    from review.pages import router

    routes = [*app.routes, *router.routes]  # FastAPI 0.150 keeps an included router as one entry
    posts = [r.path for r in routes if "POST" in (getattr(r, "methods", None) or set())]
    assert set(posts) == {"/login", "/logout", "/item/{key}/decide", "/queue/accept-all"}
    for path in posts:
        url = path.replace("{key}", key)
        for data in ({}, {"csrf": "forged"}):
            response = reviewer.post(
                url, data={**data, "action": "accept", "confirm": "yes"}, follow_redirects=False
            )
            assert response.status_code == 403 and "CSRF" in response.text, (url, data)


def test_viewers_may_look_but_not_decide(client: TestClient) -> None:
    login(client, "minh")
    key = queue_keys(client)[0]
    page = client.get(f"/item/{key}")
    assert (
        page.status_code == 200 and "Tài khoản chỉ xem" in page.text and 'id="accept-form"' not in page.text
    )
    response = client.post(f"/item/{key}/decide", data={"csrf": csrf_of(page.text), "action": "accept"})
    assert response.status_code == 403 and "viewer" in response.text
    bulk = client.post("/queue/accept-all", data={"csrf": csrf_of(page.text), "confirm": "yes"})
    assert bulk.status_code == 403


def test_queue_filters_counts_and_progress(reviewer: TestClient) -> None:
    page = reviewer.get("/queue")
    assert page.status_code == 200 and "còn" in page.text.lower()
    done, total = remaining(reviewer)
    assert 0 < done == total
    only = queue_keys(reviewer, "?reason=arithmetic")
    assert only and all(k in queue_keys(reviewer) for k in only)
    assert queue_keys(reviewer, "?unit=nowhere") == []


def test_item_shows_indicator_reasons_source_and_effects_in_vietnamese(reviewer: TestClient) -> None:
    key = queue_keys(reviewer)[0]
    page = reviewer.get(f"/item/{key}").text
    assert "Lý do cần rà soát" in page and "Nguồn trong báo cáo" in page and "Nếu chấp nhận:" in page
    assert re.search(r"<mark>[^<]+</mark>|class=\"target\"", page)  # the value highlighted in its context
    assert "arithmetic" not in re.sub(r'value="[^"]*"|href="[^"]*"', "", page)  # reasons in words, not codes


def test_correction_is_validated_then_recorded_and_rescored(reviewer: TestClient, app) -> None:
    key = next(k for k in queue_keys(reviewer) if k.endswith("budget_revenue_attainment_pct"))
    bad = decide(reviewer, key, action="correct", value="mười hai tỷ")
    error_page = reviewer.get(bad.headers["location"])
    assert error_page.status_code == 400 and 'role="alert"' in error_page.text
    store: Store = app.state.store
    before = len(store.scoring_history("ubnd-tp-ha-noi.cum-8.2021", 2021, limit=10))
    assert decide(reviewer, key, action="correct", value="80%", note="theo bản gốc").status_code == 303
    after = store.scoring_history("ubnd-tp-ha-noi.cum-8.2021", 2021, limit=10)
    assert len(after) == before + 1
    (decision,) = store.decisions(*key.split(":"))
    assert (decision.action, decision.new_value, decision.reviewer, decision.note) == (
        "correct",
        80.0,
        "lan",
        "theo bản gốc",
    )
    assert key not in queue_keys(reviewer)
    audit = reviewer.get("/audit").text
    assert "theo bản gốc" in audit and "Sửa" in audit


def test_an_implausible_correction_is_confirmed_in_the_form(reviewer: TestClient, app) -> None:
    key = next(k for k in queue_keys(reviewer) if k.endswith("budget_revenue_attainment_pct"))
    asked = reviewer.get(decide(reviewer, key, action="correct", value="170%").headers["location"])
    assert "ngoài khoảng hợp lý 70–160%" in asked.text and 'name="confirm"' in asked.text
    no_note = reviewer.get(
        decide(reviewer, key, action="correct", value="170%", confirm="1").headers["location"]
    )
    assert "ghi chú lý do" in no_note.text
    assert app.state.store.decisions(*key.split(":")) == []
    done = decide(reviewer, key, action="correct", value="170%", confirm="1", note="bản gốc ghi 170%")
    assert done.status_code == 303
    (decision,) = app.state.store.decisions(*key.split(":"))
    assert (decision.new_value, decision.note) == (170.0, "bản gốc ghi 170%")


def test_reject_needs_a_note_and_undo_is_a_new_decision(reviewer: TestClient, app) -> None:
    key = queue_keys(reviewer)[0]
    missing = decide(reviewer, key, action="reject", note="")
    assert "lý do" in reviewer.get(missing.headers["location"]).text
    decide(reviewer, key, action="reject", note="số của năm trước")
    decide(reviewer, key, action="accept", note="Hoàn tác")
    actions = [d.action for d in app.state.store.decisions(*key.split(":"))]
    assert actions == ["reject", "accept"]


def test_accept_all_needs_confirmation(reviewer: TestClient) -> None:
    csrf = csrf_of(reviewer.get("/queue").text)
    refused = reviewer.post("/queue/accept-all", data={"csrf": csrf, "reason": "arithmetic"})
    assert refused.status_code == 400 and "xác nhận" in refused.text
    reviewer.post("/queue/accept-all", data={"csrf": csrf, "reason": "arithmetic", "confirm": "yes"})
    assert queue_keys(reviewer, "?reason=arithmetic") == []


def test_decisions_survive_re_extraction_of_the_same_document(reviewer: TestClient, app) -> None:
    key = next(k for k in queue_keys(reviewer) if k.endswith("budget_revenue_attainment_pct"))
    decide(reviewer, key, action="correct", value="80%", note="theo bản gốc")
    sha = key.split(":")[0]
    store = app.state.store
    run_job(store, Job(sha, "re-extraction", store.original_path(sha)), owner=owner_token(), force=True)
    assert len(app.state.store.runs(sha)) == 2
    page = reviewer.get(f"/item/{key}").text
    assert "80%" in page and "Đã sửa" in page and key not in queue_keys(reviewer)


def test_dashboard_shows_scores_chart_and_changes_and_exports(reviewer: TestClient) -> None:
    key = next(k for k in queue_keys(reviewer) if k.endswith("budget_revenue_attainment_pct"))
    decide(reviewer, key, action="correct", value="80%", note="giảm")
    page = reviewer.get("/dashboard").text
    assert "Bảng điểm thi đua" in page and page.count("<rect") == 6 and "hạng" in page
    workbook = reviewer.get("/export/cum-8/2021.xlsx")
    assert workbook.status_code == 200 and workbook.content[:2] == b"PK"
    assert reviewer.get("/export/cum-9/2021.xlsx").status_code == 404


def test_the_dashboard_offers_the_documents_to_sign_as_word(reviewer: TestClient, client: TestClient) -> None:
    import io

    from docx import Document

    page = reviewer.get("/dashboard").text
    for kind, heading in (("bang-tong-hop", "BẢNG TỔNG HỢP"), ("to-trinh", "TỜ TRÌNH")):
        link = f"/export/ubnd-tp-ha-noi.cum-8/2021/{kind}.docx"
        assert link in page
        response = reviewer.get(link)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/vnd.openxmlformats-officedocument")
        doc = Document(io.BytesIO(response.content))
        assert heading in [p.text for p in doc.paragraphs]
    assert reviewer.get("/export/cum-8/2021/khac.docx").status_code == 404
    assert "Không có văn bản" in reviewer.get("/export/cum-8/2021/khac.docx").text


def test_unknown_pages_and_items_answer_in_vietnamese(reviewer: TestClient) -> None:
    for path in ("/khong-co", "/item/" + "0" * 64 + ":jobs_created", "/source/" + "0" * 64 + "/page/1.png"):
        response = reviewer.get(path)
        assert response.status_code == 404
        assert "Không tìm thấy" in response.text or "Không có" in response.text
        assert "Traceback" not in response.text


def test_every_figure_of_a_unit_is_one_click_from_its_evidence(reviewer: TestClient) -> None:
    dashboard = reviewer.get("/dashboard").text
    link = re.search(r'href="(/unit/hoan-kiem/2021)"', dashboard)[1]
    page = reviewer.get(link).text
    keys = set(re.findall(r'href="/item/([0-9a-f]{64}:[a-z_]+)"', page))
    assert len(keys) >= 10
    for key in keys:
        item = reviewer.get(f"/item/{key}")
        assert item.status_code == 200 and "Nguồn trong báo cáo" in item.text


def test_a_new_version_of_the_report_is_flagged_again_and_shows_the_earlier_decision(
    reviewer: TestClient, app, tmp_path: Path
) -> None:
    import docx
    from review_env import SAMPLES

    from extractors.ingest import process_file

    key = next(k for k in queue_keys(reviewer) if k.endswith("budget_revenue_attainment_pct"))
    decide(reviewer, key, action="correct", value="80%", note="theo bản gốc")
    assert key not in queue_keys(reviewer)
    resubmitted = tmp_path / "hoang-mai-2021-prose-v2.docx"
    document = docx.Document(str(SAMPLES / "hoang-mai-2021-prose.docx"))
    document.add_paragraph("Bản gửi lại, bổ sung chữ ký.")
    document.save(str(resubmitted))
    process_file(app.state.store, resubmitted)
    new_key = next(k for k in queue_keys(reviewer) if k.endswith("budget_revenue_attainment_pct"))
    assert new_key != key  # the new document's figure is in the queue again
    page = reviewer.get(f"/item/{new_key}").text
    assert "Quyết định trên bản báo cáo trước" in page and "theo bản gốc" in page
