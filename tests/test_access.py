"""Access, route by route and role by role: every route of the review app is listed here with the roles that
may use it, and every other role is refused (403, or 404 where a unit must not learn that another unit's
upload exists) without anything stored. A route added without a line here fails the first test.

Also: every POST refuses a missing or forged CSRF token, for every role, before anything else; every form
of every page a role may open carries the CSRF token.
"""

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
from sqlalchemy import func, select

from extractors.submission import accept_upload
from models.clusters import default_clusters
from models.schema import AccountEvent, Decision, ScoreEntry, SelfScoreSheet, Upload, User
from models.store import Store
from review.app import create_app
from review.security import hash_password

C8 = "ubnd-tp-ha-noi.cum-8"
ROLES = {  # account -> (role, scope)
    "lan": ("reviewer", {}),
    "minh": ("viewer", {}),
    "chu": ("chair", {"cluster_key": f"{C8}.2021"}),
    "chu22": ("chair", {"cluster_key": f"{C8}.2022"}),
    "hk": ("unit", {"unit_id": "hoan-kiem"}),
    "bd": ("unit", {"unit_id": "ba-dinh"}),
    "phk": ("unit", {"unit_id": "phuong-hoan-kiem"}),  # a ward: in no 2021 cluster
    "qt": ("admin", {}),
}
LOOKERS = {"lan", "minh", "chu", "chu22", "qt"}  # every account but the units'
# (method, path) -> the accounts that may use it; "{own}" marks the owning unit's upload
POLICY: dict[tuple[str, str], set[str]] = {
    ("GET", "/"): LOOKERS,
    ("GET", "/queue"): LOOKERS,
    ("GET", "/item/{key}"): LOOKERS,
    ("GET", "/source/{sha256}/page/{page}.png"): LOOKERS,
    ("GET", "/dashboard"): LOOKERS,
    ("GET", "/unit/{unit_id}/{year}"): LOOKERS,
    ("GET", "/audit"): LOOKERS,
    ("GET", "/export/{cluster}/{year}.xlsx"): LOOKERS,
    ("GET", "/export/{cluster}/{year}/{kind}.docx"): LOOKERS,
    ("GET", "/tham-dinh"): LOOKERS,
    ("GET", "/tham-dinh/{cluster}/{year}"): LOOKERS,
    ("POST", "/item/{key}/decide"): {"lan", "chu"},
    ("POST", "/queue/accept-all"): {"lan", "chu", "chu22"},  # a chair accepts within its own cluster only
    ("POST", "/tham-dinh/{cluster}/{year}/{unit_id}"): {"chu"},
    ("POST", "/tham-dinh/{cluster}/{year}/{unit_id}/khop"): {"chu"},
    ("GET", "/admin"): {"qt"},
    ("GET", "/admin/cum/new"): {"qt"},
    ("POST", "/admin/users"): {"qt"},
    ("POST", "/admin/users/{name}/password"): {"qt"},
    ("POST", "/admin/users/{name}/active"): {"qt"},
    ("POST", "/admin/cum"): {"qt"},
    ("GET", "/nop"): {"hk", "bd", "phk"},
    ("POST", "/nop/{cluster}/{year}/bao-cao"): {"hk", "bd"},  # members of the cluster-year only
    ("POST", "/nop/{cluster}/{year}/tu-cham"): {"hk", "bd"},
    ("GET", "/nop/ho-so/{upload_id}"): {"hk"},  # its own upload only
    ("GET", "/nop/ho-so/{upload_id}/ban-goc"): {"hk"},
}
PUBLIC = {("GET", "/login"), ("POST", "/login"), ("POST", "/logout")}


@pytest.fixture(scope="module")
def installation(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """One installation for the module (SQLite): the sample reports, every account, one upload of hk."""
    tmp = tmp_path_factory.mktemp("access")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("THIDUA_HOME", str(tmp / "home"))
        yield from _installation(tmp)


def _installation(tmp: Path) -> Iterator[dict]:
    settings = prepare(tmp / "home", f"sqlite:///{tmp / 'thidua.db'}")
    with Store.open(settings.store) as store:
        for name, (role, scope) in ROLES.items():
            if store.get_user(name) is None:
                store.add_user(name, role, hash_password(PASSWORD), **scope)
        upload = accept_upload(
            store,
            data_path=SAMPLES / "self_scores" / "hoan-kiem-2021-tu-cham.docx",
            original_name="tu-cham.docx",
            kind="self_score",
            account_unit="hoan-kiem",
            cluster=default_clusters().get("cum-8", 2021),
            by="hk",
        )
        figure = store.figures_frame().iloc[0]
    yield {
        "settings": settings,
        "params": {
            "key": f"{figure['document_sha256']}:{figure['indicator']}",
            "sha256": figure["document_sha256"],
            "page": "1",
            "unit_id": "hoan-kiem",
            "year": "2021",
            "cluster": C8,
            "kind": "bang-tong-hop",
            "name": "minh",
            "upload_id": str(upload.upload_id),
        },
    }


@pytest.fixture
def client(installation: dict) -> Iterator[TestClient]:
    with TestClient(create_app(installation["settings"])) as c:
        yield c


def as_user(client: TestClient, name: str) -> str:
    """Log in; the session's CSRF token."""
    client.cookies.clear()
    page = client.get("/login")
    form = {"username": name, "password": PASSWORD, "csrf": csrf_of(page.text)}
    assert client.post("/login", data=form, follow_redirects=False).status_code == 303
    landing = client.get("/nop" if ROLES[name][0] == "unit" else "/queue")
    return csrf_of(landing.text)


def url(path: str, params: dict) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: params[m.group(1)], path)


