"""Prefect's temporary API server for a run without ``PREFECT_API_URL``, started so that it cannot outlive
the run.

Left to itself, Prefect starts this server (uvicorn with Prefect's API, ~180 MB) on the first flow call
and stops it from an ``atexit`` hook, which a ``kill -9`` or an unhandled ``SIGTERM`` of the run never
reaches: the server was orphaned, holding its port. :class:`TemporaryServer` starts the same server
itself, with Linux's ``PR_SET_PDEATHSIG``, so the kernel stops it when the run dies however it dies, and
stops it on any normal exit. Before starting, :func:`stop_stale_servers` stops temporary servers that an
earlier run (of any version, or of Prefect itself) left behind: same user, parent gone.
With a Prefect server configured (``PREFECT_API_URL``), none of this runs.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from extractors.pool import die_with_parent

SERVER_APP = "prefect.server.api.server:create_app"
START_TIMEOUT_S = 90.0
# Processes that adopt orphans: a server whose parent is one of these was left behind by a dead run.
ADOPTERS = {"init", "systemd", "tini", "dumb-init", "docker-init", "catatonit"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return b""


def stale_servers() -> list[int]:
    """Pids of temporary Prefect servers of this user whose parent run is gone (Linux ``/proc``)."""
    found = []
    uid = os.getuid()
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if entry.stat().st_uid != uid:
                continue
        except OSError:
            continue
        command = _read(f"{entry}/cmdline").split(b"\0")
        if SERVER_APP.encode() not in command or b"uvicorn" not in command:
            continue
        stat = _read(f"{entry}/stat").rsplit(b")", 1)[-1].split()
        if len(stat) < 2:
            continue
        parent = int(stat[1])
        parent_name = _read(f"/proc/{parent}/comm").strip().decode(errors="replace")
        if parent == 1 or parent_name in ADOPTERS:
            found.append(int(entry.name))
    return found


def stop_stale_servers(log=print) -> list[int]:
    """Stop the stale temporary servers (``SIGTERM``, then ``SIGKILL``) and say so; return their pids."""
    stopped = []
    for pid in stale_servers():
        log(f"stopping a temporary Prefect server (pid {pid}) left running by an earlier run that died")
        try:
            os.kill(pid, signal.SIGTERM)
            for _ in range(50):
                time.sleep(0.1)
                os.kill(pid, 0)
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        stopped.append(pid)
    return stopped


class TemporaryServer:
    """``with TemporaryServer() as url:`` — Prefect's API on a free local port for the block's duration."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.port = 0

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def launch(self) -> None:
        """Start the server process and return at once: it boots (~6 s of imports) while the caller
        does its own start-up; :meth:`wait_healthy` waits for it. Needs no import of Prefect here: the
        embedded settings are in the environment the server inherits."""
        import importlib.util

        spec = importlib.util.find_spec("prefect")
        if spec is None or spec.origin is None:
            raise RuntimeError("Prefect is not installed: pip install prefect")
        self.port = _free_port()
        env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1"}
        env["PREFECT__SERVER_FINAL"] = "1"
        env.pop("PREFECT_API_URL", None)
        command = [
            *(sys.executable, "-m", "uvicorn", "--app-dir", str(Path(spec.origin).parent.parent)),
            *("--factory", SERVER_APP, "--host", "127.0.0.1", "--port", str(self.port)),
            *("--log-level", "error", "--lifespan", "on"),
        ]
        self.process = subprocess.Popen(
            command, env=env, preexec_fn=lambda: die_with_parent(signal.SIGTERM), stdin=subprocess.DEVNULL
        )

    def start(self) -> str:
        self.launch()
        self.wait_healthy()
        return self.api_url

    def wait_healthy(self) -> None:
        import httpx

        assert self.process is not None
        deadline = time.monotonic() + START_TIMEOUT_S
        with httpx.Client() as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(
                        f"Prefect's temporary server exited at start (code {self.process.returncode}); "
                        "run `prefect server start` by hand to see why, or set PREFECT_API_URL"
                    )
                try:
                    if client.get(f"{self.api_url}/health", timeout=2).status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"Prefect's temporary server did not answer within {START_TIMEOUT_S:.0f} s")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


class PrefectAPI:
    """The Prefect API for this process, in two steps so that a temporary server boots while the caller
    imports and prepares: entering launches it (when no ``PREFECT_API_URL`` is configured), and
    :meth:`session` waits until it answers and points Prefect at it; leaving stops it."""

    def __init__(self, log=print) -> None:
        self.log = log
        self.server: TemporaryServer | None = None

    def __enter__(self) -> PrefectAPI:
        if not os.environ.get("PREFECT_API_URL"):
            stop_stale_servers(self.log)
            self.server = TemporaryServer()
            self.server.launch()
        return self

    @contextmanager
    def session(self) -> Iterator[str]:
        if self.server is None:
            yield os.environ["PREFECT_API_URL"]
            return
        from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

        self.server.wait_healthy()
        url = self.server.api_url
        os.environ["PREFECT_API_URL"] = url  # child processes (worker pools, Dask) read it from here
        # No heartbeat for a server that lives as long as this run: it would only delay the run's end.
        settings = {PREFECT_API_URL: url, PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}
        try:
            with temporary_settings(updates=settings):
                try:
                    yield url
                finally:
                    _drain()
        finally:
            os.environ.pop("PREFECT_API_URL", None)

    def __exit__(self, *_exc: object) -> None:
        if self.server is not None:
            self.server.stop()


@contextmanager
def prefect_api(log=print) -> Iterator[str | None]:
    """The configured Prefect API, or a temporary server that lives exactly as long as the block."""
    with PrefectAPI(log) as api, api.session() as url:
        yield url


def _drain() -> None:
    """Send the logs and events still queued while the server is up: Prefect's exit hooks would
    otherwise retry them against a stopped server (a minute of "Error logging to API" at exit)."""
    import inspect

    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    from prefect.utilities.asyncutils import run_coro_as_sync

    async def drain() -> None:
        for result in (APILogWorker.drain_all(timeout=10), EventsWorker.drain_all(timeout=10)):
            if inspect.isawaitable(result):
                await result

    try:
        run_coro_as_sync(drain())
    except Exception:  # a drain that fails loses some UI history of a temporary server, nothing else
        return
