"""/tham-dinh over HTTP: who may enter verified scores and manual inputs, the form's checks, append-only
entries with the rescore, the match editor, and the self-score section of the queue."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

from review_env import PASSWORD, SAMPLES, csrf_of, prepare

from models.clusters import default_clusters
from models.store import Store
from review.app import create_app
from review.security import hash_password
from scoring.service import score_cluster_year

KEY = "ubnd-tp-ha-noi.cum-8.2021"
PAGE = "/tham-dinh/ubnd-tp-ha-noi.cum-8/2021"


@pytest.fixture
def settings(tmp_path: Path, db_url: str):
    settings = prepare(tmp_path / "home", db_url)
    with Store.open(settings.store) as store:
        store.add_user("chu", "chair", hash_password(PASSWORD), cluster_key=KEY)
        store.add_user("chu22", "chair", hash_password(PASSWORD), cluster_key="ubnd-tp-ha-noi.cum-8.2022")
        store.add_user("quantri", "admin", hash_password(PASSWORD))
        store.add_user("donvi", "unit", hash_password(PASSWORD), unit_id="hoan-kiem")
    return settings


@pytest.fixture
def client(settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as c:
        yield c


def as_user(client: TestClient, name: str) -> TestClient:
    page = client.get("/login")
    form = {"username": name, "password": PASSWORD, "csrf": csrf_of(page.text)}
    assert client.post("/login", data=form, follow_redirects=False).status_code == 303
    return client


def post(client: TestClient, unit: str = "hoan-kiem", csrf: str | None = None, **form: str):
    if csrf is None:
        csrf = csrf_of(client.get(PAGE).text)
    return client.post(f"{PAGE}/{unit}", data={"csrf": csrf, **form}, follow_redirects=False)


def entries(settings) -> list:
    with Store.open(settings.store) as store:
        return store.score_entries(KEY)


def test_the_chair_is_sent_to_its_cluster_year_and_others_see_the_list(client: TestClient):
    as_user(client, "chu")
    response = client.get("/tham-dinh", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == PAGE
    page = client.get(PAGE).text
    assert "Thẩm định điểm — Cụm thi đua số 8, năm 2021" in page and 'id="hoan-kiem"' in page
    assert 'name="v.A1"' in page and 'name="m.attended"' in page and "Điểm thidua tính" in page
    client.cookies.clear()
    as_user(client, "minh")  # the viewer: the list, and the page without inputs
    listing = client.get("/tham-dinh").text
    assert f'href="{PAGE}"' in listing
    page = client.get(PAGE).text
    assert "Chỉ xem" in page and 'name="v.A1"' not in page


def test_the_chair_records_changed_fields_only_and_the_scores_follow(client: TestClient, settings):
    as_user(client, "chu")
    page = client.get(PAGE).text
    was_b2 = re.search(r'name="was\.B2" value="([^"]*)"', page)[1]
    response = post(
        client, **{"v.B2": "2,5", "was.B2": was_b2, "n.B2": "theo minh chứng", "v.A1": "15", "was.A1": "15"}
    )
    assert response.status_code == 303 and response.headers["location"].startswith(PAGE)
    recorded = entries(settings)
    assert [(e.unit_id, e.kind, e.key, e.old_value, e.new_value, e.note, e.decided_by) for e in recorded] == [
        ("hoan-kiem", "verified", "B2", None, 2.5, "theo minh chứng", "chu")
    ]
    cluster = default_clusters().get("cum-8", 2021)
    with Store.open(settings.store) as store:
        unit = score_cluster_year(store, cluster, settings.manual, record=False).result.unit("hoan-kiem")
        assert unit.criteria["B2"].points == 2.5 and unit.criteria["B2"].verified
        assert store.latest_publications()[(KEY, 2021)] is not None  # rescored and published
    shown = client.get(response.headers["location"]).text
    assert "Đã ghi 1 giá trị" in shown and "theo minh chứng" in shown and 'name="was.B2" value="2.5"' in shown
    # a manual input: recorded once, the same value again records nothing
    assert post(client, **{"m.attended": "4"}).status_code == 303
    assert post(client, **{"m.attended": "4"}).status_code == 303
    assert [(e.key, e.new_value) for e in entries(settings)][1:] == [("attended", 4.0)]


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"v.A1": "16", "was.A1": "15"}, "vượt điểm chuẩn 15"),
        ({"v.A1": "mười", "was.A1": "15"}, "không phải là số"),
        ({"m.attended": "-1"}, "phải từ 0"),
    ],
)
def test_a_value_that_cannot_be_used_shows_the_form_again_and_records_nothing(
    client: TestClient, settings, form, message
):
    as_user(client, "chu")
    response = post(client, **{"v.B2": "3", "was.B2": "4"}, **form)
    assert (
        response.status_code == 400 and message in response.text and "Chưa ghi giá trị nào" in response.text
    )
    assert entries(settings) == []


@pytest.mark.parametrize("name", ["chu22", "lan", "minh", "quantri", "donvi"])
def test_only_the_chair_of_the_cluster_year_may_post(client: TestClient, settings, name: str):
    as_user(client, name)
    csrf = csrf_of(client.get("/nop" if name == "donvi" else "/queue").text)
    response = post(client, csrf=csrf, **{"v.B2": "3", "was.B2": "4"})
    assert response.status_code == 403
    assert client.post(f"{PAGE}/hoan-kiem/khop", data={"csrf": csrf}).status_code == 403
    assert entries(settings) == []


def test_a_post_without_csrf_is_refused(client: TestClient, settings):
    as_user(client, "chu")
    response = client.post(f"{PAGE}/hoan-kiem", data={"v.B2": "3", "was.B2": "4"}, follow_redirects=False)
    assert response.status_code == 403 and entries(settings) == []
    assert post(client, csrf="sai", **{"v.B2": "3", "was.B2": "4"}).status_code == 403


def store_long_biens_sheet(settings) -> tuple[int, str]:
    """Long Biên's sample self-score sheet (its C1 above the maximum) stored as sent: the sheet's id and
    the file's sha256."""
    from extractors.self_score import read_self_score

    sheet = SAMPLES / "self_scores" / "long-bien-2021-tu-cham.xlsx"
    with Store.open(settings.store) as store:
        sha, _, _ = store.keep_original(sheet)
        sheet_id = store.record_self_score_sheet(
            sha256=sha,
            unit_id="long-bien",
            year=2021,
            cluster_key=KEY,
            original_name=sheet.name,
            lines=read_self_score(sheet).lines,
            by="test",
        )
    return sheet_id, sha


