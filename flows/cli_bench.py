"""The ``thidua bench`` verb: the nightly pipeline measured at scale (see :mod:`benchmarks.bench`)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

BENCH_EXAMPLE = """examples:
  thidua bench                              # 200 reports of 5-100 pages, two workers
  thidua bench --docs 1000 --pages 2-8      # a province's January: 1,000 short reports
  thidua bench --docs 50 --json | tail -n 1 # one JSON object on the last line
"""


def _pages(text: str) -> tuple[int, int]:
    low, _, high = text.partition("-")
    try:
        pages = (int(low), int(high or low))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a range of pages such as 5-100") from None
    if not 1 <= pages[0] <= pages[1]:
        raise argparse.ArgumentTypeError(f"{text!r}: expected 1 <= LOW <= HIGH")
    return pages


def cmd_bench(args: argparse.Namespace) -> int:
    from benchmarks.bench import BenchSettings, render, run_bench
    from flows.runtime import Paths

    settings = BenchSettings(
        docs=args.docs,
        pages=args.pages,
        seed=args.seed,
        workers=args.workers,
        repeat=args.repeat,
        sample_pages=args.sample_pages,
        runners=tuple(r.strip() for r in args.runners.split(",") if r.strip()),
        folder=Path(args.folder) if args.folder else Paths.from_env().home / "bench",
    )
    log = (lambda m: print(m, file=sys.stderr)) if args.json else print
    results = run_bench(settings, log)
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
    else:
        print(render(results))
    return 0


def add_bench_verb(sub: argparse._SubParsersAction) -> None:
    bench = sub.add_parser(
        "bench",
        help="measure extraction and the nightly run on a generated corpus, against raw baselines",
        description=(
            "Generate (or reuse) a reproducible corpus of distinct reports, then measure in one run: "
            "thidua extract against raw pdfplumber, pypdfium2 and python-docx on the same files, the "
            "nightly run cold and warm, one worker against several, and the task runners."
        ),
        epilog=BENCH_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    bench.add_argument("--docs", type=int, default=200, help="reports in the corpus (default 200)")
    bench.add_argument("--pages", type=_pages, default=(5, 100), help="pages per report, LOW-HIGH (5-100)")
    bench.add_argument("--seed", type=int, default=1, help="corpus seed: the same seed, the same files")
    bench.add_argument("--workers", type=int, default=2, help="worker processes of the nightly runs (2)")
    bench.add_argument("--repeat", type=int, default=3, help="passes of each extraction timing (3)")
    bench.add_argument(
        "--sample-pages", type=int, default=400, help="PDF pages compared against the raw libraries (400)"
    )
    bench.add_argument(
        "--runners",
        default="processes,prefect-processes",
        help="task runners to time cold, comma-separated (processes,prefect-processes)",
    )
    bench.add_argument("--folder", help="where the corpus and the runs go (default $THIDUA_HOME/bench)")
    bench.add_argument("--json", action="store_true", help="print the figures as one JSON object last")
    bench.set_defaults(func=cmd_bench)
