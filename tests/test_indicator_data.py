"""Indicators as data: the vocabulary files, the ``THIDUA_INDICATORS`` extension folder, and the social
indicators of ``samples/social`` carried through extraction, the store, the scorer and the exports with
no Python code of their own."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest
from test_rules import found

from extractors import catalogue, pipeline, version
from models import vocabulary
from models.vocabulary import INDICATORS

ROOT = Path(__file__).resolve().parent.parent
SOCIAL = ROOT / "samples" / "social"
NEW_CODES = {
    "health_insurance_coverage_pct",
    "poverty_multidimensional_pct",
    "schools_national_standard",
    "schools_total",
}


@contextmanager
def indicator_folder(folder: Path | None) -> Iterator[None]:
    """Run with ``THIDUA_INDICATORS=folder`` in this process: the vocabulary is read again and every cache
    built from it (catalogues, the spaCy pipeline, the extractor version) starts afresh, before and after."""
    before = os.environ.get(vocabulary.INDICATORS_ENV)

    def reset() -> None:
        vocabulary.reload_indicators()
        for cached in (catalogue.load_catalogues, pipeline.build_pipeline, version.extractor_version):
            cached.cache_clear()

    if folder is None:
        os.environ.pop(vocabulary.INDICATORS_ENV, None)
    else:
        os.environ[vocabulary.INDICATORS_ENV] = str(folder)
    try:
        reset()
        yield
    finally:
        if before is None:
            os.environ.pop(vocabulary.INDICATORS_ENV, None)
        else:
            os.environ[vocabulary.INDICATORS_ENV] = before
        reset()


def test_the_bundled_vocabulary_is_data_in_display_order() -> None:
    assert list(INDICATORS)[:3] == [
        "budget_revenue_actual",
        "budget_revenue_plan",
        "budget_revenue_attainment_pct",
    ]
    assert not NEW_CODES & set(INDICATORS), "the social indicators come from the extension folder only"
    required = {c for c, i in INDICATORS.items() if i.required}
    assert required == {
        "budget_revenue_actual",
        "budget_revenue_attainment_pct",
        "targets_met",
        "targets_total",
    }
    assert INDICATORS["budget_revenue_actual"].plausible_range("ward") == (
        10 * vocabulary.TY,
        15_000 * vocabulary.TY,
    )
    cats = catalogue.load_catalogues()
    assert all(cats.for_indicator(code).name == ind.catalogue for code, ind in INDICATORS.items())


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            'code = "x_y"\nunit = "VND"\nlabel_vi = "X"\ncatalogue = "x.v1"\ncolour = "red"',
            "unknown keys ['colour']",
        ),
        ('code = "x_y"\nunit = "tỷ"\nlabel_vi = "X"\ncatalogue = "x.v1"', "allowed: VND, %, count"),
        ('code = "Tỷ lệ"\nunit = "%"\nlabel_vi = "X"\ncatalogue = "x.v1"', "snake_case"),
        ('code = "x_y"\nunit = "%"\nlabel_vi = "X"', "missing ['catalogue']"),
        (
            'code = "x_y"\nunit = "%"\nlabel_vi = "X"\ncatalogue = "x.v1"\nplausible = { "*" = [9, 1] }',
            "low ≤ high",
        ),
    ],
)
def test_a_bad_vocabulary_entry_names_the_file_and_what_is_allowed(entry: str, message: str) -> None:
    import tomllib

    with pytest.raises(ValueError, match=r"extra\.toml: indicator") as caught:
        vocabulary.parse_indicators(tomllib.loads(f"[[indicator]]\n{entry}\n"), "extra.toml")
    assert message in str(caught.value)


def _extension(folder: Path, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "extra.v1.toml").write_text(body, encoding="utf-8")
    return folder


WASTE = """
[[indicator]]
code = "waste_sorted_pct"
unit = "%"
label_vi = "Tỷ lệ rác thải sinh hoạt được phân loại tại nguồn"
catalogue = "waste_sorted_pct.v1"
plausible = { "*" = [0, 100] }

[[catalogue]]
name = "waste_sorted_pct.v1"
indicator = "waste_sorted_pct"
topics = ["waste"]
quantities = ["percent"]
default = true

