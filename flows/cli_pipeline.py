"""The pipeline verbs of ``thidua``: run, reextract, score, export, status, serve.

Prefect and the database are imported inside the commands, so ``thidua extract`` stays free of both.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from flows.backends import RUNNERS

RUN_EXAMPLE = """examples:
  thidua run --inbox samples/            # one nightly run now, over the bundled samples
  thidua run --json | tail -n 1          # the summary as one JSON object on the last line
  thidua run --workers 2                 # extract in two worker processes (default: one per core)
  thidua run --task-runner dask --dask-address tcp://10.0.0.5:8786   # extract on a Dask cluster
"""
REEXTRACT_EXAMPLE = "example:\n  thidua reextract --unit hoan-kiem --year 2021\n"
SCORE_EXAMPLE = "example:\n  thidua score --cluster cum-8 --year 2021\n"
EXPORT_EXAMPLE = """examples:
  thidua export --cluster cum-8 --year 2021 --format xlsx --out cum-8-2021.xlsx
  thidua export --cluster cum-8 --year 2021 --format docx --out van-ban/   # bảng tổng hợp + tờ trình
"""
MANUAL_HELP = "folder of manual-input files <cluster key>.toml (default: $THIDUA_HOME/manual)"
STATUS_EXAMPLE = "example:\n  thidua status\n"
SERVE_EXAMPLE = """example:
  thidua serve    # nightly at 02:00 Asia/Ho_Chi_Minh, plus reextract and rescore for ad-hoc runs
  prefect deployment run 'reextract/reextract' --param unit=hoan-kiem --param year=2021
"""


def _quiet_prefect_logs() -> None:
    """Prefect's run logs go to stderr, so stdout carries only what the command prints."""
    import logging

    for name in ("prefect", "prefect.flow_runs", "prefect.task_runs"):
        logger = logging.getLogger(name)
        for handler in logger.handlers:
            if hasattr(handler, "stream"):
                handler.stream = sys.stderr


def _log(message: str) -> None:
    print(f"thidua: {message}", file=sys.stderr)


def _run_flow(load_flow, **params) -> dict:
    """Run the flow ``load_flow()`` returns against the configured Prefect server, or a temporary one
    that dies with this process. The server is launched first, so that it boots while the flow's
    modules are imported (``load_flow`` imports them)."""
    from flows.runtime import configure_embedded_prefect, stop_on_sigterm
    from flows.server import PrefectAPI

    configure_embedded_prefect()
    with stop_on_sigterm(), PrefectAPI(_log) as api:
        flow = load_flow()
        _quiet_prefect_logs()
        with api.session():
            return flow(**params)


def print_scores(summary: dict, manual: str | None = None) -> None:
    from extractors.numbers import format_number
    from flows.runtime import Paths
    from models.clusters import default_clusters
    from models.store import Store
    from models.units import default_registry

    with Store.open() as store:
        for key in summary.get("scored", []):
            cluster_id, year = key.rsplit(".", 1)
            cluster = default_clusters().get(cluster_id, int(year))
            rows = store.latest_scores(cluster.key, cluster.year)
            print(f"\n{cluster.name} — năm {cluster.year} ({cluster.key})")
            print(f"  {'Hạng':>4}  {'Đơn vị':<20} {'Tổng điểm':>9}  {'Xếp loại':<38} Đề nghị")
            for row in sorted(rows, key=lambda r: r.rank):
                name = default_registry().get(row.unit_id).name
                grade = (row.extra or {}).get("grade_vi", row.grade)
                mark = " (tạm tính)" if row.provisional else ""
                title = (row.proposed_title or "—") + (
                    " ★ ứng viên Cờ Chính phủ" if row.gov_flag_candidate else ""
                )
                total = format_number(row.total, 2)  # Vietnamese separators: 95,13
                print(f"  {row.rank:>4}  {name:<20} {total:>9}  {grade + mark:<38} {title}")
            workbook = next((p for p in summary["exports"].get(key, []) if p.endswith(".xlsx")), None)
            if workbook:
                print(f"  Sổ tổng hợp (Excel): {workbook}")
    print(f"\nDữ liệu nhập tay (tiêu chí báo cáo không có): {manual or Paths.from_env().manual}/")


