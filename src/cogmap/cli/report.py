"""CLI command ``report``: one self-contained HTML page of a causal map, an article or a corpus."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from cogmap.cli import llm as cli_llm
from cogmap.cli.extract import ALIASES, EXTRACTOR_HELP, Extractor, ProgressBar, read_aliases, use_extractor
from cogmap.errors import InputError


def register(app: typer.Typer) -> None:
    @app.command("report")
    def report_cmd(
        inputs: Optional[List[str]] = typer.Argument(
            None, metavar="[INPUT]...",
            help="Articles (.txt, .html), several for one report of them all, or one model file (.yaml, .json); "
                 "leave out with --db.",
        ),
        output: Path = typer.Option(..., "--output", "-o", help="The HTML file to write."),
        db: Optional[Path] = typer.Option(
            None, "--db", help="A corpus store (cogmap add): report its merged model and forecasts instead of INPUT."
        ),
        speaker: Optional[str] = typer.Option(None, "--speaker", help="With --db: only this speaker's claims and forecasts."),
        since: Optional[str] = typer.Option(None, "--since", help="With --db: only documents dated on or after YYYY-MM-DD."),
        document: Optional[int] = typer.Option(
            None, "--document", min=1, help="With --db: the report of one stored document (its ID, see `cogmap documents`)."
        ),
        article: Optional[Path] = typer.Option(
            None, "--article", help="For a model file: the article its evidence offsets point into, shown in the page."
        ),
        original: bool = typer.Option(False, "--original", help="With --db: the map as extracted, without the reviews."),
        max_length: int = typer.Option(8, "--max-length", help="Longest feedback loop to look for (links)."),
        extractor: Optional[Extractor] = typer.Option(None, "--extractor", help=EXTRACTOR_HELP),
        llm: bool = cli_llm.LLM, llm_only: bool = cli_llm.LLM_ONLY, llm_url: Optional[str] = cli_llm.LLM_URL,
        llm_model: Optional[str] = cli_llm.LLM_MODEL, llm_timeout: float = cli_llm.LLM_TIMEOUT,
        llm_concurrency: int = cli_llm.LLM_CONCURRENCY, llm_retries: int = cli_llm.LLM_RETRIES,
        llm_cache: Optional[str] = cli_llm.LLM_CACHE,
        aliases: Optional[Path] = ALIASES,
    ):
        """Write an HTML report: the map, the quotes behind each link, loops, forecasts and what-ifs.

        The page opens from disk and loads nothing from the network.

        Example: cogmap report interview.txt -o report.html

        Example: cogmap report a.txt b.html c.txt -o three.html

        Example: cogmap report --db corpus.db -o corpus.html
        """
        from cogmap.show.report import store_report_data, write_report

        use_extractor(extractor)
        alias_file = read_aliases(aliases)
        if db is not None:
            cli_llm.refuse_with_db(llm, llm_only)
        cli_llm.start(llm, llm_only, llm_url, llm_model, llm_timeout, llm_concurrency, llm_retries, llm_cache)
        if max_length < 1:
            raise InputError("--max-length must be at least 1")
        inputs = inputs or []
        if db is not None:
            if inputs:
                raise InputError("give either INPUT or --db, not both")
            if article is not None:
                raise InputError("--article is for a model file, not --db")
            if document is not None and (speaker is not None or since is not None):
                raise InputError("--document shows one document; --speaker and --since are for the whole corpus")
            data = store_report_data(db, document=document, speaker=speaker, since=since, max_loop_length=max_length,
                                     aliases=alias_file, original=original)
            out = write_report(data, output)
        else:
            if not inputs:
                raise InputError("give an article or model file, or --db PATH for a corpus store")
            for name, value in (("--speaker", speaker), ("--since", since), ("--document", document),
                                ("--original", original or None)):
                if value is not None:
                    raise InputError(f"{name} needs --db")
            if len(inputs) == 1:
                out = write_report(inputs[0], output, article=article, max_loop_length=max_length, aliases=alias_file)
            else:
                if article is not None:
                    raise InputError("--article is for one model file, not several articles")
                out = write_report(_articles_data(inputs, max_length, alias_file), output)
        typer.echo(f"wrote {out}")


def _articles_data(paths: List[str], max_length: int, aliases) -> dict:
    """The report of several articles: read into a store held in memory, so the page is
    the one ``--db`` gives (each article's text, quotes and forecasts), with no file left."""
    from cogmap.corpus.store import Store
    from cogmap.extract.pipeline import extract
    from cogmap.show.report import MODEL_SUFFIXES, store_report_data

    from cogmap.records import Document

    done = {}
    for p in paths:
        if not Path(p).is_file():
            raise InputError(f"{p}: no such file" if not Path(p).exists() else f"{p}: not a file")
        if Path(p).suffix.lower() == ".json" and b'"cogmap.document/1"' in Path(p).read_bytes()[:4096]:
            done[p] = Document.load(p)  # extracted before (extract --format json): used as it is
        elif Path(p).suffix.lower() in MODEL_SUFFIXES:
            raise InputError(f"{p}: a model file is reported on its own, not beside articles")
    with ProgressBar() as bar:
        docs = [done[p] if p in done else extract(Path(p), aliases=aliases, progress=bar.task(p)) for p in paths]
    store = Store(":memory:")
    try:
        store.add_documents(docs)
        data = store_report_data(store, max_loop_length=max_length, aliases=aliases)
        # (the store held in memory has no name: the page is named by its articles)
        names = [d.title or Path(d.source).name for d in docs]
        data["title"] = f"{len(docs)} articles: " + "; ".join(names[:3]) + ("; …" if len(names) > 3 else "")
        return data
    finally:
        store.close()
