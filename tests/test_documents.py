"""The documents the cluster signs: read back with python-docx, converted to PDF by LibreOffice, and written
by `thidua export --format docx`."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from review_env import prepare

from extractors.readers.legacy import find_soffice
from flows.cli import main
from models.clusters import default_clusters
from models.store import Store, StoreSettings
from models.units import default_registry
from scoring.config import config_for
from scoring.documents import LateDossier, Signing, late_dossiers, proposed_by_title, write_documents
from scoring.service import Scored, score_cluster_year, write_cluster_documents

UNITS = default_registry()


def name(unit_id: str) -> str:
    return UNITS.get(unit_id).name


@pytest.fixture(scope="module")
def scored(tmp_path_factory) -> tuple[Scored, Path]:
    home = tmp_path_factory.mktemp("docs")
    settings = prepare(home / "home", f"sqlite:///{home / 'thidua.db'}")
    with Store.open(settings.store) as store:
        cluster = default_clusters().get("cum-8", 2021)
        return score_cluster_year(store, cluster, settings.manual, record=False), home


@pytest.fixture(scope="module")
def documents(scored) -> tuple[Path, Path]:
    result, home = scored
    summary, proposal = write_documents(
        home / "out", result.cluster, result.result, config_for(result.cluster), name
    )
    return summary, proposal


def text_of(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_both_documents_carry_the_administrative_header_and_signature(documents) -> None:
    for path in documents:
        doc = Document(str(path))
        section = doc.sections[0]
        cm = [round(length.cm, 1) for length in (section.left_margin, section.right_margin)]
        assert cm == [3.0, 1.5]
        assert sorted(round(length.cm, 1) for length in (section.page_width, section.page_height)) == [
            21.0,
            29.7,
        ]
        issuer, national = (cell.text for cell in doc.tables[0].rows[0].cells)
        assert issuer.splitlines()[:2] == ["UBND THÀNH PHỐ HÀ NỘI", "CỤM THI ĐUA SỐ 8"]
        assert "Số:" in issuer and "CTĐ8" in issuer
        assert national.splitlines()[:2] == [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
        ]
        motto = doc.tables[0].rows[0].cells[1].paragraphs[1].runs[0]
        assert motto.bold and motto.underline, "the Tiêu ngữ is bold and underlined"
        assert "Hà Nội, ngày" in national and "năm 2022" in national
        signature = doc.tables[-1].rows[0].cells
        assert "Nơi nhận:" in signature[0].text
        assert signature[1].text.splitlines()[:3] == [
            "TM. CỤM THI ĐUA SỐ 8",
            "CỤM TRƯỞNG",
            "CHỦ TỊCH UBND QUẬN HOÀN KIẾM",
        ]
        fonts = {r.font.name for p in doc.paragraphs for r in p.runs}
        assert fonts == {"Times New Roman"}


def test_the_summary_lists_every_member_in_rank_order_with_vietnamese_numbers(scored, documents) -> None:
    result = scored[0].result
    table = Document(str(documents[0])).tables[1]
    header = [c.text for c in table.rows[0].cells]
    assert header[:2] == ["STT", "Đơn vị"] and header[-3:] == ["Tổng điểm", "Xếp hạng", "Xếp loại"]
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert [r[1] for r in rows] == [name(u.unit_id) for u in result.units]
    assert [r[-2] for r in rows] == [str(u.rank) for u in result.units]
    first = result.units[0]
    assert rows[0][-3].startswith(f"{first.total:.2f}".replace(".", ","))
    text = text_of(documents[0])
    assert ("DỰ THẢO — ĐIỂM TẠM TÍNH" in text) == result.provisional
    assert f"Kết quả chấm điểm, xếp hạng thi đua năm 2021 của {result.cluster_name}" in text


def test_the_proposal_names_the_units_proposed_for_each_title(scored, documents) -> None:
    result = scored[0].result
    by_title = proposed_by_title(result)
    assert by_title, "the 2021 samples propose a flag and Bằng khen"
    doc = Document(str(documents[1]))
    text = text_of(documents[1])
    assert "TỜ TRÌNH" in text and "Kính gửi: Hội đồng Thi đua - Khen thưởng Thành phố Hà Nội." in text
    assert "Luật Thi đua, khen thưởng số 06/2022/QH15" in text
    listed = doc.tables[1 : 1 + len(by_title)]
    for (title, units), table in zip(by_title.items(), listed, strict=True):
        assert f"{title}: {len(units):02d} đơn vị" in text
        assert [row.cells[1].text for row in table.rows[1:]] == [name(u.unit_id) for u in units]
    unproposed = [u for u in result.units if not u.proposed_title]
    assert all(
        name(u.unit_id) not in "".join(c.text for t in listed for r in t.rows for c in r.cells)
        for u in unproposed
    )


def test_a_given_signing_date_and_signer_are_written(scored, tmp_path: Path) -> None:
    result = scored[0]
    signing = Signing(on=date(2022, 1, 17), signer="Nguyễn Văn A")
    summary, _ = write_documents(
        tmp_path, result.cluster, result.result, config_for(result.cluster), name, signing
    )
    text = text_of(summary)
    assert "Hà Nội, ngày 17 tháng 01 năm 2022" in text and "Nguyễn Văn A" in text


@pytest.mark.skipif(
    find_soffice() is None, reason="LibreOffice is not installed (Debian: libreoffice-writer-nogui)"
)
def test_libreoffice_opens_both_documents(documents, tmp_path: Path) -> None:
    profile = (tmp_path / "profile").as_uri()
    command = [find_soffice(), "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf"]
    subprocess.run(
        [*command, "--outdir", str(tmp_path), *map(str, documents)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    for path in documents:
        with pdfplumber.open(tmp_path / path.with_suffix(".pdf").name) as pdf:
            text = " ".join(page.extract_text() or "" for page in pdf.pages)
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Quận Hoàn Kiếm" in text


def test_thidua_export_docx_writes_both(scored, monkeypatch, tmp_path: Path, capsys) -> None:
    home = scored[1] / "home"
    monkeypatch.setenv("THIDUA_HOME", str(home))
    monkeypatch.setenv("THIDUA_DATABASE_URL", f"sqlite:///{scored[1] / 'thidua.db'}")
    out = tmp_path / "van-ban"
    args = ["export", "--cluster", "cum-8", "--year", "2021", "--format", "docx", "--out", str(out)]
    assert main([*args, "--manual", str(home / "manual")]) == 0
    written = sorted(p.name for p in out.iterdir())
    assert written == [
        "ubnd-tp-ha-noi.cum-8.2021.bang-tong-hop.docx",
        "ubnd-tp-ha-noi.cum-8.2021.to-trinh.docx",
    ]
    assert str(out / written[0]) in capsys.readouterr().out


# ------------------------------------------------------------------ dossiers sent after the deadline

HANOI_UTC = 7  # hours Hà Nội is ahead of UTC


@dataclass
class Sent:
    unit_id: str
    kind: str
    received_at: datetime


def at_hanoi(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment of January 2022 given in Hà Nội's time, as the store keeps it (UTC)."""
    return datetime(2022, 1, day, hour, minute, tzinfo=UTC) - timedelta(hours=HANOI_UTC)


