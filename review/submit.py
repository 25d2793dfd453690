"""The unit's submission pages (``/nop``): its cluster-years with their deadlines and uploads, the two upload
forms (report, self-score sheet), the pre-check of each upload and the download of its own original.

Only wiring: :mod:`extractors.submission` keeps and extracts, :mod:`extractors.precheck` says what was
read. Every route takes the unit from the logged-in account, never from the request: a unit sees, sends
and downloads for its own unit only (another unit's upload is 404, another cluster-year 403).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fastapi import APIRouter, BackgroundTasks, HTTPException, Request
from fastapi.responses import FileResponse, RedirectResponse, Response

from extractors.precheck import STATE_VI, deadline_open, precheck
from extractors.readers.limits import MB, Limits, mb
from extractors.submission import accept_upload, extract_upload, stage_stream
from extractors.upload_checks import ALLOWED, allowed_vi
from models.clusters import Cluster, default_clusters
from review.web import render, require_csrf, require_role

router = APIRouter()
KIND_OF_PATH = {"bao-cao": "report", "tu-cham": "self_score"}
MEDIA = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
ACCEPT = {kind: ",".join(f".{f}" for f in formats) for kind, formats in ALLOWED.items()}  # <input accept>
CHUNK = 1 << 20


def my_unit(request: Request) -> str:
    """The unit of the logged-in unit account (403 for any other account)."""
    me = require_role(request, "unit")
    if not me.unit_id:
        raise HTTPException(403, "Tài khoản đơn vị này chưa được gắn với đơn vị nào.")
    return me.unit_id


def my_clusters(unit_id: str) -> list[Cluster]:
    """Every cluster-year the unit belongs to, newest first."""
    found = [c for c in default_clusters().clusters if unit_id in c.members]
    return sorted(found, key=lambda c: (-c.year, c.key))


def member_cluster(unit_id: str, cluster: str, year: int) -> Cluster:
    try:
        found = default_clusters().get(cluster, year)
    except KeyError:
        raise HTTPException(404, f"Không có cụm thi đua «{cluster}» năm {year}.") from None
    if unit_id not in found.members:
        raise HTTPException(403, f"Đơn vị không thuộc {found.name} năm {found.year}.")
    return found


@router.get("/nop")
async def submissions(request: Request) -> Response:
    unit_id = my_unit(request)
    store = request.app.state.store
    years = []
    for cluster in my_clusters(unit_id):
        uploads = [u for u in store.uploads_for(unit_id, cluster.year) if u.cluster_key == cluster.key]
        years.append(
            {
                "cluster": cluster,
                "open": deadline_open(cluster.deadline),
                "uploads": [(u, STATE_VI[precheck(store, u.id).state]) for u in uploads],
            }
        )
    limit = mb(Limits.from_env().max_file_bytes)
    context = {"years": years, "unit_id": unit_id, "limit": limit, "accept": ACCEPT}
    context["allowed"] = {kind: allowed_vi(kind) for kind in ALLOWED}
    return render(request, "submit.html", context)


@router.post("/nop/{cluster}/{year}/bao-cao")
async def upload_report(request: Request, cluster: str, year: int, background: BackgroundTasks) -> Response:
    return await receive(request, cluster, year, "bao-cao", background)


@router.post("/nop/{cluster}/{year}/tu-cham")
async def upload_sheet(request: Request, cluster: str, year: int, background: BackgroundTasks) -> Response:
    return await receive(request, cluster, year, "tu-cham", background)


async def receive(
    request: Request, cluster: str, year: int, kind: str, background: BackgroundTasks
) -> Response:
    """Check the account and the form, copy the file in (never more than the limit + 1 byte), keep and
    record it, and send the unit to its pre-check; a report is extracted after the response."""
    unit_id = my_unit(request)
    limits = Limits.from_env()
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_file_bytes + MB:  # refused before reading it
        raise HTTPException(
            413, f"Tệp vượt giới hạn {mb(limits.max_file_bytes)} MB. Vui lòng giảm dung lượng."
        )
    form = await request.form(max_files=1, max_fields=5)
    try:
        require_csrf(request, form)
        target = member_cluster(unit_id, cluster, year)
        sent = form.get("file")
        if sent is None or isinstance(sent, str) or not sent.filename:
            raise HTTPException(400, "Chưa chọn tệp. Vui lòng chọn tệp rồi bấm «Nộp».")
        store = request.app.state.store
        staged = stage_stream(store, lambda: sent.file.read(CHUNK), limits.max_file_bytes)
        try:
            result = accept_upload(
                store,
                data_path=staged,
                original_name=sent.filename,
                kind=KIND_OF_PATH[kind],
                account_unit=unit_id,
                cluster=target,
                by=request.session.get("user", unit_id),
                now=datetime.now(UTC),
                limits=limits,
                run=False,
            )
        finally:
            Path(staged).unlink(missing_ok=True)
    finally:
        await form.close()
    if result.accepted and result.kind == "report":
        pool = request.app.state.extractor
        # the redirect does not wait for it; the pre-check page follows it
        background.add_task(extract_upload, store, result.upload_id, extract=pool.extract if pool else None)
    return RedirectResponse(f"/nop/ho-so/{result.upload_id}", status_code=303)


def own_upload(request: Request, upload_id: int):
    """The upload, if it is the account's own unit's; 404 otherwise (another unit's ids are not told apart
    from ids that do not exist)."""
    unit_id = my_unit(request)
    found = request.app.state.store.upload(upload_id)
    if found is None or found.unit_id != unit_id:
        raise HTTPException(404, "Không tìm thấy hồ sơ này.")
    return found


@router.get("/nop/ho-so/{upload_id}")
async def upload_page(request: Request, upload_id: int) -> Response:
    found = own_upload(request, upload_id)
    check = precheck(request.app.state.store, found.id)
    cluster = next((c for c in my_clusters(found.unit_id) if c.key == found.cluster_key), None)
    context = {"check": check, "up": found, "cluster": cluster, "accept": ACCEPT}
    context["allowed"] = {kind: allowed_vi(kind) for kind in ALLOWED}
    response = render(request, "submit_check.html", context)
    if check.state == "pending":
        response.headers["Refresh"] = "2"  # the page follows the extraction running in the background
    return response


@router.get("/nop/ho-so/{upload_id}/ban-goc")
async def original(request: Request, upload_id: int) -> Response:
    found = own_upload(request, upload_id)
    if not found.stored_path:
        raise HTTPException(404, "Tệp này đã bị từ chối khi nộp nên không được lưu.")
    path = request.app.state.store.settings.home / found.stored_path
    if not path.is_file():
        raise HTTPException(404, "Không tìm thấy bản gốc của tệp.")
    # Starlette encodes a name that is not plain ASCII (or holds quotes) as filename*=utf-8''…
    return FileResponse(
        path, media_type=MEDIA.get(path.suffix, "application/octet-stream"), filename=found.original_name
    )
