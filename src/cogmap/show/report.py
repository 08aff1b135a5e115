"""A self-contained HTML report of a causal map: ``cogmap report INPUT -o report.html``.

The report is one HTML file that opens from disk with no network: the map
(Cytoscape.js, vendored in ``cogmap/show/assets/vendor`` with its licence), the quotes
behind every link, the article text with the quote highlighted, the feedback
loops (:mod:`cogmap.model.loops`), the forecasts and a precomputed what-if table
(:mod:`cogmap.model.simulate`). :func:`store_report_data` makes the same page from a
corpus store (:class:`cogmap.corpus.store.Store`): the whole corpus, one speaker or one
stored document, with every quote's document and the forecasts' resolutions.

Everything that comes from the input is embedded once, as JSON inside
``<script type="application/json">`` with ``<``, ``>``, ``&``, U+2028 and U+2029
escaped, and the page script only ever puts it in the page with ``textContent``.
A Content-Security-Policy allows only the page's own scripts (by hash) and no
connections at all.

Examples
--------
>>> from cogmap.model.model import Model
>>> m = Model.from_dict({"concepts": [{"id": "a", "label": "rates"}, {"id": "b", "label": "demand"}],
...                      "edges": [{"cause": "a", "effect": "b", "weight": -0.75}]})
>>> page = build_report(m)
>>> page.startswith("<!DOCTYPE html>") and "cytoscape" in page
True
>>> [n["role"] for n in report_data(m)["nodes"]]
['driver', 'receiver']
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
import re
import sqlite3
from importlib import resources
from pathlib import Path
from typing import Optional

from cogmap.errors import InputError
from cogmap.files import read_limited, write_atomic
from cogmap.model.model import Model, from_documents, load_model
from cogmap.show.bidi import BIDI_CONTROLS, neutralize_bidi
from cogmap.records import Document

__all__ = ["build_report", "report_data", "store_report_data", "forecast_score", "load_input", "json_for_html",
           "write_report"]

#: What-if tables are precomputed only up to this many concepts (one FCM run each).
WHAT_IF_MAX_CONCEPTS = 400
#: The simulation settings of the precomputed what-if (those of ``cogmap simulate``); a signed map
#: (one with a link that lowers) uses tanh instead, which lets a concept fall below its neutral 0.
WHAT_IF_SETTINGS = {"rule": "kosko", "transfer": "sigmoid", "lam": 1.0, "steps": 50, "threshold": 0.001}
#: The bundled scripts, in load order (each with its licence beside it in ``assets/vendor``).
VENDOR_SCRIPTS = ("vendor/cytoscape.min.js", "vendor/layout-base.js", "vendor/cose-base.js", "vendor/cytoscape-fcose.js")
#: Changes smaller than this are left out of the what-if tables.
WHAT_IF_EPS = 1e-4

MODEL_SUFFIXES = (".yaml", ".yml", ".json")


# -- input -------------------------------------------------------------------------
def load_input(obj, *, article=None, aliases=None) -> tuple[Model, Optional[Document], Optional[str]]:
    """Turn the report's input into ``(model, document, article text)``.

    Parameters
    ----------
    obj : Model, Document, str or Path
        A model; a document; or a file: ``.yaml``/``.yml``/``.json`` is read as a
        ``cogmap.model/1`` model (or a ``cogmap.document/1`` JSON document), anything
        else as an article and run through :func:`cogmap.extract`.
    article : str or Path, optional
        The article a model's evidence offsets point into, to show it in the page.
        For a model file whose only source is a file next to it, that file is used.
    aliases : alias file, optional
        Wordings to merge and pairs to keep apart (:mod:`cogmap.aliases`), for an
        article or a document; a model file is already merged and refuses them.

    Returns
    -------
    tuple
        ``(Model, Document or None, str or None)``.
    """
    doc: Optional[Document] = None
    model: Optional[Model] = None
    text: Optional[str] = None
    base: Optional[Path] = None
    if isinstance(obj, Model):
        model = obj
    elif isinstance(obj, Document):
        doc = obj
    else:
        p = Path(obj)
        if not p.exists():
            raise InputError(f"{p}: no such file")
        if p.is_dir():
            raise InputError(f"{p}: is a folder, not a file")
        if p.suffix.lower() in MODEL_SUFFIXES:
            base = p.parent
            data = None
            if p.suffix.lower() == ".json":
                try:
                    data = json.loads(read_limited(p, what="a model"))
                except (ValueError, RecursionError):  # load_model below says what is wrong
                    data = None
            if isinstance(data, dict) and data.get("schema") == "cogmap.document/1":
                try:
                    doc = Document.from_dict(data)
                except Exception as exc:  # pydantic ValidationError
                    raise InputError(f"{p}: not a valid cogmap.document/1 file ({exc.__class__.__name__})") from None
            else:
                if aliases is not None:
                    raise InputError(f"{p}: --aliases merges the concepts of articles and stores, not of a model file")
                model = load_model(p)
        else:
            from cogmap.extract.pipeline import extract

            doc = extract(p, aliases=aliases)
    if doc is not None:
        model = from_documents([doc], title=doc.title or Path(doc.source).name, aliases=aliases)
        text = doc.text
    if article is not None:
        text = _read_text(Path(article))
        quotes = [ev for e in model.edges for ev in e.evidence if ev.text] if model is not None else []
        if quotes and not any(_locate(text, ev.text, ev.start, ev.end) for ev in quotes):
            # Every quote would be shown as not found, under this article's name: the wrong file.
            raise InputError(f"{article}: none of the model's {len(quotes)} quotes is in this article; "
                             "give the article the model was read from")
    elif text is None and base is not None and model is not None and len(model.sources) == 1:
        near = base / Path(model.sources[0]).name
        if near.is_file() and near.suffix.lower() in (".txt", ".md"):
            text = _read_text(near)
    return model, doc, text


def _read_text(p: Path) -> str:
    data = read_limited(p)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{p}: cannot read ({exc.__class__.__name__})") from None


# -- data ----------------------------------------------------------------------------
def _utf16(text: str):
    """A function mapping code-point offsets of ``text`` to UTF-16 offsets (JavaScript's)."""
    if all(ord(ch) < 0x10000 for ch in text):
        return lambda i: i
    acc = [0]
    for ch in text:
        acc.append(acc[-1] + (2 if ord(ch) >= 0x10000 else 1))
    return lambda i: acc[max(0, min(i, len(text)))]


def _locate(text: Optional[str], quote: Optional[str], start: Optional[int], end: Optional[int]):
    """``(start, end)`` of ``quote`` in ``text``: the given offsets when they hold it, else its first occurrence."""
    if not text:
        return None
    if not quote:  # a hand-written model may give only offsets
        if start is not None and end is not None and end <= len(text) and text[start:end].strip():
            return start, end
        return None
    if start is not None and end is not None and text[start:end] == quote:
        return start, end
    i = text.find(quote)
    if i >= 0:
        return i, i + len(quote)
    return None


def what_if_settings(model: Model) -> dict:
    """The page's default what-if settings: tanh for a signed map, else those of ``cogmap simulate``.

    >>> from cogmap.model.model import Model
    >>> m = Model.from_dict({"concepts": [{"id": "a", "label": "a"}, {"id": "b", "label": "b"}],
    ...                      "edges": [{"cause": "a", "effect": "b", "weight": -0.5}]})
    >>> what_if_settings(m)["transfer"]
    'tanh'
    """
    from cogmap.model.simulate import default_transfer

    return dict(WHAT_IF_SETTINGS, transfer=default_transfer(model))


def _what_if(model: Model) -> dict:
    from cogmap.model.simulate import simulate

    s = what_if_settings(model)
    info = {"settings": s, "clamp": 1.0, "by": {}, "skipped": None}
    n = len(model.concepts)
    if n > WHAT_IF_MAX_CONCEPTS:
        info["skipped"] = f"the map has {n} concepts; what-if tables are precomputed only up to {WHAT_IF_MAX_CONCEPTS}"
        return info
    if not model.edges:
        return info
    kw = dict(rule=s["rule"], transfer=s["transfer"], lam=s["lam"], steps=s["steps"], threshold=s["threshold"])
    base = simulate(model, None, **kw)
    info["baseline"] = {"status": base.status, "steps": base.steps}
    for i, c in enumerate(model.concepts):
        scen = simulate(model, {c.id: 1.0}, **kw)
        rows = []
        for j, (cid, lab) in enumerate(zip(scen.ids, scen.labels)):
            if j == i:
                continue
            b, v = float(base.final[j]), float(scen.final[j])
            if abs(v - b) >= WHAT_IF_EPS:
                rows.append({"id": cid, "label": lab, "baseline": round(b, 4), "scenario": round(v, 4), "change": round(v - b, 4)})
        rows.sort(key=lambda r: (-abs(r["change"]), r["label"]))
        info["by"][c.id] = {"status": scen.status, "steps": scen.steps, "period": scen.period, "changes": rows}
    return info


def _layout(model: Model) -> dict:
    """Starting positions (networkx spring layout, fixed seed) so the page is the same every time."""
    import networkx as nx

    from cogmap.model.model import to_networkx

    G = to_networkx(model).to_undirected()
    if len(G) == 0:
        return {}
    pos = nx.spring_layout(G, seed=7, k=None if len(G) < 3 else 2.0 / len(G) ** 0.5)
    scale = 120.0 * max(3.0, len(G) ** 0.5)
    return {k: {"x": round(float(x) * scale, 1), "y": round(float(y) * scale, 1)} for k, (x, y) in pos.items()}


def report_data(obj, *, article=None, max_loop_length: int = 8, max_loops: int = 200, aliases=None) -> dict:
    """Everything the report page shows, as plain JSON-ready data.

    Parameters
    ----------
    obj : Model, Document, str or Path
        See :func:`load_input`.
    article : str or Path, optional
        The article text a model's evidence points into.
    max_loop_length, max_loops : int
        Bounds of the feedback-loop search (:func:`cogmap.model.loops.loops`).

    Returns
    -------
    dict
        ``title``, ``kind`` ("article" or "model"), ``sources``, ``text`` (or None),
        ``nodes``, ``edges``, ``loops``, ``forecasts`` and ``whatif``. Offsets in
        ``edges[].evidence[]`` and ``forecasts[]`` (``at``) are UTF-16 offsets into
        ``text``, as JavaScript counts them, and only present when the quote is there.
    """
    from cogmap.model.loops import loops

    if isinstance(obj, tuple):
        model, doc, text = obj
    else:
        model, doc, text = load_input(obj, article=article, aliases=aliases)
    u16 = _utf16(text) if text else (lambda i: i)

    indeg: dict[str, int] = {c.id: 0 for c in model.concepts}
    outdeg: dict[str, int] = {c.id: 0 for c in model.concepts}
    for e in model.edges:
        if e.weight == 0:
            continue
        outdeg[e.cause] += 1
        indeg[e.effect] += 1
    pos = _layout(model)
    nodes = []
    for c in model.concepts:
        i, o = indeg[c.id], outdeg[c.id]
        role = "driver" if o and not i else "receiver" if i and not o else "ordinary" if i and o else "unlinked"
        nodes.append({
            "id": c.id, "label": c.label, "role": role, "in": i, "out": o, "degree": i + o,
            "aliases": list(c.aliases), "description": c.description, "position": pos.get(c.id), "initial": c.initial,
        })

    edges = []
    for k, e in enumerate(model.edges):
        evs = []
        for ev in e.evidence:
            d = ev.model_dump(exclude_none=True)
            d.pop("start", None)
            d.pop("end", None)
            at = _locate(text, ev.text, ev.start, ev.end)
            if at is not None:
                d["at"] = [u16(at[0]), u16(at[1])]
                d.setdefault("text", text[at[0]:at[1]])
            evs.append(d)
        # Quotes only: a reviewer's "flipped by" entry disagrees with the quotes by design.
        signs = {(ev.weight > 0) - (ev.weight < 0) for ev in e.evidence if ev.weight and ev.text}
        edges.append({
            "id": f"e{k}", "source": e.cause, "target": e.effect, "weight": e.weight, "sign": e.sign,
            "evidence": evs, "support": e.support.model_dump() if e.support else None,
            "contested": signs == {1, -1},  # quotes that disagree on the sign
        })
    edge_id = {(e.cause, e.effect): f"e{k}" for k, e in enumerate(model.edges)}

    res = loops(model, max_length=max_loop_length, limit=max_loops, time_budget=5.0)
    loop_rows = []
    for lp in res.loops:
        n = len(lp.concepts)
        loop_rows.append({
            "kind": lp.kind, "concepts": lp.concepts, "labels": lp.labels, "strength": round(lp.strength, 4),
            "edges": [edge_id[(lp.concepts[i], lp.concepts[(i + 1) % n])] for i in range(n)],
        })

    forecasts = []
    for f in (doc.forecasts if doc is not None else []):
        row = {
            "statement": f.statement, "speaker": f.speaker, "probability": f.probability, "hedge": f.hedge,
            "horizon": f.horizon, "condition": f.condition, "p_text": _p_text(f.probability),
            "restated": [r.text for r in f.restated],
        }
        at = _locate(text, f.evidence.text, f.evidence.start, f.evidence.end)
        if at is not None:
            row["at"] = [u16(at[0]), u16(at[1])]
        forecasts.append(row)

    return {
        "schema": "cogmap.report/1",
        "title": model.title or (doc.source if doc is not None else None) or "causal map",
        "kind": "article" if doc is not None else "model",
        "description": model.description,
        "sources": list(model.sources),
        "text": text,
        "nodes": nodes,
        "edges": edges,
        "loops": {"notes": res.notes(), "complete": res.complete, "max_length": max_loop_length, "loops": loop_rows},
        "forecasts": forecasts,
        "whatif": _what_if(model),
    }


# -- corpus store -------------------------------------------------------------------
def _p_text(p) -> str:
    """A probability as ``cogmap forecasts list`` prints it (Python's rounding, not JavaScript's)."""
    return "" if p is None else f"{p:.2f}"


def _experts(store, speakers: Optional[set] = None) -> list[dict]:
    """Each speaker's record and calibration as ``cogmap experts`` computes and prints it."""
    rows = []
    for e in store.experts():
        if speakers is not None and e.speaker.casefold() not in speakers:
            continue
        rows.append({
            "speaker": e.speaker, "documents": e.documents, "claims": e.claims, "forecasts": e.forecasts,
            "resolved": e.resolved, "brier": e.brier, "log_score": e.log_score,
            "brier_text": "-" if e.brier is None else f"{e.brier:.3f}",
            "log_text": "-" if e.log_score is None else f"{e.log_score:.3f}",
            "calibration": [{"bin": f"{b.lower:.1f}-{b.upper:.1f}", "lower": b.lower, "upper": b.upper, "n": b.n,
                             "mean": b.mean_probability, "observed": b.observed_frequency,
                             "mean_text": f"{b.mean_probability:.2f}", "observed_text": f"{b.observed_frequency:.2f}"}
                            for b in e.calibration],
        })
    return rows


def forecast_score(probability: float, outcome: bool) -> dict:
    """Brier and log score of one resolved forecast (:mod:`cogmap.corpus.ledger`).

    >>> forecast_score(0.8, True)
    {'brier': 0.04, 'log': -0.2231}
    """
    from cogmap.corpus import ledger

    return {"brier": round(ledger.brier_score([probability], [outcome]), 4),
            "log": round(ledger.log_score([probability], [outcome]), 4)}


def _since(value) -> Optional[str]:
    if value is None or value == "":
        return None
    import datetime as _dt

    try:
        return _dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise InputError(f"--since must be a date YYYY-MM-DD, not {value!r}") from None


def _store_documents(store) -> list[dict]:
    """Every stored document: id, source, title, date and counts (read-only SQL on the store's file)."""
    rows = store.conn.execute(
        "SELECT d.id, d.source, d.title, d.date, d.added_at,"
        " (SELECT count(*) FROM claims c WHERE c.document_id = d.id AND c.modality != 'negated'),"
        " (SELECT count(*) FROM forecasts f WHERE f.document_id = d.id)"
        " FROM documents d ORDER BY d.id"
    ).fetchall()
    return [{"id": r[0], "name": r[2] or Path(r[1]).name or r[1], "source": r[1], "title": r[2], "date": r[3],
             "added_at": r[4], "claims": r[5], "forecasts": r[6]} for r in rows]


def _forecast_row(r) -> dict:
    """A :class:`cogmap.corpus.store.ForecastRow` as a row of the forecasts table."""
    row = {
        "id": r.id, "statement": r.statement, "speaker": r.speaker, "probability": r.probability, "hedge": r.hedge,
        "horizon": r.horizon, "condition": r.condition, "document_id": r.document_id, "date": r.date,
        "evidence": r.evidence, "resolution": None, "score": None, "p_text": _p_text(r.probability),
    }
    if r.outcome is not None:
        row["resolution"] = {"outcome": "yes" if r.outcome else "no", "on": r.resolved_on, "note": r.note}
        row["score"] = forecast_score(r.probability, bool(r.outcome))
    return row


def _tag_evidence(data: dict, docs: list[dict]) -> None:
    """Name each quote's document (title, id) from its ``source``; ids only when the source is unambiguous."""
    by_source: dict[str, list[dict]] = {}
    for d in docs:
        by_source.setdefault(d["source"], []).append(d)
    for e in data["edges"]:
        for ev in e["evidence"]:
            hits = by_source.get(ev.get("source"), [])
            if len(hits) == 1:
                ev["document_id"] = hits[0]["id"]
                ev["document"] = hits[0]["name"]
                if hits[0]["date"]:
                    ev["date"] = hits[0]["date"]


def store_report_data(store, *, document: Optional[int] = None, speaker: Optional[str] = None, since=None,
                      max_loop_length: int = 8, max_loops: int = 200, aliases=None, original: bool = False) -> dict:
    """The report's data for a corpus store: the whole corpus, one speaker, or one document.

    Parameters
    ----------
    store : cogmap.corpus.store.Store or str or Path
        An open store, or the path of an existing one (never created here).
    document : int, optional
        A stored document's id: the report of that article, its text included, its
        forecasts with their resolutions.
    speaker, since : optional
        For the corpus: only that speaker's claims and forecasts (name matched
        ignoring case), only documents dated on or after ``since`` (``YYYY-MM-DD``),
        as :meth:`cogmap.corpus.store.Store.map` does.
    max_loop_length, max_loops : int
        Bounds of the feedback-loop search.
    original : bool
        The corpus map as extracted, without the reviews (``cogmap map --db --original``).

    Returns
    -------
    dict
        As :func:`report_data`, with ``kind`` ``"document"`` or ``"corpus"``, each
        quote's ``document`` and ``document_id``, ``documents`` (the documents the
        view draws on) and forecasts carrying their store ``id``, ``resolution``
        (``outcome``, ``on``, ``note``) and ``score`` (Brier, log) when resolved.

    Raises
    ------
    cogmap.errors.InputError
        When the document does not exist or the speaker has said nothing in the store.
    """
    from cogmap.records import Document as _Document
    from cogmap.corpus.store import Store

    own = not hasattr(store, "conn")
    if own:
        store = Store(store, create=False, readonly=True)
    try:
        docs = _store_documents(store)
        if document is not None:
            # An id past SQLite's integers names no document (and would overflow the lookup).
            row = store.conn.execute("SELECT json FROM documents WHERE id = ?", (int(document),)).fetchone() \
                if 0 < int(document) < 2**63 else None
            if row is None:
                raise InputError(f"no document {document} in the store")
            doc = _Document.model_validate_json(row[0])
            model = from_documents([doc], title=doc.title or Path(doc.source).name or doc.source, aliases=aliases)
            data = report_data((model, doc, doc.text), max_loop_length=max_loop_length, max_loops=max_loops)
            data["kind"] = "document"
            ids = dict(store.conn.execute("SELECT forecast, id FROM forecasts WHERE document_id = ?", (int(document),)))
            rows = {r.id: r for r in store.forecasts() if r.document_id == int(document)}
            for f, src in zip(data["forecasts"], doc.forecasts):
                r = rows.get(ids.get(src.id))
                if r is not None:
                    f.update({k: v for k, v in _forecast_row(r).items() if k not in f or f[k] is None})
            this = [d for d in docs if d["id"] == int(document)]
            _tag_evidence(data, this)
            data["documents"] = this
            data["experts"] = _experts(store, {(f.speaker or "").casefold() for f in doc.forecasts} - {""})
            data["store"] = True
            return data
        day = _since(since)
        store.check_dated_since(day)
        from cogmap.corpus.review import apply_reviews, reviews, split_aliases

        done = [] if original else reviews(store)
        model, marks = apply_reviews(store.map(speaker=speaker, since=day, reviewed=False,
                                               aliases=split_aliases(done, aliases)), done,
                                     added=speaker is None and day is None)
        fc_rows = store.forecasts(speaker=speaker)
        if speaker is not None and not model.edges and not fc_rows:
            raise InputError(f"no claims or forecasts by {speaker!r} in the store")
        update = {}
        if speaker is not None:
            # The speaker's name as stored, and only the concepts their claims link (the documents have more).
            who = speaker.casefold()
            names = [ev.speaker for e in model.edges for ev in e.evidence if ev.speaker and ev.speaker.casefold() == who]
            names += [r.speaker for r in fc_rows if r.speaker]
            speaker = names[0] if names else speaker
            linked = {e.cause for e in model.edges} | {e.effect for e in model.edges}
            update["concepts"] = [c for c in model.concepts if c.id in linked]
        update["title"] = (f"{Path(store.path).name}: " + (f"what {speaker} said" if speaker else "the whole corpus")
                           + (f", since {day}" if day else ""))
        model = model.model_copy(update=update)
        data = report_data((model, None, None), max_loop_length=max_loop_length, max_loops=max_loops)
        data["kind"] = "corpus"
        keep = set(model.sources)
        used = [d for d in docs if d["source"] in keep and (day is None or (d["date"] or "")[:10] >= day)]
        _tag_evidence(data, docs)
        data["documents"] = used
        used_ids = {d["id"] for d in used}
        data["forecasts"] = [_forecast_row(r) for r in fc_rows if r.document_id in used_ids]
        data["experts"] = _experts(store, {(r["speaker"] or "").casefold() for r in data["forecasts"]} - {""})
        data["speaker"] = speaker
        data["since"] = day
        data["store"] = True
        for e in data["edges"]:
            if (e["source"], e["target"]) in marks:
                e["review"] = marks[(e["source"], e["target"])]
        data["reviews"] = [r.to_dict() for r in done]
        return data
    except sqlite3.DatabaseError as exc:  # a damaged page, a lost table: one line, not a traceback
        raise store.explain(exc) from None
    finally:
        if own:
            store.close()


# -- page -----------------------------------------------------------------------------
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029",
            # Shown as U+FFFD, so no title or name reads reversed (cogmap.show.bidi).
            **{c: "\\ufffd" for c in BIDI_CONTROLS}}
