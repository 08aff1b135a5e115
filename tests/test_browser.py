"""The report and `cogmap serve` in a real browser: Debian's chromium driven by Playwright.

These tests FAIL when chromium or playwright is missing (CI installs both: see the
README's test command). A developer without a browser sets COGMAP_NO_BROWSER=1 to
skip them. Playwright never downloads a browser here: it drives /usr/bin/chromium.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from cogmap.records import Claim, Concept, Document, Evidence, Forecast, Mention
from cogmap.show.report import write_report

if os.environ.get("COGMAP_NO_BROWSER") == "1":
    pytest.skip("COGMAP_NO_BROWSER=1: browser tests skipped", allow_module_level=True)

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("COGMAP_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]

PAYLOAD = (
    "Higher rates <script>window.__pwned = 1; alert('script')</script> will reduce demand for housing, "
    "the economist <img src=x onerror=\"window.__pwned = 2; alert('img')\"> said.\n\n"
    "\"Because of the drought </script><script>window.__pwned = 3</script>, food prices will probably rise,\" "
    "said Dr. <b onmouseover=\"window.__pwned = 4\">Evil</b> Smith.\n\n"
    "Analysts expect that tariffs <svg onload=\"window.__pwned = 5\"></svg> will likely raise inflation next year "
    "& <iframe src=\"javascript:parent.__pwned = 6\"></iframe> <a href=\"https://evil.example/x\">x</a>.\n"
)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is not installed: pip install '.[test]' (or set COGMAP_NO_BROWSER=1 to skip)")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (see the README's test command), "
                    "or set COGMAP_NO_BROWSER=1 to skip the browser tests")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


class Visit:
    """A page in a fresh context that records every request, dialog and error."""

    def __init__(self, browser, url, viewport=(1400, 1000)):
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.requests, self.dialogs, self.errors = [], [], []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.goto(url)
        self.page.wait_for_function("window.cogmapMap !== undefined || !document.getElementById('map')")

    def close(self):
        self.context.close()

    def eval(self, js):
        return self.page.evaluate(js)


def _ev(text, s):
    i = text.index(s)
    return Evidence(text=s, start=i, end=i + len(s))


def loop_doc() -> Document:
    text = ("Higher rates reduce demand. Demand raises prices. Prices raise rates. Oil lifts prices. "
            "Prices will rise by 2026.")
    m = lambda cid, lab: Mention(concept=cid, label=lab, text=lab)  # noqa: E731
    return Document(
        source="small.txt", text=text,
        concepts=[Concept(id="r", label="rates"), Concept(id="d", label="demand"), Concept(id="p", label="prices"),
                  Concept(id="o", label="oil")],
        claims=[
            Claim(id="k1", cause=m("r", "rates"), effect=m("d", "demand"), polarity=-1, speaker="Ann <i>Lee</i>",
                  evidence=_ev(text, "Higher rates reduce demand.")),
            Claim(id="k2", cause=m("d", "demand"), effect=m("p", "prices"), polarity=1, modality="likely",
                  speaker="Bob", evidence=_ev(text, "Demand raises prices.")),
            Claim(id="k3", cause=m("p", "prices"), effect=m("r", "rates"), polarity=1,
                  evidence=_ev(text, "Prices raise rates.")),
            Claim(id="k4", cause=m("o", "oil"), effect=m("p", "prices"), polarity=1,
                  evidence=_ev(text, "Oil lifts prices.")),
        ],
        forecasts=[Forecast(id="f1", statement="Prices will rise by 2026.", probability=0.875, hedge="will",
                            horizon="2026", speaker="Bob", evidence=_ev(text, "Prices will rise by 2026."))],
    )


@pytest.fixture(scope="module")
def small_report(tmp_path_factory):
    return write_report(loop_doc(), tmp_path_factory.mktemp("rep") / "small.html")


def assert_offline(v: Visit, page_url: str):
    """Nothing but the page itself was requested: no http(s), no other file."""
    assert v.requests, "no request recorded at all"
    for url in v.requests:
        assert not url.startswith(("http:", "https:", "ws:", "wss:")), url
        assert url == page_url or url.startswith(("data:", "blob:")), url


def test_report_opens_with_no_network(browser, small_report):
    url = small_report.resolve().as_uri()
    v = Visit(browser, url)
    try:
        assert v.eval("window.cogmapMap.nodes().length") == 4
        assert v.eval("window.cogmapMap.edges().length") == 4
        assert v.page.inner_text("#title") == "small.txt"
        v.page.wait_for_timeout(300)
        assert_offline(v, url)
        assert v.errors == [] and v.dialogs == []
    finally:
        v.close()


def test_clicking_a_link_shows_its_quote(browser, small_report):
    v = Visit(browser, small_report.resolve().as_uri())
    page = v.page
    try:
        page.click("#links-section summary")  # the "All links" table, as a reader opens it
        page.click("#links tbody tr:has-text('rates'):has-text('lowers')")
        panel = page.locator("#panel-body")
        assert "Higher rates reduce demand." in panel.inner_text()
        assert "Ann <i>Lee</i>" in panel.inner_text()  # the speaker, as text
        assert page.inner_text("#panel-title") == "Link"
        assert page.inner_text("#article mark") == "Higher rates reduce demand."  # the article scrolled to the quote
        assert v.eval("window.cogmapMap.$('edge:selected').length") == 1
        assert v.eval("location.hash").startswith("#link=e")
        # The map itself: tapping an edge (drawn on canvas) does the same.
        eid = v.eval("window.cogmapMap.edges().filter(e => e.data('weight') > 0 && "
                     "e.target().data('label') === 'prices' && e.source().data('label') === 'oil')[0].id()")
        v.eval(f"void window.cogmapMap.$('#{eid}').emit('tap')")  # void: do not ship the whole graph back
        assert "Oil lifts prices." in panel.inner_text()
        assert page.inner_text("#article mark") == "Oil lifts prices."
        # A forecast row finds its words in the article.
        page.click("#forecasts tbody tr")
        assert page.inner_text("#article mark") == "Prices will rise by 2026."
        # What-if: clamping rates lowers demand.
        page.select_option("#whatif-select", "rates")
        row = page.locator("#whatif-table tbody tr:has-text('demand')")
        assert "lower" in row.inner_text()
        assert v.errors == []
    finally:
        v.close()


def test_what_if_in_the_browser_matches_python(browser, tmp_path):
    """The page's own FCM run equals cogmap.model.simulate, for one concept and for several held at once."""
    from cogmap.model.model import load_model
    from cogmap.show.report import WHAT_IF_SETTINGS, report_data
    from cogmap.model.simulate import simulate

    model = load_model(ROOT / "examples" / "gallyamov-model.yaml")  # loops, 20-odd concepts
    out = write_report(model, tmp_path / "model.html")
    v = Visit(browser, out.resolve().as_uri())
    page = v.page
    try:
        s = WHAT_IF_SETTINGS
        kw = dict(rule=s["rule"], transfer=s["transfer"], lam=s["lam"], steps=s["steps"], threshold=s["threshold"])
        ids = [c.id for c in model.concepts]
        scenarios = [{}, {ids[0]: 1.0}, {ids[3]: 1.0, ids[7]: 0.0}, {ids[1]: 0.5, ids[2]: 1.0, ids[5]: 0.0}]
        for clamp in scenarios:
            py = simulate(model, clamp, **kw)
            js = v.eval(f"window.cogmapSimulate({clamp!r})".replace("'", '"'))
            assert (js["status"], js["steps"], js["period"]) == (py.status, py.steps, py.period), clamp
            for cid, val in py.values().items():
                assert abs(js["values"][cid] - val) < 1e-9, (clamp, cid)
        # The table for one concept is the precomputed one.
        pre = report_data(model)["whatif"]["by"]["western_tanks"]["changes"]
        page.select_option("#whatif-select", "western_tanks")
        rows = page.locator("#whatif-table tbody tr")
        assert rows.count() == len(pre)
        shown = {}
        for i in range(rows.count()):
            cells = rows.nth(i).locator("td")
            shown[cells.nth(0).inner_text()] = float(cells.nth(1).inner_text().split()[0].replace("\u2212", "-"))
        assert set(shown) == {c["label"] for c in pre}
        for c in pre:
            assert abs(shown[c["label"]] - c["change"]) <= 0.0011, c
        # Hold a second concept, low: the table changes and says what is held.
        before = page.inner_text("#whatif-table tbody")
        page.click("#whatif-more-box summary")
        item = page.locator("#whatif-more label.whatif-item", has_text="Putin's legitimacy")
        item.locator("select").select_option("0")
        item.locator("input[type=checkbox]").check()
        assert "Putin's legitimacy = 0" in page.inner_text("#whatif-status")
        assert page.inner_text("#whatif-table tbody") != before
        both = simulate(model, {"western_tanks": 1.0, "legitimacy": 0.0}, **kw).values()
        base = simulate(model, {}, **kw).values()
        first = rows.first.locator("td")
        label = first.nth(0).inner_text()
        cid = next(c.id for c in model.concepts if c.label == label)
        assert first.nth(3).inner_text() == f"{both[cid]:.3f}" and first.nth(2).inner_text() == f"{base[cid]:.3f}"
        assert v.errors == []
    finally:
        v.close()


