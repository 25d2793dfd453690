"""The store on every backend (``db_url`` in conftest): content-addressed originals, append-only history,
the "current" figures, exact money, migrations, and crash safety."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event, func, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from models import migrations
from models.records import DocumentResult, Figure, Source, UnitRef
from models.schema import Base, Decision, Document, FigureRow, Run, Score, Scoring, Submission
from models.store import Store, StoreSettings

T0 = datetime(2025, 1, 10, 8, 0, tzinfo=UTC)
VERSION = "extract-1"


def at(days: float) -> datetime:
    return T0 + timedelta(days=days)


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / "inbox" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def fig(indicator: str, value: float, unit: str, sha: str, **kw) -> Figure:
    source = Source(sha256=sha, block=kw.pop("block", "p3"), text=kw.pop("text", f"{indicator} {value}"))
    return Figure(
        indicator, value, unit, kw.pop("year", 2024), kw.pop("confidence", 0.9), source, VERSION, **kw
    )


def result(sha: str, unit_id: str | None, year: int | None, figures: list[Figure], **kw) -> DocumentResult:
    unit = UnitRef(unit_id, unit_id.replace("-", " ").title()) if unit_id else None
    kw.setdefault("extractor_version", VERSION)
    return DocumentResult(
        f"inbox/{sha[:8]}.docx",
        sha,
        "docx",
        kw.pop("status", "ok"),
        unit=unit,
        year=year,
        figures=figures,
        **kw,
    )


def count(store: Store, table: type[Base]) -> int:
    with store.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(table))


@contextmanager
def statements(engine: Engine) -> Iterator[list[str]]:
    """The SQL statements ``engine`` runs inside the block (to count queries)."""
    seen: list[str] = []

    def hook(_conn, _cursor, statement, *_args) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", hook)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", hook)


def selects(seen: list[str]) -> list[str]:
    return [s for s in seen if s.lstrip().upper().startswith(("SELECT", "WITH"))]


# --- settings -------------------------------------------------------------------------------------------


def test_settings_default_to_dot_thidua_in_the_working_directory(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = StoreSettings.from_env({})
    assert settings.home == tmp_path / ".thidua"
    assert settings.database_url == f"sqlite:///{tmp_path / '.thidua' / 'thidua.db'}"
    url = "postgresql+psycopg://u:p@db/thidua"
    settings = StoreSettings.from_env({"THIDUA_HOME": str(tmp_path / "h"), "THIDUA_DATABASE_URL": url})
    assert settings == StoreSettings(tmp_path / "h", url)


# --- originals and submissions --------------------------------------------------------------------------


def test_ingest_is_content_addressed_and_idempotent(store: Store, tmp_path: Path) -> None:
    data = b"PK\x03\x04 report bytes \xe1\xba\xa1" * 1000
    first = store.ingest(write(tmp_path, "Bao cao Hoan Kiem.DOCX", data), received_at=at(0))
    second = store.ingest(write(tmp_path, "copy.docx", data), received_at=at(1))
    again = store.ingest(tmp_path / "inbox" / "copy.docx", received_at=at(2))

    assert first.sha256 == second.sha256 == again.sha256
    assert (first.new_document, first.new_submission) == (True, True)
    assert (second.new_document, second.new_submission) == (False, True)
    assert (again.new_document, again.new_submission) == (False, False)
    assert count(store, Document) == 1 and count(store, Submission) == 2

    original = store.original_path(first.sha256)
    assert (
        original
        == first.stored_path
        == store.settings.home / "originals" / first.sha256[:2] / f"{first.sha256}.docx"
    )
    assert original.read_bytes() == data
    assert not os.access(original, os.W_OK) or os.geteuid() == 0  # read-only (root may write anyway)
    assert not list(store.originals.glob(".incoming-*")), "temporary copies are cleaned up"
    document = store.document(first.sha256)
    assert document is not None
    assert (document.original_name, document.format, document.size) == (
        "Bao cao Hoan Kiem.DOCX",
        "docx",
        len(data),
    )
    assert document.received_at == at(0) and document.status == "received"


def test_an_original_is_never_overwritten(store: Store, tmp_path: Path) -> None:
    ingested = store.ingest(write(tmp_path, "a.pdf", b"%PDF-1.7 one"))
    mtime = ingested.stored_path.stat().st_mtime_ns
    store.ingest(write(tmp_path, "b.pdf", b"%PDF-1.7 one"))
    assert ingested.stored_path.stat().st_mtime_ns == mtime


def test_racing_ingests_of_the_same_file_make_one_document(
    store: Store, store_settings: StoreSettings, tmp_path: Path, monkeypatch
) -> None:
    if store_settings.database_url.startswith("sqlite"):
        pytest.skip("SQLite serialises writers (BEGIN IMMEDIATE), so two ingests cannot interleave")
    path = write(tmp_path, "hk.docx", b"hk 2024")
    place = Store._place
    other = Store.open(store_settings)

    def place_after_the_other_process(temporary: Path, target: Path) -> None:
        monkeypatch.setattr(Store, "_place", staticmethod(place))
        assert other.ingest(path).new_document  # commits while our transaction is still open
        place(temporary, target)

    monkeypatch.setattr(Store, "_place", staticmethod(place_after_the_other_process))
    ingested = store.ingest(path)
    other.close()
    assert not ingested.new_document and not ingested.new_submission
    assert (count(store, Document), count(store, Submission)) == (1, 1)


def test_a_store_pickles_by_reopening(store: Store, tmp_path: Path) -> None:
    sha = store.ingest(write(tmp_path, "hk.docx", b"hk")).sha256
    with pickle.loads(pickle.dumps(store)) as copy:
        assert copy.settings == store.settings and copy.original_path(sha).exists()


def test_unseen_skips_known_files_and_sees_changed_ones_in_one_query(store: Store, tmp_path: Path) -> None:
    paths = [write(tmp_path, f"r{i:02}.docx", f"report {i}".encode()) for i in range(40)]
    for path in paths[:30]:
        store.ingest(path)
    with statements(store.engine) as seen:
        assert store.unseen(paths) == paths[30:]
    assert len(selects(seen)) == 1, seen

    changed = paths[3]
    changed.write_bytes(b"report 3, corrected")
    os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 1_000_000_000))
    assert store.unseen(paths[:10]) == [changed]
    known = store.known_documents(paths[:10])
    assert changed not in known and known[paths[0]] == store.ingest(paths[0]).sha256
    assert store.unseen([tmp_path / "inbox" / "gone.docx"]) == []
    assert store.ingest(changed).new_document
    assert store.unseen(paths[:10]) == []


# --- extraction runs ------------------------------------------------------------------------------------


def test_record_run_is_append_only(store: Store, tmp_path: Path) -> None:
    sha = store.ingest(write(tmp_path, "hk.docx", b"hk 2024")).sha256
    first = store.record_run(
        result(
            sha,
            "hoan-kiem",
            2024,
            [fig("targets_met", 17, "count", sha), fig("targets_total", 18, "count", sha)],
        ),
        started_at=at(0),
        finished_at=at(0.01),
    )
    assert store.has_run(sha, VERSION) and not store.has_run(sha, "extract-2")
    second = store.record_run(
        result(sha, "hoan-kiem", 2024, [fig("targets_met", 18, "count", sha)], extractor_version="extract-2"),
        started_at=at(1),
        finished_at=at(1.01),
    )

    assert second > first
    assert [r.id for r in store.runs(sha)] == [first, second]
    assert len(store.run_result(first).figures) == 2, "the first run keeps its figures"
    assert store.run_result(second).figure("targets_met").value == 18
    assert store.latest_run(sha).id == second
    assert store.runs_for([sha, "f" * 64], "extract-2") == {sha}
    assert count(store, FigureRow) == 3
    assert not [name for name in dir(Store) if name.startswith(("update", "delete", "remove"))]


def test_runs_for_is_one_query(store: Store, tmp_path: Path) -> None:
    shas = [store.ingest(write(tmp_path, f"{i}.docx", bytes([i]))).sha256 for i in range(25)]
    for sha in shas[::2]:
        store.record_run(result(sha, None, None, []), started_at=at(0), finished_at=at(0))
    with statements(store.engine) as seen:
        assert store.runs_for(shas, VERSION) == set(shas[::2])
    assert len(selects(seen)) == 1


@pytest.mark.parametrize("value", [13_200_000_000_000, 12961470000000, 99_999_999_999_999, 147.4, 0.1])
def test_money_and_percentages_round_trip_exactly(store: Store, tmp_path: Path, value: float) -> None:
    sha = store.ingest(write(tmp_path, "money.docx", b"money")).sha256
    unit = "%" if isinstance(value, float) else "VND"
    run_id = store.record_run(
        result(sha, "ba-dinh", 2024, [fig("budget_revenue_actual", value, unit, sha)]),
        started_at=at(0),
        finished_at=at(0),
    )
    stored = store.run_result(run_id).figures[0].value
    assert stored == value and type(stored) is type(value)
    assert store.figures_frame()["value"].tolist() == [value]
    with store.engine.connect() as connection:
        raw = connection.scalar(select(FigureRow.value))
    assert raw == value and int(raw * 10) == int(value * 10)


def test_a_run_keeps_every_field_of_the_result(store: Store, tmp_path: Path) -> None:
    sha = store.ingest(write(tmp_path, "full.pdf", b"%PDF full")).sha256
    full = Figure(
        indicator="budget_revenue_actual",
        value=4_600_000_000_000,
        unit="VND",
        year=2024,
        confidence=0.62,
        source=Source(
            sha,
            "t2.r5.c3",
            "Thu ngân sách ước đạt 4,6 nghìn tỷ đồng",
            page=3,
            bbox=(56.7, 120.25, 310.0, 134.5),
            span=(27, 45),
        ),
        extractor_version=VERSION,
        flags=["partial_period", "low_confidence"],
        as_of=date(2024, 12, 15),
        is_estimate=True,
        basis="estimate",
        hedge="hơn",
        derived=False,
        notes=["số liệu tính đến ngày 15/12"],
        alternatives=[
            {"value": 4.5e12, "confidence": 0.4, "origin": "table", "block": "p9", "page": 2, "text": "…"}
        ],
    )
    derived = Figure("budget_revenue_attainment_pct", 112.5, "%", 2024, 0.8, None, VERSION, derived=True)
    original = result(
        sha,
        "phuong-hoan-kiem",
        2024,
        [full, derived],
        pages=7,
        flags=["missing_required"],
        notes=["thiếu chỉ tiêu"],
    )
    run_id = store.record_run(original, started_at=at(0), finished_at=at(0.5))
    assert store.run_result(run_id) == original
    run = store.latest_run(sha)
    assert (run.started_at, run.finished_at, run.status) == (at(0), at(0.5), "ok")


def test_rejected_runs_keep_their_error_and_failed_runs_are_retried(store: Store, tmp_path: Path) -> None:
    sha = store.ingest(write(tmp_path, "broken.doc", b"\xd0\xcf\x11\xe0 legacy")).sha256
    error = "broken.doc: không đọc được tệp .doc; hãy gửi lại bản .docx hoặc .pdf"
    store.record_failure(
        sha, extractor_version=VERSION, error="LibreOffice timed out", started_at=at(0), finished_at=at(0)
    )
    assert not store.has_run(sha, VERSION), "a crashed extraction is retried"
    assert store.document(sha).status == "received"

    store.record_run(
        result(sha, None, None, [], status="rejected", error=error), started_at=at(1), finished_at=at(1)
    )
    run = store.latest_run(sha)
    assert (run.status, run.error) == ("rejected", error)
    assert store.has_run(sha, VERSION)
    document = store.document(sha)
    assert (document.status, document.error) == ("rejected", error)
    assert [r.status for r in store.runs(sha)] == ["failed", "rejected"]


def test_a_run_needs_an_ingested_document(store: Store) -> None:
    with pytest.raises(KeyError, match="ingest"):
        store.record_run(result("a" * 64, "ba-dinh", 2024, []), started_at=at(0), finished_at=at(0))


# --- the current figures --------------------------------------------------------------------------------


def ingest_and_run(
    store: Store, tmp_path: Path, name: str, unit: str, year: int, value: int, when: float
) -> str:
    sha = store.ingest(write(tmp_path, name, name.encode()), received_at=at(when)).sha256
    figures = [
        fig("jobs_created", value, "count", sha, year=year, flags=["out_of_range"] if value > 9000 else [])
    ]
    store.record_run(result(sha, unit, year, figures), started_at=at(when), finished_at=at(when))
    return sha


def test_figures_frame_shows_the_latest_submission_per_unit_year(store: Store, tmp_path: Path) -> None:
    old = ingest_and_run(store, tmp_path, "hk-v1.docx", "hoan-kiem", 2024, 5000, when=0)
    new = ingest_and_run(store, tmp_path, "hk-v2.docx", "hoan-kiem", 2024, 5230, when=1)
    other = ingest_and_run(store, tmp_path, "bd.docx", "ba-dinh", 2024, 9100, when=0.5)
    last_year = ingest_and_run(store, tmp_path, "hk-2023.docx", "hoan-kiem", 2023, 4800, when=2)

    with statements(store.engine) as seen:
        frame = store.figures_frame(year=2024)
    assert len(selects(seen)) == 1
    assert frame[["unit_id", "value", "document_sha256"]].values.tolist() == [
        ["ba-dinh", 9100, other],
        ["hoan-kiem", 5230, new],
    ]
    row = frame.iloc[1]
    assert (row.original_name, row.received_at.to_pydatetime(), row.extractor_version) == (
        "hk-v2.docx",
        at(1),
        VERSION,
    )
    assert frame.iloc[0]["flags"] == ["out_of_range"] and row["flags"] == []
    assert store.latest_submission("hoan-kiem", 2024).sha256 == new
    assert store.latest_submission("hoan-kiem", 2023).sha256 == last_year
    assert store.latest_submission("tay-ho", 2024) is None
    assert set(store.figures_frame()["year"]) == {2023, 2024}
    assert count(store, Run) == 4, "the older submission's run is kept"

    # A rejected newer file does not displace the current one; a resubmission of the old bytes does.
    rejected = store.ingest(write(tmp_path, "hk-v3.pdf", b"scan"), received_at=at(3)).sha256
    store.record_run(
        result(rejected, "hoan-kiem", 2024, [], status="rejected", error="scan"),
        started_at=at(3),
        finished_at=at(3),
    )
    assert store.latest_submission("hoan-kiem", 2024).sha256 == new
    store.ingest(write(tmp_path, "hk-v1-again.docx", b"hk-v1.docx"), received_at=at(4))
    assert store.latest_submission("hoan-kiem", 2024).sha256 == old
    assert store.figures_frame(2024).set_index("unit_id").loc["hoan-kiem", "value"] == 5000


def test_figures_frame_uses_the_latest_ok_run_of_a_document(store: Store, tmp_path: Path) -> None:
    sha = ingest_and_run(store, tmp_path, "hk.docx", "hoan-kiem", 2024, 5000, when=0)
    store.record_run(
        result(sha, "hoan-kiem", 2024, [fig("jobs_created", 5230, "count", sha)]),
        started_at=at(1),
        finished_at=at(1),
    )
    store.record_run(
        result(sha, "hoan-kiem", 2024, [], status="rejected", error="x"), started_at=at(2), finished_at=at(2)
    )
    assert store.figures_frame()["value"].tolist() == [5230]


def test_status_frame_counts_units_years(store: Store, tmp_path: Path) -> None:
    ingest_and_run(store, tmp_path, "hk-v1.docx", "hoan-kiem", 2024, 5000, when=0)
    ingest_and_run(store, tmp_path, "hk-v2.docx", "hoan-kiem", 2024, 9500, when=1)
    store.ingest(write(tmp_path, "unknown.pdf", b"?"), received_at=at(2))
    frame = store.status_frame().set_index(["unit_id", "year"], drop=False)
    hk = frame.loc[("hoan-kiem", 2024)]
    assert (hk.documents, hk.submissions, hk.figures, hk.flagged, hk.last_run_status) == (2, 2, 1, 1, "ok")
    assert hk.last_received_at.to_pydatetime() == at(1)
    unattributed = frame[frame["unit_id"].isna()].iloc[0]
    assert (unattributed.documents, unattributed.figures) == (1, 0)


# --- scores and decisions -------------------------------------------------------------------------------


def test_scores_are_append_only_and_the_latest_scoring_is_current(store: Store) -> None:
    rows = [
        {
            "unit_id": "ba-dinh",
            "rank": 2,
            "total": 91.5,
            "points": {"revenue": 30.0, "jobs": None},
            "provisional": True,
            "missing": ["jobs"],
            "unit_name": "Ba Đình",
        },
        {"unit_id": "hoan-kiem", "rank": 1, "total": 95.25, "grade": "Xuất sắc", "gov_flag_candidate": True},
    ]
    first = store.record_scores(
        "hn-8-2024", 2024, rows, scorer_version="s1", config_version="c1", computed_at=at(0)
    )
    rows[0]["total"] = float("nan")
    second = store.record_scores(
        "hn-8-2024", 2024, rows, scorer_version="s1", config_version="c2", computed_at=at(1)
    )
    store.record_scores("hn-8-2024", 2023, rows[:1], scorer_version="s1", config_version="c1")

    latest = store.latest_scores("hn-8-2024", 2024)
    assert [(s.scoring_id, s.unit_id, s.rank) for s in latest] == [
        (second, "hoan-kiem", 1),
        (second, "ba-dinh", 2),
    ]
    ba_dinh = latest[1]
    assert ba_dinh.total is None and ba_dinh.points == {"revenue": 30.0, "jobs": None}
    assert (ba_dinh.provisional, ba_dinh.missing, ba_dinh.extra) == (True, ["jobs"], {"unit_name": "Ba Đình"})
    assert (latest[0].grade, latest[0].gov_flag_candidate, latest[0].config_version) == (
        "Xuất sắc",
        True,
        "c2",
    )
    assert first < second and count(store, Scoring) == 3 and count(store, Score) == 5
    assert store.latest_scores("hn-8-2024", 2022) == []


def test_decisions_are_append_only(store: Store, tmp_path: Path) -> None:
    sha = store.ingest(write(tmp_path, "hk.docx", b"hk")).sha256
    first = store.record_decision(
        sha, "jobs_created", "correct", reviewer="lan", old_value=5000, new_value=5230, decided_at=at(0)
    )
    second = store.record_decision(
        sha, "jobs_created", "accept", reviewer="minh", note="đã kiểm tra", decided_at=at(1)
    )
    store.record_decision(sha, "targets_met", "reject", reviewer="lan")
    assert [d.id for d in store.decisions(sha, "jobs_created")] == [first, second]
    assert [d.action for d in store.decisions()] == ["correct", "accept", "reject"]
    frame = store.decisions_frame()
    assert frame.columns.tolist()[:4] == ["id", "document_sha256", "indicator", "action"]
    assert frame.loc[0, "new_value"] == 5230 and frame.loc[0, "decided_at"].to_pydatetime() == at(0)
    with pytest.raises(ValueError, match="accept"):
        store.record_decision(sha, "jobs_created", "approve", reviewer="lan")
    with pytest.raises(IntegrityError):
        store.record_decision("b" * 64, "jobs_created", "accept", reviewer="lan")
    assert count(store, Decision) == 3


# --- time, migrations, crashes --------------------------------------------------------------------------


def test_timestamps_are_aware_utc(store: Store, tmp_path: Path) -> None:
    hanoi = timezone(timedelta(hours=7))
    sha = store.ingest(
        write(tmp_path, "t.docx", b"t"), received_at=datetime(2025, 1, 10, 15, 0, tzinfo=hanoi)
    ).sha256
    received = store.document(sha).received_at
    assert received == T0 and received.tzinfo == UTC
    with pytest.raises(Exception, match="naive"):
        store.ingest(write(tmp_path, "u.docx", b"u"), received_at=datetime(2025, 1, 10))


def test_migrations_are_idempotent_and_match_the_models(store_settings: StoreSettings) -> None:
    for _ in range(2):
        with Store.open(store_settings) as store, store.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert (
                context.get_current_revision()
                == ScriptDirectory.from_config(migrations.alembic_config()).get_current_head()
            )
            assert compare_metadata(context, Base.metadata) == []


SUBPROCESS_ENV_KEYS = ("PATH", "HOME", "LANG", "SYSTEMROOT")


def run_python(code: str, settings: StoreSettings) -> subprocess.Popen:
    env = {k: os.environ[k] for k in SUBPROCESS_ENV_KEYS if k in os.environ}
    env |= {"THIDUA_HOME": str(settings.home), "THIDUA_DATABASE_URL": settings.database_url}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)], env=env, stderr=subprocess.PIPE, text=True
    )


def test_two_processes_can_open_a_new_store_at_once(store_settings: StoreSettings) -> None:
    code = "from models.store import Store\nwith Store.open() as s:\n    s.status_frame()\n"
    procs = [run_python(code, store_settings) for _ in range(3)]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], errors
    with Store.open(store_settings) as store, store.engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM alembic_version")) == 1


def test_a_failure_inside_record_run_leaves_no_partial_run(store: Store, tmp_path: Path, monkeypatch) -> None:
    sha = store.ingest(write(tmp_path, "hk.docx", b"hk")).sha256
    figures = [fig("jobs_created", 5230, "count", sha), fig("targets_met", 17, "count", sha)]

    def crash(*_args: object) -> None:
        assert count(store, Run) == 0, "the run is not visible to others before it commits"
        raise RuntimeError("crash after the figures were inserted")

    with monkeypatch.context() as patch:
        patch.setattr(Store, "_point_document", staticmethod(crash))
        with pytest.raises(RuntimeError, match="crash"):
            store.record_run(result(sha, "hoan-kiem", 2024, figures), started_at=at(0), finished_at=at(0))
    assert (count(store, Run), count(store, FigureRow)) == (0, 0)
    assert store.document(sha).status == "received"
    store.record_run(result(sha, "hoan-kiem", 2024, figures), started_at=at(1), finished_at=at(1))
    assert count(store, FigureRow) == 2


def test_a_process_killed_mid_run_leaves_nothing_and_the_store_reopens(
    store_settings: StoreSettings, tmp_path: Path
) -> None:
    with Store.open(store_settings) as store:
        sha = store.ingest(write(tmp_path, "hk.docx", b"hk")).sha256
    code = f"""
        import os
        from datetime import UTC, datetime
        from models.records import DocumentResult, Figure, UnitRef
        from models.store import Store

        def die(*args):
            os._exit(9)  # no rollback, no cleanup: as if the power went

        Store._point_document = staticmethod(die)
        store = Store.open()
        now = datetime.now(UTC)
        figures = [Figure("jobs_created", 5230, "count", 2024, 0.9, None, "v")]
        store.record_run(DocumentResult("hk.docx", "{sha}", "docx", "ok", unit=UnitRef("hoan-kiem", "Hoàn Kiếm"),
                                        year=2024, figures=figures), started_at=now, finished_at=now)
    """
    proc = run_python(code, store_settings)
    _, errors = proc.communicate(timeout=120)
    assert proc.returncode == 9, errors
    with Store.open(store_settings) as store:
        assert (count(store, Run), count(store, FigureRow)) == (0, 0)
        assert store.latest_run(sha) is None and store.document(sha).status == "received"
        store.record_run(result(sha, "hoan-kiem", 2024, []), started_at=at(0), finished_at=at(0))
        assert len(store.runs(sha)) == 1
