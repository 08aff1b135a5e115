"""Causal models: schema ``cogmap.model/1``, loading, saving and building from documents.

A model is what the reasoning commands (``loops``, ``effect``, ``simulate``,
``stats``, ``export``) work on: a list of concepts and a list of signed, weighted
edges ``cause -> effect``, each edge carrying the evidence behind it (quotes with
source and character offsets when it came from a document, or the author's
rationale when written by hand). The file format is YAML or JSON and is meant to
be edited by hand; see ``docs/model.md``.

Examples
--------
>>> m = Model.from_dict({
...     "concepts": [{"id": "rates", "label": "interest rates"},
...                  {"id": "demand", "label": "housing demand"}],
...     "edges": [{"cause": "rates", "effect": "demand", "weight": -0.75}],
... })
>>> m.edges[0].sign
-1
>>> resolve_concept(m, "Housing Demand")
'demand'
"""

from __future__ import annotations

import difflib
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import ClassVar, TYPE_CHECKING, Iterable, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from cogmap.aliases import Aliases, normalize, slug as slugify  # (one rule for a document's ids and a model's)
from cogmap.errors import InputError
from cogmap.files import read_limited, write_atomic

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

    from cogmap.records import Document

__all__ = [
    "SCHEMA",
    "MODALITY_STRENGTH",
    "Model",
    "ModelConcept",
    "Edge",
    "EdgeEvidence",
    "Support",
    "load_model",
    "save_model",
    "from_documents",
    "to_networkx",
    "resolve_concept",
    "normalize_label",
    "slugify",
    "compare_models",
]

SCHEMA = "cogmap.model/1"

#: Hedge strength of a claim whose ``probability`` is not given, by modality.
MODALITY_STRENGTH: dict[str, float] = {
    "asserted": 1.0,
    "likely": 0.75,
    "possible": 0.5,
    "conditional": 0.6,
    "counterfactual": 0.4,
}


class _Record(BaseModel):
    # NaN and infinity are no weights or values: they would print as "+nan lowers".
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class ModelConcept(_Record):
    """A variable of the model.

    ``initial`` is the starting activation used by :func:`cogmap.model.simulate.simulate`
    (0 when omitted).
    """

    id: str = Field(min_length=1)
    label: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    description: Optional[str] = None
    initial: Optional[float] = None


class EdgeEvidence(_Record):
    """Why an edge exists: a quote located in a source, or a hand-written rationale.

    ``text`` is the quote (``source_text[start:end]`` when offsets are given);
    ``paragraph`` is 1-based, counting blocks separated by blank lines.
    """

    text: Optional[str] = None
    source: Optional[str] = None
    start: Optional[int] = Field(default=None, ge=0)
    end: Optional[int] = Field(default=None, ge=0)
    paragraph: Optional[int] = Field(default=None, ge=1)
    speaker: Optional[str] = None
    claim: Optional[str] = None
    modality: Optional[str] = None
    weight: Optional[float] = Field(default=None, ge=-1.0, le=1.0)
    rationale: Optional[str] = None

    @model_validator(mode="after")
    def _check(self) -> "EdgeEvidence":
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"evidence end {self.end} is before start {self.start}")
        return self


class Support(_Record):
    """How widely an edge is attested: distinct documents, speakers and claims."""

    documents: int = Field(default=0, ge=0)
    speakers: int = Field(default=0, ge=0)
    claims: int = Field(default=0, ge=0)


class Edge(_Record):
    """``cause -> effect`` with a weight in [-1, 1]; ``sign`` is derived from the weight.

    A hand-written edge may give only ``sign`` (its weight is then the sign).
    """

    cause: str
    effect: str
    weight: float = Field(ge=-1.0, le=1.0)
    sign: Literal[-1, 0, 1] = 0
    evidence: list[EdgeEvidence] = Field(default_factory=list)
    support: Optional[Support] = None

    @model_validator(mode="before")
    @classmethod
    def _weight_from_sign(cls, data):
        if isinstance(data, dict) and data.get("weight") is None and data.get("sign") in (-1, 1):
            data = dict(data)
            data["weight"] = float(data["sign"])
        return data

    @model_validator(mode="after")
    def _sign(self) -> "Edge":
        s = (self.weight > 0) - (self.weight < 0)
        if "sign" in self.model_fields_set and self.sign != s:
            raise ValueError(f"sign {self.sign} disagrees with weight {self.weight}")
        object.__setattr__(self, "sign", s)
        return self


