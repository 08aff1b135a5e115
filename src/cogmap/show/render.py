"""Show a document: a rich terminal view, Markdown, or the JSON schema.

Colour carries meaning (green raises, red lowers) but the text says it too
("+" / "-"), so output piped to a file still reads.

Every command prints through a :class:`TerminalConsole`, which shows the
bidirectional control characters of names, labels, titles and quotes as U+FFFD
(:mod:`cogmap.show.bidi`), whatever table or line they are in.
"""

from __future__ import annotations

import math

import re
from typing import Optional

from rich import box
from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from cogmap.records import Document
from cogmap.show.bidi import BIDI_CONTROLS, neutralize_bidi

__all__ = ["TerminalConsole", "to_rich", "to_markdown", "short", "counted"]


class TerminalConsole(Console):
    """A rich console that prints each bidirectional control character as U+FFFD.

    Strings are neutralised as rich turns them into text, :class:`~rich.text.Text`
    as it is rendered, and the cells of a table before the table measures its
    columns: the width rich measures must be the width it prints (a control has
    no width, U+FFFD one cell). Each control becomes one U+FFFD, so the styles of
    a text stay on their characters.

    >>> import io
    >>> c = TerminalConsole(file=io.StringIO(), width=40)
    >>> t = Table("concept")
    >>> t.add_row(Text("coup \\u202erisk"))
    >>> c.print(t, Text("war \\u2066length"), "tanks \\u202e")
    >>> "\\u202e" in c.file.getvalue() or "\\u2066" in c.file.getvalue()
    False
    >>> c.file.getvalue().count("\\ufffd")
    3
    """

    def render_str(self, text: str, **kwargs) -> Text:
        return super().render_str(neutralize_bidi(text), **kwargs)

    def render(self, renderable, options=None):
        _neutralize(renderable)
        yield from super().render(renderable, options)


def _neutralize(renderable) -> None:
    """Replace bidirectional controls in ``renderable`` and the texts it holds, in place."""
    if isinstance(renderable, Text):
        renderable.plain = neutralize_bidi(renderable.plain)
    elif isinstance(renderable, Table):
        # A table measures its cells before it renders them.
        for column in renderable.columns:
            for cell in (column.header, column.footer, *column.cells):
                _neutralize(cell)
    elif isinstance(renderable, Group):
        for part in renderable.renderables:
            _neutralize(part)
    else:
        inner = getattr(renderable, "renderable", None)  # Padding, Panel, Align, ...
        if inner is not None and inner is not renderable:
            _neutralize(inner)


def counted(n: int, noun: str, plural: Optional[str] = None) -> str:
    """``n`` and the noun, singular for one.

    >>> counted(1, "document"), counted(3, "quote"), counted(0, "narration", "narration")
    ('1 document', '3 quotes', '0 narration')
    """
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def short(s: str, n: int = 90) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _pct(p) -> str:
    """A probability in whole percent, halves rounded up as the store's two decimals are
    ("{:.0%}" rounds 0.325 to 32%, while the store lists it as 0.33).

    >>> _pct(0.325), _pct(0.875), _pct(None)
    ('33%', '88%', '')
    """
    return "" if p is None else f"{math.floor(p * 100 + 0.5 + 1e-9)}%"


#: Below this width the tables would cut names to a few letters: print a list instead.
WIDE = 120


class Adaptive:
    """A table on a wide terminal, a two-line-per-item list on a narrow one."""

    def __init__(self, wide, narrow):
        self.wide, self.narrow = wide, narrow

    def __rich_console__(self, console, options):
        yield self.wide if options.max_width >= WIDE else self.narrow(options.max_width)


def _sign(polarity: int) -> Text:
    return Text("+ raises" if polarity > 0 else "- lowers", style="green" if polarity > 0 else "red")


def _side(m) -> str:
    """A side's concept label, with the words as written where they name its opposite:
    the sign shown beside the labels is the concepts' ("employment (as "unemployment")
    - lowers crime" for "unemployment raises crime")."""
    return m.label if m.sign > 0 else f"{m.label} (as \u201c{m.text}\u201d)"


def _claims_table(doc: Document, whole: bool = False) -> Table:
    t = Table(title="Causal claims", box=box.SIMPLE_HEAD, show_lines=False, expand=True)
    for col, kw in (("id", {"no_wrap": True}), ("cause", {"ratio": 2}), ("", {"no_wrap": True}),
                    ("effect", {"ratio": 2}), ("hedge", {"no_wrap": True}), ("speaker", {"ratio": 1}),
                    ("quote", {"ratio": 4})):
        t.add_column(col, **kw)
    for c in doc.claims:
        hedge = c.modality + (f" {_pct(c.probability)}" if c.probability is not None else "")
        t.add_row(c.id, Text(_side(c.cause)), _sign(c.link_polarity), Text(_side(c.effect)), hedge,
                  Text(c.speaker or "-"), Text(c.evidence.text if whole else short(c.evidence.text, 110), style="italic"))
    return t


