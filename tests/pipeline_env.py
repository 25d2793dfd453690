"""``thidua run`` as a user starts it, in a child process: its environment, and the processes it leaves.

Every child gets a marker variable in its environment; children inherit it (worker pools, the forkserver,
Prefect's temporary server), so :func:`survivors` finds whatever a run left running by reading
``/proc/<pid>/environ``, whoever its parent is now.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from models.store import StoreSettings

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
MARK = "THIDUA_TEST_RUN_MARK"
# Eight reports of Cụm 8, 2021 and 2022 (two cluster-years), Word and PDF.
REPORTS = [
    "hoan-kiem-2021-prose.docx",
    "ba-dinh-2021-awards.docx",
    "dong-da-2021-longtable.pdf",
    "hai-ba-trung-2021-twoyear.docx",
    "hoang-mai-2022-targets.docx",
    "long-bien-2022-twoyear.pdf",
    "dong-da-2022-prose.docx",
    "ba-dinh-2022-twoyear.docx",
]


def make_inbox(folder: Path, names: list[str] = REPORTS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(SAMPLES / name, folder / name)
    return folder


def sample_manual_inputs(home: Path) -> Path:
    """The samples' manual inputs copied into ``home/manual`` (where a run reads them by default): a run
    writes templates for cluster-years without one there, which must not land in samples/."""
    folder = home / "manual"
    folder.mkdir(parents=True, exist_ok=True)
    for toml in (SAMPLES / "manual").glob("*.toml"):
        shutil.copy(toml, folder / toml.name)
    return folder


def environment(settings: StoreSettings, prefect_home: Path, mark: str | None = None, **extra: str) -> dict:
    sample_manual_inputs(settings.home)
    env = {
        **os.environ,
        "THIDUA_HOME": str(settings.home),
        "THIDUA_DATABASE_URL": settings.database_url,
        "PREFECT_HOME": str(prefect_home),
        "THIDUA_WORKERS": "2",
        MARK: mark or uuid.uuid4().hex,
        **extra,
    }
    env.pop("PREFECT_API_URL", None)
    return env


class Child:
    """A started ``thidua run --json``; its output goes to files, so that a run nobody reads from while
    it works (a test polling the database) never blocks on a full pipe."""

    def __init__(self, inbox: Path, env: dict) -> None:
        command = [sys.executable, "-m", "flows.cli", "run", "--inbox", str(inbox), "--json"]
        # Open for the child's whole life, closed when the object goes: no context manager fits.
        self.out = tempfile.TemporaryFile("w+")  # noqa: SIM115
        self.err = tempfile.TemporaryFile("w+")  # noqa: SIM115
        self.process = subprocess.Popen(command, env=env, stdout=self.out, stderr=self.err, text=True)

    def wait(self, timeout: float = 600) -> tuple[int, dict | None, str]:
        """(return code, the summary or None, stderr) once the run has ended."""
        code = self.process.wait(timeout=timeout)
        self.out.seek(0)
        self.err.seek(0)
        lines = self.out.read().strip().splitlines()
        summary = json.loads(lines[-1]) if code == 0 and lines else None
        return code, summary, self.err.read()


def start(inbox: Path, env: dict) -> Child:
    return Child(inbox, env)


def run(inbox: Path, env: dict, timeout: float = 600) -> tuple[int, dict | None, str]:
    """Run ``thidua run --json`` to the end: (return code, the summary or None, stderr)."""
    return start(inbox, env).wait(timeout)


def survivors(mark: str) -> list[int]:
    """Pids of live processes carrying ``mark`` in their environment."""
    needle = f"{MARK}={mark}".encode()
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if needle in (entry / "environ").read_bytes().split(b"\0"):
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
                if state != "Z":  # a zombie has exited; only its parent's wait is missing
                    found.append(int(entry.name))
        except OSError:
            continue
    return found


def wait_for_no_survivors(mark: str, timeout: float = 20.0) -> list[int]:
    """Give the kernel's parent-death signals a moment; return whatever is still alive after ``timeout``."""
    deadline = time.monotonic() + timeout
    while (left := survivors(mark)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left
