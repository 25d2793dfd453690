"""The chair's entries: append-only in the store, verified scores and manual entries in the scorer, the
CLI verbs (score set/history, manual export/import) and the fingerprint that republishes after an entry."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from review_env import prepare
from test_scoring import CFG, CLUSTER, FULL_FIGURES, score

from flows.cli import main
from models.clusters import default_clusters
from models.store import Store
from scoring.entries import EntryError, check_entry, manual_in_force
from scoring.manual import build_manual
from scoring.service import inputs_fingerprint, score_cluster_year

KEY = "ubnd-tp-ha-noi.cum-8.2021"


# --- the scorer ---------------------------------------------------------------------------------------


def test_a_verified_score_replaces_the_computed_points_and_keeps_them_beside():
    plain = score().unit("ba-dinh")
    verified = score_with({"ba-dinh": {"A1": 12.5}}).unit("ba-dinh")
    a1 = verified.criteria["A1"]
    assert (a1.points, a1.verified, a1.verified_from) == (12.5, True, plain.criteria["A1"].points)
    assert verified.total == plain.total - plain.criteria["A1"].points + 12.5
    assert score_with({}).unit("ba-dinh") == plain  # no entries: unchanged


def test_a_verified_score_clears_provisional_when_it_was_the_only_missing_input():
    figures = {"ba-dinh": FULL_FIGURES | {"admin_ontime_pct": float("nan")}}
    missing = score(figures).unit("ba-dinh")
    assert missing.provisional and missing.criteria["C1"].points is None
    done = score_with({"ba-dinh": {"C1": 6.5}}, figures).unit("ba-dinh")
    assert not done.provisional and done.missing == ()
    assert done.criteria["C1"].points == 6.5 and done.criteria["C1"].verified_from is None
    assert done.total == missing.total + 6.5
    # verifying another criterion leaves C1 missing
    assert score_with({"ba-dinh": {"A1": 15}}, figures).unit("ba-dinh").provisional


def test_verified_bonus_and_deduction_replace_theirs():
    unit = score_with({"dong-da": {"bonus.chair": 0, "deduction.late_reports": 1}}).unit("dong-da")
    assert unit.bonus_items["chair"] == 0 and unit.deduction_items["late_reports"] == 1
    assert unit.verified_items == {"bonus.chair": 3, "deduction.late_reports": 0}
    assert unit.total == 99


def score_with(verified, figures=None):
    from test_scoring import unit_manual

    from scoring.score import score_cluster

    figures = {u: dict(FULL_FIGURES) for u in CLUSTER.members} | (figures or {})
    manual = build_manual(CFG, {u: unit_manual() for u in CLUSTER.members}, CLUSTER.key)
    return score_cluster(CFG, CLUSTER, figures, manual, verified)


def test_entries_are_checked_when_recorded():
    assert check_entry(CFG, CLUSTER, "ba-dinh", "verified", "A1", 15) == 15
    assert check_entry(CFG, CLUSTER, "ba-dinh", "manual", "covenant_signed", 1) == 1.0
    with pytest.raises(EntryError, match=r"A1: must be within 0\.\.15 points, got 15\.5"):
        check_entry(CFG, CLUSTER, "ba-dinh", "verified", "A1", 15.5)
    with pytest.raises(EntryError, match=r"units\.ba-dinh\.atended: unknown key; allowed: .*attended"):
        check_entry(CFG, CLUSTER, "ba-dinh", "manual", "atended", 3)
    with pytest.raises(EntryError, match="extracted figure"):
        check_entry(CFG, CLUSTER, "ba-dinh", "manual", "jobs_created", 3)
    with pytest.raises(EntryError, match=r"units\.ba-dinh\.points\.B1: must be within 0\.\.4, got 5"):
        check_entry(CFG, CLUSTER, "ba-dinh", "manual", "points.B1", 5)
    with pytest.raises(EntryError, match="not a member"):
        check_entry(CFG, CLUSTER, "tay-ho", "verified", "A1", 1)


# --- the store ----------------------------------------------------------------------------------------


def test_entries_are_append_only_with_old_new_who_and_when(store_settings):
    with Store.open(store_settings) as store:
        first = store.record_score_entry(KEY, 2021, "hoan-kiem", "verified", "B2", 3.0, "biên bản", "lan")
        second = store.record_score_entry(KEY, 2021, "hoan-kiem", "verified", "B2", 2.5, None, "minh")
        store.record_score_entry(KEY, 2021, "dong-da", "manual", "attended", 5, "", "lan")
        cleared = store.record_score_entry(KEY, 2021, "hoan-kiem", "verified", "B2", None, "nhầm", "lan")
        history = store.score_entries(KEY, "hoan-kiem")
        assert [e.id for e in history] == [first, second, cleared]
        assert [(e.old_value, e.new_value, e.decided_by) for e in history] == [
            (None, 3.0, "lan"),
            (3.0, 2.5, "minh"),
            (2.5, None, "lan"),
        ]
        assert history[0].note == "biên bản" and history[0].decided_at is not None
        in_force = store.entries_in_force(KEY)
        assert in_force[("hoan-kiem", "verified", "B2")].new_value is None
        assert in_force[("dong-da", "manual", "attended")].new_value == 5
        assert len(store.score_entries(KEY)) == 4
        with pytest.raises(ValueError, match="kind"):
            store.record_score_entry(KEY, 2021, "dong-da", "other", "x", 1, "", "lan")


def test_a_manual_entry_overrides_the_file_and_a_cleared_one_gives_it_back(store_settings):
    manual = build_manual(CFG, {"ba-dinh": {"attended": 4, "held": 6}}, CLUSTER.key)
    with Store.open(store_settings) as store:
        store.record_score_entry(CLUSTER.key, 2023, "ba-dinh", "manual", "attended", 6, "", "lan")
        store.record_score_entry(CLUSTER.key, 2023, "ba-dinh", "manual", "covenant_signed", 1, "", "lan")
        applied = manual_in_force(CFG, manual, store.entries_in_force(CLUSTER.key).values())
        assert applied.units["ba-dinh"] == {"attended": 6, "held": 6, "covenant_signed": True}
        store.record_score_entry(CLUSTER.key, 2023, "ba-dinh", "manual", "attended", None, "", "lan")
        applied = manual_in_force(CFG, manual, store.entries_in_force(CLUSTER.key).values())
        assert applied.units["ba-dinh"]["attended"] == 4


# --- the CLI over the store of the 2021 samples --------------------------------------------------------


@pytest.fixture
def home(tmp_path: Path, db_url: str, monkeypatch) -> Path:
    settings = prepare(tmp_path / "home", db_url)
    monkeypatch.setenv("THIDUA_HOME", str(settings.home))
    monkeypatch.setenv("THIDUA_DATABASE_URL", db_url)
    monkeypatch.setenv("DO_NOT_TRACK", "1")
    return settings.home


def scored(home: Path):
    cluster = default_clusters().get("cum-8", 2021)
    with Store.open() as store:
        return score_cluster_year(store, cluster, home / "manual", record=False).result


def test_score_set_records_rescores_and_history_shows_it(home: Path, capsys):
    before = scored(home).unit("hoan-kiem")
    args = ["score", "set", "--cluster", "cum-8", "--year", "2021", "--unit", "hoan-kiem"]
    assert main([*args, "--criterion", "B2", "--value", "3,5", "--note", "theo biên bản", "--by", "lan"]) == 0
    after = scored(home).unit("hoan-kiem")
    assert (
        after.criteria["B2"].points == 3.5
        and after.criteria["B2"].verified_from == before.criteria["B2"].points
    )
    assert after.total == round(before.total - before.criteria["B2"].points + 3.5, 2)
    assert main([*args, "--criterion", "B2", "--value", "3.5", "--by", "lan"]) == 0  # the same: nothing
    assert "nothing recorded" in capsys.readouterr().out
    assert main([*args, "--criterion", "B2", "--value", "4.5", "--by", "lan"]) == 2
    assert "B2: must be within 0..4 points" in capsys.readouterr().err
    assert main([*args, "--manual", "atended", "--value", "5", "--by", "lan"]) == 2
    assert "unknown key; allowed" in capsys.readouterr().err
    assert main(["score", "history", "--cluster", "cum-8", "--year", "2021"]) == 0
    out = capsys.readouterr().out
    assert "lan" in out and "hoan-kiem" in out and "B2" in out and "→ 3,5" in out and "theo biên bản" in out
    with Store.open() as store:
        assert len(store.score_entries(KEY)) == 1
        assert store.latest_publications() is not None  # the rescore recorded a scoring
    assert main(["score"]) == 2  # the rescore verb still wants its cluster and year


def test_a_manual_entry_overrides_the_file_in_the_score(home: Path):
    before = scored(home).unit("hoan-kiem")
    assert before.inputs["manual.attended"] != 3
    args = ["score", "set", "--cluster", "cum-8", "--year", "2021", "--unit", "hoan-kiem"]
    assert main([*args, "--manual", "attended", "--value", "3", "--by", "lan"]) == 0
    after = scored(home).unit("hoan-kiem")
    assert after.inputs["manual.attended"] == 3 and after.total < before.total


def test_export_import_round_trip_and_importing_twice_records_once(home: Path, tmp_path: Path, capsys):
    out = tmp_path / "manual.toml"
    assert main(["manual", "export", "--cluster", "cum-8", "--year", "2021", "--out", str(out)]) == 0
    exported = out.read_text(encoding="utf-8")
    assert main(["manual", "import", str(out), "--by", "lan"]) == 0  # what is in force: nothing
    with Store.open() as store:
        assert store.score_entries(KEY) == []
    head, _, rest = exported.partition("[units.hoan-kiem]\n")
    section, sep, tail = rest.partition("\n[units.")
    was = re.search(r"^vote_count = (\d+)$", section, re.M)
    assert was is not None and was[1] != "7"
    out.write_text(head + "[units.hoan-kiem]\n" + section.replace(was[0], "vote_count = 7") + sep + tail)
    assert main(["manual", "import", str(out), "--by", "lan", "--note", "biên bản họp"]) == 0
    assert main(["manual", "import", str(out), "--by", "lan"]) == 0
    with Store.open() as store:
        entries = store.score_entries(KEY)
    assert [(e.unit_id, e.key, e.new_value, e.note) for e in entries] == [
        ("hoan-kiem", "vote_count", 7.0, "biên bản họp")
    ]
    again = tmp_path / "again.toml"
    assert main(["manual", "export", "--cluster", "cum-8", "--year", "2021", "--out", str(again)]) == 0
    assert "vote_count = 7" in again.read_text(encoding="utf-8")
    assert main(["manual", "import", str(again), "--by", "lan"]) == 0
    with Store.open() as store:
        assert len(store.score_entries(KEY)) == 1
    bad = tmp_path / "bad.toml"
    bad.write_text(f'cluster = "{KEY}"\nscoring = "default.v1"\n[units.hoan-kiem]\natended = 3\n')
    assert main(["manual", "import", str(bad), "--by", "lan"]) == 2
    assert "unknown key" in capsys.readouterr().err


def test_the_fingerprint_changes_after_an_entry(home: Path):
    cluster = default_clusters().get("cum-8", 2021)
    with Store.open() as store:
        before = inputs_fingerprint(store, cluster, home / "manual")
        time.sleep(0.01)
        store.record_score_entry(KEY, 2021, "hoan-kiem", "verified", "B2", 3.0, "", "lan")
        after = inputs_fingerprint(store, cluster, home / "manual")
        assert before != after
        assert inputs_fingerprint(store, cluster, home / "manual") == after  # stable
