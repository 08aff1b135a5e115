"""The model commands end to end through ``python -m cogmap``: output and bad input."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CURATED = ROOT / "examples" / "gallyamov-model.yaml"

GOOD = """schema: cogmap.model/1
concepts:
- {id: tanks, label: western tank deliveries}
- {id: talks, label: negotiations}
- {id: mob, label: second mobilization}
edges:
- {cause: tanks, effect: talks, weight: -0.75, evidence: [{text: "tanks push talks away", source: a.txt, start: 0, end: 21}]}
- {cause: tanks, effect: mob, weight: 0.75}
- {cause: mob, effect: talks, weight: 0.5}
- {cause: talks, effect: tanks, weight: -0.5}
"""


def cogmap(*args, cwd=None):
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}  # errors must stay one line at any width
    env["NO_COLOR"] = "1"
    return subprocess.run([sys.executable, "-m", "cogmap", *map(str, args)], capture_output=True, text=True, env=env, cwd=cwd)


@pytest.fixture
def good(tmp_path):
    p = tmp_path / "good.yaml"
    p.write_text(GOOD)
    return p


def one_line_error(r, *needles):
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    assert "Traceback" not in r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("error:")
    for n in needles:
        assert n in lines[0], lines[0]


@pytest.mark.parametrize(
    "text,needle",
    [
        ("concepts:\n- {id: a, label: A}\nedges:\n- {cause: a, effect: nowhere, weight: 0.5}\n", "unknown concept 'nowhere'"),
        ("concepts:\n- {id: a, label: A}\n- {id: b, label: B}\nedges:\n- {cause: a, effect: b, weight: -2}\n", "weight -2"),
        ("concepts:\n- {id: a, label: A}\n- {id: a, label: A again}\nedges: []\n", "duplicate concept id"),
        ("recipe: pancakes\neggs: 2\n", "not a cogmap.model/1 file"),
        ("{{{{", "not valid YAML"),
        ("", "is empty"),
        (b"caf\xe9: 1\n", "not UTF-8 text"),
        (b"\x7fELF\x02\x01\x01\x00\x00\xff", "a binary file"),
    ],
)
@pytest.mark.parametrize("command", [["loops"], ["stats"], ["simulate", "--set", "a=1"], ["export", "--format", "dot"]])
def test_bad_model_files(tmp_path, text, needle, command):
    p = tmp_path / "bad.yaml"
    p.write_bytes(text) if isinstance(text, bytes) else p.write_text(text)
    cmd = [command[0], p, *command[1:]]
    one_line_error(cogmap(*cmd), needle)


def test_set_naming_no_concept_suggests(good):
    r = cogmap("simulate", good, "--set", "western tanks=1")
    one_line_error(r, "no concept named 'western tanks'", "did you mean", "western tank deliveries")
    one_line_error(cogmap("simulate", good, "--set", "tanks"), "NAME=VALUE")
    one_line_error(cogmap("simulate", good, "--set", "tanks=lots"), "not a number")
    one_line_error(cogmap("effect", good, "negotiatons", "tanks"), "did you mean", "negotiations")
    one_line_error(cogmap("loops", good, "--max-length", "0"), "at least 1")


def test_missing_model_file(tmp_path):
    one_line_error(cogmap("stats", tmp_path / "none.yaml"), "no such file")
    one_line_error(cogmap("import", tmp_path / "none.csv"), "no such file")


def test_loops_table_and_json(good):
    r = cogmap("loops", good)
    assert r.returncode == 0, r.stderr
    assert "reinforcing" in r.stdout and "balancing" in r.stdout and "tanks push talks away" in r.stdout
    r = cogmap("loops", good, "--format", "json")
    d = json.loads(r.stdout)
    kinds = sorted((len(lp["concepts"]), lp["kind"]) for lp in d["loops"])
    # tanks -> talks -> tanks: (-)(-) reinforcing; tanks -> mob -> talks -> tanks: (+)(+)(-) balancing
    assert kinds == [(2, "reinforcing"), (3, "balancing")]
    assert d["complete"] is True


def test_effect_command(good):
    r = cogmap("effect", good, "Western Tank Deliveries", "negotiations", "--format", "json")
    d = json.loads(r.stdout)
    assert d["total"] == "ambiguous" and len(d["paths"]) == 2
    assert d["strength"] == pytest.approx(-0.75 + 0.75 * 0.5)
    r = cogmap("effect", good, "tanks", "talks")
    assert "ambiguous" in r.stdout and r.returncode == 0


def test_simulate_command(good):
    r = cogmap("simulate", good, "--set", "western tank deliveries=1", "--transfer", "tanh", "--rule", "kosko", "--format", "json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    byid = {c["id"]: c for c in d["concepts"]}
    assert byid["tanks"]["scenario"] == 1.0
    assert byid["mob"]["change"] > 0
    assert d["scenario"]["status"] in ("converged", "limit-cycle", "step-limit")
    assert [abs(c["change"]) for c in d["concepts"]] == sorted((abs(c["change"]) for c in d["concepts"]), reverse=True)
    r = cogmap("simulate", good, "--set", "tanks=1", "--steps", "3", "--rule", "rescaled")
    assert r.returncode == 0 and "second mobilization" in r.stdout and "raises" in r.stdout
    # Unasked, a map with a lowering link runs on tanh, as the HTML report's what-if does.
    r = cogmap("simulate", good, "--set", "western tank deliveries=1", "--format", "json")
    assert json.loads(r.stdout)["settings"]["transfer"] == "tanh"


def test_simulate_names_the_concepts_it_does_not_move_in_one_line(tmp_path, good):
    """A map from articles has many concepts a clamp never reaches: their rows of "0.000
    unchanged" buried the few that move."""
    m = tmp_path / "m.yaml"
    m.write_text(GOOD.replace("edges:", "- {id: rain, label: spring rain}\n- {id: fog, label: coastal fog}\nedges:")
                 + "- {cause: rain, effect: fog, weight: 0.5}\n")
    r = cogmap("simulate", m, "--set", "tanks=1")
    assert r.returncode == 0, r.stderr
    table, rest = r.stdout.split("2 concepts unchanged:")
    assert "spring rain" in rest and "coastal fog" in rest
    assert "spring rain" not in table and "second mobilization" in table
    d = json.loads(cogmap("simulate", m, "--set", "tanks=1", "--format", "json").stdout)
    assert {"rain", "fog"} <= {c["id"] for c in d["concepts"]}  # the JSON keeps every concept


