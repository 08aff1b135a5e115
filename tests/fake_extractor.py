"""A fast stand-in for ``cogmap.extract`` used by the store tests.

The store tests exercise storage, parallelism and crash safety, not language
analysis; the real pipeline loads spaCy, which would make the kill/restart and
concurrency tests slow. The store reads ``COGMAP_EXTRACTOR=fake_extractor:extract``
(only set by tests) to use this instead. It understands a tiny line format:

    Title: Some title
    Date: 2024-05-01
    Ann Lee: higher rates lowers housing demand.
    Bob Ray: oil supply raises inflation.
    Ann Lee: forecast 0.7 the central bank will cut rates.

A text containing ``SLOW-ME`` takes 1.5 s; one containing ``FAIL-ME`` raises, to test that one bad document is skipped;
``DIE-NOW`` kills the worker process outright (as running out of memory would).
``COGMAP_FAKE_DELAY`` (seconds) slows every document down, so a test can kill a
run in the middle.
"""
from __future__ import annotations

import os
import re
import time
from pathlib import Path

from cogmap.records import Claim, Concept, Document, Evidence, Forecast, Mention, Quote

LINE = re.compile(r"^(?P<who>[A-Z][\w .'-]*?): (?P<body>.+?)\s*$", re.M)
CLAIM = re.compile(r"^(?P<cause>.+?) (?P<verb>raises|lowers) (?P<effect>.+?)\.?$")
FORECAST = re.compile(r"^forecast (?P<p>[01](?:\.\d+)?) (?P<what>.+?)\.?$")


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")


def extract(text_or_path, source=None) -> Document:
    delay = float(os.environ.get("COGMAP_FAKE_DELAY", "0") or 0)
    if delay:
        time.sleep(delay)
    if isinstance(text_or_path, Path):
        text = text_or_path.read_text(encoding="utf-8")
        source = source or str(text_or_path)
    else:
        text = str(text_or_path)
    if "FAIL-ME" in text:
        raise ValueError("this document asked to fail")
    if "SLOW-ME" in text:
        time.sleep(1.5)  # finishes after the documents given after it
    if "DIE-NOW" in text:
        import multiprocessing

        if multiprocessing.current_process().name != "MainProcess":  # never the test process itself
            os._exit(3)  # a worker crash: no exception, no result
        raise RuntimeError("would have killed the worker")
    title = re.search(r"^Title: (.+)$", text, re.M)
    date = re.search(r"^Date: (\d{4}-\d{2}-\d{2})$", text, re.M)
    concepts: dict[str, Concept] = {}
    claims, forecasts, quotes = [], [], []
    for m in LINE.finditer(text):
        who, body = m.group("who"), m.group("body")
        if who in ("Title", "Date"):
            continue
        start, end = m.start("body"), m.end("body")
        ev = Evidence(text=text[start:end], start=start, end=end)
        quotes.append(Quote(speaker=who, text=ev.text, start=start, end=end))
        c = CLAIM.match(body)
        f = FORECAST.match(body)
        if f:
            what, _, condition = f.group("what").partition(" if ")  # "forecast 0.6 X if Y"
            forecasts.append(
                Forecast(id=f"f{len(forecasts) + 1}", statement=what, probability=float(f.group("p")),
                         hedge="fake", speaker=who, evidence=ev, condition=condition or None)
            )
        elif c:
            mentions = []
            for side in ("cause", "effect"):
                label = c.group(side).strip().lower()
                cid = _slug(label)
                concepts.setdefault(cid, Concept(id=cid, label=label))
                mentions.append(Mention(concept=cid, label=label, text=c.group(side)))
            claims.append(
                Claim(id=f"c{len(claims) + 1}", cause=mentions[0], effect=mentions[1],
                      polarity=1 if c.group("verb") == "raises" else -1, speaker=who, evidence=ev)
            )
    return Document(
        source=source or "<text>", title=title.group(1) if title else None, date=date.group(1) if date else None,
        text=text, quotes=quotes, concepts=list(concepts.values()), claims=claims, forecasts=forecasts,
    )
