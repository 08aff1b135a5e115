"""An analyst's review of a store's merged map: accept, reject, rename, merge, split, flip, add, undo.

Reviews are rows of the ``reviews`` table (:mod:`cogmap.corpus.schema`), each with who
made it and when. The documents and claims are never changed: :func:`apply_reviews`
replays the reviews, oldest first, over the map built from them, so the machine's
reading stays recoverable (``Store.map(reviewed=False)``, ``cogmap map --db STORE
--original``) and a review still holds after more documents are added. Concepts and
links are named by their labels, matched ignoring case and spacing (as the merged
map matches them), a renamed or merged concept also by its earlier labels. A split
takes one wording out of a concept the machine merged it into; it is applied when the
map is built, as a ``keep_apart`` pair of an alias file (:func:`split_aliases`). A review
that was a mistake is undone (:func:`undo_review`), not deleted: its row stays, marked
with who undid it and when, and the replay skips it.

Examples
--------
>>> from cogmap.model.model import Model
>>> m = Model.from_dict({"concepts": [{"id": "r", "label": "rates"}, {"id": "d", "label": "demand"}],
...                      "edges": [{"cause": "r", "effect": "d", "weight": 0.5}]})
>>> rows = [Review(1, "flip", "Rates", "demand", None, None, None, None, "misread", "ann", "2025-01-01T00:00:00+00:00")]
>>> out, marks = apply_reviews(m, rows)
>>> out.edges[0].weight, marks[("r", "d")]["status"]
(-0.5, 'flipped')
"""

from __future__ import annotations

import getpass
import unicodedata
from dataclasses import asdict, dataclass
from typing import Optional

from cogmap.errors import InputError
from cogmap.model.model import Model, normalize_label, slugify

__all__ = ["ACTIONS", "Review", "add_review", "undo_review", "reviews", "apply_reviews", "split_aliases", "describe",
           "reviewer_name", "concept_finder", "load_reviews", "replay"]

ACTIONS = ("accept", "reject", "rename", "merge", "split", "flip", "add")
#: Longest label, note and name a review keeps (characters).
MAX_LABEL, MAX_NOTE, MAX_WHO = 300, 2000, 100
#: Largest file of reviews :func:`load_reviews` reads (bytes): about 20,000 reviews.
MAX_FILE_BYTES = 10 * 1024 * 1024


@dataclass
class Review:
    """One stored review (a row of ``reviews``)."""

    id: int
    action: str
    cause: Optional[str]
    effect: Optional[str]
    concept: Optional[str]
    value: Optional[str]
    sign: Optional[int]
    weight: Optional[float]
    note: Optional[str]
    who: str
    at: str
    undone_by: Optional[str] = None
    undone_at: Optional[str] = None

    def to_dict(self) -> dict:
        return dict(asdict(self), summary=describe(self))


def describe(r: Review) -> str:
    """One line saying what a review did."""
    if r.action in ("accept", "reject", "flip"):
        verb = {"accept": "accepted", "reject": "rejected", "flip": "flipped the sign of"}[r.action]
        return f"{verb} {r.cause} \u2192 {r.effect}"
    if r.action == "rename":
        return f"renamed {r.concept} to {r.value}"
    if r.action == "merge":
        return f"merged {r.concept} into {r.value}"
    if r.action == "split":
        return f"split {r.value} off {r.concept}"
    return f"added {r.cause} {'raises' if (r.sign or 1) > 0 else 'lowers'} {r.effect}"


def reviews(store) -> list[Review]:
    """Every review of the store, oldest first, the undone ones too (``undone_at`` set)."""
    rows = store.conn.execute("SELECT id, action, cause, effect, concept, value, sign, weight, note, who, at,"
                              " undone_by, undone_at FROM reviews ORDER BY id")
    return [Review(*tuple(r)) for r in rows]


