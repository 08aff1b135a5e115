"""Reading a store back: documents, the merged map, contradictions, forecasts, experts.

:class:`Queries` holds the reading half of :class:`~cogmap.corpus.store.Store`
(which adds the writing half); every method is one SQL query over the tables of
:mod:`cogmap.corpus.schema`.
"""

from __future__ import annotations

import datetime as _dt
import sqlite3
from dataclasses import dataclass, field
from typing import Optional

from cogmap.errors import CogmapError, InputError
from cogmap.records import Document

from cogmap.corpus.schema import _CURRENT

__all__ = ["Queries", "Resolution", "ForecastRow", "DocumentRow", "Expert", "Contradiction"]


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
class DocumentRow:
    """A stored document in brief: the ``ID`` that ``cogmap report --document ID`` takes, and counts.

    ``date`` is as extracted, ``day`` the same read as ``YYYY-MM-DD`` (``None`` when it
    cannot be); ``claims`` leaves out denials, as :meth:`Queries.experts` does.
    """

    id: int
    source: str
    title: Optional[str]
    date: Optional[str]
    day: Optional[str]
    added_at: str
    speakers: list[str]
    claims: int
    forecasts: int


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
    """Labels as the model merges them (``cogmap.model.model.normalize_label`` when present)."""
    try:
        from cogmap.model.model import normalize_label
    except ImportError:  # pragma: no cover
        return " ".join(label.lower().split())
    return normalize_label(label)



