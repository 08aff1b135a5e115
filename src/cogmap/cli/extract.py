"""CLI commands for extraction: ``extract`` and ``demo``."""

from __future__ import annotations

import json
import os
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.markup import escape

from cogmap.cli import llm as cli_llm
from cogmap.errors import CogmapError, InputError
from cogmap.files import write_atomic

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "example-interview.txt"
# The curated model of the real interview: shipped in the package, or in a checkout.
MODEL_PLACES = (Path(__file__).resolve().parents[1] / "data" / "gallyamov-model.yaml",
                Path(__file__).resolve().parents[3] / "examples" / "gallyamov-model.yaml")


class ProgressBar:
    """A progress bar on standard error while extract, map or report read articles.

    Only when standard error is a terminal: a long article takes minutes (a few hundred
    sentences a second), and a pipe or a file gets nothing but the result. The bar goes
    when the work is done.
    """

    _STAGES = {"parse": "parsing paragraphs", "read": "reading sentences"}

    def __enter__(self) -> "ProgressBar":
        import sys

        self.progress = None
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                     TimeElapsedColumn(), console=Console(stderr=True), transient=True)
            self.progress.start()
        self._task = None
        return self

    def task(self, name: str):
        """The ``progress`` callback of :func:`cogmap.extract.pipeline.extract` for one article."""
        if self.progress is None:
            return None
        if self._task is not None:
            self.progress.remove_task(self._task)
        self._task = task = self.progress.add_task(escape(Path(name).name or name), total=None)

        def report(stage: str, done: int, total: int) -> None:
            self.progress.update(task, description=f"{escape(Path(name).name or name)}: {self._STAGES[stage]}",
                                 completed=done, total=total)
        return report

    def __exit__(self, *exc) -> None:
        if self.progress is not None:
            self.progress.stop()


class Fmt(str, Enum):
    text = "text"
    json = "json"
    md = "md"


class Extractor(str, Enum):
    learned = "learned"
    rules = "rules"


# (The default is written out, not imported: the pipeline's module is loaded only when a
# command runs. tests/test_cli_extract.py checks the two agree.)
EXTRACTOR_HELP = ("How claims and forecasts are found: learned (the fine-tuned reader) or rules. "
                  "Default: learned, or $COGMAP_EXTRACTOR_KIND.")


#: ``--aliases FILE`` of extract, map, add and report.
ALIASES = typer.Option(None, "--aliases", metavar="FILE", show_default=False,
                       help="Alias file (YAML): wordings to merge under one label, pairs to keep apart "
                            "(docs/aliases.md).")


def read_aliases(path: Optional[Path]):
    """The alias file, read and checked before any work (a bad one is one line, exit 2)."""
    if path is None:
        return None
    from cogmap.aliases import load_aliases

    return load_aliases(path)


def use_extractor(kind: Optional[Extractor]) -> None:
    """Name the extractor for this process and the workers it starts (they inherit the environment)."""
    if kind is not None:
        os.environ["COGMAP_EXTRACTOR_KIND"] = kind.value


class Scale(str, Enum):
    icd203 = "icd203"
    kent = "kent"
    survey = "survey"


def _write(out: Optional[Path], content: str) -> None:
    if out is None:
        typer.echo(content, nl=not content.endswith("\n"))
        return
    write_atomic(out, content)  # never a half-written file, and never a device replaced


