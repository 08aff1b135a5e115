"""Show a document: a rich terminal view, Markdown, or the JSON schema.

Colour carries meaning (green raises, red lowers) but the text says it too
("+" / "-"), so output piped to a file still reads.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from cogmap.records import Document

__all__ = ["to_rich", "to_markdown", "short"]


def short(s: str, n: int = 90) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _pct(p) -> str:
    return "" if p is None else f"{p:.0%}"


def to_rich(doc: Document):
    """A renderable summary: speakers, claims, forecasts, removed debris."""
    parts = []
    head = Text()
    head.append(doc.title or doc.source, style="bold")
    if doc.date:
        head.append(f"  ({doc.date})", style="dim")
    speakers = sorted({t.speaker for t in doc.turns if t.speaker} | {q.speaker for q in doc.quotes if q.speaker})
    kinds = {k: sum(1 for t in doc.turns if t.kind == k) for k in ("question", "answer", "narration")}
    head.append(f"\nsource: {doc.source}\n", style="dim")
    head.append(f"turns: {kinds['question']} questions, {kinds['answer']} answers, {kinds['narration']} narration;"
                f" {len(doc.quotes)} quotes; {len(doc.concepts)} concepts; {len(doc.claims)} claims;"
                f" {len(doc.forecasts)} forecasts\n")
    head.append("speakers: ", style="bold")
    head.append(", ".join(speakers) if speakers else "none identified")
    parts.append(Panel(head, box=box.ROUNDED))

    t = Table(title="Causal claims", box=box.SIMPLE_HEAD, show_lines=False, expand=True)
    for col, kw in (("id", {"no_wrap": True}), ("cause", {"ratio": 2}), ("", {"no_wrap": True}),
                    ("effect", {"ratio": 2}), ("hedge", {"no_wrap": True}), ("speaker", {"ratio": 1}),
                    ("quote", {"ratio": 4})):
        t.add_column(col, **kw)
    for c in doc.claims:
        sign = Text("+ raises" if c.polarity > 0 else "- lowers", style="green" if c.polarity > 0 else "red")
        hedge = c.modality + (f" {_pct(c.probability)}" if c.probability is not None else "")
        t.add_row(c.id, escape(c.cause.label), sign, escape(c.effect.label), hedge, escape(c.speaker or "-"),
                  Text(short(c.evidence.text, 110), style="italic"))
    parts.append(t if doc.claims else Text("No causal claims found.", style="yellow"))

    f = Table(title="Forecasts", box=box.SIMPLE_HEAD, expand=True)
    for col, kw in (("id", {"no_wrap": True}), ("statement", {"ratio": 5}), ("p", {"no_wrap": True}),
                    ("hedge", {"no_wrap": True}), ("horizon", {"ratio": 1}), ("condition", {"ratio": 2}),
                    ("speaker", {"ratio": 1})):
        f.add_column(col, **kw)
    for fc in doc.forecasts:
        f.add_row(fc.id, Text(short(fc.statement, 120)), _pct(fc.probability), escape(fc.hedge),
                  escape(fc.horizon or "-"), Text(short(fc.condition or "-", 60)), escape(fc.speaker or "-"))
    parts.append(f if doc.forecasts else Text("No forecasts found.", style="yellow"))

    if doc.removed:
        r = Text("Removed as page debris:\n", style="bold")
        for line in doc.removed:
            r.append(f"  - {short(line, 100)}\n", style="dim")
        parts.append(r)
    return Group(*parts)


def _md(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def to_markdown(doc: Document) -> str:
    """A Markdown report with the same content as the terminal view."""
    out = [f"# {_md(doc.title or doc.source)}", ""]
    out.append(f"Source: `{doc.source}`" + (f", date: {doc.date}" if doc.date else ""))
    speakers = sorted({t.speaker for t in doc.turns if t.speaker} | {q.speaker for q in doc.quotes if q.speaker})
    out += ["", f"Speakers: {', '.join(speakers) or 'none identified'}", "", "## Causal claims", ""]
    out += ["| id | cause | sign | effect | modality | p | speaker | quote |", "|---|---|---|---|---|---|---|---|"]
    for c in doc.claims:
        out.append(f"| {c.id} | {_md(c.cause.label)} | {'+' if c.polarity > 0 else '-'} | {_md(c.effect.label)} | "
                   f"{c.modality} | {_pct(c.probability)} | {_md(c.speaker or '')} | "
                   f"{_md(short(c.evidence.text, 160))} ({c.evidence.start}-{c.evidence.end}) |")
    out += ["", "## Forecasts", "", "| id | statement | p | hedge | horizon | condition | speaker |",
            "|---|---|---|---|---|---|---|"]
    for f in doc.forecasts:
        out.append(f"| {f.id} | {_md(short(f.statement, 160))} | {_pct(f.probability)} | {_md(f.hedge)} | "
                   f"{_md(f.horizon or '')} | {_md(f.condition or '')} | {_md(f.speaker or '')} |")
    if doc.removed:
        out += ["", "## Removed as page debris", ""] + [f"- {_md(r)}" for r in doc.removed]
    return "\n".join(out) + "\n"


def print_document(doc: Document, console: Console | None = None) -> None:
    (console or Console()).print(to_rich(doc))
