"""Deployments: ``nightly`` on a cron at 02:00 Hanoi time, ``reextract`` and ``rescore`` on demand.

``thidua serve`` serves all three from one process (no work pool needed); teams with a Prefect server
and a work pool use ``prefect.yaml`` at the repository root instead (``prefect deploy --all``).
Prefect reads a bare cron string as UTC, so the schedule carries its time zone explicitly.
"""

from __future__ import annotations

from prefect import serve
from prefect.schedules import Cron

from flows.nightly import nightly, reextract, rescore
from flows.runtime import configure_embedded_prefect
from models.vn_time import TIMEZONE

NIGHTLY_CRON = "0 2 * * *"


def deployments() -> list:
    return [
        nightly.to_deployment(
            name="nightly",
            schedules=[Cron(NIGHTLY_CRON, timezone=TIMEZONE)],
            description="Ingest new or changed reports from the inbox, extract, score, publish.",
            tags=["thidua"],
        ),
        reextract.to_deployment(
            name="reextract",
            description="Re-extract one unit-year, then rescore its cluster.",
            tags=["thidua"],
        ),
        rescore.to_deployment(name="rescore", description="Score one cluster-year again.", tags=["thidua"]),
    ]


def serve_all() -> None:
    configure_embedded_prefect()
    serve(*deployments())
