"""The admin pages: accounts (create, reset a password, deactivate, reactivate) and cluster-years (set up a
year as a copy of the previous one, or a new cluster), the web side of ``thidua user`` and ``thidua
cluster``.

Every route checks the admin role itself (``review.app`` keeps unit accounts out too), every post checks
the CSRF token first; every change records the admin who made it (account events, ``set_by`` of the
cluster file). Bad input re-renders the form with a Vietnamese message and what was typed, status 400.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from models.clusters import Cluster, default_clusters
from models.schema import USER_ROLES
from models.units import LEVELS, Unit, default_registry
from review.security import check_password, hash_password
from review.web import ROLE_VI, render, require_csrf, require_role
from scoring.cluster_setup import copy_cluster, new_cluster, origin_vi, save_cluster

router = APIRouter()
_NAME = re.compile(r"^[A-Za-z0-9._-]+$")


def _flash(request: Request, message: str) -> None:
    request.session["flash"] = message  # shown once by the next GET /admin (a signed cookie, not a URL)


def _units() -> list[Unit]:
    order = list(LEVELS)
    return sorted(default_registry().units, key=lambda u: (order.index(u.level), u.name, u.id))


def _scope_vi(scope: str | None, names: dict[str, str]) -> str:
    """A unit id or a cluster-year key as the page names it: "Phường Hoàn Kiếm", "Cụm thi đua số 8 (2024)"."""
    if not scope:
        return ""
    return names.get(scope, scope)


def _detail_vi(detail: str | None, names: dict[str, str]) -> str:
    """An account event's detail ("unit phuong-hoan-kiem", as the store keeps it) in Vietnamese."""
    role, _, scope = (detail or "").partition(" ")
    if role not in ROLE_VI:
        return detail or ""
    return ROLE_VI[role] + (f" — {_scope_vi(scope, names)}" if scope else "")


def _admin_page(request: Request, error: str | None = None, typed: dict | None = None, status: int = 200):
    store = request.app.state.store
    units = _units()
    names = {u.id: u.name for u in units}
    clusters = sorted(default_clusters().clusters, key=lambda c: (c.organiser, c.number, -c.year))
    scopes = {**names, **{c.key: f"{c.name} ({c.year})" for c in clusters}}
    context = {
        "users": store.list_users(),
        "events": list(reversed(store.account_events()))[:50],
        "scope_vi": lambda u: _scope_vi(u.unit_id or u.cluster_key, scopes),
        "detail_vi": lambda e: _detail_vi(e.detail, scopes),
        "ROLE_VI": ROLE_VI,
        "roles": USER_ROLES,
        "units": units,
        "LEVELS": LEVELS,
        "clusters": clusters,
        "names": names,
        "origin_vi": origin_vi,
        "flash": request.session.pop("flash", None),
        "error": error,
        "typed": typed or {},
    }
    return render(request, "admin.html", context, status)


@router.get("/admin", response_class=HTMLResponse)
async def admin_home(request: Request) -> Response:
    require_role(request, "admin")
    return _admin_page(request)


def _new_password(form) -> str:
    return check_password(str(form.get("password", "")), str(form.get("password2", "")))


def _account_scope(role: str, unit_id: str, cluster_key: str) -> dict[str, str]:
    if role not in USER_ROLES:
        raise ValueError(f"Vai trò «{role}» không hợp lệ; chọn một trong: {', '.join(ROLE_VI.values())}.")
    if role == "unit":
        if not unit_id:
            raise ValueError("Tài khoản đơn vị cần chọn đơn vị.")
        if unit_id not in {u.id for u in default_registry().units}:
            raise ValueError(f"Đơn vị «{unit_id}» không có trong danh mục.")
        return {"unit_id": unit_id}
    if role == "chair":
        if not cluster_key:
            raise ValueError("Tài khoản cụm trưởng, cụm phó cần chọn cụm thi đua và năm.")
        if cluster_key not in {c.key for c in default_clusters().clusters}:
            raise ValueError(f"Cụm-năm «{cluster_key}» chưa được thiết lập.")
        return {"cluster_key": cluster_key}
    return {}


@router.post("/admin/users", response_class=HTMLResponse)
async def create_user(request: Request) -> Response:
    form = await request.form()
    require_csrf(request, form)
    me = require_role(request, "admin")
    store = request.app.state.store
    typed = {k: str(form.get(k, "")).strip() for k in ("name", "role", "unit_id", "cluster_key")}
    try:
        name = typed["name"]
        if not _NAME.match(name):
            raise ValueError("Tên đăng nhập chỉ gồm chữ không dấu, số, '.', '_' hoặc '-'.")
        if store.get_user(name) is not None:
            raise ValueError(f"Tên đăng nhập «{name}» đã có; chọn tên khác.")
        scope = _account_scope(typed["role"], typed["unit_id"], typed["cluster_key"])
        password = _new_password(form)
        store.add_user(name, typed["role"], hash_password(password), by=me.name, **scope)
    except ValueError as exc:
        return _admin_page(request, str(exc), typed, 400)
    _flash(request, f"Đã tạo tài khoản {name} ({ROLE_VI[typed['role']]}).")
    return RedirectResponse("/admin", status_code=303)


def _existing(request: Request, name: str):
    user = request.app.state.store.get_user(name)
    if user is None:
        raise HTTPException(404, f"Không có tài khoản «{name}».")
    return user