class Model(_Record):
    """A causal map: concepts and signed weighted edges, schema ``cogmap.model/1``."""

    schema_: Literal["cogmap.model/1"] = Field(default=SCHEMA, alias="schema")
    title: Optional[str] = None
    description: Optional[str] = None
    sources: list[str] = Field(default_factory=list)
    concepts: list[ModelConcept] = Field(default_factory=list)
    edges: list[Edge] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @model_validator(mode="after")
    def _consistent(self) -> "Model":
        seen: set[str] = set()
        for c in self.concepts:
            if c.id in seen:
                raise ValueError(f"duplicate concept id {c.id!r}")
            seen.add(c.id)
        pairs: set[tuple[str, str]] = set()
        for i, e in enumerate(self.edges):
            for end in (e.cause, e.effect):
                if end not in seen:
                    near = difflib.get_close_matches(end, sorted(seen), n=3)
                    hint = f" (did you mean {', '.join(near)}?)" if near else ""
                    raise ValueError(
                        f"edge {i + 1} ({e.cause} -> {e.effect}) names unknown concept {end!r}{hint}"
                    )
            if (e.cause, e.effect) in pairs:
                raise ValueError(f"duplicate edge {e.cause} -> {e.effect}")
            pairs.add((e.cause, e.effect))
        return self

    # -- conversions -------------------------------------------------------------
    def to_dict(self) -> dict:
        """The ``cogmap.model/1`` object as plain Python data (``None`` fields and empty alias lists left out)."""
        d = self.model_dump(by_alias=True, exclude_none=True)
        for c in d.get("concepts", []):
            if not c.get("aliases"):
                c.pop("aliases", None)
        if not d.get("sources"):
            d.pop("sources", None)
        return d

    @classmethod
    def from_dict(cls, data, *, source: str = "model") -> "Model":
        """Validate a ``cogmap.model/1`` object; problems raise one-line :class:`InputError`."""
        if not isinstance(data, dict):
            raise InputError(f"{source}: not a cogmap.model/1 file (expected a mapping, got {type(data).__name__})")
        if "concepts" not in data and "edges" not in data:
            raise InputError(f"{source}: not a cogmap.model/1 file (no 'concepts' or 'edges')")
        schema = data.get("schema", SCHEMA)
        if schema == "cogmap.document/1":
            raise InputError(f"{source}: is a cogmap document, not a model; build its map with: "
                             f"cogmap map {source} -o model.yaml")
        if schema != SCHEMA:
            raise InputError(f"{source}: schema is {schema!r}, expected {SCHEMA!r}")
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise InputError(f"{source}: {_one_line(exc, data)}") from None

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    #: Above this many quotes, :meth:`to_yaml` writes the JSON form: JSON is valid YAML
    #: (1.2), loads with the same loader, and writes ~30x faster than block YAML.
    YAML_BLOCK_LIMIT: ClassVar[int] = 5000

    def to_yaml(self) -> str:
        import yaml

        quotes = sum(len(e.evidence) for e in self.edges)
        if quotes > self.YAML_BLOCK_LIMIT:
            # A corpus map this large is not edited by hand; keep `cogmap map --db` fast.
            return self.to_json(indent=1) + "\n"
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when available: large maps
        return yaml.dump(self.to_dict(), Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)

    @classmethod
    def load(cls, path) -> "Model":
        return load_model(path)

    def save(self, path) -> None:
        save_model(self, path)

    # -- lookups -----------------------------------------------------------------
    def concept(self, name: str) -> ModelConcept:
        """The concept named ``name`` (id, label or alias, case-insensitive)."""
        cid = resolve_concept(self, name)
        return next(c for c in self.concepts if c.id == cid)

    def label(self, cid: str) -> str:
        for c in self.concepts:
            if c.id == cid:
                return c.label
        return cid

    def to_networkx(self) -> "nx.DiGraph":
        return to_networkx(self)


