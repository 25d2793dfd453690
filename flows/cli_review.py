"""The review verbs of ``thidua``: the web app and the queue from a terminal (accounts: cli_users)."""

from __future__ import annotations

import argparse
import sys

from models.vn_time import hanoi_time_text

REVIEW_EXAMPLE = """examples:
  thidua review serve                          # http://127.0.0.1:8000, log in at /login
  thidua review list --cluster cum-8 --year 2021
  thidua review show <sha256>:budget_revenue_actual
  thidua review correct <sha256>:budget_revenue_attainment_pct "147,4%" --reviewer lan --note "theo bản gốc"
  thidua review reject <sha256>:jobs_created --reviewer lan --note "số của năm trước"
"""


def cmd_serve(args: argparse.Namespace) -> int:
    import os

    import uvicorn

    if args.manual:
        os.environ["THIDUA_MANUAL"] = args.manual
    from review.app import create_app

    print(f"Mở http://{args.host}:{args.port}/login (Ctrl+C để dừng)", file=sys.stderr)
    uvicorn.run(create_app(), host=args.host, port=args.port, log_level="warning")
    return 0


def _context(args: argparse.Namespace):
    from models.clusters import default_clusters
    from models.normalise import long_table
    from models.store import Store
    from review.settings import ReviewSettings

    store = Store.open()
    long = long_table(store.figures_frame(), store.decisions_frame())
    years = set(long["year"].unique()) if len(long) else set()
    clusters = [c for c in default_clusters().clusters if c.year in years]
    return store, long, clusters, ReviewSettings.from_env(store=store.settings)


def cmd_list(args: argparse.Namespace) -> int:
    from review.queue import build_queue
    from review.render import vn_value
    from scoring import config_for
    from scoring.service import inputs_in_force

    store, long, clusters, settings = _context(args)
    clusters = [c for c in clusters if not args.cluster or c.id.endswith(args.cluster)]
    # what the published scores are computed from: the file, the chair's entries, the verified scores
    inputs = {c.key: inputs_in_force(store, c, settings.manual) for c in clusters}
    # the self-score items have their own reason ("tu-cham"), listed after the figures
    items = []
    if args.reason != "tu-cham":
        items = build_queue(
            long,
            clusters,
            {key: manual for key, (manual, _, _) in inputs.items()},
            {c.key: config_for(c) for c in clusters},
            unit=args.unit,
            year=args.year,
            reason=args.reason,
            verified={key: verified for key, (_, _, verified) in inputs.items()},
        )
    for it in items:
        print(
            f"{it.key}  {it.unit_name} {it.year}  {it.label_vi}: {vn_value(it.value, it.unit)}"
            f"  [{'; '.join(it.reasons_vi)}]"
        )
    from extractors.numbers import format_short
    from review.self_score_items import REASON, collect

    scores = []
    if not args.reason or args.reason == REASON:
        scores = [
            s
            for s in collect(
                store,
                [c for c in clusters if not args.year or c.year == args.year],
                settings.manual,
                long=long,
            )
            if not args.unit or s.unit_id == args.unit
        ]
    for s in scores:
        own = "—" if s.self_score is None else format_short(s.self_score)
        print(
            f"{s.key}  {s.unit_name} {s.year}  {s.target or 'bảng tự chấm'}: {own}  [{REASON}: {s.text_vi}]"
        )
    print(f"{len(items) + len(scores)} mục cần rà soát.", file=sys.stderr)
    store.close()
    return 0


def _row(long, key: str):
    sha, _, indicator = key.partition(":")
    rows = long[(long["document_sha256"] == sha) & (long["indicator"] == indicator)]
    if rows.empty:
        raise KeyError(f"không có số liệu {key!r}; xem `thidua review list`")
    return rows.iloc[0]


