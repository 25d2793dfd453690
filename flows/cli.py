"""The ``thidua`` command line. Verbs that need neither a database nor Prefect import nothing of them."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from models.records import DocumentResult
from models.vocabulary import INDICATORS

SUPPORTED = {".docx", ".pdf", ".doc", ".odt", ".rtf"}

EXTRACT_EXAMPLE = """examples:
  thidua extract samples/hoan-kiem-2021-prose.docx
  thidua extract samples/ --json > figures.jsonl
"""


def iter_paths(paths: Sequence[str]) -> Iterator[Path]:
    """Files as given, folders walked (sorted) for report files."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
        else:
            yield path


def render_table(result: DocumentResult) -> str:
    """A plain-text view for people: one line per figure with its flags and where it came from."""
    from extractors.numbers import format_value

    head = f"{result.path}  [{result.format}]"
    if result.status == "rejected":
        return f"{head}\n  TỪ CHỐI (rejected): {result.error}\n"
    unit = f"{result.unit.name} ({result.unit.id})" if result.unit else "? (đơn vị không xác định)"
    if result.proposed_unit is not None:
        unit = f"{result.proposed_unit.name} ({result.proposed_unit.id}, chưa có trong danh mục)"
    lines = [head, f"  Đơn vị: {unit}   Năm: {result.year or '?'}   Trang: {result.pages or '-'}"]
    width = max((len(INDICATORS[f.indicator].label_vi) for f in result.figures), default=20)
    for fig in result.figures:
        where = "suy ra (derived)" if fig.derived else (fig.source.block if fig.source else "")
        if fig.source and fig.source.page:
            where += f" trang {fig.source.page}"
        flags = f"  ⚑ {', '.join(fig.flags)}" if fig.flags else ""
        lines.append(
            f"  {INDICATORS[fig.indicator].label_vi:<{width}}  {format_value(fig.value, fig.unit):>18}"
            f"  tin cậy {fig.confidence:.2f}  [{where}]{flags}"
        )
    if result.flags:
        lines.append(f"  Cảnh báo: {', '.join(result.flags)} — {'; '.join(result.notes[-1:])}")
    return "\n".join(lines) + "\n"


def cmd_extract(args: argparse.Namespace) -> int:
    from extractors.extract import extract_path

    paths = list(iter_paths(args.paths))
    if not paths:
        print(f"thidua extract: no report files found in {', '.join(args.paths)}", file=sys.stderr)
        return 2
    rejected = 0
    for path in paths:
        result = extract_path(path)
        rejected += result.status == "rejected"
        if args.json:
            print(json.dumps(result.to_dict(), ensure_ascii=False), flush=True)
        else:
            print(render_table(result), flush=True)
    if not args.json:
        print(f"{len(paths)} tệp, {len(paths) - rejected} đọc được, {rejected} bị từ chối.")
    return 1 if rejected == len(paths) else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="thidua",
        description="Extract and score the figures of emulation-cluster reports (thi đua, khen thưởng).",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser(
        "extract",
        help="extract the vocabulary figures of reports (no database, no Prefect)",
        description="Read Word/PDF reports and print their figures with provenance, confidence and flags.",
        epilog=EXTRACT_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders of reports")
    extract.add_argument("--json", action="store_true", help="print JSON Lines, one object per document")
    extract.set_defaults(func=cmd_extract)
    from flows.cli_bench import add_bench_verb
    from flows.cli_clusters import add_cluster_verbs
    from flows.cli_pipeline import add_pipeline_verbs
    from flows.cli_review import add_review_verbs
    from flows.cli_scores import add_score_verbs
    from flows.cli_selfscore import add_selfscore_verbs
    from flows.cli_submit import add_submit_verbs
    from flows.cli_units import add_unit_verbs
    from flows.cli_users import add_user_verbs

    add_pipeline_verbs(sub)
    add_user_verbs(sub)
    add_review_verbs(sub)
    add_bench_verb(sub)
    add_unit_verbs(sub)
    add_cluster_verbs(sub)
    add_selfscore_verbs(sub)
    add_submit_verbs(sub)
    add_score_verbs(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (KeyError, ValueError, FileNotFoundError) as exc:
        # a wrong unit, cluster, year or folder: say so plainly, no traceback
        message = exc.args[0] if exc.args else str(exc)
        print(f"thidua {args.command}: {message}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
