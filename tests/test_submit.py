"""Submission by the units, as a library: checks before keeping, the same ingest as the inbox, extraction
guarded by the account's unit, self-score sheets, lateness, and the pre-check the unit sees."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from extractors import submission
from extractors.precheck import precheck
from extractors.submission import accept_upload, extract_pending
from models.clusters import default_clusters, home_clusters_dir
from models.schema import Document
from models.store import Store

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
HOAN_KIEM = SAMPLES / "hoan-kiem-2021-prose.docx"
BA_DINH = SAMPLES / "ba-dinh-2021-awards.docx"
SHEET = SAMPLES / "self_scores" / "hoan-kiem-2021-tu-cham.docx"


@pytest.fixture
def home(store: Store, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("THIDUA_HOME", str(store.settings.home))
    monkeypatch.delenv("THIDUA_MAX_FILE_MB", raising=False)
    return store.settings.home


def cum8(deadline: str | None = None):
    if deadline:
        bundled = (
            Path(__file__).resolve().parent.parent / "models/data/clusters/ubnd-tp-ha-noi.cum-8.2021.toml"
        )
        home_clusters_dir().mkdir(parents=True, exist_ok=True)
        text = bundled.read_text(encoding="utf-8") + f"deadline = {deadline}\n"
        (home_clusters_dir() / "ubnd-tp-ha-noi.cum-8.2021.toml").write_text(text, encoding="utf-8")
    return default_clusters().get("cum-8", 2021)


def send(
    store: Store, path: Path, unit: str = "hoan-kiem", kind: str = "report", name: str | None = None, **kw
):
    return accept_upload(
        store,
        data_path=path,
        original_name=name or path.name,
        kind=kind,
        account_unit=unit,
        cluster=kw.pop("cluster", None) or cum8(),
        by=f"{unit}-user",
        **kw,
    )


def documents(store: Store) -> int:
    with store._sessions() as session:
        return session.query(Document).count()


def test_a_report_is_kept_extracted_and_its_figures_shown_and_the_same_bytes_twice_are_one_document(
    store: Store, home: Path
) -> None:
    first = send(store, HOAN_KIEM)
    assert first.accepted and first.outcome.status == "processed" and not first.late
    check = precheck(store, first.upload_id)
    assert check.state == "ok" and check.unit_id == "hoan-kiem" and check.year == 2021
    revenue = next(f for f in check.figures if f.indicator == "budget_revenue_actual")
    assert revenue.label == "Thu ngân sách nhà nước trên địa bàn (thực hiện)"
    assert revenue.value == "13.200 tỷ đồng" and revenue.where.startswith("đoạn") and "13.200" in revenue.text
    assert check.missing == []
    second = send(store, HOAN_KIEM, name="bao-cao-lan-2.docx")
    assert second.sha256 == first.sha256 and second.upload_id != first.upload_id
    assert documents(store) == 1 and len(store.uploads_for("hoan-kiem", 2021)) == 2
    assert store.latest_submission("hoan-kiem", 2021).sha256 == first.sha256
    assert precheck(store, second.upload_id).state == "ok"


def test_a_text_file_named_pdf_is_refused_by_its_content_with_a_message(
    store: Store, home: Path, tmp_path: Path
) -> None:
    fake = tmp_path / "bao-cao.pdf"
    fake.write_text("Báo cáo tổng kết năm 2021 — chỉ là văn bản thuần\n" * 20, encoding="utf-8")
    result = send(store, fake)
    assert not result.accepted and "không phải là tệp báo cáo hợp lệ" in result.error
    assert "văn bản thuần" in result.error and "Vui lòng gửi báo cáo" in result.error
    row = store.upload(result.upload_id)
    assert row.error == result.error and row.stored_path is None and row.original_name == "bao-cao.pdf"
    assert documents(store) == 0 and not list((home / "originals").rglob("*.pdf"))
    assert precheck(store, result.upload_id).state == "refused"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    store: Store, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("THIDUA_MAX_FILE_MB", "0.01")  # 10 KB
    big = tmp_path / "lon.docx"
    shutil.copy(HOAN_KIEM, big)
    assert big.stat().st_size > 0.01 * 1024 * 1024

    def never(*_a, **_k):
        raise AssertionError("the content was read")

    monkeypatch.setattr(submission, "sniff", never)
    result = send(store, big)
    assert (
        not result.accepted and "vượt giới hạn 0.01 MB" in result.error and "giảm dung lượng" in result.error
    )
    row = store.upload(result.upload_id)
    assert row.sha256 == "" and row.size == big.stat().st_size and documents(store) == 0


def test_a_report_after_the_deadline_is_accepted_and_marked_late(store: Store, home: Path) -> None:
    cluster = cum8("2022-01-15")
    assert cluster.deadline.isoformat() == "2022-01-15"
    on_time = send(
        store, HOAN_KIEM, cluster=cluster, now=datetime(2022, 1, 15, 16, 30, tzinfo=UTC)
    )  # 23:30 HN
    late = send(store, HOAN_KIEM, cluster=cluster, now=datetime(2022, 1, 15, 17, 30, tzinfo=UTC))  # 00:30 HN
    assert not on_time.late and late.late and late.accepted
    row = store.upload(late.upload_id)
    assert row.late and row.deadline.isoformat() == "2022-01-15"
    assert precheck(store, late.upload_id).state == "ok" and not precheck(store, late.upload_id).open


def test_another_units_report_is_rejected_and_never_current_for_that_unit(store: Store, home: Path) -> None:
    result = send(store, BA_DINH)
    check = precheck(store, result.upload_id)
    assert check.state == "rejected" and check.figures == []
    assert check.message.startswith("Báo cáo ghi là của Quận Ba Đình, không phải của Quận Hoàn Kiếm")
    assert store.latest_submission("ba-dinh", 2021) is None
    assert store.latest_submission("hoan-kiem", 2021) is None
    # Ba Đình itself may still send the same bytes: extracted again, and its own
    own = send(store, BA_DINH, unit="ba-dinh")
    assert precheck(store, own.upload_id).state == "ok"
    assert store.latest_submission("ba-dinh", 2021).sha256 == own.sha256
    # and Hoàn Kiếm sending them again does not take them from Ba Đình
    again = send(store, BA_DINH)
    assert precheck(store, again.upload_id).state == "rejected"
    assert store.latest_submission("ba-dinh", 2021).sha256 == own.sha256


def test_an_extraction_that_raises_keeps_the_upload_and_the_original_and_says_it_will_be_retried(
    store: Store, home: Path
) -> None:
    def broken(_path: Path):
        raise RuntimeError("a bug of ours")

    result = send(store, HOAN_KIEM, extract=broken)
    assert result.accepted and result.outcome.status == "failed"
    row = store.upload(result.upload_id)
    assert (home / row.stored_path).is_file() and row.error is None
    check = precheck(store, result.upload_id)
    assert check.state == "failed" and "tự đọc lại" in check.message and "không phải của tệp" in check.message
    outcomes = extract_pending(store)
    assert [o.status for o in outcomes] == ["processed"]
    assert precheck(store, result.upload_id).state == "ok"


@pytest.mark.parametrize("name", ["../../etc/passwd.docx", "..\\..\\x.docx", "/tmp/abs.docx", "\x00..docx"])
def test_original_names_never_write_outside_the_originals(
    store: Store, home: Path, tmp_path: Path, name: str
) -> None:
    before = {p for p in tmp_path.rglob("*") if p.is_file()}
    result = send(store, HOAN_KIEM, name=name, run=False)
    created = {p for p in tmp_path.rglob("*") if p.is_file()} - before
    created = {p for p in created if not p.name.startswith("thidua.db")}
    assert created and all(p.is_relative_to(home / "originals") for p in created), created
    assert all(p.name.startswith(result.sha256) for p in created)
    shown = store.upload(result.upload_id).original_name
    assert "/" not in shown and "\\" not in shown and not shown.startswith(".")
    assert not (home / ".uploads").exists() or not any((home / ".uploads").iterdir())


def test_a_self_score_sheet_is_stored_with_its_lines_and_a_file_without_one_is_rejected(
    store: Store, home: Path
) -> None:
    result = send(store, SHEET, kind="self_score")
    assert result.accepted and result.sheet_id
    check = precheck(store, result.upload_id)
    assert check.state == "ok" and len(check.sheet_lines) > 5
    assert any(line.kind == "total" for line in check.sheet_lines)
    row = store.self_score_sheet(result.sheet_id)
    assert (
        row.upload_id == result.upload_id
        and row.status == "ok"
        and (home / store.upload(result.upload_id).stored_path).is_file()
    )
    assert store.current_self_score_sheets(cum8().key)["hoan-kiem"].id == result.sheet_id
    wrong = send(store, HOAN_KIEM, kind="self_score")  # a report, not a sheet
    check = precheck(store, wrong.upload_id)
    assert check.state == "rejected" and "Không tìm thấy bảng tự chấm điểm" in check.message
    assert store.current_self_score_sheets(cum8().key)["hoan-kiem"].id == result.sheet_id


def test_a_unit_outside_the_cluster_year_is_refused(store: Store, home: Path) -> None:
    cluster = cum8()
    with pytest.raises(ValueError, match="not a member"):
        accept_upload(
            store,
            data_path=HOAN_KIEM,
            original_name="x.docx",
            kind="report",
            account_unit="tay-ho",
            cluster=cluster,
            by="x",
        )


def test_a_self_score_table_inside_the_report_becomes_the_units_sheet(
    store: Store, home: Path, tmp_path: Path
) -> None:
    """The sheet may come inside the report: the report's figures are read, and its self-score table is
    stored as the unit's sheet, with the report named as its source; a report without one stores none."""
    import copy

    from docx import Document as Docx

    report = Docx(str(HOAN_KIEM))
    table = Docx(str(SHEET)).tables[0]._tbl
    report.element.body.append(copy.deepcopy(table))
    both = tmp_path / "bao-cao-kem-tu-cham.docx"
    report.save(str(both))

    plain = send(store, BA_DINH, unit="ba-dinh")
    assert plain.outcome.status == "processed" and not store.self_score_sheets("ba-dinh", cum8().key)
    result = send(store, both)
    assert result.outcome.status == "processed"
    sheets = store.self_score_sheets("hoan-kiem", cum8().key)
    assert len(sheets) == 1 and sheets[0].upload_id == result.upload_id
    assert sheets[0].original_name == "bao-cao-kem-tu-cham.docx (bảng trong báo cáo)"
    own = {line["number"]: line["self_score"] for line in sheets[0].lines if line["kind"] == "criterion"}
    assert own["A1"] == 15.0 and own["B2"] == 4.0
    check = precheck(store, result.upload_id)
    assert check.state == "ok" and check.figures and any("bảng tự chấm điểm" in n for n in check.notes)


