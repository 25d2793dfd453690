"""The admin pages over HTTP: accounts made, reset and locked from the browser, and a 2025 cluster of wards
set up as a copy of 2024 and then read by the whole application; only an admin gets in, every post needs
its CSRF token, and bad input comes back in Vietnamese with what was typed."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

from review_env import PASSWORD, csrf_of, login

from models.clusters import default_clusters, home_clusters_dir
from models.store import Store, StoreSettings
from review.admin import router
from review.app import create_app
from review.security import hash_password, verify_password
from review.settings import ReviewSettings

COPY_2024 = "/admin/cum/new?from=ubnd-tp-ha-noi.cum-8&from_year=2024&year=2025"
WARDS = ["phuong-hoan-kiem", "phuong-ba-dinh", "phuong-long-bien"]


@pytest.fixture
def settings(tmp_path: Path, db_url: str, monkeypatch) -> ReviewSettings:
    home = tmp_path / "home"
    monkeypatch.setenv("THIDUA_HOME", str(home))  # where the cluster-years an admin sets up are kept
    settings = ReviewSettings(
        store=StoreSettings(home=home, database_url=db_url), secret_key="k" * 48, manual_dir=home / "manual"
    )
    with Store.open(settings.store) as store:
        store.add_user("quantri", "admin", hash_password(PASSWORD))
        store.add_user("lan", "reviewer", hash_password(PASSWORD))
        store.add_user("minh", "viewer", hash_password(PASSWORD))
        store.add_user("truong", "chair", hash_password(PASSWORD), cluster_key="ubnd-tp-ha-noi.cum-8.2021")
        store.add_user("hoankiem", "unit", hash_password(PASSWORD), unit_id="hoan-kiem")
    return settings


@pytest.fixture
def app(settings: ReviewSettings):
    return create_app(settings)


@pytest.fixture
def admin(app) -> Iterator[TestClient]:
    with TestClient(app) as client:
        response = login(client, "quantri")
        assert response.status_code == 200 and "<h1>Quản trị</h1>" in response.text
        yield client


def _csrf(client: TestClient) -> str:
    return csrf_of(client.get("/login").text)  # the session's token, on the one page every role may open


def _create(client: TestClient, **fields: str):
    data = {"csrf": _csrf(client), "password": "mat-khau-moi-1", "password2": "mat-khau-moi-1", **fields}
    return client.post("/admin/users", data=data, follow_redirects=False)


def _store(app) -> Store:
    return app.state.store


def test_admin_creates_a_unit_and_a_chair_account_recorded_with_its_name(admin: TestClient, app) -> None:
    page = admin.get("/admin")
    assert page.status_code == 200
    assert "cụm trưởng, cụm phó" in page.text and "Thiết lập năm mới (sao chép năm trước)" in page.text
    response = _create(admin, name="donvi-hk", role="unit", unit_id="phuong-hoan-kiem")
    assert response.status_code == 303 and response.headers["location"] == "/admin"
    assert "Đã tạo tài khoản donvi-hk (đơn vị)" in admin.get("/admin").text
    assert "Đã tạo tài khoản" not in admin.get("/admin").text  # the message is shown once
    assert (
        _create(admin, name="cum8", role="chair", cluster_key="ubnd-tp-ha-noi.cum-8.2024").status_code == 303
    )
    store = _store(app)
    unit, chair = store.get_user("donvi-hk"), store.get_user("cum8")
    assert (unit.role, unit.unit_id, unit.cluster_key) == ("unit", "phuong-hoan-kiem", None)
    assert (chair.role, chair.cluster_key, chair.unit_id) == ("chair", "ubnd-tp-ha-noi.cum-8.2024", None)
    assert verify_password("mat-khau-moi-1", unit.password_hash)
    [event] = store.account_events("donvi-hk")
    assert (event.action, event.by, event.detail) == ("created", "quantri", "unit phuong-hoan-kiem")
    row = admin.get("/admin").text.split('id="user-donvi-hk"')[1].split("</tr>")[0]
    assert "đơn vị" in row and "Phường Hoàn Kiếm" in row and "hoạt động" in row
    row = admin.get("/admin").text.split('id="user-cum8"')[1].split("</tr>")[0]
    assert "Cụm thi đua số 8 (2024)" in row and "ubnd-tp-ha-noi" not in row
    log = admin.get("/admin").text.split("Nhật ký tài khoản")[1]
    assert "đơn vị — Phường Hoàn Kiếm" in log and "cụm trưởng, cụm phó — Cụm thi đua số 8 (2024)" in log
    assert "unit phuong-hoan-kiem" not in log


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"role": "unit"}, "Tài khoản đơn vị cần chọn đơn vị."),
        ({"role": "unit", "unit_id": "phuong-khong-co"}, "Đơn vị «phuong-khong-co» không có trong danh mục."),
        ({"role": "chair"}, "cần chọn cụm thi đua và năm"),
        ({"role": "chair", "cluster_key": "ubnd-tp-ha-noi.cum-8.2019"}, "chưa được thiết lập"),
        ({"role": "reviewer", "password2": "khac-han-nhau"}, "Hai lần nhập mật khẩu không khớp."),
        ({"role": "reviewer", "password": "ngan", "password2": "ngan"}, "ít nhất 8 ký tự"),
        ({"role": "superuser"}, "Vai trò «superuser» không hợp lệ"),
    ],
)
def test_a_wrong_account_form_says_why_and_keeps_what_was_typed(
    admin: TestClient, app, fields: dict, message: str
) -> None:
    response = _create(admin, name="nguoi-moi", **fields)
    assert response.status_code == 400 and message in response.text
    assert 'name="name" value="nguoi-moi"' in response.text and "Traceback" not in response.text
    assert _store(app).get_user("nguoi-moi") is None


def test_an_existing_name_is_refused(admin: TestClient) -> None:
    response = _create(admin, name="lan", role="viewer")
    assert response.status_code == 400 and "Tên đăng nhập «lan» đã có" in response.text


def test_reset_deactivate_and_reactivate_from_the_page(admin: TestClient, app) -> None:
    with TestClient(app) as other:
        assert login(other, "lan").status_code == 200
        assert other.get("/audit", follow_redirects=False).status_code == 200
        data = {"csrf": _csrf(admin), "password": "mat-khau-lan-2", "password2": "mat-khau-lan-2"}
        assert admin.post("/admin/users/lan/password", data=data, follow_redirects=False).status_code == 303
        assert verify_password("mat-khau-lan-2", _store(app).get_user("lan").password_hash)
        off = {"csrf": _csrf(admin), "active": "0"}
        assert admin.post("/admin/users/lan/active", data=off, follow_redirects=False).status_code == 303
        # the session lan opened before is logged out at its next request
        response = other.get("/audit", follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"].startswith("/login")
    with TestClient(app) as again:
        refused = login(again, "lan", "mat-khau-lan-2")
        assert refused.status_code == 401 and "Tên đăng nhập hoặc mật khẩu không đúng" in refused.text
    on = {"csrf": _csrf(admin), "active": "1"}
    assert admin.post("/admin/users/lan/active", data=on, follow_redirects=False).status_code == 303
    with TestClient(app) as back:
        assert login(back, "lan", "mat-khau-lan-2").status_code == 200
    actions = [(e.action, e.by) for e in _store(app).account_events("lan")]
    assert actions == [
        ("created", "cli"),
        ("password_reset", "quantri"),
        ("deactivated", "quantri"),
        ("reactivated", "quantri"),
    ]
    mismatch = {"csrf": _csrf(admin), "password": "mat-khau-lan-3", "password2": "mat-khau-lan-4"}
    response = admin.post("/admin/users/lan/password", data=mismatch)
    assert response.status_code == 400 and "không khớp" in response.text
    missing = admin.post("/admin/users/khong-co/password", data={**mismatch, "password2": "mat-khau-lan-3"})
    assert missing.status_code == 404 and "Không có tài khoản «khong-co»" in missing.text


def test_an_admin_cannot_lock_itself_out(admin: TestClient, app) -> None:
    response = admin.post("/admin/users/quantri/active", data={"csrf": _csrf(admin), "active": "0"})
    assert response.status_code == 400 and "Không thể tự khóa" in response.text
    assert _store(app).get_user("quantri").active


def _cluster_form(admin: TestClient, **fields) -> dict:
    data = {
        "csrf": _csrf(admin),
        "source": "ubnd-tp-ha-noi.cum-8.2024",
        "organiser": "ubnd-tp-ha-noi",
        "organiser_name": "UBND Thành phố Hà Nội",
        "number": "8",
        "year": "2025",
        "name": "Cụm thi đua số 8",
        "members": WARDS,
        "chair": "phuong-hoan-kiem",
        "vices": ["phuong-ba-dinh"],
        "scoring": "default.v1",
        "deadline": "2026-01-15",
    }
    return {**data, **fields}


def test_a_2025_cluster_of_wards_is_set_up_from_a_copy_of_2024(admin: TestClient) -> None:
    with pytest.raises(KeyError):
        default_clusters().get("cum-8", 2025)
    form = admin.get(COPY_2024)
    assert form.status_code == 200 and "Sao chép từ ubnd-tp-ha-noi.cum-8.2024" in form.text
    assert 'name="year" value="2025"' in form.text and 'type="date"' in form.text
    assert 'value="ba-dinh" id="m-ba-dinh" checked' in form.text  # the 2024 members, prefilled
    assert 'value="phuong-hoan-kiem" id="m-phuong-hoan-kiem" >' in form.text
    assert "Phường Hoàn Kiếm" in form.text and "phường" in form.text and "default.v1" in form.text
    response = admin.post("/admin/cum", data=_cluster_form(admin), follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/admin")
    listing = admin.get("/admin")
    assert "Đã lưu Cụm thi đua số 8 năm 2025 (ubnd-tp-ha-noi.cum-8.2025)" in listing.text
    assert 'id="cum-ubnd-tp-ha-noi.cum-8.2025"' in listing.text and "15/01/2026" in listing.text
    cluster = default_clusters().get("cum-8", 2025)
    assert (cluster.members, cluster.chair, cluster.vices) == (
        tuple(WARDS),
        "phuong-hoan-kiem",
        ("phuong-ba-dinh",),
    )
    assert (str(cluster.deadline), cluster.set_by, cluster.scoring) == ("2026-01-15", "quantri", "default.v1")
    assert Path(cluster.source) == home_clusters_dir() / "ubnd-tp-ha-noi.cum-8.2025.toml"
    # the year is chosen for a chair account at once
    assert _create(admin, name="cum8-2025", role="chair", cluster_key=cluster.key).status_code == 303
    # saved again with another chair: the first version is kept in the history
    again = admin.get("/admin/cum/new?from=ubnd-tp-ha-noi.cum-8&from_year=2025&year=2025")
    assert "đã có" in again.text and "bản cũ được giữ trong lịch sử" in again.text
    changed = _cluster_form(admin, chair="phuong-long-bien")
    assert admin.post("/admin/cum", data=changed, follow_redirects=False).status_code == 303
    assert default_clusters().get("cum-8", 2025).chair == "phuong-long-bien"
    [earlier] = (home_clusters_dir() / "history").glob("ubnd-tp-ha-noi.cum-8.2025.*.toml")
    assert 'chair = "phuong-hoan-kiem"' in earlier.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"members": [*WARDS, "phuong-khong-co"]}, "Đơn vị «phuong-khong-co» không có trong danh mục đơn vị"),
        ({"chair": "phuong-dong-da"}, "Cụm trưởng «phuong-dong-da» không phải thành viên của cụm."),
        ({"vices": ["phuong-lang"]}, "Cụm phó phuong-lang không phải thành viên của cụm."),
        ({"members": []}, "Cụm cần ít nhất một đơn vị thành viên."),
        ({"scoring": "khong-co.v9"}, "Không có bộ tiêu chí chấm điểm «khong-co.v9»; hiện có: default.v1"),
        ({"deadline": "15/01/2026"}, "Hạn nộp «15/01/2026» không phải một ngày"),
        ({"year": "năm sau"}, "Năm phải là số nguyên"),
    ],
)
def test_a_wrong_cluster_form_says_why_in_vietnamese(admin: TestClient, fields: dict, message: str) -> None:
    response = admin.post("/admin/cum", data=_cluster_form(admin, **fields))
    assert response.status_code == 400 and message in response.text and "Traceback" not in response.text
    assert 'value="phuong-long-bien" id="m-phuong-long-bien" checked' in response.text or not fields.get(
        "members", WARDS
    )  # what was ticked stays ticked
    assert not list(home_clusters_dir().glob("*.toml"))


def test_a_new_cluster_with_no_earlier_year(admin: TestClient) -> None:
    form = admin.get("/admin/cum/new?year=2025")
    assert form.status_code == 200 and 'name="organiser"' in form.text
    data = _cluster_form(
        admin,
        source="",
        number="12",
        members=["phuong-dong-da", "phuong-lang"],
        chair="phuong-dong-da",
        vices=[],
    )
    assert admin.post("/admin/cum", data=data, follow_redirects=False).status_code == 303
    assert default_clusters().get("cum-12", 2025).members == ("phuong-dong-da", "phuong-lang")
    missing = admin.get("/admin/cum/new?from=cum-99&from_year=2024")
    assert missing.status_code == 404 and "Không có cụm «cum-99» năm «2024»" in missing.text


ROUTES = [
    ("GET", "/admin"),
    ("GET", COPY_2024),
    ("POST", "/admin/users"),
    ("POST", "/admin/users/minh/password"),
    ("POST", "/admin/users/minh/active"),
    ("POST", "/admin/cum"),
]


def test_the_routes_tested_are_every_admin_route() -> None:
    declared = {(m, r.path) for r in router.routes for m in r.methods}
    tested = {(m, p.split("?")[0].replace("minh", "{name}")) for m, p in ROUTES}
    assert tested == declared


@pytest.mark.parametrize("name", ["lan", "minh", "truong", "hoankiem"])
def test_every_other_role_is_forbidden_on_every_admin_route(app, name: str) -> None:
    with TestClient(app) as client:
        login(client, name)
        csrf = _csrf(client)
        for method, path in ROUTES:
            if method == "GET":
                response = client.get(path, follow_redirects=False)
            else:
                data = {**_cluster_form(client), "csrf": csrf, "name": "ke-la", "role": "admin"}
                data.update(password="mat-khau-ke-la", password2="mat-khau-ke-la", active="0")
                response = client.post(path, data=data, follow_redirects=False)
            assert response.status_code == 403, (name, method, path)
    store = _store(app)
    assert store.get_user("ke-la") is None and store.get_user("minh").active
    assert verify_password(PASSWORD, store.get_user("minh").password_hash)
    assert not list(home_clusters_dir().glob("*.toml"))


def test_every_admin_post_without_its_csrf_token_is_forbidden(admin: TestClient, app) -> None:
    for method, path in ROUTES:
        if method != "POST":
            continue
        for token in (None, "forged"):
            data = {**_cluster_form(admin), "name": "ke-la", "role": "admin", "active": "0"}
            data.update(password="mat-khau-ke-la", password2="mat-khau-ke-la", csrf=token)
            if token is None:
                del data["csrf"]
            response = admin.post(path, data=data, follow_redirects=False)
            assert response.status_code == 403 and "CSRF" in response.text, (path, token)
    assert _store(app).get_user("ke-la") is None and _store(app).get_user("minh").active
    assert not list(home_clusters_dir().glob("*.toml"))


def test_without_a_session_the_admin_pages_send_to_the_login(app) -> None:
    with TestClient(app) as client:
        for _, path in ROUTES:
            response = client.get(path, follow_redirects=False)
            assert response.status_code == 303 and response.headers["location"].startswith("/login")