def _one_line(exc: ValidationError, data) -> str:
    """The first validation problem as one line, with where it is in the file."""
    errs = exc.errors()
    first = errs[0]
    loc = list(first.get("loc", ()))
    where = ""
    for i, part in enumerate(loc):
        if isinstance(part, int) and i > 0 and loc[i - 1] in ("concepts", "edges"):
            item = None
            try:
                item = data[loc[i - 1]][part]
            except Exception:
                pass
            name = ""
            if isinstance(item, dict):
                if loc[i - 1] == "edges":
                    name = f" ({item.get('cause')} -> {item.get('effect')})"
                elif "id" in item:
                    name = f" ({item.get('id')})"
            where += f"{loc[i - 1][:-1]} {part + 1}{name}"
            rest = [str(p) for p in loc[i + 1 :] if not isinstance(p, int)]
            if rest:
                where += " " + ".".join(rest)
            break
    else:
        where = ".".join(str(p) for p in loc)
    msg = first.get("msg", "invalid")
    msg = msg.removeprefix("Value error, ")
    more = f" (and {len(errs) - 1} more problem{'s' if len(errs) > 2 else ''})" if len(errs) > 1 else ""
    if first.get("type") in ("less_than_equal", "greater_than_equal") and where.endswith("weight"):
        msg = f"weight {first.get('input')} is outside [-1, 1]"
        where = where[: -len(" weight")]
    return f"{where + ': ' if where else ''}{msg}{more}"


# -- files -----------------------------------------------------------------------
def read_text_file(path, encoding: str = "utf-8") -> str:
    """A model or matrix file's text; a missing or unreadable file is one clear InputError."""
    p = Path(path)
    data = read_limited(p, what="a model")
    try:
        # Newlines as text mode reads them, which the YAML and CSV readers were written for.
        return data.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError:
        what = "a binary file" if b"\x00" in data[:8192] else "not UTF-8 text"
        raise InputError(f"{p}: {what}; a model file is UTF-8 YAML or JSON (cogmap.model/1)") from None


def load_model(path) -> Model:
    """Read a ``cogmap.model/1`` YAML or JSON file.

    Parameters
    ----------
    path : str or Path

    Returns
    -------
    Model

    Raises
    ------
    InputError
        The file is missing, not YAML/JSON, not a model, or inconsistent (unknown
        concepts in edges, weights outside [-1, 1], duplicate ids); one line.
    """

    p = Path(path)
    try:
        return _load(p)
    except RecursionError:  # a file nested thousands of levels deep is no model
        raise InputError(f"{p}: nested too deeply to be a cogmap.model/1 file") from None


def _load(p: Path) -> Model:
    import yaml

    text = read_text_file(p)
    if not text.strip():
        raise InputError(f"{p}: is empty; a model file is YAML or JSON (cogmap.model/1)")
    if p.suffix.lower() in (".txt", ".text", ".html", ".htm", ".md") or text.lstrip().startswith("<"):
        raise InputError(f"{p}: this is an article, not a model; build one with: cogmap map {p} -o model.yaml")
    if p.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        # JSON is a subset of YAML, but the json module is ~50x faster on large maps
        try:
            return Model.from_dict(json.loads(text), source=str(p))
        except json.JSONDecodeError as exc:
            if p.suffix.lower() == ".json":
                raise InputError(f"{p}: not valid JSON at line {exc.lineno}, column {exc.colno}") from None
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        raise InputError(f"{p}: not valid YAML/JSON{at}") from None
    return Model.from_dict(data, source=str(p))


#: Suffixes of other formats, each with the ``cogmap export`` format that writes it (or None).
_NOT_A_MODEL_FILE = {"graphml": "graphml", "xml": "graphml", "gexf": "gexf", "dot": "dot", "gv": "dot",
                     "mmd": "mermaid", "csv": "csv", "html": None, "htm": None, "txt": None, "md": None,
                     "png": None, "svg": None, "pdf": None}


def check_model_path(path) -> Path:
    """``path`` as a :class:`~pathlib.Path`, if a model can be written there (not a ``.graphml``, say).

    >>> check_model_path("m.graphml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    cogmap.errors.InputError: m.graphml: a model file is .yaml or .json; for .graphml use `cogmap export ...`
    """
    p = Path(path)
    suffix = p.suffix.lower().lstrip(".")
    if suffix in _NOT_A_MODEL_FILE:
        # A model written as YAML under a .graphml name would fail in the tool it was meant for.
        fmt = _NOT_A_MODEL_FILE[suffix]
        raise InputError(f"{p}: a model file is .yaml or .json"
                         + (f"; for .{suffix} use `cogmap export MODEL --format {fmt} -o {p.name}`" if fmt else ""))
    return p


