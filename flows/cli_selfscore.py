"""`thidua selfscore check|add|match|compare`: a unit's self-score sheet against the scale and thidua's score.

``add`` stores a sheet for a unit's cluster-year (its bytes kept by sha256, its reading append-only; the
same bytes already current store nothing), so that its findings are items of the review queue;
``match`` changes which criterion stored sheet lines count for (the web page's match editor);
``compare`` prints, per member unit, each criterion's self-score, thidua's score and the verified score.

The sheet (.docx, .xlsx or .pdf) is read, each line matched to the cluster-year's criteria (the match and
its way are printed, so a wrong one can be corrected with ``--match LINE=CRITERION``), and the findings
are printed in Vietnamese with both numbers. The computed score is the store's current one for the unit.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from extractors.numbers import format_short

EXAMPLE = """examples:
  thidua selfscore add samples/self_scores/hoan-kiem-2021-tu-cham.docx --unit hoan-kiem --cluster cum-8 \
      --year 2021 --by lan
  thidua selfscore match --cluster cum-8 --year 2021 --unit long-bien 9=C1 --by chu-tich
  thidua selfscore compare --cluster cum-8 --year 2021
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
        own = "—" if m.line.self_score is None else f"{format_short(m.line.self_score)}"
        mine = "—" if points is None else f"{format_short(points)}"
        target = m.target or "(chưa khớp)"
        print(
            f"  {m.line.number:>4}  {m.line.label[:60]:<60}  {target:<22} {m.how or '':<8} tự chấm {own:>5}  "
            f"thidua {mine:>5}"
        )
    print(f"{len(findings)} điểm cần xem:" if findings else "Không có điểm nào lệch.")
    for finding in findings:
        print(f"  - {finding.text_vi}")
    return 1 if findings else 0


def cmd_add(args: argparse.Namespace) -> int:
    from extractors.document import UnreadableDocument
    from extractors.self_score import read_self_score
    from models.clusters import default_clusters
    from models.store import Store

    cluster = default_clusters().get(args.cluster, args.year)
    if args.unit not in cluster.members:
        raise ValueError(f"{args.unit!r} is not a member of {cluster.key}: {', '.join(cluster.members)}")
    path = Path(args.sheet)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    with Store.open() as store:
        sha256, _, _ = store.keep_original(path)
        current = store.current_self_score_sheets(cluster.key).get(args.unit)
        if current is not None and current.sha256 == sha256:
            print(f"{path.name}: already the current sheet of {args.unit} (sheet {current.id}); nothing new.")
            return 0
        common = dict(
            sha256=sha256, unit_id=args.unit, year=cluster.year, cluster_key=cluster.key, by=args.by
        )
        try:
            sheet = read_self_score(path)
        except UnreadableDocument as exc:
            store.record_self_score_sheet(
                **common, original_name=path.name, lines=[], status="rejected", error=exc.problem
            )
            raise ValueError(f"{path}: {exc.problem}. {exc.remedy}") from None
        sheet_id = store.record_self_score_sheet(**common, original_name=path.name, lines=sheet.lines)
    scored = len(sheet.scored())
    print(
        f"Stored {path.name} as sheet {sheet_id} of {args.unit}, {cluster.key}"
        f" ({scored} lines; by {args.by})."
    )
    return 0


def _cell(value: float | None) -> str:
    return "—" if value is None else f"{format_short(value)}"


def cmd_compare(args: argparse.Namespace) -> int:
    from flows.runtime import Paths
    from models.clusters import default_clusters
    from models.store import Store
    from review.self_score_items import compare_rows
    from scoring.config import config_for
    from scoring.service import score_cluster_year

    cluster = default_clusters().get(args.cluster, args.year)
    config = config_for(cluster)
    margin = config.self_score_margin if args.margin is None else args.margin
    with Store.open() as store:
        sheets = store.current_self_score_sheets(cluster.key)
        entries = store.entries_in_force(cluster.key)
        result = score_cluster_year(store, cluster, Paths.from_env().manual, record=False).result
    title = f"Điểm tự chấm và điểm thidua tính — {cluster.name} năm {cluster.year}"
    print(f"{title} (lệch quá {format_short(margin)} điểm)")
    for unit_id in cluster.members:
        row = sheets.get(unit_id)
        if row is None:
            print(f"\n{unit_id}: chưa có bảng tự chấm")
            continue
        rows, findings = compare_rows(config, row, result.unit(unit_id), entries, unit_id, margin)
        print(f"\n{unit_id} (bảng tự chấm {row.original_name})")
        print(f"  {'tiêu chí':<24} {'tự chấm':>8} {'thidua':>8} {'thẩm định':>10}  ghi chú")
        for r in rows:
            if r.self_score is None and r.computed in (None, 0.0) and r.verified is None:
                continue  # a bonus or deduction that neither side gives
            note = "; ".join(r.findings)
            print(
                f"  {r.target:<24} {_cell(r.self_score):>8} {_cell(r.computed):>8}"
                f" {_cell(r.verified):>10}  {note}"
            )
        for f in findings:
            if f.target is None:
                print(f"  ! {f.text_vi}")
    return 0


def cmd_match(args: argparse.Namespace) -> int:
    from models.clusters import default_clusters
    from models.store import Store
    from review.self_score_items import rematch

    cluster = default_clusters().get(args.cluster, args.year)
    with Store.open() as store:
        changed = rematch(store, cluster, args.unit, _overrides(args.pairs), args.by)
    print(f"{changed} dòng đổi tiêu chí khớp ({args.unit}, {cluster.key}, bởi {args.by}).")
    return 0


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
        "--margin", type=float, help="points of difference that are not a finding (default: the scale's)"
    )
    check.add_argument("--match", action="append", default=[], help="LINE=CRITERION: correct one match")
    check.add_argument("--manual", help="folder of manual-input files (default: $THIDUA_HOME/manual)")
    check.set_defaults(func=cmd_check)
    add = verbs.add_parser(
        "add",
        help="store a unit's sheet for its cluster-year (idempotent)",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add.add_argument("sheet", help="the self-score sheet: .docx, .xlsx or .pdf")
    add.add_argument("--unit", required=True)
    add.add_argument("--cluster", required=True, help="cluster id, e.g. cum-8")
    add.add_argument("--year", required=True, type=int)
    add.add_argument("--by", required=True, help="who stores it")
    add.set_defaults(func=cmd_add)
    match = verbs.add_parser(
        "match",
        help="change which criterion stored sheet lines count for (a new reading, append-only)",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    match.add_argument("pairs", nargs="+", metavar="LINE=CRITERION", help="e.g. 9=C1 or 19=bonus.exceptional")
    match.add_argument("--cluster", required=True)
    match.add_argument("--year", required=True, type=int)
    match.add_argument("--unit", required=True)
    match.add_argument("--by", required=True, help="who changes the match")
    match.set_defaults(func=cmd_match)
    compare = verbs.add_parser("compare", help="self-scores, computed and verified scores, unit by unit")
    compare.add_argument("--cluster", required=True)
    compare.add_argument("--year", required=True, type=int)
    compare.add_argument("--margin", type=float, help="points (default: the scale's [self_score] margin)")
    compare.set_defaults(func=cmd_compare)