def cmd_run(args: argparse.Namespace) -> int:
    from flows import progress
    from flows.backends import RunnerSettings
    from flows.summary import idle_summary

    settings = RunnerSettings.from_env(args.task_runner, args.workers, args.dask_address)

    def load_flow():
        from flows.nightly import nightly

        return nightly.with_options(task_runner=settings.task_runner())

    summary = None if args.always_flow else idle_summary(args.inbox, args.recursive, args.manual)
    if summary is not None:
        _log("nothing new or changed and every cluster-year is published: no flow run started")
    else:
        summary = _run_flow(
            load_flow,
            inbox=args.inbox,
            recursive=args.recursive,
            manual=args.manual,
            runner=settings.name,
            workers=settings.worker_count,
        )
    progress.stop()
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
        return 1 if summary["failed"] else 0
    print(
        f"Đã xử lý {summary['processed']} tệp, bỏ qua {summary['skipped']} tệp không đổi, "
        f"{summary['flagged']} tệp có số liệu cần rà soát, từ chối {summary['rejected']} tệp, "
        f"lỗi hệ thống {summary['failed']} tệp."
    )
    for item in summary["rejections"]:
        print(f"  Từ chối: {item['reason']}")
    for item in summary["failures"]:
        print(f"  Lỗi của thidua (không phải lỗi của tệp; sẽ thử lại ở lần chạy sau): {item['reason']}")
    for item in summary["ignored_files"]:
        print(f"  Bỏ qua: {item['reason']}")
    for item in summary["unscored"]:
        who = f"đơn vị {item['unit']} năm {item['year']}" if item["unit"] else "không nhận ra đơn vị gửi"
        print(f"  Đã lưu, không chấm điểm: {item['path']} ({who}: không thuộc cụm thi đua nào)")
    print_scores(summary, args.manual)
    return 1 if summary["failed"] else 0


