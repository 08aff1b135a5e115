"""Export a model to graph tools, and import one from an adjacency matrix or GraphML.

Exports: GraphML and GEXF (Gephi, yEd, Cytoscape), DOT (Graphviz), a Mermaid
flowchart (Markdown renderers), and the CSV adjacency matrix Mental Modeler reads
and writes (first row and first column are concept labels; the cell in row *i*,
column *j* is the weight of *i -> j*; empty or 0 means no link). Imports: that
CSV and GraphML. GraphML and GEXF keep each edge's evidence as a JSON string
attribute, so a GraphML round trip loses nothing.

Examples
--------
>>> m = Model.from_dict({"concepts": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
...                      "edges": [{"cause": "a", "effect": "b", "weight": -0.5}]})
>>> print(to_mermaid(m))
flowchart LR
    a["A"]
    b["B"]
    a -.->|"-0.5"| b
>>> print(to_csv(m), end="")
,A,B
A,0,-0.5
B,0,0
>>> from_csv(to_csv(m)).edges[0].weight
-0.5
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Literal

import networkx as nx

from cogmap.errors import InputError
from cogmap.files import read_limited
from cogmap.model.model import Edge, EdgeEvidence, Model, ModelConcept, slugify

__all__ = [
    "FORMATS",
    "to_graph",
    "to_graphml",
    "to_gexf",
    "to_dot",
    "to_mermaid",
    "to_csv",
    "from_csv",
    "from_graphml",
    "export",
    "import_model",
]

FORMATS = ("graphml", "gexf", "dot", "mermaid", "csv")


def _num(w: float) -> str:
    return repr(float(w)).removesuffix(".0") if float(w).is_integer() else repr(float(w))


def to_graph(model: Model) -> nx.DiGraph:
    """A DiGraph with only scalar attributes (for GraphML/GEXF writers).

    Nodes: ``label`` and, when set, ``description``, ``initial``, ``aliases`` (JSON).
    Edges: ``weight``, ``sign``, ``evidence`` (JSON list) and ``evidence_count``.
    """
    G = nx.DiGraph()
    if model.title:
        G.graph["title"] = model.title
    for c in model.concepts:
        attrs = {"label": c.label}
        if c.description is not None:
            attrs["description"] = c.description
        if c.initial is not None:
            attrs["initial"] = float(c.initial)
        if c.aliases:
            attrs["aliases"] = json.dumps(c.aliases, ensure_ascii=False)
        G.add_node(c.id, **attrs)
    for e in model.edges:
        G.add_edge(
            e.cause,
            e.effect,
            weight=float(e.weight),
            sign=int(e.sign),
            evidence=json.dumps([ev.model_dump(exclude_none=True) for ev in e.evidence], ensure_ascii=False),
            evidence_count=len(e.evidence),
        )
    return G


def _text_of(write, G) -> str:
    buf = io.BytesIO()
    write(G, buf)
    return buf.getvalue().decode("utf-8")


def to_graphml(model: Model) -> str:
    """GraphML text."""
    return _text_of(nx.write_graphml, to_graph(model))


def to_gexf(model: Model) -> str:
    """GEXF 1.2 text (Gephi)."""
    return _text_of(nx.write_gexf, to_graph(model))


def _dot_quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(model: Model) -> str:
    """Graphviz DOT: positive links green and solid, negative red and dashed, labelled by weight,
    thicker the stronger they are.

    >>> m = Model.from_dict({"concepts": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
    ...                      "edges": [{"cause": "a", "effect": "b", "weight": 1}]})
    >>> print(to_dot(m))
    digraph cogmap {
      rankdir=LR;
      node [shape=box, style=rounded];
      "a" [label="A"];
      "b" [label="B"];
      "a" -> "b" [label="+1", color="darkgreen", style="solid", penwidth=3];
    }
    """
    lines = ["digraph cogmap {", "  rankdir=LR;", "  node [shape=box, style=rounded];"]
    for c in model.concepts:
        lines.append(f"  {_dot_quote(c.id)} [label={_dot_quote(c.label)}];")
    for e in model.edges:
        colour, style = ("darkgreen", "solid") if e.weight >= 0 else ("red", "dashed")
        lab = ("+" if e.weight > 0 else "") + _num(e.weight)
        lines.append(
            f"  {_dot_quote(e.cause)} -> {_dot_quote(e.effect)} "
            f'[label="{lab}", color="{colour}", style="{style}", penwidth={1 + 2 * abs(e.weight):g}];'
        )
    lines.append("}")
    return "\n".join(lines)


def _mermaid_id(cid: str, used: dict[str, str]) -> str:
    if cid in used:
        return used[cid]
    base = re.sub(r"[^A-Za-z0-9_]", "_", cid) or "n"
    if base[0].isdigit():
        base = "n" + base
    if base in ("end", "graph", "subgraph", "flowchart", "style", "class"):
        base = base + "_"
    mid, k = base, 2
    while mid in used.values():
        mid, k = f"{base}_{k}", k + 1
    used[cid] = mid
    return mid


def to_mermaid(model: Model, direction: Literal["LR", "TD"] = "LR") -> str:
    """A Mermaid flowchart; negative links are drawn dotted."""
    used: dict[str, str] = {}
    lines = [f"flowchart {direction}"]
    for c in model.concepts:
        lab = c.label.replace('"', "#quot;")
        lines.append(f'    {_mermaid_id(c.id, used)}["{lab}"]')
    for e in model.edges:
        arrow = "-.->" if e.weight < 0 else "-->"
        lines.append(f'    {_mermaid_id(e.cause, used)} {arrow}|"{_num(e.weight)}"| {_mermaid_id(e.effect, used)}')
    return "\n".join(lines)


def to_csv(model: Model) -> str:
    """Mental Modeler's CSV adjacency matrix (rows cause, columns effect, labelled)."""
    idx = {c.id: i for i, c in enumerate(model.concepts)}
    n = len(idx)
    M = [["0"] * n for _ in range(n)]
    for e in model.edges:
        M[idx[e.cause]][idx[e.effect]] = _num(e.weight)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([""] + [c.label for c in model.concepts])
    for c, row in zip(model.concepts, M):
        w.writerow([c.label] + row)
    return buf.getvalue()