def listing(title: str, rows, width: int, whole: bool = False) -> Group:
    """Entries for a narrow terminal: the id in its own column, so that a long line wraps
    under its text and not under the id; the note in brackets moves to a line of its own
    rather than break a speaker's name across two lines; then the quote, at most two lines
    unless ``whole`` (none where it is empty)."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, justify="right", min_width=4)
    grid.add_column()
    room = max(20, width - 6)
    for rid, head, note, quote, style in rows:
        body = head.copy()
        if note:
            body.append(("\n" if head.cell_len + len(note) + 4 > room else "  ") + f"[{note}]", style="dim")
        if quote:
            body.append("\n")
            body.append(quote if whole else short(quote, max(40, int(1.8 * room))), style=style)
        grid.add_row(rid, body)
    return Group(Text(title, style="bold"), grid)


def _claims_list(doc: Document, width: int = 80, whole: bool = False) -> Group:
    rows = []
    for c in doc.claims:
        head = Text()
        head.append(_side(c.cause), style="bold")
        head.append("  ")
        head.append_text(_sign(c.link_polarity))
        head.append("  ")
        head.append(_side(c.effect), style="bold")
        hedge = c.modality + (f" {_pct(c.probability)}" if c.probability is not None else "")
        rows.append((c.id, head, f"{hedge}; {c.speaker or 'no speaker'}", c.evidence.text, "italic dim"))
    return listing("Causal claims", rows, width, whole)


def _denials_list(doc: Document, width: int = 80, whole: bool = False) -> Group:
    """The links the text denies, short: no sign is drawn, since none holds."""
    rows = []
    for c in doc.denials:
        head = Text()
        head.append(c.cause.label, style="bold")
        head.append("  does not affect  ", style="dim")
        head.append(c.effect.label, style="bold")
        rows.append((c.id, head, c.speaker or "no speaker", c.evidence.text, "italic dim"))
    return listing("Denied links", rows, width, whole)


def forecast_words(statement: str, evidence: str) -> str:
    """What a forecast says, as shown: its statement, and where that is a question answered
    with a hedge ("Will prices fall?" / "Probably not."), the answer after it, which says
    how sure; the question alone reads as if it were the forecast.

    >>> forecast_words("Will prices fall?", "Will prices fall?\\n\\nProbably not, no.")
    'Will prices fall? — Probably not, no.'
    >>> forecast_words("Prices will fall.", "Prices will fall.")
    'Prices will fall.'
    """
    if statement.rstrip().endswith("?") and evidence.startswith(statement) and evidence[len(statement):].strip():
        return f"{statement.rstrip()} — {' '.join(evidence[len(statement):].split())}"
    return statement


def _forecasts_table(doc: Document, whole: bool = False) -> Table:
    f = Table(title="Forecasts", box=box.SIMPLE_HEAD, expand=True)
    for col, kw in (("id", {"no_wrap": True}), ("statement", {"ratio": 5}), ("p", {"no_wrap": True}),
                    ("hedge", {"no_wrap": True}), ("horizon", {"ratio": 1}), ("condition", {"ratio": 2}),
                    ("speaker", {"ratio": 1})):
        f.add_column(col, **kw)
    for fc in doc.forecasts:
        words = forecast_words(fc.statement, fc.evidence.text)
        if fc.restated:
            words += " [also the headline]"
        f.add_row(fc.id, Text(words if whole else short(words, 120)), _pct(fc.probability),
                  Text(fc.hedge),
                  Text(fc.horizon or "-"), Text(short(fc.condition or "-", 60)), Text(fc.speaker or "-"))
    return f


def _forecasts_list(doc: Document, width: int = 80, whole: bool = False) -> Group:
    rows = []
    for fc in doc.forecasts:
        head = Text(f"{_pct(fc.probability):>4}", style="bold")
        head.append(f"  {fc.hedge}")
        note = "; ".join(x for x in (fc.horizon and f"when: {fc.horizon}", fc.condition and f"if: {short(fc.condition, 60)}",
                                     fc.speaker, fc.restated and "also the headline") if x)
        rows.append((fc.id, head, note, forecast_words(fc.statement, fc.evidence.text), "italic"))
    return listing("Forecasts", rows, width, whole)


def _for_display(doc: Document) -> Document:
    """The document with bidirectional controls shown as U+FFFD (:mod:`cogmap.show.bidi`)."""
    if not any(ch in doc.text or ch in (doc.title or "") or ch in doc.source for ch in BIDI_CONTROLS):
        return doc  # speakers, labels and quotes are all taken from the text, title or source
    return Document.model_validate_json(neutralize_bidi(doc.model_dump_json(by_alias=True)))


def to_rich(doc: Document, whole: bool = False):
    """A renderable summary: speakers, claims, forecasts, removed debris; each quote cut to
    about two lines, or ``whole``."""
    doc = _for_display(doc)
    parts = []
    head = Text()
    head.append(doc.title or doc.source, style="bold")
    if doc.date:
        head.append(f"  ({doc.date})", style="dim")
    speakers = sorted({t.speaker for t in doc.turns if t.speaker} | {q.speaker for q in doc.quotes if q.speaker})
    kinds = {k: sum(1 for t in doc.turns if t.kind == k) for k in ("question", "answer", "narration")}
    head.append(f"\nsource: {doc.source}\n", style="dim")
    head.append(f"turns: {counted(kinds['question'], 'question')}, {counted(kinds['answer'], 'answer')}, "
                f"{kinds['narration']} narration; {counted(len(doc.quotes), 'quote')}; "
                f"{counted(len(doc.concepts), 'concept')}; {counted(len(doc.claims), 'claim')}; "
                f"{counted(len(doc.forecasts), 'forecast')}\n")
    head.append("speakers: ", style="bold")
    head.append(", ".join(speakers) if speakers else "none identified")
    parts.append(Panel(head, box=box.ROUNDED))

    parts.append(Adaptive(_claims_table(doc, whole), lambda w: _claims_list(doc, w, whole)) if doc.claims
                 else Text("No causal claims found.", style="yellow"))
    if doc.denials:
        parts.append(Adaptive(_denials_list(doc, WIDE, whole), lambda w: _denials_list(doc, w, whole)))
    parts.append(Adaptive(_forecasts_table(doc, whole), lambda w: _forecasts_list(doc, w, whole)) if doc.forecasts
                 else Text("No forecasts found.", style="yellow"))

    if doc.removed:
        r = Text("Removed as page debris:\n", style="bold")
        for line in doc.removed:
            r.append(f"  - {short(line, 100)}\n", style="dim")
        parts.append(r)
    return Group(*parts)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def _md(s: str) -> str:
    r"""Text as Markdown shows it literally: every character CommonMark could read as markup
    (or as HTML) is backslash-escaped, and a table cell stays on one line.

    >>> _md("<b>bold</b> *x* | y")
    '\\<b\\>bold\\</b\\> \\*x\\* \\| y'
    """
    return _MD_SPECIAL.sub(r"\\\1", s).replace("\n", " ")


def to_markdown(doc: Document) -> str:
    """A Markdown report with the same content as the terminal view."""
    doc = _for_display(doc)
    out = [f"# {_md(doc.title or doc.source)}", ""]
    out.append(f"Source: {_md(doc.source)}" + (f", date: {doc.date}" if doc.date else ""))
    speakers = sorted({t.speaker for t in doc.turns if t.speaker} | {q.speaker for q in doc.quotes if q.speaker})
    out += ["", f"Speakers: {_md(', '.join(speakers)) or 'none identified'}", "", "## Causal claims", ""]
    out += ["| id | cause | sign | effect | modality | p | speaker | quote |", "|---|---|---|---|---|---|---|---|"]
    for c in doc.claims:
        out.append(f"| {c.id} | {_md(_side(c.cause))} | {'+' if c.link_polarity > 0 else '-'} | {_md(_side(c.effect))} | "
                   f"{c.modality} | {_pct(c.probability)} | {_md(c.speaker or '')} | "
                   f"{_md(c.evidence.text)} ({c.evidence.start}-{c.evidence.end}) |")
    if doc.denials:
        out += ["", "## Denied links", "", "| id | cause | effect | speaker | quote |", "|---|---|---|---|---|"]
        out += [f"| {c.id} | {_md(c.cause.label)} | {_md(c.effect.label)} | {_md(c.speaker or '')} | "
                f"{_md(c.evidence.text)} ({c.evidence.start}-{c.evidence.end}) |" for c in doc.denials]
    out += ["", "## Forecasts", "", "| id | statement | p | hedge | horizon | condition | speaker |",
            "|---|---|---|---|---|---|---|"]
    for f in doc.forecasts:
        restated = " (also the headline)" if f.restated else ""
        out.append(f"| {f.id} | {_md(f.statement)}{restated} | {_pct(f.probability)} | {_md(f.hedge)} | "
                   f"{_md(f.horizon or '')} | {_md(f.condition or '')} | {_md(f.speaker or '')} |")
    if doc.removed:
        out += ["", "## Removed as page debris", ""] + [f"- {_md(r)}" for r in doc.removed]
    return "\n".join(out) + "\n"


def print_document(doc: Document, console: Console | None = None) -> None:
    (console or Console()).print(to_rich(doc))