def _text(value, what: str, limit: int, required: bool = True) -> Optional[str]:
    text = " ".join(str(value).split()) if value is not None else ""
    if not text:
        if required:
            raise InputError(f"a review needs {what}")
        return None
    if len(text) > limit:
        raise InputError(f"{what} is longer than {limit} characters")
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in text):
        # A NUL or a lone surrogate cannot be written to every file the map goes to (YAML,
        # UTF-8): refused here rather than stored to break an export later.
        raise InputError(f"{what} holds a control character or a lone surrogate")
    return text


def add_review(store, action: str, *, cause=None, effect=None, concept=None, label=None, into=None, wording=None,
               sign=None, weight=None, note=None, who=None) -> Review:
    """Check a review against the store's reviewed map and store it with who and when.

    Parameters
    ----------
    store : cogmap.corpus.store.Store
        Open for writing.
    action : {"accept", "reject", "rename", "merge", "split", "flip", "add"}
    cause, effect : str
        A link's ends, as labels (accept, reject, flip, add; ``add`` may name new concepts).
    concept : str
        The concept to rename, merge or split, as a label.
    label : str
        Its new label (rename).
    into : str
        The concept it joins (merge).
    wording : str
        One of the concept's wordings (its aliases), to stand as a concept of its own (split).
    sign : 1 or -1 (required for add), weight : float in (0, 1]
        The added link's sign and size (add; size 1 by default).
    note, who : str
        Why, and who (the system's user name by default).

    Raises
    ------
    cogmap.errors.InputError
        For an unknown action, a link or concept the map does not have, or text too long.
    """
    from cogmap.corpus.queries import _now

    if action not in ACTIONS:
        raise InputError(f"unknown review action {action!r} (use {', '.join(ACTIONS)})")
    note = _text(note, "a note", MAX_NOTE, required=False)
    who = _text(who, "a name", MAX_WHO, required=False) or reviewer_name()
    model = store.map()
    find = concept_finder(model)
    value = None
    if action in ("accept", "reject", "flip", "add"):
        cause, effect = _text(cause, "a cause", MAX_LABEL), _text(effect, "an effect", MAX_LABEL)
        a, b = find(cause), find(effect)
        there = a is not None and b is not None and any(e.cause == a and e.effect == b for e in model.edges)
        if action != "add":
            if not there:
                raise InputError(f"the map has no link {cause} \u2192 {effect}")
        elif there:
            # Adding would replace the weight its quotes give: say what is meant instead.
            raise InputError(f"the map already has {cause} \u2192 {effect}: accept or flip it")
        else:
            if normalize_label(cause) == normalize_label(effect):
                raise InputError("a link needs two different concepts")
            if sign is None:
                raise InputError("an added link needs a sign: 1 (raises) or -1 (lowers)")
            sign = int(sign)
            if sign not in (1, -1):
                raise InputError("sign must be 1 or -1")
            weight = 1.0 if weight is None else float(weight)
            if not 0 < weight <= 1:
                raise InputError("weight must be above 0 and at most 1")
    else:
        concept = _text(concept, "a concept", MAX_LABEL)
        if find(concept) is None:
            raise InputError(f"the map has no concept {concept}")
        if action == "split":
            value = _text(wording, "the wording to split off", MAX_LABEL)
            concept = _split_from(store, model, find(concept), value)
        elif action == "rename":
            value = _text(label, "a new label", MAX_LABEL)
            other = find(value)
            if other is not None and other != find(concept):
                raise InputError(f"{value} is already a concept of the map: merge instead")
        else:
            value = _text(into, "the concept to merge into", MAX_LABEL)
            if find(value) is None:
                raise InputError(f"the map has no concept {value}")
            a, b = find(concept), find(value)
            if a == b:
                raise InputError("a concept cannot be merged into itself")
            linked = next((e for e in model.edges if {e.cause, e.effect} == {a, b}), None)
            if linked is not None:
                # The merge would drop that link without a word: a map that says one moves
                # the other holds two variables. If the link is the misreading, say so first.
                names = {c.id: c.label for c in model.concepts}
                raise InputError(f"the map links {names[linked.cause]} \u2192 {names[linked.effect]}, so they are "
                                 "two variables; reject that link first if it is a misreading, then merge")
    if action != "add":
        sign = weight = None
    at = _now()
    with store.transaction() as c:
        cur = c.execute(
            "INSERT INTO reviews (action, cause, effect, concept, value, sign, weight, note, who, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (action, cause if action not in _OF_CONCEPT else None, effect if action not in _OF_CONCEPT else None,
             concept if action in _OF_CONCEPT else None, value, sign, weight, note, who, at))
    return Review(cur.lastrowid, action, cause if action not in _OF_CONCEPT else None,
                  effect if action not in _OF_CONCEPT else None, concept if action in _OF_CONCEPT else None, value,
                  sign, weight, note, who, at)


