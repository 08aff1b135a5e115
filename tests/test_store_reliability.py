"""Crash safety and concurrency of ``cogmap add``, run as real subprocesses.

These use ``fake_extractor`` (set through ``COGMAP_EXTRACTOR``) rather than the
spaCy pipeline: what is tested is the store's transactions, WAL and restart
logic, and a fast extractor lets a test kill a run many times in a few seconds.
``COGMAP_FAKE_DELAY`` slows each document so that a kill lands mid-run.
"""
from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cogmap.corpus.store import Store

TESTS = Path(__file__).parent


def _env(delay: float = 0.0) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(TESTS), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["COGMAP_EXTRACTOR"] = "fake_extractor:extract"
    env["COGMAP_FAKE_DELAY"] = str(delay)
    return env


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True)
    names = ["Ann Lee", "Bob Ray", "Cy Ng", "Di Fox"]
    for i in range(n):
        a, b = names[i % 4], names[(i + 1) % 4]
        text = (
            f"Title: piece {i}\nDate: 2024-{1 + i % 12:02d}-{1 + i % 28:02d}\n"
            f"{a}: driver {i % 6} raises result {i % 5}.\n"
            f"{b}: driver {i % 6} lowers result {i % 5}.\n"
            f"{a}: forecast 0.{1 + i % 9} outcome {i} occurs.\n"
        )
        (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")
    return folder


def _add(db: Path, folder: Path, workers: int, delay: float = 0.0) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "cogmap", "add", str(folder), "--db", str(db), "--workers", str(workers), "--quiet"],
        env=_env(delay), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.OperationalError:  # schema not there yet
        return 0


