"""The ``thidua cluster`` verbs: the cluster-years as the admin page shows and sets them up.

``setup`` writes ``$THIDUA_HOME/clusters/<key>.toml`` through :mod:`scoring.cluster_setup` (checked, atomic,
the previous version kept in history): a copy of an earlier year with changes, or with ``--new`` a cluster
that has no earlier year.
"""

from __future__ import annotations

import argparse
from datetime import date

from models.vn_time import date_text, hanoi_time_text

CLUSTER_EXAMPLE = """examples:
  thidua cluster list --year 2024
  thidua cluster show cum-8 --year 2024
  # the 2025 cluster of wards, from Cụm 8 of 2024:
  thidua cluster setup cum-8 --year 2025 --from-year 2024 \\
      --members phuong-hoan-kiem,phuong-ba-dinh,phuong-long-bien --chair phuong-hoan-kiem \\
      --vices phuong-ba-dinh --deadline 2026-01-15 --by admin
  # a cluster with no earlier year:
  thidua cluster setup --new --organiser ubnd-tp-ha-noi --number 12 --year 2025 \\
      --members phuong-dong-da,phuong-lang,phuong-kim-lien --chair phuong-dong-da --by admin
"""


def _ids(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    return tuple(dict.fromkeys(p.strip() for p in text.split(",") if p.strip()))


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"deadline {text!r} is not a date; write YYYY-MM-DD, e.g. 2026-01-15") from None


def _describe(cluster) -> str:
    from scoring.cluster_setup import origin_vi

    deadline = date_text(cluster.deadline) if cluster.deadline else "-"
    return (
        f"{cluster.key:<32} {cluster.name:<24} {len(cluster.members)} đơn vị  cụm trưởng "
        f"{cluster.chair or '-':<20} hạn {deadline:<10}  {origin_vi(cluster)}"
    )


def cmd_cluster_list(args: argparse.Namespace) -> int:
    from models.clusters import default_clusters

    clusters = [c for c in default_clusters().clusters if args.year is None or c.year == args.year]
    for cluster in sorted(clusters, key=lambda c: (c.organiser, c.number, c.year)):
        print(_describe(cluster))
    if not clusters:
        years = sorted({c.year for c in default_clusters().clusters})
        raise ValueError(f"no cluster-year in {args.year}; years: {', '.join(map(str, years))}")
    return 0


def cmd_cluster_show(args: argparse.Namespace) -> int:
    from models.clusters import default_clusters
    from models.units import default_registry
    from scoring.cluster_setup import history_of, origin_vi

    cluster = default_clusters().get(args.cluster, args.year)
    units = default_registry()
    organiser = cluster.organiser_name or cluster.organiser
    print(f"{cluster.name} — {organiser}, năm {cluster.year} ({cluster.key})")
    for unit_id in cluster.members:
        role = "cụm trưởng" if unit_id == cluster.chair else "cụm phó" if unit_id in cluster.vices else ""
        print(f"  {unit_id:<32} {units.get(unit_id).name:<28} {role}")
    print(f"  Bộ tiêu chí: {cluster.scoring}")
    print(f"  Hạn nộp: {date_text(cluster.deadline)}" if cluster.deadline else "  Hạn nộp: chưa đặt")
    when = f", {hanoi_time_text(cluster.set_at)}" if cluster.set_at else ""
    print(f"  Nguồn: {origin_vi(cluster)}{when}")
    earlier = history_of(cluster.key)
    if earlier:
        print(f"  {len(earlier)} bản trước trong {earlier[0].parent}")
    return 0


