"""Decisions on figures (append-only) and the rescoring that follows — shared by the web app and the CLI.

A decision is keyed by (document sha256, indicator), so it survives a re-extraction of the same document;
a new version of the document has a new sha256, so its figure is flagged again and the earlier decision is
shown beside it. Undo is a new decision (accepting the extracted value again), never a deletion.
"""

from __future__ import annotations

import pandas as pd

from models.clusters import Cluster
from models.store import Store
from review.queue import CorrectionError, parse_correction
from review.settings import ReviewSettings
from scoring.service import Scored, score_and_publish

ACTIONS = ("accept", "correct", "reject")


def decide(
    store: Store,
    row: pd.Series,
    action: str,
    value_text: str,
    note: str,
    reviewer: str,
    *,
    confirmed: bool = False,
) -> int:
    """Record one decision on the figure ``row`` (a row of the long table); returns its id.

    A correction outside the indicator's plausible range needs ``confirmed`` and a note saying why (the
    note is what a later reader sees beside the unusual value)."""
    if action not in ACTIONS:
        raise CorrectionError(f"Thao tác không hợp lệ: {action!r} (chỉ có: chấp nhận, sửa, loại bỏ).")
    old = None if pd.isna(row["value"]) else float(row["value"])
    new: float | None = old
    if action == "correct":
        if not value_text.strip():
            raise CorrectionError("Hãy nhập giá trị đúng, ví dụ 13.200 tỷ đồng hoặc 147,4%.")
        if confirmed and not note.strip():
            raise CorrectionError("Hãy ghi chú lý do khi xác nhận một giá trị ngoài khoảng hợp lý.")
        new = parse_correction(value_text, row["indicator"], None, confirmed=confirmed)
    elif action == "reject":
        if not note.strip():
            raise CorrectionError("Hãy ghi lý do loại bỏ số liệu này.")
        new = None
    return store.record_decision(
        row["document_sha256"],
        row["indicator"],
        action,
        reviewer=reviewer,
        old_value=old,
        new_value=new,
        note=note.strip() or None,
    )


def rescore(store: Store, cluster: Cluster, settings: ReviewSettings) -> Scored:
    """The same library call as the ``rescore`` flow: score the cluster-year again and publish it (the
    publication is recorded, so the next nightly run does not publish it again for nothing)."""
    return score_and_publish(store, cluster, settings.manual, settings.exports).scored