KILLED_MID_EXTRACTION = """
import os, signal, sys
from pathlib import Path
from extractors.submission import accept_upload, extract_upload
from models.clusters import default_clusters
from models.store import Store, StoreSettings

settings = StoreSettings(home=Path(sys.argv[1]), database_url=sys.argv[2])
with Store.open(settings) as store:
    kept = accept_upload(
        store, data_path=Path(sys.argv[3]), original_name="bao-cao.docx", kind="report",
        account_unit="hoan-kiem", cluster=default_clusters().get("cum-8", 2021), by="hk", run=False,
    )
    print(kept.upload_id, flush=True)

    def killed(_path):  # the web app's process dies while it extracts: kill -9, no cleanup
        os.kill(os.getpid(), signal.SIGKILL)

    extract_upload(store, kept.upload_id, extract=killed)
"""


def test_an_upload_whose_process_is_killed_mid_extraction_is_extracted_by_the_next_run(
    store: Store, home: Path, tmp_path: Path
) -> None:
    """kill -9 of the web app while it extracts an upload: the file and the upload are kept, the page says
    the file is being read, the claim dies with its owner, and the next run (extract_pending, which the
    nightly flow calls) extracts it; a second run finds nothing to do."""
    import subprocess
    import sys

    script = tmp_path / "killed.py"
    script.write_text(KILLED_MID_EXTRACTION)
    done = subprocess.run(
        [sys.executable, str(script), str(home), store.settings.database_url, str(HOAN_KIEM)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert done.returncode == -9, done.stderr
    upload_id = int(done.stdout.split()[0])
    row = store.upload(upload_id)
    assert (home / row.stored_path).is_file()
    assert precheck(store, upload_id).state == "pending"
    assert [o.status for o in extract_pending(store)] == ["processed"]
    assert precheck(store, upload_id).state == "ok"
    assert extract_pending(store) == []