def test_clicking_a_loop_highlights_it(browser, small_report):
    v = Visit(browser, small_report.resolve().as_uri())
    page = v.page
    try:
        items = page.locator("#loops li")
        assert items.count() == 1 and "balancing" in items.first.inner_text()
        items.first.click()
        assert "active" in items.first.get_attribute("class")
        hl = v.eval("window.cogmapMap.elements('.hl').map(e => e.isNode() ? e.data('label') : e.id()).sort()")
        assert sorted(x for x in hl if not x.startswith("e")) == ["demand", "prices", "rates"]
        assert len([x for x in hl if x.startswith("e")]) == 3
        assert v.eval("window.cogmapMap.$('node.faded').map(n => n.data('label'))") == ["oil"]
        assert page.inner_text("#panel-title") == "Feedback loop"
        # The loop's links in the panel lead to their quotes.
        page.locator("#panel-body button.link").first.click()
        assert page.inner_text("#panel-title") == "Link"
        # Clicking the empty map clears the highlight.
        v.eval("void window.cogmapMap.emit('tap')")
        assert v.eval("window.cogmapMap.elements('.hl').length") == 0
    finally:
        v.close()


def test_screenshot_of_the_interview_report(browser, tmp_path):
    from conftest import shared_example

    article = shared_example("gallyamov-interview.txt")
    out = write_report(article, tmp_path / "interview.html")
    url = out.resolve().as_uri()
    v = Visit(browser, url)
    page = v.page
    try:
        n = v.eval("window.cogmapMap.nodes().length")
        assert n >= 10, n
        # Show a real link's quotes: the strongest one, as the links table lists first.
        page.click("#links-section summary")
        page.click("#links tbody tr >> nth=0")
        assert page.locator("#panel-body blockquote").count() >= 1
        assert page.locator("#article mark").count() == 1
        page.evaluate("window.scrollTo(0, 0)")
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / "report-interview.png"
        page.screenshot(path=str(shot))
        page.screenshot(path=str(ARTIFACTS / "report-interview-full.png"), full_page=True)
        assert shot.stat().st_size > 30_000
        # The map is on screen and not empty: the nodes' box lies within the visible map.
        r = v.eval(OVERLAPS)
        assert r["inside"] and r["over"] <= n // 10, r
        assert r["zoom"] * 17 >= 6, r  # labels (17 px at zoom 1) are at least 6 px on screen
        box = v.eval("(() => { const b = window.cogmapMap.elements().renderedBoundingBox(); "
                     "return [b.w, b.h, window.cogmapMap.width(), window.cogmapMap.height()]; })()")
        assert box[0] > 0.4 * box[2] or box[1] > 0.4 * box[3], box
        assert_offline(v, url)
        assert v.errors == [] and v.dialogs == []
    finally:
        v.close()


