"""Reports of units outside the registry: the header's issuer is a proposed unit (flag ``unknown_unit``),
stored with the run, and registered by an admin in one step, after which the report counts for it."""

from __future__ import annotations

import json
import tomllib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from helpers import document, paragraphs

from extractors.evaluate import Score, score_document
from extractors.extract import extract_document, extract_path
from extractors.issuer import issuing_body
from extractors.unit_year import identify
from models.records import ProposedUnit
from models.registered_units import register, unit_from_proposal
from models.units import default_registry, load_registry

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "independent"
QUE_VO = SAMPLES / "r50_district_que_vo_2023.docx"
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["UBND TỈNH BẮC NINH", MOTTO, "UBND HUYỆN QUẾ VÕ", "Độc lập - Tự do - Hạnh phúc", "Số: 3/BC-UBND"],
            ("huyen-que-vo", "Huyện Quế Võ", "district", "Quế Võ", "Bắc Ninh"),
        ),
        (
            ["UBND HUYỆN QUẾ VÕ, TỈNH BẮC NINH", "Số: 3/BC-UBND"],
            ("huyen-que-vo", "Huyện Quế Võ", "district", "Quế Võ", "Bắc Ninh"),
        ),
        (
            ["ỦY BAN NHÂN DÂN", MOTTO, "HUYỆN ĐÔNG ANH", "Số: 9/BC-UBND"],
            ("huyen-dong-anh", "Huyện Đông Anh", "district", "Đông Anh", ""),
        ),
        (
            ["TỈNH ĐOÀN THANH HÓA ĐOÀN TNCS HỒ CHÍ MINH", "***", "Số: 512-BC/TĐTN"],
            ("tinh-doan-thanh-hoa", "Tỉnh đoàn Thanh Hóa", "organisation", "Tỉnh đoàn Thanh Hóa", "Thanh Hóa"),
        ),
        (
            ["UBND THÀNH PHỐ HỒ CHÍ MINH", "UBND PHƯỜNG BẾN THÀNH", "Số: 1/BC-UBND"],
            ("phuong-ben-thanh", "Phường Bến Thành", "ward", "Bến Thành", "Hồ Chí Minh"),
        ),
        (
            ["UBND TỈNH BẮC NINH", "SỞ NỘI VỤ", "Số: 1/BC-SNV"],
            ("so-noi-vu-tinh-bac-ninh", "Sở Nội Vụ tỉnh Bắc Ninh", "department", "Sở Nội Vụ tỉnh Bắc Ninh",
             "Bắc Ninh"),
        ),
        (
            ["UBND THỊ XÃ SƠN TÂY", "Số: 1/BC-UBND"],
            ("thi-xa-son-tay", "Thị xã Sơn Tây", "district", "Sơn Tây", ""),
        ),
        (
            ["ỦY BAN NHÂN DÂN XÃ TÂN LẬP HUYỆN ĐAN PHƯỢNG", "Số: 1/BC-UBND"],
            ("xa-tan-lap", "Xã Tân Lập", "commune", "Tân Lập", ""),
        ),
        # a centrally-run city is a province; the city of Huế under its province (before 2025) a district
        (["UBND THÀNH PHỐ HÀ NỘI", "Số: 1"], ("thanh-pho-ha-noi", "Thành phố Hà Nội", "province", "Hà Nội", "Hà Nội")),
        (
            ["UBND TỈNH THỪA THIÊN HUẾ", "UBND THÀNH PHỐ HUẾ", "Số: 1"],
            ("thanh-pho-hue", "Thành phố Huế", "district", "Huế", "Thừa Thiên Huế"),
        ),
    ],
)  # fmt: skip
def test_issuing_body_of_the_header(lines: list[str], expected: tuple[str, ...]) -> None:
    body = issuing_body(lines)
    assert body is not None
    assert (body.id, body.name, body.level, body.short, body.city) == expected


def test_no_issuing_body_below_the_number_or_in_the_title() -> None:
    assert issuing_body(["Số: 12/BC-UBND", "UBND HUYỆN QUẾ VÕ"]) is None
    assert issuing_body(["BÁO CÁO", "Kết quả công tác của UBND huyện Quế Võ năm 2023"]) is None


def _identify(*lines: str):
    return identify(document(*paragraphs(*lines)), default_registry())


