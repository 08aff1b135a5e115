"""The HTML report: hostile input stays data, the page is self-contained, the data is right."""

import base64
import doctest
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import cogmap.show.report as report_mod
from cogmap.errors import InputError
from cogmap.model.model import Model
from cogmap.records import Claim, Concept, Document, Evidence, Forecast, Mention
from cogmap.show.report import build_report, json_for_html, report_data

ROOT = Path(__file__).resolve().parents[1]
CURATED = ROOT / "examples" / "gallyamov-model.yaml"
DATA_OPEN = '<script type="application/json" id="cogmap-data">'

HOSTILE = (
    "Higher rates <script>alert(1)</script> will reduce demand for housing, "
    "the economist <img src=x onerror=alert(1)> said.\n\n"
    '"Because of the drought </script><script>alert(2)</script>, food prices will probably rise," '
    "said Dr. <b onmouseover=alert(3)>Evil</b> Smith.\n\n"
    "Analysts expect that tariffs will likely raise inflation next year & {{script}} {{data}} "
    "</textarea> \u2028 \u2029 <!-- <script> --> <a href=\"https://evil.example/x\">x</a>.\n"
)


class Tags(HTMLParser):
    """Start tags as the browser's tokenizer sees them (script content is raw text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(page):
    p = Tags()
    p.feed(page)
    p.close()
    return p.tags


def split(page):
    """``(page without the data block, the data block's text)``."""
    i = page.index(DATA_OPEN) + len(DATA_OPEN)
    j = page.index("</script>", i)
    return page[:i] + page[j:], page[i:j]


def scripts(page):
    """The text of every ``<script>`` element, in order."""
    return re.findall(r"<script[^>]*>(.*?)</script>", page, flags=re.S | re.I)


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory):
    p = tmp_path_factory.mktemp("art") / "evil.txt"
    p.write_text(HOSTILE, encoding="utf-8")
    return build_report(p)


def test_json_for_html_escapes_and_round_trips():
    data = {"q": "</script><!-- & \u2028\u2029 >", "n": [1, 2.5, None, True]}
    s = json_for_html(data)
    for ch in "<>&\u2028\u2029":
        assert ch not in s
    assert json.loads(s) == data


def test_hostile_article_stays_data(hostile_page):
    page = hostile_page
    outside, data_text = split(page)
    # The data block holds no character the HTML parser could act on, and is the input, intact.
    for ch in "<>&\u2028\u2029":
        assert ch not in data_text
    data = json.loads(data_text)
    assert data["text"].startswith("Higher rates <script>alert(1)</script>")
    assert "<img src=x onerror=alert(1)>" in data["text"]
    everything = json.dumps(data, ensure_ascii=False)
    assert "</script" in everything  # concept labels and quotes do carry HTML
    # Nowhere in the page, raw, is there input HTML.
    for needle in ("<script>alert", "<img src=x", "onerror=alert", "<b onmouseover", "evil.example", "{{script}}", "{{data}}"):
        assert needle not in outside, needle
    assert "<script>alert" not in page and "<img src=x" not in page
    # Only the data block, the vendored libraries and the page script.
    vendor = report_mod.VENDOR_SCRIPTS
    starts = [(t, a) for t, a in tags(page) if t == "script"]
    assert starts == [("script", {"type": "application/json", "id": "cogmap-data"})] + [("script", {})] * (len(vendor) + 1)
    assert len(re.findall(r"<script\b", page, flags=re.I)) == len(vendor) + 2
    assert len(re.findall(r"</script", page, flags=re.I)) == len(vendor) + 2
    body = scripts(page)
    assert body[1:-1] == [report_mod._asset(name) for name in vendor] and body[-1] == report_mod._asset("report.js")
    # The page has exactly the elements of a page made from harmless input.
    plain = build_report(Model.from_dict({"concepts": [{"id": "a", "label": "A"}], "edges": []}))
    assert [t for t, _ in tags(page)] == [t for t, _ in tags(plain)]
    assert not [t for t, _ in tags(page) if t in ("img", "a", "textarea", "iframe", "object", "embed")]
    title = re.search(r"<title>(.*?)</title>", page, flags=re.S).group(1)
    assert title.startswith("cogmap: ") and "<" not in title and ">" not in title, title


