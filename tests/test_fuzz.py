"""Mutation fuzzing: corrupted bytes of real reports give figures or a clean rejection — never an
unhandled exception, a hang past a timeout, or unbounded memory.

The mutated files are extracted by one worker process with a memory cap (RLIMIT_AS) and a per-file alarm,
so a runaway parse is caught as such instead of taking the test run down with it.
"""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SOURCES = ["hoan-kiem-2021-prose.docx", "ba-dinh-2021-awards.pdf", "dong-da-2021-longtable.docx"]
PER_SOURCE = 12
SECONDS_PER_FILE = 30
MEMORY_CAP = 2 * 1024**3

WORKER = textwrap.dedent(
    """
    import json, resource, signal, sys
    resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))
    from extractors.extract import extract_path

    def timeout(signum, frame):
        raise TimeoutError("hang")

    signal.signal(signal.SIGALRM, timeout)
    for path in sys.argv[1:]:
        signal.alarm({seconds})
        try:
            result = extract_path(path)
            outcome = {{"path": path, "status": result.status, "error": result.error}}
        except TimeoutError:
            outcome = {{"path": path, "status": "hang"}}
        except BaseException as exc:  # the failure under test: report it, keep going
            outcome = {{"path": path, "status": "crash", "error": f"{{type(exc).__name__}}: {{exc}}"}}
        signal.alarm(0)
        print(json.dumps(outcome), flush=True)
    """
).format(cap=MEMORY_CAP, seconds=SECONDS_PER_FILE)


def mutate_inside_zip(data: bytes, rng: random.Random) -> bytes:
    """Corrupt the XML of a .docx and zip it again, so the XML parser and the reader are exercised (a byte
    flipped in the zip itself only ever meets the zip checksum)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    target = io.BytesIO()
    victim = rng.choice([n for n in source.namelist() if n.endswith(".xml")] + ["word/document.xml"] * 4)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name in source.namelist():
            content = source.read(name)
            out.writestr(name, mutate(content, rng, raw=True) if name == victim else content)
    return target.getvalue()


def mutate(data: bytes, rng: random.Random, raw: bool = False) -> bytes:
    """One of: flip bytes, truncate, overwrite a run with garbage, duplicate a chunk; for a .docx, half of
    the time inside its XML."""
    if not raw and data[:2] == b"PK" and rng.random() < 0.5:
        return mutate_inside_zip(data, rng)
    data = bytearray(data)
    kind = rng.choice(["flip", "truncate", "garbage", "duplicate"])
    if kind == "flip":
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == "truncate":
        del data[rng.randrange(1, len(data)) :]
    elif kind == "garbage":
        start = rng.randrange(len(data))
        data[start : start + rng.randint(16, 4096)] = rng.randbytes(rng.randint(16, 4096))
    else:
        start = rng.randrange(len(data))
        chunk = data[start : start + rng.randint(64, 8192)]
        at = rng.randrange(len(data))
        data[at:at] = chunk
    return bytes(data)


def test_corrupted_reports_are_read_or_rejected_cleanly(tmp_path: Path) -> None:
    files = []
    for name in SOURCES:
        original = (SAMPLES / name).read_bytes()
        for n in range(PER_SOURCE):
            rng = random.Random(f"{name}-{n}")  # reproducible: the failing case can be rebuilt by name
            path = tmp_path / f"{n:02d}-{name}"
            path.write_bytes(mutate(original, rng))
            files.append(path)
    done = subprocess.run(
        [sys.executable, "-c", WORKER, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=SECONDS_PER_FILE * len(files),
    )
    outcomes = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0, f"worker died after {len(outcomes)} files: {done.stderr[-2000:]}"
    assert len(outcomes) == len(files)
    bad = [o for o in outcomes if o["status"] not in {"ok", "rejected"}]
    assert bad == [], bad
    for o in outcomes:
        if o["status"] == "rejected":
            assert Path(o["path"]).name in o["error"] and "Traceback" not in o["error"]