_ESCAPE_RE = re.compile(f"[<>&\u2028\u2029{BIDI_CONTROLS}]")


def json_for_html(data) -> str:
    """JSON text safe inside ``<script type="application/json">``.

    ``<``, ``>``, ``&``, U+2028 and U+2029 can only occur inside JSON strings, so
    replacing them with ``\\uXXXX`` escapes keeps the JSON equal and leaves no
    ``</script>`` or ``<!--`` for the HTML parser to see. Bidirectional controls
    (U+202A-U+202E, U+2066-U+2069) become U+FFFD, one for one, so offsets hold.

    >>> json_for_html({"q": "</script><b>&"})
    '{"q":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    s = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(0)], s)


@functools.lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return resources.files("cogmap.show").joinpath("assets", *name.split("/")).read_text(encoding="utf-8")


def _script_safe(code: str, name: str) -> str:
    low = code.lower()
    if "</script" in low or "<!--" in low:
        raise RuntimeError(f"{name} cannot be inlined in a <script> element")
    return code


def _sha256(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


def report_csp(*, review: bool = False, served: bool = False) -> str:
    """The page's Content-Security-Policy: its scripts by hash, no load, no connection.

    ``cogmap serve`` sends it as a header too; there, with ``review``, the page may
    send its review requests to the server it came from (``connect-src 'self'``), and
    with ``served`` it loads the bundled libraries from that server (:func:`build_report`'s
    ``scripts_at``), each still pinned by its hash.
    """
    hashes = " ".join(_sha256(_asset(name)) for name in VENDOR_SCRIPTS + ("report.js",))
    connect = "'self'" if review else "'none'"
    return (
        "default-src 'none'; "
        f"script-src {hashes}{' ' + chr(39) + 'self' + chr(39) if served else ''}; "
        "style-src 'unsafe-inline'; img-src data: blob:; "
        f"connect-src {connect}; form-action 'none'; base-uri 'none'"
    )


def vendor_script(name: str) -> Optional[str]:
    """The text of a bundled library by its name in :data:`VENDOR_SCRIPTS`, else None
    (``cogmap serve`` sends these and nothing else from the package)."""
    return _asset(name) if name in VENDOR_SCRIPTS else None


def build_report(obj, *, article=None, max_loop_length: int = 8, max_loops: int = 200, aliases=None,
                 scripts_at: Optional[str] = None) -> str:
    """The report as one self-contained HTML page.

    Parameters
    ----------
    obj : Model, Document, str, Path or dict
        An article (``.txt``/``.html``), a model file (``.yaml``/``.json``), a
        :class:`~cogmap.model.model.Model`, a :class:`~cogmap.records.Document`, or the
        data of a report already made (:func:`report_data`, :func:`store_report_data`).
    article : str or Path, optional
        For a model: the article its evidence offsets point into.
    max_loop_length, max_loops : int
        Bounds of the feedback-loop search.
    scripts_at : str, optional
        A URL path the bundled libraries are loaded from (``cogmap serve``'s
        ``/assets``) instead of being inlined: 800 KB less per page, which a browser
        then caches. Each ``<script>`` carries its hash (``integrity``).

    Returns
    -------
    str
        HTML. It loads nothing from the network (served, nothing but the libraries
        from its own server); its Content-Security-Policy forbids it to.
    """
    if isinstance(obj, dict) and obj.get("schema") == "cogmap.report/1":
        data = obj  # already made, e.g. by store_report_data
    else:
        data = report_data(obj, article=article, max_loop_length=max_loop_length, max_loops=max_loops,
                           aliases=aliases)
    if scripts_at is None:
        vendor = "".join(f"<script>{_script_safe(_asset(name), name)}</script>\n" for name in VENDOR_SCRIPTS)
    else:
        # The hash in the query makes a new version a new URL, so a browser may cache each for good.
        vendor = "".join(
            f'<script src="{html.escape(scripts_at)}/{name}?v={hashlib.sha256(_asset(name).encode()).hexdigest()[:16]}" '
            f'integrity="{_sha256(_asset(name))[1:-1]}"></script>\n' for name in VENDOR_SCRIPTS)
    page_js = _script_safe(_asset("report.js"), "report.js")
    css = _asset("report.css")
    if "</style" in css.lower():
        raise RuntimeError("report.css cannot be inlined")
    parts = {
        "csp": report_csp(review=bool(data.get("review")), served=scripts_at is not None),
        "css": css,
        "data": json_for_html(data),
        "vendor": vendor,
        "script": page_js,
        "bundled": "bundled in this file" if scripts_at is None else "served by this server",
        # The page's own title before its script runs (a file list, a tab, no script): escaped.
        "title": html.escape(neutralize_bidi("cogmap: " + str(data.get("title") or "report"))),
    }
    template = _asset("report.html")
    # One pass: text put in by one marker is never searched for another.
    return re.sub(r"\{\{(csp|css|data|vendor|script|bundled|title)\}\}", lambda m: parts[m.group(1)], template)


def write_report(obj, path, **kwargs) -> Path:
    """Build the report and write it to ``path`` (atomically); returns the path."""
    out = Path(path)
    page = build_report(obj, **kwargs)
    return write_atomic(out, page)