def save_model(model: Model, path) -> None:
    """Write ``model`` as JSON (``.json`` suffix) or YAML (anything else).

    YAML is for reading and editing by hand; for large corpus maps prefer JSON,
    which loads and saves dozens of times faster.
    """
    p = check_model_path(path)
    text = model.to_json() + "\n" if p.suffix.lower() == ".json" else model.to_yaml()
    write_atomic(p, text)  # all or nothing: a reader never sees half a model


# -- names -----------------------------------------------------------------------
def normalize_label(label: str) -> str:
    """The form under which labels are merged across documents.

    Lower case, Unicode-normalized, punctuation dropped, spaces collapsed, a
    leading article removed.

    >>> normalize_label("  The Western  Tanks!")
    'western tanks'
    """
    return normalize(label)  # one rule, shared with the alias file's matching


def resolve_concept(model: Model, name: str) -> str:
    """The id of the concept whose id, label or alias equals ``name`` (case-insensitive).

    Raises
    ------
    InputError
        No concept has that name; the message suggests close names.

    Examples
    --------
    >>> m = Model.from_dict({"concepts": [{"id": "t", "label": "tanks"}], "edges": []})
    >>> resolve_concept(m, "TANKS")
    't'
    """
    want = name.strip().casefold()
    for c in model.concepts:
        if c.id.casefold() == want or c.label.casefold() == want:
            return c.id
    norm = normalize_label(name)
    hits = [c.id for c in model.concepts if normalize_label(c.label) == norm or any(normalize_label(a) == norm for a in c.aliases)]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise InputError(f"{name!r} is ambiguous: it names {', '.join(repr(model.label(h)) for h in hits)}")
    scored = []
    for c in model.concepts:
        best = 0.0
        for n in [c.label, c.id, *c.aliases]:
            n = n.casefold()
            r = difflib.SequenceMatcher(None, want, n).ratio()
            if want and (want in n or n in want):
                r += 0.3
            best = max(best, r)
        if best >= 0.55:
            scored.append((-best, c.label))
    near = [lab for _, lab in sorted(scored)[:3]]
    hint = "; did you mean " + ", ".join(repr(n) for n in near) + "?" if near else ""
    raise InputError(f"no concept named {name!r}{hint}")


# -- building from documents ------------------------------------------------------
def _strength(claim) -> float:
    if claim.probability is not None:
        return float(claim.probability)
    return MODALITY_STRENGTH.get(claim.modality, 1.0)