def test_map_refuses_an_output_name_of_another_format(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("Higher rates cut demand for housing, the economist said.\n")
    for name, needle in (("m.graphml", "cogmap export"), ("m.txt", ".yaml or .json")):
        one_line_error(cogmap("map", art, "-o", tmp_path / name), needle)
        assert not (tmp_path / name).exists()


def test_stats_command(good):
    d = json.loads(cogmap("stats", good, "--format", "json").stdout)
    assert d["concepts"] == 3 and d["links"] == 4
    assert d["density"] == pytest.approx(4 / 9)
    r = cogmap("stats", good)
    assert "density" in r.stdout and r.returncode == 0


def test_export_import_round_trip(good, tmp_path):
    for fmt in ("graphml", "gexf", "dot", "mermaid", "csv"):
        out = tmp_path / f"m.{fmt}"
        r = cogmap("export", good, "--format", fmt, "-o", out)
        assert r.returncode == 0, r.stderr
        assert out.stat().st_size > 0
    r = cogmap("import", tmp_path / "m.graphml", "-o", tmp_path / "back.yaml")
    assert r.returncode == 0, r.stderr
    d = json.loads(cogmap("stats", tmp_path / "back.yaml", "--format", "json").stdout)
    assert d["links"] == 4
    r = cogmap("import", tmp_path / "m.csv")
    assert "western tank deliveries" in r.stdout and "weight: -0.75" in r.stdout
    one_line_error(cogmap("export", good, "--format", "pdf"), "'pdf' is not one of")
    one_line_error(cogmap("simulate", good, "--set", "tanks=1", "--rule", "hebbian"), "--rule")
    one_line_error(cogmap("simulate", good, "--set", "tanks=1", "--transfer", "relu"), "--transfer")
    one_line_error(cogmap("stats", good, "--format", "xml"), "--format")


def test_map_with_hand_built_documents(tmp_path):
    """``map`` calls cogmap.extract on each file; a stub stands in for the extractor."""
    stub = tmp_path / "stub"
    stub.mkdir()
    (stub / "sitecustomize.py").write_text(
        "import cogmap\n"
        "from cogmap.records import Document, Concept, Claim, Mention, Evidence\n"
        "def fake(path, **kw):\n"
        "    text = open(path).read()\n"
        "    return Document(source=str(path), text=text,\n"
        "        concepts=[Concept(id='c1', label='tanks'), Concept(id='c2', label='talks')],\n"
        "        claims=[Claim(id='k', cause=Mention(concept='c1', label='tanks', text='tanks'),\n"
        "            effect=Mention(concept='c2', label='talks', text='talks'), polarity=-1, modality='likely',\n"
        "            evidence=Evidence(text=text, start=0, end=len(text)))])\n"
        "cogmap.extract = fake\n"
    )
    a = tmp_path / "a.txt"
    a.write_text("tanks end talks")
    b = tmp_path / "b.txt"
    b.write_text("tanks stop talks")
    env = {**os.environ, "PYTHONPATH": str(stub) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    out = tmp_path / "m.yaml"
    r = subprocess.run([sys.executable, "-m", "cogmap", "map", a, b, "-o", out], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    from cogmap.model.model import load_model

    m = load_model(out)
    assert len(m.edges) == 1 and m.edges[0].weight == -0.75
    assert m.edges[0].support.documents == 2


def test_curated_example_runs_through_every_command():
    assert cogmap("loops", CURATED, "--no-quotes").returncode == 0
    r = cogmap("simulate", CURATED, "--set", "western tank deliveries=1", "--format", "json")
    d = json.loads(r.stdout)
    byid = {c["id"]: c for c in d["concepts"]}
    assert byid["second_mobilization"]["change"] > 0
    assert byid["will_to_negotiate"]["change"] < 0
    r = cogmap("effect", CURATED, "western tank deliveries", "second mobilization", "--format", "json")
    assert json.loads(r.stdout)["total"] == "positive"


def test_demo_story_renders():
    from rich.console import Console

    from cogmap.cli.model import demo_model_story

    con = Console(record=True, width=120)
    con.print(demo_model_story(CURATED))
    text = con.export_text()
    assert "feedback loops" in text and "What if western tank deliveries = 1?" in text
    assert "second mobilization" in text and "coup risk" in text


def test_demo_story_what_if_follows_the_interview():
    """Tanks on: talks less likely, mobilization and coup risk up (tanh, Kosko, from 0)."""
    from cogmap.model.model import load_model
    from cogmap.model.simulate import what_if

    w = what_if(load_model(CURATED), {"western tank deliveries": 1}, transfer="tanh")
    ch = {cid: d for cid, _, _, _, d in w.changes}
    assert ch["will_to_negotiate"] < 0 < ch["second_mobilization"]
    assert ch["coup_risk"] > 0
    assert w.baseline.status == "converged" and not w.baseline.final.any()


def test_loops_show_limits_the_table(tmp_path):
    text = "concepts:\n" + "".join(f"- {{id: c{i}, label: C{i}}}\n" for i in range(6)) + "edges:\n"
    text += "".join(f"- {{cause: c{i}, effect: c{j}, weight: 0.5}}\n" for i in range(6) for j in range(6) if i != j)
    p = tmp_path / "k6.yaml"
    p.write_text(text)
    r = cogmap("loops", p, "--max-length", "3", "--show", "4", "--no-quotes")
    assert r.returncode == 0, r.stderr
    # complete digraph on 6 concepts: 15 two-link loops and 40 three-link loops
    assert "55 feedback loops: 55 reinforcing, 0 balancing" in r.stdout
    assert "and 51 more" in r.stdout
    assert len(json.loads(cogmap("loops", p, "--max-length", "3", "--format", "json").stdout)["loops"]) == 55


def test_usage_errors_have_no_traceback(good):
    for args in (["loops"], ["effect", good, "tanks"], ["simulate", good, "--steps", "many"]):
        r = cogmap(*args)
        assert r.returncode == 2 and "Traceback" not in r.stderr, (args, r.stderr)


def test_an_article_given_as_a_model_says_how_to_build_one(tmp_path):
    art = tmp_path / "article.txt"
    art.write_text("Rates rose because of inflation.")
    r = subprocess.run([sys.executable, "-m", "cogmap", "loops", str(art)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "cogmap map" in r.stderr and "Traceback" not in r.stderr


def test_nan_weights_deep_nesting_and_endless_steps_are_refused(tmp_path, good):
    """NaN is no weight, a file nested 100,000 deep is no model, a billion steps is no run."""
    nan = tmp_path / "nan.yaml"
    nan.write_text("schema: cogmap.model/1\nconcepts:\n - {id: a, label: A}\n - {id: b, label: B}\n"
                   "edges:\n - {cause: a, effect: b, weight: .nan}\n")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    one_line_error(cogmap("loops", nan), "finite")
    one_line_error(cogmap("stats", deep), "nested too deeply")
    r = cogmap("simulate", good, "--steps", "1000000000")
    assert r.returncode == 2 and "--steps" in r.stderr and "Traceback" not in r.stderr


def _fifo(tmp_path, name="pipe.yaml"):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    p = tmp_path / name
    os.mkfifo(p)
    return p


@pytest.mark.parametrize("command", [["loops"], ["stats"], ["effect", "--", "a", "b"], ["import"],
                                     ["report", "-o", "out.html"], ["extract"]])
def test_a_named_pipe_is_refused_not_waited_on(tmp_path, command):
    """Opening a FIFO with no writer blocks for ever: it is refused before it is opened."""
    fifo = _fifo(tmp_path)
    args = [command[0], fifo, *command[1:]] if command[0] != "effect" else ["effect", fifo, "a", "b"]
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    r = subprocess.run([sys.executable, "-m", "cogmap", *map(str, args)], capture_output=True, text=True,
                       env=env, cwd=tmp_path, timeout=60)
    one_line_error(r, "named pipe")
    assert not (tmp_path / "out.html").exists()


@pytest.mark.parametrize("command", [["loops"], ["import"], ["report", "-o", "out.html"]])
def test_model_commands_read_an_endless_device_only_to_the_limit(tmp_path, command):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env["COGMAP_MAX_BYTES"] = "100000"
    r = subprocess.run([sys.executable, "-m", "cogmap", command[0], "/dev/zero", *command[1:]], capture_output=True,
                       text=True, env=env, cwd=tmp_path, timeout=60)
    one_line_error(r, "/dev/zero: more than")


def test_report_on_a_nan_model_is_one_line(tmp_path):
    nan = tmp_path / "nan.yaml"
    nan.write_text("schema: cogmap.model/1\nconcepts:\n - {id: a, label: A, initial: .nan}\n - {id: b, label: B}\n"
                   "edges:\n - {cause: a, effect: b, weight: .nan}\n")
    one_line_error(cogmap("report", nan, "-o", tmp_path / "out.html"), "finite")
    as_json = tmp_path / "nan.json"
    as_json.write_text('{"schema": "cogmap.model/1", "concepts": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],'
                       ' "edges": [{"cause": "a", "effect": "b", "weight": NaN}]}')
    one_line_error(cogmap("report", as_json, "-o", tmp_path / "out.html"), "finite")
    assert not (tmp_path / "out.html").exists()
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    one_line_error(cogmap("report", deep, "-o", tmp_path / "out.html"), "nested too deeply")


@pytest.mark.parametrize("args,option", [
    (["loops", "{m}", "--time-budget", "-1"], "--time-budget"),
    (["loops", "{m}", "--time-budget", "nan"], "--time-budget"),
    (["loops", "{m}", "--time-budget", "inf"], "--time-budget"),
    (["loops", "{m}", "--limit", "-1"], "--limit"),
    (["loops", "{m}", "--show", "-5"], "--show"),
    (["effect", "{m}", "tanks", "talks", "--time-budget", "-1"], "--time-budget"),
    (["effect", "{m}", "tanks", "talks", "--time-budget", "nan"], "--time-budget"),
    (["effect", "{m}", "tanks", "talks", "--max-paths", "-1"], "--max-paths"),
    (["simulate", "{m}", "--set", "tanks=1", "--top", "-3"], "--top"),
    (["simulate", "{m}", "--set", "tanks=1", "--steps", "0"], "--steps"),
    (["simulate", "{m}", "--set", "tanks=1", "--lambda", "nan"], "--lambda"),
    (["experts", "--db", "{m}", "--bins", "1000000000"], "--bins"),
])
def test_number_options_out_of_range_are_one_line(good, args, option):
    """A negative, NaN or endless number is refused before any work, in one line."""
    one_line_error(cogmap(*[a.replace("{m}", str(good)) for a in args]), option)


def test_bidi_controls_in_labels_are_neutralized_in_terminal_tables(tmp_path):
    """U+202E in a label must not reverse the table it is printed in; --format json keeps it."""
    controls = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    text = CURATED.read_text(encoding="utf-8")
    for label in ("war length", "second mobilization", "western tank deliveries"):
        assert f"label: {label}\n" in text
        escaped = label.replace(" ", " \\u202e", 1) + "\\u2066"  # YAML escapes, in double quotes
        text = text.replace(f"label: {label}\n", f'label: "{escaped}"\n')
    model = tmp_path / "bidi.yaml"
    model.write_text(text, encoding="utf-8")
    for args in (["stats"], ["simulate", "--set", "western_tanks=1"], ["effect", "western_tanks", "war_length"],
                 ["loops", "--show", "3"]):
        r = cogmap(args[0], model, *args[1:])
        shown = r.stdout + r.stderr
        assert "\ufffd" in shown, (args, shown)
        assert not any(ch in shown for ch in controls), (args, shown)
    assert "\u202e" in cogmap("stats", model, "--format", "json").stdout


def test_the_size_limit_is_said_as_the_docs_say_it(tmp_path):
    if "COGMAP_MAX_BYTES" in os.environ:
        pytest.skip("another limit is set")
    big = tmp_path / "big.yaml"
    with open(big, "wb") as fh:
        fh.truncate(21 * 2**20)  # sparse: refused on its size, never read
    one_line_error(cogmap("loops", big), "21 MB is more than the 20 MB", "COGMAP_MAX_BYTES")
    assert "over 20 MB" in (ROOT / "docs" / "extraction.md").read_text(encoding="utf-8")


def test_map_takes_documents_already_extracted_and_refuses_other_json(tmp_path):
    """``extract --format json`` then ``map`` is the natural chain: the document is used as
    it is (its claims, not its text read again), and JSON of any other kind is one line."""
    from cogmap.records import Claim, Concept, Document, Evidence, Mention

    text = "Weather words only."  # no claim could be read from this text again
    doc = Document(source="a.txt", text=text,
                   concepts=[Concept(id="c1", label="tanks"), Concept(id="c2", label="talks")],
                   claims=[Claim(id="c1", cause=Mention(concept="c1", label="tanks", text="tanks"),
                                 effect=Mention(concept="c2", label="talks", text="talks"), polarity=-1,
                                 modality="likely", evidence=Evidence(text=text, start=0, end=len(text)))])
    good = tmp_path / "a.json"
    good.write_text(doc.to_json())
    out = tmp_path / "m.yaml"
    r = cogmap("map", good, "-o", out, "--no-embed")
    assert r.returncode == 0, r.stderr
    from cogmap.model.model import load_model

    m = load_model(out)
    assert [(e.cause, e.effect, e.weight) for e in m.edges] == [("tanks", "talks", -0.75)]
    other = tmp_path / "other.json"
    other.write_text('{"recipe": "pancakes"}')
    one_line_error(cogmap("map", other), "not a cogmap.document/1 file", "source: Field required")
    several = tmp_path / "several.json"
    several.write_text(json.dumps([doc.to_dict(), doc.to_dict()]))
    one_line_error(cogmap("map", several), "a list of documents")
    one_line_error(cogmap("loops", good), "is a cogmap document, not a model", f"cogmap map {good} -o model.yaml")
    env = {**os.environ, "COGMAP_MAX_BYTES": "200"}  # a document file is held to the size limit every input is
    r = subprocess.run([sys.executable, "-m", "cogmap", "map", str(good)], capture_output=True, text=True, env=env)
    assert r.returncode == 2 and "more than the" in r.stderr and "Traceback" not in r.stderr, r.stderr
