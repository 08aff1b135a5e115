"""Total effect of one concept on another (Axelrod 1976).

In a signed cognitive map the *indirect effect* of a path is the product of the
signs of its links; the *total effect* of a cause on an effect combines the
indirect effects of all simple paths between them: positive if all are
positive, negative if all are negative, none if there is no path, and
ambiguous (Axelrod's "indeterminate") when paths disagree. Weighted, each path's
strength is the product of its weights and the weighted total is their sum.

References
----------
.. [1] Axelrod, R. (Ed.) (1976). Structure of Decision: The Cognitive Maps of
   Political Elites. Princeton University Press, Appendix 1.
.. [2] Kosko, B. (1986). Fuzzy cognitive maps. International Journal of
   Man-Machine Studies, 24(1), 65-75 (weighted indirect and total effects).
"""

from __future__ import annotations

import math

import time
from dataclasses import dataclass, field
from typing import Optional

import networkx as nx

from cogmap.errors import InputError
from cogmap.model.model import EdgeEvidence, Model, resolve_concept, to_networkx

__all__ = ["Path", "TotalEffect", "total_effect"]


@dataclass
class Path:
    """One causal path ``concepts[0] -> ... -> concepts[-1]``."""

    concepts: list[str]
    labels: list[str]
    weights: list[float]
    evidence: list[list[EdgeEvidence]] = field(default_factory=list)

    @property
    def sign(self) -> int:
        s = 1
        for w in self.weights:
            s *= 1 if w > 0 else -1
        return s

    @property
    def strength(self) -> float:
        return math.prod(self.weights)

    def to_dict(self) -> dict:
        return {
            "concepts": self.concepts,
            "labels": self.labels,
            "weights": self.weights,
            "sign": self.sign,
            "strength": self.strength,
        }


@dataclass
class TotalEffect:
    """The result of :func:`total_effect`.

    Attributes
    ----------
    cause, effect : str
        Concept ids.
    paths : list of Path
        Shortest first.
    total : {"positive", "negative", "none", "ambiguous"}
    strength : float
        Sum of the path strengths (products of weights); 0 with no path.
    complete : bool
        False when ``max_length``, ``max_paths`` or ``time_budget`` may have left
        paths out (the check is conservative: a concept that reaches the effect
        only through the path already walked still counts as cut).
    """

    cause: str
    effect: str
    paths: list[Path]
    total: str
    strength: float
    complete: bool = True

    @property
    def strongest(self) -> Optional[Path]:
        return max(self.paths, key=lambda p: abs(p.strength), default=None)

    def to_dict(self) -> dict:
        return {
            "cause": self.cause,
            "effect": self.effect,
            "total": self.total,
            "strength": self.strength,
            "complete": self.complete,
            "paths": [p.to_dict() for p in self.paths],
        }


class _simple_paths:
    """Simple paths ``a -> ... -> b`` (depth first, pruned to concepts that reach ``b``).

    ``cut`` becomes True when the length bound or the deadline left paths unexplored.
    """

    def __init__(self, G, a, b, cutoff, deadline):
        self.G, self.a, self.b, self.cutoff, self.deadline = G, a, b, cutoff, deadline
        self.cut = False

    def __iter__(self):
        G, a, b, cutoff = self.G, self.a, self.b, self.cutoff
        reach = nx.ancestors(G, b)
        if a not in reach:
            return
        reach.add(b)
        succ = {v: [w for w in G.successors(v) if w in reach] for v in reach}
        path, on = [a], {a}
        stack = [iter(succ[a])]
        ticks = 0
        while stack:
            ticks += 1
            if self.deadline is not None and (ticks & 1023) == 0 and time.perf_counter() > self.deadline:
                self.cut = True
                return
            w = next(stack[-1], None)
            if w is None:
                stack.pop()
                on.discard(path.pop())
                continue
            if w in on:
                continue
            if w == b:
                yield path + [b]
                continue
            if cutoff is not None and len(path) >= cutoff:
                self.cut = True  # w reaches b, but only by a longer path
                continue
            path.append(w)
            on.add(w)
            stack.append(iter(succ[w]))


def total_effect(
    model: Model,
    cause: str,
    effect: str,
    *,
    max_length: Optional[int] = None,
    max_paths: Optional[int] = 10000,
    time_budget: Optional[float] = None,
) -> TotalEffect:
    """Axelrod's total effect of ``cause`` on ``effect``.

    Parameters
    ----------
    model : Model
    cause, effect : str
        Concept names (id, label or alias; case-insensitive).
    max_length : int, optional
        Longest path (in links) to consider.
    max_paths : int, optional
        Stop after this many paths (``complete`` is then False).
    time_budget : float, optional
        Stop after this many seconds (``complete`` is then False).

    Returns
    -------
    TotalEffect

    Examples
    --------
    >>> m = Model.from_dict({"concepts": [{"id": c, "label": c} for c in "abcd"],
    ...     "edges": [{"cause": "a", "effect": "b", "weight": 0.5}, {"cause": "b", "effect": "d", "weight": -1},
    ...               {"cause": "a", "effect": "c", "weight": -1}, {"cause": "c", "effect": "d", "weight": -0.5}]})
    >>> te = total_effect(m, "a", "d")
    >>> [(p.concepts, p.sign) for p in te.paths], te.total, te.strength
    ([(['a', 'b', 'd'], -1), (['a', 'c', 'd'], 1)], 'ambiguous', 0.0)
    >>> total_effect(m, "b", "c").total
    'none'

    Notes
    -----
    Paths are enumerated depth first, only through concepts from which the effect
    can be reached, so dead ends cost nothing. Enumerating simple paths is still
    exponential in the worst case; ``max_length``, ``max_paths`` and
    ``time_budget`` keep large maps responsive, and ``complete`` says whether any
    of them cut the search.
    """
    a = resolve_concept(model, cause)
    b = resolve_concept(model, effect)
    if a == b:
        raise InputError("cause and effect are the same concept; see `cogmap loops` for feedback")
    G = to_networkx(model, drop_zero=True)
    labels = {c.id: c.label for c in model.concepts}
    paths: list[Path] = []
    deadline = None if time_budget is None else time.perf_counter() + time_budget
    search = _simple_paths(G, a, b, max_length, deadline)
    for nodes in search:
        ws = [G[u][v]["weight"] for u, v in zip(nodes, nodes[1:])]
        evs = [list(G[u][v]["evidence"]) for u, v in zip(nodes, nodes[1:])]
        paths.append(Path(list(nodes), [labels[n] for n in nodes], ws, evs))
        if max_paths is not None and len(paths) >= max_paths:
            search.cut = True
            break
    complete = not search.cut
    paths.sort(key=lambda p: (len(p.concepts), -abs(p.strength), p.concepts))
    signs = {p.sign for p in paths}
    total = "none" if not signs else "ambiguous" if len(signs) > 1 else ("positive" if 1 in signs else "negative")
    strength = sum(p.strength for p in paths)
    return TotalEffect(a, b, paths, total, round(strength, 12), complete)