def synthetic(n, m, seed=1, hub=0.0, acyclic=False):
    import random

    from cogmap.model.model import Model

    rnd = random.Random(seed)
    concepts = [{"id": f"c{i}", "label": f"concept {i} " + "word " * rnd.randint(0, 4)} for i in range(n)]
    edges, seen = [], set()
    while len(edges) < m:
        a, b = (0 if rnd.random() < hub else rnd.randrange(n)), rnd.randrange(n)
        if acyclic and a > b:
            a, b = b, a
        if a == b or (a, b) in seen:
            continue
        seen.add((a, b))
        edges.append({"cause": f"c{a}", "effect": f"c{b}", "weight": rnd.choice([-1, 1]) * rnd.uniform(0.1, 1)})
    return Model.from_dict({"concepts": concepts, "edges": edges})


OVERLAPS = """(() => { const cy = window.cogmapMap, bbs = cy.nodes().map(n => n.boundingBox()); let over = 0;
  for (let i = 0; i < bbs.length; i++) for (let j = i + 1; j < bbs.length; j++) { const a = bbs[i], b = bbs[j];
    if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) over++; }
  const r = cy.nodes().renderedBoundingBox();
  return {over: over, zoom: cy.zoom(), inside: r.x1 >= 0 && r.y1 >= 0 && r.x2 <= cy.width() && r.y2 <= cy.height()}; })()"""


