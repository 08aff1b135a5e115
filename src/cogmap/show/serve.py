"""A local web app over a corpus store: ``cogmap serve [--db PATH] [--port N]``.

The same report pages as ``cogmap report`` (:mod:`cogmap.show.report`) for the whole
corpus, one speaker or one stored document, and a JSON API documented by its
OpenAPI schema (``/openapi.json``):

=============================  ==========================================================
``/``                          index: the documents and speakers of the store (HTML)
``/report``                    the whole corpus (``?speaker=&since=`` narrow it)
``/report/document/{id}``      one stored document, its text with the quotes
``/report/speaker/{name}``     one speaker's claims and forecasts across the corpus
``/api/documents``             the documents: id, title, date, source, counts
``/api/documents/{id}``        one document as ``cogmap.document/1``
``/api/model``                 the merged model, ``cogmap.model/1`` (``?speaker=&since=``)
``/api/forecasts``             the forecasts with resolution and score (``?speaker=&open=``)
``/api/speakers``              the speakers and their scores (``cogmap experts``)
``/api/reviews``               the reviews of the corpus map; POST one (same origin only)
=============================  ==========================================================

Safety: the store is the one file given when the app is made; no request names a
file (documents are addressed by their integer id, speakers by name, both looked up
in the store), and nothing here opens a URL or a connection. Report pages embed the
input as escaped JSON and put it in the page with ``textContent`` only, under the
report's Content-Security-Policy (sent as a header too); the index is escaped HTML
with no script at all. Only Host headers naming this machine are answered (loopback,
and when bound beyond it the machine's names and addresses, see :func:`served_hosts`),
which defeats DNS rebinding.

Examples
--------
>>> from fastapi.testclient import TestClient          # doctest: +SKIP
>>> client = TestClient(create_app("corpus.db"), base_url="http://127.0.0.1")  # doctest: +SKIP
>>> client.get("/api/documents").json()                # doctest: +SKIP
"""

from __future__ import annotations

import html
import os
import sqlite3
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Callable, Optional, Sequence
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from pydantic import BaseModel, TypeAdapter
from starlette.middleware.trustedhost import TrustedHostMiddleware

from cogmap.errors import CogmapError, InputError
from cogmap.model.model import Model
from cogmap.records import Document
from cogmap.show.bidi import neutralize_bidi

__all__ = ["create_app", "serve", "served_hosts", "listen", "LOOPBACK_HOSTS"]

#: Host names answered by default (the ``Host`` header, port left out; an IPv6
#: address comes in brackets there, as in the URL).
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
#: Pages kept in memory, each as the bytes sent; they are made again when the store changes.
CACHE_SIZE = 32
#: SQLite's largest integer: a larger document id names no document (and would overflow).
MAX_ID = 2**63 - 1

_INDEX_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'"

_NO_FRAMES = "; frame-ancestors 'none'"  # header only: a <meta> policy cannot say it

_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"), (b"cache-control", b"no-store")]


# -- response models (they make the OpenAPI schema) -------------------------------------
class DocumentInfo(BaseModel):
    """A stored document, without its text."""

    id: int
    name: str
    source: str
    title: Optional[str] = None
    date: Optional[str] = None
    added_at: Optional[str] = None
    claims: int
    forecasts: int


class ResolutionInfo(BaseModel):
    outcome: str
    on: Optional[str] = None
    note: Optional[str] = None


class ScoreInfo(BaseModel):
    brier: float
    log: float


class ForecastInfo(BaseModel):
    """A stored forecast; ``resolution`` and ``score`` once resolved."""

    id: int
    statement: str
    speaker: Optional[str] = None
    probability: float
    hedge: str
    horizon: Optional[str] = None
    condition: Optional[str] = None
    document_id: int
    date: Optional[str] = None
    evidence: str
    resolution: Optional[ResolutionInfo] = None
    score: Optional[ScoreInfo] = None


class ReviewRequest(BaseModel):
    """A review of the corpus map (see :func:`cogmap.corpus.review.add_review`)."""

    action: str
    cause: Optional[str] = None
    effect: Optional[str] = None
    concept: Optional[str] = None
    label: Optional[str] = None
    into: Optional[str] = None
    wording: Optional[str] = None
    sign: Optional[int] = None
    weight: Optional[float] = None
    note: Optional[str] = None
    who: Optional[str] = None
    #: undo: the number of the review to undo (see :func:`cogmap.corpus.review.undo_review`).
    id: Optional[int] = None


