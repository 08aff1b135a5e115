"""The corpus store: rows, dedup, filters, forecasts, experts, schema versions.

Documents are built by hand (or by ``fake_extractor``, a fast stand-in for the
spaCy pipeline, see its docstring); each test gets a fresh temporary store.
"""
from __future__ import annotations

import doctest
import math
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import fake_extractor
from cogmap.corpus import ledger; from cogmap.corpus import store as store_mod
from cogmap.errors import CogmapError, InputError
from cogmap.records import Claim, Concept, Document, Evidence, Forecast, Mention, Quote, Turn
from cogmap.corpus.store import SCHEMA_VERSION, Store, expand_paths

TESTS = Path(__file__).parent
FAKE = "fake_extractor:extract"


@pytest.fixture
def db(tmp_path):
    s = Store(tmp_path / "cogmap.db")
    yield s
    s.close()


def _ev(text: str, part: str) -> Evidence:
    i = text.index(part)
    return Evidence(text=part, start=i, end=i + len(part))


def make_doc(source: str, lines: list[tuple[str, str, int, str]], date=None, forecasts=()) -> Document:
    """A document whose claims are (speaker, cause, polarity, effect)."""
    sentences = [f"{who} said {c} {'raises' if p > 0 else 'lowers'} {e}." for who, c, p, e in lines]
    sentences += [f"{who} expects {what}." for who, _, what in forecasts]
    text = " ".join(sentences) or "Nothing."
    concepts, claims, fcs = {}, [], []
    for i, (who, c, p, e) in enumerate(lines):
        for label in (c, e):
            concepts.setdefault(label, Concept(id=label.replace(" ", "_"), label=label))
        claims.append(Claim(
            id=f"c{i}", polarity=p, speaker=who, evidence=_ev(text, sentences[i]),
            cause=Mention(concept=c.replace(" ", "_"), label=c, text=c),
            effect=Mention(concept=e.replace(" ", "_"), label=e, text=e),
        ))
    for j, (who, prob, what) in enumerate(forecasts):
        fcs.append(Forecast(id=f"f{j}", statement=what, probability=prob, hedge="likely", speaker=who,
                            evidence=_ev(text, what)))
    return Document(source=source, date=date, text=text, concepts=list(concepts.values()), claims=claims,
                    forecasts=fcs, turns=[Turn(kind="narration", start=0, end=len(text))],
                    quotes=[Quote(speaker=lines[0][0], text=text[:5], start=0, end=5)] if lines else [])


def test_doctests():
    for mod in (ledger, store_mod):
        result = doctest.testmod(mod)
        assert result.attempted > 0 and result.failed == 0, mod.__name__


def test_rows_and_roundtrip(db):
    doc = make_doc("a.txt", [("Ann", "rates", -1, "demand"), ("Bob", "oil", 1, "inflation")],
                   date="2024-01-02", forecasts=[("Ann", 0.7, "a cut in March")])
    report = db.add_documents([doc])
    assert report.added == ["a.txt"]
    assert db.count("documents") == 1
    assert db.count("claims") == 2
    assert db.count("concepts") == 4
    assert db.count("forecasts") == 1
    assert db.count("turns") == 1 and db.count("quotes") == 1
    back = db.documents()
    assert back == [doc]  # the full document comes back unchanged
    row = db.conn.execute("SELECT cause_label, effect_label, polarity, speaker FROM claims ORDER BY id").fetchall()
    assert [tuple(r) for r in row] == [("rates", "demand", -1, "Ann"), ("oil", "inflation", 1, "Bob")]


