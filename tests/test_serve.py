"""Reports from a corpus store (`cogmap report --db`) and the local web app (`cogmap serve`).

The store is built by hand (no spaCy); one of its documents is hostile: HTML and
script in its text, title, source, speaker names and concept labels.
"""
from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cogmap.errors import InputError
from cogmap.records import Claim, Concept, Document, Evidence, Forecast, Mention
from cogmap.show.report import VENDOR_SCRIPTS, forecast_score, store_report_data
from cogmap.corpus.store import Store
from conftest import cogmap_here

DATA_OPEN = '<script type="application/json" id="cogmap-data">'
EVIL = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">"
# <script> elements of a report: the data, the bundled libraries and the page script.
SCRIPTS = len(VENDOR_SCRIPTS) + 2


def _ev(text, part):
    i = text.index(part)
    return Evidence(text=part, start=i, end=i + len(part))


def _m(label):
    cid = re.sub(r"\W+", "_", label.lower()).strip("_") or "c"
    return Mention(concept=cid, label=label, text=label)


def make_doc(source, title, date, claims, forecasts=(), prefix=""):
    """claims: (speaker, cause, polarity, effect, sentence); forecasts: (speaker, p, sentence)."""
    text = prefix + " ".join([c[4] for c in claims] + [f[2] for f in forecasts])
    concepts = {}
    cl = []
    for i, (who, cause, pol, effect, sent) in enumerate(claims):
        for lab in (cause, effect):
            m = _m(lab)
            concepts.setdefault(m.concept, Concept(id=m.concept, label=lab))
        cl.append(Claim(id=f"k{i}", cause=_m(cause), effect=_m(effect), polarity=pol, speaker=who,
                        evidence=_ev(text, sent)))
    fc = [Forecast(id=f"f{j}", statement=s, probability=p, hedge="likely", horizon="2026", speaker=who,
                   evidence=_ev(text, s)) for j, (who, p, s) in enumerate(forecasts)]
    return Document(source=source, title=title, date=date, text=text, concepts=list(concepts.values()),
                    claims=cl, forecasts=fc)


def corpus_docs():
    a = make_doc("a.txt", "Rates and demand", "2024-03-01", [
        ("Ann Lee", "interest rates", -1, "housing demand", "Higher interest rates lower housing demand."),
        ("Ann Lee", "housing demand", 1, "house prices", "Housing demand raises house prices."),
        ("Bob Ray", "house prices", 1, "interest rates", "House prices push interest rates up."),
    ], forecasts=[("Ann Lee", 0.8, "House prices will fall by 2026."), ("Bob Ray", 0.3, "Rates will be cut.")])
    b = make_doc("b.txt", "Demand again", "2025-01-10", [
        ("Bob Ray", "interest rates", -1, "housing demand", "Rates cut demand, Bob said."),
    ])
    evil = make_doc(
        f"https://evil.example/{EVIL}", f"Title {EVIL}", "2025-02-01",
        [(f"Dr. {EVIL}", f"tariffs {EVIL}", 1, "inflation </script><!--", f"Tariffs {EVIL} raise inflation.")],
        forecasts=[(f"Mx {EVIL}", 0.6, f"Inflation {EVIL} will rise.")],
        prefix=f"{EVIL} &amp; {{{{data}}}} \u2028 ",
    )
    return a, b, evil


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "corpus.db"
    with Store(path) as st:
        for d in corpus_docs():
            st.add_document(d)
        rows = {r.statement: r.id for r in st.forecasts()}
        st.resolve(rows["House prices will fall by 2026."], "yes", on="2026-01-05", note="statistics <b>office</b>")
    return path


def data_of(page: str) -> dict:
    i = page.index(DATA_OPEN) + len(DATA_OPEN)
    return json.loads(page[i:page.index("</script>", i)])


# -- report --db --------------------------------------------------------------------
def test_corpus_data(db):
    d = store_report_data(db)
    assert d["kind"] == "corpus" and d["store"] is True and d["text"] is None
    assert [x["id"] for x in d["documents"]] == [1, 2, 3]
    edge = next(e for e in d["edges"] if e["source"] == "interest_rates" and e["target"] == "housing_demand")
    assert {(ev["speaker"], ev["document_id"], ev["document"]) for ev in edge["evidence"]} == {
        ("Ann Lee", 1, "Rates and demand"), ("Bob Ray", 2, "Demand again")}
    assert edge["support"]["documents"] == 2 and edge["support"]["speakers"] == 2
    assert [lp["kind"] for lp in d["loops"]["loops"]] == ["balancing"]
    fc = {f["statement"]: f for f in d["forecasts"]}
    done = fc["House prices will fall by 2026."]
    assert done["resolution"] == {"outcome": "yes", "on": "2026-01-05", "note": "statistics <b>office</b>"}
    assert done["score"] == forecast_score(0.8, True) == {"brier": 0.04, "log": -0.2231}
    assert fc["Rates will be cut."]["resolution"] is None and fc["Rates will be cut."]["score"] is None


def test_speaker_since_and_document_data(db):
    d = store_report_data(db, speaker="bob ray")
    assert {ev["speaker"] for e in d["edges"] for ev in e["evidence"]} == {"Bob Ray"}
    assert [f["speaker"] for f in d["forecasts"]] == ["Bob Ray"]
    assert d["title"] == "corpus.db: what Bob Ray said"  # the name as stored, whatever the case asked
    assert {n["role"] for n in d["nodes"]} <= {"driver", "receiver", "ordinary"}  # only the concepts they link
    d = store_report_data(db, since="2025-01-01")
    assert [x["id"] for x in d["documents"]] == [2, 3]
    assert all(f["document_id"] in (2, 3) for f in d["forecasts"])
    d = store_report_data(db, document=1)
    assert d["kind"] == "document" and d["text"].startswith("Higher interest rates")
    for e in d["edges"]:
        for ev in e["evidence"]:
            assert d["text"][ev["at"][0]:ev["at"][1]] == ev["text"] and ev["document_id"] == 1
    f = next(f for f in d["forecasts"] if f["resolution"])
    assert f["at"] and f["score"]["brier"] == 0.04 and isinstance(f["id"], int)
    with pytest.raises(InputError):
        store_report_data(db, document=99)
    with pytest.raises(InputError):
        store_report_data(db, speaker="nobody at all")
    with pytest.raises(InputError):
        store_report_data(db, since="yesterday")


