"""The review app and the HTTP API on one FastAPI application (`vanthu serve`).

Pages (Jinja2, server-rendered, a little JavaScript for boxes and shortcuts) and /api/* share
the store, the roles and the CSRF check. OpenAPI at /docs."""
from __future__ import annotations

import base64
import binascii
import json
import secrets
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Literal

from fastapi import Depends, FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi import Path as FPath
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from sqlalchemy import select, update

from intake.ingest import outbox_path
from intake.workspace import Workspace, write_atomic
from models import Settings, WebhookEvent, settings
from normalize.agencies import suggest_agencies
from normalize.text import search_key
from normalize.typed_values import typed_amount, typed_date
from stores import figures as doc_figures
from stores import links as doc_links
from stores import review
from stores.db import Store
from stores.db import database_url as resolve_database_url
from stores.intake import get as intake_row
from stores.review_schema import DocumentReview, Job, Webhook, WebhookDelivery
from stores.schema import BudgetRow, CatalogRow, DocumentRow, ExtractionRun, TaskRow
from web import auth, i18n
from web.jobs import JobRunner, job_dict, new_job, save_upload
from web.render import RenderError, docx_located, page_source
from web.review_view import shown_items
from web.warm import PageWarmer, cached_page, source_path
from web.webhooks import DeliveryLoop, TargetRefused, check_target

HERE = Path(__file__).resolve().parent
PAGE_SIZE = 50
MAX_API_LIMIT = 200


@dataclass
class Context:
    store: Store
    url: str
    root: Path
    cfg: Settings
    jobs: JobRunner
    deliveries: DeliveryLoop | None
    warmer: PageWarmer | None = None

    @property
    def cache(self) -> Path:
        return self.root / "cache"


class ApiError(Exception):
    def __init__(self, status: int, reason: str, message: str = ""):
        super().__init__(message or reason)
        self.status, self.reason, self.message = status, reason, message or reason