def test_unknown_issuer_is_proposed_with_its_level_registered_ones_as_before() -> None:
    ident = _identify("UBND HUYỆN QUẾ VÕ, TỈNH BẮC NINH", "Báo cáo tổng kết công tác thi đua năm 2023")
    assert ident.unit is None and ident.year == 2023
    assert ident.proposed == ProposedUnit(
        "huyen-que-vo", "Huyện Quế Võ", "district", "Quế Võ", "Bắc Ninh", "UBND HUYỆN QUẾ VÕ, TỈNH BẮC NINH"
    )
    assert ident.level == "district" and "thidua unit register huyen-que-vo" in ident.notes[-1]
    known = _identify("UBND QUẬN HOÀN KIẾM", "Báo cáo tổng kết công tác thi đua năm 2021")
    assert (known.unit.id, known.proposed) == ("hoan-kiem", None)


def test_a_unit_named_in_the_text_does_not_override_the_issuer() -> None:
    ident = _identify(
        "ỦY BAN NHÂN DÂN HUYỆN ĐÔNG ANH",
        "Số: 9/BC-UBND",
        "Báo cáo kết quả phối hợp với quận Long Biên năm 2022",
    )
    assert ident.unit is None and ident.proposed.id == "huyen-dong-anh"


def test_organisation_header_proposed_unless_it_names_a_registered_unit() -> None:
    ident = _identify(
        "TỈNH ĐOÀN THANH HÓA", "***", "Số: 512-BC/TĐTN", "Báo cáo tổng kết năm 2023 tại quận Ba Đình"
    )
    assert ident.unit is None
    assert (ident.proposed.id, ident.proposed.level) == ("tinh-doan-thanh-hoa", "organisation")
    # a body of a registered unit is that unit, found as before (here by its bare name)
    ident = _identify("BAN THI ĐUA - KHEN THƯỞNG QUẬN HOÀN KIẾM", "Số: 7/BC-TĐKT", "Báo cáo năm 2021")
    assert (ident.unit.id, ident.proposed) == ("hoan-kiem", None)


def test_document_result_carries_the_proposal_and_the_flag() -> None:
    doc = document(*paragraphs("UBND HUYỆN QUẾ VÕ", "Báo cáo tổng kết công tác thi đua năm 2023"))
    result = extract_document(doc)
    assert result.unit is None and result.unit_id == "huyen-que-vo"
    assert "unknown_unit" in result.flags
    assert not any("submitting unit was not found" in note for note in result.notes)
    assert result.to_dict()["proposed_unit"]["level"] == "district"
    from models.vocabulary import REASONS

    assert REASONS["unknown_unit"].startswith("Đơn vị")


def test_evaluator_wants_the_proposed_id_and_the_flag() -> None:
    result = extract_path(QUE_VO)
    expected = json.loads(QUE_VO.with_suffix(".expected.json").read_text(encoding="utf-8"))
    score = Score()
    score_document(result, expected, score)
    assert score.identity_ok == 1 and score.errors == []
    score = Score()
    score_document(result, {**expected, "unit_flags": []}, score)  # the flag is part of the identity
    assert score.identity_ok == 0 and "(unknown_unit)" in score.errors[0]


# --- registration ------------------------------------------------------------------------------------


PROPOSAL = ProposedUnit("huyen-que-vo", "Huyện Quế Võ", "district", "Quế Võ", "Bắc Ninh", "UBND HUYỆN QUẾ VÕ")
AT = datetime(2026, 12, 4, 1, 0, tzinfo=UTC)


def test_register_records_who_and_when_once(tmp_path: Path) -> None:
    path = tmp_path / "units.toml"
    unit = unit_from_proposal(PROPOSAL, by="admin", at=AT)
    assert register(unit, proposed_in="ab" * 32, path=path) is True
    assert register(unit, proposed_in="ab" * 32, path=path) is False  # a rerun changes nothing
    raw = tomllib.loads(path.read_text(encoding="utf-8"))["unit"]
    assert len(raw) == 1 and raw[0]["registered_by"] == "admin" and raw[0]["registered_at"] == AT
    registry = load_registry(registered=path)
    assert registry.get("huyen-que-vo").city == "Bắc Ninh"
    assert [u.id for u in registry.match("Quế Võ", on=date(2023, 12, 31), level="district")] == [
        "huyen-que-vo"
    ]


