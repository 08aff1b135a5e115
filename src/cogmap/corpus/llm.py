"""A language model reading the store's documents: the second half of ``cogmap add --llm``.

``add`` stores every document's offline reading first, so nothing waits on the
model and nothing is lost if it fails. Then each document named (newly added or
already there) that this model has not read yet is read by it
(:class:`cogmap.extract.llm.Reader`), several at once up to the client's limit; the
grounded, merged reading replaces the stored one in one transaction. A reading
that fails leaves the offline one in place and marks the document ``retry`` in
``llm_readings``: running the same ``add --llm`` again reads it. The model's answers
are cached in ``llm_answers`` (by model, prompt version and section text), so a
retry only asks for the sections that were not answered.

Forecasts keep their row (and so their ID and resolutions) when the new reading
still has them; a forecast that is gone and was never resolved is deleted.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence

from cogmap.extract.ingest import DEFAULT_MAX_BYTES
from cogmap.extract.llm import PROMPT_VERSION, Reader, Report
from cogmap.records import Document

from cogmap.corpus.queries import _now
from cogmap.corpus.workers import content_hash, expand_paths

__all__ = ["StoreCache", "LLMAddReport", "read_stored", "documents_of"]


class StoreCache:
    """The model's answers in the store's ``llm_answers`` table, safe to use from several threads."""

    def __init__(self, store):
        path = str(store.path)
        if path == ":memory:":  # another connection would be another database
            self._conn = store.conn
        else:
            self._conn = sqlite3.connect(path, timeout=60, check_same_thread=False, isolation_level=None)
            self._conn.execute("PRAGMA busy_timeout = 60000")
        self._own = self._conn is not store.conn
        self._lock = threading.Lock()

    def get(self, key: str) -> Optional[dict]:
        with self._lock:
            row = self._conn.execute("SELECT mode, tokens, answer FROM llm_answers WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            return {"mode": row[0], "tokens": row[1], "answer": json.loads(row[2])}
        except ValueError:
            return None

    def put(self, key: str, entry: dict) -> None:
        with self._lock:
            self._conn.execute(
                "INSERT OR REPLACE INTO llm_answers (key, model, prompt_version, mode, tokens, answer, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (key, entry["model"], entry["prompt_version"], entry["mode"], int(entry.get("tokens") or 0),
                 json.dumps(entry["answer"], ensure_ascii=False), _now()))

    def close(self) -> None:
        if self._own:
            self._conn.close()


@dataclass
class LLMAddReport:
    """What the model's reading of the store did."""

    model: str
    read: list[str] = field(default_factory=list)           # sources read and stored again
    retry: list[tuple[str, str]] = field(default_factory=list)  # (source, why), marked for a retry
    already: int = 0                                         # read by this model before
    tokens: int = 0
    sections: int = 0
    cached: int = 0
    dropped: int = 0
    seconds: float = 0.0
    modes: Counter = field(default_factory=Counter)

    def line(self) -> str:
        how = ", ".join(self.modes) or "no requests"
        return (f"llm ({self.model}, {how}): read {len(self.read)}, already read {self.already}, "
                f"marked for a retry {len(self.retry)}; {self.sections} sections ({self.cached} from cache), "
                f"{self.tokens:,} tokens, {self.dropped} proposals dropped; {self.seconds:.1f} s")


def documents_of(store, paths: Sequence) -> list[tuple[int, str]]:
    """``(document id, source)`` of the stored documents these files were read into."""
    out, seen = [], set()
    for f in expand_paths(paths):
        try:
            with open(f, "rb") as fh:
                data = fh.read(DEFAULT_MAX_BYTES + 1)
        except OSError:
            continue  # add has said why already
        row = store.conn.execute("SELECT document_id FROM inputs WHERE hash = ?", (content_hash(data),)).fetchone()
        if row is not None and row[0] not in seen:
            seen.add(row[0])
            out.append((row[0], str(f)))
    return out


def _mark(store, doc_id: int, model: str, status: str, error: Optional[str], tokens: int, c=None) -> None:
    (c or store.conn).execute(
        "INSERT OR REPLACE INTO llm_readings (document_id, model, prompt_version, status, error, tokens, read_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)", (doc_id, model, PROMPT_VERSION, status, error, tokens, _now()))


