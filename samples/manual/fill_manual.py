"""Writes the sample manual inputs for Cụm thi đua số 8 (2021, 2022): the criteria reports cannot supply.

These values are ILLUSTRATIVE, like the sample reports: they let the quickstart show a complete (not
provisional) scoring. A real secretariat fills in the template that `thidua run` writes to
$THIDUA_HOME/manual/<cluster key>.toml. Rerun this script to rebuild the files (deterministic).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from models.clusters import default_clusters
from scoring import config_for, template

HERE = Path(__file__).parent


def values(rng: random.Random, rank: int) -> dict[str, object]:
    total_digital, total_security, total_city = 10, 5, 8
    return {
        "covenant_signed": True,
        "registration_sent": True,
        "jobs_plan": rng.randrange(3800, 5200, 50),
        "par_rank": rank,
        "digital_tasks_done": rng.randint(8, total_digital),
        "digital_tasks_total": total_digital,
        "security_targets_met": rng.choice([4, 5, 5]),
        "security_targets_total": total_security,
        "city_movement_tasks_done": rng.randint(7, total_city),
        "city_movement_tasks_total": total_city,
        "models_registered": rng.randrange(40, 160, 5),
        "exemplars_target": rng.randrange(150, 450, 10),
        "commendation_correct": True,
        "dossiers_on_time": rng.random() > 0.2,
        "reports_on_time": True,
        "attended": rng.choice([5, 6, 6]),
        "held": 6,
        "city_initiative": rng.random() > 0.7,
        "top3_citywide": rng.random() > 0.8,
        "exceptional_achievement": False,
        "late_reports": rng.choice([0, 0, 1]),
        "serious_incident": False,
        "disciplined": False,
        "fraud": False,
        "city_graded_htxsnv": True,
        "vote_count": rng.randint(0, 6),
        "points.B1": 4,
        "points.B3": rng.choice([3, 3.5, 4]),
        "points.B4": rng.choice([3.5, 4]),
        "points.B5": rng.choice([3, 4]),
    }


def fill(text: str, per_unit: dict[str, dict[str, object]]) -> str:
    out, unit = [], None
    for line in text.splitlines():
        header = re.match(r"\[units\.([a-z-]+)\]", line)
        if header:
            unit = header[1]
        field = re.match(r"# ([a-zA-Z0-9_.]+) = ", line)
        if unit and field and field[1] in per_unit[unit]:
            value = per_unit[unit][field[1]]
            literal = str(value).lower() if isinstance(value, bool) else str(value)
            line = f"{field[1]} = {literal}"
        out.append(line)
    return "\n".join(out) + "\n"


def main() -> None:
    for year in (2021, 2022):
        cluster = default_clusters().get("cum-8", year)
        rng = random.Random(f"cum-8-{year}")
        ranks = list(range(1, len(cluster.members) + 1))
        rng.shuffle(ranks)
        per_unit = {u: values(rng, r) for u, r in zip(cluster.members, ranks, strict=True)}
        text = "# SAMPLE DATA (illustrative, not real): see samples/manual/fill_manual.py\n"
        text += fill(template(cluster, config_for(cluster)), per_unit)
        (HERE / f"{cluster.key}.toml").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