def _ids_for(labels: list[str]) -> list[str]:
    ids, seen = [], set()
    for lab in labels:
        cid = slugify(lab, seen)
        seen.add(cid)
        ids.append(cid)
    return ids


def from_csv(text: str, *, source: str = "CSV") -> Model:
    """Read a labelled adjacency matrix (Mental Modeler's CSV).

    The first row holds the effect labels (its first cell is ignored), each further
    row a cause label and its weights. Row order may differ from column order.
    """
    try:
        rows = [r for r in csv.reader(io.StringIO(text.lstrip("\ufeff"))) if any(x.strip() for x in r)]
    except csv.Error as exc:
        raise InputError(f"{source}: not a CSV file ({exc})") from None
    if not rows:
        raise InputError(f"{source}: empty CSV")
    header = [h.strip() for h in rows[0][1:]]
    while header and not header[-1]:
        header.pop()
    if not header or any(not h for h in header):
        raise InputError(f"{source}: the first row must hold the concept labels")
    if len(set(header)) != len(header):
        dup = next(h for h in header if header.count(h) > 1)
        raise InputError(f"{source}: concept {dup!r} appears twice in the first row")
    col = {h: i for i, h in enumerate(header)}
    body = rows[1:]
    row_labels = [r[0].strip() for r in body]
    if sorted(row_labels) != sorted(header):
        extra = sorted(set(row_labels) ^ set(header))
        raise InputError(
            f"{source}: not a square adjacency matrix (row and column labels differ: {', '.join(map(repr, extra[:3]))})"
        )
    ids = _ids_for(header)
    concepts = [ModelConcept(id=i, label=h) for i, h in zip(ids, header)]
    edges = []
    for lineno, r in enumerate(body, start=2):
        cause = col[r[0].strip()]
        cells = r[1:]
        if len([c for c in cells if c.strip()]) and len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            raise InputError(f"{source}: line {lineno} has more cells than there are concepts")
        for j, cell in enumerate(cells[: len(header)]):
            cell = cell.strip()
            if not cell:
                continue
            try:
                w = float(cell)
            except ValueError:
                raise InputError(f"{source}: line {lineno}, column {j + 2}: {cell!r} is not a number") from None
            if w == 0:
                continue
            if not -1 <= w <= 1:
                raise InputError(f"{source}: line {lineno} ({header[cause]} -> {header[j]}): weight {w} is outside [-1, 1]")
            edges.append(Edge(cause=ids[cause], effect=ids[j], weight=w))
    return Model(concepts=concepts, edges=edges)


def from_graphml(text: str, *, source: str = "GraphML") -> Model:
    """Read GraphML (ours, or any with a ``weight`` or ``sign`` edge attribute; default weight 1)."""
    try:
        G = nx.parse_graphml(text)
    except Exception as exc:  # networkx raises several XML error types
        raise InputError(f"{source}: not readable GraphML ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})") from None
    if not G.is_directed():
        G = G.to_directed()
    concepts = []
    for n, d in G.nodes(data=True):
        aliases = []
        if d.get("aliases"):
            try:
                aliases = list(json.loads(d["aliases"]))
            except (ValueError, TypeError):
                aliases = []
        init = d.get("initial")
        concepts.append(
            ModelConcept(
                id=str(n),
                label=str(d.get("label") or d.get("name") or n),
                description=d.get("description"),
                initial=float(init) if init is not None else None,
                aliases=aliases,
            )
        )
    edges = []
    for u, v, d in G.edges(data=True):
        if "weight" in d:
            w = float(d["weight"])
        elif "sign" in d:
            w = float(d["sign"])
        else:
            w = 1.0
        if not -1 <= w <= 1:
            raise InputError(f"{source}: edge {u} -> {v}: weight {w} is outside [-1, 1]")
        evidence = []
        if d.get("evidence"):
            try:
                evidence = [EdgeEvidence.model_validate(x) for x in json.loads(d["evidence"])]
            except Exception:
                raise InputError(f"{source}: edge {u} -> {v}: evidence attribute is not cogmap evidence JSON") from None
        edges.append(Edge(cause=str(u), effect=str(v), weight=w, evidence=evidence))
    title = G.graph.get("title")
    return Model(title=title, concepts=concepts, edges=edges)