def test_a_denial_is_stored_and_indexed_but_never_mapped(db):
    doc = make_doc("a.txt", [("Ann", "rates", -1, "demand"), ("Bob", "oil", 1, "inflation")])
    denied, = [c for c in doc.claims if c.speaker == "Bob"]
    doc = doc.model_copy(update={"claims": [c for c in doc.claims if c is not denied],
                                 "denials": [denied.model_copy(update={"id": "d1", "modality": "negated"})]})
    db.add_documents([doc])
    assert db.documents() == [doc]  # the denial comes back, apart from the claims
    rows = db.conn.execute("SELECT claim, modality, speaker FROM claims ORDER BY claim").fetchall()
    assert [tuple(r) for r in rows] == [("c0", "asserted", "Ann"), ("d1", "negated", "Bob")]
    m = db.map(embed=False)
    assert {(e.cause, e.effect) for e in m.edges} == {("rates", "demand")}
    assert {c.id for c in m.concepts} == {"rates", "demand"}  # what only a denial names is no node
    assert {e.speaker: e.claims for e in db.experts()}.get("Bob", 0) == 0  # a denial is no claim of his


def test_same_content_stored_once(db):
    a = make_doc("a.txt", [("Ann", "rates", -1, "demand")])
    b = a.model_copy(update={"source": "copy-of-a.txt"})
    assert db.add_documents([a]).added == ["a.txt"]
    r = db.add_documents([a, b])
    assert r.added == [] and r.unchanged == ["a.txt", "copy-of-a.txt"]
    assert db.count("documents") == 1 and db.count("claims") == 1


def test_filters_speaker_and_since(db):
    db.add_documents([
        make_doc("old.txt", [("Ann", "rates", -1, "demand")], date="2023-05-01"),
        make_doc("new.txt", [("Bob", "rates", 1, "demand")], date="2024-06-01"),
        make_doc("undated.txt", [("Ann", "oil", 1, "inflation")]),
    ])
    assert [d.source for d in db.documents()] == ["old.txt", "new.txt", "undated.txt"]
    assert [d.source for d in db.documents(speaker="ann")] == ["old.txt", "undated.txt"]
    assert [d.source for d in db.documents(since="2024-01-01")] == ["new.txt"]
    assert [d.source for d in db.documents(speaker="Ann", since="2023-01-01")] == ["old.txt"]
    with pytest.raises(InputError):
        db.documents(since="last tuesday")


def test_contradictions(db):
    db.add_documents([
        make_doc("1.txt", [("Ann", "Interest Rates", -1, "housing demand"), ("Ann", "oil", 1, "inflation")]),
        make_doc("2.txt", [("Bob", "interest  rates", 1, "Housing demand"), ("Ann", "oil", -1, "inflation")]),
        make_doc("3.txt", [("Cy", "tariffs", 1, "prices"), ("Cy", "tariffs", 1, "prices")]),
    ])
    found = db.contradictions()
    # oil -> inflation is Ann against herself: not a contradiction between speakers
    assert [(c.cause.lower(), c.effect.lower()) for c in found] == [("interest rates", "housing demand")]
    assert found[0].speakers == ["Ann", "Bob"]
    assert [s for s, _, _ in found[0].negative] == ["Ann"] and [s for s, _, _ in found[0].positive] == ["Bob"]
    assert db.contradictions(speaker="cy") == []


def test_forecasts_resolve_and_history(db):
    db.add_documents([make_doc("a.txt", [("Ann", "x", 1, "y")], forecasts=[("Ann", 0.8, "rain"), ("Bob", 0.3, "snow")])])
    rows = db.forecasts()
    assert [(r.speaker, r.probability, r.resolved) for r in rows] == [("Ann", 0.8, False), ("Bob", 0.3, False)]
    fid = rows[0].id
    r = db.resolve(fid, "yes", on="2024-02-03", note="weather service")
    assert r.outcome is True and r.resolved_on == "2024-02-03"
    assert [x.id for x in db.forecasts(open=True)] == [rows[1].id]
    assert [x.id for x in db.forecasts(resolved=True)] == [fid]
    assert [x.id for x in db.forecasts(speaker="BOB")] == [rows[1].id]
    with pytest.raises(CogmapError, match="--force"):
        db.resolve(fid, "no")
    assert db.forecasts(resolved=True)[0].outcome is True  # unchanged after the refusal
    db.resolve(fid, "no", on="2024-03-01", note="correction", force=True)
    assert db.forecasts(resolved=True)[0].outcome is False
    hist = db.resolutions(fid)
    assert [(h.outcome, h.note) for h in hist] == [(True, "weather service"), (False, "correction")]
    with pytest.raises(CogmapError):
        db.resolve(9999, "yes")
    with pytest.raises(InputError):
        db.resolve(fid, "maybe", force=True)
    with pytest.raises(InputError):
        db.resolve(fid, "yes", on="31/01/2024", force=True)


