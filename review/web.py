"""Web plumbing shared by the review app and its pages: rendering with the session's user, role and CSRF
token, the CSRF check of every form, the account of the request and the role guards, and the Vietnamese
error page.

Who may do what (the pages call these guards; ``review.app`` also keeps a unit account inside its own
pages, whatever a page forgets):

=========  ==============================================================================================
reviewer   looks at everything, decides on figures
viewer     looks at everything, decides nothing
chair      looks at everything; decides on figures and enters verified scores and manual criteria for its
           one cluster-year (``Account.cluster_key``)
unit       only its own unit's submission pages (``UNIT_PATHS``): uploads, pre-check, its own sources
admin      looks at everything; manages accounts and cluster-years; decides on no figure or score
=========  ==============================================================================================
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from fastapi.exceptions import HTTPException
from fastapi.responses import Response

from models.roles import ROLES
from review.security import csrf_ok

MESSAGES = {
    400: "Yêu cầu không hợp lệ.",
    401: "Bạn cần đăng nhập.",
    403: "Bạn không có quyền thực hiện thao tác này, hoặc biểu mẫu đã hết hạn (tải lại trang rồi thử lại).",
    404: "Không tìm thấy trang hoặc mục được yêu cầu.",
    405: "Thao tác không được hỗ trợ.",
    422: "Dữ liệu gửi lên không hợp lệ.",
    429: "Quá nhiều lần đăng nhập sai. Vui lòng đợi rồi thử lại.",
}


ROLE_VI = ROLES  # role -> its Vietnamese name (models.roles)
#: the only paths a unit account may open (each with what is under it); everything else is 403 for it
UNIT_PATHS = ("/nop", "/logout", "/static", "/login")


def unit_may_open(path: str) -> bool:
    """Whole path segments only: "/nope" is not under "/nop"."""
    return any(path == p or path.startswith(p + "/") for p in UNIT_PATHS)


@dataclass(frozen=True)
class Account:
    """The logged-in account, read from the store at every request (a deactivated one is logged out)."""

    name: str
    role: str
    unit_id: str | None = None
    cluster_key: str | None = None

    def decides_for(self, cluster_key: str | None) -> bool:
        """May decide on the figures of this cluster-year's members (``None``: in no cluster)."""
        if self.role == "reviewer":
            return True
        return self.role == "chair" and cluster_key is not None and cluster_key == self.cluster_key


def account(request: Request) -> Account:
    found = getattr(request.state, "account", None)
    if found is None:
        raise HTTPException(401, MESSAGES[401])
    return found


def require_role(request: Request, *roles: str) -> Account:
    """The account, if its role is one of ``roles``; else 403 naming who may."""
    me = account(request)
    if me.role not in roles:
        allowed = ", ".join(ROLE_VI[r] for r in roles)
        raise HTTPException(403, f"Thao tác này dành cho tài khoản: {allowed}.")
    return me


def require_chair_of(request: Request, cluster_key: str) -> Account:
    """The chair account of this cluster-year; any other account gets 403."""
    me = require_role(request, "chair")
    if me.cluster_key != cluster_key:
        raise HTTPException(403, f"Tài khoản {me.name} chỉ thẩm định cụm {me.cluster_key}.")
    return me


def render(request: Request, template: str, context: dict, status: int = 200) -> Response:
    me = getattr(request.state, "account", None)
    base = {
        "user": request.session.get("user"),
        "role": request.session.get("role"),
        "role_vi": ROLE_VI.get(request.session.get("role") or "", ""),
        "account": me,
        "csrf": request.session.get("csrf", ""),
    }
    return request.app.state.templates.TemplateResponse(
        request, template, {**base, **context}, status_code=status
    )


def error_page(request: Request, status: int, detail: str | None) -> Response:
    message = detail or MESSAGES.get(status, "Đã xảy ra lỗi.")
    if "session" not in request.scope:  # the error happened before the session middleware ran
        request.scope["session"] = {}
    return render(request, "error.html", {"status": status, "message": message}, status=status)


def require_csrf(request: Request, form) -> None:
    if not csrf_ok(request.session.get("csrf"), form.get("csrf")):
        raise HTTPException(
            403, "Biểu mẫu đã hết hạn hoặc không hợp lệ (mã CSRF). Tải lại trang rồi thử lại."
        )


def require_reviewer(request: Request, cluster_key: str | None = None) -> str:
    """The name of an account that may decide on figures of this cluster-year (a reviewer; the chair of
    ``cluster_key``); else 403."""
    me = account(request)
    if not me.decides_for(cluster_key):
        if me.role == "chair":
            raise HTTPException(403, f"Tài khoản {me.name} chỉ ra quyết định cho cụm {me.cluster_key}.")
        raise HTTPException(
            403, f"Tài khoản {ROLE_VI.get(me.role, me.role)} ({me.role}) không được ra quyết định."
        )
    return me.name
