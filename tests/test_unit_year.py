"""Unit and year from the issuer block, title and signing date, resolved on the report's date."""

from __future__ import annotations

import unicodedata

import pytest
from helpers import document, paragraphs, table

from extractors.unit_year import identify
from models.units import default_registry


@pytest.mark.parametrize(
    ("lines", "unit", "year"),
    [
        (
            [
                "UBND QUẬN HOÀN KIẾM",
                "Số: 15/BC-UBND",
                "Hoàn Kiếm, ngày 12 tháng 01 năm 2022",
                "BÁO CÁO",
                "Tổng kết công tác thi đua, khen thưởng năm 2021 và phương hướng, nhiệm vụ năm 2022",
            ],
            "hoan-kiem",
            2021,
        ),
        (
            [
                "ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM",
                "Hoàn Kiếm, ngày 10 tháng 01 năm 2026",
                "BÁO CÁO",
                "Kết quả công tác thi đua, khen thưởng năm 2025",
            ],
            "phuong-hoan-kiem",
            2025,
        ),
        (["UBND Q.HBT", "BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2022"], "hai-ba-trung", 2022),
        (
            ["ỦY BAN NHÂN DÂN", "PHƯỜNG CỬA NAM", "Cửa Nam, ngày 05 tháng 01 năm 2026", "BÁO CÁO"],
            "phuong-cua-nam",
            2025,
        ),
        (
            ["UBND QUẬN LONG BIÊN", "Long Biên, ngày 20 tháng 12 năm 2022", "Báo cáo công tác thi đua"],
            "long-bien",
            2022,
        ),
    ],
)
def test_issuer_title_and_date(lines: list[str], unit: str, year: int) -> None:
    ident = identify(document(*paragraphs(*lines)), default_registry())
    assert (ident.unit.id if ident.unit else None, ident.year) == (unit, year)


def test_header_block_in_a_borderless_table_and_decomposed_text() -> None:
    header = table(
        [
            [
                unicodedata.normalize("NFD", "UBND QUẬN ĐỐNG ĐA\nSố: 702/BC-UBND"),
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐống Đa, ngày 22 tháng 12 năm 2023",
            ]
        ]
    )
    from models.text import nfc

    for cell in header.cells:
        cell.text = nfc(cell.text)
    ident = identify(
        document(header, *paragraphs("BÁO CÁO", "Công tác thi đua, khen thưởng năm 2023")), default_registry()
    )
    assert (ident.unit.id, ident.year) == ("dong-da", 2023)


def test_same_name_is_a_district_before_july_2025_and_a_ward_after() -> None:
    registry = default_registry()
    from datetime import date

    assert [u.id for u in registry.match("Hoàn Kiếm", on=date(2024, 12, 31))] == ["hoan-kiem"]
    assert [u.id for u in registry.match("Hoàn Kiếm", on=date(2025, 7, 1))] == ["phuong-hoan-kiem"]


def test_unknown_unit_is_reported_not_guessed() -> None:
    ident = identify(
        document(*paragraphs("UBND QUẬN CẦU GIẤY", "Báo cáo tổng kết năm 2022")), default_registry()
    )
    assert ident.unit is None and ident.year == 2022
    # not guessed, but proposed: the header's issuer with its level, for an admin to register
    assert (ident.proposed.id, ident.proposed.name, ident.proposed.level) == (
        "quan-cau-giay",
        "Quận Cầu Giấy",
        "district",
    )


def test_registry_errors_list_the_alternatives() -> None:
    with pytest.raises(KeyError, match="known: ba-dinh"):
        default_registry().get("cau-giay")
