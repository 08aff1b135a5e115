"""CLI commands for reviewing a store's map: ``review list|accept|reject|flip|add|rename|merge|split|undo|apply``.

The same reviews as the side panel of ``cogmap serve`` makes, from the terminal, over
:mod:`cogmap.corpus.review`: each is stored with who and when, and ``map --db``,
``report --db`` and ``serve`` apply them.
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from cogmap.cli.corpus import Format, _echo_json
from cogmap.corpus.store import DEFAULT_DB, Store
from cogmap.show.render import TerminalConsole, counted

out = TerminalConsole(emoji=False)  # labels and notes come from the articles and the reviewers
err = TerminalConsole(stderr=True, emoji=False)

review_app = typer.Typer(help="Review the store's map: accept, reject, flip, add, rename, merge, split, undo; "
                              "apply a file of reviews.",
                         no_args_is_help=True)

DB = typer.Option(DEFAULT_DB, "--db", help="The store (made by `cogmap add`).")
NOTE = typer.Option(None, "--note", help="Why (kept with the review).")
WHO = typer.Option(None, "--who", help="Who reviews (default: the system user name).")
CAUSE = typer.Argument(..., help="The link's cause, as a concept label (see `cogmap map --db`).", show_default=False)
EFFECT = typer.Argument(..., help="The link's effect, as a concept label.", show_default=False)


class Sign(str, Enum):
    raises = "raises"
    lowers = "lowers"


def _review(db: Path, action: str, **fields) -> None:
    from cogmap.corpus.review import add_review, describe

    with Store(db, create=False) as store:
        r = add_review(store, action, **fields)
    out.print(f"review {r.id}: {describe(r)}" + (f" ({r.note})" if r.note else ""), highlight=False, soft_wrap=True)


@review_app.command("list")
def list_reviews(db: Path = DB, format: Format = typer.Option(Format.table, "--format", "-f",
                                                              help="A table, or JSON for scripts."),
                 output: Optional[Path] = typer.Option(None, "--output", "-o",
                                                       help="Write the JSON to this file (what `review apply` reads).")
                 ) -> None:
    """The reviews of the store, oldest first, the undone ones too.

    Example: cogmap review list --db corpus.db
    """
    from cogmap.cli.extract import _write
    from cogmap.corpus.review import describe, reviews

    with Store(db, create=False, readonly=True) as store:
        rows = reviews(store)
    if output is not None:
        _write(output, json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2) + "\n")
        out.print(f"wrote {counted(len(rows), 'review')} to {output}", highlight=False, soft_wrap=True)
        return
    if format is Format.json:
        _echo_json([r.to_dict() for r in rows])
        return
    if not rows:
        out.print(f"no reviews in {db}: `cogmap review accept CAUSE EFFECT --db {db}` makes one, "
                  f"or `cogmap serve --db {db}`", highlight=False, soft_wrap=True)
        return
    table = Table(title=f"{counted(len(rows), 'review')} of {db.name}", title_justify="left")
    for col in ("#", "when", "who", "review", "note", "undone"):
        table.add_column(col, overflow="fold")
    for r in rows:
        undone = f"by {r.undone_by} on {r.undone_at[:10]}" if r.undone_at else ""
        table.add_row(str(r.id), r.at[:16].replace("T", " "), r.who, describe(r), r.note or "", undone,
                      style="strike dim" if r.undone_at else None)
    out.print(table)


@review_app.command("accept")
def accept(cause: str = CAUSE, effect: str = EFFECT, note: Optional[str] = NOTE, who: Optional[str] = WHO,
           db: Path = DB) -> None:
    """Mark a link as checked against its quotes.

    Example: cogmap review accept "interest rates" "house prices" --db corpus.db
    """
    _review(db, "accept", cause=cause, effect=effect, note=note, who=who)


@review_app.command("reject")
def reject(cause: str = CAUSE, effect: str = EFFECT, note: Optional[str] = NOTE, who: Optional[str] = WHO,
           db: Path = DB) -> None:
    """Take a misread link out of the map (its claims stay in the store).

    Example: cogmap review reject "dynamics" "negotiation" --note "not a cause" --db corpus.db
    """
    _review(db, "reject", cause=cause, effect=effect, note=note, who=who)


@review_app.command("flip")
def flip(cause: str = CAUSE, effect: str = EFFECT, note: Optional[str] = NOTE, who: Optional[str] = WHO,
         db: Path = DB) -> None:
    """Turn a link's sign round: raises becomes lowers, and back.

    Example: cogmap review flip "war" "legitimacy" --note "the text says it erodes" --db corpus.db
    """
    _review(db, "flip", cause=cause, effect=effect, note=note, who=who)


@review_app.command("add")
def add(cause: str = typer.Argument(..., help="The cause: a concept label, or a new one.", show_default=False),
        effect: str = typer.Argument(..., help="The effect: a concept label, or a new one.", show_default=False),
        sign: Sign = typer.Option(..., "--sign", help="Whether the cause raises or lowers the effect."),
        weight: Optional[float] = typer.Option(None, "--weight", help="Its size, above 0 and at most 1 (default: 1)."),
        note: Optional[str] = NOTE, who: Optional[str] = WHO, db: Path = DB) -> None:
    """Add a link the machine missed (to the whole-corpus map only).

    Example: cogmap review add "talks" "war length" --sign lowers --note "paragraph 4" --db corpus.db
    """
    _review(db, "add", cause=cause, effect=effect, sign=1 if sign is Sign.raises else -1, weight=weight, note=note,
            who=who)


@review_app.command("rename")
def rename(concept: str = typer.Argument(..., help="The concept, as a label.", show_default=False),
           label: str = typer.Argument(..., help="Its new label.", show_default=False),
           note: Optional[str] = NOTE, who: Optional[str] = WHO, db: Path = DB) -> None:
    """Give a concept the label an analyst would write (the old one stays as an alias).

    Example: cogmap review rename "tanks" "Western tank deliveries" --db corpus.db
    """
    _review(db, "rename", concept=concept, label=label, note=note, who=who)


@review_app.command("merge")
def merge(concept: str = typer.Argument(..., help="The concept to merge, as a label.", show_default=False),
          into: str = typer.Argument(..., help="The concept it joins.", show_default=False),
          note: Optional[str] = NOTE, who: Optional[str] = WHO, db: Path = DB) -> None:
    """Join two wordings of one variable; their links join too.

    Example: cogmap review merge "incoming tanks" "tanks" --db corpus.db
    """
    _review(db, "merge", concept=concept, into=into, note=note, who=who)


@review_app.command("split")
def split(concept: str = typer.Argument(..., help="The concept, as a label.", show_default=False),
          wording: str = typer.Argument(..., help="One of its wordings (`cogmap map --db` lists them as aliases).",
                                        show_default=False),
          note: Optional[str] = NOTE, who: Optional[str] = WHO, db: Path = DB) -> None:
    """Take a wording the machine merged wrongly out of a concept: it stands as a concept of its own,
    with the links its quotes give it.

    Example: cogmap review split "inflation" "services inflation" --db corpus.db
    """
    _review(db, "split", concept=concept, wording=wording, note=note, who=who)


@review_app.command("undo")
def undo(review_id: int = typer.Argument(..., metavar="ID", help="The review's number (`cogmap review list`)."),
         who: Optional[str] = WHO, db: Path = DB) -> None:
    """Undo a review: the map is made as if it had not been; the log keeps it, marked undone.

    Example: cogmap review undo 3 --db corpus.db
    """
    from cogmap.corpus.review import describe, undo_review

    with Store(db, create=False) as store:
        r = undo_review(store, review_id, who=who)
    out.print(f"review {r.id} undone: {describe(r)}", highlight=False, soft_wrap=True)


@review_app.command("apply")
def apply(file: Path = typer.Argument(..., help="JSON from `cogmap review list --format json`, or a YAML list "
                                                "of reviews with the same fields.", show_default=False),
          quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
          db: Path = DB) -> None:
    """Make the reviews of a file in this store, in order, all or none: how reviews made on one
    store reach another. Undone reviews and those the store already has are skipped.

    Example: cogmap review list --db mine.db -o reviews.json && cogmap review apply reviews.json --db theirs.db
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from cogmap.corpus.review import describe, load_reviews, replay

    items = load_reviews(file)
    bar = Progress(TextColumn("reviewing"), BarColumn(), MofNCompleteColumn(), console=err,
                   disable=quiet or len(items) < 20, transient=True)
    with Store(db, create=False) as store, bar:
        task = bar.add_task("apply", total=len(items))
        made, skipped = replay(store, items, progress=lambda done, total: bar.update(task, completed=done))
    for r in made:
        out.print(f"review {r.id}: {describe(r)}", highlight=False, soft_wrap=True)
    why = {}
    for _, reason in skipped:
        why[reason] = why.get(reason, 0) + 1
    tail = f" (skipped {', '.join(f'{n} {reason}' for reason, n in why.items())})" if skipped else ""
    out.print(f"applied {counted(len(made), 'review')} from {file.name}{tail}", highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.add_typer(review_app, name="review")
