"""The corpus commands end to end: `cogmap add`, `forecasts`, `experts`, map over a store.

Most use ``fake_extractor`` (fast, see its docstring); ``test_real_pipeline``
runs the real spaCy pipeline on two short documents written here.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cogmap.corpus.store import Store

TESTS = Path(__file__).parent


def cogmap(*args, cwd, fake=True, columns=200):
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(TESTS), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["COLUMNS"] = str(columns)
    if fake:
        env["COGMAP_EXTRACTOR"] = "fake_extractor:extract"
    else:
        env.pop("COGMAP_EXTRACTOR", None)
    return subprocess.run([sys.executable, "-m", "cogmap", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def corpus(tmp_path):
    c = tmp_path / "c"
    (c / "deep").mkdir(parents=True)
    (c / "a.txt").write_text("Date: 2024-01-05\nAnn Lee: rates lowers demand.\nAnn Lee: forecast 0.8 a cut in May.\n")
    (c / "deep" / "b.txt").write_text("Date: 2024-03-05\nBob Ray: rates raises demand.\nBob Ray: forecast 0.3 a cut in June.\n")
    (c / "bad.txt").write_text("FAIL-ME\n")
    (c / "skip.md").write_text("Ann Lee: x raises y.\n")
    return c


def test_add_reports_failures_and_is_idempotent(tmp_path, corpus):
    p = cogmap("add", corpus, "--workers", "2", cwd=tmp_path)
    assert p.returncode == 1, p.stderr  # one document failed, and by a fault of the extractor's
    assert "added 2, unchanged 0" in p.stdout and "failed 1" in p.stdout
    assert "bad.txt: internal error: ValueError: this document asked to fail" in p.stdout
    assert "Traceback" not in p.stderr
    assert (tmp_path / "cogmap.db").exists()  # the default store, created on first use
    p = cogmap("add", corpus / "a.txt", corpus / "deep" / "b.txt", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert "added 0, unchanged 2" in p.stdout and "nothing new" in p.stdout
    p = cogmap("add", tmp_path / "nope", cwd=tmp_path)
    assert p.returncode == 2 and "no such file" in p.stderr


def test_forecasts_resolve_experts_and_map(tmp_path, corpus):
    (corpus / "bad.txt").unlink()
    db = tmp_path / "s.db"
    assert cogmap("add", str(corpus / "**" / "*.txt"), "--db", db, cwd=tmp_path).returncode == 0
    with Store(db) as s:
        ids = {f.speaker: f.id for f in s.forecasts()}
    p = cogmap("forecasts", "list", "--open", "--db", db, cwd=tmp_path)
    assert p.returncode == 0 and "Ann Lee" in p.stdout and "Bob Ray" in p.stdout
    p = cogmap("forecasts", "resolve", ids["Ann Lee"], "--outcome", "yes", "--on", "2024-05-31", "--note", "minutes",
               "--db", db, cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    p = cogmap("forecasts", "resolve", ids["Ann Lee"], "--outcome", "no", "--db", db, cwd=tmp_path)
    assert p.returncode == 2 and "--force" in p.stderr and "Traceback" not in p.stderr
    p = cogmap("forecasts", "list", "--resolved", "--db", db, cwd=tmp_path)
    assert "Ann Lee" in p.stdout and "Bob Ray" not in p.stdout and "2024-05-31" in p.stdout
    p = cogmap("forecasts", "list", "--open", "--resolved", "--db", db, cwd=tmp_path)
    assert p.returncode == 2
    p = cogmap("forecasts", "resolve", ids["Bob Ray"], "--outcome", "perhaps", "--db", db, cwd=tmp_path)
    assert p.returncode == 2 and "yes or no" in p.stderr
    p = cogmap("experts", "--db", db, "--plot", tmp_path / "cal.png", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert (tmp_path / "cal.png").stat().st_size > 1000
    ann = next(line for line in p.stdout.splitlines() if "Ann Lee" in line and "0.040" in line)
    assert ann  # Brier of 0.8 on a yes: (1 - 0.8)^2
    p = cogmap("experts", "--db", db, "--format", "json", cwd=tmp_path)
    data = {e["speaker"]: e for e in json.loads(p.stdout)}
    assert data["Ann Lee"]["resolved"] == 1 and abs(data["Ann Lee"]["brier"] - 0.04) < 1e-9
    assert data["Ann Lee"]["calibration"][0]["n"] == 1 and data["Bob Ray"]["brier"] is None
    p = cogmap("forecasts", "list", "--format", "json", "--speaker", "ann lee", "--db", db, cwd=tmp_path)
    rows = json.loads(p.stdout)
    assert [(r["speaker"], r["outcome"], r["note"]) for r in rows] == [("Ann Lee", True, "minutes")]
    p = cogmap("experts", "--db", tmp_path / "missing.db", cwd=tmp_path)
    assert p.returncode == 2 and "no store" in p.stderr


def test_forecasts_list_on_a_narrow_terminal_keeps_names_whole(tmp_path, corpus):
    """At 60 columns the table folded file names mid-word ("a-long-na" / "me.txt"); the
    list gives each forecast its statement, then its speaker, source and state."""
    (corpus / "bad.txt").unlink()
    (corpus / "a-rather-long-file-name-for-a-column.txt").write_text(
        "Date: 2024-02-05\nCy Dee: forecast 0.6 a cut in April.\n")
    db = tmp_path / "s.db"
    assert cogmap("add", corpus, "--db", db, cwd=tmp_path).returncode == 0
    narrow = cogmap("forecasts", "list", "--db", db, cwd=tmp_path, columns=60).stdout
    lines = narrow.splitlines()
    assert all(len(line.rstrip()) <= 60 for line in lines)
    for name in ("a-rather-long-file-name-for-a-column.txt", "a.txt", "b.txt", "Ann Lee", "Cy Dee"):
        assert any(name in line for line in lines), (name, narrow)
    assert "┃" not in narrow  # a list, not a table
    wide = cogmap("forecasts", "list", "--db", db, cwd=tmp_path, columns=200).stdout
    assert "┃" in wide and "a-rather-long-file-name-for-a-column.txt" in wide
    # experts: the number columns had left the names no room at all
    narrow = cogmap("experts", "--db", db, cwd=tmp_path, columns=60).stdout
    assert all(name in narrow for name in ("Ann Lee", "Bob Ray", "Cy Dee")) and "1 forecast" in narrow, narrow


def test_forecasts_list_shows_the_condition_a_forecast_hangs_on(tmp_path, corpus):
    """A new user's trial: "If the bank hikes too fast, ..." was listed, and so resolved, as
    if it held whatever the bank does."""
    (corpus / "bad.txt").unlink()
    (corpus / "c.txt").write_text("Date: 2024-02-05\nCy Dee: forecast 0.6 a recession if the bank hikes again.\n")
    db = tmp_path / "s.db"
    assert cogmap("add", corpus, "--db", db, cwd=tmp_path).returncode == 0
    for columns in (200, 60):
        shown = " ".join(cogmap("forecasts", "list", "--db", db, cwd=tmp_path, columns=columns).stdout.split())
        assert "if: the bank hikes again" in shown, shown
        assert shown.count("if:") == 1


def test_a_report_kept_beside_the_articles_is_no_article(tmp_path, corpus):
    """A report holds an article's quotes and labels: read as an article, each claim would
    come back twice. A folder's search skips it; named on its own, it is refused."""
    (corpus / "bad.txt").unlink()
    p = cogmap("report", corpus / "a.txt", "-o", corpus / "a-report.html", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    p = cogmap("add", corpus, "--db", tmp_path / "s.db", cwd=tmp_path)
    assert p.returncode == 0 and "added 2, unchanged 0" in p.stdout, p.stdout + p.stderr
    p = cogmap("extract", corpus / "a-report.html", cwd=tmp_path, fake=False)
    assert p.returncode == 2 and "is a cogmap report, not an article" in p.stderr and "Traceback" not in p.stderr


def test_real_pipeline(tmp_path):
    import cogmap as cm

    try:
        cm.extract("Higher rates reduce demand, the economist said.")
    except NotImplementedError:
        pytest.skip("cogmap.extract is not implemented yet")
    c = tmp_path / "c"
    c.mkdir()
    (c / "one.txt").write_text(
        "Lower rainfall will cut harvests this year, said Maria Gomez, an agronomist. "
        "\"Smaller harvests raise the price of feed,\" Gomez said.\n", encoding="utf-8")
    (c / "two.html").write_text(
        '<html><head><title>Credit and homes</title>'
        '<meta property="article:published_time" content="2024-03-01T10:00:00Z"></head><body><article>'
        "<h1>Credit and homes</h1><p>Cheaper credit increases home sales, according to Peter Lund, a banker. "
        "He said it is likely that sales will rise next year.</p></article></body></html>\n", encoding="utf-8")
    with Store(tmp_path / "s.db") as s:
        r = s.add([c], workers=0)
        assert r.failed == [] and len(r.added) == 2
        docs = s.documents()
        assert sum(len(d.claims) for d in docs) == s.count("claims") > 0
        assert s.conn.execute("SELECT count(*) FROM claims WHERE speaker IS NOT NULL").fetchone()[0] > 0
        # the HTML page's date is stored, so --since can select it
        assert [d.source for d in s.documents(since="2024-01-01")] == [str(c / "two.html")]
        again = s.add([c], workers=0)
        assert again.unchanged and not again.added


def test_add_dask_command(tmp_path, corpus):
    distributed = pytest.importorskip("distributed")
    (corpus / "bad.txt").unlink()
    # processes=False with a TCP scheduler: the worker runs in this process (where
    # fake_extractor is importable) and the `cogmap add` subprocess connects over TCP.
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp",
                                  dashboard_address=None, silence_logs=40) as cluster:
        p = cogmap("add", corpus, "--dask", cluster.scheduler_address, "--db", tmp_path / "d.db", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert "added 2, unchanged 0" in p.stdout and "dask (1 workers)" in p.stdout
    with Store(tmp_path / "d.db") as s:
        assert s.count("claims") == 2


def test_map_db_command(tmp_path, corpus):
    pytest.importorskip("cogmap.model.model")
    (corpus / "bad.txt").unlink()
    db = tmp_path / "m.db"
    assert cogmap("add", corpus, "--db", db, cwd=tmp_path).returncode == 0
    p = cogmap("map", "--db", db, "-o", tmp_path / "model.json", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    from cogmap.model.model import load_model

    model = load_model(tmp_path / "model.json")
    assert [(e.cause, e.effect) for e in model.edges] == [("rates", "demand")]
    assert len(model.edges[0].evidence) == 2
    assert "1 contradiction" in p.stderr and "Ann Lee" in p.stderr and "Bob Ray" in p.stderr
    p = cogmap("map", "--db", db, "--speaker", "bob ray", cwd=tmp_path)  # YAML on stdout
    assert p.returncode == 0 and p.stdout.startswith("schema: cogmap.model/1")
    assert "a.txt" not in p.stdout and "b.txt" in p.stdout
    p = cogmap("map", "--db", db, "--since", "2024-02-01", "-o", tmp_path / "late.yaml", cwd=tmp_path)
    assert p.returncode == 0 and "from 1 document in" in p.stderr
    p = cogmap("map", "--db", db, "--since", "soon", cwd=tmp_path)
    assert p.returncode == 2 and "--since" in p.stderr
    p = cogmap("map", corpus / "a.txt", "--db", db, cwd=tmp_path)
    assert p.returncode == 2 and "not both" in p.stderr


def test_add_counts_a_device_and_a_symlink_loop_as_failed(tmp_path):
    """Named inputs that are no regular file are refused with their reason, never dropped."""
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    loop_a, loop_b = tmp_path / "a.txt", tmp_path / "b.txt"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    r = cogmap("add", "/dev/zero", loop_a, fifo, "--db", tmp_path / "c.db", "--workers", "0", cwd=tmp_path)
    assert r.returncode == 2, r.stderr  # the inputs' fault, every one
    assert not (tmp_path / "c.db").exists()  # nothing stored: no empty store made
    assert "failed 3" in r.stdout
    assert "/dev/zero: more than" in r.stdout and "symbolic links" in r.stdout
    assert f"{fifo}: is a named pipe" in r.stdout


def test_ids_past_sqlite_integers_name_nothing(tmp_path, corpus):
    """An id SQLite cannot hold is no document or forecast: one line, not an overflow."""
    (corpus / "bad.txt").unlink()
    db = tmp_path / "s.db"
    assert cogmap("add", corpus, "--db", db, "--workers", "0", cwd=tmp_path).returncode == 0
    huge = "99999999999999999999999"
    for args, code, needle in ((["report", "--db", db, "--document", huge, "-o", tmp_path / "r.html"], 2, "no document"),
                               (["forecasts", "resolve", huge, "--outcome", "yes", "--db", db], 2, "no forecast")):
        p = cogmap(*args, cwd=tmp_path)
        assert p.returncode == code and "Traceback" not in p.stderr and "internal error" not in p.stderr, p.stderr
        assert p.stderr.startswith("error:") and needle in p.stderr and len(p.stderr.strip().splitlines()) == 1


def test_a_users_slips_get_one_line_and_exit_2_before_any_work(tmp_path, corpus):
    """A folder for --db, a plot name no plotter writes, an outcome dated before its forecast,
    a file that is not there: each one line and exit 2, and no store made for nothing."""
    (corpus / "bad.txt").unlink()
    db = tmp_path / "s.db"
    assert cogmap("add", corpus, "--db", db, "--workers", "0", cwd=tmp_path).returncode == 0
    rows = json.loads(cogmap("forecasts", "list", "--format", "json", "--db", db, cwd=tmp_path).stdout)
    ann = next(r["id"] for r in rows if r["speaker"] == "Ann Lee")  # made on 2024-01-05
    cases = [
        (["map", "--db", tmp_path], "is a folder"),
        (["forecasts", "list", "--db", tmp_path], "is a folder"),
        (["experts", "--db", db, "--plot", tmp_path / "cal.txt"], ".png"),
        (["forecasts", "resolve", ann, "--outcome", "yes", "--on", "2023-12-31", "--db", db], "before"),
        (["add", tmp_path / "missing.txt", "--db", tmp_path / "new.db"], "no such file"),
    ]
    for args, needle in cases:
        p = cogmap(*args, cwd=tmp_path)
        assert p.returncode == 2 and needle in p.stderr, (args, p.stderr)
        assert len(p.stderr.strip().splitlines()) == 1 and not p.stdout.strip(), (args, p.stdout)
    assert not (tmp_path / "new.db").exists()
    assert cogmap("forecasts", "resolve", ann, "--outcome", "yes", "--on", "2024-01-05", "--db", db,
                  cwd=tmp_path).returncode == 0


def test_map_db_says_when_a_filter_leaves_nothing(tmp_path, corpus):
    """An empty map would read as a speaker who said nothing causal, or a quiet month."""
    (corpus / "bad.txt").unlink()
    db = tmp_path / "s.db"
    assert cogmap("add", corpus, "--db", db, "--workers", "0", cwd=tmp_path).returncode == 0
    for args, needle in ((["--speaker", "Nobody"], "no claims or forecasts by 'Nobody'"),
                         (["--since", "2030-01-01"], "no documents in")):
        for command, out in (("map", "m.yaml"), ("report", "r.html")):  # the page says what the map says
            p = cogmap(command, "--db", db, *args, "-o", tmp_path / out, cwd=tmp_path)
            assert p.returncode == 2 and needle in p.stderr and len(p.stderr.strip().splitlines()) == 1, p.stderr
            assert not (tmp_path / out).exists()
    p = cogmap("map", "--db", db, "--speaker", "ann lee", "-o", tmp_path / "m.yaml", cwd=tmp_path)
    assert p.returncode == 0 and "1 document in" in p.stderr, p.stderr


def test_a_rejected_link_contradicts_no_one(tmp_path, corpus):
    from cogmap.corpus.review import add_review

    (corpus / "bad.txt").unlink()
    db = tmp_path / "s.db"
    assert cogmap("add", corpus, "--db", db, "--workers", "0", cwd=tmp_path).returncode == 0
    assert "1 contradiction" in cogmap("map", "--db", db, cwd=tmp_path).stderr
    with Store(db) as st:
        add_review(st, "rename", concept="rates", label="policy rates", who="tester")
    told = cogmap("map", "--db", db, cwd=tmp_path).stderr
    assert "  policy rates -> demand" in told and "  rates -> demand" not in told  # named as the map names it
    with Store(db) as st:
        add_review(st, "reject", cause="policy rates", effect="demand", who="tester")
    assert "no contradictions" in cogmap("map", "--db", db, cwd=tmp_path).stderr
    assert "1 contradiction" in cogmap("map", "--db", db, "--original", cwd=tmp_path).stderr


def test_reading_commands_leave_an_empty_file_alone_and_add_says_when_it_found_nothing(tmp_path):
    # A new user's trial: `map --db` turned an empty file into a 110 KB store, and `add` of a
    # folder without articles made a store and reported "added 0".
    empty = tmp_path / "empty.db"
    empty.touch()
    r = cogmap("map", "--db", empty, cwd=tmp_path)
    assert r.returncode == 2 and "no store at" in r.stderr and "empty" in r.stderr, r.stderr
    assert empty.stat().st_size == 0
    (tmp_path / "nothing").mkdir()
    (tmp_path / "nothing" / "notes.md").write_text("Ann Lee: x raises y.\n")
    r = cogmap("add", tmp_path / "nothing", "--db", tmp_path / "n.db", cwd=tmp_path)
    assert r.returncode == 2 and "no articles in" in r.stderr, r.stderr
    assert not (tmp_path / "n.db").exists()


def test_a_store_where_nothing_can_be_written_is_the_users_to_fix(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("Ann Lee: rates lowers demand.\n")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        # A folder of one's own without write permission, else (as root, who may write
        # there) a place of the kernel's where no file can be made.
        where = None
        for place in (locked, Path("/sys"), Path("/proc")):
            try:
                (place / "cogmap-probe").open("w").close()
                (place / "cogmap-probe").unlink()
            except OSError:
                where = place
                break
        if where is None:
            pytest.skip("no place here that this user cannot write")
        r = cogmap("add", art, "--db", where / "cogmap-test.db", cwd=tmp_path)
        assert r.returncode == 2 and "cannot open store" in r.stderr, r.stderr
    finally:
        locked.chmod(0o700)


def test_a_forged_document_is_refused_before_it_can_break_the_store(tmp_path):
    """A document whose offsets do not slice its text to its quotes would fail every map
    and report of the store it entered; a side naming no concept of the document too."""
    import cogmap as api

    doc = api.extract("Higher rates reduce demand for homes, the economist said.")
    good = tmp_path / "good.json"
    good.write_text(doc.to_json())
    forged = json.loads(doc.to_json())
    forged["claims"][0]["evidence"].update(start=999999, end=5)
    (tmp_path / "forged.json").write_text(json.dumps(forged))
    renamed = json.loads(doc.to_json())
    renamed["claims"][0]["cause"]["concept"] = "nowhere"
    (tmp_path / "renamed.json").write_text(json.dumps(renamed))
    db = tmp_path / "c.db"
    r = cogmap("add", tmp_path / "forged.json", tmp_path / "renamed.json", "--db", db, "--workers", "0", cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert "forged.json: claims[0].evidence: text[999999:5] is not its words" in r.stdout
    assert "renamed.json: claims[0].cause: concept 'nowhere' is not among the concepts" in r.stdout
    assert not db.exists()
    assert cogmap("add", good, "--db", db, "--workers", "0", cwd=tmp_path).returncode == 0
    assert cogmap("map", "--db", db, cwd=tmp_path).returncode == 0


def test_adding_json_that_is_no_document_says_what_is_wrong_and_that_nothing_was_added(tmp_path):
    (tmp_path / "notdoc.json").write_text('{"hello": "world"}')
    (tmp_path / "list.json").write_text("[1, 2]")
    r = cogmap("add", tmp_path / "notdoc.json", tmp_path / "list.json", "--db", tmp_path / "c.db", "--workers", "0",
               cwd=tmp_path)
    assert r.returncode != 0 and "Traceback" not in r.stderr
    out = r.stdout + r.stderr
    assert "notdoc.json: not a cogmap.document/1 file" in out and "source: Field required" in out
    assert "list.json: not a cogmap.document/1 file" in out
    assert "nothing was added" in out and "the others were added" not in out


def test_an_outcome_is_not_known_on_a_day_to_come_nor_plotted_into_no_folder(tmp_path, corpus):
    (corpus / "bad.txt").unlink()
    db = tmp_path / "s.db"
    assert cogmap("add", corpus, "--db", db, "--workers", "0", cwd=tmp_path).returncode == 0
    r = cogmap("forecasts", "resolve", "1", "--outcome", "yes", "--on", "2099-01-01", "--db", db, cwd=tmp_path)
    assert r.returncode == 2 and "is in the future" in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    r = cogmap("experts", "--db", db, "--plot", tmp_path / "nowhere" / "c.png", cwd=tmp_path)
    assert r.returncode == 2 and "does not exist" in r.stderr and not r.stdout.strip(), (r.stdout, r.stderr)


def test_documents_lists_the_ids_that_report_document_takes(tmp_path, corpus):
    """`report --db --document ID` took an ID that no command showed."""
    (corpus / "bad.txt").unlink()
    (corpus / "a.txt").write_text("Title: Rates and demand\n" + (corpus / "a.txt").read_text())
    db = tmp_path / "s.db"
    assert cogmap("add", corpus, "--db", db, "--workers", "0", cwd=tmp_path).returncode == 0
    p = cogmap("documents", "--db", db, "--format", "json", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    rows = {Path(r["source"]).name: r for r in json.loads(p.stdout)}
    with Store(db) as s:
        assert sorted(r["id"] for r in rows.values()) == [r[0] for r in s.conn.execute("SELECT id FROM documents")]
        assert [r.id for r in s.document_rows(speaker="BOB RAY")] == [rows["b.txt"]["id"]]
    a, b = rows["a.txt"], rows["b.txt"]
    assert (a["title"], a["day"], a["claims"], a["forecasts"]) == ("Rates and demand", "2024-01-05", 1, 1)
    assert "Ann Lee" in a["speakers"] and "Bob Ray" in b["speakers"]
    table = cogmap("documents", "--db", db, cwd=tmp_path).stdout
    line = next(x for x in table.splitlines() if "Rates and demand" in x)
    assert f" {a['id']} " in line and "2024-01-05" in line and "a.txt" in line and "Ann Lee" in line
    narrow = cogmap("documents", "--db", db, cwd=tmp_path, columns=60).stdout
    assert "Rates and demand" in narrow and "1 claim, 1 forecast" in narrow
    since = json.loads(cogmap("documents", "--db", db, "--since", "2024-02-01", "--format", "json", cwd=tmp_path).stdout)
    assert [r["id"] for r in since] == [b["id"]]
    # the ID listed is the one `report --document` takes
    r = cogmap("report", "--db", db, "--document", b["id"], "-o", tmp_path / "b.html", cwd=tmp_path)
    assert r.returncode == 0 and (tmp_path / "b.html").exists(), r.stderr
    assert "cogmap documents" in cogmap("report", "--help", cwd=tmp_path, columns=400).stdout
    # no store: one line and exit 2, and none made
    p = cogmap("documents", "--db", tmp_path / "missing.db", cwd=tmp_path)
    assert p.returncode == 2 and p.stderr.startswith("error: no store at") and not p.stdout, p.stderr
    assert len(p.stderr.strip().splitlines()) == 1 and not (tmp_path / "missing.db").exists()


def test_the_help_of_commands_that_refuse_a_missing_store_does_not_promise_to_make_one(tmp_path):
    for args in (["experts"], ["forecasts", "list"], ["forecasts", "resolve"], ["documents"]):
        p = cogmap(*args, "--help", cwd=tmp_path, columns=400)
        assert p.returncode == 0, p.stderr
        assert "created on first use" not in p.stdout and "must exist" in p.stdout, (args, p.stdout)
    assert "created on first use" in cogmap("add", "--help", cwd=tmp_path, columns=400).stdout