def test_page_script_never_writes_html():
    js = report_mod._asset("report.js")
    for bad in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert bad not in js, bad
    assert "textContent" in js


def test_self_contained(hostile_page):
    page = hostile_page
    for tag, attrs in tags(page):
        for name in ("src", "href", "action", "data", "poster", "srcset"):
            assert name not in attrs, (tag, attrs)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, flags=re.I)
    assert "@import" not in report_mod._asset("report.css") and "url(" not in report_mod._asset("report.css")
    # The policy forbids any load or connection and allows exactly the inline scripts, by hash.
    csp = next(a["content"] for t, a in tags(page) if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    body = scripts(page)
    for code in body[1:]:
        digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]


def test_vendored_library_and_licence():
    vendor = Path(report_mod.__file__).parent / "assets" / "vendor"
    assert (vendor / "cytoscape.min.js").stat().st_size > 100_000
    assert "Cytoscape Consortium" in (vendor / "LICENSE-cytoscape.txt").read_text(encoding="utf-8")


# -- data ----------------------------------------------------------------------------
def small_doc(prefix=""):
    text = prefix + "Higher rates reduce demand. Demand raises prices. Prices raise rates. Prices will rise by 2026."
    def ev(s):
        i = text.index(s)
        return Evidence(text=s, start=i, end=i + len(s))
    def m(cid, label):
        return Mention(concept=cid, label=label, text=label)
    return Document(
        source="small.txt", text=text,
        concepts=[Concept(id="r", label="rates"), Concept(id="d", label="demand"), Concept(id="p", label="prices"),
                  Concept(id="x", label="alone")],
        claims=[
            Claim(id="k1", cause=m("r", "rates"), effect=m("d", "demand"), polarity=-1, speaker="Ann <i>",
                  evidence=ev("Higher rates reduce demand.")),
            Claim(id="k2", cause=m("d", "demand"), effect=m("p", "prices"), polarity=1, modality="likely",
                  evidence=ev("Demand raises prices.")),
            Claim(id="k3", cause=m("p", "prices"), effect=m("r", "rates"), polarity=1,
                  evidence=ev("Prices raise rates.")),
        ],
        forecasts=[Forecast(id="f1", statement="Prices will rise by 2026.", probability=0.875, hedge="will",
                            horizon="2026", speaker="Bob", evidence=ev("Prices will rise by 2026."))],
    )


def test_document_data():
    d = report_data(small_doc())
    assert d["kind"] == "article"
    roles = {n["label"]: n["role"] for n in d["nodes"]}
    assert roles == {"rates": "ordinary", "demand": "ordinary", "prices": "ordinary", "alone": "unlinked"}
    e = next(e for e in d["edges"] if e["weight"] < 0)
    ev = e["evidence"][0]
    assert ev["speaker"] == "Ann <i>" and ev["modality"] == "asserted" and ev["source"] == "small.txt"
    assert d["text"][ev["at"][0]:ev["at"][1]] == ev["text"]
    (lp,) = d["loops"]["loops"]
    assert lp["kind"] == "balancing" and len(lp["edges"]) == 3
    assert {x["id"] for x in d["edges"]} >= set(lp["edges"])
    (f,) = d["forecasts"]
    assert (f["statement"], f["speaker"], f["probability"], f["horizon"]) == ("Prices will rise by 2026.", "Bob", 0.875, "2026")
    assert f["restated"] == []
    # What-if: raising rates lowers demand.
    w = d["whatif"]
    assert set(w["by"]) == {n["id"] for n in d["nodes"]}
    ch = {c["id"]: c["change"] for c in w["by"]["rates"]["changes"]}
    assert ch["demand"] < 0
    assert "rates" not in ch


def test_offsets_are_utf16_for_javascript():
    d = report_data(small_doc(prefix="\U0001F600\U0001F600 "))
    ev = next(e for e in d["edges"] if e["weight"] < 0)["evidence"][0]
    units = d["text"].encode("utf-16-le")
    assert units[2 * ev["at"][0]:2 * ev["at"][1]].decode("utf-16-le") == ev["text"]
    assert ev["at"][0] == 5  # Python counts 3 characters before the quote, JavaScript 5 code units


