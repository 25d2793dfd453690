"""Evaluate extraction against expected figures: precision, recall, F1 and the share of figures that
carry a flag (what goes to review), per indicator and per layout; flag recall.

Usage: ``python -m extractors.evaluate samples/ [samples/independent/] [--min-f1 1.0] [--verbose]``

A document's layout is the ``layout`` of its expected file, else read from its name: ``r07_ward_…`` ->
"ward" (independent samples), ``ba-dinh-2021-awards`` -> "awards" (the words after the year).

Every ``NAME.expected.json`` in the folders (see ``samples/README.md``) is paired with ``NAME.docx``,
``NAME.pdf`` (whichever exist); each document counts on its own. A figure is a true positive when the
indicator is expected and the value matches (money within 0.05 %, percentages within 0.01, counts
exactly); a wrong value counts as a false positive and a false negative. Unit and year are scored too.
A wrong value that carries a flag is reported separately: the target is that every wrong value is flagged.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from extractors.extract import extract_path
from extractors.resolve import same_value
from models.records import DocumentResult
from models.vocabulary import INDICATORS

REPORT_SUFFIXES = (".docx", ".pdf", ".doc", ".odt", ".rtf")


@dataclass
class Score:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    flags_expected: int = 0
    flags_found: int = 0
    wrong_values: int = 0
    wrong_flagged: int = 0
    documents: int = 0
    identity_ok: int = 0
    errors: list[str] = field(default_factory=list)
    extracted: Counter = field(default_factory=Counter)  # figures given, per indicator
    flagged: Counter = field(default_factory=Counter)  # of which carrying a flag

    def flagged_share(self, code: str | None = None) -> float:
        given = self.extracted[code] if code else sum(self.extracted.values())
        flagged = self.flagged[code] if code else sum(self.flagged.values())
        return flagged / given if given else 0.0

    def prf(self, code: str | None = None) -> tuple[float, float, float]:
        tp = self.tp[code] if code else sum(self.tp.values())
        fp = self.fp[code] if code else sum(self.fp.values())
        fn = self.fn[code] if code else sum(self.fn.values())
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def pairs(folders: list[Path]) -> list[tuple[Path, Path]]:
    out = []
    for folder in folders:
        for expected in sorted(folder.glob("*.expected.json")):
            stem = expected.name[: -len(".expected.json")]
            for suffix in REPORT_SUFFIXES:
                doc = expected.with_name(stem + suffix)
                if doc.exists():
                    out.append((doc, expected))
    return out


def score_document(result: DocumentResult, expected: dict, score: Score) -> None:
    score.documents += 1
    name = Path(result.path).name
    if result.status != "ok":
        score.errors.append(f"{name}: rejected: {result.error}")
    # a unit outside the registry is expected as its proposed id with "unit_flags": ["unknown_unit"]
    flagged = "unknown_unit" in result.flags
    unit_ok = result.unit_id == expected.get("unit") and flagged == (
        "unknown_unit" in expected.get("unit_flags", [])
    )
    year_ok = result.year == expected.get("year")
    score.identity_ok += unit_ok and year_ok
    if not (unit_ok and year_ok):
        got = f"{result.unit_id}{' (unknown_unit)' if flagged else ''}"
        score.errors.append(
            f"{name}: unit/year {got}/{result.year}, expected {expected.get('unit')}/{expected.get('year')}"
        )
    want = expected.get("figures", {})
    got_figs = {f.indicator: f for f in result.figures}
    for fig in result.figures:
        score.extracted[fig.indicator] += 1
        score.flagged[fig.indicator] += bool(fig.flags)
    for code in INDICATORS:
        exp, fig = want.get(code), got_figs.get(code)
        if exp is None and fig is None:
            continue
        if exp is not None:
            score.flags_expected += len(exp.get("flags", []))
        if exp is not None and fig is not None and same_value(fig.value, exp["value"], fig.unit):
            score.tp[code] += 1
            score.flags_found += len(set(exp.get("flags", [])) & set(fig.flags))
            missing = set(exp.get("flags", [])) - set(fig.flags)
            if missing:
                score.errors.append(f"{name}: {code} lacks flags {sorted(missing)}")
            continue
        if fig is not None:
            score.fp[code] += 1
            score.wrong_values += 1
            score.wrong_flagged += bool(fig.flags)
            where = fig.source.text[:90] if fig.source else "derived"
            wanted = exp["value"] if exp else "nothing"
            score.errors.append(
                f"{name}: {code} = {fig.value} (expected {wanted}) flags={fig.flags} <- {where!r}"
            )
        if exp is not None:
            score.fn[code] += 1
            if fig is None:
                score.errors.append(f"{name}: {code} missing (expected {exp['value']})")


def layout_of(expected: dict, expected_path: Path) -> str:
    """The layout a document stands for (see the module docstring)."""
    if expected.get("layout"):
        return str(expected["layout"])
    stem = expected_path.name[: -len(".expected.json")]
    if m := re.match(r"r\d+_([a-z]+)_", stem):
        return m.group(1)
    if m := re.search(r"-(?:19|20)\d\d-(.+)$", stem):
        return m.group(1)
    return stem


def evaluate(folders: list[Path]) -> Score:
    return evaluate_by_layout(folders)[0]


def evaluate_by_layout(folders: list[Path]) -> tuple[Score, dict[str, Score]]:
    """The overall score and one per layout (each document counts in both)."""
    score, layouts = Score(), {}
    for doc, expected_path in pairs(folders):
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        result = extract_path(doc)
        score_document(result, expected, score)
        score_document(result, expected, layouts.setdefault(layout_of(expected, expected_path), Score()))
    return score, dict(sorted(layouts.items()))


def report(score: Score, verbose: bool = False, layouts: dict[str, Score] | None = None) -> str:
    head = f"{'P':>6} {'R':>6} {'F1':>6} {'flagged':>8}"
    lines = [f"{'indicator':<36} {head}   tp  fp  fn"]
    for code in INDICATORS:
        if score.tp[code] + score.fp[code] + score.fn[code] == 0:
            continue
        p, r, f = score.prf(code)
        counts = f"{score.tp[code]:3d} {score.fp[code]:3d} {score.fn[code]:3d}"
        lines.append(f"{code:<36} {p:6.3f} {r:6.3f} {f:6.3f} {score.flagged_share(code):8.3f}  {counts}")
    p, r, f = score.prf()
    lines.append(f"{'OVERALL':<36} {p:6.3f} {r:6.3f} {f:6.3f} {score.flagged_share():8.3f}")
    if layouts:
        lines.append(f"\n{'layout':<30} {'docs':>4} {head}")
        for name, sub in layouts.items():
            p, r, f = sub.prf()
            lines.append(
                f"{name:<30} {sub.documents:4d} {p:6.3f} {r:6.3f} {f:6.3f} {sub.flagged_share():8.3f}"
            )
    flag_recall = score.flags_found / score.flags_expected if score.flags_expected else 1.0
    lines.append(f"documents: {score.documents}; unit and year right: {score.identity_ok}/{score.documents}")
    lines.append(f"flag recall: {flag_recall:.3f} ({score.flags_found}/{score.flags_expected})")
    lines.append(f"wrong values carrying a flag: {score.wrong_flagged}/{score.wrong_values}")
    if verbose and score.errors:
        lines.append("\ndifferences:")
        lines += [f"  {e}" for e in score.errors]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m extractors.evaluate", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "folders", nargs="+", type=Path, help="folders with reports and NAME.expected.json files"
    )
    parser.add_argument("--min-f1", type=float, default=None, help="exit 1 when overall F1 is below this")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every difference")
    args = parser.parse_args(argv)
    if not pairs(args.folders):
        print(
            f"no NAME.expected.json with a report beside it in {', '.join(map(str, args.folders))}",
            file=sys.stderr,
        )
        return 2
    score, layouts = evaluate_by_layout(args.folders)
    print(report(score, args.verbose, layouts))
    if args.min_f1 is not None and score.prf()[2] < args.min_f1:
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = [
    "Score",
    "evaluate",
    "evaluate_by_layout",
    "layout_of",
    "main",
    "pairs",
    "report",
    "score_document",
]