class ReviewInfo(BaseModel):
    """A stored review, with who made it and when."""

    id: int
    action: str
    cause: Optional[str] = None
    effect: Optional[str] = None
    concept: Optional[str] = None
    value: Optional[str] = None
    sign: Optional[int] = None
    weight: Optional[float] = None
    note: Optional[str] = None
    who: str
    at: str
    undone_by: Optional[str] = None
    undone_at: Optional[str] = None
    summary: str


def _same_origin(request: Request) -> None:
    """Refuse a review that does not come from a page of this server.

    A browser names the page's origin on every POST; a page elsewhere (or a file)
    cannot send one equal to this server's, and a JSON body makes its request need a
    CORS preflight that this app never grants. The Host has already been checked by
    the trusted-host middleware (DNS rebinding).
    """
    from urllib.parse import urlsplit

    origin = request.headers.get("origin")
    host = request.headers.get("host", "")
    if not origin or origin == "null":
        raise HTTPException(403, "review requests must come from a page of this server (no Origin header)")
    o = urlsplit(origin)
    if o.scheme not in ("http", "https") or o.netloc.lower() != host.lower():
        raise HTTPException(403, f"review requests from another origin are refused ({origin})")
    if request.headers.get("sec-fetch-site", "same-origin") != "same-origin":
        raise HTTPException(403, "review requests from another site are refused")
    if (request.headers.get("content-type") or "").split(";")[0].strip().lower() != "application/json":
        raise HTTPException(415, "send the review as application/json")


class SpeakerInfo(BaseModel):
    """A speaker's record, as ``cogmap experts`` lists it."""

    speaker: str
    documents: int
    claims: int
    forecasts: int
    resolved: int
    brier: Optional[float] = None
    log_score: Optional[float] = None


# -- the app -----------------------------------------------------------------------------
class _Pages:
    """Pages as sent (status, body, headers), keyed by the view and by the store's state.

    Making a report page reads the whole store and renders it (tens of ms to
    seconds); under load that was every request. Now a page is made once per
    change of the store: :meth:`state` is ``PRAGMA data_version`` on one connection
    kept open (it changes whenever another connection commits) and the file's
    inode (a store replaced by another file), which costs microseconds.
    """

    def __init__(self, path: Path, size: int = CACHE_SIZE):
        self.path = path
        self.size = size
        self.items: OrderedDict = OrderedDict()
        self.lock = threading.Lock()
        self.making: dict = {}  # view -> [lock, waiting]: one request makes a page, the others wait for it
        self._watch: Optional[sqlite3.Connection] = None
        self._inode = None

    def state(self) -> tuple:
        with self.lock:
            try:
                inode = os.stat(self.path).st_ino
            except OSError:
                inode = None
            try:
                if self._watch is None or inode != self._inode:
                    if self._watch is not None:
                        self._watch.close()
                    self._watch, self._inode = None, inode
                    self._watch = _open_watch(self.path)
                return inode, self._watch.execute("PRAGMA data_version").fetchone()[0]
            except sqlite3.Error:
                self._watch = None  # no caching until the file can be read again
                return inode, object()

    def get(self, key):
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        return None

    def make(self, key, make):
        """``make()`` once for ``key`` however many requests ask for it at the same time."""
        with self.lock:
            gate = self.making.setdefault(key[0], [threading.Lock(), 0])
            gate[1] += 1
        try:
            with gate[0]:
                found = self.get(key)
                if found is not None:
                    return found
                value = make()
                with self.lock:
                    self.items[key] = value
                    while len(self.items) > self.size:
                        self.items.popitem(last=False)
                return value
        finally:
            with self.lock:  # forgotten when nobody waits: any number of URLs leaves no trace
                gate[1] -= 1
                if not gate[1]:
                    del self.making[key[0]]