def test_model_file_with_article():
    article = ROOT.parent / "shared" / "examples" / "gallyamov-interview.txt"
    if not article.exists():
        article = None
    d = report_data(CURATED, article=article)
    assert d["kind"] == "model" and d["forecasts"] == []
    roles = {n["id"]: n["role"] for n in d["nodes"]}
    assert roles["nuclear_threats"] == "driver" and roles["coup_risk"] == "receiver"
    assert "receiver" in roles.values()
    kinds = {lp["kind"] for lp in d["loops"]["loops"]}
    assert kinds <= {"reinforcing", "balancing"} and d["loops"]["loops"]
    tanks = {c["id"]: c["change"] for c in d["whatif"]["by"]["western_tanks"]["changes"]}
    assert tanks["will_to_negotiate"] < 0
    if article is not None:
        assert d["text"]
        for e in d["edges"]:
            for ev in e["evidence"]:
                assert d["text"][ev["at"][0]:ev["at"][1]] == ev["text"]
    page = build_report(CURATED)
    assert page.count("<script") == len(report_mod.VENDOR_SCRIPTS) + 2


def test_empty_model_and_document_json(tmp_path):
    page = build_report(Model.from_dict({"concepts": [{"id": "a", "label": "A"}], "edges": []}))
    data = json.loads(split(page)[1])
    assert data["edges"] == [] and data["whatif"]["by"] == {}
    p = tmp_path / "doc.json"
    p.write_text(small_doc().to_json(), encoding="utf-8")
    d = report_data(p)
    assert d["kind"] == "article" and len(d["forecasts"]) == 1


