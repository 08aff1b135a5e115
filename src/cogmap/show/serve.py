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
=============================  ==========================================================

Safety: the store is the one file given when the app is made; no request names a
file (documents are addressed by their integer id, speakers by name, both looked up
in the store), and nothing here opens a URL or a connection. Report pages embed the
input as escaped JSON and put it in the page with ``textContent`` only, under the
report's Content-Security-Policy (sent as a header too); the index is escaped HTML
with no script at all. Only hosts naming the loopback interface (or the host the
server was bound to) are answered, which defeats DNS rebinding.

Examples
--------
>>> from fastapi.testclient import TestClient          # doctest: +SKIP
>>> client = TestClient(create_app("corpus.db"), base_url="http://127.0.0.1")  # doctest: +SKIP
>>> client.get("/api/documents").json()                # doctest: +SKIP
"""

from __future__ import annotations

import html
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Optional
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Query
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse
from pydantic import BaseModel
from starlette.middleware.trustedhost import TrustedHostMiddleware

from cogmap.errors import CogmapError, InputError
from cogmap.model.model import Model
from cogmap.records import Document

__all__ = ["create_app", "serve", "LOOPBACK_HOSTS"]

#: Host names answered by default (the ``Host`` header, port left out).
LOOPBACK_HOSTS = ["127.0.0.1", "localhost"]
#: Report pages kept in memory (they are rebuilt when the store changes).
CACHE_SIZE = 32

_INDEX_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'"

_NO_FRAMES = "; frame-ancestors 'none'"  # header only: a <meta> policy cannot say it


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
    """A small LRU of report data, keyed by the view and by a fingerprint of the store."""

    def __init__(self, size: int = CACHE_SIZE):
        self.size = size
        self.items: OrderedDict = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key, make):
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        value = make()
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return value


def create_app(db, *, allowed_hosts: Optional[list[str]] = None) -> FastAPI:
    """The web app over the store at ``db`` (which must exist).

    Parameters
    ----------
    db : str or Path
        The store (``cogmap add``). It is the only file the app reads.
    allowed_hosts : list of str, optional
        ``Host`` header values answered (default :data:`LOOPBACK_HOSTS`); ``["*"]``
        answers any.

    Returns
    -------
    fastapi.FastAPI
    """
    from cogmap.corpus.store import Store

    path = Path(db)
    Store(path, create=False).close()  # refuse a missing or foreign file now, not at the first request
    pages = _Pages()

    app = FastAPI(
        title="cogmap",
        summary="Causal maps of expert commentary: a corpus store, its reports and its data.",
        version=_version(),
        docs_url=None,  # the interactive docs load scripts from a CDN: not here
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or LOOPBACK_HOSTS)

    @app.middleware("http")
    async def _headers(request, call_next):
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    def open_store():
        try:
            return Store(path, create=False)
        except CogmapError as exc:
            raise HTTPException(503, str(exc)) from None

    def fingerprint(st) -> tuple:
        c = st.conn
        return (
            c.execute("SELECT count(*), max(id) FROM documents").fetchone()[:],
            c.execute("SELECT count(*), max(id) FROM resolutions").fetchone()[:],
        )

    def report_page(key: tuple, **kw) -> HTMLResponse:
        from cogmap.show.report import build_report, report_csp, store_report_data

        with open_store() as st:
            try:
                data = pages.get((key, fingerprint(st)), lambda: store_report_data(st, **kw))
            except InputError as exc:
                raise HTTPException(404 if str(exc).startswith("no ") else 400, str(exc)) from None
        data = dict(data, nav={"index": "/", "document": "/report/document/", "speaker": "/report/speaker/"})
        return HTMLResponse(build_report(data), headers={"Content-Security-Policy": report_csp() + _NO_FRAMES})

    # -- pages -------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, summary="Index: the documents and speakers of the store")
    def index():
        from cogmap.show.report import _store_documents

        with open_store() as st:
            docs = _store_documents(st)
            speakers = st.experts()
        return HTMLResponse(_index_html(path.name, docs, speakers), headers={"Content-Security-Policy": _INDEX_CSP + _NO_FRAMES})

    @app.get("/report", response_class=HTMLResponse, summary="Report of the whole corpus")
    def corpus_report(
        speaker: Optional[str] = Query(None, description="Only this speaker's claims and forecasts (any case)."),
        since: Optional[str] = Query(None, description="Only documents dated on or after YYYY-MM-DD."),
    ):
        return report_page(("corpus", speaker, since), speaker=speaker or None, since=since or None)

    @app.get("/report/document/{doc_id}", response_class=HTMLResponse, summary="Report of one stored document")
    def document_report(doc_id: int = PathParam(..., ge=1, description="The document's id (see /api/documents).")):
        return report_page(("document", doc_id), document=doc_id)

    @app.get("/report/speaker/{name:path}", response_class=HTMLResponse, summary="Report of one speaker")
    def speaker_report(name: str = PathParam(..., description="The speaker's name as written (any case).")):
        return report_page(("speaker", name.casefold()), speaker=name)

    # -- API ---------------------------------------------------------------------------
    @app.get("/api/documents", response_model=list[DocumentInfo], summary="The stored documents")
    def api_documents():
        from cogmap.show.report import _store_documents

        with open_store() as st:
            return _store_documents(st)

    @app.get("/api/documents/{doc_id}", response_model=Document, response_model_by_alias=True,
             summary="One stored document (cogmap.document/1)",
             responses={404: {"description": "No such document"}})
    def api_document(doc_id: int = PathParam(..., ge=1)):
        with open_store() as st:
            row = st.conn.execute("SELECT json FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise HTTPException(404, f"no document {doc_id} in the store")
        return Document.model_validate_json(row[0])

    @app.get("/api/model", response_model=Model, response_model_by_alias=True, response_model_exclude_none=True,
             summary="The merged model of the store (cogmap.model/1)")
    def api_model(
        speaker: Optional[str] = Query(None, description="Only this speaker's claims (any case)."),
        since: Optional[str] = Query(None, description="Only documents dated on or after YYYY-MM-DD."),
    ):
        from cogmap.show.report import _since

        try:
            day = _since(since)
        except InputError as exc:
            raise HTTPException(400, str(exc)) from None
        with open_store() as st:
            return st.map(speaker=speaker or None, since=day)

    @app.get("/api/forecasts", response_model=list[ForecastInfo], summary="Forecasts with resolution and score")
    def api_forecasts(
        speaker: Optional[str] = Query(None, description="Only this speaker's forecasts (any case)."),
        open: Optional[bool] = Query(None, description="true: only unresolved ones; false: only resolved ones."),
    ):
        from cogmap.show.report import _forecast_row

        with open_store() as st:
            return [_forecast_row(r) for r in st.forecasts(open=open, speaker=speaker or None)]

    @app.get("/api/speakers", response_model=list[SpeakerInfo], summary="Speakers and their forecast scores")
    def api_speakers():
        with open_store() as st:
            return [
                SpeakerInfo(speaker=e.speaker, documents=e.documents, claims=e.claims, forecasts=e.forecasts,
                            resolved=e.resolved, brier=e.brier, log_score=e.log_score)
                for e in st.experts()
            ]

    return app


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("cogmap")
    except Exception:  # pragma: no cover - not installed
        return "0"


def _index_html(store_name: str, docs: list[dict], speakers) -> str:
    """The index page: escaped HTML, no script."""
    e = lambda x: html.escape("" if x is None else str(x), quote=True)  # noqa: E731
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


def serve(db, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app with uvicorn until interrupted. Binds loopback unless told otherwise."""
    import uvicorn

    hosts = list(LOOPBACK_HOSTS)
    if host in ("0.0.0.0", "::", ""):
        hosts = ["*"]
    elif host not in hosts:
        hosts.append(host)
    app = create_app(db, allowed_hosts=hosts)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False, proxy_headers=False)