class Queries:
    """The reading methods of a store (``self.conn`` is an open SQLite connection)."""


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

    def document_rows(self, speaker: Optional[str] = None, since=None) -> list[DocumentRow]:
        """Each stored document's ID, source, title, date, speakers and counts, in the order
        stored: ``cogmap documents``, whose IDs ``cogmap report --document ID`` takes.

        ``speaker`` and ``since`` select documents as :meth:`documents` does. The
        documents' JSON is not read, so this stays quick on a large store.
        """
        where, args = self._filters(speaker, since)
        rows = self.conn.execute(
            "SELECT d.id, d.source, d.title, d.date, d.day, d.added_at,"
            " (SELECT count(*) FROM claims c WHERE c.document_id = d.id AND c.modality != 'negated'),"
            " (SELECT count(*) FROM forecasts f WHERE f.document_id = d.id)"
            f" FROM documents d{where} ORDER BY d.id", args,
        ).fetchall()
        speakers: dict[int, set[str]] = {}
        if rows:
            # The interviewer asks and speaks too: everyone who speaks in a document is listed,
            # as `--speaker` selects on the same four tables.
            for doc, who in self.conn.execute(
                " UNION ".join(f"SELECT document_id, trim(speaker) FROM {t} WHERE speaker IS NOT NULL"
                               for t in ("turns", "quotes", "claims", "forecasts"))
            ):
                if who:
                    speakers.setdefault(doc, set()).add(who)
        return [
            DocumentRow(id=r[0], source=r[1], title=r[2], date=r[3], day=r[4], added_at=r[5],
                        speakers=sorted(speakers.get(r[0], ()), key=str.casefold), claims=r[6], forecasts=r[7])
            for r in rows
        ]

    def check_dated_since(self, since) -> None:
        """Raise a one-line :class:`InputError` when no stored document is dated on or
        after ``since``: an empty map or report would look like a corpus that says nothing."""
        if since is None or self.documents(since=since):
            return
        undated = sum(1 for d in self.documents() if not d.date)
        raise InputError(f"no documents in {self.path} dated on or after {since}"
                         + (f" ({undated} {'has' if undated == 1 else 'have'} no date and "
                            f"{'is' if undated == 1 else 'are'} left out)" if undated else ""))

    def count(self, table: str = "documents") -> int:
        """Number of rows in a table of the store."""
        if table not in ("documents", "inputs", "turns", "quotes", "concepts", "claims", "forecasts", "resolutions",
                         "label_vectors"):
            raise CogmapError(f"no table {table}")
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def label_vectors(self) -> dict:
        """The stored embedding of each concept label (:meth:`Store.embed_labels`), by label.

        Empty when none are stored or the store predates them (schema version 5).
        """
        import numpy as np

        from cogmap.extract.embed import DIMENSION, MODEL_ID

        try:
            rows = self.conn.execute("SELECT label, vector FROM label_vectors WHERE model = ?", (MODEL_ID,))
            return {label: np.frombuffer(blob, dtype="<f4") for label, blob in rows
                    if len(blob) == 4 * DIMENSION}
        except sqlite3.OperationalError:
            return {}  # an older store opened read-only: no such table

    def map(self, speaker: Optional[str] = None, since=None, reviewed: bool = True, embed: Optional[bool] = None,
            **options):
        """One merged model of the stored documents: the API of ``cogmap map --db``.

        With ``speaker``, only that speaker's claims and forecasts are kept;
        ``options`` (``combine``, ``title``, ``aliases``: an alias file applied over
        the stored documents, no extraction again) go to
        :func:`cogmap.model.model.from_documents`, whose ``cogmap.model/1`` Model
        (support and evidence per edge) is returned. Concepts of different documents
        that name one variable are first given one label
        (:func:`cogmap.extract.concepts.unify`: by head noun and, with ``embed``, the
        default when the model is installed, by meaning). See :meth:`contradictions`
        for opposite signs between speakers. The reviews made in ``cogmap serve`` or
        ``cogmap review`` are applied (:mod:`cogmap.corpus.review`; a split while the map
        is built) unless ``reviewed=False``, which gives the map as extracted.
        """
        try:
            from cogmap.model import model as _model
        except ImportError:
            raise CogmapError("cogmap.model.model is not available in this version") from None
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
        from cogmap.extract.concepts import unify

        done = []
        if reviewed:
            from cogmap.corpus.review import apply_reviews, reviews, split_aliases

            done = reviews(self)
            # A split is a wording kept apart from its concept while the map is built.
            options["aliases"] = split_aliases(done, options.get("aliases"))
        model = _model.from_documents(unify(docs, embed=embed, aliases=options.get("aliases"),
                                            vectors=self.label_vectors() if embed is not False else None), **options)
        if reviewed:
            model = apply_reviews(model, done, added=speaker is None and since is None)[0]
        return model

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
        from cogmap.corpus.ledger import check_resolved_on

        check_resolved_on(day)  # an outcome is not known on a day that has not come
        try:
            fid = int(forecast_id)
        except (TypeError, ValueError):
            raise InputError(f"forecast ID must be a number, not {forecast_id!r}") from None
        if not 0 < fid < 2**63:  # past SQLite's integers: no such forecast, not an overflow
            raise InputError(f"no forecast {fid} in {self.path} (see `cogmap forecasts list`)")
        with self.transaction() as c:
            made = c.execute("SELECT d.date FROM forecasts f JOIN documents d ON d.id = f.document_id WHERE f.id = ?",
                             (fid,)).fetchone()
            if made is None:
                raise InputError(f"no forecast {fid} in {self.path} (see `cogmap forecasts list`)")
            if made[0] and day < str(made[0])[:10]:
                # An outcome known before the forecast was made would score hindsight as foresight.
                raise InputError(f"forecast {fid} was made on {str(made[0])[:10]}; it cannot be resolved "
                                 f"on {day}, before that")
            prev = c.execute(
                "SELECT outcome, resolved_on FROM resolutions WHERE forecast_id = ? ORDER BY id DESC LIMIT 1", (fid,)
            ).fetchone()
            if prev is not None and not force:
                raise InputError(
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
        from cogmap.corpus import ledger

        c = self.conn
        speakers: dict[str, dict] = {}

        def get(name: str) -> dict:
            return speakers.setdefault(name, {"docs": set(), "claims": 0, "forecasts": 0, "p": [], "o": []})

        for who, doc, n in c.execute(
            "SELECT trim(speaker), document_id, count(*) FROM claims WHERE speaker IS NOT NULL AND trim(speaker) != ''"
            " AND modality != 'negated' GROUP BY 1, 2"  # a denial is indexed with the claims, and is none
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