_OF_CONCEPT = ("rename", "merge", "split")


def _split_from(store, model: Model, cid: str, wording: str) -> str:
    """The name of the concept, as the map is built before the reviews, that ``wording``
    is split off (a renamed concept is built under its former label); refuses a split
    that would do nothing: a wording the concept lacks, its own label, or an opposite
    ("unemployment" of "employment"), which the map already counts with its sign turned."""
    from cogmap.aliases import normalize

    c = next(c for c in model.concepts if c.id == cid)
    if normalize(wording) == normalize(c.label):
        raise InputError(f"{wording} is the label of {c.label}: split off one of its other wordings "
                         f"({'; '.join(c.aliases) or 'it has none'})")
    if not any(normalize(wording) == normalize(a) for a in c.aliases):
        raise InputError(f"{wording} is not a wording of {c.label} "
                         f"(its wordings: {'; '.join(c.aliases) or 'none but its label'})")
    done = reviews(store)
    key = normalize(wording)
    built = store.map(reviewed=False, aliases=split_aliases(done))
    if any(normalize(x.label) == key for x in built.concepts):
        raise InputError(f"{wording} is a concept of its own in the map as extracted; a merge review joined it "
                         f"to {c.label}: undo that review instead (`cogmap review list`)")
    owner = next((x for x in built.concepts if any(normalize(a) == key for a in x.aliases)), None)
    if owner is not None:
        pending = Review(0, "split", None, None, owner.label, wording, None, None, None, "", "")
        after = store.map(reviewed=False, aliases=split_aliases([*done, pending]))
        if any(normalize(x.label) == key for x in after.concepts):
            return owner.label
    raise InputError(f"{wording} is the opposite of {c.label}, whose links count it with the sign "
                     "turned; it cannot be split off (reject or flip those links instead)")


def undo_review(store, review_id, who=None) -> Review:
    """Undo the review numbered ``review_id``: the map is made again as if it had not been.

    The row stays, with who undid it and when (:func:`reviews` lists it); an undone
    review cannot be undone again: make it anew instead. Undo goes back one step at a
    time: a review that a later one (not undone) shares a concept with is refused,
    naming the later ones to undo first, so that no undo brings back a state that a
    review would have been refused in.

    Raises
    ------
    cogmap.errors.InputError
        For a review the store does not have, one already undone, or one with later
        reviews of the same concepts.
    """
    from cogmap.corpus.queries import _now

    if review_id is None:
        raise InputError("say which review to undo: its number (`cogmap review list` shows them)")
    try:
        review_id = int(review_id)
    except (TypeError, ValueError):
        raise InputError(f"a review is undone by its number, not {review_id!r}") from None
    who = _text(who, "a name", MAX_WHO, required=False) or reviewer_name()
    at = _now()
    with store.transaction() as c:
        row = None if not 0 < review_id < 2 ** 63 else c.execute(  # (SQLite's integers end there)
            "SELECT undone_by, undone_at FROM reviews WHERE id = ?", (review_id,)).fetchone()
        if row is None:
            raise InputError(f"the store has no review {review_id} (`cogmap review list` shows them)")
        if row[1] is not None:
            raise InputError(f"review {review_id} was undone by {row[0]} on {row[1][:10]}")
        done = [r for r in reviews(store) if r.undone_at is None]
        target = next(r for r in done if r.id == review_id)
        later = [r for r in done if r.id > review_id and _names(r) & _names(target)]
        if later:
            # Undone under a later review of the same concepts, the map could come back to a
            # state that review would have been refused in (a merge of two concepts a restored
            # link joins, an added link over one the map has), or the later one do nothing.
            raise InputError(f"review {review_id} ({describe(target)}) has later reviews of the same concepts: "
                             + "; ".join(f"{r.id} ({describe(r)})" for r in later[:5])
                             + ". Undo those first, the latest first")
        c.execute("UPDATE reviews SET undone_by = ?, undone_at = ? WHERE id = ?", (who, at, review_id))
    return next(r for r in reviews(store) if r.id == review_id)


