"""Exports and imports: round trips through GraphML, GEXF and CSV; DOT and Mermaid text."""

import networkx as nx
import pytest

from cogmap.errors import InputError
from cogmap.model.formats import export, from_csv, from_graphml, import_model, to_csv, to_dot, to_gexf, to_graphml, to_mermaid
from cogmap.model.model import Model


def sample():
    return Model.from_dict(
        {
            "title": "sample",
            "concepts": [
                {"id": "rates", "label": "interest rates", "initial": 0.5, "aliases": ["rates"]},
                {"id": "demand", "label": 'housing "demand"', "description": "buyers"},
                {"id": "prices", "label": "house prices"},
            ],
            "edges": [
                {
                    "cause": "rates",
                    "effect": "demand",
                    "weight": -0.75,
                    "evidence": [{"text": "Higher rates cut demand", "source": "a.txt", "start": 3, "end": 26, "speaker": "Hepp"}],
                },
                {"cause": "demand", "effect": "prices", "weight": 0.5, "evidence": [{"rationale": "by hand"}]},
                {"cause": "prices", "effect": "demand", "weight": -0.2},
            ],
        }
    )


def test_graphml_round_trip_keeps_everything():
    m = sample()
    back = from_graphml(to_graphml(m))
    assert back.to_dict() == m.to_dict()


def test_gexf_is_readable_by_networkx(tmp_path):
    p = tmp_path / "m.gexf"
    p.write_text(to_gexf(sample()), encoding="utf-8")
    G = nx.read_gexf(p)
    assert G.number_of_nodes() == 3 and G.number_of_edges() == 3
    assert G.nodes["rates"]["label"] == "interest rates"
    assert G["rates"]["demand"]["weight"] == -0.75


def test_csv_round_trip_weights_and_labels():
    m = sample()
    text = to_csv(m)
    lines = text.splitlines()
    assert lines[0].split(",")[1] == "interest rates"
    back = from_csv(text)
    assert [c.label for c in back.concepts] == [c.label for c in m.concepts]
    got = {(back.label(e.cause), back.label(e.effect)): e.weight for e in back.edges}
    want = {(m.label(e.cause), m.label(e.effect)): e.weight for e in m.edges}
    assert got == want


def test_csv_rows_in_other_order_and_blank_cells():
    text = ",A,B,C\nC,,,\nA,,0.5,\nB,-1,,\n"
    m = from_csv(text)
    assert {(m.label(e.cause), m.label(e.effect), e.weight) for e in m.edges} == {("A", "B", 0.5), ("B", "A", -1.0)}


@pytest.mark.parametrize(
    "text,msg",
    [
        (",A,B\nA,0,2\nB,0,0\n", "outside"),
        (",A,B\nA,0,x\nB,0,0\n", "not a number"),
        (",A,B\nA,0,1\nC,0,0\n", "square"),
        (",A,A\nA,0,1\nA,0,0\n", "twice"),
        ("", "empty"),
    ],
)
def test_csv_errors(text, msg):
    with pytest.raises(InputError, match=msg):
        from_csv(text)


def test_foreign_graphml_without_weights():
    G = nx.DiGraph()
    G.add_edge("x", "y")
    G.add_edge("y", "z", sign=-1)
    text = "\n".join(nx.generate_graphml(G))
    m = from_graphml(text)
    assert {(e.cause, e.effect): e.weight for e in m.edges} == {("x", "y"): 1.0, ("y", "z"): -1.0}
    with pytest.raises(InputError):
        from_graphml("<graphml><broken")


def test_dot_and_mermaid_name_every_edge():
    m = sample()
    dot = to_dot(m)
    assert dot.startswith("digraph") and dot.count("->") == 3
    assert '\\"demand\\"' in dot  # quotes escaped
    assert '"rates" -> "demand" [label="-0.75", color="red"' in dot
    mer = to_mermaid(m)
    assert mer.splitlines()[0] == "flowchart LR"
    assert "rates -.->|\"-0.75\"| demand" in mer and "demand -->|\"0.5\"| prices" in mer
    assert "#quot;" in mer


def test_mermaid_ids_are_safe():
    m = Model.from_dict({"concepts": [{"id": "end", "label": "E"}, {"id": "1 x-y", "label": "F"}],
                         "edges": [{"cause": "end", "effect": "1 x-y", "weight": 1}]})
    mer = to_mermaid(m)
    assert "end_ -->" in mer and "n1_x_y" in mer


def test_export_and_import_dispatch(tmp_path):
    with pytest.raises(InputError):
        export(sample(), "pdf")
    p = tmp_path / "m.csv"
    p.write_text(export(sample(), "csv"))
    assert len(import_model(p).edges) == 3
    g = tmp_path / "m.graphml"
    g.write_text(export(sample(), "graphml"))
    assert import_model(g).to_dict() == sample().to_dict()
    with pytest.raises(InputError, match="no such file"):
        import_model(tmp_path / "nope.csv")


def test_import_names_the_formats_it_does_not_read(tmp_path):
    """DOT, GEXF, Mermaid, YAML/JSON and folders are not read as CSV: the message names what import reads."""
    import json as _json

    from cogmap.records import Document

    reads = "import reads an adjacency-matrix CSV or GraphML"
    for fmt, suffix, name in (("dot", ".dot", "DOT"), ("gexf", ".gexf", "GEXF"), ("mermaid", ".mmd", "Mermaid")):
        p = tmp_path / f"m{suffix}"
        p.write_text(export(sample(), fmt), encoding="utf-8")
        with pytest.raises(InputError) as exc:
            import_model(p)
        assert str(exc.value) == f"{p}: {reads}, not {name}"
        bare = tmp_path / f"{fmt}-without-suffix"  # known by its content too
        bare.write_text(export(sample(), fmt), encoding="utf-8")
        with pytest.raises(InputError) as exc:
            import_model(bare)
        assert str(exc.value) == f"{bare}: {reads}, not {name}"
    for suffix in (".yaml", ".json"):
        p = tmp_path / f"model{suffix}"
        sample().save(p)
        with pytest.raises(InputError) as exc:
            import_model(p)
        assert str(exc.value) == f"{p}: is a cogmap model already; use it as it is"
    doc = tmp_path / "doc.json"
    doc.write_text(Document(source="a.txt", text="Rates rose.").to_json(), encoding="utf-8")
    with pytest.raises(InputError, match="is a cogmap document"):
        import_model(doc)
    other = tmp_path / "other.json"
    other.write_text(_json.dumps({"rows": [[0, 1]]}), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        import_model(other)
    assert str(exc.value) == f"{other}: {reads}, not JSON"
    folder = tmp_path / "adir"
    folder.mkdir()
    with pytest.raises(InputError) as exc:
        import_model(folder)
    assert "is a folder" in str(exc.value) and "cogmap add" not in str(exc.value)
    notes = tmp_path / "notes.txt"  # any other name is still read as CSV, and says so when it is none
    notes.write_text("just some words\nand more\n", encoding="utf-8")
    with pytest.raises(InputError, match=f"{reads}; read as CSV, the first row"):
        import_model(notes)
    matrix = tmp_path / "matrix.txt"
    matrix.write_text(export(sample(), "csv"), encoding="utf-8")
    assert len(import_model(matrix).edges) == 3