def register(app: typer.Typer) -> None:
    @app.command()
    def extract(
        files: List[str] = typer.Argument(..., help="Articles: .txt, .html/.htm, or - for standard input."),
        fmt: Fmt = typer.Option(Fmt.text, "--format", "-f", help="text (terminal), json (cogmap.document/1) or md."),
        output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
        scale: Scale = typer.Option(Scale.icd203, "--scale", help="How hedges become probabilities."),
        embed: Optional[bool] = typer.Option(None, "--embed/--no-embed",
                                             help="Merge concepts by sentence embeddings too (default: "
                                                  "yes, when the model is installed, as it is by default)."),
        extractor: Optional[Extractor] = typer.Option(None, "--extractor", help=EXTRACTOR_HELP),
        llm: bool = cli_llm.LLM, llm_only: bool = cli_llm.LLM_ONLY, llm_url: Optional[str] = cli_llm.LLM_URL,
        llm_model: Optional[str] = cli_llm.LLM_MODEL, llm_timeout: float = cli_llm.LLM_TIMEOUT,
        llm_concurrency: int = cli_llm.LLM_CONCURRENCY, llm_retries: int = cli_llm.LLM_RETRIES,
        llm_cache: Optional[str] = cli_llm.LLM_CACHE,
        aliases: Optional[Path] = ALIASES,
        whole: bool = typer.Option(False, "--whole", help="Show every quote whole (text format; else cut to two lines)."),
    ):
        """Extract causal claims, forecasts, speakers and turns from articles.

        Example: cogmap extract interview.txt --format json -o interview.json

        Example: cogmap extract interview.txt --aliases aliases.yaml

        Example: cogmap extract interview.txt --llm --llm-url http://127.0.0.1:8080 --llm-model qwen2.5
        """
        from cogmap.extract.llm import Unreachable
        from cogmap.extract.pipeline import extract as run
        from cogmap.show.render import TerminalConsole, to_markdown, to_rich

        for f in files:
            if f != "-" and not Path(f).exists():
                raise InputError(f"{f}: no such file")
        cli_llm.start(llm, llm_only, llm_url, llm_model, llm_timeout, llm_concurrency, llm_retries, llm_cache,
                      scale=scale.value)
        kind = extractor.value if extractor else None
        steer = read_aliases(aliases)
        docs, failed = [], []
        with ProgressBar() as bar:
            for f in files:
                try:
                    docs.append(run(Path(f) if f != "-" else f, scale=scale.value, embed=embed, extractor=kind,
                                    aliases=steer, progress=bar.task(f)))
                except CogmapError as exc:
                    # No server for --llm-only fails every article alike: one line, not one per article.
                    if len(files) == 1 or isinstance(exc, Unreachable):
                        raise
                    failed.append(exc)  # one bad file among many: the others are still shown
        if not docs:
            raise failed[0]
        if failed and output is not None:
            # A file written from some of the articles would pass for all of them, and it would
            # replace the file the user had: as map and report do, nothing is written.
            err = TerminalConsole(stderr=True)
            for exc in failed:
                err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
            raise InputError(f"{output} was not written: {len(failed)} of {len(files)} articles failed (above)")
        if fmt is Fmt.json:
            data = docs[0].to_dict() if len(files) == 1 else [d.to_dict() for d in docs]
            _write(output, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        elif fmt is Fmt.md:
            _write(output, "\n".join(to_markdown(d) for d in docs))
        else:
            if output is None:
                console = TerminalConsole()
                for d in docs:
                    console.print(to_rich(d, whole))
            else:
                console = TerminalConsole(record=True, width=160, file=open("/dev/null", "w"))
                for d in docs:
                    console.print(to_rich(d, whole))
                _write(output, console.export_text())
        if failed:
            err = TerminalConsole(stderr=True)
            for exc in failed:
                err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
            raise typer.Exit(max(exc.exit_code for exc in failed))

    @app.command()
    def demo():
        """Run the whole pipeline on the bundled example interview and show the result.

        Example: cogmap demo
        """
        from cogmap.extract.pipeline import extract as run
        from cogmap.show.render import TerminalConsole, to_rich

        console = TerminalConsole()
        console.rule("[bold]cogmap demo: the bundled example interview")
        doc = run(str(EXAMPLE), source="example-interview.txt")
        console.print(to_rich(doc))
        # soft_wrap: no line break put into the path, which the reader copies whole
        console.print(f"(the interview is {EXAMPLE}: try `cogmap map` or `cogmap report` on it)",
                      style="dim", highlight=False, markup=False, soft_wrap=True)
        try:
            from cogmap.cli.model import demo_model_story
        except ImportError:
            return
        model = next((p for p in MODEL_PLACES if p.exists()), None)
        if model is None:
            return
        # A map drawn by hand, of another interview (Gallyamov on Putin's choices): what the
        # reasoning does on a system with loops, which a short example rarely has.
        console.rule("[bold]A hand-made model of another interview: feedback loops and a what-if")
        console.print(f"({model}: Abbas Gallyamov on Putin's choices, coded by hand with the quotes)",
                      style="dim", highlight=False, markup=False, soft_wrap=True)
        console.print(demo_model_story(model))
