"""Cluster-years set up without editing the repository: the file is checked, written atomically, read by
the application at once, and every earlier version is kept; a write killed half-way leaves the previous
file as it was. Also the ``thidua cluster`` verbs that wrap it."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

import scoring.cluster_setup as setup
from flows.cli import main
from models.clusters import default_clusters, home_clusters_dir, load_clusters
from scoring.cluster_setup import (
    check_cluster,
    cluster_toml,
    copy_cluster,
    history_of,
    new_cluster,
    origin_vi,
    save_cluster,
)

WARDS = ("phuong-hoan-kiem", "phuong-ba-dinh", "phuong-long-bien")


@pytest.fixture
def home(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("THIDUA_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("THIDUA_CLUSTERS", raising=False)
    return tmp_path / "home"


def _wards_2025(**changes):
    previous = default_clusters().get("cum-8", 2024)
    return copy_cluster(
        previous,
        2025,
        **{"members": WARDS, "chair": "phuong-hoan-kiem", "vices": ["phuong-ba-dinh"], **changes},
    )


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_the_file_reads_back_as_the_same_cluster_with_who_and_when(tmp_path: Path, home: Path) -> None:
    cluster = _wards_2025(deadline=date(2026, 1, 15))
    at = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    (tmp_path / "f").mkdir()
    (tmp_path / "f" / f"{cluster.key}.toml").write_text(
        cluster_toml(cluster, "quantri", at), encoding="utf-8"
    )
    back = load_clusters(tmp_path / "f").get("cum-8", 2025)
    assert back == cluster
    assert (back.deadline, back.set_by, back.set_at) == (date(2026, 1, 15), "quantri", at)
    assert origin_vi(default_clusters().get("cum-8", 2024)) == "có sẵn trong phần mềm"


def test_save_is_seen_at_once_and_every_earlier_version_is_kept(home: Path) -> None:
    with pytest.raises(KeyError):
        default_clusters().get("cum-8", 2025)
    path = save_cluster(_wards_2025(), by="quantri")
    assert path == home_clusters_dir() / "ubnd-tp-ha-noi.cum-8.2025.toml" and path.parent == home / "clusters"
    seen = default_clusters().get("cum-8", 2025)
    assert seen.members == WARDS and seen.set_by == "quantri" and origin_vi(seen).startswith("thiết lập bởi")
    first = path.read_text(encoding="utf-8")
    save_cluster(_wards_2025(chair="phuong-long-bien"), by="lan")
    save_cluster(_wards_2025(chair="phuong-ba-dinh", vices=[]), by="minh")
    assert default_clusters().get("cum-8", 2025).chair == "phuong-ba-dinh"
    earlier = history_of("ubnd-tp-ha-noi.cum-8.2025")
    assert len(earlier) == 2 and earlier[0].read_text(encoding="utf-8") == first
    assert 'chair = "phuong-long-bien"' in earlier[1].read_text(encoding="utf-8")
    assert _leftovers(path.parent) == []
    # the history folder is not read as cluster-years: one 2025 Cụm 8, the newest
    assert [c.chair for c in default_clusters().clusters if c.key == seen.key] == ["phuong-ba-dinh"]


def test_a_write_killed_before_the_replace_leaves_the_previous_file(home: Path, monkeypatch) -> None:
    path = save_cluster(_wards_2025(), by="quantri")
    before = path.read_text(encoding="utf-8")
    real = os.replace

    def killed(src, dst, *args, **kwargs):
        if Path(dst) == path:
            raise OSError("killed")
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(setup.os, "replace", killed)
    with pytest.raises(OSError, match="killed"):
        save_cluster(_wards_2025(chair="phuong-long-bien"), by="lan")
    assert path.read_text(encoding="utf-8") == before and _leftovers(path.parent) == []
    assert default_clusters().get("cum-8", 2025).chair == "phuong-hoan-kiem"


def test_a_file_that_would_not_load_never_replaces_the_previous_one(home: Path, monkeypatch) -> None:
    path = save_cluster(_wards_2025(), by="quantri")
    before = path.read_text(encoding="utf-8")
    monkeypatch.setattr(setup, "cluster_toml", lambda cluster, by, at: 'organiser = "x"\n')
    with pytest.raises(ValueError, match="missing field"):
        save_cluster(_wards_2025(chair="phuong-long-bien"), by="lan")
    assert path.read_text(encoding="utf-8") == before and _leftovers(path.parent) == []
    assert history_of("ubnd-tp-ha-noi.cum-8.2025") == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"members": (*WARDS, "phuong-ba-dinx")},
            "Đơn vị «phuong-ba-dinx» không có trong danh mục đơn vị; gần giống: phuong-ba-dinh",
        ),
        ({"chair": "phuong-dong-da"}, "Cụm trưởng «phuong-dong-da» không phải thành viên của cụm."),
        ({"chair": None}, "Cần chọn đơn vị cụm trưởng."),
        ({"vices": ["phuong-lang"]}, "Cụm phó phuong-lang không phải thành viên của cụm."),
        ({"vices": ["phuong-hoan-kiem"]}, "không thể vừa là cụm trưởng vừa là cụm phó"),
        ({"members": ()}, "Cụm cần ít nhất một đơn vị thành viên."),
        ({"members": (*WARDS, WARDS[0])}, "được chọn hai lần"),
        ({"scoring": "khong-co.v9"}, "Không có bộ tiêu chí chấm điểm «khong-co.v9»; hiện có: default.v1."),
        ({"number": 0}, "Số cụm phải là số nguyên dương"),
    ],
)
def test_a_wrong_cluster_year_is_refused_and_nothing_written(home: Path, changes: dict, message: str) -> None:
    cluster = _wards_2025(**changes)
    with pytest.raises(ValueError) as refused:
        check_cluster(cluster)
    assert message in str(refused.value)
    with pytest.raises(ValueError):
        save_cluster(cluster, by="quantri")
    assert not (home / "clusters").exists() or not list((home / "clusters").glob("*.toml"))


def test_save_needs_who_and_an_organiser_id_that_is_a_file_name(home: Path) -> None:
    with pytest.raises(ValueError, match="--by"):
        save_cluster(_wards_2025(), by=" ")
    odd = new_cluster("../etc", 1, 2025, WARDS, "phuong-hoan-kiem")
    with pytest.raises(ValueError, match="Mã cơ quan tổ chức"):
        save_cluster(odd, by="quantri")


def test_a_copy_moves_the_deadline_by_the_years_and_takes_only_known_changes(home: Path) -> None:
    base = copy_cluster(default_clusters().get("cum-8", 2024), 2024, deadline=date(2024, 2, 29))
    later = copy_cluster(base, 2025)
    assert (later.year, later.deadline, later.members, later.chair) == (
        2025,
        date(2025, 2, 28),
        base.members,
        base.chair,
    )
    assert copy_cluster(base, 2026, members=["phuong-lang"]).members == ("phuong-lang",)
    with pytest.raises(ValueError, match="cannot change organiser"):
        copy_cluster(base, 2025, organiser="khac")


def test_the_cluster_verbs_list_show_and_set_up(home: Path, capsys) -> None:
    assert main(["cluster", "list", "--year", "2024"]) == 0
    assert "ubnd-tp-ha-noi.cum-8.2024" in capsys.readouterr().out
    argv = [
        "cluster",
        "setup",
        "cum-8",
        "--year",
        "2025",
        "--from-year",
        "2024",
        "--members",
        ",".join(WARDS),
    ]
    assert main([*argv, "--by", "quantri"]) == 2
    assert "the chair hai-ba-trung is not among the new members" in capsys.readouterr().err
    argv += ["--chair", "phuong-hoan-kiem", "--deadline", "2026-01-15", "--by", "quantri"]
    assert main(argv) == 0
    cluster = default_clusters().get("cum-8", 2025)
    assert (cluster.members, cluster.vices, str(cluster.deadline)) == (WARDS, (), "2026-01-15")
    assert main(["cluster", "show", "cum-8", "--year", "2025"]) == 0
    out = capsys.readouterr().out
    assert "Phường Hoàn Kiếm" in out and "cụm trưởng" in out and "15/01/2026" in out and "(quantri)" in out
    assert (
        main(["cluster", "setup", "cum-8", "--year", "2025", "--from-year", "2025", "--vices", "phuong-lang"])
        == 2
    )
    assert "Cụm phó phuong-lang không phải thành viên" in capsys.readouterr().err
    assert main([*argv[:7], "--deadline", "15/01/2026"]) == 2
    assert "write YYYY-MM-DD" in capsys.readouterr().err
    new = ["cluster", "setup", "--new", "--organiser", "ubnd-tp-ha-noi", "--number", "12", "--year", "2025"]
    assert main(new) == 2 and "missing --members, --chair" in capsys.readouterr().err
    assert main([*new, "--members", "phuong-dong-da,phuong-lang", "--chair", "phuong-dong-da"]) == 0
    made = default_clusters().get("cum-12", 2025)
    assert made.organiser_name == "UBND Thành phố Hà Nội" and made.name == "Cụm thi đua số 12"
    assert main(["cluster", "list", "--year", "2025"]) == 0
    assert capsys.readouterr().out.count("thiết lập bởi quản trị") == 2
    assert main(["cluster", "show", "cum-99", "--year", "2025"]) == 2
    assert "known:" in capsys.readouterr().err
