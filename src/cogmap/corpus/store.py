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
* ``PRAGMA application_id`` marks the file as cogmap's; another application's
  SQLite file is refused before anything is written to it. Reading commands open
  the store read-only (``readonly=True``), writing ones refuse a damaged file
  (``PRAGMA quick_check``), and a full disk stops ``add`` at once.

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

import functools
import json
import os
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence

from cogmap.aliases import Aliases
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
    "APPLICATION_ID",
    "DEFAULT_DB",
    "expand_paths",
    "normalize_day",
]

DEFAULT_DB = "cogmap.db"
BUSY_TIMEOUT_MS = 60_000
#: ``PRAGMA application_id`` of a cogmap store: "cgmp" in ASCII. ``file(1)`` and other
#: tools can tell the file apart, and cogmap refuses SQLite files that are not its own.
APPLICATION_ID = 0x63676D70


def _is_read_only(exc: sqlite3.DatabaseError) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")) or "readonly database" in str(exc)


def _tables_of(version: int) -> frozenset[str]:
    """The tables a store of this schema version has: the migrations run on an empty database."""
    return _tables_made(min(version, SCHEMA_VERSION), id(MIGRATIONS))


@functools.lru_cache(maxsize=None)
def _tables_made(version: int, _migrations: int) -> frozenset[str]:
    # Once per process and schema: running the migrations takes milliseconds, and
    # `cogmap serve` opens the store for every API request.
    conn = sqlite3.connect(":memory:")
    try:
        for v in range(1, version + 1):
            for step in MIGRATIONS[v]:
                step(conn) if callable(step) else conn.execute(step)
        return frozenset(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
    finally:
        conn.close()


class Store(Queries):
    """A corpus of extracted documents in one SQLite file.

    Parameters
    ----------
    path : str or Path, default ``cogmap.db``
        The database file; created on first use unless ``create=False``.
    create : bool
        With ``False``, a missing file is a :class:`~cogmap.errors.CogmapError`
        (the read-only commands use this, so a typo does not make an empty store).
    readonly : bool
        Open with a connection that cannot write (``?mode=ro``), for commands that
        only read; it also reads a store on a read-only disk. An older store is
        still upgraded first when the file can be written.
    """

    def __init__(self, path: str | os.PathLike = DEFAULT_DB, *, create: bool = True, readonly: bool = False):
        self.path = Path(path)
        self.readonly = False
        memory = str(path) == ":memory:"
        if not memory and self.path.is_dir():
            raise InputError(f"{self.path} is a folder: --db names a store file (e.g. {self.path / DEFAULT_DB})")
        if not create and (not self.path.exists() or not memory and self.path.stat().st_size == 0):
            # (An empty file is no store either: a reading command must not make it one.)
            raise InputError(f"no store at {self.path}{' (the file is empty)' if self.path.exists() else ''}: "
                             f"run `cogmap add PATH --db {self.path}` first")
        if not memory and self.path.parent and not self.path.parent.exists():
            raise InputError(f"folder {self.path.parent} does not exist")
        # Whose file it is, read without writing a byte: a file of another
        # application must come out of here exactly as it went in.
        probe = None if memory or not self.path.exists() or self.path.stat().st_size == 0 else self._open_readonly()
        if probe is not None:
            try:
                version = self._identify(probe)
            except BaseException:
                probe.close()
                raise
            if readonly and version == SCHEMA_VERSION:
                self.conn, self.readonly = probe, True
                return
            probe.close()
        try:
            self.conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as exc:  # a place it cannot write, like an unwritable -o: the user's to fix
            raise InputError(f"cannot open store {self.path}: {exc}") from None
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            self._refuse_newer(version)
            if probe is not None and not readonly:
                self._check_integrity()
            mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":  # pragma: no cover - e.g. some network filesystems
                pass
            self.conn.execute("PRAGMA synchronous = NORMAL")  # durable across kills in WAL mode
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            if readonly and probe is not None and _is_read_only(exc):
                # A store on a read-only disk or in a read-only file can still be read.
                self.conn, self.readonly = self._open_readonly(), True
                if self.version != SCHEMA_VERSION:
                    self.conn.close()
                    raise InputError(f"store {self.path} is read-only and has schema version {self.version}; "
                                     f"this cogmap reads version {SCHEMA_VERSION}: copy it somewhere writable "
                                     "and run the command on the copy, which upgrades it") from None
                return
            raise self.explain(exc) from None
        except CogmapError:
            self.conn.close()
            raise

    def _open_readonly(self) -> sqlite3.Connection:
        """A connection that cannot write, even where SQLite cannot make its WAL index."""
        uri = self.path.absolute().as_uri()
        for query in ("?mode=ro", "?mode=ro&immutable=1"):
            try:
                conn = sqlite3.connect(uri + query, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
                conn.row_factory = sqlite3.Row
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return conn
            except sqlite3.DatabaseError as exc:
                conn.close()
                # A WAL file needs its -shm index beside it; on a read-only disk that
                # cannot be made, and only ``immutable`` (nobody can write it there) reads it.
                if "immutable" not in query and _is_read_only(exc):
                    continue
                raise self.explain(exc, opening=True) from None
        raise AssertionError("unreachable")  # pragma: no cover

    def _identify(self, conn: sqlite3.Connection) -> int:
        """The file's schema version, once it is known to be a cogmap store with all its tables."""
        app = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        tables = {t for t in tables if not t.startswith("sqlite_")}
        if app not in (0, APPLICATION_ID):
            raise InputError(f"{self.path} belongs to another application (SQLite application_id {app}), "
                             "not cogmap: name another file with --db")
        # Stores made before the application id have cogmap's tables; anything else
        # with tables is someone else's database.
        if app == 0 and tables and not {"documents", "inputs"} <= tables:
            some = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
            raise InputError(f"{self.path} is a SQLite database of another application (tables {some}), "
                             "not a cogmap store: name another file with --db")
        if app == 0 and not tables and version:
            # No table, no cogmap mark, but a version: an empty database of another program
            # (a cogmap store with a version has its mark or, older, its tables).
            raise InputError(f"{self.path} is an empty SQLite database of another application (user_version "
                             f"{version}), not a cogmap store: name another file with --db")
        self._refuse_newer(version)
        missing = sorted(_tables_of(version) - tables)
        if missing:
            raise InputError(f"store {self.path} has lost its table{'s' if len(missing) > 1 else ''} "
                             f"{', '.join(missing)}: it is damaged; restore it from a backup, "
                             "or make a new store with `cogmap add`")
        return version

    def _check_integrity(self) -> None:
        """Refuse to write into a damaged file: a write there can spread the damage."""
        try:
            # One problem is enough to refuse, and quick_check skips the index
            # cross-checks that make integrity_check slow on a big store.
            found = [r[0] for r in self.conn.execute("PRAGMA quick_check(1)")]
        except sqlite3.DatabaseError as exc:
            found = [str(exc)]
        if found != ["ok"]:
            what = " ".join((found[0] if found else "unknown").replace("*** in database main ***", "").split())
            raise InputError(
                f"store {self.path} is damaged ({what}); cogmap will not write into it. "
                f"Recover what is readable with `sqlite3 {self.path} .recover | sqlite3 recovered.db`, "
                "or restore a backup")

    def explain(self, exc: sqlite3.DatabaseError, *, opening: bool = False) -> CogmapError:
        """One line for a SQLite error about the file itself (damaged, full, read-only)."""
        name = getattr(exc, "sqlite_errorname", "") or ""
        text = str(exc)
        if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text or "not a database" in text:
            if opening and "not a database" in text:
                return InputError(f"{self.path} is not a cogmap store (not a SQLite database)")
            return InputError(
                f"store {self.path} is damaged ({text}). Recover what is readable with "
                f"`sqlite3 {self.path} .recover | sqlite3 recovered.db`, or restore a backup")
        if name.startswith("SQLITE_FULL") or "disk is full" in text:
            return CogmapError(f"the disk is full: cannot write to store {self.path}; nothing half-written was kept. "
                               "Free some space and run the command again")
        if _is_read_only(exc):
            return CogmapError(f"store {self.path} is read-only: cannot write to it ({text})")
        if "no such table" in text or "no such column" in text:
            return InputError(f"store {self.path} is damaged or not a cogmap store ({text}); restore it from a backup, "
                              "or make a new store with `cogmap add`")
        return CogmapError(f"store {self.path}: {text}")

    # -- lifecycle ---------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, typ, exc, tb) -> None:
        self.close()
        if isinstance(exc, sqlite3.DatabaseError):
            # A page error met while reading or writing is about the file: say so in one line.
            raise self.explain(exc) from None

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
        """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any error.

        Inside another transaction it is a savepoint of that one, so that work made of
        several writes (replaying a file of reviews) commits whole or not at all.
        """
        nested = self.conn.in_transaction
        self.conn.execute("SAVEPOINT inner" if nested else "BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            # SQLite may already have rolled back by itself (disk full, I/O error);
            # a second ROLLBACK would hide the error that matters.
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK TO inner" if nested else "ROLLBACK")
                if nested:
                    self.conn.execute("RELEASE inner")
            raise
        else:
            self.conn.execute("RELEASE inner" if nested else "COMMIT")

    def _migrate(self) -> None:
        while True:
            with self.transaction() as c:
                # Re-read inside the write lock: another process may have migrated.
                version = c.execute("PRAGMA user_version").fetchone()[0]
                self._refuse_newer(version)
                if c.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                    c.execute(f"PRAGMA application_id = {APPLICATION_ID}")
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
        if report.added or report.unchanged:
            # (also when nothing is new: a run stopped before this step left labels without vectors)
            self.embed_labels()
        report.seconds = time.perf_counter() - t0
        return report

    def embed_labels(self, batch: int = 1024) -> int:
        """Store the embedding of every concept label that has none yet; the count added.

        :meth:`map` merges concepts of different documents by meaning
        (:func:`cogmap.extract.concepts.unify`); with these vectors stored it embeds
        no label again, so a map of a large corpus costs what reading it costs.
        :meth:`add` calls this once at its end, in batches of ``batch`` labels, each
        batch one transaction. Without the embedding model nothing is stored, and
        ``map`` embeds what it needs (or merges without meaning, as it is told).
        """
        from cogmap.extract import embed as embeddings
        from cogmap.extract.concepts import EMBEDDED_WORDS

        if not embeddings.available():
            return 0
        try:
            missing = [r[0] for r in self.conn.execute(
                "SELECT DISTINCT label FROM concepts c WHERE NOT EXISTS "
                "(SELECT 1 FROM label_vectors v WHERE v.label = c.label AND v.model = ?)", (embeddings.MODEL_ID,))]
            # The merger compares only short labels by meaning (a long one is an event).
            missing = [m for m in missing if m.strip() and len(m.split()) <= EMBEDDED_WORDS]
            for lo in range(0, len(missing), batch):
                part = missing[lo:lo + batch]
                vectors = embeddings.encode(part).astype("<f4")
                with self.transaction() as c:
                    c.executemany("INSERT OR REPLACE INTO label_vectors (label, model, vector) VALUES (?, ?, ?)",
                                  [(label, embeddings.MODEL_ID, v.tobytes()) for label, v in zip(part, vectors)])
        except sqlite3.DatabaseError as exc:
            raise self.explain(exc) from None
        return len(missing)

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
                    k.effect.text, k.link_polarity, k.modality, k.tense, k.probability, k.speaker,
                    k.evidence.text, k.evidence.start, k.evidence.end,
                )
                for k in [*doc.claims, *doc.denials]  # a denial is indexed with modality "negated"
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
        aliases=None,
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
        aliases : cogmap.aliases.Aliases, dict or path, optional
            An analyst's alias file, applied as each new document is extracted.
            Documents already stored keep their concepts; pass the same file to
            :meth:`map`, which applies it over every stored document.

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
        aliases = Aliases.coerce(aliases)  # read once, and a bad file stops before any work
        options = {"aliases": aliases} if aliases is not None else {}
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
            try:
                known = self._has_input(raw)
            except sqlite3.DatabaseError as exc:
                raise self.explain(exc) from None
            if known:
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
            except sqlite3.DatabaseError as exc:
                # The file failed, not the document (disk full, damaged, read-only): every
                # later document would fail the same way after minutes of extraction.
                stop = self.explain(exc)
                raise type(stop)(f"{stop} ({len(report.added)} added before it; {source} and the rest were not)") from None
            except Exception as exc:
                report.failed.append((source, _describe(exc)))
                tick(source, "failed")
                return
            (report.added if new else report.unchanged).append(source)
            tick(source, "added" if new else "unchanged")

        # Workers finish in any order; documents are stored in the order given, so their ids
        # (and their forecasts' ids, which users cite) do not depend on how many workers ran.
        place = {source: i for i, (source, _) in enumerate(todo)}
        waiting: dict[int, tuple] = {}
        gone: set[int] = set()
        turn = 0

        def in_order(result) -> None:
            nonlocal turn
            waiting[place[result[0]]] = result
            if len(waiting) > 256:  # one document far slower than the rest: memory stays flat, order gives way
                early = min(waiting)
                gone.add(early)
                store(waiting.pop(early))
            while turn in waiting or turn in gone:
                if turn in waiting:
                    store(waiting.pop(turn))
                turn += 1

        if dask_address:
            report.workers = run_dask(todo, dask_address, spec, in_order, options)
        elif workers == 0 or (workers is None and len(todo) <= 1):
            report.workers = 0
            for source, _ in todo:
                store(_extract_path(source, spec, options))
        else:
            report.workers = run_pool(todo, workers or os.cpu_count() or 1, spec, in_order, options)
        for k in sorted(waiting):  # (one whose result never came: the rest are stored all the same)
            store(waiting.pop(k))
        if report.added or report.unchanged:
            # (also when nothing is new: a run stopped before this step left labels without vectors)
            self.embed_labels()
        report.seconds = time.perf_counter() - t0
        return report

