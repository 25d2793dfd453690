"""The dashboard: the latest scoring of a cluster-year, what changed since the previous one, a bar chart."""

from __future__ import annotations

from fastapi import Request

from models.clusters import default_clusters
from models.units import default_registry


def dashboard_context(request: Request, cluster: str, year: int | None) -> dict:
    store = request.app.state.store
    choice = request.query_params.get("choice", "")
    if choice and "|" in choice:
        cluster, year_text = choice.split("|", 1)
        year = int(year_text)
    scored = [c for c in default_clusters().clusters if store.latest_scores(c.key, c.year)]
    choices = sorted(scored, key=lambda c: (c.id, c.year))
    target = next(
        (c for c in choices if (not cluster or c.id.endswith(cluster)) and (not year or c.year == year)), None
    )
    if target is None:
        return {"choices": choices, "cluster": None}
    history = store.scoring_history(target.key, target.year, limit=2)
    latest, previous = history[0], (history[1] if len(history) > 1 else [])
    before = {s.unit_id: s for s in previous}
    rows = []
    for s in sorted(latest, key=lambda s: s.rank):
        old = before.get(s.unit_id)
        changes = []
        if old is not None and old.rank != s.rank:
            changes.append(f"hạng {old.rank} → {s.rank}")
        if old is not None and (old.proposed_title or "") != (s.proposed_title or ""):
            changes.append(f"đề nghị: {old.proposed_title or 'không'} → {s.proposed_title or 'không'}")
        if old is not None and abs(old.total - s.total) >= 0.005:
            changes.append(f"điểm {old.total:.2f} → {s.total:.2f}".replace(".", ","))
        rows.append(
            {
                "rank": s.rank,
                "unit_id": s.unit_id,
                "name": default_registry().get(s.unit_id).name,
                "total": s.total,
                "grade": (s.extra or {}).get("grade_vi", s.grade),
                "title": s.proposed_title,
                "gov_flag": s.gov_flag_candidate,
                "provisional": s.provisional,
                "missing": "; ".join(s.missing or []),
                "change": "; ".join(changes),
                "changed": bool(
                    changes and (old.rank != s.rank or (old.proposed_title or "") != (s.proposed_title or ""))
                ),
            }
        )
    return {
        "choices": choices,
        "cluster": target,
        "rows": rows,
        "scale": max([110.0, *(r["total"] for r in rows)]),
        "computed_at": latest[0].computed_at if latest else None,
        "previous_at": previous[0].computed_at if previous else None,
        "provisional": any(r["provisional"] for r in rows),
    }