def _kill(p: subprocess.Popen) -> None:
    """SIGKILL the `cogmap add` process itself, then reap any orphaned workers."""
    p.send_signal(signal.SIGKILL)
    p.wait()
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _snapshot(db: Path) -> dict:
    """Everything that should be equal between two stores of the same corpus."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        docs = con.execute("SELECT hash, source, json FROM documents ORDER BY source").fetchall()
        hashes = [h for h, _, _ in docs]
        assert len(hashes) == len(set(hashes)), "a document is stored twice"
        per_doc = {}
        for table in ("claims", "forecasts", "quotes", "concepts"):
            for source, n in con.execute(
                f"SELECT d.source, count(t.id) FROM documents d LEFT JOIN {table} t ON t.document_id = d.id"
                " GROUP BY d.id"
            ):
                per_doc.setdefault(source, {})[table] = n
        inputs = con.execute("SELECT count(*), count(DISTINCT document_id) FROM inputs").fetchone()
        return {
            "docs": [(Path(s).name, h, j.replace(s, Path(s).name)) for h, s, j in docs],
            "rows": {Path(s).name: v for s, v in per_doc.items()},
            "inputs": inputs,
        }
    finally:
        con.close()


@pytest.mark.parametrize("workers", [0, 2])
def test_sigkill_mid_run_then_restart_matches_uninterrupted(tmp_path, workers):
    n = 40
    folder = _corpus(tmp_path / "corpus", n)
    killed = tmp_path / "killed.db"
    # Kill the run three times at different points, then let it finish.
    for target in (3, 12, 25):
        p = _add(killed, folder, workers, delay=0.1)
        deadline = time.time() + 60
        while _count(killed) < target and p.poll() is None and time.time() < deadline:
            time.sleep(0.01)
        assert p.poll() is None, f"the run ended before it could be killed: {p.stderr.read()}"
        _kill(p)
        got = _count(killed)
        assert 0 < got < n
        with Store(killed) as s:  # the store opens and is valid after every kill
            assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    p = _add(killed, folder, workers)
    out, errs = p.communicate(timeout=120)
    assert p.returncode == 0, errs
    assert "unchanged" in out

    clean = tmp_path / "clean.db"
    p = _add(clean, folder, workers)
    _, errs = p.communicate(timeout=120)
    assert p.returncode == 0, errs

    a, b = _snapshot(killed), _snapshot(clean)
    assert len(a["docs"]) == n
    assert a == b


def test_sigkill_at_random_moments_without_delay(tmp_path):
    """No delay: kills land during writes too. The store must stay valid each time."""
    n = 150
    folder = _corpus(tmp_path / "corpus", n)
    db = tmp_path / "s.db"
    rng = random.Random(5)
    counts = []
    for _ in range(6):
        p = _add(db, folder, 0)
        time.sleep(rng.uniform(0.3, 1.2))  # python start-up is ~0.3 s
        if p.poll() is not None:
            break
        _kill(p)
        counts.append(_count(db))
        con = sqlite3.connect(db)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.close()
    assert counts == sorted(counts)  # never lost a committed document
    p = _add(db, folder, 0)
    _, errs = p.communicate(timeout=120)
    assert p.returncode == 0, errs
    snap = _snapshot(db)
    assert len(snap["docs"]) == n
    assert all(v == {"claims": 2, "forecasts": 1, "quotes": 3, "concepts": 2} for v in snap["rows"].values())


def test_two_concurrent_adds_on_one_new_store(tmp_path):
    n = 60
    folder = _corpus(tmp_path / "corpus", n)
    half = tmp_path / "half"
    half.mkdir()
    for f in sorted(folder.iterdir())[: n // 2]:  # overlapping: the same first half, different paths
        (half / f.name).write_bytes(f.read_bytes())
    db = tmp_path / "shared.db"  # does not exist yet: both create/migrate it at once
    p1 = _add(db, folder, 1, delay=0.01)
    p2 = _add(db, half, 1, delay=0.01)
    o1, e1 = p1.communicate(timeout=180)
    o2, e2 = p2.communicate(timeout=180)
    assert p1.returncode == 0, e1
    assert p2.returncode == 0, e2
    snap = _snapshot(db)
    assert len(snap["docs"]) == n  # every document once, though half was added by both
    assert snap["inputs"] == (n, n)  # the copies have the same bytes: one input row each
    # together the two runs added each document exactly once
    added = [int(re.search(r"added (\d+), unchanged (\d+)", o).group(1)) for o in (o1, o2)]
    unchanged = [int(re.search(r"added (\d+), unchanged (\d+)", o).group(2)) for o in (o1, o2)]
    assert sum(added) == n
    assert sum(added) + sum(unchanged) == n + n // 2
    with Store(db) as s:
        assert s.count("claims") == 2 * n


def test_workers_end_soon_after_their_parent_is_killed(tmp_path):
    """A SIGKILLed `add` leaves no workers behind: each one watches its parent."""
    folder = _corpus(tmp_path / "docs", 40)
    p = _add(tmp_path / "c.db", folder, workers=2, delay=0.5)
    deadline = time.time() + 60
    children: list[int] = []
    while time.time() < deadline and len(children) < 2:
        out = subprocess.run(["pgrep", "-P", str(p.pid)], capture_output=True, text=True).stdout
        children = [int(x) for x in out.split()]
        time.sleep(0.2)
    time.sleep(3)  # the pool is up and working
    out = subprocess.run(["pgrep", "-P", str(p.pid)], capture_output=True, text=True).stdout
    children = [int(x) for x in out.split()]
    assert children, "no worker started"
    p.send_signal(signal.SIGKILL)
    p.wait()
    end = time.time() + 15
    alive = children
    while alive and time.time() < end:
        time.sleep(0.5)
        alive = []
        for pid in children:
            try:
                os.kill(pid, 0)
                state = Path(f"/proc/{pid}/stat").read_text().split()[2] if Path(f"/proc/{pid}/stat").exists() else "X"
                if state != "Z":
                    alive.append(pid)
            except ProcessLookupError:
                pass
    try:
        os.killpg(p.pid, signal.SIGKILL)  # leave nothing behind, whatever the result
    except ProcessLookupError:
        pass
    assert not alive, f"workers {alive} outlived their parent"


# -- the store guards itself (issue 14, item 10) ------------------------------------------
def _cli(*args, cwd, wrap=()) -> subprocess.CompletedProcess:
    env = _env()
    env["COLUMNS"] = "300"  # one message, one line
    return subprocess.run([*wrap, sys.executable, "-m", "cogmap", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def _one_line(r: subprocess.CompletedProcess, *needles, code: int = 2) -> None:
    assert r.returncode == code, (r.returncode, r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr, r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:"), r.stderr
    for n in needles:
        assert n in lines[0], lines[0]


def _store(tmp_path: Path, n: int = 4) -> Path:
    tmp_path.mkdir(exist_ok=True)
    db = tmp_path / "c.db"
    r = _cli("add", _corpus(tmp_path / "docs", n), "--db", db, "--workers", "0", "--quiet", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    return db


def _files(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_a_sqlite_file_of_another_application_is_refused_and_left_as_it_was(tmp_path):
    other = tmp_path / "other" / "notes.db"
    other.parent.mkdir()
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    con.execute("INSERT INTO notes (body) VALUES ('keep me')")
    con.execute("PRAGMA user_version = 7")
    con.commit()
    con.close()
    tagged = tmp_path / "other" / "tagged.db"
    con = sqlite3.connect(tagged)
    con.execute("PRAGMA application_id = 42")  # another application's file, still without tables
    con.commit()
    con.close()
    empty = tmp_path / "other" / "empty.db"
    con = sqlite3.connect(empty)
    con.execute("PRAGMA user_version = 3")  # no table, no mark: not a cogmap store that lost its tables
    con.commit()
    con.close()
    before = _files(other.parent)
    article = tmp_path / "article.txt"  # (a folder with no article is refused before any store is opened)
    article.write_text("Ann Lee: rates lowers demand.\n")
    for args in (["experts"], ["forecasts", "list"], ["map"], ["report", "-o", tmp_path / "r.html"],
                 ["forecasts", "resolve", "1", "--outcome", "yes"], ["add", article]):
        _one_line(_cli(*args, "--db", other, cwd=tmp_path), "not a cogmap store")
        _one_line(_cli(*args, "--db", tagged, cwd=tmp_path), "another application")
        _one_line(_cli(*args, "--db", empty, cwd=tmp_path), "empty SQLite database of another application")
    assert _files(other.parent) == before  # no tables, no user_version, no journal mode, no -wal
    con = sqlite3.connect(other)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()


def test_stores_carry_the_application_id_and_older_ones_get_it(tmp_path):
    from cogmap.corpus.store import APPLICATION_ID

    db = tmp_path / "c.db"
    Store(db).close()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    con.execute("PRAGMA application_id = 0")  # as a store made before the id existed
    con.commit()
    con.close()
    with Store(db, readonly=True) as s:  # reading does not write, even the id
        assert s.count() == 0
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA application_id").fetchone()[0] == 0
    con.close()
    with Store(db) as s:
        assert s.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def _read_only(folder: Path):
    """A command prefix that runs with ``folder`` read-only, and how to undo it."""
    if os.geteuid() != 0:
        mode = folder.stat().st_mode
        for p in folder.iterdir():
            p.chmod(0o444)
        folder.chmod(0o555)
        return (), lambda: folder.chmod(mode)
    # root writes through permissions: a read-only bind mount in a private mount namespace
    probe = subprocess.run(["unshare", "-m", "sh", "-c", 'mount --bind -o ro "$0" "$0"', str(folder)],
                           capture_output=True)
    if probe.returncode != 0:
        pytest.skip("cannot make a read-only folder here (root without mount namespaces)")
    return ("unshare", "-m", "sh", "-c", 'mount --bind -o ro "$0" "$0" && exec "$@"', str(folder)), lambda: None


def test_a_store_on_a_read_only_disk_can_still_be_read(tmp_path):
    db = _store(tmp_path / "disk")
    wrap, undo = _read_only(db.parent)
    try:
        assert not (db.parent / "c.db-wal").exists() and not (db.parent / "c.db-shm").exists()
        r = _cli("experts", "--db", db, cwd=tmp_path, wrap=wrap)
        assert r.returncode == 0 and "Ann Lee" in r.stdout, r.stderr
        r = _cli("forecasts", "list", "--db", db, cwd=tmp_path, wrap=wrap)
        assert r.returncode == 0, r.stderr
        r = _cli("map", "--db", db, "-o", tmp_path / "m.yaml", cwd=tmp_path, wrap=wrap)
        assert r.returncode == 0, r.stderr
        r = _cli("report", "--db", db, "-o", tmp_path / "r.html", cwd=tmp_path, wrap=wrap)
        assert r.returncode == 0, r.stderr
        _one_line(_cli("forecasts", "resolve", "1", "--outcome", "yes", "--db", db, cwd=tmp_path, wrap=wrap),
                  "read-only", code=1)
        _one_line(_cli("map", "--db", db, "-o", db.parent / "m.yaml", cwd=tmp_path, wrap=wrap), "cannot write")
    finally:
        undo()


def _damage_table(db: Path, table: str) -> None:
    """Overwrite the first page of a table's b-tree, as a bad disk sector would."""
    con = sqlite3.connect(db)
    page = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    with open(db, "r+b") as fh:
        fh.seek((page - 1) * size + 100 if page == 1 else (page - 1) * size)
        fh.write(b"\xde\xad\xbe\xef" * (size // 8))


def test_a_damaged_store_is_one_line_and_add_does_not_write_into_it(tmp_path):
    db = _store(tmp_path)
    _damage_table(db, "claims")
    for args in (["experts"], ["map", "-o", tmp_path / "m.yaml"], ["report", "-o", tmp_path / "r.html"]):
        _one_line(_cli(*args, "--db", db, cwd=tmp_path), "damaged", ".recover")
    before = db.read_bytes()
    more = _corpus(tmp_path / "more", 2)
    _one_line(_cli("add", more, "--db", db, "--workers", "0", cwd=tmp_path), "damaged", "will not write")
    assert db.read_bytes() == before


def test_a_store_that_lost_a_table_says_so(tmp_path):
    db = _store(tmp_path)
    con = sqlite3.connect(db)
    con.execute("DROP TABLE forecasts")
    con.commit()
    con.close()
    for args in (["experts"], ["forecasts", "list"], ["add", tmp_path / "docs"]):
        _one_line(_cli(*args, "--db", db, cwd=tmp_path), "lost its table forecasts")


def test_add_stops_at_the_first_disk_full_and_keeps_only_whole_documents(tmp_path, monkeypatch):
    from cogmap.corpus import store as store_mod
    from cogmap.errors import CogmapError

    monkeypatch.syspath_prepend(str(TESTS))
    folder = _corpus(tmp_path / "docs", 30)
    for p in folder.iterdir():  # big enough that a few fill the allowed pages
        p.write_text(p.read_text() + "Narrator: filler text. " * 400 + "\n", encoding="utf-8")
    extracted = []
    real = store_mod._extract_path
    monkeypatch.setattr(store_mod, "_extract_path", lambda source, *rest: extracted.append(source) or
                        real(source, *rest))
    db = tmp_path / "c.db"
    with Store(db) as s:
        pages = s.conn.execute("PRAGMA page_count").fetchone()[0]
        s.conn.execute(f"PRAGMA max_page_count = {pages + 30}")  # the disk fills after a few documents
        with pytest.raises(CogmapError, match="disk is full") as info:
            s.add(folder, workers=0, extractor="fake_extractor:extract")
    added = int(re.search(r"(\d+) added before it", str(info.value)).group(1))
    assert 0 < added < 30
    assert len(extracted) == added + 1  # stopped at once, not after extracting the rest
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert docs == added
    assert con.execute("SELECT count(*) FROM inputs").fetchone()[0] == docs
    assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == 2 * docs  # no half-written document
    assert con.execute("SELECT count(*) FROM forecasts").fetchone()[0] == docs
    con.close()


def test_a_worker_leaves_ctrl_c_to_the_parent():
    """Ctrl-C reaches every process of the terminal's group: a worker that took it would
    print a traceback of its own while the parent is already saying "interrupted"."""
    code = ("import signal, sys; sys.path.insert(0, 'tests'); from cogmap.corpus.workers import _worker_init; "
            "_worker_init('fake_extractor:extract'); print(signal.getsignal(signal.SIGINT) is signal.SIG_IGN)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parents[1])
    assert r.stdout.strip() == "True", r.stderr