def test_late_dossiers_are_counted_on_the_hanoi_day_against_the_current_deadline() -> None:
    deadline = date(2022, 1, 15)
    sent = [
        Sent("hoan-kiem", "report", at_hanoi(15, 23, 30)),  # the deadline day in Hà Nội (16:30 UTC)
        Sent("long-bien", "report", at_hanoi(14, 9)),
        Sent("long-bien", "report", at_hanoi(16, 0, 30)),  # a corrected version, after the deadline
        Sent("long-bien", "report", at_hanoi(18, 10)),  # a later one does not move the day
        Sent("long-bien", "self_score", at_hanoi(17, 8)),
    ]
    assert late_dossiers(sent, deadline) == [
        LateDossier("long-bien", "report", date(2022, 1, 16), on_time=date(2022, 1, 14)),
        LateDossier("long-bien", "self_score", date(2022, 1, 17)),
    ]
    assert late_dossiers(sent, date(2022, 1, 20)) == []  # an extended deadline forgives them
    assert late_dossiers(sent, None) == []


def test_the_summary_lists_the_dossiers_sent_after_the_deadline(scored, tmp_path: Path) -> None:
    """Through the store, as the dashboard and `thidua export --format docx` write it."""
    result, home = scored
    settings = StoreSettings(home=home / "home", database_url=f"sqlite:///{home / 'thidua.db'}")
    cluster = replace(result.cluster, deadline=date(2022, 1, 15))
    common = {"size": 1, "stored_path": "originals/x", "year": 2021, "cluster_key": cluster.key}
    with Store.open(settings) as store:
        for unit_id, kind, moment, error in (
            ("long-bien", "report", at_hanoi(14, 9), None),
            ("long-bien", "report", at_hanoi(17, 10), None),
            ("dong-da", "self_score", at_hanoi(18, 8), None),
            ("ba-dinh", "report", at_hanoi(19, 8), "không phải tệp Word hoặc PDF"),  # refused: no dossier
        ):
            store.record_upload(
                kind=kind,
                sha256=f"{unit_id}-{kind}-{moment:%d}",
                original_name=f"{unit_id}.docx",
                unit_id=unit_id,
                uploaded_by=unit_id,
                received_at=moment,
                error=error,
                **common,
            )
        summary, proposal = write_cluster_documents(store, replace(result, cluster=cluster), tmp_path)
        plain, _ = write_cluster_documents(store, result, tmp_path / "no-deadline")
    lines = text_of(summary).splitlines()
    at = lines.index("Hồ sơ nộp sau thời hạn (hạn nộp ngày 15/01/2022):")
    assert lines[at + 1 : at + 3] == [
        "- Quận Long Biên: báo cáo nộp ngày 17/01/2022 (bản nộp lại; đã có bản đúng hạn ngày 14/01/2022).",
        "- Quận Đống Đa: bảng tự chấm điểm nộp ngày 18/01/2022.",
    ]
    assert not [line for line in lines if line.startswith("- Quận Ba Đình")]  # its file was refused
    assert "nộp sau thời hạn" not in text_of(proposal)
    assert "nộp sau thời hạn" not in text_of(plain)  # no deadline set: nothing is late