_WRITERS = {"graphml": to_graphml, "gexf": to_gexf, "dot": to_dot, "mermaid": to_mermaid, "csv": to_csv}


def export(model: Model, fmt: str) -> str:
    """The model in one of :data:`FORMATS`, as text."""
    f = fmt.lower()
    if f not in _WRITERS:
        raise InputError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    return _WRITERS[f](model)


#: What ``cogmap import`` reads, as its messages say it.
_READS = "import reads an adjacency-matrix CSV or GraphML"

#: Suffixes of formats ``import`` does not read, named as a user knows them.
_NOT_IMPORTED = {".dot": "DOT", ".gv": "DOT", ".gexf": "GEXF", ".mmd": "Mermaid", ".mermaid": "Mermaid",
                 ".xlsx": "an Excel workbook (save the sheet as CSV)", ".xls": "an Excel workbook (save the sheet as CSV)",
                 ".ods": "a spreadsheet (save the sheet as CSV)", ".png": "an image", ".svg": "an image",
                 ".pdf": "a PDF", ".html": "a web page", ".htm": "a web page"}

_DOT_START = re.compile(r"(?:strict\s+)?(?:di)?graph\b[^{\n]*\{", re.IGNORECASE)
_MERMAID_START = re.compile(r"(?:flowchart|graph)\s+(?:LR|RL|TD|TB|BT)\b")


def _not_imported(p: Path, text: str) -> None:
    """Refuse, in one line, a file whose suffix or first bytes say it is a format ``import`` does not read."""
    suffix = p.suffix.lower()
    head = text.lstrip()[:4096]
    if suffix in _NOT_IMPORTED:
        raise InputError(f"{p}: {_READS}, not {_NOT_IMPORTED[suffix]}")
    if suffix in (".yaml", ".yml", ".json") or head.startswith(("{", "[")) or re.match(r"schema:\s*['\"]?cogmap\.", head):
        _refuse_structured(p, text, suffix)
    if head.startswith("<") and re.search(r"<gexf\b", head):
        raise InputError(f"{p}: {_READS}, not GEXF")
    if _DOT_START.match(head):
        raise InputError(f"{p}: {_READS}, not DOT")
    if _MERMAID_START.match(head):
        raise InputError(f"{p}: {_READS}, not Mermaid")


def _refuse_structured(p: Path, text: str, suffix: str) -> None:
    import yaml

    kind = "JSON" if suffix == ".json" or text.lstrip().startswith(("{", "[")) else "YAML"
    try:
        data = json.loads(text) if kind == "JSON" else yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (ValueError, yaml.YAMLError, RecursionError):
        data = None
    schema = data.get("schema") if isinstance(data, dict) else None
    if schema == "cogmap.model/1" or (isinstance(data, dict) and schema is None and {"concepts", "edges"} <= data.keys()):
        raise InputError(f"{p}: is a cogmap model already; use it as it is")
    if schema == "cogmap.document/1":
        raise InputError(f"{p}: is a cogmap document, not a matrix; build its model with: cogmap map {p} -o model.yaml")
    raise InputError(f"{p}: {_READS}, not {kind}")


def import_model(path) -> Model:
    """Read an adjacency-matrix CSV (``.csv``) or GraphML (``.graphml``/``.xml``) file.

    Any other file is read as CSV, unless its suffix or first bytes name a format
    ``import`` does not read (DOT, GEXF, Mermaid, YAML/JSON, a cogmap model or
    document, a spreadsheet): that is one :class:`InputError` naming it.
    """
    p = Path(path)
    if p.is_dir():  # (read_limited would suggest `cogmap add`, which reads articles, not matrices)
        raise InputError(f"{p}: is a folder; {_READS} file")
    suffix = p.suffix.lower()
    if suffix in _NOT_IMPORTED:  # named by its suffix: no need to read (or decode) it
        read_limited(p, what="a matrix")  # (a missing file is still "no such file")
        raise InputError(f"{p}: {_READS}, not {_NOT_IMPORTED[suffix]}")
    data = read_limited(p, what="a matrix")
    try:
        text = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError:
        what = "a binary file" if b"\x00" in data[:8192] else "not UTF-8 text"
        raise InputError(f"{p}: {what}; {_READS} (UTF-8 text)") from None
    if suffix == ".csv":
        return from_csv(text, source=str(p))
    if suffix in (".graphml", ".xml"):
        return from_graphml(text, source=str(p))
    _not_imported(p, text)
    if text.lstrip().startswith("<"):
        return from_graphml(text, source=str(p))
    try:
        return from_csv(text, source=str(p))
    except InputError as exc:
        # Not named .csv and no matrix: say what import wanted, then where the CSV reading failed.
        raise InputError(f"{p}: {_READS}; read as CSV, {str(exc).removeprefix(f'{p}: ')}") from None