def create_app(database_url: str | None = None, root: Path | None = None, cfg: Settings | None = None,
               background: bool = True, deliveries: bool = True) -> FastAPI:
    """background: the upload worker and (with `deliveries`) the webhook delivery loop run beside
    the server."""
    cfg = cfg or settings()
    root = Path(root or cfg.serve_root).resolve()
    store = Store.open(resolve_database_url(database_url, root))   # the root's queue, as watch and status open it
    url = store.engine.url.render_as_string(hide_password=False)
    warmer = PageWarmer(store, root) if background else None
    ctx = Context(store, url, root, cfg, JobRunner(store, url, root, on_done=warmer.submit if warmer else None),
                  DeliveryLoop(store, cfg.webhook_allow) if background and deliveries else None, warmer)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if background:
            ctx.jobs.start()
            ctx.warmer.start()
        if ctx.deliveries is not None:
            ctx.deliveries.start()
        yield
        ctx.jobs.stop()
        if ctx.warmer is not None:
            ctx.warmer.stop()
        if ctx.deliveries is not None:
            ctx.deliveries.stop()

    # /docs is served from installed files (an office network has no CDN); no ReDoc
    app = FastAPI(title="vanthu", description="Review app and API for extracted Vietnamese official documents",
                  version="1", lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.ctx = ctx
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(fmt_number=i18n.fmt_number, fmt_date=i18n.fmt_date, fmt_money=i18n.fmt_money,
                                 readable=i18n.readable)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    _api_docs(app)
    _routes(app, ctx, templates)
    return app


def _api_docs(app: FastAPI) -> None:
    """Swagger UI from the installed package's files (fastapi-offline ships Swagger UI 5, which
    reads the OpenAPI 3.1 FastAPI writes; swagger-ui-bundle's 4.15 cannot), and an OpenAPI that
    says how to sign in: a bearer token (`Authorization: Bearer vt_…`) or the session cookie."""
    import fastapi_offline
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.openapi.utils import get_openapi
    assets = Path(fastapi_offline.__file__).parent / "static"
    app.mount("/docs-assets", StaticFiles(directory=str(assets)), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def swagger_ui():
        return get_swagger_ui_html(openapi_url="/openapi.json", title="vanthu API",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css",
                                   swagger_favicon_url="/docs-assets/favicon.png")

    def openapi() -> dict:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            schema.setdefault("components", {})["securitySchemes"] = {
                "bearer": {"type": "http", "scheme": "bearer", "description": "an API token (`vanthu token`)"},
                "session": {"type": "apiKey", "in": "cookie", "name": auth.SESSION_COOKIE,
                            "description": "the review app's sign-in; writes also need the X-CSRF-Token header"}}
            schema["security"] = [{"bearer": []}, {"session": []}]
            app.openapi_schema = schema
        return app.openapi_schema
    app.openapi = openapi


# -- who is asking --------------------------------------------------------------------------------
def _principal(request: Request) -> auth.Principal | None:
    ctx: Context = request.app.state.ctx
    return auth.from_bearer(ctx.store, request.headers.get("authorization")) or \
        auth.from_session(ctx.store, request.cookies.get(auth.SESSION_COOKIE))


def _lang(request: Request) -> str:
    lang = request.query_params.get("lang") or request.cookies.get("lang") or "vi"
    return lang if lang in i18n.LANGS else "vi"


def need(role: str, write: bool = False):
    """A dependency: the caller, with at least `role`; writes from a browser carry its CSRF token."""
    def check(request: Request) -> auth.Principal:
        who = _principal(request)
        if who is None:
            raise ApiError(401, "unauthenticated", "sign in or send a bearer token")
        if not who.can(role):
            raise ApiError(403, "forbidden", f"needs the {role} role")
        if write and not auth.csrf_ok(who, request.headers.get("x-csrf-token")):
            raise ApiError(403, "csrf", "missing or wrong CSRF token")
        return who
    return check


class PageAuth(Exception):
    def __init__(self, status: int, reason: str):
        self.status, self.reason = status, reason


def page_need(role: str):
    def check(request: Request) -> auth.Principal:
        who = _principal(request)
        if who is None:
            raise PageAuth(303, "login")
        if not who.can(role):
            raise PageAuth(403, "forbidden")
        return who
    return check


# -- request bodies -------------------------------------------------------------------------------
class CorrectionBody(BaseModel):
    field: Literal["document", "references", "dates", "amounts", "agencies", "tasks", "catalog", "budget"]
    target: str = Field(max_length=255)
    action: Literal["accept", "correct", "reject", "add"]
    new_value: dict | str | None = None
    reason: str | None = Field(None, max_length=2000)


class StateBody(BaseModel):
    state: Literal["new", "in_review", "reviewed", "rejected"]
    reason: str | None = Field(None, max_length=2000)


class WebhookBody(BaseModel):
    url: str = Field(pattern=r"^https?://", max_length=2000)
    events: list[WebhookEvent] = Field(min_length=1)
    secret: str | None = Field(None, min_length=16, max_length=128)


def _cursor(value: str | None) -> tuple[float, int] | None:
    if value is None:
        return None
    try:
        risk, doc_id = base64.urlsafe_b64decode(value.encode() + b"==").decode().split(":")
        return float(risk), int(doc_id)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise ApiError(422, "bad_cursor", "cursor is not one this API gave out")


def _make_cursor(risk: float, doc_id: int) -> str:
    return base64.urlsafe_b64encode(f"{risk}:{doc_id}".encode()).decode().rstrip("=")


def _queue_item(r) -> dict:
    return {"id": r["document_id"], "name": r["name"], "state": r["state"], "risk": r["risk"],
            "warnings": r["warnings"], "mismatches": r["mismatches"], "ocr_repairs": r["ocr_repairs"],
            "min_confidence": r["min_confidence"], "key": r["doc_key"], "doc_type": r["doc_type"],
            "issuer": r["issuer"], "date": r["doc_date"], "title": r["title"], "corrections": r["corrections"],
            "stale_corrections": r["stale_corrections"], "reviewed_by": r["reviewed_by"],
            "assigned_to": r["assigned_to"]}


# The queue's filters, as the queue page and GET /api/documents take them (saved filters keep these only).
QUEUE_FILTERS = ("state", "key", "agency", "doc_type", "date_from", "date_to", "q", "assigned")


def _who_is_me(f: dict, who: auth.Principal) -> dict:
    """'assigned=me' is the caller."""
    return {**f, "assigned": who.name} if f.get("assigned") == "me" else f


class AssignBody(BaseModel):
    to: str | None = Field(None, max_length=120, description="a reviewer's name, 'me', or null for no one")


class FilterBody(BaseModel):
    name: str = Field(min_length=1, max_length=80)
    query: dict[str, str] = Field(default_factory=dict, description="the queue filter: " + ", ".join(QUEUE_FILTERS))


def _source_path(ctx: Context, s, doc: DocumentRow) -> Path | None:
    return source_path(ctx.store, ctx.root, doc)


def _archived_source(ctx: Context, document_id: int) -> tuple[DocumentRow, Path]:
    """The document and its archived original, or the API's 404 saying which is missing."""
    with ctx.store.sessions() as s:
        doc = s.get(DocumentRow, document_id)
        if doc is None:
            raise ApiError(404, "not_found", f"no document {document_id}")
        path = _source_path(ctx, s, doc)
    if path is None:
        raise ApiError(404, "no_source", "the source file is not in the archive")
    return doc, path


def _with_boxes(ctx: Context, s, doc: DocumentRow, result: dict) -> dict:
    """A DOCX result gets its boxes on the rendered PDF's pages (lazily, cached)."""
    if result.get("source", {}).get("box_pages") or "wordprocessingml" not in doc.media_type:
        return result
    path = _source_path(ctx, s, doc)
    if path is None:
        return result
    from extract.errors import ExtractionError
    try:
        return docx_located(result, path.read_bytes(), doc.sha256, ctx.cache)
    except (RenderError, ExtractionError):
        return result


def publish(ctx: Context, s, document_id: int) -> Path | None:
    """A reviewed document's result to the stores (a run of its own) and to the outbox."""
    row = s.get(DocumentReview, document_id)
    if row is None or row.state != "reviewed":
        return None
    run = review.save_reviewed_run(s, document_id)
    doc = s.get(DocumentRow, document_id)
    irow = intake_row(ctx.store, doc.sha256)
    # the intake's own JSON, or the outbox's rule for a name (another document's JSON of the same name is kept)
    out = Path(irow.outbox_path) if irow and irow.outbox_path else \
        outbox_path(Workspace.of_root(ctx.root), Path(doc.path).name, doc.sha256)
    write_atomic(out, json.dumps(run.result, ensure_ascii=False, indent=1))
    return out


def _routes(app: FastAPI, ctx: Context, templates: Jinja2Templates) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return JSONResponse({"reason": exc.reason, "detail": exc.message}, status_code=exc.status)

    @app.exception_handler(PageAuth)
    async def page_auth(request: Request, exc: PageAuth):
        if exc.status == 303:
            return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
        return templates.TemplateResponse(request, "forbidden.html", _base(request, None), status_code=403)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if not request.url.path.startswith(("/docs", "/openapi", "/redoc")):
            response.headers.setdefault("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                                                                   "frame-ancestors 'none'")
        return response

    def _base(request: Request, who: auth.Principal | None, **kw) -> dict:
        lang = _lang(request)
        return {"who": who, "lang": lang, "t": lambda k: i18n.t(lang, k), "csrf": who.csrf if who else "", **kw}

    # -- sign in ------------------------------------------------------------------------------------
    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request, next: str = "/"):
        token = secrets.token_urlsafe(24)
        resp = templates.TemplateResponse(request, "login.html", _base(request, None, login_csrf=token,
                                                                         next=_local(next), error=None, name=""))
        resp.set_cookie("vanthu_login_csrf", token, httponly=True, samesite="strict", secure=ctx.cfg.secure_cookies)
        return resp

    @app.post("/login", include_in_schema=False)
    def login(request: Request, name: str = Form(max_length=120), password: str = Form(max_length=1000),
              csrf: str = Form(max_length=100), next: str = Form("/")):
        cookie = request.cookies.get("vanthu_login_csrf") or ""
        if not cookie or not secrets.compare_digest(cookie, csrf):
            return Response("CSRF check failed", status_code=403)
        remote = request.client.host if request.client else "?"
        try:
            token, _ = auth.sign_in(ctx.store, name, password, remote, ctx.cfg.session_hours,
                                    ctx.cfg.login_max_failures, ctx.cfg.login_window_minutes)
        except auth.AuthError as exc:
            fresh = secrets.token_urlsafe(24)
            resp = templates.TemplateResponse(request, "login.html", _base(
                request, None, login_csrf=fresh, next=_local(next), error=exc.reason, name=name),
                status_code=429 if exc.reason == "rate_limited" else 401)
            resp.set_cookie("vanthu_login_csrf", fresh, httponly=True, samesite="strict",
                            secure=ctx.cfg.secure_cookies)
            return resp
        resp = RedirectResponse(_local(next), status_code=303)
        resp.set_cookie(auth.SESSION_COOKIE, token, httponly=True, samesite="strict", secure=ctx.cfg.secure_cookies,
                        max_age=int(ctx.cfg.session_hours * 3600))
        resp.delete_cookie("vanthu_login_csrf")
        return resp

    @app.post("/logout", include_in_schema=False)
    def logout(request: Request, csrf: str = Form(max_length=100)):
        who = _principal(request)
        if who is not None and who.kind == "user" and auth.csrf_ok(who, csrf):
            auth.sign_out(ctx.store, request.cookies.get(auth.SESSION_COOKIE))
        resp = RedirectResponse("/login", status_code=303)
        resp.delete_cookie(auth.SESSION_COOKIE)
        return resp

    @app.get("/lang/{lang}", include_in_schema=False)
    def set_lang(lang: Literal["vi", "en"], next: str = "/"):
        resp = RedirectResponse(_local(next), status_code=303)
        resp.set_cookie("lang", lang, samesite="strict", httponly=True)
        return resp

    # -- pages --------------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def queue_page(request: Request, who: auth.Principal = Depends(page_need("viewer")),
                   state: str | None = Query(None, max_length=16), key: str | None = Query(None, max_length=160),
                   agency: str | None = Query(None, max_length=200), doc_type: str | None = Query(None, max_length=120),
                   date_from: str | None = Query(None, pattern=r"^\d{4}-\d{2}-\d{2}$|^$"),
                   date_to: str | None = Query(None, pattern=r"^\d{4}-\d{2}-\d{2}$|^$"),
                   q: str | None = Query(None, max_length=200), assigned: str | None = Query(None, max_length=120),
                   page: int = Query(1, ge=1, le=100000)):
        f = {k: v for k, v in dict(state=state, key=key, agency=agency, doc_type=doc_type, date_from=date_from,
                                   date_to=date_to, q=q, assigned=assigned).items() if v}
        with ctx.store.sessions() as s:
            rows = review.list_queue(s, _who_is_me(f, who), PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
            total = review.count_queue(s, _who_is_me(f, who))
            counts = review.state_counts(s)
            types = review.doc_types(s)
            saved = [{"id": x.id, "name": x.name, "query": _query_string(x.query)} for x in review.filters_of(s, who.name)]
        return templates.TemplateResponse(request, "queue.html", _base(
            request, who, rows=[_queue_item(r) for r in rows], total=total, counts=counts, types=types, f=f,
            page=page, pages=max(1, -(-total // PAGE_SIZE)), query=_query_string(f), saved=saved))

    @app.get("/documents/{document_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, document_id: int, who: auth.Principal = Depends(page_need("viewer"))):
        with ctx.store.sessions() as s:
            doc = s.get(DocumentRow, document_id)
            row = s.get(DocumentReview, document_id)
            if doc is None or row is None:
                raise HTTPException(404)
            extracted = _with_boxes(ctx, s, doc, review.extracted_result(s, document_id))
            reviewed = review.reviewed_result(s, document_id)
            corrections = {(c.field, c.target): c for c in review.corrections_of(s, document_id)}
            audit = review.audit_of(s, document_id, 100)
            nxt = s.execute(select(DocumentReview.document_id).where(
                DocumentReview.state.in_(("new", "in_review")), DocumentReview.document_id != document_id)
                .order_by(DocumentReview.risk.desc(), DocumentReview.document_id.desc()).limit(1)).scalar()
            path = _source_path(ctx, s, doc)
            links = doc_links.links_of(s, document_id)
        sizes = []
        if path is not None:
            try:
                sizes = page_source(path, doc.sha256, ctx.cache).sizes()
            except RenderError:
                sizes = []
        return templates.TemplateResponse(request, "document.html", _base(
            request, who, doc=doc, row=row, r=extracted, reviewed=reviewed, corrections=corrections, audit=audit,
            next_id=nxt, sizes=sizes, can_write=who.can("reviewer"), shown=shown_items(extracted, corrections),
            links=links, file_name=PurePath(doc.path).name))

    @app.get("/documents/{document_id}/pages/{number}.png", include_in_schema=False)
    @app.get("/documents/{document_id}/pages/{number}/image", include_in_schema=False)
    def page_image(document_id: int, number: int = FPath(ge=1, le=100000), thumb: bool = False,
                   who: auth.Principal = Depends(page_need("viewer"))):
        """A page as an image, PNG or (a heavy scan page) WebP, cached under the server's cache by
        content hash; `thumb` gives the page strip's small one. The '.png' path is kept for links
        made before; its answer says the real type."""
        with ctx.store.sessions() as s:
            doc = s.get(DocumentRow, document_id)
            if doc is None:
                raise HTTPException(404)
            path = _source_path(ctx, s, doc)
        if path is None:
            raise HTTPException(404)
        try:
            cached = cached_page(ctx.cache, doc.sha256, path, number, thumb)
        except RenderError as exc:
            raise HTTPException(404, exc.reason)
        media = "image/webp" if cached.suffix == ".webp" else "image/png"
        return FileResponse(cached, media_type=media, headers={"Cache-Control": "private, max-age=3600"})

    @app.get("/documents/{document_id}/pages/{number}/text", include_in_schema=False)
    def page_region_text(document_id: int, number: int = FPath(ge=1, le=100000),
                         x0: float = Query(ge=0, le=20000), top: float = Query(ge=0, le=20000),
                         x1: float = Query(ge=0, le=20000), bottom: float = Query(ge=0, le=20000),
                         who: auth.Principal = Depends(need("reviewer"))):
        """The text inside a box drawn on a page (to add an entity the extractor missed)."""
        doc, path = _archived_source(ctx, document_id)
        try:
            text = page_source(path, doc.sha256, ctx.cache).region_text(number, (x0, top, x1, bottom))
        except RenderError as exc:
            raise ApiError(404, exc.reason, str(exc))
        return {"page": number, "bbox": [x0, top, x1, bottom], "text": text}

    @app.get("/conflicts", response_class=HTMLResponse, include_in_schema=False)
    def conflicts_page(request: Request, who: auth.Principal = Depends(page_need("viewer")),
                       state: Literal["open", "closed", "all"] = "open"):
        with ctx.store.sessions() as s:
            items = doc_figures.conflicts_of(s, state)
        return templates.TemplateResponse(request, "conflicts.html", _base(
            request, who, items=items, state=state, can_write=who.can("reviewer")))

    @app.get("/scores", response_class=HTMLResponse, include_in_schema=False)
    def scores_page(request: Request, who: auth.Principal = Depends(page_need("viewer"))):
        with ctx.store.sessions() as s:
            scores = review.extractor_scores(s)
            n = review.state_counts(s)["reviewed"]
        return templates.TemplateResponse(request, "scores.html", _base(request, who, scores=scores, n=n))

    # -- API: documents -----------------------------------------------------------------------------
    @app.get("/api/documents", tags=["documents"])
    def api_documents(who: auth.Principal = Depends(need("viewer")),
                      state: Literal["new", "in_review", "reviewed", "rejected"] | None = None,
                      key: str | None = Query(None, max_length=160), agency: str | None = Query(None, max_length=200),
                      doc_type: str | None = Query(None, max_length=120),
                      date_from: str | None = Query(None, pattern=r"^\d{4}-\d{2}-\d{2}$"),
                      date_to: str | None = Query(None, pattern=r"^\d{4}-\d{2}-\d{2}$"),
                      q: str | None = Query(None, max_length=200), assigned: str | None = Query(None, max_length=120),
                      limit: int = Query(50, ge=1, le=MAX_API_LIMIT), cursor: str | None = Query(None, max_length=200)):
        """The review queue, highest risk first; pass `next_cursor` back as `cursor` for the next page.
        `assigned`: documents given to that reviewer (`me`: to the caller)."""
        f = {k: v for k, v in dict(state=state, key=key, agency=agency, doc_type=doc_type, date_from=date_from,
                                   date_to=date_to, q=q, assigned=assigned).items() if v}
        with ctx.store.sessions() as s:
            rows = review.list_queue(s, _who_is_me(f, who), limit + 1, after=_cursor(cursor))
        more = len(rows) > limit
        rows = rows[:limit]
        return {"items": [_queue_item(r) for r in rows],
                "next_cursor": _make_cursor(rows[-1]["risk"], rows[-1]["document_id"]) if more else None}

    @app.get("/api/documents/{document_id}", tags=["documents"])
    def api_document(document_id: int, version: Literal["extracted", "reviewed"] = "extracted",
                     who: auth.Principal = Depends(need("viewer"))):
        """The output contract (ExtractionResult); `reviewed`: with the analysts' corrections and `review`."""
        with ctx.store.sessions() as s:
            doc = s.get(DocumentRow, document_id)
            if doc is None or s.get(DocumentReview, document_id) is None:
                raise ApiError(404, "not_found", f"no document {document_id}")
            if version == "reviewed":
                return review.reviewed_result(s, document_id)
            return _with_boxes(ctx, s, doc, review.extracted_result(s, document_id))

    @app.get("/api/documents/{document_id}/source", tags=["documents"])
    def api_source(document_id: int, who: auth.Principal = Depends(need("viewer"))):
        """The original file, as archived."""
        doc, path = _archived_source(ctx, document_id)
        return FileResponse(path, media_type=doc.media_type, filename=Path(doc.path).name)

    @app.get("/api/documents/{document_id}/links", tags=["documents"])
    def api_links(document_id: int, who: auth.Principal = Depends(need("viewer"))):
        """What the document cites and what cites it, typed (căn cứ, thay thế, sửa đổi, bãi bỏ, …),
        each resolved to the stored document it names or null (not in the archive); `status`:
        `replaced` or `repealed` (with the document that says so) or `in_force`."""
        with ctx.store.sessions() as s:
            if s.get(DocumentReview, document_id) is None:
                raise ApiError(404, "not_found", f"no document {document_id}")
            return doc_links.links_of(s, document_id)

    @app.get("/api/graph", tags=["documents"])
    def api_graph(key: str = Query(..., min_length=3, max_length=160), depth: int = Query(1, ge=1, le=3),
                  who: auth.Principal = Depends(need("viewer"))):
        """The documents around a số/ký hiệu ('57-NQ/TW'), `depth` links away both ways: nodes (stored
        documents, and keys cited but not in the archive) and typed edges, citing → cited."""
        with ctx.store.sessions() as s:
            return doc_links.graph_of(s, key, depth)

    @app.get("/api/documents/{document_id}/audit", tags=["review"])
    def api_audit(document_id: int, who: auth.Principal = Depends(need("viewer"))):
        with ctx.store.sessions() as s:
            if s.get(DocumentRow, document_id) is None:
                raise ApiError(404, "not_found", f"no document {document_id}")
            return [{"id": a.id, "at": a.at.isoformat(), "user": a.user_name, "action": a.action, "field": a.field,
                     "target": a.target, "old_value": a.old_value, "new_value": a.new_value, "reason": a.reason}
                    for a in review.audit_of(s, document_id)]

    @app.post("/api/documents/{document_id}/corrections", tags=["review"])
    def api_correct(document_id: int, body: CorrectionBody, who: auth.Principal = Depends(need("reviewer", True)),
                    dry_run: bool = False):
        """Accept, correct, reject or add one field or record row; every call is an audit row.
        `dry_run=true` answers the value as it would be stored (what the editor shows before
        saving) and stores nothing."""
        with ctx.store.sessions.begin() as s:
            if s.get(DocumentReview, document_id) is None:
                raise ApiError(404, "not_found", f"no document {document_id}")
            old = review.current_value_of(s, document_id, body.field, body.target)
            if dry_run:
                return {"new_value": _value(body.field, body.target, body.new_value, old)}
            try:
                c = review.correct(s, document_id, who.name, body.field, body.target, body.action,
                                   _value(body.field, body.target, body.new_value, old), body.reason)
            except review.CorrectionError as exc:
                raise ApiError(422, exc.reason, str(exc))
            out = publish(ctx, s, document_id)
            return {"id": c.id, "status": c.status, "outbox": str(out) if out else None}

    @app.get("/api/agencies/suggest", tags=["review"])
    def api_suggest_agencies(q: str = Query("", max_length=200), who: auth.Principal = Depends(need("viewer"))):
        """Canonical agency names for what is typed, with or without marks (the correction editor's list)."""
        return {"names": suggest_agencies(q)}

    @app.get("/api/conflicts", tags=["documents"])
    def api_conflicts(state: Literal["open", "closed", "all"] = "open", limit: int = Query(100, ge=1, le=MAX_API_LIMIT),
                      who: auth.Principal = Depends(need("viewer"))):
        """Figures that disagree: the same measure (total investment, whole budget) of the same
        subject stated by two stored documents in ranges that do not meet, after unit
        normalization ('33 tỷ đồng' against '33 nghìn tỷ đồng'), each with its sentence and page;
        a unit slip (a ratio of a power of a thousand) first, then the larger ratio. `closed`: one
        figure of the pair was confirmed by an analyst."""
        with ctx.store.sessions() as s:
            return {"items": doc_figures.conflicts_of(s, state, limit)}

    @app.post("/api/figures/{figure_id}/confirm", tags=["review"])
    def api_confirm_figure(figure_id: int, who: auth.Principal = Depends(need("reviewer", True))):
        """An analyst says this figure is right: the conflicts it stands in are closed."""
        with ctx.store.sessions.begin() as s:
            row = doc_figures.confirm(s, figure_id, who.name)
            if row is None:
                raise ApiError(404, "not_found", f"no figure {figure_id}")
            return {"figure_id": figure_id, "confirmed_by": row.confirmed_by,
                    "confirmed_at": row.confirmed_at.isoformat()}

    @app.delete("/api/figures/{figure_id}/confirm", tags=["review"])
    def api_unconfirm_figure(figure_id: int, who: auth.Principal = Depends(need("reviewer", True))):
        """Take a confirmation back: the conflicts it closed open again."""
        with ctx.store.sessions.begin() as s:
            if not doc_figures.unconfirm(s, figure_id):
                raise ApiError(404, "not_found", f"no figure {figure_id}")
            return {"figure_id": figure_id, "confirmed_by": None}

    @app.post("/api/documents/{document_id}/state", tags=["review"])
    def api_state(document_id: int, body: StateBody, who: auth.Principal = Depends(need("reviewer", True))):
        with ctx.store.sessions.begin() as s:
            if s.get(DocumentReview, document_id) is None:
                raise ApiError(404, "not_found", f"no document {document_id}")
            row = review.set_state(s, document_id, body.state, who.name, body.reason)
            s.flush()
            out = publish(ctx, s, document_id)
            return {"state": row.state, "outbox": str(out) if out else None}

    @app.post("/api/documents/{document_id}/accept-all", tags=["review"])
    def api_accept_all(document_id: int, who: auth.Principal = Depends(need("reviewer", True))):
        with ctx.store.sessions.begin() as s:
            if s.get(DocumentReview, document_id) is None:
                raise ApiError(404, "not_found", f"no document {document_id}")
            n = review.bulk_accept(s, document_id, who.name)
            publish(ctx, s, document_id)
            return {"accepted": n}

    @app.post("/api/documents/{document_id}/assign", tags=["review"])
    def api_assign(document_id: int, body: AssignBody, who: auth.Principal = Depends(need("reviewer", True))):
        """Give the document to a reviewer (`to`: a name, `me`, or null for no one)."""
        to = who.name if body.to == "me" else body.to
        with ctx.store.sessions.begin() as s:
            if s.get(DocumentReview, document_id) is None:
                raise ApiError(404, "not_found", f"no document {document_id}")
            try:
                row = review.assign(s, document_id, to, who.name)
            except review.AssignError as exc:
                raise ApiError(422, exc.reason, str(exc))
            return {"document_id": document_id, "assigned_to": row.assigned_to}

    @app.get("/api/filters", tags=["review"])
    def api_filters(who: auth.Principal = Depends(need("viewer"))):
        """The caller's saved queue filters."""
        with ctx.store.sessions() as s:
            return [{"id": x.id, "name": x.name, "query": x.query} for x in review.filters_of(s, who.name)]

    @app.post("/api/filters", tags=["review"])
    def api_save_filter(body: FilterBody, who: auth.Principal = Depends(need("viewer", True))):
        """Save the queue's current filter under a name (the same name again replaces it)."""
        query = {k: v for k, v in body.query.items() if k in QUEUE_FILTERS and isinstance(v, str) and v.strip()}
        with ctx.store.sessions.begin() as s:
            row = review.save_filter(s, who.name, body.name.strip(), query)
            s.flush()
            return {"id": row.id, "name": row.name, "query": row.query}

    @app.delete("/api/filters/{filter_id}", tags=["review"])
    def api_delete_filter(filter_id: int, who: auth.Principal = Depends(need("viewer", True))):
        with ctx.store.sessions.begin() as s:
            if not review.delete_filter(s, who.name, filter_id):
                raise ApiError(404, "not_found", f"no saved filter {filter_id}")
            return {"deleted": filter_id}

    @app.post("/api/documents", status_code=202, tags=["documents"])
    def api_upload(file: UploadFile = File(...), who: auth.Principal = Depends(need("reviewer", True))):
        """Upload a document into the intake (archive, dedupe, extract or quarantine): returns a job.
        A file that is no document or too large is quarantined and answered 413/415/422 with its reason."""
        from extract.detect import detect_media_type
        from extract.errors import ExtractionError
        path, size, sha = save_upload(file.file, ctx.root / "uploads", file.filename or "upload")
        job_id = new_job(ctx.store, path, file.filename or "upload", sha, who.name)
        problem = None
        if size > ctx.cfg.max_input_bytes:
            problem = "too_large"
        else:
            try:
                detect_media_type(path.read_bytes())
            except ExtractionError as exc:
                problem = exc.reason
        if problem is None:
            ctx.jobs.submit(job_id)
            with ctx.store.sessions() as s:
                return job_dict(s.get(Job, job_id))
        job = ctx.jobs.process(job_id)   # now, so the answer can say where it ended
        status = {"too_large": 413, "unsupported_format": 415}.get(problem, 422)
        return JSONResponse({"reason": job.get("reason") or problem, "detail": job.get("message"), "job": job},
                            status_code=status)

    @app.get("/api/jobs/{job_id}", tags=["documents"])
    def api_job(job_id: str = FPath(max_length=36), who: auth.Principal = Depends(need("viewer"))):
        with ctx.store.sessions() as s:
            job = s.get(Job, job_id)
            if job is None:
                raise ApiError(404, "not_found", f"no job {job_id}")
            return job_dict(job)

    # -- API: records --------------------------------------------------------------------------------
    @app.get("/api/records/{kind}", tags=["records"])
    def api_records(kind: Literal["tasks", "catalog", "budget"], who: auth.Principal = Depends(need("viewer")),
                    document_id: int | None = None, agency: str | None = Query(None, max_length=200),
                    q: str | None = Query(None, max_length=200), limit: int = Query(100, ge=1, le=1000),
                    cursor: int | None = Query(None, ge=0)):
        """Records of the latest run of each document (the reviewed run where there is one)."""
        table = {"tasks": TaskRow, "catalog": CatalogRow, "budget": BudgetRow}[kind]
        from sqlalchemy import func
        newest = select(func.max(ExtractionRun.id)).group_by(ExtractionRun.document_id).scalar_subquery()
        query = (select(table, ExtractionRun.document_id).join(ExtractionRun, ExtractionRun.id == table.run_id)
                 .where(table.run_id.in_(newest)).order_by(table.id).limit(limit + 1))
        if cursor is not None:
            query = query.where(table.id > cursor)
        if document_id is not None:
            query = query.where(ExtractionRun.document_id == document_id)
        # vn_fold: the search folding in SQL (stores/db.py, migration 0005): any case, marks or none
        if q:
            column = table.item if kind == "budget" else table.name
            query = query.where(func.vn_fold(column).contains(search_key(q), autoescape=True))
        if agency and kind == "tasks":
            query = query.where(func.vn_fold(TaskRow.agency).contains(search_key(agency), autoescape=True))
        with ctx.store.sessions() as s:
            rows = list(s.execute(query).all())
        more = len(rows) > limit
        rows = rows[:limit]
        items = [{"id": r.id, "document_id": d, **r.data} for r, d in rows]
        if agency and kind != "tasks":
            wanted = search_key(agency)
            items = [i for i in items if any(wanted in search_key(a) for a in i.get("lead_agencies") or [])]
        return {"items": items, "next_cursor": rows[-1][0].id if more else None}

    @app.get("/api/scores", tags=["review"])
    def api_scores(who: auth.Principal = Depends(need("viewer"))):
        """Per-field precision and recall of the extractor over reviewed documents."""
        with ctx.store.sessions() as s:
            return review.extractor_scores(s)

    # -- API: webhooks (admin) ---------------------------------------------------------------------------
    @app.get("/api/learned", tags=["review"])
    def api_learned(include_revoked: bool = False, who: auth.Principal = Depends(need("admin"))):
        """What analysts' agency corrections taught the extractor: aliases and rejections, each with
        the issuer it holds for, who taught it, where; read by the next extraction."""
        with ctx.store.sessions() as s:
            return [{"id": r.id, "kind": r.kind, "text": r.text, "name": r.name, "issuer": r.issuer,
                     "document_id": r.document_id, "created_by": r.created_by, "created_at": r.created_at.isoformat(),
                     "active": r.active, "revoked_by": r.revoked_by}
                    for r in review.list_rules(s, include_revoked)]

    @app.delete("/api/learned/{rule_id}", tags=["review"])
    def api_revoke_learned(rule_id: int, who: auth.Principal = Depends(need("admin", True))):
        """Revoke a learned rule: the next extraction no longer reads it (`vanthu reprocess --force`
        re-reads what is stored)."""
        with ctx.store.sessions.begin() as s:
            row = review.revoke_rule(s, rule_id, who.name)
            if row is None:
                raise ApiError(404, "not_found", f"no learned rule {rule_id}")
            return {"id": rule_id, "active": row.active}

    @app.get("/api/webhooks", tags=["webhooks"])
    def api_webhooks(who: auth.Principal = Depends(need("admin"))):
        with ctx.store.sessions() as s:
            return [{"id": h.id, "url": h.url, "events": h.events, "active": h.active}
                    for h in s.execute(select(Webhook).order_by(Webhook.id)).scalars()]

    @app.post("/api/webhooks", status_code=201, tags=["webhooks"])
    def api_add_webhook(body: WebhookBody, who: auth.Principal = Depends(need("admin", True))):
        """Subscribe a URL; the body of each POST is signed: X-Vanthu-Signature: sha256=HMAC(secret, body)."""
        secret = body.secret or secrets.token_urlsafe(32)
        try:
            check_target(body.url, ctx.cfg.webhook_allow)
        except TargetRefused as exc:
            raise ApiError(422, "target_refused", str(exc))
        with ctx.store.sessions.begin() as s:
            h = Webhook(url=body.url, secret=secret, events=[str(e) for e in body.events], active=True,
                        created_by=who.name)
            s.add(h)
            s.flush()
            return {"id": h.id, "url": h.url, "events": h.events, "secret": secret}

    @app.delete("/api/webhooks/{webhook_id}", tags=["webhooks"])
    def api_delete_webhook(webhook_id: int, who: auth.Principal = Depends(need("admin", True))):
        with ctx.store.sessions.begin() as s:
            h = s.get(Webhook, webhook_id)
            if h is None:
                raise ApiError(404, "not_found", f"no webhook {webhook_id}")
            h.active = False
            cancelled = s.execute(update(WebhookDelivery).where(WebhookDelivery.webhook_id == webhook_id,
                                                                WebhookDelivery.status == "pending")
                                  .values(status="cancelled", last_error="the subscription was deleted")).rowcount
            return {"id": webhook_id, "active": False, "cancelled": cancelled}

    @app.get("/api/webhooks/{webhook_id}/deliveries", tags=["webhooks"])
    def api_deliveries(webhook_id: int, who: auth.Principal = Depends(need("admin"))):
        with ctx.store.sessions() as s:
            return [{"id": d.id, "event": d.event, "status": d.status, "attempts": d.attempts,
                     "last_error": d.last_error, "payload": d.payload}
                    for d in s.execute(select(WebhookDelivery).where(WebhookDelivery.webhook_id == webhook_id)
                                       .order_by(WebhookDelivery.id)).scalars()]


def _local(target: str) -> str:
    """Only same-site paths after sign-in (no open redirect)."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"


def _query_string(f: dict) -> str:
    from urllib.parse import urlencode
    return urlencode(f)


def _value(field: str, target: str, value, old):
    """What the analyst typed becomes the item's fields, read as the document writes it
    (normalize.typed_values): '1.436.120' under «1.436.130 triệu đồng» is 1.436.120 triệu đồng,
    '1,5 tỷ' is 1.500.000.000 đồng, '31/02/2013' is refused, 'ngày 5 tháng 3 năm 2025' is
    2025-03-05; '1131/QĐ-TTg' a reference's key, number and symbol; a name an agency's name. A
    record row sends only the cells that changed, each as typed."""
    old = old if isinstance(old, dict) else {}
    try:
        if field == "document":
            if target == "date" and isinstance(value, str) and value.strip():
                return typed_date(value).value
            return value
        if field in ("tasks", "catalog", "budget") and isinstance(value, dict):
            return _record_cells(field, value, old)
        if not isinstance(value, str):
            return value
        v = value.strip()
        text = {} if old else {"text": v}  # a correction keeps where the document said it
        if field == "references":
            number, _, symbol = v.partition("/")
            return {"key": v, "number": number, "symbol": symbol, **text}
        if field == "dates":
            parsed = typed_date(v)
            return {"value": parsed.value, "precision": parsed.precision, "start": None, "end": None, **text}
        if field == "amounts":
            amount, unit = typed_amount(v, old.get("text"))
            return {"value": amount, "low": None, "high": None, "currency": unit.currency, "unit": unit.name, **text}
        return {"name": v, **text}
    except ValueError as exc:
        raise ApiError(422, "bad_value", str(exc))


_MONEY_CELL = {"tasks": "budget", "budget": "amount"}
_WHOLE_NUMBER_CELLS = ("number", "group")


def _record_cells(field: str, cells: dict, old: dict) -> dict:
    """A grid row's changed cells, typed as shown: money in đồng as the grid writes it
    ('20.000.000.000') or with a unit ('20 tỷ'), numbers as numbers, text as text."""
    out = {}
    for col, typed in cells.items():
        typed = typed.strip() if isinstance(typed, str) else typed
        if col == _MONEY_CELL.get(field):
            if typed in (None, ""):
                out[col] = None
            else:
                written = "USD" if (old.get(col) or {}).get("currency") == "USD" else None
                amount, unit = typed_amount(str(typed), written)
                out[col] = {"currency": unit.currency, "value": amount, "low": None, "high": None}
        elif col in _WHOLE_NUMBER_CELLS:
            if typed in (None, ""):
                out[col] = None
            elif not str(typed).isdigit():
                raise ValueError(f"«{typed}» không phải một số thứ tự")
            else:
                out[col] = int(typed)
        else:
            out[col] = typed or None
    return out
