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


def mention(cid, lab) -> Mention:
    """A side of a hand-made claim: the concept and its wording."""
    return Mention(concept=cid, label=lab, text=lab)


def loop_doc() -> Document:
    text = ("Higher rates reduce demand. Demand raises prices. Prices raise rates. Oil lifts prices. "
            "Prices will rise by 2026.")
    return Document(
        source="small.txt", text=text,
        concepts=[Concept(id="r", label="rates"), Concept(id="d", label="demand"), Concept(id="p", label="prices"),
                  Concept(id="o", label="oil")],
        claims=[
            Claim(id="k1", cause=mention("r", "rates"), effect=mention("d", "demand"), polarity=-1, speaker="Ann <i>Lee</i>",
                  evidence=_ev(text, "Higher rates reduce demand.")),
            Claim(id="k2", cause=mention("d", "demand"), effect=mention("p", "prices"), polarity=1, modality="likely",
                  speaker="Bob", evidence=_ev(text, "Demand raises prices.")),
            Claim(id="k3", cause=mention("p", "prices"), effect=mention("r", "rates"), polarity=1,
                  evidence=_ev(text, "Prices raise rates.")),
            Claim(id="k4", cause=mention("o", "oil"), effect=mention("p", "prices"), polarity=1,
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


def test_a_concept_is_linked_by_the_maps_id_the_documents_id_or_its_label(browser, tmp_path):
    text = "Oil prices raise inflation."
    doc = Document(source="o.txt", text=text,
                   concepts=[Concept(id="oil-prices", label="oil prices"), Concept(id="inflation", label="inflation")],
                   claims=[Claim(id="k1", cause=mention("oil-prices", "oil prices"), effect=mention("inflation", "inflation"),
                                 polarity=1, evidence=_ev(text, text))])
    url = write_report(doc, tmp_path / "o.html").resolve().as_uri()
    for ref in ("oil_prices", "oil-prices", "Oil%20Prices"):
        v = Visit(browser, url + "#concept=" + ref)
        try:
            assert v.eval("window.cy.$('node:selected').map(n => n.data('label'))") == ["oil prices"], ref
            assert "oil prices" in v.page.inner_text("#panel-body"), ref
        finally:
            v.close()
    v = Visit(browser, url + "#concept=%E0%A4%A")  # not a valid escape: the page opens as it is
    try:
        assert v.eval("window.cy.$('node:selected').length") == 0 and v.errors == []
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
    import json as _json

    from cogmap.model.model import load_model
    from cogmap.show.report import report_data, what_if_settings
    from cogmap.model.simulate import simulate

    model = load_model(ROOT / "examples" / "gallyamov-model.yaml")  # loops, 20-odd concepts
    out = write_report(model, tmp_path / "model.html")
    v = Visit(browser, out.resolve().as_uri())
    page = v.page
    try:
        s = what_if_settings(model)
        assert s["transfer"] == "tanh"  # a signed map: tanh by default, in the data and in the page
        assert page.input_value("#whatif-transfer") == "tanh"
        kw = dict(rule=s["rule"], transfer=s["transfer"], lam=s["lam"], steps=s["steps"], threshold=s["threshold"])
        ids = [c.id for c in model.concepts]
        scenarios = [{}, {ids[0]: 1.0}, {ids[3]: 1.0, ids[7]: 0.0}, {ids[1]: 0.5, ids[2]: 1.0, ids[5]: -1.0}]
        for transfer in ("tanh", "sigmoid"):
            for rule in ("kosko", "modified-kosko", "rescaled"):
                for clamp in scenarios:
                    opts = {"transfer": transfer, "rule": rule}
                    py = simulate(model, clamp, **dict(kw, transfer=transfer, rule=rule))
                    js = v.eval(f"window.cogmapSimulate({_json.dumps(clamp)}, {_json.dumps(opts)})")
                    assert (js["status"], js["steps"], js["period"]) == (py.status, py.steps, py.period), (clamp, opts)
                    for cid, val in py.values().items():
                        assert abs(js["values"][cid] - val) < 1e-9, (clamp, opts, cid)
                    assert len(js["history"]) == len(py.history)
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
        both = simulate(model, {"western_tanks": 1.0, "legitimacy": 0.0}, **kw).values()  # tanh, as the page
        base = simulate(model, {}, **kw).values()
        first = rows.first.locator("td")
        label = first.nth(0).inner_text()
        cid = next(c.id for c in model.concepts if c.label == label)
        assert first.nth(3).inner_text() == f"{both[cid]:.3f}" and first.nth(2).inner_text() == f"{base[cid]:.3f}"
        # The chart draws one line per concept shown, held ones dashed.
        assert page.locator("#whatif-chart svg polyline").count() >= 3
        assert page.locator("#whatif-chart svg polyline[stroke-dasharray='6,3']").count() == 2
        # The same run from the CLI: `cogmap simulate` prints the same numbers as the page.
        import subprocess
        import sys as _sys
        mpath = ROOT / "examples" / "gallyamov-model.yaml"
        cli = subprocess.run([_sys.executable, "-m", "cogmap", "simulate", str(mpath), "--set", "western_tanks=1",
                              "--transfer", "tanh", "--format", "json"], capture_output=True, text=True)
        assert cli.returncode == 0, cli.stderr
        got = _json.loads(cli.stdout)
        js = v.eval('window.cogmapSimulate({"western_tanks": 1}, {"transfer": "tanh", "rule": "kosko"})')
        assert js["steps"] == got["scenario"]["steps"] and len(got["concepts"]) == len(model.concepts)
        for r in got["concepts"]:
            assert abs(js["values"][r["id"]] - r["scenario"]) < 1e-9, r
        # Switching to sigmoid in the page redoes the run with it.
        page.select_option("#whatif-transfer", "sigmoid")
        assert "sigmoid transfer" in page.inner_text("#whatif-about")
        page.click("#whatif-section")  # nothing else: the table is redrawn on change
        sig = simulate(model, {"western_tanks": 1.0, "legitimacy": 0.0}, **dict(kw, transfer="sigmoid")).values()
        first = page.locator("#whatif-table tbody tr").first.locator("td")
        label = first.nth(0).inner_text()
        cid = next(c.id for c in model.concepts if c.label == label)
        assert first.nth(3).inner_text() == f"{sig[cid]:.3f}"
        ARTIFACTS.mkdir(exist_ok=True)
        page.select_option("#whatif-transfer", "tanh")
        page.locator("#whatif-section").screenshot(path=str(ARTIFACTS / "whatif-tanh.png"))
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
        assert r["inside"] and r["labelsInside"] and r["over"] == 0 and r["labelOver"] == 0, r
        lab = v.eval(LABELS)
        assert lab["shown"] == n and lab["minPx"] >= 12, lab  # every label, readable, at first sight
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


# Shapes on shapes, labels drawn on labels (by more than 2 units: Cytoscape's label boxes are a little
# wider than the glyphs), and whether every shape and drawn label is in the view.
OVERLAPS = """(() => { const cy = window.cy, t = 2, pairs = (bbs) => { let over = 0;
    for (let i = 0; i < bbs.length; i++) for (let j = i + 1; j < bbs.length; j++) { const a = bbs[i], b = bbs[j];
      if (a.x1 + t < b.x2 && b.x1 + t < a.x2 && a.y1 + t < b.y2 && b.y1 + t < a.y2) over++; } return over; };
  const shown = cy.nodes().filter(n => !n.hasClass('nolabel'));
  const labels = shown.map(n => { const all = n.boundingBox({includeLabels: true}), body = n.boundingBox({includeLabels: false});
    return {x1: all.x1, x2: all.x2, y1: body.y2 + 1, y2: all.y2}; });
  const r = cy.nodes().renderedBoundingBox({includeLabels: false}), rl = shown.renderedBoundingBox({includeLabels: true});
  return {over: pairs(cy.nodes().map(n => n.boundingBox({includeLabels: false}))), labelOver: pairs(labels), zoom: cy.zoom(),
    inside: r.x1 >= 0 && r.y1 >= 0 && r.x2 <= cy.width() && r.y2 <= cy.height(),
    labelsInside: !shown.length || (rl.x1 >= -1 && rl.y1 >= -1 && rl.x2 <= cy.width() + 1 && rl.y2 <= cy.height() + 1)}; })()"""

# The size on screen of every label drawn, and which concepts have one.
LABELS = """(() => { const cy = window.cy, z = cy.zoom(), shown = cy.nodes().filter(n => !n.hasClass('nolabel'));
  const px = shown.map(n => parseFloat(n.style('font-size')) * z);
  const top = cy.nodes().max(n => n.data('deg')).ele;
  return {n: cy.nodes().length, shown: shown.length, minPx: px.length ? Math.min(...px) : null,
          minZoomed: parseFloat(cy.nodes()[0].style('min-zoomed-font-size')), topShown: !top.hasClass('nolabel'),
          hover: shown.length < cy.nodes().length, status: document.getElementById('label-status').textContent}; })()"""


@pytest.mark.parametrize("n,m,hub,acyclic", [(10, 9, 0.0, True), (100, 80, 0.0, True), (300, 200, 0.3, True),
                                             (300, 350, 0.0, False)])
def test_layout_for_10_to_300_concepts(browser, tmp_path, n, m, hub, acyclic):
    """Every concept on screen at first sight; parts without loops drawn in layers with no node on another."""
    out = write_report(synthetic(n, m, hub=hub, acyclic=acyclic), tmp_path / "syn.html")
    v = Visit(browser, out.resolve().as_uri())
    try:
        r = v.eval(OVERLAPS)
        assert r["inside"] and r["labelsInside"] and r["labelOver"] == 0, r
        if acyclic:
            assert r["over"] == 0, r
        else:
            assert r["over"] <= n // 3, r  # a hairball with loops: a force layout, some touching
        assert v.errors == []
    finally:
        v.close()


@pytest.mark.parametrize("n,m,hub,acyclic,all_labels", [(10, 12, 0.0, False, True), (100, 80, 0.0, True, True),
                                                        (100, 130, 0.1, False, False), (500, 600, 0.1, False, False)])
def test_labels_at_first_sight(browser, tmp_path, n, m, hub, acyclic, all_labels):
    """No label under 12 px at the first zoom; when they cannot all fit, the most connected keep theirs."""
    out = write_report(synthetic(n, m, hub=hub, acyclic=acyclic), tmp_path / "syn.html")
    v = Visit(browser, out.resolve().as_uri())
    try:
        lab = v.eval(LABELS)
        assert lab["minZoomed"] == 12 and lab["minPx"] >= 12, lab
        assert lab["topShown"], lab
        if all_labels:
            assert lab["shown"] == n, lab
        else:
            assert lab["shown"] >= 20, lab
            assert "Zoom in, search, or hover" in lab["status"]
        # Hovering any concept shows its full wording, whether its label is drawn or not.
        node = v.eval("window.cy.nodes('.nolabel').length ? window.cy.nodes('.nolabel')[0].id() : window.cy.nodes()[0].id()")
        v.eval(f"void window.cy.getElementById('{node}').emit('mouseover')")
        tip = v.page.inner_text("#tip")
        full = v.eval(f"window.cy.getElementById('{node}').data('label')").rstrip("\u2026")
        assert tip.startswith(full), (tip, full)
        # Searching for a concept draws its label; zooming in draws labels at 12 px or more, never less.
        if not all_labels:
            v.page.fill("#search", full)
            assert not v.eval(f"window.cy.getElementById('{node}').hasClass('nolabel')")
            v.page.fill("#search", "")
            v.eval(f"void window.cy.zoom({{level: 1.2, position: window.cy.getElementById('{node}').position()}})")
            v.page.wait_for_timeout(200)
            assert v.eval(LABELS)["minPx"] >= 12
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


def _serve_corpus(tmp_path, extra=()):
    """The test corpus (and ``extra`` documents) in a store, served on a free loopback port:
    (store, base URL, server process)."""
    from test_serve import corpus_docs, free_port, start_server

    from cogmap.corpus.store import Store

    db = tmp_path / "corpus.db"
    with Store(db) as st:
        for d in (*corpus_docs(), *extra):
            st.add_document(d)
    port = free_port()
    return db, f"http://127.0.0.1:{port}", start_server(db, port)


def test_serve_in_the_browser(browser, tmp_path):
    from test_serve import EVIL, stop_server

    db, base, proc = _serve_corpus(tmp_path)
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
                    page.wait_for_load_state("load")
                    page.wait_for_function("window.cogmapMap !== undefined")
                    assert page.url == base + "/report/document/1"
                    page.click("#links-section summary")
                    page.click("#links tbody tr:has-text('lowers')")
                    assert "Higher interest rates lower housing demand." in page.inner_text("#panel-body")
                    # From a quote to its speaker's page.
                    page.click("#panel-body a:has-text('Ann Lee')")
                    page.wait_for_load_state("load")
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


def contested_doc() -> Document:
    """Two speakers disagree on the sign of oil -> prices; one forecast's probability is a rounding tie."""
    text = "Oil lifts prices, Ann said. Oil lowers prices, Bob said. Rates cut demand. Prices may rise."
    return Document(
        source="contested.txt", text=text,
        concepts=[Concept(id="o", label="oil"), Concept(id="p", label="prices"), Concept(id="r", label="rates"),
                  Concept(id="d", label="demand")],
        claims=[
            Claim(id="k1", cause=mention("o", "oil"), effect=mention("p", "prices"), polarity=1, speaker="Ann",
                  evidence=_ev(text, "Oil lifts prices, Ann said.")),
            Claim(id="k2", cause=mention("o", "oil"), effect=mention("p", "prices"), polarity=-1, speaker="Bob", modality="likely",
                  evidence=_ev(text, "Oil lowers prices, Bob said.")),
            Claim(id="k3", cause=mention("r", "rates"), effect=mention("d", "demand"), polarity=-1, speaker="Ann",
                  evidence=_ev(text, "Rates cut demand.")),
        ],
        forecasts=[Forecast(id="f1", statement="Prices may rise.", probability=0.125, hedge="may", speaker="Bob",
                            evidence=_ev(text, "Prices may rise."))],
    )


def test_search_focus_filters_and_contested(browser, tmp_path):
    out = write_report(contested_doc(), tmp_path / "contested.html")
    v = Visit(browser, out.resolve().as_uri())
    page = v.page
    try:
        assert page.locator("input[type=search]#search").count() == 1
        # Search: the concept is found, marked and listed; Enter focuses on it.
        page.fill("#search", "PRIC")
        assert page.locator("#search-results button.hit").all_inner_texts() == ["prices"]
        assert v.eval("window.cy.nodes('.match').map(n => n.data('label'))") == ["prices"]
        page.press("#search", "Enter")
        assert page.inner_text("#panel-title") == "Concept"
        assert v.eval("window.cy.$('node:selected').data('label')") == "prices"
        # Focus, 1 step: prices and oil stay, rates and demand pale.
        page.select_option("#focus-steps", "1")
        faded = v.eval("window.cy.nodes('.faded').map(n => n.data('label')).sort()")
        assert faded == ["demand", "rates"]
        page.click("#show-all")
        assert v.eval("window.cy.elements('.faded').length") == 0
        # Clicking a concept on the map focuses on it too.
        v.eval("void window.cy.nodes().filter(n => n.data('label') === 'rates').emit('tap')")
        assert v.eval("window.cy.nodes('.faded').map(n => n.data('label')).sort()") == ["oil", "prices"]
        page.click("#show-all")
        # Contested: drawn in its own style, in the legend, and listed.
        assert v.eval("window.cy.edges('[kind = \"contested\"]').length") == 1
        assert "contested: quotes disagree on the sign" in page.inner_text("#legend")
        assert "lowers (\u2212)" in page.inner_text("#legend")
        item = page.locator("#contested li")
        assert item.count() == 1 and "1 quote says it raises, 1 that it lowers" in item.inner_text()
        item.locator("button").click()
        assert "Contested" in page.inner_text("#panel-body") and "Bob" in page.inner_text("#panel-body")
        # Filters: by sign, by speaker, by hedge, by number of quotes.
        page.click("#filters-box summary")
        visible = "window.cy.edges().filter(e => e.style('display') !== 'none').map(e => e.source().data('label') + '>' + e.target().data('label')).sort()"
        page.select_option("#filter-sign", "minus")
        assert v.eval(visible) == ["rates>demand"]
        page.select_option("#filter-sign", "contested")
        assert v.eval(visible) == ["oil>prices"]
        page.click("#filter-clear")
        page.select_option("#filter-speaker", "Bob")
        assert v.eval(visible) == ["oil>prices"] and v.eval("window.cy.nodes().filter(n => n.style('display') !== 'none').length") == 2
        page.click("#filter-clear")
        page.select_option("#filter-modality", "likely")
        assert v.eval(visible) == ["oil>prices"]
        page.click("#filter-clear")
        page.fill("#filter-quotes", "2")
        assert v.eval(visible) == ["oil>prices"]
        assert "Showing 1 of 2 links" in page.inner_text("#filter-status")
        page.click("#filter-clear")
        assert len(v.eval(visible)) == 2
        # The forecast's probability is printed as the CLI prints it: Python's rounding (0.12), not toFixed's (0.13).
        assert page.locator("#forecasts tbody td.num").first.inner_text() == f"{0.125:.2f}" == "0.12"
        assert "Bob" in page.inner_text("#experts")
        assert v.errors == [] and v.dialogs == []
    finally:
        v.close()


def test_export_png_svg_and_model(browser, small_report, tmp_path):
    import json as _json
    import xml.etree.ElementTree as ET

    from cogmap.model.model import load_model

    v = Visit(browser, small_report.resolve().as_uri())
    page = v.page
    try:
        assert v.eval("window.cy === window.cogmapMap && typeof window.cy.nodes === 'function'")
        files = {}
        for name in ("PNG", "SVG", "Model file"):
            with page.expect_download() as dl:
                page.click(f"#toolbar button:text-is('{name}')")
            path = tmp_path / dl.value.suggested_filename
            dl.value.save_as(path)
            files[name] = path
        png = files["PNG"].read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5_000
        width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        assert width > 500 and height > 300
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "export-small.png").write_bytes(png)
        svg = ET.parse(files["SVG"]).getroot()
        assert svg.tag.endswith("svg")
        texts = " ".join("".join(t.itertext()) for t in svg.iter("{http://www.w3.org/2000/svg}text"))
        for label in ("rates", "demand", "prices", "oil"):
            assert label in texts
        assert len(list(svg.iter("{http://www.w3.org/2000/svg}path"))) == 4
        model = load_model(files["Model file"])
        assert len(model.concepts) == 4 and len(model.edges) == 4
        assert {(e.cause, e.effect, e.sign) for e in model.edges} == {("rates", "demand", -1), ("demand", "prices", 1),
                                                                    ("prices", "rates", 1), ("oil", "prices", 1)}
        assert _json.loads(files["Model file"].read_text())["schema"] == "cogmap.model/1"
        assert v.errors == []
    finally:
        v.close()


def test_screenshots_of_the_nine_article_corpus(browser, tmp_path):
    """The nine real articles in one store: every label readable at first sight; search, focus, forecasts."""
    from conftest import SHARED

    from cogmap.corpus.store import Store
    from cogmap.show.report import store_report_data

    arts = sorted(SHARED.glob("*.txt")) if SHARED.exists() else []
    if len(arts) < 9:
        pytest.skip("the nine real articles are not beside the repository")
    db = tmp_path / "nine.db"
    with Store(db) as st:
        st.add([str(a) for a in arts], workers=1)
        # Made-up outcomes, so that the forecasts view has scores and a calibration plot to show.
        for k, f in enumerate(st.forecasts()):
            st.resolve(f.id, "yes" if k % 3 else "no", on="2026-06-01", note="test outcome, not a real one")
        out = write_report(store_report_data(st), tmp_path / "nine.html")
    url = out.resolve().as_uri()
    v = Visit(browser, url)
    page = v.page
    try:
        n = v.eval("window.cy.nodes().length")
        lab = v.eval(LABELS)
        assert lab["shown"] == n and lab["minPx"] >= 12, lab
        r = v.eval(OVERLAPS)
        assert r["inside"] and r["labelOver"] == 0, r
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "corpus-nine.png"))
        page.fill("#search", "price")
        assert page.locator("#search-results button.hit").count() >= 1
        page.press("#search", "Enter")
        assert page.inner_text("#panel-title") == "Concept"
        # The focus is drawn in the part of the map that is on screen, not below the fold.
        box = page.locator("#map").bounding_box()
        focused = v.eval("(function(){var n=window.cy.$(':selected').nodes()[0], p=n.renderedPosition();"
                         "return {y: p.y};})()")
        assert 0 <= box["y"] + focused["y"] <= page.viewport_size["height"], (box, focused)
        page.screenshot(path=str(ARTIFACTS / "corpus-nine-focus.png"))
        page.click("#show-all")
        assert page.locator("#calibration svg").count() == 1  # resolved forecasts: scores and their plot
        page.locator("#forecasts-section").screenshot(path=str(ARTIFACTS / "corpus-nine-forecasts.png"))
        assert_offline(v, url)
        assert v.errors == [] and v.dialogs == []
    finally:
        v.close()


