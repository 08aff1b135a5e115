"""CLI commands over models: ``map``, ``loops``, ``effect``, ``simulate``, ``stats``, ``export``, ``import``.

Each command parses its arguments, calls one function of :mod:`cogmap.model.model`,
:mod:`cogmap.model.loops`, :mod:`cogmap.model.effect`, :mod:`cogmap.model.simulate`,
:mod:`cogmap.model.stats` or :mod:`cogmap.model.formats`, and prints. Also here:
:func:`demo_model_story`, the loops and what-if part of ``cogmap demo``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Group
from rich.table import Table
from rich.text import Text

from cogmap.cli import llm as cli_llm
from cogmap.cli.extract import ALIASES, EXTRACTOR_HELP, Extractor, ProgressBar, read_aliases, use_extractor
from cogmap.errors import CogmapError, InputError
from cogmap.show.render import TerminalConsole, counted, short

__all__ = ["register", "demo_model_story"]

out = TerminalConsole()  # labels and titles come from model files: their bidi controls are shown as U+FFFD

#: The range of --time-budget: a budget of 0 or less stops a search before it starts, and NaN
#: or infinity never stops it (a day is more than any useful search).
MIN_SECONDS, MAX_SECONDS = 0.001, 86_400.0


def _choice(value: str, options: tuple, option: str) -> str:
    """Validate a choice ourselves, so a bad value is one line (exit 2), not a usage traceback."""
    v = value.strip().lower()
    if v == "mkosko":
        v = "modified-kosko"
    if v not in options:
        raise InputError(f"{option} {value!r} is not one of {', '.join(options)}")
    return v


OUT_FORMATS = ("table", "json")
EXPORT_FORMATS = ("graphml", "gexf", "dot", "mermaid", "csv")
TRANSFER_NAMES = ("sigmoid", "tanh", "bivalent", "trivalent")
RULE_NAMES = ("kosko", "modified-kosko", "rescaled")


def _print_json(data) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _short(s: Optional[str], n: int = 110) -> str:
    if not s:
        return ""
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _evidence_line(ev) -> str:
    where = ""
    if ev.source:
        where = Path(ev.source).name
        if ev.paragraph:
            where += f" ¶{ev.paragraph}"
        elif ev.start is not None:
            where += f" @{ev.start}"
    who = f"{ev.speaker}: " if ev.speaker else ""
    body = f"“{_short(ev.text)}”" if ev.text else _short(ev.rationale)
    return f"{who}{body}" + (f" [{where}]" if where else "")


def _signed(x: float, digits: int = 3) -> Text:
    s = f"{x:+.{digits}f}"
    if abs(x) < 0.5 * 10**-digits:
        return Text(f"{0:.{digits}f}  unchanged", style="dim")
    word = "raises" if x > 0 else "lowers"
    return Text(f"{s}  {word}", style="green" if x > 0 else "red")


# -- renderables shared by the commands and the demo ----------------------------------
def loops_renderable(res, *, quotes: bool = True, max_rows: Optional[int] = None):
    parts = []
    nr = sum(1 for lp in res.loops if lp.kind == "reinforcing")
    nb = len(res.loops) - nr
    parts.append(Text(f"{counted(len(res.loops), 'feedback loop')}: {nr} reinforcing, {nb} balancing", style="bold"))
    shown = res.loops if max_rows is None else res.loops[:max_rows]
    t = Table(show_lines=quotes)
    t.add_column("#", justify="right")
    t.add_column("kind")
    t.add_column("links", justify="right")
    t.add_column("loop (and the evidence for each link)" if quotes else "loop")
    for i, lp in enumerate(shown, 1):
        kind = "R" if lp.kind == "reinforcing" else "B"
        body = Text(" → ".join(lp.labels + [lp.labels[0]]))
        if quotes:
            n = len(lp.concepts)
            for j in range(n):
                sign = "+" if lp.weights[j] > 0 else "−"
                body.append(f"\n  {lp.labels[j]} ({sign}) {lp.labels[(j + 1) % n]}", style="bold")
                for ev in lp.evidence[j][:2]:
                    body.append(f"\n    {_evidence_line(ev)}", style="dim")
        t.add_row(
            str(i),
            Text(f"{kind} {lp.kind}", style="green" if kind == "R" else "yellow"),
            str(len(lp)),
            body,
        )
    if shown:
        parts.append(t)
    if max_rows is not None and len(res.loops) > max_rows:
        parts.append(Text(f"… and {len(res.loops) - max_rows} more (--show 0 prints all, --format json lists all)", style="dim"))
    for note in res.notes():
        parts.append(Text(f"note: {note}", style="yellow"))
    return Group(*parts)


def what_if_renderable(w, *, top: Optional[int] = None, only: Optional[list[str]] = None):
    def steps(k):
        return f"{k} step{'s' if k != 1 else ''}"

    def status(sim):
        if sim.status == "converged":
            return f"converged after {steps(sim.steps)}"
        if sim.status == "limit-cycle":
            return f"reached a limit cycle of period {sim.period} after {steps(sim.steps)}"
        return f"hit the step limit ({steps(sim.steps)}) without converging"

    parts = []
    setting = ", ".join(f"{w.scenario.labels[w.scenario.ids.index(k)]} = {v:g}" for k, v in w.scenario.clamped.items())
    parts.append(Text(f"What if {setting}?", style="bold"))
    parts.append(Text(f"baseline: {status(w.baseline)}; scenario: {status(w.scenario)}"))
    t = Table()
    t.add_column("concept")
    t.add_column("baseline", justify="right")
    t.add_column("scenario", justify="right")
    t.add_column("change", justify="right")
    rows = w.changes
    if only is not None:
        rows = [r for r in rows if r[0] in only]
    # A map drawn from articles has many concepts the clamp never reaches: rows of "0.000
    # unchanged" would bury the few that move, so they are named in one line below.
    still = [r for r in rows if round(r[4], 3) == 0 and r[0] not in w.scenario.clamped]
    rows = [r for r in rows if r not in still]
    if top is not None:
        rows = rows[:top]
    for cid, label, b, s, d in rows:
        name = label + ("  (set)" if cid in w.scenario.clamped else "")
        t.add_row(name, f"{b:.3f}", f"{s:.3f}", _signed(d))
    parts.append(t)
    if still:
        names = ", ".join(label for _, label, *_ in still)
        parts.append(Text(f"{counted(len(still), 'concept')} unchanged: {short(names, 300)}", style="dim"))
    return Group(*parts)


def demo_model_story(
    model,
    scenario: Optional[dict] = None,
    watch: Optional[list[str]] = None,
    *,
    max_length: int = 8,
    max_loops: int = 6,
    transfer: str = "tanh",
    rule: str = "kosko",
):
    """The loops and a what-if of a model, as one rich renderable for ``cogmap demo``.

    Parameters
    ----------
    model : Model or path
        e.g. ``examples/gallyamov-model.yaml``.
    scenario : dict, optional
        Concept name to clamped value; default ``{"western tank deliveries": 1}``.
    watch : list of str, optional
        Concepts to show in the what-if table (names that are not in the model are
        skipped); default: negotiation, mobilization and coup concepts, or the ten
        largest changes when none of those exist.

    transfer, rule : str
        Simulation settings. The default, ``tanh`` with Kosko's rule from all
        concepts at 0, makes the baseline the status quo (everything stays 0), so
        the scenario shows the intervention's own effect; with ``sigmoid`` every
        concept idles at 0.5 in the baseline, which dilutes effects several links away.

    Returns
    -------
    rich.console.Group
    """
    from cogmap.model.loops import loops
    from cogmap.model.model import Model, load_model, resolve_concept
    from cogmap.model.simulate import what_if

    if not isinstance(model, Model):
        model = load_model(model)
    scenario = scenario or {"western tank deliveries": 1.0}
    watch = watch if watch is not None else [
        "putin's will to negotiate",
        "negotiation",
        "second mobilization",
        "coup risk",
        "coup",
    ]
    res = loops(model, max_length=max_length, time_budget=5.0)
    w = what_if(model, scenario, transfer=transfer, rule=rule)
    only = []
    for name in watch:
        try:
            cid = resolve_concept(model, name)
        except InputError:
            continue
        if cid not in only:
            only.append(cid)
    only += [k for k in w.scenario.clamped if k not in only]
    return Group(
        Text(f"Model: {model.title or 'untitled'} — {counted(len(model.concepts), 'concept')}, "
             f"{counted(len(model.edges), 'link')}"),
        loops_renderable(res, quotes=False, max_rows=max_loops),
        what_if_renderable(w, only=only if len(only) > len(w.scenario.clamped) else None, top=None if len(only) > 1 else 10),
        Text(f"(fuzzy cognitive map: {transfer} transfer, {rule} rule, all concepts starting at 0)", style="dim"),
    )


# -- commands -------------------------------------------------------------------------
def register(app: typer.Typer) -> None:
    """Add the model commands to the ``cogmap`` app."""

    @app.command("map")
    def map_cmd(
        files: Optional[List[Path]] = typer.Argument(None, help="Articles or transcripts (text, HTML, ...), or documents already extracted (.json from `cogmap extract --format json`); or use --db."),
        output: Optional[Path] = typer.Option(None, "-o", "--output", help="Model file to write (.yaml or .json); stdout if omitted."),
        combine: str = typer.Option("mean", help="How repeated claims combine: mean, max or sum."),
        title: Optional[str] = typer.Option(None, help="Title of the model."),
        db: Optional[Path] = typer.Option(None, "--db", help="Map the documents of a store (see `cogmap add`) instead of FILEs."),
        speaker: Optional[str] = typer.Option(None, "--speaker", help="With --db: only this speaker's claims."),
        since: Optional[str] = typer.Option(None, "--since", metavar="DATE", help="With --db: only documents dated on or after YYYY-MM-DD."),
        extractor: Optional[Extractor] = typer.Option(None, "--extractor", help=EXTRACTOR_HELP),
        llm: bool = cli_llm.LLM, llm_only: bool = cli_llm.LLM_ONLY, llm_url: Optional[str] = cli_llm.LLM_URL,
        llm_model: Optional[str] = cli_llm.LLM_MODEL, llm_timeout: float = cli_llm.LLM_TIMEOUT,
        llm_concurrency: int = cli_llm.LLM_CONCURRENCY, llm_retries: int = cli_llm.LLM_RETRIES,
        llm_cache: Optional[str] = cli_llm.LLM_CACHE,
        aliases: Optional[Path] = ALIASES,
        embed: Optional[bool] = typer.Option(None, "--embed/--no-embed",
                                             help="Merge concepts by sentence embeddings too, in each article and "
                                                  "across them (default: yes, when the model is installed)."),
        original: bool = typer.Option(False, "--original", help="With --db: the map as extracted, without the reviews made in `cogmap serve`."),
    ) -> None:
        """Build a causal model (cogmap.model/1) from articles, or from a store with --db.

        Example: cogmap map interview.txt op-ed.html -o model.yaml
        Example: cogmap map --db cogmap.db --speaker "Jane Doe" --since 2024-01-01 -o model.json
        Example: cogmap map --db cogmap.db --aliases aliases.yaml -o model.yaml
        """
        use_extractor(extractor)
        steer = read_aliases(aliases)
        if output is not None:
            from cogmap.model.model import check_model_path

            check_model_path(output)  # before the reading, not after it
        if db is not None:  # the corpus store (cogmap.corpus.store); contradictions are listed on stderr
            cli_llm.refuse_with_db(llm, llm_only)
            if files:
                raise InputError("give FILE... or --db STORE, not both")
            from cogmap.cli.corpus import map_store

            map_store(db, speaker=speaker, since=since, output=output, combine=combine, title=title, aliases=steer,
                      original=original, embed=embed)
            return
        if speaker is not None or since is not None:
            raise InputError("--speaker and --since select documents of a store: add --db STORE")
        if not files:
            raise InputError("give the articles to map (FILE...) or a store (--db STORE)")
        cli_llm.start(llm, llm_only, llm_url, llm_model, llm_timeout, llm_concurrency, llm_retries, llm_cache)
        import cogmap
        from cogmap.model.model import from_documents

        docs = []
        with ProgressBar() as bar:
            for f in files:
                if f.suffix.lower() == ".json":  # already extracted (cogmap extract --format json): not read again
                    docs.append(cogmap.Document.load(f))
                    continue
                try:
                    docs.append(cogmap.extract(f, aliases=steer, embed=embed, progress=bar.task(str(f))))
                except NotImplementedError:
                    raise CogmapError("extraction is not available in this build yet (cogmap.extract)") from None
        from cogmap.extract.concepts import unify

        model = from_documents(unify(docs, embed=embed, aliases=steer), combine=combine, title=title,
                               aliases=steer)  # type: ignore[arg-type]
        if output is None:
            typer.echo(model.to_yaml(), nl=False)
        else:
            model.save(output)
            TerminalConsole(stderr=True).print(
                f"wrote {output}: {counted(len(model.concepts), 'concept')}, {counted(len(model.edges), 'link')} "
                f"from {counted(len(docs), 'document')}",
                highlight=False,
            )

    @app.command("loops")
    def loops_cmd(
        model_path: Path = typer.Argument(..., metavar="MODEL", help="Model file (cogmap.model/1)."),
        max_length: int = typer.Option(8, "--max-length", "-n", help="Longest loop to search for, in links."),
        limit: int = typer.Option(10000, min=1, help="Stop after this many loops."),
        time_budget: float = typer.Option(10.0, "--time-budget", min=MIN_SECONDS, max=MAX_SECONDS,
                                          help="Stop after this many seconds."),
        quotes: bool = typer.Option(True, "--quotes/--no-quotes", help="Show the evidence behind each link."),
        show: int = typer.Option(50, "--show", min=0, help="Loops to print in the table, shortest first (0: all)."),
        fmt: str = typer.Option("table", "--format", help="table or json."),
    ) -> None:
        """List the feedback loops, reinforcing or balancing, with the evidence for each link.

        Example: cogmap loops model.yaml --max-length 6
        """
        from cogmap.model.loops import loops
        from cogmap.model.model import load_model

        res = loops(load_model(model_path), max_length=max_length, limit=limit, time_budget=time_budget)
        if _choice(fmt, OUT_FORMATS, "--format") == "json":
            _print_json(res.to_dict())
        else:
            out.print(loops_renderable(res, quotes=quotes, max_rows=show or None))

    @app.command("effect")
    def effect_cmd(
        model_path: Path = typer.Argument(..., metavar="MODEL", help="Model file (cogmap.model/1)."),
        cause: str = typer.Argument(..., help="Cause concept (id or label)."),
        effect: str = typer.Argument(..., help="Effect concept (id or label)."),
        max_length: Optional[int] = typer.Option(None, "--max-length", "-n", help="Longest path, in links."),
        max_paths: int = typer.Option(10000, "--max-paths", min=1, help="Stop after this many paths."),
        time_budget: float = typer.Option(10.0, "--time-budget", min=MIN_SECONDS, max=MAX_SECONDS,
                                          help="Stop after this many seconds."),
        fmt: str = typer.Option("table", "--format", help="table or json."),
    ) -> None:
        """Axelrod's total effect of CAUSE on EFFECT: every path, its sign, and the total.

        Example: cogmap effect model.yaml "western tank deliveries" "coup risk"
        """
        from cogmap.model.effect import total_effect
        from cogmap.model.model import load_model

        if max_length is not None and max_length < 1:
            raise InputError("--max-length must be at least 1")
        te = total_effect(
            load_model(model_path), cause, effect, max_length=max_length, max_paths=max_paths, time_budget=time_budget
        )
        if _choice(fmt, OUT_FORMATS, "--format") == "json":
            _print_json(te.to_dict())
            return
        t = Table(title=None)
        t.add_column("#", justify="right")
        t.add_column("path")
        t.add_column("indirect effect")
        t.add_column("strength", justify="right")
        for i, p in enumerate(te.paths, 1):
            sign = Text("positive", style="green") if p.sign > 0 else Text("negative", style="red")
            t.add_row(str(i), " → ".join(p.labels), sign, f"{p.strength:+.3f}")
        if te.paths:
            out.print(t)
        npos = sum(1 for p in te.paths if p.sign > 0)
        detail = f"{len(te.paths)} path{'s' if len(te.paths) != 1 else ''}"
        if te.paths:
            detail += f": {npos} positive, {len(te.paths) - npos} negative"
        style = {"positive": "green", "negative": "red", "ambiguous": "yellow"}.get(te.total, "")
        line = Text("Total effect of ")
        line.append(te.paths[0].labels[0] if te.paths else cause, style="bold")
        line.append(" on ")
        line.append(te.paths[0].labels[-1] if te.paths else effect, style="bold")
        line.append(": ")
        line.append(te.total, style=style)
        line.append(f" ({detail}); weighted strength {te.strength:+.3f}")
        out.print(line)
        if not te.complete:
            out.print(
                Text("note: the path search was cut (max length, path limit or time budget); the total may be partial",
                     style="yellow")
            )

    @app.command("simulate")
    def simulate_cmd(
        model_path: Path = typer.Argument(..., metavar="MODEL", help="Model file (cogmap.model/1)."),
        set_: List[str] = typer.Option([], "--set", help='Clamp a concept: "label=value" (repeatable).'),
        steps: int = typer.Option(50, "--steps", min=1, max=100_000, help="Most steps to run."),
        transfer: Optional[str] = typer.Option(
            None, "--transfer", help="sigmoid, tanh, bivalent or trivalent [default: tanh if a link lowers, "
                                     "else sigmoid, as in the HTML report]"),
        rule: str = typer.Option("kosko", "--rule", help="kosko, modified-kosko or rescaled."),
        lam: float = typer.Option(1.0, "--lambda", min=1e-6, max=1e6, help="Steepness of sigmoid/tanh."),
        threshold: float = typer.Option(0.001, "--threshold", min=0.0, max=1.0,
                                        help="Converged when no concept moves more than this."),
        initial: float = typer.Option(0.0, "--initial", min=-1.0, max=1.0,
                                      help="Start value of concepts without an initial value."),
        top: Optional[int] = typer.Option(None, "--top", min=1, help="Show only the N largest changes."),
        fmt: str = typer.Option("table", "--format", help="table or json."),
    ) -> None:
        """What if? Run the model as a fuzzy cognitive map with concepts clamped, against a baseline.

        Example: cogmap simulate model.yaml --set "western tank deliveries=1" --transfer tanh
        """
        from cogmap.model.model import load_model
        from cogmap.model.simulate import default_transfer, parse_assignments, what_if

        if transfer is not None:
            transfer = _choice(transfer, TRANSFER_NAMES, "--transfer")
        rule = _choice(rule, RULE_NAMES, "--rule")
        fmt = _choice(fmt, OUT_FORMATS, "--format")
        model = load_model(model_path)
        transfer = transfer or default_transfer(model)
        clamp = parse_assignments(model, set_)
        if not clamp:
            raise InputError('nothing to simulate: give at least one --set "concept=value"')
        w = what_if(
            model,
            clamp,
            steps=steps,
            transfer=transfer,
            rule=rule,
            lam=lam,
            threshold=threshold,
            default=initial,
        )
        if _choice(fmt, OUT_FORMATS, "--format") == "json":
            d = w.to_dict()
            d["settings"] = {
                "transfer": transfer,
                "rule": rule,
                "lambda": lam,
                "threshold": threshold,
                "steps": steps,
            }
            _print_json(d)
        else:
            out.print(what_if_renderable(w, top=top))

    @app.command("stats")
    def stats_cmd(
        model_path: Path = typer.Argument(..., metavar="MODEL", help="Model file (cogmap.model/1)."),
        fmt: str = typer.Option("table", "--format", help="table or json."),
    ) -> None:
        """Concept roles, density, complexity and centrality, as Mental Modeler reports them.

        Example: cogmap stats model.yaml
        """
        from cogmap.model.model import load_model
        from cogmap.model.stats import stats

        s = stats(load_model(model_path))
        if _choice(fmt, OUT_FORMATS, "--format") == "json":
            _print_json(s.to_dict())
            return
        t = Table(title="Model")
        t.add_column("measure")
        t.add_column("value", justify="right")
        t.add_row("concepts", str(s.concepts))
        t.add_row("links", str(s.links))
        t.add_row("density (links / concepts²)", f"{s.density:.3f}")
        t.add_row("links per concept", f"{s.links_per_concept:.2f}")
        t.add_row("drivers", str(s.drivers))
        t.add_row("receivers", str(s.receivers))
        t.add_row("ordinary", str(s.ordinary))
        if s.isolated:
            t.add_row("isolated", str(s.isolated))
        t.add_row("complexity (receivers / drivers)", "n/a (no drivers)" if s.complexity is None else f"{s.complexity:.2f}")
        out.print(t)
        title = "Concepts (most central first)"
        if s.betweenness_sampled:
            title += f"; betweenness estimated from {s.betweenness_sampled} sampled concepts"
        c = Table(title=title)
        for col, just in [("concept", "left"), ("role", "left"), ("indegree", "right"), ("outdegree", "right"),
                          ("centrality", "right"), ("betweenness", "right")]:
            c.add_column(col, justify=just)  # type: ignore[arg-type]
        for p in s.per_concept:
            c.add_row(p.label, p.role, f"{p.indegree:.2f}", f"{p.outdegree:.2f}", f"{p.centrality:.2f}", f"{p.betweenness:.3f}")
        out.print(c)

    @app.command("export")
    def export_cmd(
        model_path: Path = typer.Argument(..., metavar="MODEL", help="Model file (cogmap.model/1)."),
        fmt: str = typer.Option(..., "--format", "-f", help="graphml, gexf, dot, mermaid or csv."),
        output: Optional[Path] = typer.Option(None, "-o", "--output", help="File to write; stdout if omitted."),
    ) -> None:
        """Export a model to Gephi (GraphML, GEXF), Graphviz (DOT), Mermaid or Mental Modeler (CSV).

        Example: cogmap export model.yaml --format gexf -o model.gexf
        """
        from cogmap.model.formats import export
        from cogmap.model.model import load_model

        text = export(load_model(model_path), _choice(fmt, EXPORT_FORMATS, "--format"))
        if not text.endswith("\n"):
            text += "\n"
        if output is None:
            typer.echo(text, nl=False)
        else:
            try:
                output.write_text(text, encoding="utf-8")
            except OSError as exc:
                raise InputError(f"{output}: cannot write ({exc.strerror or exc.__class__.__name__})") from None

    @app.command("import")
    def import_cmd(
        path: Path = typer.Argument(..., help="Adjacency-matrix CSV (Mental Modeler) or GraphML file."),
        output: Optional[Path] = typer.Option(None, "-o", "--output", help="Model file to write; stdout if omitted."),
    ) -> None:
        """Import a model from an adjacency-matrix CSV or GraphML.

        Example: cogmap import mentalmodeler.csv -o model.yaml
        """
        from cogmap.model.formats import import_model

        model = import_model(path)
        if output is None:
            typer.echo(model.to_yaml(), nl=False)
        else:
            model.save(output)
