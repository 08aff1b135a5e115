"""CLI commands for the corpus store: ``add``, ``documents``, ``experts``, ``forecasts list|resolve``.

``map --db`` (in :mod:`cogmap.cli.model`) calls :func:`map_store` from here.

Each command parses its arguments, calls one method of :class:`cogmap.corpus.store.Store`
of the same name and prints.
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
from dataclasses import asdict
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table
from rich.text import Text

from cogmap.cli import llm as cli_llm
from cogmap.cli.extract import ALIASES, EXTRACTOR_HELP, Extractor, read_aliases, use_extractor
from cogmap.errors import CogmapError, InputError
from cogmap.corpus.store import DEFAULT_DB, Store
from cogmap.show.render import WIDE, Adaptive, TerminalConsole, counted, forecast_words, listing, short

# Speakers, statements and labels come from the articles: their bidi controls are shown as U+FFFD.
out = TerminalConsole(emoji=False)
err = TerminalConsole(stderr=True, emoji=False)

DB_HELP = "The store: a SQLite file, created on first use."
# The other commands refuse a missing store (a typo must not make an empty one), so their
# help must not promise that it is made.
STORE_HELP = "The store: a SQLite file made by `cogmap add`; it must exist."


class Format(str, Enum):
    table = "table"
    json = "json"


def _echo_json(data) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _fmt(x: Optional[float], digits: int = 3) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def _mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB" if n else "-"


def add(
    paths: List[str] = typer.Argument(..., help="Files, folders (searched for .txt, .html, .htm) or globs.", show_default=False),
    db: Path = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
    workers: Optional[int] = typer.Option(
        None, "--workers", "-w", min=0, help="Extraction processes [default: one per core; 0: in this process]."
    ),
    dask: Optional[str] = typer.Option(
        None, "--dask", metavar="ADDRESS", help="Extract on a running dask.distributed scheduler, e.g. tcp://host:8786."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    extractor: Optional[Extractor] = typer.Option(None, "--extractor", help=EXTRACTOR_HELP),
    llm: bool = cli_llm.LLM, llm_only: bool = cli_llm.LLM_ONLY, llm_url: Optional[str] = cli_llm.LLM_URL,
    llm_model: Optional[str] = cli_llm.LLM_MODEL, llm_timeout: float = cli_llm.LLM_TIMEOUT,
    llm_concurrency: int = cli_llm.LLM_CONCURRENCY, llm_retries: int = cli_llm.LLM_RETRIES,
    aliases: Optional[Path] = ALIASES,
) -> None:
    """Extract documents and add them to the store; the same content twice is stored once.

    With --aliases, new documents are extracted under an alias file (map --db --aliases applies it to all).

    With --llm, a language model then reads each document it has not read yet (its
    answers cached in the store); one it cannot read keeps the offline reading and is
    read when the same command runs again.

    Example: cogmap add articles/ interviews/*.html --db corpus.db --workers 4
    """
    use_extractor(extractor)
    steer = read_aliases(aliases)
    reader = cli_llm.reader(llm, llm_only, llm_url, llm_model, llm_timeout, llm_concurrency, llm_retries, store=True)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            elapsed = task.elapsed or 0.0
            rate = task.completed / elapsed if elapsed > 0 else 0.0
            return Text(f"{rate:.1f} docs/s")

    from cogmap.corpus.workers import expand_paths

    if not expand_paths(paths):  # a path that is not there fails here, before a store file is made for nothing
        raise InputError(f"no articles in {', '.join(map(str, paths))} (a folder is searched for "
                         f".txt, .html and .htm files)")
    new_store = not Path(db).exists()
    store = Store(db)
    bar = Progress(
        TextColumn("adding"), BarColumn(), MofNCompleteColumn(), Rate(), TimeElapsedColumn(),
        TextColumn("{task.fields[last]}", style="dim"),
        console=err, disable=quiet, transient=False,
    )
    task = None

    def progress(done: int, total: int, source: Optional[str], status: str) -> None:
        nonlocal task
        if status == "start":
            task = bar.add_task("add", total=total, last="")
            return
        name = Path(source).name if source else ""
        bar.update(task, completed=done, last=name[:40])
        if status == "failed" and not quiet:
            bar.console.print(f"[red]failed:[/red] {source}", highlight=False)

    try:
        with bar:
            report = store.add(paths, workers=workers, dask_address=dask, progress=progress, aliases=steer)
        read = cli_llm.read_store(store, paths, reader, quiet, extractor) if reader is not None else None
    finally:
        store.close()
    how = f"dask ({report.workers} workers)" if dask else (
        "in this process" if report.workers == 0 else f"{report.workers} worker{'s' if report.workers != 1 else ''}"
    )
    already = f" (their content is already in {db})" if report.unchanged else ""
    out.print(
        f"added {len(report.added)}, unchanged {len(report.unchanged)}{already}, "
        f"failed {len(report.failed)}; {report.docs_per_second:.1f} docs/s, {how}",
        highlight=False, soft_wrap=True,
    )
    if new_store and not report.added and not report.unchanged:
        _remove_store(db)  # a run that stored nothing leaves no empty store behind
        out.print(f"nothing was stored, so no store was made at {db}", highlight=False)
    elif not report.added and not (read and read.read):
        out.print("nothing new: the store is unchanged", highlight=False)
    if read is not None:
        cli_llm.say_store(read, db)
    if report.failed:
        out.print("failed documents (skipped):", style="red")
        for source, why in report.failed:
            out.print(f"  {source}: {why}", highlight=False, markup=False, soft_wrap=True)
        n = len(report.failed)
        rest = ("the others were added" if report.added else
                "the others were in the store already" if report.unchanged else "nothing was added")
        why = f"{n} document{'s' if n != 1 else ''} failed (listed above); {rest}"
        from cogmap.corpus.workers import INTERNAL

        # Exit status 2 when every failure is the input's (empty, binary, not a document), 1 when cogmap failed.
        raise CogmapError(why) if any(w.startswith(INTERNAL) for _, w in report.failed) else InputError(why)


def _remove_store(db) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.unlink(f"{db}{suffix}")
        except FileNotFoundError:
            pass


def documents(
    db: Path = typer.Option(DEFAULT_DB, "--db", help=STORE_HELP),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Only documents where this speaker speaks (case ignored)."),
    since: Optional[str] = typer.Option(None, "--since", metavar="DATE", help="Only documents dated on or after YYYY-MM-DD."),
    fmt: Format = typer.Option(Format.table, "--format", help="table or json."),
) -> None:
    """List the stored documents: the ID that `report --document ID` takes, date, title, speakers and counts.

    Example: cogmap documents --db corpus.db

    Example: cogmap report --db corpus.db --document 3 -o article.html
    """
    with Store(db, create=False, readonly=True) as store:
        rows = store.document_rows(speaker=speaker, since=since)
    if fmt == Format.json:
        _echo_json([asdict(r) for r in rows])
        return
    if not rows:
        out.print("no documents match" if speaker is not None or since is not None else f"no documents in {db}",
                  highlight=False)
        return
    title = f"documents in {db}"
    t = Table(title=title, caption="one document's report: cogmap report --db STORE --document ID -o page.html")
    t.add_column("ID", justify="right", no_wrap=True)
    t.add_column("date", no_wrap=True)
    t.add_column("title (source)", ratio=2, overflow="fold")
    t.add_column("speakers", ratio=1, overflow="fold")
    t.add_column("claims", justify="right", no_wrap=True)
    t.add_column("forecasts", justify="right", no_wrap=True)
    items = []
    for r in rows:
        name = Path(r.source).name or r.source
        what = Text.assemble(r.title, (f" ({name})", "dim")) if r.title else Text(name)
        who = ", ".join(r.speakers) or "-"
        t.add_row(str(r.id), r.day or r.date or "-", what, Text(who), str(r.claims), str(r.forecasts))
        # As `forecasts list` does on a narrow terminal: the title gets the width, the rest a line of its own.
        note = "; ".join(x for x in (r.day or r.date or "undated", who if r.speakers else "no speakers",
                                     f"{counted(r.claims, 'claim')}, {counted(r.forecasts, 'forecast')}") if x)
        items.append((str(r.id), what, note, "", ""))
    out.print(Adaptive(t, lambda w: listing(title, items, w)))
    if out.width < WIDE:
        out.print(Text(t.caption, style="dim"))


def experts(
    db: Path = typer.Option(DEFAULT_DB, "--db", help=STORE_HELP),
    plot: Optional[Path] = typer.Option(None, "--plot", help="Also draw a calibration diagram (png, svg, pdf)."),
    bins: int = typer.Option(10, "--bins", min=1, max=100, help="Probability bins of the calibration tables."),
    fmt: Format = typer.Option(Format.table, "--format", help="table or json."),
) -> None:
    """Speakers with their documents, claims, forecasts, Brier and log scores and calibration.

    Example: cogmap experts --db corpus.db --plot calibration.png
    """
    if plot is not None and plot.suffix.lower().lstrip(".") not in _PLOT_FORMATS:
        # Checked first: a wrong name should not cost the user the tables before it.
        raise InputError(f"--plot {plot}: name a .png, .svg or .pdf file")
    from cogmap.corpus.ledger import check_plot_path

    check_plot_path(plot)
    with Store(db, create=False, readonly=True) as store:
        rows = store.experts(bins=bins)
    if fmt == Format.json:
        _echo_json([asdict(e) for e in rows])
        if plot is not None:
            _plot(rows, plot, quiet=True)
        return
    if not rows:
        out.print("no speakers with claims or forecasts in the store")
        return
    t = Table(title=f"experts in {db}", caption="Brier: 0 is perfect, lower is better; log score: 0 is perfect, higher is better")
    t.add_column("speaker", ratio=1, overflow="fold")
    for col in ("docs", "claims", "forecasts", "resolved", "Brier", "log score"):
        t.add_column(col, justify="right", no_wrap=True)
    items = []
    for e in rows:
        t.add_row(Text(e.speaker), str(e.documents), str(e.claims), str(e.forecasts), str(e.resolved), _fmt(e.brier), _fmt(e.log_score))
        # On a narrow terminal the six number columns left the names no room at all.
        items.append(("", Text(e.speaker, style="bold"),
                      f"{counted(e.documents, 'doc')}, {counted(e.claims, 'claim')}, "
                      f"{counted(e.forecasts, 'forecast')} ({e.resolved} resolved); "
                      f"Brier {_fmt(e.brier)}, log score {_fmt(e.log_score)}", "", ""))
    out.print(Adaptive(t, lambda w: listing(t.title, items, w)))
    if out.width < WIDE:
        out.print(Text(t.caption, style="dim"))
    for e in rows:
        if not e.calibration:
            continue
        c = Table(title=Text(f"calibration: {e.speaker}"))
        for col in ("probability bin", "forecasts", "mean probability", "came true"):
            c.add_column(col, justify="right")
        for b in e.calibration:
            c.add_row(f"{b.lower:.1f}-{b.upper:.1f}", str(b.n), _fmt(b.mean_probability, 2), _fmt(b.observed_frequency, 2))
        out.print(c)
    if plot is not None:
        _plot(rows, plot)


_PLOT_FORMATS = ("png", "svg", "pdf")


def _plot(rows, plot: Path, quiet: bool = False) -> None:
    from cogmap.corpus import ledger

    tables = {e.speaker: e.calibration for e in rows if e.calibration}
    if not tables:
        raise CogmapError("no resolved forecasts to plot: resolve some with `cogmap forecasts resolve`")
    ledger.plot_calibration(tables, plot)
    if not quiet:
        out.print(f"wrote {plot}", highlight=False)
    else:
        err.print(f"wrote {plot}", highlight=False)


forecasts_app = typer.Typer(help="List and resolve the forecasts in the store.", no_args_is_help=True)


@forecasts_app.command("list")
def forecasts(
    db: Path = typer.Option(DEFAULT_DB, "--db", help=STORE_HELP),
    open_: bool = typer.Option(False, "--open", help="Only forecasts not resolved yet."),
    resolved: bool = typer.Option(False, "--resolved", help="Only resolved forecasts."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Only this speaker's (case ignored)."),
    fmt: Format = typer.Option(Format.table, "--format", help="table or json."),
) -> None:
    """List forecasts with their ID, speaker, probability and resolution.

    Example: cogmap forecasts list --open --speaker "Jane Doe"
    """
    if open_ and resolved:
        raise InputError("--open and --resolved exclude each other")
    with Store(db, create=False, readonly=True) as store:
        rows = store.forecasts(open=True if open_ else None, resolved=True if resolved else None, speaker=speaker)
    if fmt == Format.json:
        _echo_json([asdict(r) for r in rows])
        return
    if not rows:
        out.print("no forecasts match")
        return
    title = f"forecasts in {db}"
    t = Table(title=title)
    t.add_column("ID", justify="right", no_wrap=True)
    t.add_column("speaker", max_width=16, overflow="fold")
    t.add_column("p", justify="right", no_wrap=True)
    t.add_column("statement (if, horizon, source)", ratio=1, overflow="fold")
    t.add_column("resolved", no_wrap=True)
    items = []
    for r in rows:
        if r.resolved:
            res = Text.assemble(("yes" if r.outcome else "no", "green" if r.outcome else "red"), f" {r.resolved_on}")
        else:
            res = Text("open")
        # The condition goes with the statement: "rents will rise" if the bank cuts is not
        # the same forecast as "rents will rise", and is resolved otherwise.
        where = ", ".join(x for x in (r.condition and f"if: {short(r.condition, 60)}", r.horizon,
                                      Path(r.source).name) if x)
        said = forecast_words(r.statement, r.evidence)
        t.add_row(str(r.id), Text(r.speaker or "?"), f"{r.probability:.2f}",
                  Text.assemble(said, (f" ({where})", "dim")), res)
        # On a narrow terminal the table's columns would fold a file name mid-word: a list
        # gives the statement the width and the speaker, horizon and source a line of their own.
        head = Text.assemble((f"{r.probability:.2f}", "bold"), "  ", said)
        note = "; ".join(x for x in (r.speaker or "no speaker", r.condition and f"if: {short(r.condition, 60)}",
                                     r.horizon and f"when: {r.horizon}", Path(r.source).name, res.plain) if x)
        items.append((str(r.id), head, note, "", ""))
    out.print(Adaptive(t, lambda w: listing(title, items, w)))


@forecasts_app.command("resolve")
def resolve(
    forecast_id: int = typer.Argument(..., metavar="ID", help="The ID shown by `cogmap forecasts list`."),
    outcome: str = typer.Option(..., "--outcome", help="yes or no: did it happen?"),
    on: Optional[str] = typer.Option(None, "--on", metavar="DATE", help="When it was known, YYYY-MM-DD (default: today)."),
    note: Optional[str] = typer.Option(None, "--note", help="Where the outcome comes from."),
    force: bool = typer.Option(False, "--force", help="Resolve again; the earlier resolution is kept as history."),
    db: Path = typer.Option(DEFAULT_DB, "--db", help=STORE_HELP),
) -> None:
    """Record whether a forecast came true.

    Example: cogmap forecasts resolve 12 --outcome yes --on 2025-03-01 --note "BLS release"
    """
    with Store(db, create=False) as store:
        r = store.resolve(forecast_id, outcome, on=on, note=note, force=force)
    out.print(
        f"forecast {r.forecast_id} resolved {'yes' if r.outcome else 'no'} on {r.resolved_on}"
        + (f" ({r.note})" if r.note else ""),
        highlight=False,
    )


def map_store(db, speaker=None, since=None, output=None, original=False, **options):
    """``cogmap map --db``: build the store's model, write it, list contradictions.

    The model goes to ``output`` or, without one, to stdout as YAML; messages
    and the contradictions go to stderr so that stdout stays a valid model.
    """
    t0 = time.perf_counter()
    with Store(db, create=False, readonly=True) as store:
        model = store.map(speaker=speaker, since=since, reviewed=not original, **options)
        if speaker is not None and not model.edges and not store.forecasts(speaker=speaker):
            # as `report --speaker` says: an empty map would look like a speaker who said nothing causal
            raise InputError(f"no claims or forecasts by {speaker!r} in {db} (see `cogmap experts --db {db}`)")
        store.check_dated_since(since)
        contradictions = store.contradictions(speaker=speaker, since=since)
        if not original:
            # A link a review rejected, or merged away, contradicts no one in this map; the
            # others are named as the reviewed map names their concepts.
            linked, label = _linked(model)
            contradictions = [dataclasses.replace(c, cause=label(c.cause), effect=label(c.effect))
                              for c in contradictions if linked(c.cause, c.effect)]
    if output is None:
        typer.echo(_model_text(model, "yaml"), nl=False)
    else:
        output = Path(output)
        save = getattr(model, "save", None)
        if callable(save):
            save(output)
        else:  # pragma: no cover - every Model has save()
            output.write_text(_model_text(model, "json" if output.suffix.lower() == ".json" else "yaml"), encoding="utf-8")
        err.print(
            f"wrote {output}: {counted(len(model.concepts), 'concept')}, {counted(len(model.edges), 'link')} "
            f"from {counted(len(getattr(model, 'sources', []) or []), 'document')} in {db}",
            highlight=False, soft_wrap=True,
        )
    if contradictions:
        whose = f" between {speaker} and others (theirs are not in the map)" if speaker else " from different speakers"
        err.print(f"{len(contradictions)} contradiction(s): opposite signs{whose}", style="yellow", highlight=False)
        for c in contradictions[:SHOW]:
            err.print(f"  {c.cause} -> {c.effect}: raises per {_names(c.positive)}; lowers per {_names(c.negative)}",
                      highlight=False, markup=False, soft_wrap=True)
        if len(contradictions) > SHOW:
            err.print(f"  ... and {len(contradictions) - SHOW} more (Store.contradictions() lists them all)",
                      highlight=False)
    else:
        err.print("no contradictions between speakers", highlight=False)
    err.print(f"mapped in {time.perf_counter() - t0:.2f} s", style="dim", highlight=False)
    return model


SHOW = 20  # contradictions printed by `map --db`


def _linked(model):
    """Two functions: whether ``model`` links the concepts labelled (or once labelled)
    ``cause`` and ``effect``, and the label ``model`` gives a concept so named; the lookups
    are made once, for a corpus's many contradictions."""
    from cogmap.corpus.review import concept_finder

    find = concept_finder(model)
    pairs = {(e.cause, e.effect) for e in model.edges}
    labels = {c.id: c.label for c in model.concepts}
    return (lambda cause, effect: (find(cause), find(effect)) in pairs,
            lambda name: labels.get(find(name), name))


def _names(claims, most: int = 4) -> str:
    names = sorted({who for who, _, _ in claims})
    extra = f" and {len(names) - most} more" if len(names) > most else ""
    return ", ".join(names[:most]) + extra


def _model_text(model, kind: str) -> str:
    meth = getattr(model, f"to_{kind}", None)
    if callable(meth):
        return meth()
    data = model.to_dict() if hasattr(model, "to_dict") else model.model_dump(by_alias=True)
    if kind == "json":
        import json

        return json.dumps(data, ensure_ascii=False, indent=2)
    import yaml

    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def register(app: typer.Typer) -> None:
    app.command("add")(add)
    app.command("documents")(documents)
    app.command("experts")(experts)
    app.add_typer(forecasts_app, name="forecasts")
