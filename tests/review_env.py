"""A review-app installation for tests: Cụm 8's 2021 sample reports extracted and scored, two accounts."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from extractors.ingest import process_file
from models.clusters import default_clusters
from models.store import Store, StoreSettings
from review.security import hash_password
from review.settings import ReviewSettings
from scoring.service import publish, score_cluster_year

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
REPORTS_2021 = sorted(SAMPLES.glob("*-2021-*.docx"))
PASSWORD = "mat-khau-thu-nghiem"


def prepare(home: Path, database_url: str) -> ReviewSettings:
    settings = ReviewSettings(
        store=StoreSettings(home=home, database_url=database_url),
        secret_key="k" * 48,
        manual_dir=home / "manual",
    )
    (home / "manual").mkdir(parents=True, exist_ok=True)
    shutil.copy(SAMPLES / "manual" / "ubnd-tp-ha-noi.cum-8.2021.toml", home / "manual")
    with Store.open(settings.store) as store:
        for report in REPORTS_2021:
            process_file(store, report)
        cluster = default_clusters().get("cum-8", 2021)
        publish(score_cluster_year(store, cluster, settings.manual), settings.exports)
        store.add_user("lan", "reviewer", hash_password(PASSWORD))
        store.add_user("minh", "viewer", hash_password(PASSWORD))
    return settings


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def login(client, name: str = "lan", password: str = PASSWORD):
    page = client.get("/login")
    return client.post("/login", data={"username": name, "password": password, "csrf": csrf_of(page.text)})
