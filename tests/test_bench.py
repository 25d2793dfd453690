"""``thidua bench`` end to end on a tiny corpus: every step runs and the JSON has what the README says.

The figures themselves are not checked (a benchmark measures, a test cannot judge a speed); what is
checked is that each run did the work it claims to time, so that a bench that measured nothing, or
the wrong thing, fails here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEYS = {
    "pdf_speedup_vs_pdfplumber",
    "pdf_ratio_vs_pypdfium2",
    "docx_ratio_vs_python_docx",
    "parallel_speedup",
    "warm_s_per_1000",
    "cold_s_per_1000",
    "peak_rss_mb",
    "worker_peak_rss_mb",
    "startup_s",
    "extract",
    "runs",
}


def test_bench_measures_each_step_on_a_small_corpus(tmp_path: Path) -> None:
    env = {**os.environ, "THIDUA_HOME": str(tmp_path / "home"), "DO_NOT_TRACK": "1"}
    for key in ("THIDUA_DATABASE_URL", "PREFECT_API_URL"):
        env.pop(key, None)
    command = [sys.executable, "-m", "flows.cli", "bench", "--docs", "6", "--pages", "2-3", "--repeat", "1"]
    command += ["--sample-pages", "6", "--runners", "processes", "--json"]
    out = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert out.returncode == 0, out.stderr[-3000:]
    results = json.loads(out.stdout.strip().splitlines()[-1])
    assert not KEYS - set(results), KEYS - set(results)
    runs = results["runs"]
    assert runs["cold"]["processed"] == 6 and runs["cold_1_worker"]["processed"] == 6
    assert runs["cold"]["failed"] == runs["cold"]["rejected"] == 0
    assert len(runs["cold"]["worker_peak_rss_mb"]) == 2, "two worker processes did the cold run"
    assert len(runs["cold_1_worker"]["worker_peak_rss_mb"]) == 1
    assert runs["warm"]["skipped"] == 6 and runs["warm"]["processed"] == 0
    assert runs["warm"]["flow_run"] is None, "a warm run answers without starting a flow"
    assert runs["warm_flow"]["skipped"] == 6 and runs["warm_flow"]["flow_run"], "--always-flow starts one"
    extract = results["extract"]
    assert extract["pdf"]["pdfplumber"]["units"] == extract["pdf"]["thidua"]["units"] > 0
    assert extract["docx"]["python-docx"]["units"] == extract["docx"]["thidua"]["units"] > 0
    assert extract["quality"]["documents"] > 0
    assert results["pdf_speedup_vs_pdfplumber"] > 0 and results["peak_rss_mb"] > 0
