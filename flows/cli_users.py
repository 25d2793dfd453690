"""The ``thidua user`` verbs: the accounts of the review app, as the admin page manages them.

A unit account is bound to a unit of the registry, a chair account to a cluster-year that exists; both
are checked here, where the registries are known (the store checks only that a scope is given). Every
change is an account event: who did it, when (``thidua user history``).
"""

from __future__ import annotations

import argparse
import difflib
import getpass
import sys

from models.roles import USER_ROLES as ROLES
from review.security import check_password  # standard library only: the parser stays light

USER_EXAMPLE = """examples:
  thidua user add lan --role reviewer          # asks for the password twice on a terminal
  echo "$PASSWORD" | thidua user add minh --role viewer
  thidua user add hoankiem --role unit --unit phuong-hoan-kiem --by admin
  thidua user add cumtruong --role chair --cluster cum-8 --year 2025 --by admin
  thidua user reset minh --by admin            # a new password
  thidua user deactivate minh --by admin       # no more logins; its history stays
  thidua user history minh
"""


def _password() -> str:
    if not sys.stdin.isatty():
        return check_password(sys.stdin.readline().rstrip("\n"))
    password = getpass.getpass("Mật khẩu: ")
    return check_password(password, getpass.getpass("Nhập lại mật khẩu: "))


def account_scope(role: str, unit: str | None, cluster: str | None, year: int | None) -> dict[str, str]:
    """The ``unit_id`` / ``cluster_key`` of a new account, checked against the registries; the errors
    name the near ids (a unit) or the known cluster-years."""
    from models.clusters import default_clusters
    from models.units import default_registry

    scope: dict[str, str] = {}
    if unit:
        known = [u.id for u in default_registry().units]
        if unit not in known:
            near = difflib.get_close_matches(unit, known, n=5, cutoff=0.5)
            hint = f"; near: {', '.join(near)}" if near else "; see `thidua unit list`"
            raise ValueError(f"unknown unit {unit!r}{hint}")
        scope["unit_id"] = unit
    if cluster or year is not None:
        if not cluster or year is None:
            raise ValueError("a chair account needs both --cluster and --year")
        scope["cluster_key"] = default_clusters().get(cluster, year).key  # KeyError lists the known ones
    if role == "unit" and "unit_id" not in scope:
        raise ValueError("a unit account needs --unit UNIT_ID")
    if role == "chair" and "cluster_key" not in scope:
        raise ValueError("a chair account needs --cluster CLUSTER --year YEAR")
    return scope


def cmd_user_add(args: argparse.Namespace) -> int:
    from models.store import Store
    from review.security import hash_password

    scope = account_scope(args.role, args.unit, args.cluster, args.year)
    password = _password()
    with Store.open() as store:
        store.add_user(args.name, args.role, hash_password(password), by=args.by, **scope)
    where = f", {next(iter(scope.values()))}" if scope else ""
    print(f"Đã tạo tài khoản {args.name} ({args.role}{where}).")
    return 0


def cmd_user_reset(args: argparse.Namespace) -> int:
    from models.store import Store
    from review.security import hash_password

    with Store.open() as store:
        if store.get_user(args.name) is None:
            known = ", ".join(u.name for u in store.list_users()) or "none"
            raise ValueError(f"no user {args.name!r}; existing: {known}")
        password = _password()
        store.set_password(args.name, hash_password(password), by=args.by)
    print(f"Đã đặt lại mật khẩu của {args.name}.")
    return 0


def cmd_user_active(args: argparse.Namespace) -> int:
    from models.store import Store

    with Store.open() as store:
        store.set_active(args.name, args.active, by=args.by)
    print(f"Đã {'mở khóa' if args.active else 'khóa'} tài khoản {args.name}.")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    from models.store import Store

    with Store.open() as store:
        for user in store.list_users():
            scope = user.unit_id or user.cluster_key or "-"
            state = "hoạt động" if user.active else "đã khóa"
            print(f"{user.name:<20} {user.role:<9} {scope:<32} {state}")
    return 0


def cmd_user_history(args: argparse.Namespace) -> int:
    from models.store import Store

    with Store.open() as store:
        if args.name and store.get_user(args.name) is None:
            known = ", ".join(u.name for u in store.list_users()) or "none"
            raise ValueError(f"no user {args.name!r}; existing: {known}")
        events = store.account_events(args.name)
    for event in events:
        print(
            f"{event.at:%Y-%m-%d %H:%M}  {event.user_name:<20} {event.action:<12} "
            f"{event.detail or '':<32} bởi {event.by}"
        )
    print(f"{len(events)} sự kiện.", file=sys.stderr)
    return 0


def add_user_verbs(sub: argparse._SubParsersAction) -> None:
    formatter = argparse.RawDescriptionHelpFormatter
    user = sub.add_parser(
        "user", help="user accounts of the review app", epilog=USER_EXAMPLE, formatter_class=formatter
    )
    users = user.add_subparsers(dest="user_command", required=True)
    add = users.add_parser("add", help="create an account (password from stdin when it is not a terminal)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--unit", help="the unit of a unit account (thidua unit list)")
    add.add_argument("--cluster", help="the cluster of a chair account, e.g. cum-8 (thidua cluster list)")
    add.add_argument("--year", type=int, help="the year of that cluster")
    add.add_argument("--by", default="cli", help="who creates it (recorded)")
    add.set_defaults(func=cmd_user_add)
    reset = users.add_parser("reset", help="a new password (from stdin when it is not a terminal)")
    reset.add_argument("name")
    reset.add_argument("--by", default="cli", help="who resets it (recorded)")
    reset.set_defaults(func=cmd_user_reset)
    for verb, active, text in (
        ("deactivate", False, "no more logins (its history stays)"),
        ("activate", True, "allow logins again"),
    ):
        parser = users.add_parser(verb, help=text)
        parser.add_argument("name")
        parser.add_argument("--by", default="cli", help="who does it (recorded)")
        parser.set_defaults(func=cmd_user_active, active=active)
    users.add_parser("list", help="list accounts: name, role, scope, active").set_defaults(func=cmd_user_list)
    history = users.add_parser("history", help="account events: created, password reset, (de)activated")
    history.add_argument("name", nargs="?")
    history.set_defaults(func=cmd_user_history)
