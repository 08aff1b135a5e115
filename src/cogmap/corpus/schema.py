"""The store's schema: its tables, and the migrations that bring an older file up to date.

Each migration takes the store from version n-1 to n; they run in order, each in
its own transaction together with the new ``PRAGMA user_version``. The tables are
documented in ``docs/store.md``.

>>> normalize_day("Sep 22, 2005")
'2005-09-22'
"""

from __future__ import annotations

import datetime as _dt
import re
import sqlite3
from typing import Optional


__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "normalize_day"]

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
# 3: what a language model read (cogmap add --llm): its answers, cached by model,
# prompt version and section text, and each document's reading, done or to retry.
MIGRATIONS[3] = [
    """
    CREATE TABLE llm_answers (
        key TEXT PRIMARY KEY,           -- sha256 of model, prompt version and the section text's hash
        model TEXT NOT NULL,
        prompt_version TEXT NOT NULL,
        mode TEXT NOT NULL,             -- json_schema, json_object or prompt: how the server took the schema
        tokens INTEGER NOT NULL,
        answer TEXT NOT NULL,           -- the model's JSON answer, before cogmap grounds it
        created_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE llm_readings (
        document_id INTEGER NOT NULL REFERENCES documents(id),
        model TEXT NOT NULL,
        prompt_version TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('done', 'retry')),
        error TEXT,                     -- why a reading is to be retried
        tokens INTEGER NOT NULL DEFAULT 0,
        read_at TEXT NOT NULL,
        PRIMARY KEY (document_id, model)
    )
    """,
]
# 4: an analyst's review of the merged map (cogmap serve): each change with who and when. The
# documents and claims stay as extracted; the reviews are applied over them at map time
# (cogmap.corpus.review), by label, so they hold when documents are added.
MIGRATIONS[4] = [
    """
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,         -- applied in this order
        action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'rename', 'merge', 'flip', 'add')),
        cause TEXT,                     -- accept, reject, flip, add: the link's ends, as labels
        effect TEXT,
        concept TEXT,                   -- rename, merge: the concept, as a label
        value TEXT,                     -- rename: the new label; merge: the concept it joins
        sign INTEGER CHECK (sign IN (1, -1)),  -- add
        weight REAL,                    -- add: its size, 0 to 1
        note TEXT,
        who TEXT NOT NULL,
        at TEXT NOT NULL                -- UTC, ISO 8601
    )
    """,
]
# 5: each concept label's embedding, made once when `add` stores the label, so that
# merging by meaning across a large corpus at map time does not embed every label again.
MIGRATIONS[5] = [
    """
    CREATE TABLE label_vectors (
        label TEXT PRIMARY KEY,         -- a concept label as stored in concepts.label
        model TEXT NOT NULL,            -- cogmap.extract.embed.MODEL_ID: another model's vectors are not used
        vector BLOB NOT NULL            -- float32, little-endian, unit length
    )
    """,
]
# 6: a review can be undone. The row stays, marked with who undid it and when, so the
# history of the map keeps every decision; an undone review is skipped at map time.
MIGRATIONS[6] = [
    "ALTER TABLE reviews ADD COLUMN undone_by TEXT",
    "ALTER TABLE reviews ADD COLUMN undone_at TEXT",    # UTC, ISO 8601; NULL while the review holds
]
# 7: a review can split a wording off a concept the machine merged it into. SQLite cannot
# change a CHECK constraint in place: the table is made anew and its rows copied.
MIGRATIONS[7] = [
    """
    CREATE TABLE reviews_7 (
        id INTEGER PRIMARY KEY,
        action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'rename', 'merge', 'flip', 'add', 'split')),
        cause TEXT,
        effect TEXT,
        concept TEXT,                   -- rename, merge, split: the concept, as a label
        value TEXT,                     -- rename: the new label; merge: the concept it joins; split: the wording
        sign INTEGER CHECK (sign IN (1, -1)),
        weight REAL,
        note TEXT,
        who TEXT NOT NULL,
        at TEXT NOT NULL,
        undone_by TEXT,
        undone_at TEXT
    )
    """,
    "INSERT INTO reviews_7 SELECT id, action, cause, effect, concept, value, sign, weight, note, who, at,"
    " undone_by, undone_at FROM reviews",
    "DROP TABLE reviews",
    "ALTER TABLE reviews_7 RENAME TO reviews",
]
SCHEMA_VERSION = max(MIGRATIONS)

# The resolution in force for each forecast: its latest row.
_CURRENT = """
    SELECT r.* FROM resolutions r
    WHERE r.id = (SELECT max(id) FROM resolutions WHERE forecast_id = r.forecast_id)
"""