def _open_watch(path: Path) -> sqlite3.Connection:
    from cogmap.corpus.store import Store

    Store(path, create=False, readonly=True).close()  # the checks every opening makes
    uri = path.absolute().as_uri()
    # Used from any thread, but only for PRAGMA data_version under the cache's lock.
    for query in ("?mode=ro", "?mode=ro&immutable=1"):  # immutable: a read-only disk (it cannot change)
        # A short timeout: this runs on the event loop, and a busy file only means a page made again.
        conn = sqlite3.connect(uri + query, uri=True, check_same_thread=False, timeout=0.5)
        try:
            conn.execute("PRAGMA data_version").fetchone()
            return conn
        except sqlite3.Error:
            conn.close()
            if "immutable" in query:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


class _SecurityHeaders:
    """The headers every answer carries; plain ASGI, so a page's body is passed on untouched.
    A HEAD request is answered as its GET, without the body (``curl -I``, link checkers)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        head = scope["method"] == "HEAD"
        if head:
            scope = dict(scope, method="GET")

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [kv for kv in _HEADERS if kv[0] not in have]
            elif head and message["type"] == "http.response.body":
                message = dict(message, body=b"")
            await send(message)

        await self.app(scope, receive, send_with_headers)


#: The largest review body read (a review is a few labels and a note: a few kB at most).
MAX_REVIEW_BYTES = 64 * 1024


class _ReviewGate:
    """The POST of a review is checked before its body is read: the origin and type
    (:func:`_same_origin`, 403 / 415), then the size (413, also for a body sent in
    chunks without a length). FastAPI reads and parses a body before it runs a route's
    dependencies, so a foreign page or a 200 MB body would otherwise be read first."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] != "/api/reviews":
            return await self.app(scope, receive, send)
        too_big = f"a review is at most {MAX_REVIEW_BYTES // 1024} kB"
        request = Request(scope)
        try:
            _same_origin(request)
            length = request.headers.get("content-length")
            if length is not None and (not length.isdigit() or int(length) > MAX_REVIEW_BYTES):
                raise HTTPException(413, too_big)
        except HTTPException as exc:
            return await JSONResponse({"detail": exc.detail}, status_code=exc.status_code)(scope, receive, send)
        # Read here, up to the limit (a body sent in chunks has no length to check first),
        # and handed on whole: FastAPI would turn an error while it reads into a 400.
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            body += message.get("body", b"")
            if len(body) > MAX_REVIEW_BYTES:
                return await JSONResponse({"detail": too_big}, status_code=413)(scope, receive, send)
            if not message.get("more_body", False):
                break
        sent = False

        async def replay():
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        await self.app(scope, replay, send)