@pytest.mark.parametrize("n,m,hub,acyclic", [(10, 9, 0.0, True), (100, 80, 0.0, True), (300, 200, 0.3, True),
                                             (300, 350, 0.0, False)])
def test_layout_for_10_to_300_concepts(browser, tmp_path, n, m, hub, acyclic):
    """Every concept on screen at first sight; parts without loops drawn in layers with no node on another."""
    out = write_report(synthetic(n, m, hub=hub, acyclic=acyclic), tmp_path / "syn.html")
    v = Visit(browser, out.resolve().as_uri())
    try:
        r = v.eval(OVERLAPS)
        assert r["inside"], r
        if acyclic:
            assert r["over"] == 0, r
        else:
            assert r["over"] <= n // 3, r  # a hairball with loops: a force layout, some touching
        assert v.errors == []
    finally:
        v.close()


def _assert_inert(v: Visit):
    assert v.eval("typeof window.__pwned") == "undefined"
    assert v.dialogs == []
    assert v.eval("document.querySelectorAll('img, svg[onload], iframe, a[href^=\"https\"], b[onmouseover]').length") == 0


def test_hostile_article_renders_as_text(browser, tmp_path):
    art = tmp_path / "evil.txt"
    art.write_text(PAYLOAD, encoding="utf-8")
    out = write_report(art, tmp_path / "evil.html")
    url = out.resolve().as_uri()
    v = Visit(browser, url)
    page = v.page
    try:
        page.wait_for_timeout(300)
        _assert_inert(v)
        text = page.inner_text("#article")
        assert "<script>window.__pwned = 1; alert('script')</script>" in text
        assert "<img src=x onerror=" in text
        # Every view that shows input: each link's quotes, each loop, each forecast.
        page.click("#links-section summary")
        for i in range(page.locator("#links tbody tr").count()):
            page.click(f"#links tbody tr >> nth={i}")
            page.locator("#panel-body button.link").first.click() if page.locator("#panel-body button.link").count() else None
        for i in range(page.locator("#forecasts tbody tr").count()):
            page.click(f"#forecasts tbody tr >> nth={i}")
        for i in range(page.locator("#loops li").count()):
            page.click(f"#loops li >> nth={i}")
        page.wait_for_timeout(200)
        _assert_inert(v)
        assert_offline(v, url)
    finally:
        v.close()