def cmd_cluster_setup(args: argparse.Namespace) -> int:
    from models.clusters import default_clusters
    from scoring.cluster_setup import copy_cluster, new_cluster, save_cluster

    members, vices, deadline = _ids(args.members), _ids(args.vices), _day(args.deadline)
    if args.new:
        missing = [f"--{n}" for n in ("organiser", "number", "members", "chair") if not getattr(args, n)]
        if missing or args.cluster or args.from_year:
            raise ValueError(
                "--new takes --organiser, --number, --year, --members and --chair "
                "(no CLUSTER, no --from-year)" + (f"; missing {', '.join(missing)}" if missing else "")
            )
        organiser_name = args.organiser_name or next(
            (c.organiser_name for c in default_clusters().clusters if c.organiser == args.organiser), ""
        )
        cluster = new_cluster(
            args.organiser,
            args.number,
            args.year,
            members or (),
            args.chair,
            vices=vices or (),
            name=args.name,
            organiser_name=organiser_name,
            scoring=args.scoring or "default.v1",
            deadline=deadline,
        )
    else:
        if not args.cluster or args.from_year is None:
            raise ValueError("give CLUSTER --from-year YEAR (a copy of that year), or --new")
        source = default_clusters().get(args.cluster, args.from_year)
        given = {
            "members": members,
            "chair": args.chair,
            "vices": vices,
            "scoring": args.scoring,
            "deadline": deadline,
            "name": args.name,
            "number": args.number,
            "organiser_name": args.organiser_name,
        }
        cluster = copy_cluster(source, args.year, **{k: v for k, v in given.items() if v is not None})
        if members is not None and args.chair is None and cluster.chair not in cluster.members:
            raise ValueError(f"the chair {cluster.chair} is not among the new members; give --chair")
        if members is not None and vices is None:
            cluster = copy_cluster(cluster, cluster.year, vices=[v for v in cluster.vices if v in members])
    path = save_cluster(cluster, by=args.by)
    print(f"Đã thiết lập {cluster.name} năm {cluster.year} ({cluster.key}): {path}")
    return 0


def add_cluster_verbs(sub: argparse._SubParsersAction) -> None:
    cluster = sub.add_parser(
        "cluster",
        help="cluster-years: list, show, set up a year",
        epilog=CLUSTER_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    verbs = cluster.add_subparsers(dest="cluster_command", required=True)
    listing = verbs.add_parser("list", help="key, name, members, chair, deadline and where each comes from")
    listing.add_argument("--year", type=int)
    listing.set_defaults(func=cmd_cluster_list)
    show = verbs.add_parser("show", help="one cluster-year: members and their roles, criteria, deadline")
    show.add_argument("cluster", help="e.g. cum-8 or ubnd-tp-ha-noi.cum-8")
    show.add_argument("--year", type=int, required=True)
    show.set_defaults(func=cmd_cluster_show)
    setup = verbs.add_parser(
        "setup", help="set up a cluster-year: a copy of an earlier year with changes, or --new"
    )
    setup.add_argument("cluster", nargs="?", help="the cluster to copy, e.g. cum-8")
    setup.add_argument("--year", type=int, required=True, help="the year to set up")
    setup.add_argument("--from-year", type=int, help="the year copied")
    setup.add_argument("--new", action="store_true", help="a cluster with no earlier year")
    setup.add_argument("--organiser", help="with --new: the organiser id, e.g. ubnd-tp-ha-noi")
    setup.add_argument("--organiser-name", help="e.g. 'UBND Thành phố Hà Nội'")
    setup.add_argument("--number", type=int, help="the cluster number")
    setup.add_argument("--members", help="unit ids, comma-separated (thidua unit list)")
    setup.add_argument("--chair", help="the chair unit (a member)")
    setup.add_argument("--vices", help="vice-chair units, comma-separated (members)")
    setup.add_argument("--scoring", help="criteria configuration, e.g. default.v1")
    setup.add_argument("--deadline", help="submission deadline, YYYY-MM-DD")
    setup.add_argument("--name", help="e.g. 'Cụm thi đua số 8'")
    setup.add_argument("--by", default="cli", help="who sets it up (recorded in the file)")
    setup.set_defaults(func=cmd_cluster_setup)