def from_documents(
    docs: Iterable["Document"],
    *,
    combine: Literal["mean", "max", "sum"] = "mean",
    title: Optional[str] = None,
    aliases=None,
) -> Model:
    """Build a model from extracted documents.

    Each concept of each document becomes one model concept; concepts of different
    documents are merged when their labels are equal after :func:`normalize_label`,
    or when an alias file puts them under one label.
    Each claim (except ``negated`` ones, which are dropped) gives a signed weight
    ``link_polarity * strength`` (the sign between the concepts, not as worded), where
    strength is ``claim.probability`` when given, otherwise :data:`MODALITY_STRENGTH` of
    its modality.

    Parameters
    ----------
    docs : iterable of Document
    combine : {"mean", "max", "sum"}
        How claims about the same ``cause -> effect`` pair combine: ``mean`` of the
        signed weights (default; contradicting claims pull towards 0), ``max`` the
        one with the largest magnitude, ``sum`` capped to [-1, 1]. Every claim is
        kept as evidence, whatever the choice.
    title : str, optional
    aliases : Aliases, dict or path, optional
        An analyst's alias file (:mod:`cogmap.aliases`), applied to stored documents
        without extracting them again: a claim's side goes to the entry that covers
        its words as written, else its concept's label, else one of its concept's
        aliases; a document concept that joined both wordings of a ``keep_apart``
        pair is split again by the words of each claim. A negative wording
        ("unemployment" of the concept "employment") is matched by its concept,
        since its claims are already counted with the positive concept's sign.

    Returns
    -------
    Model
        Edges carry their evidence (quote, source, offsets, speaker, claim id) and
        :class:`Support` (distinct documents, speakers, claims). Claims whose cause
        and effect merge into the same concept are dropped (no self-loops).

    Examples
    --------
    >>> from cogmap.records import Document, Claim, Concept, Mention, Evidence
    >>> text = "Higher rates reduce demand."
    >>> doc = Document(source="a.txt", text=text,
    ...     concepts=[Concept(id="c1", label="higher rates"), Concept(id="c2", label="demand")],
    ...     claims=[Claim(id="k1", cause=Mention(concept="c1", label="higher rates", text="Higher rates"),
    ...                 effect=Mention(concept="c2", label="demand", text="demand"), polarity=-1,
    ...                 modality="likely", evidence=Evidence(text=text, start=0, end=len(text)))])
    >>> m = from_documents([doc])
    >>> [(e.cause, e.effect, e.weight) for e in m.edges]
    [('higher_rates', 'demand', -0.75)]
    """
    if combine not in ("mean", "max", "sum"):
        raise InputError(f"unknown combine rule {combine!r} (use mean, max or sum)")
    aliases = Aliases.coerce(aliases)
    by_norm: dict[str, ModelConcept] = {}
    used_ids: set[str] = set()
    edges: dict[tuple[str, str], list[tuple[float, EdgeEvidence, str, Optional[str]]]] = defaultdict(list)
    sources: list[str] = []

    def concept_for(label: str, aliases: Iterable[str] = ()) -> ModelConcept:
        key = normalize_label(label) or label
        c = by_norm.get(key)
        if c is None:
            cid = slugify(label, used_ids)
            used_ids.add(cid)
            c = ModelConcept(id=cid, label=label.strip() or cid)
            by_norm[key] = c
        for a in aliases:
            if a and a not in c.aliases and normalize_label(a) != key:
                c.aliases.append(a)
        return c

    def steered_label(dc) -> tuple[str, Optional[int]]:
        """The label a document's concept takes under the alias file, and its entry."""
        words = [a for a in dc.aliases if not _negative_of(a, dc.label)]
        k = aliases.entry_index([dc.label, *words])
        return (aliases.entries[k].label if k is not None else dc.label), k

    docs = list(docs)
    # Every wording each concept of the model gathers from all the documents: a keep_apart
    # pair can meet there though no one document joined it ("electricity demand" in one
    # article, "demand for homes" in another, each labelled "demand" by its own).
    gathered: dict[str, set[str]] = defaultdict(set)
    words_of: dict[int, set[str]] = {}  # a document concept's wordings, its claims' words included
    if aliases:
        for doc in docs:
            for dc in doc.concepts:
                words_of[id(dc)] = {dc.label, *dc.aliases}
            by_id = {dc.id: dc for dc in doc.concepts}
            for claim in doc.claims:
                for m in (claim.cause, claim.effect):
                    if m.text and m.concept in by_id:
                        words_of[id(by_id[m.concept])].add(m.text)
            for dc in doc.concepts:
                label = steered_label(dc)[0]
                gathered[normalize_label(label) or label].update(words_of[id(dc)])

    def met(label: str) -> set[str]:
        return gathered.get(normalize_label(label) or label, set())

    def steered(dc) -> ModelConcept:
        """A document's concept under the alias file: its entry's, else its own label."""
        label, k = steered_label(dc)
        sides = {aliases.apart_side(w) for w in words_of.get(id(dc), ())} - {None}
        if k is None and len(sides) == 1 and aliases.apart(sides, met(label)):
            # The concept would meet the other side of a pair there: it goes with the side
            # its own wordings name, and so do its other wordings ("weaker demand" beside
            # "demand for homes").
            label = next(iter(sides))
        # Wordings the file keeps apart from the concept's own stay out of its aliases;
        # their claims go to concepts of their own (mention_concept).
        own = [label, dc.label] + (list(aliases.entries[k].aliases) if k is not None else [])
        return concept_for(label, [a for a in dc.aliases if not aliases.apart([a], own)
                                   and not aliases.apart([a], dc.aliases) and not aliases.apart([a], met(label))])

    def mention_concept(m, dc) -> Optional[ModelConcept]:
        """Where the alias file sends one claim's side by its words, if elsewhere."""
        if not m.text or dc is None or _negative_of(m.text, dc.label):
            return None
        entry = aliases.entry_for(m.text)
        if entry is not None:
            return concept_for(entry.label, [m.text])
        side = aliases.apart_side(m.text)
        if side is not None and (aliases.apart([m.text], [dc.label, *dc.aliases])
                                 or aliases.apart([m.text], met(steered_label(dc)[0]))):
            return concept_for(side, [m.text])  # the documents joined what the file keeps apart
        return None

    for doc in docs:
        sources.append(doc.source)
        local: dict[str, ModelConcept] = {}
        by_id = {dc.id: dc for dc in doc.concepts}
        # A concept only a denial names is no node of the map: it would stand alone, as if
        # the text had named a variable and said nothing of it.
        kept = {m.concept for c in doc.claims if c.modality != "negated" for m in (c.cause, c.effect)} | \
            {cid for f in doc.forecasts for cid in f.concepts}
        denied = {m.concept for c in [*doc.claims, *doc.denials] if c.modality == "negated"
                  for m in (c.cause, c.effect)} - kept
        for dc in doc.concepts:
            if dc.id not in denied:
                local[dc.id] = steered(dc) if aliases else concept_for(dc.label, dc.aliases)
        for claim in doc.claims:
            if claim.modality == "negated":
                continue
            ends = []
            for m in (claim.cause, claim.effect):
                c = mention_concept(m, by_id.get(m.concept)) if aliases else None
                if c is None:
                    c = local.get(m.concept)
                if c is None:
                    c = local[m.concept] = concept_for(m.label or m.text)
                ends.append(c)
            cause, effect = ends
            if cause.id == effect.id:
                continue
            w = float(claim.link_polarity) * _strength(claim)
            speaker = claim.speaker or doc.speaker_of(claim.evidence.start)
            ev = EdgeEvidence(
                text=claim.evidence.text,
                source=doc.source,
                start=claim.evidence.start,
                end=claim.evidence.end,
                speaker=speaker,
                claim=claim.id,
                modality=claim.modality,
                weight=round(w, 6),
            )
            edges[(cause.id, effect.id)].append((w, ev, doc.source, speaker))

    out_edges = []
    for (a, b), items in edges.items():
        ws = [w for w, *_ in items]
        if combine == "mean":
            w = sum(ws) / len(ws)
        elif combine == "max":
            w = max(ws, key=abs)
        else:
            w = sum(ws)
        w = max(-1.0, min(1.0, round(w, 6)))
        support = Support(
            documents=len({s for *_, s, _ in items}),
            speakers=len({sp for *_, sp in items if sp}),
            claims=len(items),
        )
        out_edges.append(Edge(cause=a, effect=b, weight=w, evidence=[ev for _, ev, *_ in items], support=support))

    return Model(title=title, sources=list(dict.fromkeys(sources)), concepts=list(by_norm.values()), edges=out_edges)


