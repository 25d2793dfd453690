"""The review web app: login, sessions, error handlers; the pages are in ``review.pages`` and the plumbing
both use (rendering, CSRF, roles, error pages) in ``review.web``, so imports run one way: app -> pages -> web.

Every page but ``/login`` and ``/static`` needs a login session (else a redirect to ``/login``); every
form post needs the session's CSRF token (else 403); viewers may look but not decide; errors are shown in
Vietnamese and never as a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from http import HTTPStatus
from importlib import resources
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from extractors.pool import OnDemandPool
from models.store import Store
from review.admin import router as admin_router
from review.pages import router
from review.render import make_templates
from review.security import LoginLimiter, new_csrf_token, verify_password
from review.settings import ReviewSettings
from review.submit import router as submit_router
from review.verify import router as verify_router
from review.web import Account, error_page, render, require_csrf, unit_may_open

log = logging.getLogger(__name__)
PUBLIC = ("/login", "/static/")
UNIT_ONLY = "Tài khoản đơn vị chỉ mở được các trang nộp hồ sơ của đơn vị mình."
LANDING = {"unit": "/nop", "admin": "/admin", "chair": "/dashboard"}  # where each role starts


def create_app(settings: ReviewSettings | None = None) -> FastAPI:
    settings = settings or ReviewSettings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if app.state.extractor is not None:
            app.state.extractor.close()

    app = FastAPI(
        title="thidua — rà soát số liệu", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan
    )
    app.state.settings = settings
    app.state.store = Store.open(settings.store)
    # uploads are extracted in worker processes, started at the first one (see OnDemandPool)
    app.state.extractor = OnDemandPool(settings.extract_workers) if settings.extract_workers else None
    app.state.templates = make_templates()
    app.state.limiter = LoginLimiter()

    @app.middleware("http")
    async def require_login(request: Request, call_next):
        path = request.url.path
        me = _account(app.state.store, request) if request.session.get("user") else None
        if me is None and request.session.get("user"):
            request.session.clear()  # deactivated or removed since the login: log out
        request.state.account = me
        if not path.startswith(PUBLIC) and me is None:
            target = quote(str(request.url.path) + (f"?{request.url.query}" if request.url.query else ""))
            return RedirectResponse(f"/login?next={target}", status_code=303)
        if me is not None and me.role == "unit" and not unit_may_open(path):
            # a unit account sees its own submission pages only, whatever route a page may add later
            response = error_page(
                request, 403, "Tài khoản đơn vị chỉ mở được các trang nộp hồ sơ của đơn vị."
            )
        else:
            response = await call_next(request)
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    # added after require_login so that it runs first and the session exists when require_login reads it
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie="thidua_session",
        max_age=settings.session_hours * 3600,
        same_site="strict",
        https_only=settings.cookie_secure,
    )
    static = resources.files("review").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        # our own details are Vietnamese sentences; the framework's defaults ("Not Found") are replaced
        ours = isinstance(exc.detail, str) and exc.detail != HTTPStatus(exc.status_code).phrase
        return error_page(request, exc.status_code, exc.detail if ours else None)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return error_page(request, 422, None)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("review app: unexpected error on %s", request.url.path)
        return error_page(
            request, 500, "Đã xảy ra lỗi ngoài ý muốn; thao tác chưa được ghi. Vui lòng thử lại."
        )

    @app.get("/login", response_class=HTMLResponse)
    async def login_form(request: Request, next: str = "") -> Response:
        request.session.setdefault("csrf", new_csrf_token())
        return render(request, "login.html", {"next": _safe_next(next, ""), "error": None})

    @app.post("/login", response_class=HTMLResponse)
    async def login(request: Request) -> Response:
        form = await request.form()
        require_csrf(request, form)
        name, password = str(form.get("username", "")).strip(), str(form.get("password", ""))
        address = request.client.host if request.client else "?"
        wait = app.state.limiter.blocked(address, name)
        if wait:
            message = f"Quá nhiều lần đăng nhập sai. Vui lòng thử lại sau {int(wait) + 1} giây."
            return render(request, "login.html", {"next": "", "error": message}, status=429)
        user = app.state.store.get_user(name) if name else None
        if user is None or not user.active or not verify_password(password, user.password_hash):
            app.state.limiter.failed(address, name)
            error = "Tên đăng nhập hoặc mật khẩu không đúng."
            return render(
                request,
                "login.html",
                {"next": _safe_next(str(form.get("next", "")), ""), "error": error},
                401,
            )
        app.state.limiter.succeeded(address, name)
        request.session.clear()  # a fresh session (and CSRF token) at every login
        request.session.update(user=user.name, role=user.role, csrf=new_csrf_token())
        landing = LANDING.get(user.role, "/queue")
        return RedirectResponse(_safe_next(str(form.get("next", "")), landing), status_code=303)

    @app.post("/logout")
    async def logout(request: Request) -> Response:
        require_csrf(request, await request.form())
        request.session.clear()
        return RedirectResponse("/login", status_code=303)

    app.include_router(router)
    app.include_router(submit_router)
    app.include_router(admin_router)
    app.include_router(verify_router)
    return app


def _account(store: Store, request: Request) -> Account | None:
    user = store.get_user(str(request.session["user"]))
    if user is None or not user.active or user.role != request.session.get("role"):
        return None
    return Account(user.name, user.role, user.unit_id, user.cluster_key)


def _safe_next(target: str, default: str = "/queue") -> str:
    """Only local paths: a login link must not send the official to another site."""
    return target if target.startswith("/") and not target.startswith("//") else default