def test_experts_scores(db):
    fc = [("Ann", 0.9, "one"), ("Ann", 0.2, "two"), ("Ann", 0.6, "three"), ("Bob", 0.5, "four")]
    db.add_documents([
        make_doc("a.txt", [("Ann", "x", 1, "y"), ("Bob", "x", -1, "y")], forecasts=fc[:2]),
        make_doc("b.txt", [("Ann", "p", 1, "q")], forecasts=fc[2:]),
    ])
    ids = {r.statement: r.id for r in db.forecasts()}
    outcomes = {"one": "yes", "two": "no", "three": "no"}
    for what, o in outcomes.items():
        db.resolve(ids[what], o)
    ex = {e.speaker: e for e in db.experts()}
    ann = ex["Ann"]
    assert (ann.documents, ann.claims, ann.forecasts, ann.resolved) == (2, 2, 3, 3)
    probs = [0.9, 0.2, 0.6]
    obs = [1, 0, 0]
    assert math.isclose(ann.brier, sum((p - o) ** 2 for p, o in zip(probs, obs)) / 3)
    assert math.isclose(ann.log_score, (math.log(0.9) + math.log(0.8) + math.log(0.4)) / 3)
    assert sum(b.n for b in ann.calibration) == 3
    bob = ex["Bob"]
    assert (bob.documents, bob.claims, bob.forecasts, bob.resolved, bob.brier) == (2, 1, 1, 0, None)


def test_newer_schema_refused(tmp_path):
    path = tmp_path / "future.db"
    Store(path).close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    with pytest.raises(CogmapError, match="newer"):
        Store(path)
    env = dict(os.environ, PYTHONPATH=str(TESTS))
    p = subprocess.run([sys.executable, "-m", "cogmap", "experts", "--db", str(path)], capture_output=True,
                       text=True, env=env)
    assert p.returncode != 0
    assert "Traceback" not in p.stderr and p.stderr.startswith("error:")
    assert "newer" in " ".join(p.stderr.split())  # rich may wrap the one message at 80 columns


def test_migrates_empty_file_and_refuses_non_store(tmp_path):
    path = tmp_path / "empty.db"
    sqlite3.connect(path).close()
    with Store(path) as s:
        assert s.version == SCHEMA_VERSION
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(CogmapError):
        Store(junk)
    with pytest.raises(CogmapError, match="no store"):
        Store(tmp_path / "missing.db", create=False)


