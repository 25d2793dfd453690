"""`thidua score set|history` and `thidua manual export|import`: the chair's entries from a terminal.

The same entries as the web form /tham-dinh (append-only, who, when, old, new, note), checked by
:func:`scoring.entries.check_entry`; after each entry the cluster-year is scored again and the scores are
recorded. The manual-inputs TOML file stays the import and export of the same data.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extractors.numbers import format_short

SCORE_EXAMPLE = """examples:
  thidua score set --cluster cum-8 --year 2021 --unit hoan-kiem --criterion B2 --value 3 \\
      --note "theo biên bản thẩm định" --by lan
  thidua score set --cluster cum-8 --year 2021 --unit hoan-kiem --manual attended --value 5 --by lan
  thidua score history --cluster cum-8 --year 2021 --unit hoan-kiem
"""
MANUAL_EXAMPLE = """examples:
  thidua manual export --cluster cum-8 --year 2021 --out cum-8-2021.toml
  thidua manual import cum-8-2021.toml --by lan --note "số liệu văn phòng cụm"
"""


def _cluster(args: argparse.Namespace):
    from models.clusters import default_clusters

    return default_clusters().get(args.cluster, args.year)


def _rescore(store, cluster) -> None:
    from flows.runtime import Paths
    from scoring.service import score_cluster_year

    result = score_cluster_year(store, cluster, Paths.from_env().manual, record=True).result
    for u in result.units:
        mark = " (tạm tính)" if u.provisional else ""
        print(f"  {u.rank:>2}. {u.unit_id:<16} {u.total:6.2f}{mark}")


def _value(text: str, manual: bool):
    """The command line's value: a number, or for a manual true/false field true/false/có/không."""
    folded = text.strip().lower()
    if manual and folded in ("true", "có", "co", "yes"):
        return True
    if manual and folded in ("false", "không", "khong", "no"):
        return False
    if folded in ("", "none", "xoa", "xóa"):
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise ValueError(f"--value {text!r}: not a number") from None


def cmd_set(args: argparse.Namespace) -> int:
    from models.store import Store
    from scoring.service import enter_score

    cluster = _cluster(args)
    kind, key = ("manual", args.manual_key) if args.manual_key else ("verified", args.criterion)
    with Store.open() as store:
        entry = enter_score(
            store, cluster, args.unit, kind, key, _value(args.value, kind == "manual"), args.note, args.by
        )
        if entry is None:
            print(f"{args.unit} {key}: already {args.value}; nothing recorded.")
            return 0
        print(f"Recorded entry {entry}: {args.unit} {kind} {key} = {args.value} by {args.by}. Scores now:")
        _rescore(store, cluster)
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from models.store import Store

    cluster = _cluster(args)
    with Store.open() as store:
        entries = store.score_entries(cluster.key, args.unit)
    for e in entries:
        old = "—" if e.old_value is None else f"{format_short(e.old_value)}"
        new = "xóa" if e.new_value is None else f"{format_short(e.new_value)}"
        when = e.decided_at.strftime("%Y-%m-%d %H:%M")
        print(
            f"{when}  {e.decided_by:<12} {e.unit_id:<16} {e.kind:<8} {e.key:<14} {old} → {new}"
            f"  {e.note or ''}"
        )
    print(f"{len(entries)} entries.", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from flows.runtime import Paths
    from models.store import Store
    from scoring.config import config_for
    from scoring.entries import manual_toml
    from scoring.service import inputs_in_force

    cluster = _cluster(args)
    with Store.open() as store:
        manual, _, _ = inputs_in_force(store, cluster, Paths.from_env().manual)
    Path(args.out).write_text(manual_toml(cluster, config_for(cluster), manual), encoding="utf-8")
    print(f"Wrote the manual inputs in force of {cluster.key} to {args.out}.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    import tomllib

    from flows.runtime import Paths
    from models.clusters import default_clusters
    from models.store import Store
    from scoring.config import config_for
    from scoring.entries import changes
    from scoring.manual import ManualInputError, parse_manual
    from scoring.service import enter_score, inputs_in_force

    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8")
        key = tomllib.loads(text).get("cluster")
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: not a TOML file ({exc})") from None
    cluster = next((c for c in default_clusters().clusters if c.key == key), None)
    if cluster is None:
        raise ValueError(f'{path}: name the cluster-year, e.g. cluster = "ubnd-tp-ha-noi.cum-8.2021"')
    config = config_for(cluster)
    try:
        imported = parse_manual(text, config, str(path))
    except ManualInputError as exc:
        raise ValueError(str(exc)) from None
    with Store.open() as store:
        in_force, _, _ = inputs_in_force(store, cluster, Paths.from_env().manual)
        todo = changes(config, in_force, imported)
        for unit_id, key, value in todo:
            enter_score(store, cluster, unit_id, "manual", key, value, args.note, args.by)
            print(f"  {unit_id} {key} = {format_short(value)}")
        print(f"{len(todo)} values recorded from {path.name}.")
        if todo:
            _rescore(store, cluster)
    return 0


def _where(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cluster", required=True, help="cluster id, e.g. cum-8")
    parser.add_argument("--year", required=True, type=int)


def _score_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """The ``score`` verb of flows.cli_pipeline (``thidua score --cluster C --year Y``: rescore and print),
    which ``set`` and ``history`` join as optional sub-verbs."""
    score = sub.choices["score"]
    score.epilog = f"{score.epilog or ''}\n{SCORE_EXAMPLE}"
    return score


def add_score_verbs(sub: argparse._SubParsersAction) -> None:
    raw = argparse.RawDescriptionHelpFormatter
    score = _score_parser(sub)
    verbs = score.add_subparsers(dest="score_command", required=False, title="sub-verbs")
    put = verbs.add_parser(
        "set",
        help="record a verified score or a manual input, then rescore",
        epilog=SCORE_EXAMPLE,
        formatter_class=raw,
    )
    _where(put)
    put.add_argument("--unit", required=True)
    what = put.add_mutually_exclusive_group(required=True)
    what.add_argument("--criterion", help="criterion id (A1), bonus.<id> or deduction.<id>: a verified score")
    what.add_argument(
        "--manual", dest="manual_key", help="a manual input, e.g. attended, covenant_signed, points.B1"
    )
    put.add_argument("--value", required=True, help="points or value; 'none' clears the entry")
    put.add_argument("--note", default="")
    put.add_argument("--by", required=True, help="who enters it")
    put.set_defaults(func=cmd_set)
    history = verbs.add_parser("history", help="every entry of a cluster-year, oldest first")
    _where(history)
    history.add_argument("--unit")
    history.set_defaults(func=cmd_history)

    manual = sub.add_parser(
        "manual", help="manual inputs as TOML: export and import", epilog=MANUAL_EXAMPLE, formatter_class=raw
    )
    mverbs = manual.add_subparsers(dest="manual_command", required=True)
    export = mverbs.add_parser("export", help="write the manual inputs in force (file + entries)")
    _where(export)
    export.add_argument("--out", required=True)
    export.set_defaults(func=cmd_export)
    imp = mverbs.add_parser("import", help="record each value differing from what is in force")
    imp.add_argument("file")
    imp.add_argument("--by", required=True)
    imp.add_argument("--note", default="")
    imp.set_defaults(func=cmd_import)
