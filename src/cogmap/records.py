"""Typed records that flow through the pipeline: schema ``cogmap.document/1``.

Every stage (``ingest -> clean -> structure -> claims -> concepts -> forecasts``)
takes a :class:`Document` and returns it with one more layer filled in. The JSON
form (``Document.to_json()``) is the documented interchange format; see
``docs/schema.md`` and ``docs/document.schema.json``.

Examples
--------
>>> ev = Evidence(text="b", start=1, end=2)
>>> ev.model_dump()
{'text': 'b', 'start': 1, 'end': 2}
"""

from __future__ import annotations

import json
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "SCHEMA",
    "Evidence",
    "Turn",
    "Quote",
    "Concept",
    "Mention",
    "Claim",
    "Forecast",
    "Document",
    "denials_apart",
]

SCHEMA = "cogmap.document/1"

TurnKind = Literal["question", "answer", "narration"]
Modality = Literal["asserted", "likely", "possible", "conditional", "negated", "counterfactual"]
Tense = Literal["past", "present", "future"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Evidence(_Record):
    """The exact words that support a claim: ``document.text[start:end] == text``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Turn(_Record):
    """A stretch of the text spoken or written by one party."""

    kind: TurnKind
    speaker: Optional[str] = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Quote(_Record):
    """Words attributed to a speaker, directly (in quotation marks) or as a Q&A answer."""

    speaker: Optional[str] = None
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Concept(_Record):
    """A variable of the map: a short noun phrase and the wordings merged into it."""

    id: str
    label: str
    aliases: list[str] = Field(default_factory=list)


class Mention(_Record):
    """One side of a claim: the merged concept and the words as written."""

    concept: str
    label: str
    text: str
    #: ``-1`` when the words name the concept's opposite ("unemployment" of the concept
    #: employment, "delegitimized" of legitimacy), else ``1``. The claim's polarity is as
    #: the words state it; :attr:`Claim.link_polarity` is the sign between the concepts.
    sign: Literal[1, -1] = 1


class Claim(_Record):
    """``cause -> effect`` with a sign, a hedge and its evidence."""

    id: str
    cause: Mention
    effect: Mention
    #: ``1`` raises, ``-1`` lowers, as the words of ``cause`` and ``effect`` state it.
    polarity: Literal[1, -1]
    modality: Modality = "asserted"
    tense: Tense = "present"
    probability: Optional[float] = Field(default=None, ge=0.0, le=1.0)
    speaker: Optional[str] = None
    evidence: Evidence
    #: How sure the learned reader is of the link (0-1); ``None`` from the rules.
    confidence: Optional[float] = Field(default=None, ge=0.0, le=1.0)
    #: Who found it when a language model read the article too (``--llm``):
    #: ``llm:<model>``, the offline extractor (``learned``, ``rules``), or both joined
    #: by ``+``; ``None`` when only the offline extractor ran.
    extractor: Optional[str] = None

    @property
    def link_polarity(self) -> int:
        """The sign between the two concepts, which a map draws: :attr:`polarity` (as the
        words state it) turned once for each side worded as its concept's opposite.

        >>> ev = Evidence(text="Tariffs raise unemployment.", start=0, end=27)
        >>> c = Claim(id="c1", cause=Mention(concept="tariffs", label="tariffs", text="Tariffs"),
        ...           effect=Mention(concept="employment", label="employment", text="unemployment", sign=-1),
        ...           polarity=1, evidence=ev)
        >>> c.polarity, c.link_polarity
        (1, -1)
        """
        return self.polarity * self.cause.sign * self.effect.sign


class Forecast(_Record):
    """A statement about what will or will not happen, with a probability."""

    id: str
    statement: str
    concepts: list[str] = Field(default_factory=list)
    probability: float = Field(ge=0.0, le=1.0)
    hedge: str
    horizon: Optional[str] = None
    condition: Optional[str] = None
    speaker: Optional[str] = None
    evidence: Evidence
    #: As :attr:`Claim.extractor`.
    extractor: Optional[str] = None
    #: Where the piece states the same forecast again, in its headline: the words kept, the
    #: forecast counted once (a ledger that scores an expert must not score one call twice).
    restated: list[Evidence] = Field(default_factory=list)


def denials_apart(claims: list[Claim], denials: list[Claim] = ()) -> tuple[list[Claim], list[Claim]]:
    """The claims a text makes and the links it denies, each in order of evidence and
    numbered anew (``c1``..., ``d1``...).

    A denial is kept apart rather than dropped: an analyst coding the piece wants to see
    that an expert rejects a link (Axelrod's maps code it as "no effect"), but a reader of
    ``claims``, a map above all, must not draw it.

    >>> ev = Evidence(text="Fees did not raise rents.", start=0, end=25)
    >>> side = lambda w: Mention(concept=w, label=w, text=w)
    >>> c = Claim(id="c1", cause=side("fees"), effect=side("rents"), polarity=1, modality="negated", evidence=ev)
    >>> claims, denials = denials_apart([c])
    >>> len(claims), denials[0].id
    (0, 'd1')
    """
    kept = [c for c in claims if c.modality != "negated"]
    denied = [*denials, *(c for c in claims if c.modality == "negated")]
    for prefix, group in (("c", kept), ("d", denied)):
        group.sort(key=lambda c: (c.evidence.start, c.evidence.end))
        for n, c in enumerate(group, 1):
            c.id = f"{prefix}{n}"
    return kept, denied


def _lists_documents(raw: bytes) -> bool:
    try:
        data = json.loads(raw)
    except ValueError:
        return False
    return isinstance(data, list) and bool(data) and isinstance(data[0], dict) and data[0].get("schema") == SCHEMA


class Document(_Record):
    """One article and everything cogmap found in it."""

    schema_: Literal["cogmap.document/1"] = Field(default=SCHEMA, alias="schema")
    source: str
    title: Optional[str] = None
    date: Optional[str] = None
    text: str
    removed: list[str] = Field(default_factory=list)
    turns: list[Turn] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    concepts: list[Concept] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    #: Links the text denies ("the curfew did not cause the shortages"), modality
    #: ``negated``: kept with their quotes, apart from the claims, so that nothing that
    #: reads ``claims`` takes a denial for a link (:func:`denials_apart`).
    denials: list[Claim] = Field(default_factory=list)
    forecasts: list[Forecast] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_dict(self) -> dict:
        """The ``cogmap.document/1`` JSON object as Python data."""
        return self.model_dump(by_alias=True)

    def to_json(self, indent: int | None = 2) -> str:
        """The ``cogmap.document/1`` JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict) -> "Document":
        """Validate and load a ``cogmap.document/1`` object."""
        return cls.model_validate(data)

    @classmethod
    def load(cls, path, data: Optional[bytes] = None) -> "Document":
        """Read a ``cogmap.document/1`` file (the output of ``cogmap extract --format json``).

        A file that is not one raises :class:`~cogmap.errors.InputError` naming the
        first field that fails, in one line.

        >>> import cogmap, tempfile, os
        >>> path = os.path.join(tempfile.mkdtemp(), "doc.json")
        >>> _ = open(path, "w").write(cogmap.extract("Higher rates reduce demand.").to_json())
        >>> [c.effect.label for c in Document.load(path).claims]
        ['demand']
        >>> Document.load(path, b'{"text": "x"}')
        Traceback (most recent call last):
        ...
        cogmap.errors.InputError: ...: not a cogmap.document/1 file (the output of cogmap extract --format json): source: Field required
        """
        from pydantic import ValidationError

        from cogmap.errors import InputError
        from cogmap.files import read_limited

        # (the limit, missing paths, folders and devices as every other reader of a file says them)
        raw = data if data is not None else read_limited(path)
        try:
            doc = cls.model_validate_json(raw)
        except ValidationError as exc:
            if _lists_documents(raw):
                raise InputError(f"{path}: holds a list of documents (cogmap extract of several files); "
                                 "give each file's JSON on its own") from None
            first = exc.errors()[0]
            where = ".".join(str(x) for x in first.get("loc", ())) or "the top level"
            raise InputError(f"{path}: not a cogmap.document/1 file (the output of cogmap extract --format json): "
                             f"{where}: {first.get('msg', 'invalid')}") from None
        wrong = doc.first_problem()
        if wrong:
            raise InputError(f"{path}: {wrong}; a document's quotes must be its own text (extract the article again)")
        return doc

    def first_problem(self) -> Optional[str]:
        """What first breaks the promise every record makes, that its offsets slice
        :attr:`text` to its quote and its sides name concepts of the document; ``None``
        when nothing does. A document written by hand, or edited, is checked by this
        before it is stored: one forged offset would fail every map drawn from the store.

        >>> Document(source="x", text="Rates cut demand.", quotes=[Quote(text="cut", start=6, end=9)]).first_problem()
        >>> Document(source="x", text="Rates cut demand.", quotes=[Quote(text="cut", start=9, end=6)]).first_problem()
        'quotes[0]: text[9:6] is not its words'
        """
        n = len(self.text)
        spans = [(f"turns[{i}]", t, None) for i, t in enumerate(self.turns)]
        spans += [(f"quotes[{i}]", q, q.text) for i, q in enumerate(self.quotes)]
        for name in ("claims", "denials", "forecasts"):
            spans += [(f"{name}[{i}].evidence", r.evidence, r.evidence.text) for i, r in enumerate(getattr(self, name))]
        for where, span, words in spans:
            if not span.start <= span.end <= n or words is not None and self.text[span.start:span.end] != words:
                return f"{where}: text[{span.start}:{span.end}] is not its words"
        known = {c.id for c in self.concepts}
        for name in ("claims", "denials"):
            for i, c in enumerate(getattr(self, name)):
                for side in ("cause", "effect"):
                    if getattr(c, side).concept not in known:
                        return f"{name}[{i}].{side}: concept {getattr(c, side).concept!r} is not among the concepts"
        return None

    @classmethod
    def from_json(cls, text: str) -> "Document":
        return cls.from_dict(json.loads(text))

    def speaker_of(self, pos: int) -> Optional[str]:
        """The speaker of the quote, else of the turn, that contains character ``pos``."""
        for q in self.quotes:
            if q.start <= pos < q.end:
                return q.speaker
        for t in self.turns:
            if t.start <= pos < t.end:
                return t.speaker
        return None

    def speaker_in(self, start: int, end: int) -> Optional[str]:
        """The speaker of a quote that overlaps ``[start, end)``, else of the turn at
        ``start``: a sentence that opens with a quotation mark is the quote's speaker's,
        though the mark itself lies outside the quoted words."""
        for q in self.quotes:
            if q.start < end and start < q.end and q.speaker:
                return q.speaker
        t = self.turn_at(start)
        return t.speaker if t else None

    def turn_at(self, pos: int) -> Optional[Turn]:
        for t in self.turns:
            if t.start <= pos < t.end:
                return t
        return None


def json_schema() -> dict:
    """The JSON Schema of ``cogmap.document/1`` (used by docs and tests)."""
    schema = Document.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://cogmap.invalid/schema/document-1.json"
    return schema


if __name__ == "__main__":  # python -m cogmap.records > docs/document.schema.json
    print(json.dumps(json_schema(), indent=2))