def test_review_in_serve_changes_the_map(browser, tmp_path, small_report):
    """Review a link in `cogmap serve` and see the change in the map; a standalone report says how to review."""
    from test_serve import stop_server

    v = Visit(browser, small_report.resolve().as_uri())
    try:
        note = v.page.inner_text("#review-note")
        assert "read-only" in note and "cogmap serve --db" in note
        assert v.page.locator("#panel-body .review-box").count() == 0
    finally:
        v.close()
    db, base, proc = _serve_corpus(tmp_path)
    try:
        v = Visit(browser, base + "/report")
        page = v.page
        try:
            sign = ("window.cy.edges().filter(e => e.source().data('label') === 'housing demand' && "
                    "e.target().data('label') === 'house prices')[0].data('sign')")
            assert v.eval(sign) == 1
            page.click("#links-section summary")
            page.click("#links tbody tr:has-text('housing demand'):has-text('house prices')")
            page.fill("#panel-body .review-note", "the quote says the opposite")
            with page.expect_navigation():
                page.click("#panel-body button:text-is('Flip sign')")
            page.wait_for_load_state("load")
            page.wait_for_function("window.cy !== undefined")
            assert v.eval(sign) == -1
            assert "1 review so far" in page.inner_text("#review-note")
            # Accept a link: it is marked on the map and in the legend.
            page.click("#links-section summary")
            page.click("#links tbody tr:has-text('interest rates'):has-text('housing demand')")
            with page.expect_navigation():
                page.click("#panel-body button:text-is('Accept')")
            page.wait_for_load_state("load")
            page.wait_for_function("window.cy !== undefined")
            assert v.eval("window.cy.edges('[reviewed = \"accepted\"]').length") == 1
            assert "accepted by a reviewer" in page.inner_text("#legend")
            page.click("#links-section summary")
            page.click("#links tbody tr:has-text('interest rates'):has-text('housing demand')")
            assert "Accepted by" in page.inner_text("#panel-body")
            page.evaluate("window.scrollTo(0, 0)")
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "serve-review.png"))
            # Undo from the log, latest first (the flip shares "housing demand" with the accept,
            # so it waits and says why): the sign is back, the log keeps both, struck through.
            page.click("#review-note .review-log summary")
            page.click("#review-note .review-log li:has-text('flipped') button:text-is('Undo')")
            refused = page.locator("#review-note .review-log .review-msg", has_text="Not saved")
            refused.wait_for()
            assert "Undo those first" in refused.inner_text()
            assert v.errors and all("status of 400" in e for e in v.errors), v.errors  # the refusal, logged
            v.errors.clear()
            for what in ("accepted", "flipped"):
                with page.expect_navigation():
                    page.click(f"#review-note .review-log li:has-text('{what}') button:text-is('Undo')")
                page.wait_for_load_state("load")
                page.wait_for_function("window.cy !== undefined")
                page.click("#review-note .review-log summary")
            assert v.eval(sign) == 1
            assert v.eval("window.cy.edges('[reviewed = \"accepted\"]').length") == 0
            undone = page.locator("#review-note .review-log li")
            assert undone.count() == 2 and page.locator("#review-note .review-log .review-undone").count() == 2
            assert "undone by" in undone.first.inner_text()
            for url in v.requests:
                assert url.startswith(base + "/"), url
            assert v.errors == [], v.errors
        finally:
            v.close()
    finally:
        stop_server(proc)
    import subprocess
    import sys as _sys

    out = subprocess.run([_sys.executable, "-m", "cogmap", "map", "--db", str(db)], capture_output=True, text=True)
    assert out.returncode == 0 and "house_prices" in out.stdout


def test_split_in_serve(browser, tmp_path):
    """Split a wording the machine merged into a concept, from the concept's panel."""
    from test_serve import make_doc, stop_server

    doc = make_doc("c.txt", "Mortgages", "2025-04-01", [
        ("Cy Doe", "mortgage interest rates", 1, "loan defaults", "Mortgage interest rates drive loan defaults.")])
    db, base, proc = _serve_corpus(tmp_path, extra=[doc])
    try:
        v = Visit(browser, base + "/report#concept=interest%20rates")
        page = v.page
        try:
            labels = "window.cy.nodes().map(n => n.data('label')).sort()"
            assert "mortgage interest rates" not in v.eval(labels)
            page.select_option("#panel-body .review-box select >> nth=-1", "mortgage interest rates")
            with page.expect_navigation():
                page.click("#panel-body button:text-is('Split')")
            page.wait_for_load_state("load")
            page.wait_for_function("window.cy !== undefined")
            assert "mortgage interest rates" in v.eval(labels)
            page.click("#review-note .review-log summary")
            assert "split mortgage interest rates off interest rates" in page.inner_text("#review-note")
            assert v.errors == [], v.errors
        finally:
            v.close()
    finally:
        stop_server(proc)