def cmd_reextract(args: argparse.Namespace) -> int:
    def load_flow():
        from flows.nightly import reextract

        return reextract

    summary = _run_flow(load_flow, unit=args.unit, year=args.year, manual=args.manual)
    print(json.dumps(summary, ensure_ascii=False) if args.json else "")
    if not args.json:
        print_scores(summary, args.manual)
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    # not `required` in the parser: `thidua score set|history` (flows.cli_scores) carry their own
    if args.cluster is None or args.year is None:
        raise ValueError("--cluster and --year are required (or a sub-verb: set, history)")

    def load_flow():
        from flows.nightly import rescore

        return rescore

    summary = _run_flow(load_flow, cluster=args.cluster, year=args.year, manual=args.manual)
    print_scores(summary, args.manual)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    import tempfile

    from flows.runtime import Paths
    from models.clusters import default_clusters
    from models.store import Store
    from scoring.service import publish, score_cluster_year, write_cluster_documents

    cluster = default_clusters().get(args.cluster, args.year)
    with Store.open() as store, tempfile.TemporaryDirectory() as tmp:
        manual = Path(args.manual) if args.manual else Paths.from_env().manual
        scored = score_cluster_year(store, cluster, manual, record=False)
        if args.format == "docx":
            written = write_cluster_documents(store, scored, Path(args.out))
            print("\n".join(map(str, written)))
            return 0
        written = publish(scored, Path(tmp))
        out = Path(args.out)
        suffix = {"xlsx": [".xlsx"], "csv": [".csv"], "parquet": [".parquet"]}[args.format]
        chosen = [p for p in written if p.suffix in suffix]
        if args.format == "xlsx":
            out.parent.mkdir(parents=True, exist_ok=True)
            chosen[0].replace(out)
            print(out)
        else:
            out.mkdir(parents=True, exist_ok=True)
            for path in chosen:
                path.replace(out / path.name)
                print(out / path.name)
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from models.store import Store

    with Store.open() as store:
        frame = store.status_frame()
        failed = store.failed_documents()
    if frame.empty:
        print("Chưa có báo cáo nào trong kho. Chạy: thidua run --inbox THƯ_MỤC")
        return 0
    from models.vn_time import hanoi_time_text

    for column in ("last_received_at", "last_run_at"):
        frame[column] = [hanoi_time_text(t) if t == t and t else "—" for t in frame[column]]
    frame = frame.rename(
        columns={
            "unit_id": "đơn vị",
            "year": "năm",
            "documents": "tệp",
            "rejected": "bị từ chối",
            "failed": "lỗi hệ thống",
            "submissions": "lần nộp",
            "last_received_at": "nộp gần nhất",
            "last_run_at": "trích xuất gần nhất",
            "last_run_status": "kết quả",
            "figures": "số liệu",
            "flagged": "cần rà soát",
        }
    )
    print(frame.to_string(index=False))
    if failed:
        print(
            f"\n{len(failed)} tệp chưa trích xuất được do lỗi của thidua (không phải lỗi của tệp; "
            "lần chạy sau sẽ thử lại):"
        )
        for item in failed:
            print(f"  {item['name']}: {item['error']}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from flows.deploy import serve_all

    serve_all()
    return 0


def add_pipeline_verbs(sub: argparse._SubParsersAction) -> None:
    def verb(name: str, help_text: str, example: str, func) -> argparse.ArgumentParser:
        parser = sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=example,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        parser.set_defaults(func=func)
        return parser

    run = verb("run", "one nightly run now: ingest, extract, store, score, publish", RUN_EXAMPLE, cmd_run)
    run.add_argument(
        "--inbox", help="folder of submitted reports (default: $THIDUA_INBOX or $THIDUA_HOME/inbox)"
    )
    run.add_argument("--recursive", action="store_true", help="also read sub-folders of the inbox")
    run.add_argument(
        "--json", action="store_true", help="print the summary as one JSON object on the last line"
    )
    run.add_argument("--manual", help=MANUAL_HELP)
    run.add_argument(
        "--always-flow",
        action="store_true",
        help="start a Prefect flow run even when nothing changed (by default such a run answers at once)",
    )
    run.add_argument(
        "--task-runner",
        choices=RUNNERS,
        help="where documents are extracted (default: processes, a warm worker pool; $THIDUA_TASK_RUNNER)",
    )
    run.add_argument(
        "--workers", type=int, help="worker processes (default: the machine's cores; $THIDUA_WORKERS)"
    )
    run.add_argument(
        "--dask-address", help="with --task-runner dask: the scheduler, e.g. tcp://10.0.0.5:8786"
    )
    re_ = verb(
        "reextract",
        "re-extract one unit's current report for one year, then rescore",
        REEXTRACT_EXAMPLE,
        cmd_reextract,
    )
    re_.add_argument("--unit", required=True, help="unit id from the registry, e.g. hoan-kiem")
    re_.add_argument("--year", required=True, type=int)
    re_.add_argument("--json", action="store_true")
    re_.add_argument("--manual", help=MANUAL_HELP)
    score = verb("score", "score one cluster-year again and print the ranking", SCORE_EXAMPLE, cmd_score)
    score.add_argument("--cluster", help="cluster id, e.g. cum-8 or ubnd-tp-ha-noi.cum-8 (required)")
    score.add_argument("--year", type=int, help="(required)")
    score.add_argument("--manual", help=MANUAL_HELP)
    export = verb(
        "export",
        "write a cluster-year's tables (xlsx, csv, parquet) or the documents it signs (docx)",
        EXPORT_EXAMPLE,
        cmd_export,
    )
    export.add_argument("--cluster", required=True)
    export.add_argument("--year", required=True, type=int)
    export.add_argument("--format", required=True, choices=["xlsx", "csv", "parquet", "docx"])
    export.add_argument(
        "--out",
        required=True,
        help="the .xlsx file, or a folder for csv/parquet and for docx (the summary table and the proposal)",
    )
    export.add_argument("--manual", help=MANUAL_HELP)
    verb("status", "units × years: submissions, runs, figures, flags", STATUS_EXAMPLE, cmd_status)
    verb("serve", "serve the nightly, reextract and rescore deployments (Prefect)", SERVE_EXAMPLE, cmd_serve)