def test_cli_report_db(db, tmp_path):
    from typer.testing import CliRunner

    from cogmap.cli import app

    out = tmp_path / "corpus.html"
    r = CliRunner().invoke(app, ["report", "--db", str(db), "-o", str(out)])
    assert r.exit_code == 0, r.output
    page = out.read_text(encoding="utf-8")
    assert data_of(page)["kind"] == "corpus" and page.count("<script") == SCRIPTS
    assert "<script>window" not in page and "<img src=x" not in page
    r = CliRunner().invoke(app, ["report", "--db", str(db), "--document", "3", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert data_of(out.read_text(encoding="utf-8"))["text"].startswith(EVIL)
    r = CliRunner().invoke(app, ["report", "--db", str(db), "--speaker", "Ann Lee", "--since", "2024-01-01", "-o", str(out)])
    assert r.exit_code == 0, r.output
    for bad in (["report", "x.txt", "--db", str(db), "-o", str(out)], ["report", "--speaker", "Ann", "x.txt", "-o", str(out)],
                ["report", "--db", str(tmp_path / "none.db"), "-o", str(out)]):
        assert CliRunner().invoke(app, bad).exit_code != 0, bad
    assert not (tmp_path / "none.db").exists()  # a typo does not create a store


# -- serve, in process -------------------------------------------------------------------
@pytest.fixture
def client(db, monkeypatch):
    from fastapi.testclient import TestClient

    from cogmap.show.serve import create_app

    # The app opens no connection of its own: any attempt fails the test.
    def refuse(self, *a, **k):
        raise AssertionError(f"cogmap serve tried to connect to {a}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, *a))
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c


def test_serve_pages(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "script-src" not in r.headers["content-security-policy"]  # the index has no script at all
    assert "<script" not in r.text and "<img" not in r.text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in r.text  # the hostile title, as text
    assert 'href="/report/document/1"' in r.text and 'href="/report/speaker/Ann%20Lee"' in r.text
    for url in ("/report", "/report?speaker=ann%20lee", "/report/document/1", "/report/document/3", "/report/speaker/Bob%20Ray",
                "/report/speaker/" + "Dr.%20%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D2%22%3E"):
        r = client.get(url)
        assert r.status_code == 200, (url, r.text[:200])
        page = r.text
        assert page.count("<script") == SCRIPTS and "<script>window" not in page and "<img src=x" not in page, url
        csp = r.headers["content-security-policy"]
        # Only views of the corpus map may send reviews, and only to this server.
        connect = "connect-src 'none'" if "/document/" in url else "connect-src 'self'"
        assert "default-src 'none'" in csp and connect in csp and "frame-ancestors 'none'" in csp, url
        assert r.headers["x-content-type-options"] == "nosniff"
        d = data_of(page)
        assert d["nav"]["document"] == "/report/document/"
    assert data_of(client.get("/report/document/3").text)["text"].startswith(EVIL)
    assert data_of(client.get("/report").text)["kind"] == "corpus"


def test_serve_api(client):
    docs = client.get("/api/documents").json()
    assert [d["id"] for d in docs] == [1, 2, 3] and docs[0]["claims"] == 3 and docs[0]["title"] == "Rates and demand"
    d = client.get("/api/documents/1").json()
    assert d["schema"] == "cogmap.document/1" and Document.model_validate(d).title == "Rates and demand"
    m = client.get("/api/model").json()
    assert m["schema"] == "cogmap.model/1" and {"interest_rates", "housing_demand"} <= {c["id"] for c in m["concepts"]}
    m = client.get("/api/model", params={"speaker": "Bob Ray"}).json()
    assert {ev["speaker"] for e in m["edges"] for ev in e["evidence"]} == {"Bob Ray"}
    fc = client.get("/api/forecasts", params={"open": "false"}).json()
    assert [(f["statement"], f["resolution"]["outcome"], f["score"]["brier"]) for f in fc] == [
        ("House prices will fall by 2026.", "yes", 0.04)]
    assert len(client.get("/api/forecasts", params={"open": "true"}).json()) == 2
    sp = {s["speaker"]: s for s in client.get("/api/speakers").json()}
    assert sp["Ann Lee"]["resolved"] == 1 and sp["Ann Lee"]["brier"] == pytest.approx(0.04)
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    for p in ("/api/documents", "/api/documents/{doc_id}", "/api/model", "/api/forecasts", "/api/speakers",
              "/report", "/report/document/{doc_id}", "/report/speaker/{name}", "/"):
        assert p in spec["paths"], p
    assert "Document" in spec["components"]["schemas"] and "ForecastInfo" in spec["components"]["schemas"]


def test_serve_rejects(client, db):
    from fastapi.testclient import TestClient

    from cogmap.show.serve import create_app

    assert client.get("/api/documents/99").status_code == 404
    assert client.get("/report/document/99").status_code == 404
    assert client.get("/report/speaker/nobody").status_code == 404
    assert client.get("/report", params={"since": "soon"}).status_code == 400
    # Nothing in a request is a file: paths of any kind are not found, not read.
    for url in ("/report/document/../../etc/passwd", "/report/document/%2e%2e%2fetc%2fpasswd", "/api/documents/abc",
                "/api/documents/" + str(db), "/static/../../etc/passwd", "/report/document/0", "/docs", "/redoc",
                "/report/speaker/..%2F..%2Fetc%2Fpasswd"):
        r = client.get(url)
        assert r.status_code in (404, 422), (url, r.status_code)
        assert "root:" not in r.text
    assert client.post("/api/documents").status_code == 405
    head = client.head("/report")
    assert head.status_code == 200 and head.content == b"" and int(head.headers["content-length"]) > 1000
    # Only loopback host names are answered (DNS rebinding).
    assert TestClient(create_app(db)).get("/").status_code == 400
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200


def test_serve_ids_that_name_no_document_are_not_found(client):
    for url in ("/report/document/abc", "/report/document/-1", "/report/document/0", "/api/documents/0",
                "/api/documents/x", "/api/documents/-5"):
        assert client.get(url).status_code == 404, url


def test_serve_refuses_a_foreign_file_before_it_says_it_serves(tmp_path):
    import sqlite3

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    r = subprocess.run([sys.executable, "-m", "cogmap", "serve", "--db", str(other), "--port", str(free_port())],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "another application" in r.stderr and "serving" not in r.stdout


def test_serve_needs_a_store(tmp_path):
    from cogmap.errors import CogmapError
    from cogmap.show.serve import create_app

    with pytest.raises(CogmapError):
        create_app(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()


def test_serve_sees_new_documents(client, db):
    before = len(client.get("/report").text)
    api = [client.get(u).json() for u in ("/api/documents", "/api/model", "/api/speakers")]
    with Store(db) as st:
        st.add_document(make_doc("c.txt", "More", "2025-06-01", [("Cy", "oil supply", -1, "fuel prices", "Oil supply lowers fuel prices.")]))
    page = client.get("/report").text
    assert len(page) != before and "oil supply" in json.dumps(data_of(page))
    # the API's answers are cached per state of the store too, and see the change
    docs, model, speakers = (client.get(u).json() for u in ("/api/documents", "/api/model", "/api/speakers"))
    assert len(docs) == len(api[0]) + 1 and "oil_supply" in {c["id"] for c in model["concepts"]}
    assert "Cy" in {s["speaker"] for s in speakers} - {s["speaker"] for s in api[2]}


def test_served_pages_load_the_libraries_from_the_server(client):
    import hashlib
    import base64

    page = client.get("/report").text
    standalone = len(page)
    srcs = re.findall(r'<script src="(/assets/vendor/[^"?]+)\?v=[0-9a-f]+" integrity="(sha256-[^"]+)"></script>', page)
    assert [s for s, _ in srcs] == [f"/assets/{name}" for name in VENDOR_SCRIPTS]
    for src, integrity in srcs:
        r = client.get(src)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/javascript")
        assert "immutable" in r.headers["cache-control"]
        assert integrity == "sha256-" + base64.b64encode(hashlib.sha256(r.content).digest()).decode()
    assert "script-src" in client.get("/report").headers["content-security-policy"]
    assert "'self'" in client.get("/report").headers["content-security-policy"].split("script-src")[1].split(";")[0]
    # nothing else of the package is served
    for url in ("/assets/vendor/LICENSE-cytoscape.txt", "/assets/report.js", "/assets/vendor/..%2Freport.js",
                "/assets/vendor/%2e%2e%2f%2e%2e%2fserve.py"):
        assert client.get(url).status_code == 404, url
    assert standalone < 400_000  # the 800 KB of libraries are not in the page


# -- serve, for real ---------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db, port):
    """``cogmap serve`` in a subprocess; returns it once it answers (or fails the test)."""
    import httpx

    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "cogmap", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError("cogmap serve exited: " + proc.stdout.read().decode(errors="replace"))
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/documents", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    stop_server(proc)
    raise AssertionError("cogmap serve did not answer within 60 s")


def stop_server(proc):
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def test_serve_on_loopback(db):
    import httpx

    port = free_port()
    proc = start_server(db, port)
    try:
        base = f"http://127.0.0.1:{port}"
        assert [d["id"] for d in httpx.get(base + "/api/documents", timeout=10).json()] == [1, 2, 3]
        r = httpx.get(base + "/report/document/1", timeout=30)
        assert r.status_code == 200 and data_of(r.text)["kind"] == "document"
        assert httpx.get(base + "/openapi.json", timeout=10).json()["info"]["title"] == "cogmap"
        # Bound to loopback only: the listening socket is 127.0.0.1, not every interface.
        with open(f"/proc/{proc.pid}/net/tcp") as fh:
            rows = [ln.split() for ln in fh.read().splitlines()[1:]]
        listening = [r[1] for r in rows if r[3] == "0A" and int(r[1].split(":")[1], 16) == port]
        assert listening == ["0100007F:%04X" % port], listening
    finally:
        stop_server(proc)
    assert proc.returncode is not None


def test_empty_store(tmp_path):
    from fastapi.testclient import TestClient

    from cogmap.show.serve import create_app

    db = tmp_path / "empty.db"
    Store(db).close()
    c = TestClient(create_app(db), base_url="http://127.0.0.1")
    assert "The store is empty" in c.get("/").text
    r = c.get("/report")
    assert r.status_code == 200 and data_of(r.text)["nodes"] == [] and data_of(r.text)["documents"] == []
    assert c.get("/api/documents").json() == [] and c.get("/api/forecasts").json() == []


# -- issue 14, item 12: ids past SQLite's integers, [::1], bidi controls, pages made once --------
RLO = "\u202e"


def test_serve_a_document_id_past_sqlite_integers_is_not_found(client):
    for url in ("/report/document/99999999999999999999999", "/api/documents/99999999999999999999999",
                f"/report/document/{2**63}", f"/api/documents/{2**63 - 1}"):
        r = client.get(url)  # the test client raises on a server error instead of answering 500
        assert r.status_code == 404, (url, r.status_code, r.text[:200])


def test_serve_answers_a_bracketed_ipv6_host(db):
    from fastapi.testclient import TestClient

    from cogmap.show.serve import create_app

    with TestClient(create_app(db), base_url="http://[::1]:8000") as c:
        assert c.get("/").status_code == 200
    with TestClient(create_app(db, allowed_hosts=["127.0.0.1"]), base_url="http://[::1]:8000") as c:
        assert c.get("/").status_code == 400  # still only the hosts allowed


def test_serve_on_ipv6_loopback_and_no_traceback_for_huge_ids(db):
    """`--host ::1`, then the browser's URL http://[::1]:PORT/ (its Host header is "[::1]:PORT")."""
    import httpx

    try:
        with socket.socket(socket.AF_INET6) as s:
            s.bind(("::1", 0))
            port = s.getsockname()[1]
    except OSError:
        pytest.skip("no IPv6 loopback here")
    proc = subprocess.Popen([sys.executable, "-m", "cogmap", "serve", "--db", str(db), "--port", str(port),
                             "--host", "::1"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env=dict(os.environ, PYTHONUNBUFFERED="1"))
    try:
        base = f"http://[::1]:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(base + "/", timeout=5)
                break
            except httpx.HTTPError:
                assert proc.poll() is None and time.monotonic() < deadline, "cogmap serve did not start"
                time.sleep(0.2)
        assert r.status_code == 200 and "cogmap:" in r.text
        assert httpx.get(base + "/report/document/99999999999999999999999", timeout=30).status_code == 404
        assert httpx.get(base + "/report/document/1", timeout=30).status_code == 200
    finally:
        stop_server(proc)
    log = proc.stdout.read().decode(errors="replace")
    assert "Traceback" not in log and " 500 " not in log, log


def _bidi_store(tmp_path):
    path = tmp_path / "bidi.db"
    doc = make_doc("bidi.txt", f"Rates {RLO}gnisir{RLO} today", "2024-01-01", [
        (f"Ann {RLO}eeL", "interest rates", -1, "housing demand", f"Higher interest rates {RLO}lower housing demand."),
    ], forecasts=[(f"Ann {RLO}eeL", 0.7, "Prices will fall.")])
    with Store(path) as st:
        st.add_document(doc)
    return path, doc


def test_bidi_controls_are_neutralized_in_pages(tmp_path):
    from fastapi.testclient import TestClient

    from cogmap.show.bidi import BIDI_CONTROLS
    from cogmap.show.serve import create_app

    path, doc = _bidi_store(tmp_path)
    with TestClient(create_app(path), base_url="http://127.0.0.1") as c:
        pages = [c.get(u).text for u in ("/", "/report", "/report/document/1", "/report/speaker/Ann%20%E2%80%AEeeL")]
        assert not any(ch in page for page in pages for ch in BIDI_CONTROLS)
        assert "Ann \ufffdeeL" in pages[0] and "Rates \ufffdgnisir\ufffd today" in pages[0]
        d = data_of(pages[2])
        assert d["text"] == doc.text.replace(RLO, "\ufffd")  # one for one: the offsets still hold
        assert c.get("/api/documents/1").json()["title"] == doc.title  # the API gives the data as stored


def test_serve_makes_a_page_once_per_state_of_the_store(db, monkeypatch):
    import threading

    from fastapi.testclient import TestClient

    import cogmap.show.report as report_mod
    from cogmap.show.serve import create_app

    made = []
    real = report_mod.store_report_data

    def counting(*a, **k):
        made.append(k)
        time.sleep(0.2)  # slow enough that concurrent requests meet the same cold page
        return real(*a, **k)

    monkeypatch.setattr(report_mod, "store_report_data", counting)
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        bodies = []
        threads = [threading.Thread(target=lambda: bodies.append(c.get("/report").content)) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(made) == 1 and len(set(bodies)) == 1 and len(bodies) == 8
        for _ in range(5):
            assert c.get("/report").status_code == 200
        assert len(made) == 1
        with Store(db) as st:  # another process adds a document: the page is made again, once
            st.add_document(make_doc("c.txt", "More", "2025-06-01", [("Cy", "oil supply", -1, "fuel prices", "Oil supply lowers fuel prices.")]))
        assert "oil supply" in json.dumps(data_of(c.get("/report").text))
        c.get("/report")
        assert len(made) == 2


def test_bidi_controls_are_neutralized_in_report_files_and_the_terminal(tmp_path):
    from rich.console import Console

    from cogmap.show.bidi import BIDI_CONTROLS
    from cogmap.show.render import to_markdown, to_rich
    from cogmap.show.report import json_for_html

    assert json.loads(json_for_html({"t": "a\u202ab\u2066c\u2069<"})) == {"t": "a\ufffdb\ufffdc\ufffd<"}
    path, doc = _bidi_store(tmp_path)
    page = (tmp_path / "r.html")
    r = subprocess.run([sys.executable, "-m", "cogmap", "report", "--db", str(path), "-o", str(page)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert not any(ch in page.read_text(encoding="utf-8") for ch in BIDI_CONTROLS)
    console = Console(record=True, width=200, file=open(os.devnull, "w"))
    console.print(to_rich(doc))
    shown = console.export_text() + to_markdown(doc)
    assert "Ann \ufffdeeL" in shown and not any(ch in shown for ch in BIDI_CONTROLS)
    assert RLO in doc.title  # the document itself is unchanged


# -- review (issue 12, item 7) -----------------------------------------------------------
def _review_client(db):
    from fastapi.testclient import TestClient

    from cogmap.show.serve import create_app

    return TestClient(create_app(db), base_url="http://127.0.0.1")


SAME = {"Origin": "http://127.0.0.1", "Content-Type": "application/json"}


def _cli_map(db, *extra):
    import yaml

    out = cogmap_here("map", "--db", str(db), *extra)
    assert out.returncode == 0, out.stderr
    m = yaml.safe_load(out.stdout)
    labels = {c["id"]: c["label"] for c in m["concepts"]}
    return {(labels[e["cause"]], labels[e["effect"]]): e["weight"] for e in m["edges"]}, m


def test_each_review_action_round_trips_through_serve_the_store_and_map(db, tmp_path):
    client = _review_client(db)
    before, _ = _cli_map(db)
    assert before[("interest rates", "housing demand")] < 0
    steps = [
        ({"action": "accept", "cause": "Interest rates", "effect": "housing demand", "note": "checked the quote"},
         lambda m: m[("interest rates", "housing demand")] < 0),
        ({"action": "flip", "cause": "housing demand", "effect": "house prices"},
         lambda m: m[("housing demand", "house prices")] < 0),
        ({"action": "reject", "cause": "house prices", "effect": "interest rates", "note": "not a causal claim"},
         lambda m: ("house prices", "interest rates") not in m),
        ({"action": "add", "cause": "house prices", "effect": "rents", "sign": 1, "note": "reviewer's own"},
         lambda m: m[("house prices", "rents")] == 1.0),
        ({"action": "rename", "concept": "housing demand", "label": "demand for homes"},
         lambda m: ("interest rates", "demand for homes") in m and ("housing demand", "house prices") not in m),
        ({"action": "reject", "cause": "house prices", "effect": "rents", "note": "second thoughts"},
         lambda m: ("house prices", "rents") not in m),
        ({"action": "merge", "concept": "rents", "into": "house prices"},
         lambda m: ("house prices", "rents") not in m and not any("rents" in k for k in m)),
    ]
    for body, check in steps:
        r = client.post("/api/reviews", json=body, headers={"Origin": "http://127.0.0.1"})
        assert r.status_code == 201, r.text
        row = r.json()
        assert row["action"] == body["action"] and row["who"] and row["at"]
        reviewed, _ = _cli_map(db)
        assert check(reviewed), (body, reviewed)
    # Stored with who and when, listed by the API; the map as extracted is still there.
    log = client.get("/api/reviews").json()
    assert [r["action"] for r in log] == [s[0]["action"] for s in steps]
    assert log[0]["note"] == "checked the quote"
    original, _ = _cli_map(db, "--original")
    assert original == before
    with Store(db, create=False) as st:
        assert st.map(reviewed=False).model_dump() == Store(db, create=False).map(reviewed=False).model_dump()
        assert st.conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 5  # nothing extracted was changed
    # The report of the corpus shows the reviewed map, the accepted link marked, and the log.
    page = client.get("/report").text
    data = data_of(page)
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    pairs = {(labels[e["source"]], labels[e["target"]]): e for e in data["edges"]}
    assert pairs[("interest rates", "demand for homes")]["review"]["status"] == "accepted"
    # A flipped link's quotes agree with each other: the reviewer's entry makes it no contest.
    assert pairs[("demand for homes", "house prices")]["review"]["status"] == "flipped"
    assert pairs[("demand for homes", "house prices")]["contested"] is False
    assert ("house prices", "interest rates") not in pairs
    assert data["review"]["endpoint"] == "/api/reviews" and len(data["review"]["log"]) == len(steps)
    assert "connect-src 'self'" in client.get("/report").headers["content-security-policy"]
    # A document's own page and a standalone report stay read-only.
    assert "connect-src 'none'" in client.get("/report/document/1").headers["content-security-policy"]
    assert "review" not in data_of(client.get("/report/document/1").text)
    # Reviews hold when documents are added.
    with Store(db) as st:
        st.add_document(make_doc("c.txt", "More", "2025-03-01", [
            ("Cy Doe", "interest rates", -1, "housing demand", "Rates weigh on housing demand.")]))
    again, _ = _cli_map(db)
    assert ("house prices", "interest rates") not in again and ("interest rates", "demand for homes") in again


def _cli(*args):
    return cogmap_here(*args)


def test_reviews_from_the_terminal_mirror_the_page_and_undo_keeps_the_log(db):
    before, _ = _cli_map(db)
    ran = _cli("review", "reject", "house prices", "interest rates", "--note", "not causal", "--db", str(db))
    assert ran.returncode == 0 and "review 1: rejected" in ran.stdout, ran.stderr
    assert _cli("review", "flip", "housing demand", "house prices", "--db", str(db)).returncode == 0
    assert _cli("review", "add", "house prices", "rents", "--sign", "lowers", "--who", "Bo", "--db", str(db)).returncode == 0
    m, _ = _cli_map(db)
    assert ("house prices", "interest rates") not in m and m[("housing demand", "house prices")] < 0
    assert m[("house prices", "rents")] == -1.0
    # Undo goes back one step at a time: the reject has later reviews of house prices.
    ran = _cli("review", "undo", "1", "--db", str(db))
    assert ran.returncode == 2 and "2 (flipped" in ran.stderr and "3 (added" in ran.stderr, ran.stderr
    # Undo the add from the terminal: the link is gone, the log keeps the review, marked.
    ran = _cli("review", "undo", "3", "--who", "Cy", "--db", str(db))
    assert ran.returncode == 0 and "undone" in ran.stdout, ran.stderr
    m, _ = _cli_map(db)
    assert ("house prices", "rents") not in m
    assert m[("housing demand", "house prices")] < 0 and ("house prices", "interest rates") not in m  # the others hold
    log = json.loads(_cli("review", "list", "--format", "json", "--db", str(db)).stdout)
    assert [(r["id"], r["undone_by"]) for r in log] == [(1, None), (2, None), (3, "Cy")]
    assert log[2]["undone_at"] and log[0]["note"] == "not causal" and log[2]["who"] == "Bo"
    # Undo from the page, as its log's button sends it: the map is back as extracted.
    client = _review_client(db)
    for k in (2, 1):
        r = client.post("/api/reviews", json={"action": "undo", "id": k, "who": "Di"},
                        headers={"Origin": "http://127.0.0.1"})
        assert r.status_code == 201 and r.json()["undone_by"] == "Di", r.text
    m, _ = _cli_map(db)
    assert m == before
    log = data_of(client.get("/report").text)["review"]["log"]
    assert [bool(x["undone_at"]) for x in log] == [True, True, True]
    # Undoing twice, or what is not there, is one clear line (400 on the page, exit 2 here).
    r = client.post("/api/reviews", json={"action": "undo", "id": 2}, headers={"Origin": "http://127.0.0.1"})
    assert r.status_code == 400 and "was undone by Di" in r.json()["detail"]
    assert client.post("/api/reviews", json={"action": "undo"}, headers={"Origin": "http://127.0.0.1"}).status_code == 400
    assert client.post("/api/reviews", json={"action": "undo", "id": 10 ** 30},
                       headers={"Origin": "http://127.0.0.1"}).status_code == 400
    for args in (("undo", "2"), ("undo", "99"), ("undo", "x"), ("undo", str(2 ** 63)), ("add", "a", "b")):
        ran = _cli("review", *args, "--db", str(db))
        assert ran.returncode == 2 and "Traceback" not in ran.stderr, (args, ran.stderr)
    assert "was undone" in _cli("review", "undo", "2", "--db", str(db)).stderr
    # An undo from another site is refused like any review.
    assert _cli("review", "accept", "housing demand", "house prices", "--db", str(db)).returncode == 0
    r = client.post("/api/reviews", json={"action": "undo", "id": 4}, headers={"Origin": "http://evil.example"})
    assert r.status_code == 403
    assert _cli("review", "list", "--db", str(db)).returncode == 0
    ran = _cli("review", "list", "--db", str(db.parent / "none.db"))
    assert ran.returncode == 2 and not (db.parent / "none.db").exists()


def test_a_file_of_reviews_reaches_another_store_whole_or_not_at_all(db, tmp_path):
    import shutil

    other = tmp_path / "other.db"
    shutil.copy(db, other)
    for args in (("reject", "house prices", "interest rates", "--note", "not causal"),
                 ("rename", "housing demand", "demand for homes"),
                 ("add", "house prices", "rents", "--sign", "lowers", "--who", "Bo"),
                 ("accept", "interest rates", "demand for homes")):
        assert _cli("review", *args, "--db", str(db)).returncode == 0
    assert _cli("review", "undo", "4", "--db", str(db)).returncode == 0
    listed = tmp_path / "reviews.json"
    ran = _cli("review", "list", "-o", str(listed), "--db", str(db))
    assert ran.returncode == 0 and "wrote 4 reviews" in ran.stdout, ran.stderr
    assert json.loads(listed.read_text()) == json.loads(_cli("review", "list", "-f", "json", "--db", str(db)).stdout)
    ran = _cli("review", "apply", str(listed), "--db", str(other))
    assert ran.returncode == 0 and "applied 3 reviews" in ran.stdout and "1 undone" in ran.stdout, ran.stdout + ran.stderr
    assert _cli_map(other)[0] == _cli_map(db)[0]
    log = json.loads(_cli("review", "list", "--format", "json", "--db", str(other)).stdout)
    assert [(r["action"], r["who"], r["note"]) for r in log][::2] == [("reject", log[0]["who"], "not causal"),
                                                                        ("add", "Bo", None)]
    # Applied again, nothing is made twice.
    ran = _cli("review", "apply", str(listed), "--db", str(other))
    assert ran.returncode == 0 and "applied 0 reviews" in ran.stdout and "3 the store has it" in ran.stdout
    # A YAML list in the page's own terms works too; a review that fails stops all of them.
    plan = tmp_path / "plan.yaml"
    plan.write_text("- {action: flip, cause: demand for homes, effect: house prices}\n"
                    "- {action: merge, concept: no such thing, into: rents}\n")
    before = _cli_map(other)[0]
    ran = _cli("review", "apply", str(plan), "--db", str(other))
    assert ran.returncode == 2 and "review 2 of 2" in ran.stderr and "none was applied" in ran.stderr, ran.stderr
    assert _cli_map(other)[0] == before and len(json.loads(_cli("review", "list", "-f", "json", "--db", str(other)).stdout)) == 3
    plan.write_text("- {action: flip, cause: demand for homes, effect: house prices}\n")
    assert _cli("review", "apply", str(plan), "--db", str(other)).returncode == 0
    assert _cli_map(other)[0][("demand for homes", "house prices")] < 0
    # A file that is no list of reviews is one line, exit 2, before the store is opened.
    for text in ("x: [", "{action: flip}", "- 3", "\x00\xff", "", "\n  \n"):
        plan.write_bytes(text.encode("latin-1"))
        ran = _cli("review", "apply", str(plan), "--db", str(other))
        assert ran.returncode == 2 and "Traceback" not in ran.stderr and str(plan.name) in ran.stderr, (text, ran.stderr)
    plan.write_text("- {action: add, cause: rents, effect: house prices, sign: sideways}\n")
    ran = _cli("review", "apply", str(plan), "--db", str(other))
    assert ran.returncode == 2 and "sign must be" in ran.stderr, ran.stderr


def test_a_wording_merged_wrongly_is_split_off_and_keeps_its_own_links(db):
    with Store(db) as st:
        st.add_document(make_doc("c.txt", "Mortgages", "2025-04-01", [
            ("Cy Doe", "mortgage interest rates", 1, "loan defaults", "Mortgage interest rates drive loan defaults.")]))
    before, m = _cli_map(db)
    merged = next(c for c in m["concepts"] if c["label"] == "interest rates")
    assert "mortgage interest rates" in merged.get("aliases", []), m["concepts"]  # the machine joined them
    assert before[("interest rates", "loan defaults")] > 0
    ran = _cli("review", "split", "Interest rates", "mortgage interest rates", "--note", "a narrower rate", "--db", str(db))
    assert ran.returncode == 0 and "split mortgage interest rates off interest rates" in ran.stdout, ran.stderr
    after, m = _cli_map(db)
    assert after[("mortgage interest rates", "loan defaults")] == before[("interest rates", "loan defaults")]
    assert ("interest rates", "loan defaults") not in after
    assert after[("interest rates", "housing demand")] == before[("interest rates", "housing demand")]
    assert "mortgage interest rates" not in next(c for c in m["concepts"] if c["label"] == "interest rates").get(
        "aliases", [])
    # The page shows the split map, and its concept panel offers the split where there are wordings.
    client = _review_client(db)
    labels = {n["label"] for n in data_of(client.get("/report").text)["nodes"]}
    assert {"interest rates", "mortgage interest rates"} <= labels
    # What cannot be split is refused with the reason; undo joins them again.
    for body, why in (({"concept": "interest rates", "wording": "interest rates"}, "is the label of"),
                      ({"concept": "house prices", "wording": "rents"}, "is not a wording of"),
                      ({"concept": "nothing", "wording": "x"}, "no concept")):
        r = client.post("/api/reviews", json={"action": "split", **body}, headers={"Origin": "http://127.0.0.1"})
        assert r.status_code == 400 and why in r.json()["detail"], r.text
    assert _cli("review", "undo", "1", "--db", str(db)).returncode == 0
    assert _cli_map(db)[0] == before


def test_a_store_from_before_undo_is_upgraded_and_keeps_its_reviews(db):
    import sqlite3

    with Store(db) as st:
        from cogmap.corpus.review import add_review

        add_review(st, "reject", cause="house prices", effect="interest rates", who="Ann")
    con = sqlite3.connect(db)  # as schema version 5 left it: no undone columns
    con.execute("ALTER TABLE reviews DROP COLUMN undone_by")
    con.execute("ALTER TABLE reviews DROP COLUMN undone_at")
    con.execute("PRAGMA user_version = 5")
    con.commit()
    con.close()
    m, _ = _cli_map(db)  # opening it upgrades it; the old review still applies
    assert ("house prices", "interest rates") not in m
    with Store(db, create=False) as st:
        assert st.version >= 6 and st.conn.execute("SELECT undone_at FROM reviews").fetchone()[0] is None
    ran = _cli("review", "undo", "1", "--db", str(db))
    assert ran.returncode == 0, ran.stderr
    m, _ = _cli_map(db)
    assert ("house prices", "interest rates") in m


def test_review_requests_from_another_origin_are_refused(db):
    client = _review_client(db)
    body = {"action": "reject", "cause": "interest rates", "effect": "housing demand"}
    for headers in ({"Origin": "http://evil.example"}, {"Origin": "null"}, {},
                    {"Origin": "http://127.0.0.1:9999"}, {"Origin": "http://127.0.0.1", "Sec-Fetch-Site": "cross-site"}):
        r = client.post("/api/reviews", json=body, headers=headers)
        assert r.status_code == 403, (headers, r.status_code)
    r = client.post("/api/reviews", content="action=reject", headers={"Origin": "http://127.0.0.1",
                                                                       "Content-Type": "text/plain"})
    assert r.status_code == 415
    # Another Host (DNS rebinding) is refused before anything else.
    r = client.post("/api/reviews", json=body, headers={"Origin": "http://evil.example", "Host": "evil.example"})
    assert r.status_code == 400
    assert client.get("/api/reviews").json() == []
    # Merging two concepts the map links would drop the link unsaid: refused, with what to do.
    r = client.post("/api/reviews", json={"action": "merge", "concept": "housing demand", "into": "house prices"},
                    headers={"Origin": "http://127.0.0.1"})
    assert r.status_code == 400 and "reject that link first" in r.json()["detail"]
    # A review of what the map does not have is refused with a reason, and nothing is stored.
    r = client.post("/api/reviews", json={"action": "flip", "cause": "nothing", "effect": "here"},
                    headers={"Origin": "http://127.0.0.1"})
    assert r.status_code == 400 and "no link" in r.json()["detail"]
    assert client.get("/api/reviews").json() == []


def test_a_review_is_gated_before_its_body_is_read(db):
    """A foreign page's request is refused whatever its body; a body past the limit is
    refused by its length or, sent in chunks, as it comes; nothing is stored."""
    from cogmap.show.serve import MAX_REVIEW_BYTES

    client = _review_client(db)
    r = client.post("/api/reviews", content="{not json", headers={"Origin": "http://evil.example",
                                                                  "Content-Type": "application/json"})
    assert r.status_code == 403
    big = '{"action": "accept", "note": "' + "x" * (MAX_REVIEW_BYTES + 10) + '"}'
    assert client.post("/api/reviews", content=big, headers=SAME).status_code == 413
    chunks = (part.encode() for part in (big[:1000], big[1000:]))  # no Content-Length: sent in chunks
    assert client.post("/api/reviews", content=chunks, headers=SAME).status_code == 413
    assert client.get("/api/reviews").json() == []


def test_reviews_refuse_what_no_file_can_hold_and_keep_their_trail(db):
    client = _review_client(db)
    for label in ("be\u0000ef", "be\ud800ef"):
        body = json.dumps({"action": "rename", "concept": "rents", "label": label}, ensure_ascii=True)
        body = body.replace("rents", "house prices")
        r = client.post("/api/reviews", content=body, headers=SAME)
        assert r.status_code == 400 and "control character" in r.json()["detail"], r.text
    # Adding a link the map has would overwrite what its quotes say: refused.
    r = client.post("/api/reviews", json={"action": "add", "cause": "interest rates", "effect": "housing demand",
                                          "sign": 1}, headers=SAME)
    assert r.status_code == 400 and "accept or flip" in r.json()["detail"]
    r = client.post("/api/reviews", json={"action": "add", "cause": "house prices", "effect": "rents"}, headers=SAME)
    assert r.status_code == 400 and "needs a sign" in r.json()["detail"]
    for body in ({"action": "flip", "cause": "housing demand", "effect": "house prices", "note": "misread"},
                 {"action": "add", "cause": "house prices", "effect": "rents", "sign": 1}):
        assert client.post("/api/reviews", json=body, headers=SAME).status_code == 201
    reviewed, m = _cli_map(db)
    flipped = next(e for e in m["edges"] if e["weight"] < 0 and any("flipped by" in (ev.get("rationale") or "")
                                                                    for ev in e["evidence"]))
    assert any("misread" in ev["rationale"] for ev in flipped["evidence"] if ev.get("rationale"))
    # A reviewer's added link is the reviewer's: not in a speaker's map, nor in a period's.
    assert ("house prices", "rents") in reviewed
    for extra in (["--speaker", "Ann Lee"], ["--since", "2024-01-01"]):
        assert ("house prices", "rents") not in _cli_map(db, *extra)[0], extra
    assert client.get("/report/speaker/Nobody").status_code == 404


def test_bidi_controls_and_markup_are_neutralized_in_the_terminal_tables(tmp_path):
    from cogmap.show.bidi import BIDI_CONTROLS

    path, _ = _bidi_store(tmp_path)
    with Store(path) as st:
        st.add_document(make_doc("m.txt", "Markup", "2024-02-01", [], forecasts=[("[red]Bo[/red]", 0.6, "Rents will rise.")]))
    for args in (["experts"], ["forecasts", "list"]):
        r = subprocess.run([sys.executable, "-m", "cogmap", *args, "--db", str(path)], capture_output=True, text=True,
                           timeout=300, env={**os.environ, "COLUMNS": "200"})
        assert r.returncode == 0, r.stderr
        assert not any(ch in r.stdout for ch in BIDI_CONTROLS) and "Ann \ufffdeeL" in r.stdout, r.stdout
        assert "[red]Bo[/red]" in r.stdout  # a name is shown as written, never read as markup


def test_report_original_shows_the_map_before_its_reviews(db, tmp_path):
    from cogmap.corpus.review import add_review

    with Store(db) as st:
        add_review(st, "reject", cause="house prices", effect="interest rates", who="tester")

    def pairs(*extra):
        out = tmp_path / "r.html"
        r = subprocess.run([sys.executable, "-m", "cogmap", "report", "--db", str(db), "-o", str(out), *extra],
                           capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stderr
        data = data_of(out.read_text(encoding="utf-8"))
        labels = {n["id"]: n["label"] for n in data["nodes"]}
        return {(labels[e["source"]], labels[e["target"]]) for e in data["edges"]}

    assert ("house prices", "interest rates") not in pairs()
    assert ("house prices", "interest rates") in pairs("--original")


def test_serve_applies_an_alias_file_to_every_corpus_map(db, tmp_path):
    from fastapi.testclient import TestClient

    from cogmap.aliases import Aliases
    from cogmap.show.serve import create_app

    steer = Aliases.coerce({"concepts": [{"label": "borrowing costs", "aliases": ["interest rates"]}]})
    client = TestClient(create_app(db, aliases=steer), base_url="http://127.0.0.1")
    labels = {c["label"] for c in client.get("/api/model").json()["concepts"]}
    assert "borrowing costs" in labels and "interest rates" not in labels
    assert "borrowing costs" in {n["label"] for n in data_of(client.get("/report").text)["nodes"]}
    r = subprocess.run([sys.executable, "-m", "cogmap", "serve", "--db", str(db), "--aliases", str(tmp_path / "x.yaml")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "Traceback" not in r.stderr


# -- a busy port, a damaged store, and serving beyond loopback ------------------------------
def _serve_once(*args, timeout=60):
    """``cogmap serve ARGS`` in a real process that is expected to refuse and exit."""
    return subprocess.run([sys.executable, "-m", "cogmap", "serve", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout)


def test_serve_on_a_busy_port_is_one_line_and_no_serving(db):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = _serve_once("--db", db, "--port", port)
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    assert r.stderr.strip() == f"error: port {port} on 127.0.0.1 is in use (choose another with --port)", r.stderr
    assert "serving" not in r.stdout


def _damage_an_index_page(path):
    """Overwrite the root page of one index: opening the store reads only the schema, so it still opens."""
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")  # everything in the main file, none in a -wal beside it
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT max(rootpage) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\x7f" * page_size)


def test_serve_refuses_a_damaged_store_before_it_says_it_serves(db):
    from cogmap.show.serve import create_app

    _damage_an_index_page(db)
    Store(db, create=False, readonly=True).close()  # the damage is past what opening reads
    with pytest.raises(InputError, match="is damaged"):
        create_app(db)
    r = _serve_once("--db", db, "--port", free_port())
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: store {db} is damaged"), r.stderr
    assert "serving" not in r.stdout


def test_serve_beyond_loopback_answers_only_this_machines_names():
    from cogmap.show.serve import LOOPBACK_HOSTS, served_hosts

    me = socket.gethostname().lower()
    assert served_hosts("127.0.0.1") == LOOPBACK_HOSTS  # loopback: nothing more
    everywhere = served_hosts("0.0.0.0")
    assert "*" not in everywhere and me in everywhere and set(LOOPBACK_HOSTS) <= set(everywhere)
    assert "evil.example" not in everywhere
    assert "192.0.2.7" in served_hosts("192.0.2.7") and "[fd00::7]" in served_hosts("fd00::7")
    assert served_hosts("127.0.0.1", ["Maps.Example.org", "fd00::9", "*.lan"])[-3:] == ["maps.example.org", "[fd00::9]", "*.lan"]
    assert "*" in served_hosts("0.0.0.0", ["*"])  # the check off, when asked for by name
    for bad in ("maps.example.org:8000", "ma*ps.org", "", "10.0.0.0/8"):
        with pytest.raises(InputError, match="--allow-host"):
            served_hosts("0.0.0.0", [bad])


def test_serve_on_every_interface_warns_of_writes_and_keeps_the_host_check(db):
    """`--host 0.0.0.0`: the warning says other machines can write reviews, and a rebound
    DNS name (any Host but this machine's) is still refused, for reading and for writing."""
    import httpx

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "cogmap", "serve", "--db", str(db), "--port", str(port),
                             "--host", "0.0.0.0", "--allow-host", "maps.example.org"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ, PYTHONUNBUFFERED="1"))
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/api/documents", timeout=2)
                break
            except httpx.HTTPError:
                assert proc.poll() is None and time.monotonic() < deadline, "cogmap serve did not start"
                time.sleep(0.2)
        host = lambda h: {"host": f"{h}:{port}"}  # noqa: E731
        assert httpx.get(base + "/api/documents", headers=host("evil.example"), timeout=10).status_code == 400
        assert httpx.get(base + "/api/documents", headers=host(socket.gethostname()), timeout=10).status_code == 200
        assert httpx.get(base + "/api/documents", headers=host("maps.example.org"), timeout=10).status_code == 200
        evil = {**host("evil.example"), "origin": f"http://evil.example:{port}"}
        r = httpx.post(base + "/api/reviews", json={"action": "reject", "cause": "interest rates",
                                                     "effect": "housing demand"}, headers=evil, timeout=10)
        assert r.status_code == 400
    finally:
        stop_server(proc)
    err = proc.stderr.read().decode(errors="replace")
    warning = next(ln for ln in err.splitlines() if ln.startswith("warning:"))
    assert "read this store" in warning and "write reviews" in warning, err
    with Store(db, create=False, readonly=True) as st:
        from cogmap.corpus.review import reviews

        assert reviews(st) == []  # the refused POST wrote nothing
    from cogmap.cli.serve import exposure_warning

    assert exposure_warning("127.0.0.1") is None and exposure_warning("::1") is None
    assert exposure_warning("localhost") is None and exposure_warning("127.0.0.2") is None