def create_app(db, *, allowed_hosts: Optional[list[str]] = None, aliases=None) -> FastAPI:
    """The web app over the store at ``db`` (which must exist).

    Parameters
    ----------
    db : str or Path
        The store (``cogmap add``). It is the only file the app reads.
    allowed_hosts : list of str, optional
        ``Host`` header values answered (default :data:`LOOPBACK_HOSTS`; see
        :func:`served_hosts`); ``["*"]`` answers any.
    aliases : Aliases, optional
        An alias file already read (``cogmap serve --aliases``): its merges and
        ``keep_apart`` pairs shape every corpus map served, as for ``map --db --aliases``.

    Returns
    -------
    fastapi.FastAPI
    """
    from cogmap.corpus.store import Store

    path = Path(db)
    # Refuse a missing, foreign or damaged file now, not at the first request. Opening
    # reads only the schema, so a damaged page would surface later as a 503 per page:
    # the same quick check the writing commands make (the app writes reviews too).
    with Store(path, create=False, readonly=True) as st:
        st._check_integrity()
    pages = _Pages(path)

    app = FastAPI(
        title="cogmap",
        summary="Causal maps of expert commentary: a corpus store, its reports and its data.",
        version=_version(),
        docs_url=None,  # the interactive docs load scripts from a CDN: not here
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.add_middleware(_ReviewGate)  # (added first, so it runs after the Host check)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or LOOPBACK_HOSTS)
    app.add_middleware(_SecurityHeaders)

    @app.exception_handler(CogmapError)
    async def _store_trouble(request, exc):  # a damaged or vanished store: one line, no traceback
        return JSONResponse({"detail": str(exc)}, status_code=503)

    def open_store():
        try:
            return Store(path, create=False, readonly=True)
        except CogmapError as exc:
            raise HTTPException(503, str(exc)) from None

    async def cached(key: tuple, make, media_type: str = "text/html") -> Response:
        """The page for ``key`` as last made for this state of the store, else made now (off the event loop)."""
        full = (key, pages.state())
        found = pages.get(full)
        if found is None:
            found = await run_in_threadpool(pages.make, full, make)
        status, body, headers = found
        return Response(body, status_code=status, media_type=media_type, headers=headers)

    async def cached_json(key: tuple, make, adapter, **dump) -> Response:
        """An API answer, cached as the pages are: ``make()`` gives the data, ``adapter``
        (the route's response model) turns it into JSON bytes once per state of the store."""
        return await cached(key, lambda: (200, adapter.dump_json(adapter.validate_python(make()), **dump), {}),
                            "application/json")

    def make_report(**kw):
        from cogmap.show.report import build_report, report_csp, store_report_data

        with open_store() as st:
            try:
                data = store_report_data(st, aliases=aliases, **kw)
            except InputError as exc:
                raise HTTPException(404 if str(exc).startswith("no ") else 400, str(exc)) from None
        data = dict(data, nav={"index": "/", "document": "/report/document/", "speaker": "/report/speaker/"})
        review = kw.get("document") is None  # views of the reviewed corpus map; a document shows its own reading
        if review:
            from cogmap.corpus.review import reviewer_name

            data["review"] = {"endpoint": "/api/reviews", "store": path.name, "who": reviewer_name(), "log": data.get("reviews", [])}
        return 200, build_report(data, scripts_at="/assets").encode("utf-8"), {
            "Content-Security-Policy": report_csp(review=review, served=True) + _NO_FRAMES}

    def make_index():
        from cogmap.show.report import _store_documents

        with open_store() as st:
            docs = _store_documents(st)
            speakers = st.experts()
        body = _index_html(path.name, docs, speakers).encode("utf-8")
        return 200, body, {"Content-Security-Policy": _INDEX_CSP + _NO_FRAMES}

    # -- pages -------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, summary="Index: the documents and speakers of the store")
    async def index():
        return await cached(("index",), make_index)

    @app.get("/report", response_class=HTMLResponse, summary="Report of the whole corpus")
    async def corpus_report(
        speaker: Optional[str] = Query(None, description="Only this speaker's claims and forecasts (any case)."),
        since: Optional[str] = Query(None, description="Only documents dated on or after YYYY-MM-DD."),
    ):
        return await cached(("corpus", speaker, since), lambda: make_report(speaker=speaker or None, since=since or None))

    # {doc_id:int}: a path that is no number ("abc", "-1") matches no route and is 404,
    # as a number that names no document is.
    @app.get("/report/document/{doc_id:int}", response_class=HTMLResponse, summary="Report of one stored document")
    async def document_report(doc_id: int = PathParam(..., description="The document's id (see /api/documents).")):
        _known_id(doc_id)
        return await cached(("document", doc_id), lambda: make_report(document=doc_id))

    @app.get("/report/speaker/{name:path}", response_class=HTMLResponse, summary="Report of one speaker")
    async def speaker_report(name: str = PathParam(..., description="The speaker's name as written (any case).")):
        return await cached(("speaker", name.casefold()), lambda: make_report(speaker=name))

    @app.get("/assets/vendor/{name}", include_in_schema=False)
    async def vendor_asset(name: str):
        """The bundled libraries the report pages load (only those: no other file is served)."""
        body = scripts.get(name)
        if body is None:
            from cogmap.show.report import vendor_script

            code = vendor_script(f"vendor/{name}")
            if code is None:
                raise HTTPException(404, "no such asset")
            body = scripts[name] = code.encode("utf-8")
        # The page names each with its hash in the query, so a browser may keep it for good.
        return Response(body, media_type="text/javascript",
                        headers={"Cache-Control": "public, max-age=31536000, immutable"})

    scripts: dict[str, bytes] = {}

    # -- API ---------------------------------------------------------------------------
    def _documents():
        from cogmap.show.report import _store_documents

        with open_store() as st:
            return _store_documents(st)

    @app.get("/api/documents", response_model=list[DocumentInfo], summary="The stored documents")
    async def api_documents():
        return await cached_json(("api-documents",), _documents, _AS_JSON["documents"])

    @app.get("/api/documents/{doc_id:int}", response_model=Document, response_model_by_alias=True,
             summary="One stored document (cogmap.document/1)",
             responses={404: {"description": "No such document"}})
    def api_document(doc_id: int = PathParam(..., description="The document's id (see /api/documents).")):
        _known_id(doc_id)
        with open_store() as st:
            row = st.conn.execute("SELECT json FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise HTTPException(404, f"no document {doc_id} in the store")
        return Document.model_validate_json(row[0])

    @app.get("/api/model", response_model=Model, response_model_by_alias=True, response_model_exclude_none=True,
             summary="The merged model of the store (cogmap.model/1)")
    async def api_model(
        speaker: Optional[str] = Query(None, description="Only this speaker's claims (any case)."),
        since: Optional[str] = Query(None, description="Only documents dated on or after YYYY-MM-DD."),
    ):
        from cogmap.show.report import _since

        try:
            day = _since(since)
        except InputError as exc:
            raise HTTPException(400, str(exc)) from None

        def make():
            with open_store() as st:
                return st.map(speaker=speaker or None, since=day, aliases=aliases)

        return await cached_json(("api-model", (speaker or "").casefold(), day), make, _AS_JSON["model"],
                                 by_alias=True, exclude_none=True)

    @app.get("/api/forecasts", response_model=list[ForecastInfo], summary="Forecasts with resolution and score")
    async def api_forecasts(
        speaker: Optional[str] = Query(None, description="Only this speaker's forecasts (any case)."),
        open: Optional[bool] = Query(None, description="true: only unresolved ones; false: only resolved ones."),
    ):
        from cogmap.show.report import _forecast_row

        def make():
            with open_store() as st:
                return [_forecast_row(r) for r in st.forecasts(open=open, speaker=speaker or None)]

        return await cached_json(("api-forecasts", (speaker or "").casefold(), open), make,
                                 _AS_JSON["forecasts"])

    @app.get("/api/reviews", response_model=list[ReviewInfo], summary="The reviews of the corpus map, oldest first")
    async def api_reviews():
        from cogmap.corpus.review import reviews

        def make():
            with open_store() as st:
                return [r.to_dict() for r in reviews(st)]

        return await cached_json(("api-reviews",), make, _AS_JSON["reviews"])

    @app.post("/api/reviews", response_model=ReviewInfo, status_code=201,
              summary="Review the corpus map: accept, reject, rename, merge, split, flip, add, or undo a review",
              # (_ReviewGate checks the origin, the type and the size before the body is read)
              responses={403: {"description": "Not from a page of this server"}, 400: {"description": "Not a valid review"},
                         413: {"description": "Body too large"}, 415: {"description": "Not a JSON body"}})
    def api_review(body: ReviewRequest):
        from cogmap.corpus.review import add_review, undo_review
        from cogmap.corpus.store import Store

        try:
            st = Store(path, create=False)  # the one request that writes: the other handlers read only
        except CogmapError as exc:
            raise HTTPException(503, str(exc)) from None
        with st:
            try:
                if body.action == "undo":
                    return undo_review(st, body.id, who=body.who).to_dict()
                r = add_review(st, body.action, cause=body.cause, effect=body.effect, concept=body.concept,
                               label=body.label, into=body.into, wording=body.wording, sign=body.sign,
                               weight=body.weight, note=body.note, who=body.who)
            except InputError as exc:
                raise HTTPException(400, str(exc)) from None
        return r.to_dict()

    @app.get("/api/speakers", response_model=list[SpeakerInfo], summary="Speakers and their forecast scores")
    async def api_speakers():
        def make():
            with open_store() as st:
                return [
                    SpeakerInfo(speaker=e.speaker, documents=e.documents, claims=e.claims, forecasts=e.forecasts,
                                resolved=e.resolved, brier=e.brier, log_score=e.log_score)
                    for e in st.experts()
                ]

        return await cached_json(("api-speakers",), make, _AS_JSON["speakers"])

    return app


#: The API's answers as JSON, made once per state of the store (the routes' response models).
_AS_JSON = {"documents": TypeAdapter(list[DocumentInfo]), "model": TypeAdapter(Model),
            "forecasts": TypeAdapter(list[ForecastInfo]), "reviews": TypeAdapter(list[ReviewInfo]),
            "speakers": TypeAdapter(list[SpeakerInfo])}


def _known_id(doc_id: int) -> None:
    if not 1 <= doc_id <= MAX_ID:  # (past MAX_ID SQLite cannot even look it up: not a server error)
        raise HTTPException(404, f"no document {doc_id} in the store")


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("cogmap")
    except Exception:  # pragma: no cover - not installed
        return "0"


def _index_html(store_name: str, docs: list[dict], speakers) -> str:
    """The index page: escaped HTML, no script."""
    e = lambda x: html.escape(neutralize_bidi("" if x is None else str(x)), quote=True)  # noqa: E731
    rows = []
    for d in docs:
        rows.append(
            f'<tr><td class="num">{d["id"]}</td><td><a href="/report/document/{int(d["id"])}">{e(d["name"])}</a></td>'
            f'<td>{e(d["date"] or "—")}</td><td>{e(d["source"])}</td><td class="num">{d["claims"]}</td>'
            f'<td class="num">{d["forecasts"]}</td><td><a href="/api/documents/{int(d["id"])}">JSON</a></td></tr>'
        )
    srows = []
    for s in speakers:
        fmt = lambda v: "—" if v is None else f"{v:.3f}"  # noqa: E731
        srows.append(
            f'<tr><td><a href="/report/speaker/{e(quote(s.speaker, safe=""))}">{e(s.speaker)}</a></td>'
            f'<td class="num">{s.documents}</td><td class="num">{s.claims}</td><td class="num">{s.forecasts}</td>'
            f'<td class="num">{s.resolved}</td><td class="num">{fmt(s.brier)}</td><td class="num">{fmt(s.log_score)}</td></tr>'
        )
    empty = '<p class="muted">The store is empty: add articles with <code>cogmap add PATH --db STORE</code>.</p>'
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_INDEX_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>cogmap: {e(store_name)}</title>
<style>
body {{ font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 75rem; padding: 0.5rem 1.5rem 2rem; color: #1d232b; }}
.muted {{ color: #5b6573; }} table {{ border-collapse: collapse; width: 100%; font-size: 0.9rem; }}
th, td {{ text-align: left; border-bottom: 1px solid #e3e7ec; padding: 0.3rem 0.5rem; vertical-align: top; }}
th {{ background: #f0f3f6; }} td.num {{ text-align: right; font-variant-numeric: tabular-nums; }}
</style></head>
<body>
<h1>cogmap: {e(store_name)}</h1>
<p class="muted">{len(docs)} document{"" if len(docs) == 1 else "s"}, {len(speakers)} speaker{"" if len(speakers) == 1 else "s"}.
<a href="/report">The whole corpus</a> (merged map, loops, forecasts with resolutions and scores) ·
API: <a href="/api/documents">/api/documents</a>, <a href="/api/forecasts">/api/forecasts</a>,
<a href="/api/speakers">/api/speakers</a>, <a href="/api/model">/api/model</a>, schema <a href="/openapi.json">/openapi.json</a></p>
<h2>Documents</h2>
{('<table id="documents"><thead><tr><th>ID</th><th>Title</th><th>Date</th><th>Source</th><th>Claims</th>'
  '<th>Forecasts</th><th></th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>") if docs else empty}
<h2>Speakers</h2>
<p class="muted">Everyone with at least one claim or forecast. Brier: lower is better; log: higher is better (resolved forecasts only).</p>
<table id="speakers"><thead><tr><th>Speaker</th><th>Documents</th><th>Claims</th><th>Forecasts</th><th>Resolved</th>
<th>Brier</th><th>Log</th></tr></thead><tbody>{"".join(srows)}</tbody></table>
</body></html>
"""


def _host_name(name: str) -> str:
    """``name`` as it comes in a ``Host`` header: an IPv6 address in brackets, without a zone."""
    name = name.strip().lower()
    if name.startswith("[") or ":" not in name:
        return name
    return f"[{name.split('%', 1)[0]}]"


def served_hosts(host: str, allow: Sequence[str] = ()) -> list[str]:
    """The ``Host`` header values answered by a server bound to ``host``.

    Loopback names always; the machine's own names (``socket.gethostname()``, its
    FQDN and ``NAME.local``) and the bound address when it is no loopback one; every
    address of every interface when bound to all of them (``0.0.0.0``/``::``); and
    ``allow`` (``--allow-host``; ``*`` answers any Host, ``*.example.org`` a domain).
    A name an attacker's DNS points at this machine is none of these, which keeps DNS
    rebinding out even of a server the network can reach.

    >>> served_hosts("127.0.0.1")
    ['127.0.0.1', 'localhost', '[::1]']
    >>> served_hosts("127.0.0.1", ["Maps.Example.org", "fd00::2"])
    ['127.0.0.1', 'localhost', '[::1]', 'maps.example.org', '[fd00::2]']
    """
    import ipaddress
    import socket

    hosts = list(LOOPBACK_HOSTS)

    def add(name):
        name = _host_name(name)
        if name and name not in hosts:
            hosts.append(name)

    try:
        loopback = ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        loopback = host.lower() == "localhost"
    if not loopback:
        me = socket.gethostname()
        for name in (me, f"{me}.local", socket.getfqdn(me)):
            add(name)
        if host in ("0.0.0.0", "::", ""):
            import psutil  # (a dependency of dask.distributed)

            for addresses in psutil.net_if_addrs().values():
                for a in addresses:
                    if a.family in (socket.AF_INET, socket.AF_INET6):
                        add(a.address)
        else:
            add(host)
    for name in allow:
        add(_allowed(name))
    return hosts


def _allowed(name: str) -> str:
    """An ``--allow-host`` value checked: a name, an address or a wildcard the Host check understands."""
    import ipaddress

    bare = name.strip()
    if ":" in bare:
        try:
            ipaddress.IPv6Address(bare.strip("[]").split("%", 1)[0])
        except ValueError:
            raise InputError(f"--allow-host {name}: name a host or address without a port") from None
    elif not bare or "/" in bare or "*" in bare[1:] or (bare.startswith("*") and bare != "*" and not bare.startswith("*.")):
        raise InputError(f"--allow-host {name!r}: give a host name (maps.example.org), an address, "
                         "*.DOMAIN for every name in a domain, or * for any")
    return bare


def listen(host: str = "127.0.0.1", port: int = 8000) -> "socket.socket":
    """A socket bound to ``host:port`` and listening, or one :class:`InputError` that says why not.

    Bound here, before anything is announced, and handed to uvicorn: a busy port is
    then one line, not a "serving" line followed by uvicorn's log and exit status 3.
    """
    import errno
    import socket

    # The address family as uvicorn picks it: IPv6 only for an address with colons.
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    shown = f"[{host}]" if ":" in host else host
    try:
        # Resolved first: create_server turns a name it cannot resolve into a plain OSError.
        socket.getaddrinfo(host, port, family, socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise InputError(f"--host {host}: no such host name or address of this machine") from None
    try:
        return socket.create_server((host, port), family=family, backlog=2048)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise InputError(f"port {port} on {host} is in use (choose another with --port)") from None
        if exc.errno == errno.EACCES:
            raise InputError(f"port {port} on {host} needs privileges this user lacks "
                             "(choose one above 1023 with --port)") from None
        if exc.errno == errno.EADDRNOTAVAIL:
            raise InputError(f"--host {host} is no address of this machine "
                             "(use 127.0.0.1, or 0.0.0.0 for every interface)") from None
        raise InputError(f"cannot listen on {shown}:{port} ({os.strerror(exc.errno) if exc.errno else exc})") from None


def serve(db, host: str = "127.0.0.1", port: int = 8000, aliases=None, allow_hosts: Sequence[str] = (),
          announce: Optional[Callable[[], None]] = None) -> None:
    """Run the app with uvicorn until interrupted. Binds loopback unless told otherwise.

    The store is checked and the port bound before ``announce()`` is called (it says
    "serving ..."): a damaged store or a busy port is one error and nothing else.
    """
    import uvicorn

    app = create_app(db, allowed_hosts=served_hosts(host, allow_hosts), aliases=aliases)
    sock = listen(host, port)
    if announce is not None:
        announce()
    # No access log: a line per request cost a fifth of the server's CPU under load, and
    # the pages say nothing a local user needs logged.
    config = uvicorn.Config(app, host=host, port=port, log_level="info", access_log=False, server_header=False,
                            proxy_headers=False)
    with sock:
        uvicorn.Server(config).run(sockets=[sock])
