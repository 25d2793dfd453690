"""The unit's submission pages over HTTP: its own cluster-years and uploads only, CSRF on every form, the
pre-check after an upload, and the download of its own original."""

# ruff: noqa: F811 (the tests take the fixtures imported from submit_env as arguments)
from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

from review_env import csrf_of
from submit_env import REPORT, SHEET, app, as_user, client, upload  # noqa: F401 (app, client: fixtures)


def test_the_unit_uploads_its_report_and_sees_the_figures_read_with_their_source(client: TestClient) -> None:
    page = as_user(client, "hk").get("/nop")
    assert page.status_code == 200 and "Cụm thi đua số 8 năm 2021" in page.text
    assert page.text.count('enctype="multipart/form-data"') >= 2 and 'name="csrf"' in page.text
    assert "cum-9" not in page.text  # not a member there
    response = upload(client, REPORT)
    assert response.status_code == 303
    target = response.headers["location"]
    assert re.fullmatch(r"/nop/ho-so/\d+", target)
    check = client.get(target)
    assert check.status_code == 200 and "Đã đọc" in check.text
    assert "13.200 tỷ đồng" in check.text and "Thu ngân sách nhà nước trên địa bàn (thực hiện)" in check.text
    assert "Không thiếu chỉ tiêu bắt buộc nào" in check.text and "Nộp lại" in check.text
    listing = client.get("/nop").text
    assert "hoan-kiem-2021-prose.docx" in listing and "Đúng hạn" in listing
    original = client.get(f"{target}/ban-goc")
    assert original.status_code == 200 and original.content == REPORT.read_bytes()
    assert "attachment" in original.headers["content-disposition"]


def test_a_vietnamese_or_hostile_name_is_downloaded_under_a_safely_encoded_name(client: TestClient) -> None:
    as_user(client, "hk")
    target = upload(client, REPORT, name='..\\..\\Báo cáo "năm" 2021.docx').headers["location"]
    disposition = client.get(f"{target}/ban-goc").headers["content-disposition"]
    assert "filename*=utf-8''" in disposition and '"năm"' not in disposition and ".." not in disposition


def test_a_unit_sees_neither_another_units_uploads_nor_a_cluster_year_it_is_not_in(
    client: TestClient,
) -> None:
    as_user(client, "hk")
    target = upload(client, REPORT).headers["location"]
    csrf = csrf_of(client.get("/nop").text)
    files = {"file": ("x.docx", REPORT.read_bytes(), "application/octet-stream")}
    refused = client.post("/nop/cum-9/2021/bao-cao", data={"csrf": csrf}, files=files)
    assert refused.status_code == 403 and "không thuộc" in refused.text
    as_user(client, "bd")
    assert client.get(target).status_code == 404
    assert client.get(f"{target}/ban-goc").status_code == 404
    assert "cum-9" in client.get("/nop").text or "Cụm thi đua số 9" in client.get("/nop").text
    as_user(client, "lan")
    assert client.get("/nop").status_code == 403 and client.get(target).status_code == 403


def test_an_upload_without_a_valid_csrf_token_is_forbidden(client: TestClient, app) -> None:
    as_user(client, "hk")
    files = {"file": ("x.docx", REPORT.read_bytes(), "application/octet-stream")}
    for data in ({}, {"csrf": "forged"}):
        for kind in ("bao-cao", "tu-cham"):
            response = client.post(f"/nop/cum-8/2021/{kind}", data=data, files=files)
            assert response.status_code == 403 and "CSRF" in response.text
    assert app.state.store.uploads_for("hoan-kiem") == []


def test_a_self_score_sheet_is_shown_with_its_lines(client: TestClient) -> None:
    as_user(client, "hk")
    target = upload(client, SHEET, kind="tu-cham").headers["location"]
    page = client.get(target)
    assert page.status_code == 200 and "Các dòng đã đọc được" in page.text and "Điểm tự chấm" in page.text
    assert "Thu ngân sách nhà nước trên địa bàn so với dự toán Thành phố giao" in page.text


def test_a_file_over_the_limit_is_refused_with_a_message_and_a_renamed_text_file_too(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    as_user(client, "hk")
    monkeypatch.setenv("THIDUA_MAX_FILE_MB", "0.01")
    page = client.get(upload(client, REPORT).headers["location"])
    assert "Bị từ chối" in page.text and "vượt giới hạn" in page.text
    monkeypatch.delenv("THIDUA_MAX_FILE_MB")
    fake = tmp_path / "bao-cao.pdf"
    fake.write_text("chỉ là văn bản\n" * 50, encoding="utf-8")
    page = client.get(upload(client, fake).headers["location"])
    assert "không phải là tệp báo cáo hợp lệ" in page.text and "Tải bản gốc" not in page.text