@router.post("/admin/users/{name}/password", response_class=HTMLResponse)
async def reset_password(request: Request, name: str) -> Response:
    form = await request.form()
    require_csrf(request, form)
    me = require_role(request, "admin")
    _existing(request, name)
    try:
        password = _new_password(form)
    except ValueError as exc:
        return _admin_page(request, f"Đặt lại mật khẩu của {name}: {exc}", None, 400)
    request.app.state.store.set_password(name, hash_password(password), by=me.name)
    _flash(request, f"Đã đặt lại mật khẩu của {name}.")
    return RedirectResponse("/admin", status_code=303)


@router.post("/admin/users/{name}/active", response_class=HTMLResponse)
async def set_active(request: Request, name: str) -> Response:
    form = await request.form()
    require_csrf(request, form)
    me = require_role(request, "admin")
    user = _existing(request, name)
    active = str(form.get("active", "")) == "1"
    if not active and name == me.name:
        return _admin_page(request, "Không thể tự khóa tài khoản quản trị đang dùng.", None, 400)
    if active != user.active:
        request.app.state.store.set_active(name, active, by=me.name)
    _flash(request, f"Đã {'mở khóa' if active else 'khóa'} tài khoản {name}.")
    return RedirectResponse("/admin", status_code=303)


@dataclass
class ClusterForm:
    """The values of the cluster-year form, as prefilled from a copy or as typed (strings, unchecked)."""

    organiser: str = "ubnd-tp-ha-noi"
    organiser_name: str = ""
    number: str = ""
    year: str = ""
    name: str = ""
    members: list[str] = field(default_factory=list)
    chair: str = ""
    vices: list[str] = field(default_factory=list)
    scoring: str = "default.v1"
    deadline: str = ""
    source: str = ""  # "<cluster id>.<year>" copied, shown only
    copy: bool = False

    @classmethod
    def of(cls, cluster: Cluster, source: str = "") -> ClusterForm:
        return cls(
            organiser=cluster.organiser,
            organiser_name=cluster.organiser_name,
            number=str(cluster.number),
            year=str(cluster.year),
            name=cluster.name,
            members=list(cluster.members),
            chair=cluster.chair or "",
            vices=list(cluster.vices),
            scoring=cluster.scoring,
            deadline=cluster.deadline.isoformat() if cluster.deadline else "",
            source=source,
            copy=bool(source),
        )

    @classmethod
    def typed(cls, form) -> ClusterForm:
        text = {k: str(form.get(k, "")).strip() for k in ("organiser", "organiser_name", "number", "year")}
        more = {k: str(form.get(k, "")).strip() for k in ("name", "chair", "scoring", "deadline", "source")}
        return cls(
            **text,
            **more,
            members=[str(v) for v in form.getlist("members")],
            vices=[str(v) for v in form.getlist("vices") if str(v)],
            copy=bool(more["source"]),
        )

    def cluster(self) -> Cluster:
        """The cluster-year these values describe; ValueError in Vietnamese when one is malformed."""
        numbers = {}
        for label, text in (("Số cụm", self.number), ("Năm", self.year)):
            if not text.isdigit():
                raise ValueError(f"{label} phải là số nguyên (đã nhập «{text}»).")
            numbers[label] = int(text)
        try:
            deadline = date.fromisoformat(self.deadline) if self.deadline else None
        except ValueError:
            raise ValueError(
                f"Hạn nộp «{self.deadline}» không phải một ngày (chọn ngày trên lịch: năm-tháng-ngày)."
            ) from None
        return new_cluster(
            self.organiser,
            numbers["Số cụm"],
            numbers["Năm"],
            self.members,
            self.chair,
            vices=self.vices,
            name=self.name,
            organiser_name=self.organiser_name,
            scoring=self.scoring,
            deadline=deadline,
        )


def _cluster_form(request: Request, values: ClusterForm, error: str | None = None, status: int = 200):
    from scoring.config import bundled_configs

    existing = {c.key: c for c in default_clusters().clusters}
    key = f"{values.organiser}.cum-{values.number}.{values.year}"
    context = {
        "values": values,
        "units": _units(),
        "LEVELS": LEVELS,
        "configs": sorted({*bundled_configs(), values.scoring} - {""}),
        "existing": existing.get(key),
        "origin_vi": origin_vi,
        "error": error,
    }
    return render(request, "admin_cluster.html", context, status)


@router.get("/admin/cum/new", response_class=HTMLResponse)
async def cluster_new(request: Request) -> Response:
    """The form of a new cluster-year, prefilled from ``from`` / ``from_year`` (a copy for ``year``)."""
    require_role(request, "admin")
    params = request.query_params
    source, from_year = params.get("from", ""), params.get("from_year", "")
    if not source:
        return _cluster_form(request, ClusterForm(year=params.get("year", "")))
    try:
        earlier = default_clusters().get(source, int(from_year))
        year = int(params.get("year") or int(from_year) + 1)
    except (KeyError, ValueError):
        raise HTTPException(404, f"Không có cụm «{source}» năm «{from_year}» để sao chép.") from None
    return _cluster_form(request, ClusterForm.of(copy_cluster(earlier, year), earlier.key))


@router.post("/admin/cum", response_class=HTMLResponse)
async def cluster_save(request: Request) -> Response:
    form = await request.form()
    require_csrf(request, form)
    me = require_role(request, "admin")
    values = ClusterForm.typed(form)
    try:
        cluster = values.cluster()
        save_cluster(cluster, by=me.name)
    except ValueError as exc:
        return _cluster_form(request, values, str(exc), 400)
    _flash(request, f"Đã lưu {cluster.name} năm {cluster.year} ({cluster.key}).")
    return RedirectResponse(f"/admin?{urlencode({'cum': cluster.key})}#cum", status_code=303)
