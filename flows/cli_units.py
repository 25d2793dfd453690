"""The ``thidua unit`` verbs: list the units proposed by reports' headers, register one in one step.

A report from a unit the registry does not know (another province's district, a provincial youth union, a
ward of another city) is stored with its issuer as a *proposed unit* and the flag ``unknown_unit``.
``thidua unit register ID`` adds the proposal to the registered units (``models.registered_units``:
who and when are recorded), then re-extracts the documents that proposed it, so that their figures count
for the new unit. A rerun finds the unit registered and no document proposing it: it changes nothing.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from models.units import LEVELS

UNIT_EXAMPLE = """examples:
  thidua unit list
  thidua unit register huyen-que-vo --by nguyen.van.a
  thidua unit register tinh-doan-thanh-hoa --name "Tỉnh đoàn Thanh Hóa" --by nguyen.van.a
"""


def cmd_unit_list(args: argparse.Namespace) -> int:
    from models.store import Store
    from models.units import default_registry, registered_path

    with Store.open() as store:
        proposals = store.proposed_units()
    if proposals:
        print("Đơn vị đề xuất từ tiêu đề báo cáo (chưa có trong danh mục):")
        for p in proposals:
            where = f", {p.unit.city}" if p.unit.city else ""
            print(
                f"  {p.unit.id:<32} {p.unit.name}{where} [{p.unit.level}]  ← {p.original_name} "
                f"(năm {p.year or '?'}; tiêu đề: {p.unit.header})"
            )
    else:
        print("Không có đơn vị đề xuất nào đang chờ đăng ký.")
    registered = [u for u in default_registry().units if u.registered_by]
    if registered:
        print(f"\nĐơn vị đã đăng ký ({registered_path()}):")
        for u in registered:
            when = u.registered_at.isoformat() if u.registered_at else "?"
            print(f"  {u.id:<32} {u.name} [{u.level}]  đăng ký bởi {u.registered_by} lúc {when}")
    return 0


def cmd_unit_register(args: argparse.Namespace) -> int:
    from extractors.ingest import Job, record_failed, run_job
    from models.claims import owner_token
    from models.clusters import load_clusters
    from models.registered_units import register, unit_from_proposal
    from models.store import Store
    from models.units import default_registry

    with Store.open() as store:
        proposals = store.proposed_units(args.proposed_id)
        target = args.id or args.proposed_id
        known = next((u for u in default_registry().units if u.id == target), None)
        if not proposals:
            if known is not None:
                print(
                    f"{known.name} ({known.id}) đã có trong danh mục; "
                    "không có báo cáo nào cần trích xuất lại."
                )
                return 0
            pending = sorted({p.unit.id for p in store.proposed_units()})
            raise KeyError(
                f"no stored report proposes unit {args.proposed_id!r}; "
                f"proposed: {', '.join(pending) or 'none'} (see `thidua unit list`)"
            )
        latest = proposals[-1]
        unit = unit_from_proposal(
            latest.unit,
            by=args.by or getpass.getuser(),
            unit_id=args.id,
            name=args.name,
            level=args.level,
            city=args.city,
        )
        if register(unit, proposed_in=latest.sha256):
            print(f"Đã đăng ký {unit.name} ({unit.id}, {unit.level}) — bởi {unit.registered_by}.")
        else:
            print(f"{unit.name} ({unit.id}) đã có trong danh mục.")
        if args.no_reextract:
            return 0
        owner = owner_token()
        failed = 0
        for proposal in proposals:
            job = Job(proposal.sha256, proposal.original_name, store.original_path(proposal.sha256))
            try:
                outcome = run_job(store, job, owner=owner, force=True)
            except Exception as exc:  # a fault of ours: kept as failed, like the nightly does
                outcome = record_failed(store, job, exc, owner=owner)
            failed += outcome.status == "failed"
            got = outcome.unit_id or "không nhận ra đơn vị"
            print(f"  Trích xuất lại {proposal.original_name}: {outcome.status}, đơn vị {got}")
            if outcome.status == "processed" and outcome.unit_id != unit.id:
                print(f"    ! {unit.id} không được nhận ra trong tiêu đề của báo cáo này", file=sys.stderr)
                failed += 1
    years = sorted({p.year for p in proposals if p.year})
    registry = load_clusters()  # read again, not the cached one: it must know the unit just registered
    clusters = {c.key for y in years for c in registry.of_unit(unit.id, y)}
    if clusters:
        print(f"Các cụm cần chấm lại (lần chạy sau sẽ công bố): {', '.join(sorted(clusters))}")
    else:
        print("Đơn vị chưa thuộc cụm thi đua nào: thêm vào tệp cụm ($THIDUA_CLUSTERS) để được chấm điểm.")
    return 1 if failed else 0


def add_unit_verbs(sub: argparse._SubParsersAction) -> None:
    unit = sub.add_parser(
        "unit",
        help="units proposed by reports' headers: list them, register one",
        description="Units outside the registry, read from the issuer block of a report's header.",
        epilog=UNIT_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    verbs = unit.add_subparsers(dest="unit_command", required=True)
    listing = verbs.add_parser("list", help="proposed units (with their documents) and registered units")
    listing.set_defaults(func=cmd_unit_list)
    reg = verbs.add_parser(
        "register",
        help="register a proposed unit, then re-extract the reports that proposed it",
        description="Add the unit a report's header proposed to the registry (who and when are recorded), "
        "then re-extract the documents that proposed it.",
    )
    reg.add_argument("proposed_id", metavar="PROPOSED_ID", help="the proposed id, e.g. huyen-que-vo")
    reg.add_argument("--id", help="register under another id (e.g. when two provinces share a name)")
    reg.add_argument("--name", help="the unit's name as it should be written (default: as proposed)")
    reg.add_argument("--level", choices=list(LEVELS), help="the unit's level (default: as proposed)")
    reg.add_argument("--city", help="its province or centrally-run city (default: as the header states)")
    reg.add_argument("--by", help="who registers (default: the login name)")
    reg.add_argument("--no-reextract", action="store_true", help="only register; re-extract later")
    reg.set_defaults(func=cmd_unit_register)
