"""What the submission tests share: a cluster-year with a deadline (Cụm 9, 2021), unit accounts of
Hoàn Kiếm and Ba Đình and a reviewer, the app over them, and an upload through the unit's form."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

from review_env import PASSWORD, csrf_of, login

from models.clusters import home_clusters_dir
from models.store import Store, StoreSettings
from review.app import create_app
from review.security import hash_password
from review.settings import ReviewSettings

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
REPORT = SAMPLES / "hoan-kiem-2021-prose.docx"
SHEET = SAMPLES / "self_scores" / "hoan-kiem-2021-tu-cham.docx"
CUM_9 = """organiser = "ubnd-tp-ha-noi"
number = 9
year = 2021
members = ["ba-dinh", "dong-da"]
deadline = 2022-01-15
"""


@pytest.fixture
def app(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path / "home"
    monkeypatch.setenv("THIDUA_HOME", str(home))
    monkeypatch.delenv("THIDUA_MAX_FILE_MB", raising=False)
    home_clusters_dir().mkdir(parents=True)
    (home_clusters_dir() / "ubnd-tp-ha-noi.cum-9.2021.toml").write_text(CUM_9, encoding="utf-8")
    settings = ReviewSettings(
        store=StoreSettings(home=home, database_url=db_url), secret_key="k" * 48, manual_dir=home / "manual"
    )
    with Store.open(settings.store) as store:
        store.add_user("hk", "unit", hash_password(PASSWORD), unit_id="hoan-kiem")
        store.add_user("bd", "unit", hash_password(PASSWORD), unit_id="ba-dinh")
        store.add_user("lan", "reviewer", hash_password(PASSWORD))
    return create_app(settings)


@pytest.fixture
def client(app) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


def as_user(client: TestClient, name: str) -> TestClient:
    client.cookies.clear()
    assert login(client, name).status_code == 200
    return client


def upload(
    client: TestClient, path: Path, kind: str = "bao-cao", cluster: str = "cum-8", name: str | None = None
):
    csrf = csrf_of(client.get("/nop").text)
    files = {"file": (name or path.name, path.read_bytes(), "application/octet-stream")}
    return client.post(
        f"/nop/{cluster}/2021/{kind}", data={"csrf": csrf}, files=files, follow_redirects=False
    )
