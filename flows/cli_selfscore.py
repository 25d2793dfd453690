"""`thidua selfscore check`: a unit's self-score sheet against the scale and against thidua's own score.

The sheet (.docx, .xlsx or .pdf) is read, each line matched to the cluster-year's criteria (the match and
its way are printed, so a wrong one can be corrected with ``--match LINE=CRITERION``), and the findings
are printed in Vietnamese with both numbers. The computed score is the store's current one for the unit.
"""

from __future__ import annotations

import argparse
from pathlib import Path

EXAMPLE = """examples:
  thidua selfscore check samples/self_scores/hoan-kiem-2021-tu-cham.docx --unit hoan-kiem --year 2021
  thidua selfscore check tu-cham.xlsx --unit long-bien --year 2021 --match 9=C1 --margin 1
"""


def _overrides(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        line, sep, target = pair.partition("=")
        if not sep or not line.strip() or not target.strip():
            raise ValueError(f"--match {pair!r}: write LINE=CRITERION, e.g. 9=C1 or 'Tổng hợp khác=E2'")
        out[line.strip()] = target.strip()
    return out


def cmd_check(args: argparse.Namespace) -> int:
    from extractors.document import UnreadableDocument
    from extractors.self_score import read_self_score
    from flows.runtime import Paths
    from models.clusters import default_clusters
    from models.store import Store
    from scoring.config import config_for
    from scoring.self_check import check_sheet
    from scoring.service import score_cluster_year

    clusters = default_clusters().of_unit(args.unit, args.year)
    if not clusters:
        raise ValueError(f"{args.unit!r} is not a member of any cluster in {args.year}")
    cluster = clusters[0]
    try:
        sheet = read_self_score(args.sheet)
    except UnreadableDocument as exc:
        raise ValueError(f"{exc.path}: {exc.problem}. {exc.remedy}") from None
    config = config_for(cluster)
    with Store.open() as store:
        manual = Path(args.manual) if args.manual else Paths.from_env().manual
        result = score_cluster_year(store, cluster, manual, record=False).result
    matches, findings = check_sheet(
        sheet, config, result.unit(args.unit), margin=args.margin, overrides=_overrides(args.match)
    )
    computed = result.unit(args.unit)
    print(f"Bảng tự chấm {Path(args.sheet).name} — {args.unit}, {cluster.name} năm {cluster.year}")
    for m in matches:
        points = computed.criteria[m.target].points if m.target in computed.criteria else None
        own = "—" if m.line.self_score is None else f"{m.line.self_score:g}"
        mine = "—" if points is None else f"{points:g}"
        target = m.target or "(chưa khớp)"
        print(
            f"  {m.line.number:>4}  {m.line.label[:60]:<60}  {target:<22} {m.how or '':<8} tự chấm {own:>5}  "
            f"thidua {mine:>5}"
        )
    print(f"{len(findings)} điểm cần xem:" if findings else "Không có điểm nào lệch.")
    for finding in findings:
        print(f"  - {finding.text_vi}")
    return 1 if findings else 0


def add_selfscore_verbs(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "selfscore",
        help="self-score sheets of the units",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    verbs = parser.add_subparsers(dest="selfscore_command", required=True)
    check = verbs.add_parser(
        "check",
        help="match a sheet to the scale, compare it with the computed score (exit 1 on findings)",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("sheet", help="the self-score sheet: .docx, .xlsx or .pdf")
    check.add_argument("--unit", required=True)
    check.add_argument("--year", required=True, type=int)
    check.add_argument(
        "--margin", type=float, default=0.5, help="points of difference that are not a finding"
    )
    check.add_argument("--match", action="append", default=[], help="LINE=CRITERION: correct one match")
    check.add_argument("--manual", help="folder of manual-input files (default: $THIDUA_HOME/manual)")
    check.set_defaults(func=cmd_check)
