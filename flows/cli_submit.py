"""`thidua submit`: a unit's report or self-score sheet as the web app's /nop receives it, then its pre-check.

The same library calls as the web (``extractors.submission``, ``extractors.precheck``), run synchronously:
the file is checked, kept and recorded as an upload of UNIT for the cluster-year, a report is extracted,
and what was read is printed. Exit 0 when it was read, 1 when it was refused, rejected or failed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from extractors.numbers import format_short
from models.vn_time import date_text

EXAMPLE = """examples:
  thidua submit samples/hoan-kiem-2021-prose.docx --unit hoan-kiem --cluster cum-8 --year 2021 --by lan
  thidua submit tu-cham.xlsx --unit long-bien --cluster cum-8 --year 2021 --kind self-score --by hoa
  thidua submit --pending        # extract the uploaded reports not yet settled (failed, cut off, upgrade)
"""
KINDS = {"report": "report", "self-score": "self_score"}


def render_precheck(check) -> str:
    """The pre-check as lines for a terminal (Vietnamese, like the page)."""
    up = check.upload
    late = "NỘP MUỘN" if up.late else "đúng hạn"
    deadline = date_text(up.deadline) if up.deadline else "chưa quy định"
    lines = [
        f"Hồ sơ số {up.id}: {up.original_name} — {up.unit_id}, {up.cluster_key} (hạn {deadline}, {late})",
        f"  Trạng thái: {check.state_vi}",
    ]
    if check.message:
        lines.append(f"  {check.message}")
    lines += [f"  Lưu ý: {note}" for note in check.notes]
    if check.state == "ok" and up.kind == "report":
        width = max((len(f.label) for f in check.figures), default=20)
        lines.append(f"  Số liệu đã đọc ({len(check.figures)}):")
        for f in check.figures:
            flags = f"  ⚑ {'; '.join(f.flags)}" if f.flags else ""
            lines.append(f"    {f.label:<{width}}  {f.value:>18}  [{f.where}]{flags}")
        lines.append("  Thiếu chỉ tiêu bắt buộc: " + ("; ".join(check.missing) if check.missing else "không"))
        if check.flags:
            lines.append("  Cảnh báo: " + "; ".join(check.flags))
    if check.state == "ok" and up.kind == "self_score":
        lines.append(f"  Các dòng đã đọc ({len(check.sheet_lines)}):")
        for line in check.sheet_lines:
            own = "—" if line.self_score is None else f"{format_short(line.self_score)}"
            top = "—" if line.max is None else f"{format_short(line.max)}"
            lines.append(f"    {line.number:>5}  {line.label[:70]:<70}  chuẩn {top:>5}  tự chấm {own:>5}")
    return "\n".join(lines)


def cmd_submit(args: argparse.Namespace) -> int:
    from extractors.precheck import precheck
    from extractors.submission import accept_upload, extract_pending
    from models.clusters import default_clusters
    from models.store import Store

    if args.pending:
        with Store.open() as store:
            outcomes = extract_pending(store, args.unit)
        for outcome in outcomes:
            print(f"{outcome.path}: {outcome.status}{f' — {outcome.reason}' if outcome.reason else ''}")
        print(f"{len(outcomes)} báo cáo được đọc lại.")
        return 1 if any(o.status == "failed" for o in outcomes) else 0
    missing = [f"--{n}" for n in ("unit", "cluster", "year", "by") if getattr(args, n) is None]
    if args.file is None or missing:
        raise ValueError(f"give FILE and {', '.join(missing) or 'the options'} (see thidua submit --help)")
    path = Path(args.file)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    cluster = default_clusters().get(args.cluster, args.year)
    if args.unit not in cluster.members:
        raise ValueError(
            f"{args.unit!r} is not a member of {cluster.key}; members: {', '.join(cluster.members)}"
        )
    with Store.open() as store:
        result = accept_upload(
            store,
            data_path=path,
            original_name=path.name,
            kind=KINDS[args.kind],
            account_unit=args.unit,
            cluster=cluster,
            by=args.by,
        )
        check = precheck(store, result.upload_id)
    print(render_precheck(check))
    return 0 if check.state == "ok" else 1


def add_submit_verbs(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "submit",
        help="submit a unit's report or self-score sheet and print its pre-check (exit 1: not read)",
        description="Receive a file as the web app's /nop does, extract it at once and print what was read.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="the report (.docx, .pdf, .doc) or the sheet")
    parser.add_argument("--unit", help="the submitting unit (its id, e.g. hoan-kiem)")
    parser.add_argument("--cluster", help="the cluster (e.g. cum-8 or ubnd-tp-ha-noi.cum-8)")
    parser.add_argument("--year", type=int, help="the cluster-year")
    parser.add_argument("--kind", choices=sorted(KINDS), default="report")
    parser.add_argument("--by", help="who submits (recorded with the upload)")
    parser.add_argument(
        "--pending",
        action="store_true",
        help="extract the uploaded reports this extractor version has not settled (failed, cut off, upgrade)",
    )
    parser.set_defaults(func=cmd_submit)