def test_cli_report(tmp_path):
    from typer.testing import CliRunner

    from cogmap.cli import app

    out = tmp_path / "r.html"
    r = CliRunner().invoke(app, ["report", str(CURATED), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    r = CliRunner().invoke(app, ["report", str(tmp_path / "missing.txt"), "-o", str(out)])
    assert r.exit_code != 0


def test_doctests():
    assert doctest.testmod(report_mod).failed == 0


def test_page_script_parses():
    import shutil
    import subprocess

    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    js = Path(report_mod.__file__).parent / "assets" / "report.js"
    r = subprocess.run([node, "--check", str(js)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_model_evidence_located_or_left_unlinked(tmp_path):
    text = "Tanks arrive. Talks stall because tanks arrive.\n"
    (tmp_path / "art.txt").write_text(text, encoding="utf-8")
    model = tmp_path / "m.json"
    model.write_text(json.dumps({
        "sources": ["art.txt"],
        "concepts": [{"id": "t", "label": "tanks"}, {"id": "k", "label": "talks"}],
        "edges": [{"cause": "t", "effect": "k", "weight": -0.5, "evidence": [
            {"text": "Talks stall because tanks arrive.", "source": "art.txt", "start": 0, "end": 5},  # stale offsets
            {"source": "art.txt", "start": 0, "end": 13},                                          # offsets only
            {"text": "words that are not there", "source": "art.txt"},
        ]}],
    }), encoding="utf-8")
    d = report_data(model)  # the only source sits next to the model file
    assert d["text"] == text
    a, b, c = d["edges"][0]["evidence"]
    assert text[a["at"][0]:a["at"][1]] == a["text"] == "Talks stall because tanks arrive."
    assert b["text"] == "Tanks arrive." and b["at"] == [0, 13]
    assert "at" not in c


def test_cli_report_with_article(tmp_path):
    from typer.testing import CliRunner

    from cogmap.cli import app

    art = tmp_path / "a.txt"
    art.write_text("Tanks arrive. Talks stall.\n", encoding="utf-8")
    out = tmp_path / "r.html"
    r = CliRunner().invoke(app, ["report", str(CURATED), "--article", str(art), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert json.loads(split(out.read_text(encoding="utf-8"))[1])["text"] == "Tanks arrive. Talks stall.\n"


def test_cli_report_refuses_an_article_none_of_whose_quotes_it_holds(tmp_path):
    """A new user's trial: given the wrong article, the page showed it under the model's
    source name with every quote missing. An article that holds none of the model's quotes
    is refused, with exit status 2 and nothing written."""
    from typer.testing import CliRunner

    from cogmap.cli import app
    from cogmap.errors import InputError

    model = tmp_path / "m.yaml"
    model.write_text("concepts: [{id: t, label: tanks}, {id: n, label: talks}]\n"
                     "edges: [{cause: t, effect: n, weight: -1, evidence: [{text: Tanks stall talks., "
                     "start: 0, end: 18}]}]\n", encoding="utf-8")
    wrong = tmp_path / "rents.txt"
    wrong.write_text("Rents rose again in March, the agency said.\n", encoding="utf-8")
    out = tmp_path / "r.html"
    r = CliRunner().invoke(app, ["report", str(model), "--article", str(wrong), "-o", str(out)])
    # (the entry point, cogmap.cli.app.main, turns this error into one line and exit status 2)
    assert isinstance(r.exception, InputError) and r.exception.exit_code == 2 and not out.exists()
    assert "none of the model's 1 quotes" in str(r.exception)
    right = tmp_path / "tanks.txt"
    right.write_text("Tanks stall talks. Nobody doubts it.\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["report", str(model), "--article", str(right), "-o", str(out)])
    assert r.exit_code == 0, r.output


def test_the_page_title_is_the_documents_and_stays_text(tmp_path):
    # A new user's trial: every report was titled "cogmap report" until its script ran.
    p = tmp_path / "a.txt"
    p.write_text("Rates </title><script>alert(1)</script> & prices\n\nHigher rates will reduce demand for "
                 "housing, the economist said.\n", encoding="utf-8")
    page = build_report(p)
    title = re.search(r"<title>(.*?)</title>", page, flags=re.S).group(1)
    assert title.startswith("cogmap: ") and "Rates" in title, title
    assert "<" not in title and "&lt;script&gt;" in title, title
    assert [t for t, _ in tags(page)].count("title") == 1


def test_cli_report_of_several_articles_is_one_page_of_them_all(tmp_path):
    """Several articles make one report, as a store of them would (each article's text and
    forecasts), and nothing is left on disk but the page."""
    from typer.testing import CliRunner

    from cogmap.cli import app

    a = tmp_path / "a.txt"
    a.write_text("Heat and harvests\n\nThe heat wave cut the wheat harvest, so bread prices will probably rise.\n",
                 encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("Ports\n\nThe strike raised freight rates, and shippers expect delays to last into spring.\n",
                 encoding="utf-8")
    out = tmp_path / "r.html"
    r = CliRunner().invoke(app, ["report", str(a), str(b), "-o", str(out)])
    assert r.exit_code == 0, r.output
    data = json.loads(split(out.read_text(encoding="utf-8"))[1])
    assert data["kind"] == "corpus"
    assert {d["title"] for d in data["documents"]} == {"Heat and harvests", "Ports"}
    assert data["title"] == "2 articles: Heat and harvests; Ports" and ":memory:" not in out.read_text()
    assert len(data["forecasts"]) >= 2
    assert sorted(x.name for x in tmp_path.iterdir()) == ["a.txt", "b.txt", "r.html"]
    r = CliRunner().invoke(app, ["report", str(a), str(CURATED), "-o", str(out)])
    assert isinstance(r.exception, InputError) and "on its own" in str(r.exception)
    import cogmap

    extracted = tmp_path / "b.json"  # a document extracted before goes beside articles, as it is
    extracted.write_text(cogmap.extract(b).to_json(), encoding="utf-8")
    r = CliRunner().invoke(app, ["report", str(a), str(extracted), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert {d["title"] for d in json.loads(split(out.read_text(encoding="utf-8"))[1])["documents"]} == \
        {"Heat and harvests", "Ports"}


def test_a_forecast_restated_by_the_headline_shows_the_headline():
    doc = small_doc()
    head = Evidence(text=doc.text[:5], start=0, end=5)
    doc.forecasts[0].restated.append(head)
    (f,) = report_data(doc)["forecasts"]
    assert f["restated"] == [head.text]
    # shown as text (el() sets textContent), never as markup
    js = (Path(report_mod.__file__).parent / "assets" / "report.js").read_text()
    assert '(f.restated || []).forEach(function (r) { s.appendChild(el("div", "meta", "also the headline: " + r)); });' in js
