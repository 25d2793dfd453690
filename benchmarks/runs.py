"""The nightly run as the operator starts it (``thidua run`` in a child process), timed and watched.

Each run gets its own ``THIDUA_HOME`` and SQLite store under the bench folder (a cold run starts empty),
and all runs share one Prefect home, whose database is created by the first, untimed, run. While a run
works, the process tree's memory is sampled (``/proc``, every 0.2 s): the peak of the sum over all its
processes, and each process's own peak. Children are found by a marker in their environment, which
they inherit, so the worker pool, the forkserver and Prefect's temporary server are all counted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

MARK = "THIDUA_BENCH_MARK"
SAMPLE_EVERY_S = 0.2


@dataclass
class RunMeasure:
    label: str
    wall_s: float
    summary: dict
    peak_rss_mb: float  # the whole run: its processes' resident memory added up, at its highest
    process_peaks_mb: dict[str, float] = field(default_factory=dict)  # "pid command" -> its own peak

    def to_dict(self) -> dict:
        keys = ("processed", "skipped", "rejected", "failed", "flagged", "runner", "workers", "stages_s")
        keys += ("flow_run",)  # None when the run answered without starting a flow
        return {
            "wall_s": round(self.wall_s, 3),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "worker_peak_rss_mb": self.summary.get("worker_peak_rss_mb", {}),
            **{k: self.summary.get(k) for k in keys},
        }


def _rss_of(mark: str) -> dict[str, float]:
    """Resident MB of every live process carrying ``mark``, keyed "pid command"."""
    needle = f"{MARK}={mark}".encode()
    out = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if needle not in (entry / "environ").read_bytes().split(b"\0"):
                continue
            status = (entry / "status").read_text()
        except OSError:
            continue
        kb = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
        name = next((line.split(None, 1)[1] for line in status.splitlines() if line.startswith("Name:")), "")
        out[f"{entry.name} {name}"] = kb / 1024
    return out


class _Sampler(threading.Thread):
    def __init__(self, mark: str) -> None:
        super().__init__(daemon=True)
        self.mark, self.peak, self.peaks = mark, 0.0, {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(SAMPLE_EVERY_S):
            now = _rss_of(self.mark)
            self.peak = max(self.peak, sum(now.values()))
            for key, mb in now.items():
                self.peaks[key] = max(self.peaks.get(key, 0.0), mb)


def thidua_run(
    label: str,
    inbox: Path,
    home: Path,
    prefect_home: Path,
    *,
    workers: int,
    runner: str = "processes",
    always_flow: bool = False,
) -> RunMeasure:
    """``thidua run --inbox INBOX --json`` with its own home; raises if the run fails. ``always_flow``:
    start the flow even when nothing changed (a warm run otherwise answers without Prefect)."""
    mark = uuid.uuid4().hex
    env = {
        **os.environ,
        "THIDUA_HOME": str(home),
        "PREFECT_HOME": str(prefect_home),
        "DO_NOT_TRACK": "1",
        MARK: mark,
    }
    for key in ("THIDUA_DATABASE_URL", "PREFECT_API_URL", "THIDUA_WORKERS", "THIDUA_TASK_RUNNER"):
        env.pop(key, None)
    command = [sys.executable, "-m", "flows.cli", "run", "--inbox", str(inbox), "--json"]
    command += ["--workers", str(workers), "--task-runner", runner]
    command += ["--always-flow"] if always_flow else []
    sampler = _Sampler(mark)
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, env=env, stdout=out, stderr=err, text=True)
        sampler.start()
        code = child.wait()
        wall = time.perf_counter() - start
        sampler.done.set()
        sampler.join()
        out.seek(0)
        err.seek(0)
        lines = out.read().strip().splitlines()
        if code not in (0, 1) or not lines:  # 1: the run finished with failed documents (reported)
            raise RuntimeError(f"{label}: thidua run exited with {code}:\n{err.read()[-3000:]}")
    return RunMeasure(label, wall, json.loads(lines[-1]), sampler.peak, sampler.peaks)