def test_corpus_report(browser, tmp_path):
    """`cogmap report --db`: quotes from several documents and speakers, resolved forecasts with scores."""
    from test_serve import corpus_docs

    from cogmap.show.report import store_report_data
    from cogmap.corpus.store import Store

    db = tmp_path / "corpus.db"
    with Store(db) as st:
        for d in corpus_docs():
            st.add_document(d)
        fid = next(r.id for r in st.forecasts() if r.statement == "House prices will fall by 2026.")
        st.resolve(fid, "yes", on="2026-01-05", note="statistics office")
        out = write_report(store_report_data(st), tmp_path / "corpus.html")
    url = out.resolve().as_uri()
    v = Visit(browser, url)
    page = v.page
    try:
        _assert_inert(v)
        assert "merged from 3 documents" in page.inner_text("#summary")
        page.click("#links-section summary")
        page.click("#links tbody tr:has-text('interest rates'):has-text('housing demand')")
        panel = page.inner_text("#panel-body")
        for words in ("Higher interest rates lower housing demand.", "Rates cut demand, Bob said.", "Ann Lee", "Bob Ray",
                      "Rates and demand", "Demand again"):
            assert words in panel, words
        row = page.locator("#forecasts tbody tr", has_text="House prices will fall by 2026.")
        assert "yes on 2026-01-05 (statistics office)" in row.inner_text()
        assert "Brier 0.040" in row.inner_text()
        assert "open" in page.locator("#forecasts tbody tr", has_text="Rates will be cut.").inner_text()
        assert page.locator("#documents tbody tr").count() == 3
        assert_offline(v, url)
        assert v.errors == []
    finally:
        v.close()


def test_serve_in_the_browser(browser, tmp_path):
    from test_serve import EVIL, corpus_docs, free_port, start_server, stop_server

    from cogmap.corpus.store import Store

    db = tmp_path / "corpus.db"
    with Store(db) as st:
        for d in corpus_docs():
            st.add_document(d)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_server(db, port)
    try:
        for path in ("/", "/report", "/report/document/3"):
            v = Visit(browser, base + path)
            try:
                page = v.page
                page.wait_for_timeout(200)
                _assert_inert(v)
                for url in v.requests:
                    assert url.startswith(base + "/"), url  # only our own server, never elsewhere
                assert v.errors == [], v.errors
                if path == "/":
                    assert EVIL in page.inner_text("body")  # the hostile title, as text
                    page.click("a:has-text('Rates and demand')")
                    page.wait_for_function("window.cogmapMap !== undefined")
                    assert page.url == base + "/report/document/1"
                    page.click("#links-section summary")
                    page.click("#links tbody tr:has-text('lowers')")
                    assert "Higher interest rates lower housing demand." in page.inner_text("#panel-body")
                    # From a quote to its speaker's page.
                    page.click("#panel-body a:has-text('Ann Lee')")
                    page.wait_for_function("window.cogmapMap !== undefined")
                    assert page.url == base + "/report/speaker/Ann%20Lee"
                    assert "Ann Lee" in page.inner_text("#title")
                if path == "/report/document/3":
                    assert page.inner_text("#article").startswith(EVIL)
                    page.click("#links-section summary")
                    page.click("#links tbody tr >> nth=0")
                    assert EVIL in page.inner_text("#panel-body")
                    page.click("#forecasts tbody tr >> nth=0")
                    _assert_inert(v)
            finally:
                v.close()
    finally:
        stop_server(proc)