def load_reviews(path) -> list[dict]:
    """The reviews of a file: the JSON that ``cogmap review list --format json`` writes,
    or a YAML list of the same fields.

    Each item needs ``action``; the rest by action: ``cause`` and ``effect`` (accept,
    reject, flip, add, with ``sign``: ``raises``/``lowers`` or 1/-1), ``concept`` and
    ``value`` (rename, merge, split; or ``label``, ``into``, ``wording``), and
    optionally ``note``, ``who``, ``weight``. Items with ``undone_at`` are undone
    reviews: :func:`replay` skips them.

    Raises
    ------
    cogmap.errors.InputError
        For a file that is missing, too large, not UTF-8, not JSON or YAML, or not a
        list of mappings; one line that names the file.
    """
    from cogmap.files import read_yaml

    parsed = read_yaml(path, MAX_FILE_BYTES, what="a file of reviews", syntax="JSON or YAML")
    if parsed is None:  # (an empty list, "[]", is what a store with no reviews lists, and is no mistake)
        raise InputError(f"{path}: is empty; a file of reviews is a list of reviews, each with an action "
                         "(what `cogmap review list --format json` writes)")
    if not isinstance(parsed, list) or not all(isinstance(item, dict) for item in parsed):
        raise InputError(f"{path}: a file of reviews is a list of reviews, each with an action "
                         "(what `cogmap review list --format json` writes)")
    return parsed


#: Where each action's second name is, among a file's fields (``value`` is the stored one).
_VALUE_FIELD = {"rename": "label", "merge": "into", "split": "wording"}


def _fields(item: dict) -> dict:
    """:func:`add_review`'s keywords for one item of a file."""
    action = item.get("action")
    fields = {"note": item.get("note"), "who": item.get("who")}
    if action in _VALUE_FIELD:
        key = _VALUE_FIELD[action]
        fields.update(concept=item.get("concept"), **{key: item.get(key, item.get("value"))})
    else:
        fields.update(cause=item.get("cause"), effect=item.get("effect"))
        if action == "add":
            sign = item.get("sign")
            sign = {"raises": 1, "lowers": -1}.get(sign, sign) if isinstance(sign, str) else sign
            if sign is not None and (isinstance(sign, bool) or not isinstance(sign, (int, float))):
                raise InputError("sign must be raises, lowers, 1 or -1")
            fields.update(sign=sign, weight=item.get("weight"))
    return fields


