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

import datetime as _dt
import glob
import hashlib
import importlib
import json
import os
import re
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence

from cogmap.errors import CogmapError, InputError
from cogmap.records import Document

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
SUFFIXES = (".txt", ".html", ".htm")
BUSY_TIMEOUT_MS = 60_000

#: Environment variable naming the extractor as ``module:function``. Only the
#: tests set it (to a fast fake); normally it is unset and
#: ``cogmap.pipeline:extract`` is used.
EXTRACTOR_ENV = "COGMAP_EXTRACTOR"
DEFAULT_EXTRACTOR = "cogmap.pipeline:extract"

# --------------------------------------------------------------------------
# Schema. Each migration takes the store from version n-1 to n; they are run
# in order, each in its own transaction together with the new user_version.
# --------------------------------------------------------------------------

# Each step is SQL text or a function of the connection (for data changes).
MIGRATIONS: dict[int, list] = {
    1: [
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE,      -- sha256 of the document text
            source TEXT NOT NULL,
            title TEXT,
            date TEXT,                      -- as extracted, ISO 8601 when known
            text TEXT NOT NULL,
            json TEXT NOT NULL,             -- the full cogmap.document/1 JSON
            added_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX documents_date ON documents(date)",
        """
        CREATE TABLE inputs (
            hash TEXT PRIMARY KEY,          -- sha256 of the raw input bytes
            document_id INTEGER NOT NULL REFERENCES documents(id),
            source TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE turns (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            speaker TEXT,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL
        )
        """,
        """
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            seq INTEGER NOT NULL,
            speaker TEXT,
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL
        )
        """,
        """
        CREATE TABLE concepts (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            concept TEXT NOT NULL,          -- the id inside the document
            label TEXT NOT NULL,
            aliases TEXT NOT NULL           -- JSON list of strings
        )
        """,
        """
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            claim TEXT NOT NULL,            -- the id inside the document
            cause_concept TEXT NOT NULL,
            cause_label TEXT NOT NULL,
            cause_text TEXT NOT NULL,
            effect_concept TEXT NOT NULL,
            effect_label TEXT NOT NULL,
            effect_text TEXT NOT NULL,
            polarity INTEGER NOT NULL CHECK (polarity IN (1, -1)),
            modality TEXT NOT NULL,
            tense TEXT NOT NULL,
            probability REAL,
            speaker TEXT,
            evidence TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL
        )
        """,
        "CREATE INDEX claims_pair ON claims(cause_label, effect_label)",
        "CREATE INDEX claims_speaker ON claims(speaker)",
        """
        CREATE TABLE forecasts (
            id INTEGER PRIMARY KEY,         -- the ID of `cogmap forecasts resolve ID`
            document_id INTEGER NOT NULL REFERENCES documents(id),
            forecast TEXT NOT NULL,         -- the id inside the document
            statement TEXT NOT NULL,
            concepts TEXT NOT NULL,         -- JSON list of concept ids
            probability REAL NOT NULL,
            hedge TEXT NOT NULL,
            horizon TEXT,
            condition TEXT,
            speaker TEXT,
            evidence TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL
        )
        """,
        "CREATE INDEX forecasts_speaker ON forecasts(speaker)",
        """
        CREATE TABLE resolutions (
            id INTEGER PRIMARY KEY,         -- the latest row of a forecast is in force
            forecast_id INTEGER NOT NULL REFERENCES forecasts(id),
            outcome INTEGER NOT NULL CHECK (outcome IN (0, 1)),
            resolved_on TEXT NOT NULL,      -- the date the outcome was known
            note TEXT,
            recorded_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX resolutions_forecast ON resolutions(forecast_id)",
    ],
}


_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SLASH_DAY = re.compile(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b")
_MDY = re.compile(r"\b([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b")
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]{3,9})\.?,? (\d{4})\b")


def normalize_day(value: Optional[str]) -> Optional[str]:
    """The ``YYYY-MM-DD`` day of a date as extracted, or ``None`` if it cannot be read.

    Dates come from HTML metadata (ISO 8601) or from datelines in the text.

    >>> [normalize_day(x) for x in ["2024-03-01T10:00:00Z", "Sep 22, 2005", "Published 3 March 2021 10:02",
    ...                             "Sept. 9, 2019", "2020/1/2", "last week", None]]
    ['2024-03-01', '2005-09-22', '2021-03-03', '2019-09-09', '2020-01-02', None, None]
    """
    if not value:
        return None
    text = str(value)
    found = []
    for rx, order in ((_ISO_DAY, "ymd"), (_SLASH_DAY, "ymd"), (_MDY, "mdy"), (_DMY, "dmy")):
        m = rx.search(text)
        if m:
            parts = dict(zip(order, m.groups()))
            found.append((m.start(), parts))
    for _, parts in sorted(found, key=lambda x: x[0]):
        month = parts["m"]
        if not month.isdigit():
            month = _MONTHS.get(month[:3].lower())
            if month is None:
                continue
        try:
            return _dt.date(int(parts["y"]), int(month), int(parts["d"])).isoformat()
        except ValueError:
            continue
    return None


def _fill_days(c: sqlite3.Connection) -> None:
    rows = c.execute("SELECT id, date FROM documents WHERE date IS NOT NULL").fetchall()
    c.executemany("UPDATE documents SET day = ? WHERE id = ?", [(normalize_day(d), i) for i, d in rows])


# 2: `day`, the date read as YYYY-MM-DD, which --since compares (datelines such
# as "Sep 22, 2005" are kept as written in `date`).
MIGRATIONS[2] = [
    "ALTER TABLE documents ADD COLUMN day TEXT",
    _fill_days,
    "CREATE INDEX documents_day ON documents(day)",
]
SCHEMA_VERSION = max(MIGRATIONS)

# The resolution in force for each forecast: its latest row.
_CURRENT = """
    SELECT r.* FROM resolutions r
    WHERE r.id = (SELECT max(id) FROM resolutions WHERE forecast_id = r.forecast_id)
"""


# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------


@dataclass
class AddReport:
    """What :meth:`Store.add` did: sources added, already there, failed."""

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 0
    peak_worker_memory: int = 0  # bytes, the largest resident set of one worker

    @property
    def total(self) -> int:
        return len(self.added) + len(self.unchanged) + len(self.failed)

    @property
    def docs_per_second(self) -> float:
        return self.total / self.seconds if self.seconds > 0 else 0.0


@dataclass
class Resolution:
    """One resolution of a forecast; the latest one is in force."""

    id: int
    forecast_id: int
    outcome: bool
    resolved_on: str
    note: Optional[str]
    recorded_at: str


@dataclass
class ForecastRow:
    """A stored forecast and its resolution in force, if any."""

    id: int
    document_id: int
    source: str
    date: Optional[str]
    speaker: Optional[str]
    statement: str
    probability: float
    hedge: str
    horizon: Optional[str]
    condition: Optional[str]
    evidence: str
    outcome: Optional[bool] = None
    resolved_on: Optional[str] = None
    note: Optional[str] = None

    @property
    def resolved(self) -> bool:
        return self.outcome is not None


@dataclass
class Expert:
    """One speaker's record: what they said and how their forecasts scored."""

    speaker: str
    documents: int
    claims: int
    forecasts: int
    resolved: int
    brier: Optional[float]
    log_score: Optional[float]
    calibration: list = field(default_factory=list)  # list[ledger.Bin]


@dataclass
class Contradiction:
    """Opposite signs for one ``cause -> effect`` pair from different speakers.

    ``positive`` and ``negative`` list ``(speaker, source, evidence)``.
    """

    cause: str
    effect: str
    positive: list[tuple[str, str, str]]
    negative: list[tuple[str, str, str]]

    @property
    def speakers(self) -> list[str]:
        return sorted({s for s, _, _ in self.positive} | {s for s, _, _ in self.negative})


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def content_hash(text: str | bytes) -> str:
    """SHA-256 hex digest of text (UTF-8) or bytes.

    >>> content_hash("a")[:12]
    'ca978112ca1b'
    """
    if isinstance(text, str):
        text = text.encode("utf-8")
    return hashlib.sha256(text).hexdigest()


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files, folders (recursively: .txt, .html, .htm) and globs, as a sorted list of files.

    A path that is neither an existing file or folder nor a glob matching
    something is an :class:`~cogmap.errors.InputError`.
    """
    out: list[Path] = []
    seen: set[Path] = set()

    def push(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            out.append(p)

    def walk(folder: Path) -> None:
        for p in sorted(folder.rglob("*")):
            if p.is_file() and p.suffix.lower() in SUFFIXES:
                push(p)

    for raw in paths:
        p = Path(raw)
        if p.is_file():
            push(p)
        elif p.is_dir():
            walk(p)
        else:
            matches = sorted(glob.glob(str(raw), recursive=True))
            if not matches:
                raise InputError(f"no such file or folder: {raw}")
            for m in matches:
                mp = Path(m)
                if mp.is_dir():
                    walk(mp)
                elif mp.is_file():
                    push(mp)
    return out


def _today() -> str:
    return _dt.date.today().isoformat()


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def _parse_date(value, what: str = "date") -> str:
    """An ISO date string from a date, datetime or ``YYYY-MM-DD`` text."""
    if value is None:
        return _today()
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    try:
        return _dt.date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        raise InputError(f"{what} must look like 2025-01-31, not {value!r}") from None


def _parse_outcome(outcome) -> int:
    if isinstance(outcome, bool):
        return int(outcome)
    if isinstance(outcome, int) and outcome in (0, 1):
        return outcome
    text = str(outcome).strip().lower()
    if text in ("yes", "y", "true", "1"):
        return 1
    if text in ("no", "n", "false", "0"):
        return 0
    raise InputError(f"outcome must be yes or no, not {outcome!r}")


def _norm(label: str) -> str:
    """Labels as the model merges them (``cogmap.model.normalize_label`` when present)."""
    try:
        from cogmap.model import normalize_label
    except ImportError:  # pragma: no cover
        return " ".join(label.lower().split())
    return normalize_label(label)


def load_extractor(spec: str | None = None) -> Callable[..., Document]:
    """The extraction function named ``module:function`` (default: ``cogmap.pipeline:extract``)."""
    spec = spec or os.environ.get(EXTRACTOR_ENV) or DEFAULT_EXTRACTOR
    module, _, name = spec.partition(":")
    try:
        return getattr(importlib.import_module(module), name or "extract")
    except (ImportError, AttributeError) as exc:
        raise CogmapError(f"cannot load extractor {spec}: {exc}") from None


def _peak_rss() -> int:
    """Peak resident set size of this process, in bytes."""
    try:
        import resource
        import sys

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return rss if sys.platform == "darwin" else rss * 1024
    except Exception:  # pragma: no cover - not on every platform
        return 0


# Worker side: each process resolves the extractor once and keeps it (and so
# spaCy's model, which the pipeline loads once per process).
_EXTRACTORS: dict[str, Callable[..., Document]] = {}


def _worker_init(spec: str | None) -> None:
    try:
        _extractor(spec)
    except Exception:  # reported per document instead: a failing initializer breaks the pool
        pass


def _extractor(spec: str | None) -> Callable[..., Document]:
    """The extractor named ``spec``, resolved and warmed up once per process."""
    spec = spec or os.environ.get(EXTRACTOR_ENV) or DEFAULT_EXTRACTOR
    fn = _EXTRACTORS.get(spec)
    if fn is not None:
        return fn
    fn = _EXTRACTORS[spec] = load_extractor(spec)
    # Load the language model now, once per process, rather than inside the first document.
    warm = getattr(importlib.import_module(fn.__module__), "warm_up", None)
    if warm is None and fn.__module__.startswith("cogmap."):
        warm = getattr(importlib.import_module("cogmap.nlp"), "load", None) if _has_module("cogmap.nlp") else None
    if callable(warm):
        try:
            warm()
        except Exception:  # the first document will report the problem
            pass
    return fn


def _has_module(name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _extract_path(source: str, spec: str | None = None) -> tuple[str, Optional[str], Optional[str], int]:
    """Extract one file; returns ``(source, document JSON or None, error or None, peak RSS)``.

    A ``.json`` file given by name is taken as an already extracted
    ``cogmap.document/1`` (the output of ``cogmap extract``) and only validated.
    """
    try:
        if source.lower().endswith(".json"):
            doc = Document.model_validate_json(Path(source).read_bytes())
            return source, doc.model_dump_json(by_alias=True), None, _peak_rss()
        doc = _extractor(spec)(Path(source), source=source)
        return source, doc.model_dump_json(by_alias=True), None, _peak_rss()
    except Exception as exc:  # one bad document must not stop the corpus
        return source, None, _describe(exc), _peak_rss()


def _extract_bytes(source: str, data: bytes, spec: str | None = None):
    """Extract file contents sent to a remote (dask) worker.

    The bytes are written to a temporary file with the original suffix, so the
    pipeline's own file handling (encoding detection, HTML) applies unchanged.
    """
    import tempfile

    suffix = Path(source).suffix or ".txt"
    fd, tmp = tempfile.mkstemp(suffix=suffix, prefix="cogmap-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        try:
            doc = _extractor(spec)(Path(tmp), source=source)
            doc = doc.model_copy(update={"source": source})
            return source, doc.model_dump_json(by_alias=True), None, _peak_rss()
        except Exception as exc:
            return source, None, _describe(exc), _peak_rss()
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# --------------------------------------------------------------------------
# The store
# --------------------------------------------------------------------------


class Store:
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
            ``module:function`` to use instead of ``cogmap.pipeline:extract``.

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
                raw = content_hash(f.read_bytes())
            except OSError as exc:
                report.failed.append((source, f"cannot read: {exc.strerror or exc}"))
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
            report.workers = self._run_dask(todo, dask_address, spec, store)
        elif workers == 0 or (workers is None and len(todo) <= 1):
            report.workers = 0
            for source, _ in todo:
                store(_extract_path(source, spec))
        else:
            report.workers = self._run_pool(todo, workers or os.cpu_count() or 1, spec, store)
        report.seconds = time.perf_counter() - t0
        return report

    @staticmethod
    def _run_pool(todo, workers: int, spec: str, store) -> int:
        import multiprocessing
        from collections import deque
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
        from concurrent.futures.process import BrokenProcessPool

        if not todo:
            return workers
        workers = max(1, min(workers, len(todo)))
        # spawn, not fork: the parent may run threads (progress bar, SQLite).
        ctx = multiprocessing.get_context("spawn")

        def make(n: int) -> ProcessPoolExecutor:
            return ProcessPoolExecutor(n, mp_context=ctx, initializer=_worker_init, initargs=(spec,))

        limit = workers * 4  # bounded queue: memory stays flat on big corpora
        queue = deque(source for source, _ in todo)
        # A worker that dies (out of memory, a crash in native code) breaks the
        # whole pool and every document in flight with it. Those become
        # suspects, extracted again one at a time in a fresh process, so only
        # the document that kills its worker is reported failed.
        suspects: deque = deque()
        while queue or suspects:
            if suspects:
                source = suspects.popleft()
                pool = make(1)
                try:
                    result = pool.submit(_extract_path, source, spec).result()
                except BrokenProcessPool:
                    result = (source, None, "the worker process died while extracting it", 0)
                finally:
                    pool.shutdown(wait=True, cancel_futures=True)
                store(result)
                continue
            pool = make(workers)
            pending: dict = {}
            broken = False
            try:
                while (queue or pending) and not broken:
                    while queue and len(pending) < limit:
                        source = queue.popleft()
                        try:
                            pending[pool.submit(_extract_path, source, spec)] = source
                        except BrokenProcessPool:
                            suspects.append(source)
                            broken = True
                            break
                    if not pending:
                        break
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for fut in done:
                        source = pending.pop(fut)
                        try:
                            store(fut.result())
                        except BrokenProcessPool:
                            suspects.append(source)
                            broken = True
                for fut, source in pending.items():  # after a break: keep what finished
                    try:
                        store(fut.result())
                    except BrokenProcessPool:
                        suspects.append(source)
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
        return workers

    @staticmethod
    def _run_dask(todo, address, spec: str, store) -> int:
        try:
            from distributed import Client, as_completed
        except ImportError:  # pragma: no cover
            raise CogmapError("--dask needs dask.distributed: pip install 'dask[distributed]'") from None
        try:
            client = address if isinstance(address, Client) else Client(address, timeout="10s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise CogmapError(f"cannot reach the dask scheduler at {address}: {exc}") from None
        try:
            info = client.scheduler_info()
            n = len(info.get("workers", {}))
            if not todo:
                return n
            threads = sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()) or 1
            limit = max(8, threads * 4)  # file contents in flight at once
            it = iter(todo)
            owner: dict = {}

            def submit():
                nxt = next(it, None)
                if nxt is None:
                    return None
                source = nxt[0]
                try:
                    data = Path(source).read_bytes()
                except OSError as exc:
                    store((source, None, f"cannot read: {exc.strerror or exc}", 0))
                    return submit()
                fut = client.submit(_extract_bytes, source, data, spec=spec, pure=False)
                owner[fut.key] = source
                return fut

            first = [f for f in (submit() for _ in range(limit)) if f is not None]
            queue = as_completed(first)
            for fut in queue:
                source = owner.pop(fut.key)
                try:
                    result = fut.result()
                except Exception as exc:  # a lost worker, a task error
                    result = (source, None, _describe(exc), 0)
                fut.release()
                store(result)
                nxt = submit()
                if nxt is not None:
                    queue.add(nxt)
            return n
        finally:
            if client is not address:
                client.close()

    # -- reading -------------------------------------------------------------

    def _filters(self, speaker: Optional[str], since) -> tuple[str, list]:
        where, args = [], []
        if since is not None:
            where.append("d.day >= ?")
            args.append(_parse_date(since, "--since"))
        if speaker is not None:
            where.append(
                "(d.id IN (SELECT document_id FROM claims WHERE speaker = ? COLLATE NOCASE)"
                " OR d.id IN (SELECT document_id FROM forecasts WHERE speaker = ? COLLATE NOCASE)"
                " OR d.id IN (SELECT document_id FROM quotes WHERE speaker = ? COLLATE NOCASE)"
                " OR d.id IN (SELECT document_id FROM turns WHERE speaker = ? COLLATE NOCASE))"
            )
            args += [speaker] * 4
        return (" WHERE " + " AND ".join(where)) if where else "", args

    def documents(self, speaker: Optional[str] = None, since=None) -> list[Document]:
        """Stored documents, oldest first, optionally only those where ``speaker``
        speaks (case-insensitive) and dated on or after ``since`` (``YYYY-MM-DD``;
        undated documents are left out when ``since`` is given)."""
        where, args = self._filters(speaker, since)
        rows = self.conn.execute(f"SELECT d.json FROM documents d{where} ORDER BY d.id", args)
        return [Document.model_validate_json(r[0]) for r in rows]

    def count(self, table: str = "documents") -> int:
        """Number of rows in a table of the store."""
        if table not in ("documents", "inputs", "turns", "quotes", "concepts", "claims", "forecasts", "resolutions"):
            raise CogmapError(f"no table {table}")
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def map(self, speaker: Optional[str] = None, since=None, **options):
        """One merged model of the stored documents: the API of ``cogmap map --db``.

        With ``speaker``, only that speaker's claims and forecasts are kept;
        ``options`` (``combine``, ``title``) go to
        :func:`cogmap.model.from_documents`, whose ``cogmap.model/1`` Model
        (support and evidence per edge) is returned. See :meth:`contradictions`
        for opposite signs between speakers.
        """
        try:
            from cogmap import model as _model
        except ImportError:
            raise CogmapError("cogmap.model is not available in this version") from None
        docs = self.documents(speaker=speaker, since=since)
        if speaker is not None:
            who = speaker.casefold()
            docs = [
                d.model_copy(
                    update={
                        "claims": [c for c in d.claims if (c.speaker or "").casefold() == who],
                        "forecasts": [f for f in d.forecasts if (f.speaker or "").casefold() == who],
                    }
                )
                for d in docs
            ]
        return _model.from_documents(docs, **options)

    def contradictions(self, speaker: Optional[str] = None, since=None) -> list[Contradiction]:
        """``cause -> effect`` pairs claimed with opposite signs by different speakers.

        Concepts are matched across documents by label (case and spacing
        ignored), as the merged model does. Claims without a speaker, and
        negated or counterfactual claims, are not counted. With ``speaker``,
        only contradictions that involve that speaker.
        """
        where, args = self._filters(None, since)
        rows = self.conn.execute(
            f"""
            SELECT c.cause_label, c.effect_label, c.polarity, c.speaker, d.source, c.evidence
            FROM claims c JOIN documents d ON d.id = c.document_id
            {where}{' AND' if where else ' WHERE'} c.speaker IS NOT NULL AND trim(c.speaker) != ''
              AND c.modality NOT IN ('negated', 'counterfactual')
            ORDER BY c.id
            """,
            args,
        ).fetchall()
        groups: dict[tuple[str, str], dict] = {}
        for cause, effect, pol, who, source, ev in rows:
            key = (_norm(cause), _norm(effect))
            g = groups.setdefault(key, {"cause": cause, "effect": effect, 1: [], -1: []})
            g[pol].append((who, source, ev))
        out = []
        for g in groups.values():
            pos_who = {w.casefold() for w, _, _ in g[1]}
            neg_who = {w.casefold() for w, _, _ in g[-1]}
            if not pos_who or not neg_who or (len(pos_who | neg_who) < 2):
                continue
            c = Contradiction(g["cause"], g["effect"], g[1], g[-1])
            if speaker is not None and speaker.casefold() not in pos_who | neg_who:
                continue
            out.append(c)
        return out

    # -- forecasts -------------------------------------------------------------

    def forecasts(
        self, open: Optional[bool] = None, resolved: Optional[bool] = None, speaker: Optional[str] = None
    ) -> list[ForecastRow]:
        """Stored forecasts with their resolution in force: ``cogmap forecasts list``.

        ``open=True`` keeps the unresolved ones, ``resolved=True`` the resolved
        ones (``False`` means the opposite); ``speaker`` is matched ignoring case.
        """
        where, args = [], []
        if open is not None:
            where.append("r.id IS NULL" if open else "r.id IS NOT NULL")
        if resolved is not None:
            where.append("r.id IS NOT NULL" if resolved else "r.id IS NULL")
        if speaker is not None:
            where.append("f.speaker = ? COLLATE NOCASE")
            args.append(speaker)
        sql = f"""
            SELECT f.*, d.source, d.date, r.outcome, r.resolved_on, r.note
            FROM forecasts f JOIN documents d ON d.id = f.document_id
            LEFT JOIN ({_CURRENT}) r ON r.forecast_id = f.id
            {"WHERE " + " AND ".join(where) if where else ""}
            ORDER BY f.id
        """
        return [
            ForecastRow(
                id=r["id"], document_id=r["document_id"], source=r["source"], date=r["date"],
                speaker=r["speaker"], statement=r["statement"], probability=r["probability"], hedge=r["hedge"],
                horizon=r["horizon"], condition=r["condition"], evidence=r["evidence"],
                outcome=None if r["outcome"] is None else bool(r["outcome"]),
                resolved_on=r["resolved_on"], note=r["note"],
            )
            for r in self.conn.execute(sql, args)
        ]

    def resolve(self, forecast_id: int, outcome, on=None, note: Optional[str] = None, force: bool = False) -> Resolution:
        """Record what happened to a forecast: ``cogmap forecasts resolve ID --outcome yes``.

        Parameters
        ----------
        forecast_id : int
            The ``id`` shown by :meth:`forecasts`.
        outcome : ``"yes"``/``"no"`` or bool
        on : date or ``YYYY-MM-DD``, default today
            When the outcome was known.
        note : str, optional
            Where the outcome comes from (a link, an article).
        force : bool
            Needed to resolve again a resolved forecast; the earlier
            resolutions stay in the ``resolutions`` table as history.
        """
        value = _parse_outcome(outcome)
        day = _parse_date(on, "--on")
        try:
            fid = int(forecast_id)
        except (TypeError, ValueError):
            raise InputError(f"forecast ID must be a number, not {forecast_id!r}") from None
        with self.transaction() as c:
            if c.execute("SELECT 1 FROM forecasts WHERE id = ?", (fid,)).fetchone() is None:
                raise CogmapError(f"no forecast {fid} in {self.path} (see `cogmap forecasts list`)")
            prev = c.execute(
                "SELECT outcome, resolved_on FROM resolutions WHERE forecast_id = ? ORDER BY id DESC LIMIT 1", (fid,)
            ).fetchone()
            if prev is not None and not force:
                raise CogmapError(
                    f"forecast {fid} is already resolved ({'yes' if prev[0] else 'no'} on {prev[1]}); "
                    "use --force to resolve it again (the earlier resolution is kept)"
                )
            now = _now()
            cur = c.execute(
                "INSERT INTO resolutions (forecast_id, outcome, resolved_on, note, recorded_at) VALUES (?, ?, ?, ?, ?)",
                (fid, value, day, note, now),
            )
        return Resolution(cur.lastrowid, fid, bool(value), day, note, now)

    def resolutions(self, forecast_id: int) -> list[Resolution]:
        """Every resolution recorded for a forecast, oldest first (the last is in force)."""
        rows = self.conn.execute(
            "SELECT * FROM resolutions WHERE forecast_id = ? ORDER BY id", (int(forecast_id),)
        ).fetchall()
        return [
            Resolution(r["id"], r["forecast_id"], bool(r["outcome"]), r["resolved_on"], r["note"], r["recorded_at"])
            for r in rows
        ]

    # -- experts ---------------------------------------------------------------

    def experts(self, bins: int = 10) -> list[Expert]:
        """Per speaker: documents, claims, forecasts, resolved, Brier and log score,
        calibration table: ``cogmap experts``.

        Speakers are those with at least one claim or forecast; names are
        compared as written (trimmed). Scores are ``None`` without a resolved
        forecast. Sorted by number of claims and forecasts, most first.
        """
        from cogmap import ledger

        c = self.conn
        speakers: dict[str, dict] = {}

        def get(name: str) -> dict:
            return speakers.setdefault(name, {"docs": set(), "claims": 0, "forecasts": 0, "p": [], "o": []})

        for who, doc, n in c.execute(
            "SELECT trim(speaker), document_id, count(*) FROM claims WHERE speaker IS NOT NULL AND trim(speaker) != ''"
            " GROUP BY 1, 2"
        ):
            s = get(who)
            s["docs"].add(doc)
            s["claims"] += n
        for who, doc, n in c.execute(
            "SELECT trim(speaker), document_id, count(*) FROM forecasts WHERE speaker IS NOT NULL"
            " AND trim(speaker) != '' GROUP BY 1, 2"
        ):
            s = get(who)
            s["docs"].add(doc)
            s["forecasts"] += n
        for who, doc in c.execute(
            "SELECT DISTINCT trim(speaker), document_id FROM quotes WHERE speaker IS NOT NULL"
            " UNION SELECT DISTINCT trim(speaker), document_id FROM turns WHERE speaker IS NOT NULL"
        ):
            if who in speakers:
                speakers[who]["docs"].add(doc)
        for who, p, o in c.execute(
            f"SELECT trim(f.speaker), f.probability, r.outcome FROM forecasts f JOIN ({_CURRENT}) r"
            " ON r.forecast_id = f.id WHERE f.speaker IS NOT NULL AND trim(f.speaker) != '' ORDER BY f.id"
        ):
            s = get(who)
            s["p"].append(p)
            s["o"].append(o)
        out = []
        for who, s in speakers.items():
            resolved = len(s["p"])
            out.append(
                Expert(
                    speaker=who,
                    documents=len(s["docs"]),
                    claims=s["claims"],
                    forecasts=s["forecasts"],
                    resolved=resolved,
                    brier=ledger.brier_score(s["p"], s["o"]) if resolved else None,
                    log_score=ledger.log_score(s["p"], s["o"]) if resolved else None,
                    calibration=ledger.calibration_table(s["p"], s["o"], bins=bins) if resolved else [],
                )
            )
        out.sort(key=lambda e: (-(e.claims + e.forecasts), e.speaker.casefold()))
        return out