def _write_corpus(folder: Path, n: int, fail: int | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    speakers = ["Ann Lee", "Bob Ray", "Cy Ng"]
    out = []
    for i in range(n):
        who = speakers[i % 3]
        body = [f"Title: article {i}", f"Date: 2024-{1 + i % 12:02d}-01",
                f"{who}: factor {i % 5} raises outcome {i % 7}.",
                f"{speakers[(i + 1) % 3]}: factor {i % 5} lowers outcome {i % 7}.",
                f"{who}: forecast 0.{1 + i % 9} event {i} happens."]
        if i == fail:
            body.append("FAIL-ME")
        p = folder / ("sub" if i % 2 else ".") / f"doc{i:03d}.txt"
        p.parent.mkdir(exist_ok=True)
        p.write_text("\n".join(body) + "\n", encoding="utf-8")
        out.append(p)
    return out


def test_expand_paths(tmp_path):
    files = _write_corpus(tmp_path / "c", 4)
    (tmp_path / "c" / "notes.md").write_text("skip me")
    (tmp_path / "c" / "page.HTML").write_text("<p>hi</p>")
    got = expand_paths([tmp_path / "c"])
    assert sorted(got) == sorted(files + [tmp_path / "c" / "page.HTML"])
    assert expand_paths([str(tmp_path / "c" / "doc00*.txt")]) == [files[0], files[2]]
    assert len(expand_paths([files[0], files[0], tmp_path / "c"])) == 5  # no duplicates
    with pytest.raises(InputError, match="no such file"):
        expand_paths([tmp_path / "nope"])


@pytest.mark.parametrize("workers", [0, 2])
def test_add_files(tmp_path, workers):
    files = _write_corpus(tmp_path / "c", 9, fail=4)
    seen = []
    with Store(tmp_path / "s.db") as s:
        r = s.add([tmp_path / "c"], workers=workers, extractor=FAKE, progress=lambda *a: seen.append(a))
        assert sorted(r.added) == sorted(str(f) for f in files if f != files[4])
        assert [src for src, _ in r.failed] == [str(files[4])]
        assert "asked to fail" in r.failed[0][1]
        assert seen[0] == (0, 9, None, "start") and seen[-1][0] == 9 and len(seen) == 10
        assert s.count("documents") == 8 and s.count("claims") == 16 and s.count("forecasts") == 8
        assert r.peak_worker_memory > 0
        again = s.add([tmp_path / "c"], workers=workers, extractor=FAKE)
        assert again.added == [] and len(again.unchanged) == 8 and len(again.failed) == 1
        assert s.count("documents") == 8
        assert {d.source for d in s.documents()} == {str(f) for f in files if f != files[4]}


def test_ids_follow_the_order_given_whatever_finishes_first(tmp_path):
    """Users cite documents and forecasts by id ("forecasts resolve 3"): the ids must not
    depend on how many workers ran or which document took longest."""
    files = _write_corpus(tmp_path / "c", 4)
    with open(files[0], "a", encoding="utf-8") as fh:
        fh.write("SLOW-ME\n")
    with Store(tmp_path / "s.db") as s:
        s.add(files, workers=2, extractor=FAKE)
        assert [d.source for d in s.documents()] == [str(f) for f in files]


@pytest.mark.parametrize("processes", [False, True])
def test_add_via_dask_local_cluster(tmp_path, processes):
    distributed = pytest.importorskip("distributed")
    files = _write_corpus(tmp_path / "c", 6, fail=5)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=processes, dashboard_address=None,
                                  silence_logs=40) as cluster:
        with Store(tmp_path / "s.db") as s:
            r = s.add([tmp_path / "c"], dask_address=cluster.scheduler_address, extractor=FAKE)
            assert sorted(r.added) == sorted(map(str, files[:5]))
            assert [src for src, _ in r.failed] == [str(files[5])] and "asked to fail" in r.failed[0][1]
            assert r.workers == 1
            assert s.count("claims") == 10
            again = s.add([tmp_path / "c"], dask_address=cluster.scheduler_address, extractor=FAKE)
            assert again.added == [] and len(again.unchanged) == 5
            # stored exactly as a local run would store them
            local = Store(tmp_path / "local.db")
            local.add([tmp_path / "c"], workers=0, extractor=FAKE)
            key = lambda d: d.source  # noqa: E731
            assert sorted(s.documents(), key=key) == sorted(local.documents(), key=key)
            local.close()


def test_map_uses_model(db):
    model = pytest.importorskip("cogmap.model.model")
    db.add_documents([
        make_doc("1.txt", [("Ann", "rates", -1, "demand")], date="2024-01-01"),
        make_doc("2.txt", [("Bob", "rates", -1, "demand"), ("Bob", "oil", 1, "inflation")], date="2024-02-01"),
    ])
    m = db.map()
    assert isinstance(m, model.Model)
    assert len(m.edges) == 2
    ann = db.map(speaker="ann")
    assert len(ann.edges) == 1
    later = db.map(since="2024-02-01")
    assert len(later.edges) == 2


def test_add_survives_a_dying_worker(tmp_path):
    files = _write_corpus(tmp_path / "c", 12)
    files[5].write_text(files[5].read_text() + "DIE-NOW\n")
    with Store(tmp_path / "s.db") as s:
        r = s.add([tmp_path / "c"], workers=2, extractor=FAKE)
        # only the document that kills its worker fails; the others in flight are retried
        assert [src for src, _ in r.failed] == [str(files[5])]
        assert "died" in r.failed[0][1]
        assert sorted(r.added) == sorted(str(f) for f in files if f != files[5])
        assert s.count("documents") == 11


