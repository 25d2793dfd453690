"""Web plumbing shared by the review app and its pages: rendering with the session's user, role and CSRF
token, the CSRF check of every form, the reviewer-only guard, and the Vietnamese error page."""

from __future__ import annotations

from fastapi import Request
from fastapi.exceptions import HTTPException
from fastapi.responses import Response

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


def render(request: Request, template: str, context: dict, status: int = 200) -> Response:
    base = {
        "user": request.session.get("user"),
        "role": request.session.get("role"),
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


def require_reviewer(request: Request) -> str:
    if request.session.get("role") != "reviewer":
        raise HTTPException(403, "Tài khoản xem (viewer) không được ra quyết định.")
    return str(request.session["user"])