def _replace(store, doc_id: int, doc: Document, report: Report) -> None:
    """The document's new reading, in place of the old, with its reading marked done: one transaction."""
    with store.transaction() as c:
        c.execute("UPDATE documents SET json = ? WHERE id = ?", (doc.model_dump_json(by_alias=True), doc_id))
        c.execute("DELETE FROM concepts WHERE document_id = ?", (doc_id,))
        c.execute("DELETE FROM claims WHERE document_id = ?", (doc_id,))
        c.executemany(
            "INSERT INTO concepts (document_id, concept, label, aliases) VALUES (?, ?, ?, ?)",
            [(doc_id, k.id, k.label, json.dumps(k.aliases, ensure_ascii=False)) for k in doc.concepts])
        c.executemany(
            "INSERT INTO claims (document_id, claim, cause_concept, cause_label, cause_text, effect_concept,"
            " effect_label, effect_text, polarity, modality, tense, probability, speaker, evidence, start, \"end\")"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, k.id, k.cause.concept, k.cause.label, k.cause.text, k.effect.concept, k.effect.label,
              k.effect.text, k.link_polarity, k.modality, k.tense, k.probability, k.speaker,
              k.evidence.text, k.evidence.start, k.evidence.end) for k in doc.claims])
        # A forecast keeps its row, so that its ID and any resolution of it stay.
        rows = {(r[1], r[2]): r[0] for r in c.execute(
            'SELECT id, start, "end" FROM forecasts WHERE document_id = ?', (doc_id,))}
        kept = set()
        for f in doc.forecasts:
            values = (f.id, f.statement, json.dumps(f.concepts, ensure_ascii=False), f.probability, f.hedge,
                      f.horizon, f.condition, f.speaker, f.evidence.text)
            row = rows.get((f.evidence.start, f.evidence.end))
            if row is not None:
                kept.add(row)
                c.execute("UPDATE forecasts SET forecast = ?, statement = ?, concepts = ?, probability = ?, hedge = ?,"
                          " horizon = ?, condition = ?, speaker = ?, evidence = ? WHERE id = ?", (*values, row))
            else:
                c.execute("INSERT INTO forecasts (document_id, forecast, statement, concepts, probability, hedge,"
                          " horizon, condition, speaker, evidence, start, \"end\") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                          " ?, ?)", (doc_id, *values, f.evidence.start, f.evidence.end))
        gone = [r for r in rows.values() if r not in kept]
        c.executemany("DELETE FROM forecasts WHERE id = ? AND NOT EXISTS "
                      "(SELECT 1 FROM resolutions WHERE forecast_id = forecasts.id)", [(r,) for r in gone])
        _mark(store, doc_id, report.model, "done", None, report.tokens, c)


def read_stored(store, paths: Sequence, reader: Reader,
                progress: Optional[Callable[[int, int, Optional[str], int, str], None]] = None,
                offline: Optional[str] = None) -> LLMAddReport:
    """Read the stored documents of ``paths`` with the model, those it has not read yet.

    ``progress(done, total, source, tokens, status)`` is called once with status
    ``"start"``, then after each document with ``"read"`` or ``"retry"``.
    """
    from cogmap.extract.pipeline import DEFAULT_EXTRACTOR

    t0 = time.perf_counter()
    model = reader.settings.model
    offline = offline or os.environ.get("COGMAP_EXTRACTOR_KIND") or DEFAULT_EXTRACTOR
    out = LLMAddReport(model=model)
    todo = []
    for doc_id, source in documents_of(store, paths):
        row = store.conn.execute("SELECT status, prompt_version FROM llm_readings WHERE document_id = ? AND model = ?",
                                 (doc_id, model)).fetchone()
        if row is not None and row[0] == "done" and row[1] == PROMPT_VERSION:
            out.already += 1
        else:
            todo.append((doc_id, source))
    total = len(todo)
    if progress is not None:
        progress(0, total, None, 0, "start")
    cache, own_cache = (reader.cache, False) if reader.cache is not None else (StoreCache(store), True)
    reader.cache = cache
    try:
        with ThreadPoolExecutor(max_workers=reader.settings.concurrency, thread_name_prefix="cogmap-llm-doc") as pool:
            queue = list(reversed(todo))
            pending: dict = {}
            while queue or pending:
                # A few documents ahead of the requests in flight, not the whole corpus in memory.
                while queue and len(pending) < 2 * reader.settings.concurrency:
                    doc_id, source = queue.pop()
                    (js,) = store.conn.execute("SELECT json FROM documents WHERE id = ?", (doc_id,)).fetchone()
                    doc = Document.model_validate_json(js)
                    pending[pool.submit(reader.read, doc, offline=offline)] = (doc_id, source)
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    doc_id, source = pending.pop(fut)
                    try:
                        new, rep = fut.result()
                    except Exception as exc:  # a bug of ours must not cost the other documents their reading
                        new, rep = None, Report(source=source, model=model, error=f"{type(exc).__name__}: {exc}")
                    out.tokens += rep.tokens
                    out.sections += rep.sections
                    out.cached += rep.cached
                    out.dropped += rep.n_dropped
                    out.modes.update(rep.modes)
                    if rep.ok:
                        _replace(store, doc_id, new, rep)
                        out.read.append(source)
                    else:
                        with store.transaction() as c:
                            _mark(store, doc_id, model, "retry", rep.error, rep.tokens, c)
                        out.retry.append((source, rep.error or "failed"))
                    if progress is not None:
                        progress(len(out.read) + len(out.retry), total, source, out.tokens,
                                 "read" if rep.ok else "retry")
    finally:
        if own_cache:
            cache.close()
            reader.cache = None
    if out.read:
        store.embed_labels()  # the new readings' labels, for map (Store.embed_labels)
    out.seconds = time.perf_counter() - t0
    return out


def retry_count(store, model: Optional[str] = None) -> int:
    """How many documents wait for a retry of their reading by ``model`` (any model: ``None``)."""
    sql = "SELECT count(*) FROM llm_readings WHERE status = 'retry'" + (" AND model = ?" if model else "")
    return store.conn.execute(sql, (model,) if model else ()).fetchone()[0]