_NEGATIVE_PREFIXES = ("non", "dis", "un", "in", "im", "il", "ir")


def _negative_of(wording: str, label: str) -> bool:
    """Whether ``wording`` is ``label`` with a negative prefix on one word, the way
    extraction labels "unemployment" as "employment" (:mod:`cogmap.extract.concepts`).

    >>> _negative_of("the non-payment of wages", "payment of wages"), _negative_of("heavy tanks", "tanks")
    (True, False)
    """
    w = re.sub(r"\bnon ", "non", normalize(wording)).split()
    lab = normalize(label).split()
    diff = [(a, b) for a, b in zip(w, lab) if a != b]
    return len(w) == len(lab) and len(diff) == 1 and any(diff[0][0] == p + diff[0][1] for p in _NEGATIVE_PREFIXES)


def to_networkx(model: Model, *, drop_zero: bool = False):
    """The model as a :class:`networkx.DiGraph`.

    Nodes are concept ids with ``label`` (and ``description``, ``initial`` when set);
    edges have ``weight``, ``sign`` and ``evidence`` (the list of :class:`EdgeEvidence`).

    >>> m = Model.from_dict({"concepts": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
    ...                      "edges": [{"cause": "a", "effect": "b", "sign": -1}]})
    >>> G = to_networkx(m)
    >>> G["a"]["b"]["weight"], G["a"]["b"]["sign"]
    (-1.0, -1)
    """
    import networkx as nx

    G = nx.DiGraph()
    for c in model.concepts:
        attrs = {"label": c.label}
        if c.description is not None:
            attrs["description"] = c.description
        if c.initial is not None:
            attrs["initial"] = c.initial
        G.add_node(c.id, **attrs)
    for e in model.edges:
        if drop_zero and e.weight == 0:
            continue
        G.add_edge(e.cause, e.effect, weight=e.weight, sign=e.sign, evidence=e.evidence)
    return G


# -- comparing a model with a reference ----------------------------------------------
_STOP = frozenset("a an the of in on to for and or with by from at as is are be its his her their our s".split())