def test_add_document_json(tmp_path):
    doc = make_doc("orig.txt", [("Ann", "rates", -1, "demand")], forecasts=[("Ann", 0.6, "a cut")])
    (tmp_path / "doc.json").write_text(doc.to_json(), encoding="utf-8")
    (tmp_path / "bad.json").write_text('{"schema": "cogmap.document/1"}', encoding="utf-8")
    with Store(tmp_path / "s.db") as s:
        r = s.add([tmp_path / "doc.json", tmp_path / "bad.json"], workers=0)
        assert r.added == [str(tmp_path / "doc.json")]
        assert [src for src, _ in r.failed] == [str(tmp_path / "bad.json")]
        assert s.documents() == [doc] and s.count("claims") == 1 and s.count("forecasts") == 1


def test_migrations_run_in_order_and_roll_back_on_failure(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    with Store(path) as s:
        s.add_documents([make_doc("a.txt", [("Ann", "x", 1, "y")])])
    migrations = dict(store_mod.MIGRATIONS)
    # a broken step 2: nothing of it may remain, and the store stays at version 1
    v = SCHEMA_VERSION
    migrations[v + 1] = ["ALTER TABLE documents ADD COLUMN language TEXT", "THIS IS NOT SQL"]
    monkeypatch.setattr(store_mod, "MIGRATIONS", migrations)
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", v + 1)
    with pytest.raises(CogmapError):
        Store(path)
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == v
    assert "language" not in [r[1] for r in con.execute("PRAGMA table_info(documents)")]
    con.close()
    # a good step then another, applied in order on open
    migrations[v + 1] = ["ALTER TABLE documents ADD COLUMN language TEXT", "UPDATE documents SET language = 'en'"]
    migrations[v + 2] = ["CREATE INDEX documents_language ON documents(language)"]
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", v + 2)
    with Store(path) as s:
        assert s.version == v + 2
        assert s.conn.execute("SELECT language FROM documents").fetchall()[0][0] == "en"
        assert s.count("claims") == 1
    monkeypatch.undo()  # this cogmap again: the migrated store is newer than it understands
    with pytest.raises(CogmapError, match="newer"):
        Store(path)


def test_version_1_store_gets_days(tmp_path):
    """A store made by the first schema gets the `day` column filled from `date`."""
    path = tmp_path / "v1.db"
    con = sqlite3.connect(path)
    for sql in store_mod.MIGRATIONS[1]:
        con.execute(sql)
    con.execute("PRAGMA user_version = 1")
    for i, date in enumerate(["Sep 22, 2005", "2024-03-01T10:00:00Z", None, "someday"]):
        con.execute("INSERT INTO documents (hash, source, date, text, json, added_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (f"h{i}", f"d{i}.txt", date, "t", Document(source=f"d{i}.txt", text="t", date=date).to_json(), "now"))
    con.commit()
    con.close()
    with Store(path) as s:
        assert s.version == SCHEMA_VERSION
        days = [r[0] for r in s.conn.execute("SELECT day FROM documents ORDER BY id")]
        assert days == ["2005-09-22", "2024-03-01", None, None]
        assert [d.source for d in s.documents(since="2005-01-01")] == ["d0.txt", "d1.txt"]
        assert [d.source for d in s.documents(since="2010-01-01")] == ["d1.txt"]


def test_since_reads_datelines(db):
    db.add_documents([
        make_doc("old.txt", [("Ann", "x", 1, "y")], date="Sep 22, 2005"),
        make_doc("new.txt", [("Bob", "x", 1, "y")], date="March 3, 2024"),
    ])
    assert [d.source for d in db.documents(since="2020-01-01")] == ["new.txt"]
    assert [d.date for d in db.documents()] == ["Sep 22, 2005", "March 3, 2024"]  # kept as written


def test_map_joins_one_variable_worded_differently_across_documents(db):
    """Concepts of different documents merge by head noun (unify), what stays apart stays apart."""
    pytest.importorskip("cogmap.model.model")
    db.add_documents([
        make_doc("1.txt", [("Ann", "heavy tanks", 1, "second mobilization")]),
        make_doc("2.txt", [("Bob", "tanks", -1, "oil prices"), ("Bob", "food prices", 1, "unrest")]),
    ])
    plain = db.map(embed=False)
    labels = sorted(c.label for c in plain.concepts)
    assert "tanks" in labels and "heavy tanks" not in labels  # one concept, the shorter label most used
    tanks = next(c for c in plain.concepts if c.label == "tanks")
    assert "heavy tanks" in tanks.aliases  # the wording is kept
    assert {"oil prices", "food prices"} <= set(labels)  # telling modifiers differ
    assert {(e.cause, e.effect) for e in plain.edges} >= {(tanks.id, "second_mobilization"), (tanks.id, "oil_prices")}
    # Each link still carries its own quote, at its offsets in its own document.
    texts = {d.source: d.text for d in db.documents()}
    for e in plain.edges:
        for ev in e.evidence:
            assert texts[ev.source][ev.start:ev.end] == ev.text


def test_add_embeds_each_label_once_and_map_embeds_none_again(db, monkeypatch):
    """Labels get their vectors when stored; the map merges by meaning from them alone."""
    pytest.importorskip("cogmap.model.model")
    from cogmap.extract import embed

    if not embed.available():
        pytest.skip("the embedding model is not installed")
    db.add_documents([
        make_doc("1.txt", [("Ann", "Western tank deliveries", 1, "second mobilization")]),
        make_doc("2.txt", [("Bob", "heavy tanks", -1, "peace talks"), ("Bob", "food prices", 1, "unrest")]),
    ])
    labels = {r[0] for r in db.conn.execute("SELECT label FROM concepts")}
    stored = db.label_vectors()
    assert set(stored) == labels
    for label, v in stored.items():
        assert v.shape == (embed.DIMENSION,)
        assert np.allclose(v, embed.encode([label])[0], atol=0.02)  # the label's own embedding
    assert db.embed_labels() == 0  # nothing left to embed
    fresh = db.map()
    calls = []
    real = embed.encode
    monkeypatch.setattr(embed, "encode", lambda phrases, **kw: calls.append(list(phrases)) or real(phrases, **kw))
    cached = db.map()
    assert calls == []  # every label's vector came from the store
    assert sorted(c.label for c in cached.concepts) == sorted(c.label for c in fresh.concepts)
    assert {(e.cause, e.effect, e.sign) for e in cached.edges} == {(e.cause, e.effect, e.sign) for e in fresh.edges}
    # A vector made by another embedding model is not used: the label is embedded again.
    with db.transaction() as c:
        c.execute("UPDATE label_vectors SET model = 'another model' WHERE label = 'heavy tanks'")
    db.map()
    assert ["heavy tanks"] in calls


def test_a_store_from_before_label_vectors_gets_them(tmp_path):
    """A version 4 store is migrated on open; map embeds what is missing, add fills it in."""
    pytest.importorskip("cogmap.model.model")
    from cogmap.extract import embed

    path = tmp_path / "v4.db"
    with Store(path) as s:
        s.add_documents([make_doc("1.txt", [("Ann", "tanks", 1, "mobilization")])])
    con = sqlite3.connect(path)  # as version 4 left it: no table of vectors, no undo of a review
    con.execute("DROP TABLE label_vectors")
    con.execute("ALTER TABLE reviews DROP COLUMN undone_by")
    con.execute("ALTER TABLE reviews DROP COLUMN undone_at")
    con.execute("PRAGMA user_version = 4")
    con.commit()
    con.close()
    with Store(path) as s:
        assert s.version == SCHEMA_VERSION and s.count("label_vectors") == 0
        assert {c.label for c in s.map().concepts} == {"tanks", "mobilization"}
        s.add_documents([make_doc("2.txt", [("Bob", "oil prices", 1, "inflation")])])
        if embed.available():
            assert set(s.label_vectors()) == {"tanks", "mobilization", "oil prices", "inflation"}