def test_register_refuses_a_reused_id(tmp_path: Path) -> None:
    path = tmp_path / "units.toml"
    register(unit_from_proposal(PROPOSAL, by="admin", at=AT), path=path)
    other = unit_from_proposal(PROPOSAL, by="admin", at=AT, name="Thị xã Quế Võ")
    with pytest.raises(ValueError, match="already Huyện Quế Võ"):
        register(other, path=path)
    bundled = unit_from_proposal(PROPOSAL, by="admin", at=AT, unit_id="hoan-kiem")
    with pytest.raises(ValueError, match="bundled registry"):
        register(bundled, path=path)
    with pytest.raises(ValueError, match="unknown level"):
        unit_from_proposal(PROPOSAL, by="admin", level="county")
    with pytest.raises(ValueError, match="who registers"):
        unit_from_proposal(PROPOSAL, by=" ")


def test_default_registry_sees_a_unit_registered_after_it_was_read(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("THIDUA_UNITS", str(tmp_path / "units.toml"))
    lines = ("TỈNH ĐOÀN THANH HÓA", "Số: 512-BC/TĐTN", "Báo cáo tổng kết năm 2023")
    assert _identify(*lines).proposed.id == "tinh-doan-thanh-hoa"
    proposal = _identify(*lines).proposed
    register(unit_from_proposal(proposal, by="admin", at=AT))
    ident = _identify(*lines)
    assert (ident.unit.id, ident.unit.level, ident.proposed) == ("tinh-doan-thanh-hoa", "organisation", None)


# --- the store and the command line ------------------------------------------------------------------


def test_run_keeps_the_proposal_and_reads_it_back(store) -> None:
    from extractors.ingest import process_file

    outcome = process_file(store, QUE_VO)
    [proposal] = store.proposed_units()
    assert (proposal.unit.id, proposal.year, proposal.original_name) == ("huyen-que-vo", 2023, QUE_VO.name)
    assert store.run_result(outcome.run_id).proposed_unit == proposal.unit
    assert store.proposed_units("tinh-doan-thanh-hoa") == []


def test_register_verb_reextracts_once_and_a_rerun_changes_nothing(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    from extractors.ingest import process_file
    from flows.cli import main
    from models.store import Store, StoreSettings

    home = tmp_path / "home"
    monkeypatch.setenv("THIDUA_HOME", str(home))
    monkeypatch.delenv("THIDUA_UNITS", raising=False)
    monkeypatch.delenv("THIDUA_DATABASE_URL", raising=False)
    with Store.open(StoreSettings.from_env()) as store:
        sha = process_file(store, QUE_VO).sha256
    assert main(["unit", "list"]) == 0
    assert "huyen-que-vo" in capsys.readouterr().out
    assert main(["unit", "register", "huyen-que-vo", "--by", "admin"]) == 0
    out = capsys.readouterr().out
    assert "Đã đăng ký Huyện Quế Võ" in out and "đơn vị huyen-que-vo" in out
    with Store.open(StoreSettings.from_env()) as store:
        runs = store.runs(sha)
        assert [r.unit_id for r in runs] == [None, "huyen-que-vo"] and store.proposed_units() == []
        assert "unknown_unit" not in runs[-1].flags
        assert store.document(sha).unit_id == "huyen-que-vo"
    assert main(["unit", "register", "huyen-que-vo", "--by", "admin"]) == 0  # the rerun
    assert "đã có trong danh mục" in capsys.readouterr().out
    with Store.open(StoreSettings.from_env()) as store:
        assert len(store.runs(sha)) == 2
        assert process_file(store, QUE_VO).status == "skipped"  # the next nightly: already extracted
    assert tomllib.loads((home / "units.toml").read_text(encoding="utf-8"))["unit"][0]["id"] == "huyen-que-vo"
    assert main(["unit", "register", "phuong-xyz", "--by", "admin"]) == 2  # nothing proposes it
    assert "no stored report proposes unit 'phuong-xyz'" in capsys.readouterr().err


def test_a_unit_outside_the_registry_is_named_by_its_id() -> None:
    """Pages and documents name every unit they list, registered or not (a report's proposed unit)."""
    registry = default_registry()
    assert registry.name_of("hoan-kiem") == "Quận Hoàn Kiếm"
    assert registry.name_of("huyen-que-vo") == "huyen-que-vo"