def replay(store, items, progress=None) -> tuple[list[Review], list[tuple[int, str]]]:
    """Make the reviews of ``items`` (:func:`load_reviews`) in order, all or none.

    This is how a review made on one store reaches another (a colleague's copy, or a
    corpus made again from the same articles). Undone reviews are skipped, and so is a
    review the store already has (same action and names, not undone), so a file applies
    twice without making anything twice. Each review is checked against the map the
    ones before it left, as :func:`add_review` checks one; the first that fails rolls
    all of them back.

    Returns
    -------
    made : list of Review
        The reviews stored, in order.
    skipped : list of (int, str)
        The 1-based number of each item skipped, and why.

    Raises
    ------
    cogmap.errors.InputError
        Naming the item that failed and why; nothing is stored.
    """
    made: list[Review] = []
    skipped: list[tuple[int, str]] = []

    def key(action, fields):
        names = tuple(normalize_label(str(v)) if v is not None else None
                      for v in (fields.get("cause"), fields.get("effect"), fields.get("concept"),
                                fields.get(_VALUE_FIELD.get(action, ""))))
        return action, names, fields.get("sign")

    with store.transaction():
        have = {key(r.action, {"cause": r.cause, "effect": r.effect, "concept": r.concept,
                               _VALUE_FIELD.get(r.action, "value"): r.value, "sign": r.sign})
                for r in reviews(store) if r.undone_at is None}
        for n, item in enumerate(items, 1):
            action = item.get("action")
            try:
                if item.get("undone_at"):
                    skipped.append((n, "undone"))
                    continue
                if action not in ACTIONS:
                    raise InputError(f"unknown review action {action!r} (use {', '.join(ACTIONS)})")
                fields = _fields(item)
                k = key(action, fields)
                if k in have:
                    skipped.append((n, "the store has it"))
                    continue
                made.append(add_review(store, action, **fields))
                have.add(k)
            except InputError as exc:
                what = item.get("summary") or action or "no action"
                raise InputError(f"review {n} of {len(items)} ({what}): {exc}; none was applied") from None
            finally:
                if progress is not None:
                    progress(n, len(items))
    return made, skipped


def _names(r: Review) -> set:
    """The concepts a review names, as the map matches labels."""
    return {normalize_label(x) for x in (r.cause, r.effect, r.concept, r.value) if x}


def split_aliases(rows, aliases=None):
    """The alias file a map is built under, with the splits of ``rows`` (not undone) as
    ``keep_apart`` pairs of (wording, concept), after the file's own; None when neither
    has anything. The file's entries win over a split that contradicts them."""
    from cogmap.aliases import Aliases

    base = Aliases.coerce(aliases)
    pairs = tuple((r.value, r.concept) for r in rows
                  if r.action == "split" and r.undone_at is None and r.value and r.concept)
    if not pairs:
        return base
    if base is None:
        return Aliases(keep_apart=pairs, source="reviews")
    return Aliases(entries=base.entries, keep_apart=base.keep_apart + pairs, source=base.source)


def reviewer_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment
        return "someone"


def concept_finder(model: Model):
    """A function from a label (or an earlier label, an alias) to a concept id of ``model``."""
    names: dict[str, str] = {}
    for c in model.concepts:
        for a in c.aliases:
            names.setdefault(normalize_label(a), c.id)
    for c in model.concepts:  # a label wins over another concept's alias
        names[normalize_label(c.label)] = c.id
    return lambda label: names.get(normalize_label(label or ""))


