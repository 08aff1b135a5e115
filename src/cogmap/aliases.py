"""An analyst's alias file: which wordings name one concept, and which must stay apart.

The file is YAML (``docs/aliases.md``)::

    concepts:
      - label: Western tank deliveries
        aliases: [send tanks, incoming tanks, heavy tanks, Leopard tanks]
    keep_apart:
      - [oil prices, food prices]

A wording matches an entry when both are equal after :func:`normalize` (the rule
by which :func:`cogmap.model.model.normalize_label` merges labels across
documents). Extraction (:class:`cogmap.extract.concepts.ConceptMerger`) and
mapping (:func:`cogmap.model.model.from_documents`, ``Store.map``) apply the same
file, so a merge fixed once holds for one article and for a whole corpus.

It sits at the package root, beside :mod:`cogmap.records`, because both
``extract`` and ``model`` read it and neither may import the other.

Examples
--------
>>> a = Aliases.from_dict({"concepts": [{"label": "Western tank deliveries",
...                                      "aliases": ["send tanks", "Leopard tanks"]}],
...                        "keep_apart": [["oil prices", "food prices"]]})
>>> a.entry_for("the Leopard tanks").label
'Western tank deliveries'
>>> a.apart(["Oil prices"], ["food prices"])
True
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Optional, Union

from cogmap.errors import InputError

__all__ = ["Aliases", "Entry", "load_aliases", "normalize", "slug"]

_ARTICLE = re.compile(r"^(the|a|an)\s+")
#: An alias file is a few hundred lines at most; a bigger file is a mistake.
MAX_BYTES = 5 * 1024 * 1024


def normalize(text: str) -> str:
    """The form under which wordings and labels are compared.

    Lower case, Unicode-normalized, punctuation dropped, spaces collapsed, a
    leading article removed.

    >>> normalize("  The Western  Tanks!")
    'western tanks'
    """
    s = unicodedata.normalize("NFKC", text).casefold()
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return _ARTICLE.sub("", s)


def slug(label: str, taken: Iterable[str] = ()) -> str:
    """A concept's identifier, made from its label; ``_2``, ``_3``, ... if ``taken`` has it.

    One rule for a document's concepts and a model's, so that an id read in
    ``cogmap extract`` output is the id to give ``cogmap simulate --set``. Accents go
    (an id is typed), letters of other scripts stay (an id of only "_" helps nobody),
    apostrophes vanish rather than split a word.

    >>> slug("Putin’s legitimacy")
    'putins_legitimacy'
    >>> slug("Babiš's coalition", taken={"babiss_coalition"})
    'babiss_coalition_2'
    >>> slug("инфляция")
    'инфляция'
    """
    s = "".join(ch for ch in unicodedata.normalize("NFKD", label) if not unicodedata.combining(ch))
    s = normalize(re.sub(r"['’]", "", s))
    base = re.sub(r"\W+", "_", s).strip("_") or "concept"
    cid, k = base, 2
    while cid in taken:
        cid, k = f"{base}_{k}", k + 1
    return cid


@dataclass(frozen=True)
class Entry:
    """One concept of the file: its label and the wordings it covers (the label among them)."""

    label: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Aliases:
    """A parsed alias file; build it with :func:`load_aliases` or :meth:`from_dict`.

    Frozen and made of tuples, so it pickles to the worker processes of ``cogmap add``.
    """

    entries: tuple[Entry, ...] = ()
    keep_apart: tuple[tuple[str, str], ...] = ()
    source: str = "aliases"
    _by_key: dict = field(default_factory=dict, compare=False, repr=False)
    _partners: dict = field(default_factory=dict, compare=False, repr=False)
    _sides: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for k, e in enumerate(self.entries):
            for w in (e.label, *e.aliases):
                self._by_key[normalize(w)] = k
        for a, b in self.keep_apart:
            ka, kb = normalize(a), normalize(b)
            self._sides.setdefault(ka, a)
            self._sides.setdefault(kb, b)
            self._partners.setdefault(ka, set()).add(kb)
            self._partners.setdefault(kb, set()).add(ka)

    # -- reading --------------------------------------------------------------------
    @classmethod
    def from_dict(cls, data, *, source: str = "aliases") -> "Aliases":
        """Check and build from the parsed YAML; every mistake is one :class:`InputError` line."""
        if data is None:
            data = {}  # an empty file: it names no concept, said below
        if not isinstance(data, dict):
            raise InputError(f"{source}: expected a mapping with 'concepts' and/or 'keep_apart', "
                             f"found {_kind(data)}")
        unknown = sorted(str(k) for k in data if k not in ("concepts", "keep_apart"))
        if unknown:
            raise InputError(f"{source}: unknown key {unknown[0]!r}; the keys are 'concepts' and 'keep_apart'")
        concepts = data.get("concepts") or []
        apart = data.get("keep_apart") or []
        if not isinstance(concepts, list):
            raise InputError(f"{source}: 'concepts' must be a list of entries with a label and aliases")
        if not isinstance(apart, list):
            raise InputError(f"{source}: 'keep_apart' must be a list of pairs of wordings")
        if not concepts and not apart:
            raise InputError(f"{source}: names no concept: give 'concepts' (a label and its aliases) "
                             "or 'keep_apart' pairs")
        entries: list[Entry] = []
        owner: dict[str, str] = {}  # normalized wording -> the label that covers it
        for n, item in enumerate(concepts, 1):
            where = f"{source}: concept {n}"
            if not isinstance(item, dict):
                raise InputError(f"{where}: expected 'label' and 'aliases', found {_kind(item)}")
            extra = sorted(str(k) for k in item if k not in ("label", "aliases"))
            if extra:
                raise InputError(f"{where}: unknown key {extra[0]!r}; an entry has 'label' and 'aliases'")
            label = _wording(item.get("label"), f"{where}: no label")
            words = item.get("aliases")
            if isinstance(words, str):
                words = [words]
            if not isinstance(words, list) or not words:
                raise InputError(f"{where} ({label!r}): no wordings: list them under 'aliases'")
            words = [_wording(w, f"{where} ({label!r}): an empty alias") for w in words]
            for w in [label, *words]:
                k = normalize(w)
                if owner.get(k, label) != label:
                    raise InputError(f"{source}: {w!r} is under two labels, {owner[k]!r} and {label!r}")
                owner[k] = label
            if any(e.label == label for e in entries):
                raise InputError(f"{source}: the label {label!r} has two entries; put its aliases in one")
            entries.append(Entry(label=label, aliases=tuple(dict.fromkeys(words))))
        pairs: list[tuple[str, str]] = []
        for n, item in enumerate(apart, 1):
            where = f"{source}: keep_apart {n}"
            if not isinstance(item, list) or len(item) != 2:
                raise InputError(f"{where}: expected a pair of wordings, like [oil prices, food prices]")
            a, b = (_wording(w, f"{where}: an empty wording") for w in item)
            if normalize(a) == normalize(b):
                raise InputError(f"{where}: {a!r} and {b!r} are one wording")
            la, lb = owner.get(normalize(a)), owner.get(normalize(b))
            if la is not None and la == lb:
                raise InputError(f"{source}: {a!r} and {b!r} are kept apart, yet the entry {la!r} joins them")
            pairs.append((a, b))
        return cls(entries=tuple(entries), keep_apart=tuple(pairs), source=source)

    @classmethod
    def coerce(cls, value: Union["Aliases", dict, str, os.PathLike, None]) -> Optional["Aliases"]:
        """An :class:`Aliases` from itself, a dict of the file's shape, or the path of a file."""
        if value is None or isinstance(value, Aliases):
            return value
        if isinstance(value, dict):
            return cls.from_dict(value)
        if isinstance(value, (str, os.PathLike)):
            return load_aliases(value)
        raise InputError(f"aliases: expected a file, a dict or Aliases, not {type(value).__name__}")

    # -- asking -----------------------------------------------------------------------
    def entry_for(self, wording: str) -> Optional[Entry]:
        """The entry that covers ``wording``, if any."""
        k = self._by_key.get(normalize(wording))
        return None if k is None else self.entries[k]

    def entry_index(self, wordings: Iterable[str]) -> Optional[int]:
        """The index of the first entry that covers one of ``wordings``."""
        for w in wordings:
            k = self._by_key.get(normalize(w))
            if k is not None:
                return k
        return None

    def apart(self, a: Iterable[str], b: Iterable[str]) -> bool:
        """Whether a wording of ``a`` and one of ``b`` are a ``keep_apart`` pair."""
        if not self._partners:
            return False
        kb = {normalize(w) for w in b}
        return any(self._partners.get(normalize(w), frozenset()) & kb for w in a)

    def apart_side(self, wording: str) -> Optional[str]:
        """The file's own wording of the ``keep_apart`` side that ``wording`` matches."""
        return self._sides.get(normalize(wording))


def load_aliases(path: str | os.PathLike) -> Aliases:
    """Read and check an alias file.

    Raises
    ------
    InputError
        The file is missing, not YAML, names no concept, or contradicts itself (one
        wording under two labels, a ``keep_apart`` pair that an entry joins); the
        message is one line that names the file.
    """
    from cogmap.files import read_yaml

    return Aliases.from_dict(read_yaml(path, MAX_BYTES, what="an alias file"), source=str(path))


def _wording(value, message: str) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not normalize(value):
        raise InputError(message)
    return value.strip()


def _kind(value) -> str:
    if value is None:
        return "nothing"
    return {"list": "a list", "str": "a string", "int": "a number", "float": "a number",
            "bool": "true/false"}.get(type(value).__name__, type(value).__name__)