[topics]
waste = ["rác thải", "chất thải rắn sinh hoạt", "phân loại rác"]
"""


def test_a_folder_adds_an_indicator_with_its_catalogue_and_topic(tmp_path: Path) -> None:
    text = "Tỷ lệ rác thải sinh hoạt được phân loại tại nguồn đạt 65,4%."
    assert found(text) == {}
    with indicator_folder(_extension(tmp_path / "ext", WASTE)):
        assert INDICATORS["waste_sorted_pct"].label_vi.startswith("Tỷ lệ rác thải")
        assert found(text) == {"waste_sorted_pct": 65.4}
        with_ext = version.extractor_version()
    assert "waste_sorted_pct" not in INDICATORS
    assert version.extractor_version() != with_ext, "the extension is part of the extractor version"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('catalogue = "waste_sorted_pct.v1"\nplausible', 'catalogue = "nothing.v1"\nplausible'),
            "does not exist",
        ),
        (
            ('code = "waste_sorted_pct"', 'code = "jobs_created"'),
            "already defined in models/data/indicators",
        ),
        (('topics = ["waste"]', 'topics = ["garbage"]'), "unknown topics ['garbage']"),
    ],
)
def test_a_broken_extension_says_what_is_wrong(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    folder = _extension(tmp_path / "ext", WASTE.replace(*change))
    with pytest.raises((ValueError, KeyError), match=r".") as caught, indicator_folder(folder):
        catalogue.load_catalogues()
    assert message in str(caught.value)


def test_a_missing_folder_is_named() -> None:
    with (
        pytest.raises(FileNotFoundError, match="THIDUA_INDICATORS=/no/such/folder"),
        indicator_folder(Path("/no/such/folder")),
    ):
        pass


def test_the_social_samples_are_read_in_full_with_the_extension_folder() -> None:
    from extractors.evaluate import evaluate_by_layout

    with indicator_folder(SOCIAL / "indicators"):
        score, layouts = evaluate_by_layout([SOCIAL])
    assert score.documents == 4 and score.errors == []
    assert {code for code in NEW_CODES if score.tp[code]} == NEW_CODES
    assert set(layouts) == {"social-prose", "social-table"}


def _thidua(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("thidua")
    return subprocess.run(
        [str(exe), *args], env={**os.environ, **env}, capture_output=True, text=True, timeout=600, check=False
    )


def test_the_nightly_run_scores_and_exports_the_new_indicators(tmp_path: Path) -> None:
    """Extraction, the store, the scorer (``source = "<code>"``) and the workbook pick the new indicators
    up from the folder; the scale is social.v1 for the cluster-year, by the override folder's file name."""
    scoring = tmp_path / "scoring"
    scoring.mkdir()
    shutil.copy(SOCIAL / "scoring" / "social.v1.toml", scoring / "ubnd-tp-ha-noi.cum-8.2024.toml")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for doc in SOCIAL.glob("*.docx"):
        shutil.copy(doc, inbox / doc.name)
    env = {
        "THIDUA_HOME": str(tmp_path / "home"),
        "THIDUA_INDICATORS": str(SOCIAL / "indicators"),
        "THIDUA_SCORING": str(scoring),
        "DO_NOT_TRACK": "1",
    }
    run = _thidua("run", "--inbox", str(inbox), env=env)
    assert run.returncode == 0, run.stdout + run.stderr
    out = tmp_path / "cum-8-2024.xlsx"
    export = _thidua(
        "export", "--cluster", "cum-8", "--year", "2024", "--format", "xlsx", "--out", str(out), env=env
    )
    assert export.returncode == 0, export.stdout + export.stderr
    sheets = pd.read_excel(out, sheet_name=None, header=None)
    cells = {str(v) for frame in sheets.values() for v in frame.to_numpy().ravel() if pd.notna(v)}
    assert {"Tỷ lệ dân số tham gia bảo hiểm y tế", "Số trường đạt chuẩn quốc gia"} <= cells
    assert any("Tỷ lệ hộ nghèo đa chiều cuối năm" in c for c in cells), "the social.v1 criterion B1 is listed"

    table = sheets["Tổng hợp điểm"]
    header = next(i for i in range(len(table)) if "Đơn vị" in set(table.iloc[i].astype(str)))
    scores = pd.DataFrame(table.iloc[header + 1 :].to_numpy(), columns=[str(c) for c in table.iloc[header]])
    ba_dinh = scores[scores["Đơn vị"] == "Quận Ba Đình"].iloc[0]
    points = {str(c).split(" — ")[0]: v for c, v in ba_dinh.items()}
    # ba-dinh: coverage 94,6 % on lin(90 → 95) of 4 points; poverty 0,04 % ≤ 0,1 %: full; 41/57 schools of 4
    assert float(points["B4"]) == pytest.approx(4 * 4.6 / 5, abs=0.01)
    assert float(points["B1"]) == pytest.approx(4.0)
    assert float(points["B3"]) == pytest.approx(4 * 41 / 57, abs=0.01)


def test_without_the_folder_the_scale_that_needs_it_names_what_is_missing() -> None:
    from scoring.config import ConfigError, load_config

    with pytest.raises(ConfigError, match="poverty_multidimensional_pct"):
        load_config("social.v1", SOCIAL / "scoring")


def test_at_most_in_the_data_flags_a_part_above_its_whole() -> None:
    """``at_most`` (schools meeting the standard ≤ all schools) is data: the same check as targets."""
    from helpers import document, paragraphs

    from extractors.extract import extract_document

    text = "BÁO CÁO năm 2024 của UBND quận Ba Đình. Toàn quận có 61/57 trường công lập đạt chuẩn quốc gia."
    with indicator_folder(SOCIAL / "indicators"):
        assert INDICATORS["schools_national_standard"].at_most == "schools_total"
        result = extract_document(document(*paragraphs("UBND QUẬN BA ĐÌNH", text)))
    figures = {f.indicator: f for f in result.figures}
    assert figures["schools_national_standard"].value == 61
    assert "inconsistent" in figures["schools_national_standard"].flags
    assert "inconsistent" in figures["schools_total"].flags