def apply_reviews(model: Model, rows, added: bool = True) -> tuple[Model, dict]:
    """Replay reviews over a map.

    Returns the reviewed model and, for each link a review touched and that is still
    there, ``{(cause id, effect id): {"status", "who", "at", "note"}}`` (status
    ``accepted``, ``flipped`` or ``added``: the latest review of the link). A review
    whose concepts or link are no longer in the map does nothing, nor does an undone one. With ``added``
    false, links the reviewers added are left out: a map of one speaker's or one
    period's claims holds none of theirs. A flipped link keeps its quotes and gains an
    entry saying who flipped it, so a file of the map shows why its weight and its
    quotes disagree.
    """
    rows = [r for r in rows if r.undone_at is None]
    if not rows:
        return model, {}
    data = model.model_dump(by_alias=True, exclude_none=True)
    concepts = {c["id"]: c for c in data["concepts"]}
    edges = {(e["cause"], e["effect"]): e for e in data["edges"]}
    marks: dict[tuple[str, str], dict] = {}

    def find(label):
        key = normalize_label(label or "")
        for c in concepts.values():
            if normalize_label(c["label"]) == key:
                return c["id"]
        for c in concepts.values():
            if any(normalize_label(a) == key for a in c.get("aliases", [])):
                return c["id"]
        return None

    def mark(pair, status, r):
        marks[pair] = {"status": status, "who": r.who, "at": r.at[:10], "note": r.note}

    for r in rows:
        if r.action in ("accept", "reject", "flip"):
            pair = (find(r.cause), find(r.effect))
            e = edges.get(pair)
            if e is None:
                continue
            if r.action == "reject":
                del edges[pair]
                marks.pop(pair, None)
            elif r.action == "flip":
                e["weight"] = -e["weight"]
                e["sign"] = -e.get("sign", 0)
                e["evidence"] = list(e.get("evidence", [])) + [{
                    "speaker": r.who, "weight": e["weight"],
                    "rationale": f"flipped by {r.who} on {r.at[:10]}" + (f": {r.note}" if r.note else "")}]
                mark(pair, "flipped", r)
            else:
                mark(pair, "accepted", r)
        elif r.action == "add" and added:
            ids = []
            for label in (r.cause, r.effect):
                cid = find(label)
                if cid is None:
                    cid = slugify(label, concepts)
                    concepts[cid] = {"id": cid, "label": label}
                ids.append(cid)
            pair = tuple(ids)
            if pair[0] == pair[1]:
                continue
            w = (r.sign or 1) * (r.weight if r.weight is not None else 1.0)
            ev = {"speaker": r.who, "rationale": f"added by {r.who} on {r.at[:10]}" + (f": {r.note}" if r.note else ""),
                  "weight": w}
            e = edges.setdefault(pair, {"cause": pair[0], "effect": pair[1], "weight": w, "evidence": []})
            e["weight"], e["sign"] = w, (1 if w > 0 else -1)
            e["evidence"] = list(e.get("evidence", [])) + [ev]
            mark(pair, "added", r)
        elif r.action == "rename":
            cid = find(r.concept)
            if cid is None:
                continue
            c = concepts[cid]
            old = c["label"]
            c["label"] = r.value
            c["aliases"] = [a for a in c.get("aliases", []) if normalize_label(a) != normalize_label(r.value)]
            if normalize_label(old) != normalize_label(r.value):
                c["aliases"].append(old)
        elif r.action == "merge":
            a, b = find(r.concept), find(r.value)
            if a is None or b is None or a == b:
                continue
            gone = concepts.pop(a)
            keep = concepts[b]
            keep["aliases"] = list(dict.fromkeys(keep.get("aliases", []) + [gone["label"]] + gone.get("aliases", [])))
            for pair in [p for p in edges if a in p]:
                e = edges.pop(pair)
                marks.pop(pair, None)
                new = tuple(b if x == a else x for x in pair)
                if new[0] == new[1]:
                    continue  # a link between the two merged concepts
                e["cause"], e["effect"] = new
                if new in edges:
                    _combine(edges[new], e)
                else:
                    edges[new] = e
    data["concepts"] = list(concepts.values())
    data["edges"] = list(edges.values())
    out = Model.from_dict(data)
    present = {(e.cause, e.effect) for e in out.edges}
    return out, {k: v for k, v in marks.items() if k in present}


def _combine(into: dict, other: dict) -> None:
    """Two links that a merge made one: quotes together, weight by how many quotes each had."""
    n1, n2 = max(1, len(into.get("evidence", []))), max(1, len(other.get("evidence", [])))
    w = (into["weight"] * n1 + other["weight"] * n2) / (n1 + n2)
    into["weight"] = max(-1.0, min(1.0, w))
    into["sign"] = (w > 0) - (w < 0)
    into["evidence"] = list(into.get("evidence", [])) + list(other.get("evidence", []))
    if "support" in into or "support" in other:
        evs = into["evidence"]
        into["support"] = {"documents": len({e.get("source") for e in evs if e.get("source")}),
                           "speakers": len({e.get("speaker") for e in evs if e.get("speaker")}),
                           "claims": into.get("support", {}).get("claims", 0) + other.get("support", {}).get("claims", 0)}