def cmd_show(args: argparse.Namespace) -> int:
    from review.render import STATUS_VI, indicator_vi, reasons_vi, vn_value

    store, long, _, _ = _context(args)
    row = _row(long, args.key)
    print(f"{indicator_vi(row['indicator'])} — {row['unit_name']} năm {row['year']}")
    print(
        f"  Giá trị: {vn_value(row['value'], row['unit'])} "
        f"({STATUS_VI[row['status']]}, tin cậy {row['confidence']:.2f})"
    )
    print(f"  Lý do: {'; '.join(reasons_vi(row['flags'])) or 'không có'}")
    page = (
        f", trang {int(row['source_page'])}"
        if row.get("source_page") == row.get("source_page") and row.get("source_page")
        else ""
    )
    print(f"  Nguồn: {row['original_name']}{page}, {row['source_block']}")
    print(f"  «{row['source_text']}»")
    for d in store.decisions(row["document_sha256"], row["indicator"]):
        print(
            f"  Quyết định: {hanoi_time_text(d.decided_at)} {d.reviewer} {d.action} "
            f"{d.old_value} → {d.new_value} {d.note or ''}"
        )
    store.close()
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    from review.decide import decide, rescore
    from review.queue import ImplausibleCorrection

    store, long, clusters, settings = _context(args)
    user = store.get_user(args.reviewer)
    if user is None or user.role != "reviewer" or not user.active:
        raise ValueError(f"{args.reviewer!r} không phải tài khoản rà soát đang hoạt động (thidua user list)")
    row = _row(long, args.key)
    try:
        decision_id = decide(
            store,
            row,
            args.action,
            getattr(args, "value", "") or "",
            args.note or "",
            user.name,
            confirmed=getattr(args, "confirm", False),
        )
    except ImplausibleCorrection as exc:
        raise ValueError(f'{exc} (thêm --confirm --note "lý do")') from None
    cluster = next((c for c in clusters if c.year == int(row["year"]) and row["unit_id"] in c.members), None)
    if cluster is not None:
        rescore(store, cluster, settings)
    print(f"Đã ghi quyết định #{decision_id}{' và chấm điểm lại ' + cluster.key if cluster else ''}.")
    store.close()
    return 0


def add_review_verbs(sub: argparse._SubParsersAction) -> None:
    formatter = argparse.RawDescriptionHelpFormatter
    review = sub.add_parser(
        "review", help="review flagged figures", epilog=REVIEW_EXAMPLE, formatter_class=formatter
    )
    verbs = review.add_subparsers(dest="review_command", required=True)
    serve = verbs.add_parser("serve", help="the review web app (Vietnamese), on 127.0.0.1 by default")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--manual", help="folder of manual-input files (default: $THIDUA_MANUAL or $THIDUA_HOME/manual)"
    )
    serve.set_defaults(func=cmd_serve)
    listing = verbs.add_parser("list", help="the queue of flagged figures, most consequential first")
    for name in ("--cluster", "--unit", "--reason"):
        listing.add_argument(name)
    listing.add_argument("--year", type=int)
    listing.set_defaults(func=cmd_list)
    show = verbs.add_parser("show", help="one figure with its source and decisions")
    show.add_argument("key", help="<document sha256>:<indicator>, as `review list` prints")
    show.set_defaults(func=cmd_show)
    for action, help_text in (
        ("accept", "accept the value"),
        ("correct", "replace the value"),
        ("reject", "reject it"),
    ):
        parser = verbs.add_parser(action, help=help_text)
        parser.add_argument("key")
        if action == "correct":
            # argparse formats help with %: a literal percent sign is written %%
            example = 'the right value as written, e.g. "13.200 tỷ đồng" or "147,4%%"'
            parser.add_argument("value", help=example)
            parser.add_argument(
                "--confirm",
                action="store_true",
                help="record a value outside the plausible range (with --note saying why)",
            )
        parser.add_argument("--reviewer", required=True, help="a reviewer account (thidua user list)")
        parser.add_argument("--note", required=action == "reject", help="why (required to reject)")
        parser.set_defaults(func=cmd_decide, action=action)
