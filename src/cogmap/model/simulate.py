"""What-if simulation of a model as a fuzzy cognitive map (FCM).

Each step updates every concept's activation from the activations of its causes,
then passes the result through a transfer function (Kosko 1986). The numbers
follow fcmpy's ``FcmSimulator`` (Mkhitaryan et al. 2022) exactly:

- ``kosko``:          ``A(t+1) = f(W^T A(t))``
- ``modified-kosko``: ``A(t+1) = f(A(t) + W^T A(t))``  (Stylios & Groumpos 2004)
- ``rescaled``:       ``A(t+1) = f((2A(t) - 1) + W^T (2A(t) - 1))``  (Papageorgiou 2011)

where ``W[i, j]`` is the weight of the edge ``i -> j``. Transfer functions:
``sigmoid`` ``1 / (1 + e^(-lambda x))``, ``tanh`` ``tanh(lambda x)`` (fcmpy's tanh
has lambda fixed at 1), ``bivalent`` (1 if x > 0 else 0) and ``trivalent``
(the sign of x). Concepts with no incoming link keep their initial value;
clamped concepts are held at their clamped value at every step. The run stops
when the largest absolute change between two steps is at most ``threshold``
(converged), when a state repeats (limit cycle), or after ``steps`` steps.

Large models use :mod:`scipy.sparse`; results equal the dense computation.

References
----------
.. [1] Kosko, B. (1986). Fuzzy cognitive maps. International Journal of
   Man-Machine Studies, 24(1), 65-75.
.. [2] Stylios, C. D., & Groumpos, P. P. (2004). Modeling complex systems using
   fuzzy cognitive maps. IEEE Trans. SMC-A, 34(1), 155-162.
.. [3] Papageorgiou, E. I. (2011). A new methodology for decisions in medical
   informatics using fuzzy cognitive maps based on fuzzy rule-extraction
   techniques. Applied Soft Computing, 11(1), 500-513.
.. [4] Mkhitaryan, S., Giabbanelli, P., Wozniak, M. K., Napoles, G., De Vries, N.,
   & Crutzen, R. (2022). FCMpy: a python module for constructing and analyzing
   fuzzy cognitive maps. PeerJ Computer Science, 8, e1078.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Mapping, Optional

import numpy as np

from cogmap.errors import InputError
from cogmap.model.model import Model, resolve_concept

__all__ = [
    "TRANSFERS",
    "default_transfer",
    "RULES",
    "Simulation",
    "WhatIf",
    "weight_matrix",
    "run",
    "simulate",
    "what_if",
    "parse_assignments",
]

Transfer = Literal["sigmoid", "tanh", "bivalent", "trivalent"]
Rule = Literal["kosko", "modified-kosko", "rescaled"]
TRANSFERS = ("sigmoid", "tanh", "bivalent", "trivalent")
RULES = ("kosko", "modified-kosko", "rescaled")
_RULE_ALIASES = {"mkosko": "modified-kosko", "modified_kosko": "modified-kosko", "modified": "modified-kosko"}

#: Above this many concepts :func:`run` uses scipy.sparse unless told otherwise.
SPARSE_FROM = 200


def _transfer(name: str, x: np.ndarray, lam: float) -> np.ndarray:
    if name == "sigmoid":
        return 1.0 / (1.0 + np.exp(-lam * x))
    if name == "tanh":
        return np.tanh(lam * x)
    if name == "bivalent":
        return (x > 0).astype(float)
    if name == "trivalent":
        return np.sign(x).astype(float)
    raise InputError(f"unknown transfer function {name!r} (use {', '.join(TRANSFERS)})")


def _rule(name: str) -> str:
    r = _RULE_ALIASES.get(name.lower(), name.lower())
    if r not in RULES:
        raise InputError(f"unknown inference rule {name!r} (use {', '.join(RULES)})")
    return r


def weight_matrix(model: Model, *, sparse: bool = False):
    """The weight matrix ``W`` (``W[i, j]`` = weight of ``i -> j``) in concept order.

    >>> m = Model.from_dict({"concepts": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
    ...                      "edges": [{"cause": "a", "effect": "b", "weight": 0.5}]})
    >>> weight_matrix(m).tolist()
    [[0.0, 0.5], [0.0, 0.0]]
    """
    idx = {c.id: i for i, c in enumerate(model.concepts)}
    n = len(idx)
    rows = np.array([idx[e.cause] for e in model.edges], dtype=np.int64)
    cols = np.array([idx[e.effect] for e in model.edges], dtype=np.int64)
    vals = np.array([e.weight for e in model.edges], dtype=float)
    if sparse:
        import scipy.sparse as sp

        return sp.csr_matrix((vals, (rows, cols)), shape=(n, n))
    W = np.zeros((n, n))
    W[rows, cols] = vals
    return W


@dataclass
class Simulation:
    """One FCM run.

    Attributes
    ----------
    ids, labels : list of str
        Concept order of the vectors.
    history : ndarray, shape (steps + 1, n)
        Row 0 is the initial state (clamps applied), row t the state after step t.
    status : {"converged", "limit-cycle", "step-limit"}
    period : int
        Length of the limit cycle (0 otherwise).
    """

    ids: list[str]
    labels: list[str]
    history: np.ndarray
    status: str
    period: int = 0
    clamped: dict[str, float] = field(default_factory=dict)

    @property
    def steps(self) -> int:
        return len(self.history) - 1

    @property
    def final(self) -> np.ndarray:
        return self.history[-1]

    def values(self) -> dict[str, float]:
        return {i: float(v) for i, v in zip(self.ids, self.final)}


@dataclass
class WhatIf:
    """A scenario against its baseline: ``changes`` is ``(id, label, baseline, scenario, change)``
    sorted by the size of the change, largest first."""

    baseline: Simulation
    scenario: Simulation
    changes: list[tuple[str, str, float, float, float]]

    def to_dict(self) -> dict:
        return {
            "baseline": {"status": self.baseline.status, "steps": self.baseline.steps, "period": self.baseline.period},
            "scenario": {
                "status": self.scenario.status,
                "steps": self.scenario.steps,
                "period": self.scenario.period,
                "clamped": self.scenario.clamped,
            },
            "concepts": [
                {"id": i, "label": lab, "baseline": b, "scenario": s, "change": d}
                for i, lab, b, s, d in self.changes
            ],
        }


def run(
    W,
    initial,
    *,
    steps: int = 50,
    transfer: Transfer = "sigmoid",
    rule: Rule = "kosko",
    lam: float = 1.0,
    threshold: float = 0.001,
    clamp: Optional[Mapping[int, float]] = None,
    sparse: Optional[bool] = None,
    detect_cycles: bool = True,
):
    """Iterate an FCM given as a weight matrix.

    Parameters
    ----------
    W : array_like or scipy.sparse matrix, shape (n, n)
        ``W[i, j]`` is the weight of the link ``i -> j``.
    initial : array_like, shape (n,)
    steps : int
        Most steps to take (fcmpy's ``iterations``).
    transfer, rule, lam, threshold
        See the module docstring.
    clamp : mapping of index to value, optional
        Concepts held at a value throughout.
    sparse : bool, optional
        Use scipy.sparse (default: when n > ``SPARSE_FROM``).
    detect_cycles : bool
        Stop when the state comes back within ``threshold`` of an earlier state
        (a limit cycle). fcmpy has no such check and runs on to ``steps``.

    Returns
    -------
    history : ndarray, shape (t + 1, n)
    status : str
    period : int

    Examples
    --------
    Two concepts, ``a -> b`` with weight 1, Kosko's rule, sigmoid: ``a`` has no
    cause and keeps 1; ``b`` becomes ``sigmoid(1)``.

    >>> h, status, _ = run([[0, 1], [0, 0]], [1, 0])
    >>> h.round(6).tolist(), status
    ([[1.0, 0.0], [1.0, 0.731059], [1.0, 0.731059]], 'converged')
    """
    import scipy.sparse as sp

    rule = _rule(rule)
    if transfer not in TRANSFERS:
        raise InputError(f"unknown transfer function {transfer!r} (use {', '.join(TRANSFERS)})")
    if steps < 0:
        raise InputError("steps must be at least 0")
    is_sparse = sp.issparse(W)
    n = W.shape[0] if is_sparse else len(W)
    if sparse is None:
        sparse = is_sparse or n > SPARSE_FROM
    if sparse:
        WT = (W if is_sparse else sp.csr_matrix(np.asarray(W, dtype=float))).T.tocsr().astype(float)
        WT.eliminate_zeros()  # an explicit zero is not a link
        indeg = np.diff(WT.indptr)
    else:
        Wd = W.toarray() if is_sparse else np.asarray(W, dtype=float)
        WT = np.ascontiguousarray(Wd.T)
        indeg = np.count_nonzero(WT, axis=1)
    a = np.array(initial, dtype=float).reshape(-1)
    if a.shape != (n,):
        raise InputError(f"initial state has {a.size} values for {n} concepts")
    hold = indeg == 0
    if clamp:
        for i, v in clamp.items():
            a[i] = float(v)
            hold[i] = True
    held_idx = np.flatnonzero(hold)
    held_val = a[held_idx].copy()

    hist = np.empty((steps + 1, n))
    hist[0] = a
    status, period = "step-limit", 0
    t = 0
    lookback = 32
    while t < steps:
        if rule == "kosko":
            x = WT @ a
        elif rule == "modified-kosko":
            x = WT @ a + a
        else:
            r = 2.0 * a - 1.0
            x = WT @ r + r
        a = _transfer(transfer, np.asarray(x).reshape(-1), lam)
        a[held_idx] = held_val
        t += 1
        hist[t] = a
        if np.max(np.abs(a - hist[t - 1]), initial=0.0) <= threshold:
            status = "converged"
            break
        if detect_cycles and t >= 2:
            for k in range(2, min(t, lookback) + 1):
                if np.max(np.abs(a - hist[t - k]), initial=0.0) <= threshold:
                    status, period = "limit-cycle", k
                    break
            if status == "limit-cycle":
                break
    return hist[: t + 1], status, period


def _initial_vector(model: Model, initial: Optional[Mapping[str, float]], default: float) -> np.ndarray:
    a = np.array([c.initial if c.initial is not None else default for c in model.concepts], dtype=float)
    if initial:
        idx = {c.id: i for i, c in enumerate(model.concepts)}
        for name, v in initial.items():
            a[idx[resolve_concept(model, name)]] = float(v)
    return a


def default_transfer(model: Model) -> Transfer:
    """``tanh`` for a map with a link that lowers, else ``sigmoid``.

    With sigmoid every concept's neutral value is 0.5 and a fall below it reads as
    small; tanh runs from -1 through 0, so what a lowering link does shows as a fall.
    ``cogmap simulate`` and the report's what-if both start from this.

    >>> from cogmap.model.model import Model
    >>> m = Model.from_dict({"concepts": [{"id": "a", "label": "a"}, {"id": "b", "label": "b"}],
    ...                      "edges": [{"cause": "a", "effect": "b", "weight": -0.5}]})
    >>> default_transfer(m)
    'tanh'
    """
    return "tanh" if any(e.weight < 0 for e in model.edges) else "sigmoid"


def simulate(
    model: Model,
    clamp: Optional[Mapping[str, float]] = None,
    *,
    initial: Optional[Mapping[str, float]] = None,
    default: float = 0.0,
    steps: int = 50,
    transfer: Transfer = "sigmoid",
    rule: Rule = "kosko",
    lam: float = 1.0,
    threshold: float = 0.001,
    sparse: Optional[bool] = None,
    detect_cycles: bool = True,
) -> Simulation:
    """Run the model as an FCM with some concepts clamped.

    Parameters
    ----------
    model : Model
    clamp : mapping of concept name to value, optional
        Names match ids, labels or aliases (case-insensitive).
    initial : mapping of concept name to value, optional
        Starting values overriding the model's ``initial`` fields.
    default : float
        Starting value of concepts with no ``initial`` (0).
    steps, transfer, rule, lam, threshold, sparse, detect_cycles
        See :func:`run`.

    Returns
    -------
    Simulation

    Examples
    --------
    >>> m = Model.from_dict({"concepts": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
    ...                      "edges": [{"cause": "a", "effect": "b", "weight": -1}]})
    >>> s = simulate(m, {"A": 1}, transfer="tanh")
    >>> s.status, round(s.values()["b"], 6)
    ('converged', -0.761594)
    """
    idx = {c.id: i for i, c in enumerate(model.concepts)}
    a0 = _initial_vector(model, initial, default)
    cl: dict[str, float] = {}
    for name, v in (clamp or {}).items():
        cl[resolve_concept(model, name)] = float(v)
    n = len(model.concepts)
    use_sparse = sparse if sparse is not None else n > SPARSE_FROM
    W = weight_matrix(model, sparse=use_sparse)
    hist, status, period = run(
        W,
        a0,
        steps=steps,
        transfer=transfer,
        rule=rule,
        lam=lam,
        threshold=threshold,
        clamp={idx[k]: v for k, v in cl.items()},
        sparse=use_sparse,
        detect_cycles=detect_cycles,
    )
    return Simulation(
        ids=[c.id for c in model.concepts],
        labels=[c.label for c in model.concepts],
        history=hist,
        status=status,
        period=period,
        clamped=cl,
    )


def what_if(model: Model, clamp: Mapping[str, float], **kwargs) -> WhatIf:
    """Compare a scenario (``clamp`` applied) with the same model run without it.

    Keyword arguments go to :func:`simulate`. ``changes`` is sorted by
    ``|scenario - baseline|``, largest first; clamped concepts are included.

    Examples
    --------
    >>> m = Model.from_dict({"concepts": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"},
    ...                                   {"id": "c", "label": "C"}],
    ...                      "edges": [{"cause": "a", "effect": "b", "weight": 1},
    ...                                {"cause": "b", "effect": "c", "weight": -1}]})
    >>> w = what_if(m, {"a": 1}, transfer="tanh")
    >>> [(i, round(d, 3)) for i, _, _, _, d in w.changes]
    [('a', 1.0), ('b', 0.762), ('c', -0.642)]
    """
    if not clamp:
        raise InputError("a what-if needs at least one concept to set (e.g. --set \"tanks=1\")")
    base = simulate(model, None, **kwargs)
    scen = simulate(model, clamp, **kwargs)
    rows = []
    for i, (cid, lab) in enumerate(zip(base.ids, base.labels)):
        b, s = float(base.final[i]), float(scen.final[i])
        rows.append((cid, lab, b, s, s - b))
    rows.sort(key=lambda r: (-abs(r[4]), r[1]))
    return WhatIf(base, scen, rows)


def parse_assignments(model: Model, items) -> dict[str, float]:
    """Parse ``"name=value"`` strings into ``{concept id: value}``.

    >>> m = Model.from_dict({"concepts": [{"id": "t", "label": "tanks"}], "edges": []})
    >>> parse_assignments(m, ["Tanks=1"])
    {'t': 1.0}
    """
    out: dict[str, float] = {}
    for item in items or []:
        name, sep, value = item.rpartition("=")
        if not sep or not name.strip():
            raise InputError(f"--set {item!r}: expected NAME=VALUE, e.g. \"western tanks=1\"")
        try:
            v = float(value)
        except ValueError:
            raise InputError(f"--set {item!r}: {value.strip()!r} is not a number") from None
        if not -1.0 <= v <= 1.0 or v != v:
            # Concept activations live in [0, 1] (sigmoid) or [-1, 1] (tanh): 5 means nothing.
            raise InputError(f"--set {item!r}: a concept's value is between -1 and 1 (0 to 1 with sigmoid)")
        out[resolve_concept(model, name)] = v
    return out