def _tokens(name: str, ignore: frozenset = frozenset()) -> frozenset:
    out = set()
    for w in normalize_label(name).replace("_", " ").split():
        if w in _STOP or w in ignore:
            continue
        if len(w) > 4 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return frozenset(out)


def common_words(model: "Model", share: float = 0.25) -> frozenset:
    """Words in the names of at least ``share`` of a model's concepts (and of three): the
    map's protagonist ("Putin's legitimacy", "Putin's will to negotiate"), which tells no
    two of its concepts apart and so does not count when concepts are matched."""
    seen: dict[str, int] = {}
    for c in model.concepts:
        for w in set().union(*(_tokens(n) for n in [c.label, c.id.replace("_", " "), *c.aliases])):
            seen[w] = seen.get(w, 0) + 1
    floor = max(3, share * len(model.concepts))
    return frozenset(w for w, n in seen.items() if n >= floor)


def concepts_match(ref: ModelConcept, cand: ModelConcept, min_overlap: float = 0.5,
                   ignore: frozenset = frozenset()) -> bool:
    """Whether two concepts name one variable: a label or alias of each share content words
    (shared words over the smaller set, at least ``min_overlap``; words in ``ignore``, such
    as :func:`common_words` of the reference, do not count), as :func:`compare_models` reads it."""
    ref_names = [ref.label, ref.id.replace("_", " "), *ref.aliases]
    cand_names = [cand.label, *cand.aliases]
    for r in ref_names:
        tr = _tokens(r, ignore)
        for c in cand_names:
            tc = _tokens(c, ignore)
            if tr and tc and len(tr & tc) / min(len(tr), len(tc)) >= min_overlap:
                return True
    return False


def compare_models(reference: Model, candidate: Model, *, min_overlap: float = 0.5) -> dict:
    """How many of a reference model's edges a candidate model recovers, with their sign.

    Concepts match when the content words of a label or alias of one overlap those
    of the other by at least ``min_overlap`` (shared words over the smaller set;
    plurals folded; function words and the reference's :func:`common_words` ignored). A
    reference edge is recovered when some candidate edge joins a matching cause to
    a matching effect; ``signed`` counts those with the same sign.

    Returns
    -------
    dict
        ``edges``, ``recovered``, ``signed``, ``recall`` (recovered / edges),
        ``signed_recall``, ``concepts_matched`` and ``pairs`` (reference edge ->
        candidate edge) for the recovered ones.

    Examples
    --------
    >>> ref = Model.from_dict({"concepts": [{"id": "t", "label": "western tank deliveries"},
    ...                                     {"id": "n", "label": "will to negotiate", "aliases": ["negotiations"]}],
    ...                        "edges": [{"cause": "t", "effect": "n", "weight": -0.75}]})
    >>> cand = Model.from_dict({"concepts": [{"id": "a", "label": "Western tanks"}, {"id": "b", "label": "negotiations"}],
    ...                         "edges": [{"cause": "a", "effect": "b", "weight": -1}]})
    >>> r = compare_models(ref, cand)
    >>> r["recovered"], r["signed"], r["signed_recall"]
    (1, 1, 1.0)
    """
    ignore = common_words(reference)
    matches = {
        rc.id: {cc.id for cc in candidate.concepts if concepts_match(rc, cc, min_overlap, ignore)}
        for rc in reference.concepts
    }
    cand_edges = {(e.cause, e.effect): e for e in candidate.edges if e.weight != 0}
    recovered = signed = 0
    pairs = []
    for e in reference.edges:
        found = None
        for a in matches.get(e.cause, ()):
            for b in matches.get(e.effect, ()):
                ce = cand_edges.get((a, b))
                if ce is not None and (found is None or (ce.sign == e.sign and found.sign != e.sign)):
                    found = ce
        if found is not None:
            recovered += 1
            signed += found.sign == e.sign
            pairs.append(((e.cause, e.effect, e.sign), (found.cause, found.effect, found.sign)))
    n = len(reference.edges)
    return {
        "edges": n,
        "recovered": recovered,
        "signed": signed,
        "recall": recovered / n if n else 0.0,
        "signed_recall": signed / n if n else 0.0,
        "concepts_matched": sum(1 for v in matches.values() if v),
        "concepts": len(reference.concepts),
        "pairs": pairs,
    }