def test_the_queue_shows_self_scores_and_the_chair_changes_a_match(client: TestClient, settings):
    first, sha = store_long_biens_sheet(settings)
    as_user(client, "chu")
    queue = client.get("/queue").text
    assert "Điểm tự chấm cần xem" in queue and f'href="{PAGE}#long-bien"' in queue
    assert "vượt điểm chuẩn 7" in queue and "long-bien-2021-tu-cham.xlsx" in queue
    page = client.get(PAGE).text
    assert "khớp theo số" in page or "khớp theo tên" in page
    line = re.search(r'<select name="match\.([^"]+)">(?:(?!</select>).)*selected>C1<', page, re.S)[1]
    csrf = csrf_of(page)
    response = client.post(
        f"{PAGE}/long-bien/khop", data={"csrf": csrf, f"match.{line}": "C2"}, follow_redirects=False
    )
    assert response.status_code == 303
    with Store.open(settings.store) as store:
        current = store.current_self_score_sheets(KEY)["long-bien"]
        assert current.id != first and current.matches == {line: "C2"} and current.sha256 == sha
        assert len(store.self_score_sheets("long-bien", KEY)) == 2  # append-only
    # verifying the criterion settles its item in the queue
    post(client, unit="long-bien", **{"v.C2": "3", "was.C2": "", "n.C2": "đã xem"})
    assert "Điểm tự chấm 7,5" not in client.get("/queue").text


def test_the_chair_sees_which_files_came_late(client: TestClient, settings) -> None:
    """A unit's upload after the deadline is marked late on the chair's page (the scale's deduction for
    late dossiers is the chair's to enter)."""
    from datetime import UTC, datetime

    from extractors.submission import accept_upload
    from scoring.cluster_setup import copy_cluster, save_cluster

    bundled = default_clusters().get("cum-8", 2021)
    save_cluster(copy_cluster(bundled, 2021, deadline=datetime(2022, 1, 15).date()), by="test")
    cluster = default_clusters().get("cum-8", 2021)
    with Store.open(settings.store) as store:
        for day in (10, 20):  # one before the deadline, one after
            accept_upload(
                store,
                data_path=SAMPLES / "self_scores" / "hoan-kiem-2021-tu-cham.docx",
                original_name="tu-cham.docx",
                kind="self_score",
                account_unit="hoan-kiem",
                cluster=cluster,
                by="hk",
                now=datetime(2022, 1, day, 3, tzinfo=UTC),
            )
    as_user(client, "chu")
    page = client.get(PAGE).text
    section = page[page.index('id="hoan-kiem"') :][:3000]
    assert "1 nộp muộn, hạn 15/01/2022" in section and section.count("nộp muộn") == 2
    other = page[page.index('id="ba-dinh"') :][:2000]
    assert "chưa nộp hồ sơ qua hệ thống" in other


def test_the_page_opens_with_the_units_their_totals_and_which_need_a_look(client: TestClient, settings):
    store_long_biens_sheet(settings)
    as_user(client, "chu")
    page = client.get(PAGE).text
    nav = page[page.index('<nav class="units"') : page.index("</nav>", page.index('<nav class="units"'))]
    assert nav.count("<li>") == 6 and 'href="#long-bien"' in nav
    long_bien = next(li for li in nav.split("<li>") if "#long-bien" in li)
    assert "có điểm tự chấm cần xem" in long_bien
    assert all("cần xem" not in li for li in nav.split("<li>") if "#ba-dinh" in li)