def stored(installation: dict) -> tuple[int, ...]:
    with Store.open(installation["settings"].store) as store, store._sessions() as session:
        tables = (Decision, ScoreEntry, User, AccountEvent, Upload, SelfScoreSheet)
        return tuple(session.scalar(select(func.count()).select_from(t)) for t in tables)


def routes(app) -> set[tuple[str, str]]:
    found = set()
    # FastAPI keeps an included router as one entry; its routes are those of the original router
    flat = [
        r
        for top in app.routes
        for r in (getattr(top, "original_router", None) and top.original_router.routes) or [top]
    ]
    for route in flat:
        for method in getattr(route, "methods", None) or ():
            if method in ("GET", "POST") and not route.path.startswith("/static"):
                found.add((method, route.path))
    return found


FORM = {  # enough for each POST to reach its decision, were it allowed
    "action": "accept",
    "confirm": "yes",
    "name": "moi",
    "role": "viewer",
    "password": PASSWORD,
    "password2": PASSWORD,
    "active": "0",
    "v.A1": "1",
    "m.attended": "1",
}


def post(client: TestClient, target: str, path: str, token: dict):
    if path.startswith("/nop"):  # an upload: the file and the token (the form takes no more fields)
        files = {"file": ("bao-cao.docx", (SAMPLES / "hoan-kiem-2021-prose.docx").read_bytes())}
        return client.post(target, data=token, files=files, follow_redirects=False)
    return client.post(target, data={**FORM, **token}, follow_redirects=False)


def test_every_route_is_in_the_policy(client: TestClient) -> None:
    assert routes(client.app) == set(POLICY) | PUBLIC


@pytest.mark.parametrize("name", sorted(ROLES))
def test_each_role_is_refused_every_route_not_its_own_and_nothing_is_stored(
    client: TestClient, installation: dict, name: str
) -> None:
    csrf = as_user(client, name)
    params = installation["params"]
    before = stored(installation)
    for (method, path), allowed in POLICY.items():
        target = url(path, params)
        if method == "GET":
            response = client.get(target, follow_redirects=False)
            if name in allowed:
                # not refused (a Word report has no page image: 404 there is "no such page", not "no")
                assert response.status_code != 403 and response.status_code < 500, (name, target)
            else:
                assert response.status_code in (403, 404), (name, target, response.status_code)
        elif name not in allowed:
            response = post(client, target, path, {"csrf": csrf})
            assert response.status_code in (403, 404), (name, method, target, response.status_code)
    assert stored(installation) == before, f"{name}: a refused request stored something"


@pytest.mark.parametrize("name", sorted(ROLES))
def test_every_post_without_a_valid_csrf_token_is_refused_for_every_role(
    client: TestClient, installation: dict, name: str
) -> None:
    as_user(client, name)
    before = stored(installation)
    for method, path in POLICY:
        if method != "POST":
            continue
        for token in ({}, {"csrf": "forged"}):
            response = post(client, url(path, installation["params"]), path, token)
            assert response.status_code == 403, (name, path, token, response.status_code)
    assert stored(installation) == before


@pytest.mark.parametrize("name", sorted(ROLES))
def test_every_form_on_every_page_a_role_may_open_carries_the_csrf_token(
    client: TestClient, installation: dict, name: str
) -> None:
    csrf = as_user(client, name)
    for (method, path), allowed in POLICY.items():
        if method != "GET" or name not in allowed or path.endswith((".png", ".xlsx", ".docx", "ban-goc")):
            continue
        html = client.get(url(path, installation["params"])).text
        for form in re.findall(r"<form[^>]*method=\"post\"[^>]*>.*?</form>", html, flags=re.S | re.I):
            assert f'name="csrf" value="{csrf}"' in form, (name, path, form[:120])


def test_unit_paths_are_kept_to_the_unit_whatever_the_route(client: TestClient) -> None:
    as_user(client, "hk")
    for path in ("/queue", "/admin", "/tham-dinh", "/dashboard", "/export/x/2021.xlsx", "/nope"):
        assert client.get(path, follow_redirects=False).status_code == 403, path
