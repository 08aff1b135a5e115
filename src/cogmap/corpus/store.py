"""The corpus store: many documents in one plain SQLite file.

A :class:`Store` keeps every extracted :class:`~cogmap.records.Document` as rows
(documents, turns, quotes, concepts, claims, forecasts) plus the resolutions of
forecasts, so that a corpus can be mapped, filtered by speaker and date, and
scored. The file is a normal SQLite database (default ``cogmap.db``) that any
SQLite tool can open; its tables are documented in ``docs/store.md``.

Each method of :class:`Store` is one ``cogmap`` command:

==========================  ==========================================
``Store.add(paths)``        ``cogmap add PATH...``
``Store.map()``             ``cogmap map --db cogmap.db``
``Store.experts()``         ``cogmap experts``
``Store.forecasts()``       ``cogmap forecasts list``
``Store.resolve(id, ...)``  ``cogmap forecasts resolve ID --outcome yes``
==========================  ==========================================

Reliability
-----------
* Every write is one transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``); a
  document and all its rows appear together or not at all, so killing a
  process at any moment leaves a valid store, and running ``add`` again
  finishes the job without duplicates.
* Documents are stored once by content hash (SHA-256 of the document text);
  the raw bytes of each input file are hashed too, so a file already added is
  not extracted again.
* The journal is in WAL mode with a busy timeout, so several processes can add
  to one store at once; only the parent process writes, workers only extract.
* The schema version is ``PRAGMA user_version``; older stores are migrated
  step by step, a store written by a newer cogmap is refused.

Examples
--------
>>> import tempfile, os
>>> from cogmap.records import Document
>>> db = Store(os.path.join(tempfile.mkdtemp(), "cogmap.db"))
>>> db.add_documents([Document(source="a.txt", text="Rates rose.")]).added
['a.txt']
>>> db.add_documents([Document(source="copy.txt", text="Rates rose.")]).unchanged
['copy.txt']
>>> [d.source for d in db.documents()]
['a.txt']
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence

from cogmap.errors import CogmapError, InputError
from cogmap.files import read_limited
from cogmap.records import Document

from cogmap.corpus.queries import Contradiction, Expert, ForecastRow, Queries, Resolution, _now
from cogmap.corpus.schema import MIGRATIONS, SCHEMA_VERSION, normalize_day
from cogmap.corpus.workers import (
    DEFAULT_EXTRACTOR, EXTRACTOR_ENV, AddReport, _describe, _extract_path, content_hash, expand_paths, run_dask, run_pool,
)

__all__ = [
    "Store",
    "AddReport",
    "ForecastRow",
    "Resolution",
    "Expert",
    "Contradiction",
    "SCHEMA_VERSION",
    "DEFAULT_DB",
    "expand_paths",
    "normalize_day",
]

DEFAULT_DB = "cogmap.db"
BUSY_TIMEOUT_MS = 60_000


class Store(Queries):
    """A corpus of extracted documents in one SQLite file.

    Parameters
    ----------
    path : str or Path, default ``cogmap.db``
        The database file; created on first use unless ``create=False``.
    create : bool
        With ``False``, a missing file is a :class:`~cogmap.errors.CogmapError`
        (the read-only commands use this, so a typo does not make an empty store).
    """

    def __init__(self, path: str | os.PathLike = DEFAULT_DB, *, create: bool = True):
        self.path = Path(path)
        if not create and not self.path.exists():
            raise CogmapError(f"no store at {self.path}: run `cogmap add PATH --db {self.path}` first")
        if self.path.parent and not self.path.parent.exists():
            raise CogmapError(f"folder {self.path.parent} does not exist")
        try:
            self.conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as exc:
            raise CogmapError(f"cannot open store {self.path}: {exc}") from None
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            self._refuse_newer(version)
            mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":  # pragma: no cover - e.g. some network filesystems
                pass
            self.conn.execute("PRAGMA synchronous = NORMAL")  # durable across kills in WAL mode
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            if "not a database" in str(exc) or "malformed" in str(exc):
                raise CogmapError(f"{self.path} is not a cogmap store: {exc}") from None
            raise CogmapError(f"cannot open store {self.path}: {exc}") from None
        except CogmapError:
            self.conn.close()
            raise

    # -- lifecycle ---------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    @property
    def version(self) -> int:
        """The schema version of the file (``PRAGMA user_version``)."""
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _refuse_newer(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise CogmapError(
                f"store {self.path} has schema version {version}, newer than this cogmap "
                f"understands ({SCHEMA_VERSION}); upgrade cogmap to use it"
            )

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any error."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def _migrate(self) -> None:
        while True:
            with self.transaction() as c:
                # Re-read inside the write lock: another process may have migrated.
                version = c.execute("PRAGMA user_version").fetchone()[0]
                self._refuse_newer(version)
                if version >= SCHEMA_VERSION:
                    return
                for step in MIGRATIONS[version + 1]:
                    step(c) if callable(step) else c.execute(step)
                c.execute(f"PRAGMA user_version = {version + 1}")

    # -- writing -------------------------------------------------------------

    def _has_input(self, raw_hash: str) -> bool:
        return self.conn.execute("SELECT 1 FROM inputs WHERE hash = ?", (raw_hash,)).fetchone() is not None

    def add_document(self, doc: Document, *, input_hash: str | None = None) -> tuple[int, bool]:
        """Store one document in one transaction; ``(document id, True if new)``.

        A document whose text is already stored changes nothing.
        """
        text_hash = content_hash(doc.text)
        with self.transaction() as c:
            row = c.execute("SELECT id FROM documents WHERE hash = ?", (text_hash,)).fetchone()
            if row is not None:
                doc_id, new = row[0], False
            else:
                doc_id, new = self._insert(c, doc, text_hash), True
            if input_hash is not None:
                c.execute(
                    "INSERT OR IGNORE INTO inputs (hash, document_id, source) VALUES (?, ?, ?)",
                    (input_hash, doc_id, doc.source),
                )
        return doc_id, new

    def add_documents(self, docs: Iterable[Document]) -> AddReport:
        """Store documents already extracted (each in its own transaction)."""
        report = AddReport()
        t0 = time.perf_counter()
        for doc in docs:
            _, new = self.add_document(doc)
            (report.added if new else report.unchanged).append(doc.source)
        report.seconds = time.perf_counter() - t0
        return report

    @staticmethod
    def _insert(c: sqlite3.Connection, doc: Document, text_hash: str) -> int:
        cur = c.execute(
            "INSERT INTO documents (hash, source, title, date, day, text, json, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (text_hash, doc.source, doc.title, doc.date, normalize_day(doc.date), doc.text,
             doc.model_dump_json(by_alias=True), _now()),
        )
        d = cur.lastrowid
        c.executemany(
            'INSERT INTO turns (document_id, seq, kind, speaker, start, "end") VALUES (?, ?, ?, ?, ?, ?)',
            [(d, i, t.kind, t.speaker, t.start, t.end) for i, t in enumerate(doc.turns)],
        )
        c.executemany(
            'INSERT INTO quotes (document_id, seq, speaker, text, start, "end") VALUES (?, ?, ?, ?, ?, ?)',
            [(d, i, q.speaker, q.text, q.start, q.end) for i, q in enumerate(doc.quotes)],
        )
        c.executemany(
            "INSERT INTO concepts (document_id, concept, label, aliases) VALUES (?, ?, ?, ?)",
            [(d, k.id, k.label, json.dumps(k.aliases, ensure_ascii=False)) for k in doc.concepts],
        )
        c.executemany(
            "INSERT INTO claims (document_id, claim, cause_concept, cause_label, cause_text, effect_concept,"
            " effect_label, effect_text, polarity, modality, tense, probability, speaker, evidence, start, \"end\")"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    d, k.id, k.cause.concept, k.cause.label, k.cause.text, k.effect.concept, k.effect.label,
                    k.effect.text, k.polarity, k.modality, k.tense, k.probability, k.speaker,
                    k.evidence.text, k.evidence.start, k.evidence.end,
                )
                for k in doc.claims
            ],
        )
        c.executemany(
            "INSERT INTO forecasts (document_id, forecast, statement, concepts, probability, hedge, horizon,"
            " condition, speaker, evidence, start, \"end\") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    d, f.id, f.statement, json.dumps(f.concepts, ensure_ascii=False), f.probability, f.hedge,
                    f.horizon, f.condition, f.speaker, f.evidence.text, f.evidence.start, f.evidence.end,
                )
                for f in doc.forecasts
            ],
        )
        return d

    def add(
        self,
        paths: Sequence[str | os.PathLike] | str | os.PathLike,
        workers: Optional[int] = None,
        dask_address: Optional[str] = None,
        progress: Optional[Callable[[int, int, Optional[str], str], None]] = None,
        *,
        extractor: Optional[str] = None,
    ) -> AddReport:
        """Extract files and store them: the API of ``cogmap add PATH...``.

        Parameters
        ----------
        paths : paths, folders (searched recursively for .txt, .html, .htm) or globs
            A ``.json`` file named explicitly (or by a glob) is read as an
            already extracted ``cogmap.document/1`` document.
        workers : int, optional
            Extraction processes; default one per CPU core. ``0`` extracts in
            this process (no pool), which is handy for debugging.
        dask_address : str, optional
            Run extraction on an existing ``dask.distributed`` scheduler
            (``tcp://host:8786``) instead of local processes; the file contents
            are sent to the workers and the results written here.
        progress : callable, optional
            Called as ``progress(done, total, source, status)``: once with
            ``(0, total, None, "start")``, then after each file with status
            ``"added"``, ``"unchanged"`` or ``"failed"``.
        extractor : str, optional
            ``module:function`` to use instead of ``cogmap.extract.pipeline:extract``.

        Returns
        -------
        AddReport
            Sources added, unchanged (same content already stored) and failed
            (with the reason); a failed document is skipped, the rest go on.
        """
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        files = expand_paths(paths)
        spec = extractor or os.environ.get(EXTRACTOR_ENV) or DEFAULT_EXTRACTOR
        report = AddReport()
        t0 = time.perf_counter()
        total = len(files)
        if progress is not None:
            progress(0, total, None, "start")

        def tick(source: str, status: str) -> None:
            if progress is not None:
                progress(report.total, total, source, status)

        # Files already stored (same bytes) are not extracted again.
        todo: list[tuple[str, str]] = []  # (source, raw hash)
        for f in files:
            source = str(f)
            try:
                raw = content_hash(read_limited(f))
            except InputError as exc:
                why = str(exc).removeprefix(f"{source}: ")  # the report names the file already
                report.failed.append((source, why))
                tick(source, "failed")
                continue
            if self._has_input(raw):
                report.unchanged.append(source)
                tick(source, "unchanged")
            else:
                todo.append((source, raw))
        hashes = dict(todo)

        def store(result) -> None:
            source, doc_json, error, rss = result
            report.peak_worker_memory = max(report.peak_worker_memory, rss)
            if error is not None:
                report.failed.append((source, error))
                tick(source, "failed")
                return
            try:
                doc = Document.model_validate_json(doc_json)
                _, new = self.add_document(doc, input_hash=hashes[source])
            except Exception as exc:
                report.failed.append((source, _describe(exc)))
                tick(source, "failed")
                return
            (report.added if new else report.unchanged).append(source)
            tick(source, "added" if new else "unchanged")

        if dask_address:
            report.workers = run_dask(todo, dask_address, spec, store)
        elif workers == 0 or (workers is None and len(todo) <= 1):
            report.workers = 0
            for source, _ in todo:
                store(_extract_path(source, spec))
        else:
            report.workers = run_pool(todo, workers or os.cpu_count() or 1, spec, store)
        report.seconds = time.perf_counter() - t0
        return report

