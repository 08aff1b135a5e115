"""The ``--llm`` options that ``extract``, ``map``, ``add`` and ``report`` share (docs/llm.md).

The settings come from these flags, else from ``COGMAP_LLM_URL`` and
``COGMAP_LLM_MODEL``; the API key only from ``COGMAP_LLM_API_KEY``, so that it is in
no shell history, and it is never printed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape

from cogmap.errors import InputError

err = Console(stderr=True, emoji=False)

LLM = typer.Option(False, "--llm", help="Also read with your language model (any OpenAI-compatible server; "
                   "docs/llm.md); cogmap checks every claim against the text.")
LLM_ONLY = typer.Option(False, "--llm-only", help="Claims and forecasts from the language model alone "
                        "(cogmap still finds turns and speakers, and checks each one). A server that cannot be "
                        "reached stops extract, map and report (exit status 2) rather than give the offline "
                        "reading.")
LLM_URL = typer.Option(None, "--llm-url", metavar="URL", help="The server, e.g. http://127.0.0.1:8080 "
                       "\\[default: $COGMAP_LLM_URL]; the API key is read from $COGMAP_LLM_API_KEY only.")
LLM_MODEL = typer.Option(None, "--llm-model", metavar="NAME", help="The model's name \\[default: $COGMAP_LLM_MODEL].")
LLM_TIMEOUT = typer.Option(120.0, "--llm-timeout", metavar="SECONDS", min=0.1, max=3600.0, help="Longest wait for one answer.")
LLM_CONCURRENCY = typer.Option(4, "--llm-concurrency", metavar="N", min=1, max=64, help="Requests in flight at once.")
LLM_RETRIES = typer.Option(2, "--llm-retries", metavar="N", min=0, max=10, help="Retries of a request that timed out or "
                           "could not connect, with exponential backoff.")
LLM_CACHE = typer.Option(None, "--llm-cache", metavar="PATH", help="Where answers are cached for articles "
                         "\\[default: $COGMAP_LLM_CACHE, else ~/.cache/cogmap/llm-answers.jsonl]; 'none': no cache. "
                         "`add` caches in the store.")


def reader(llm: bool, llm_only: bool, url: Optional[str], model: Optional[str], timeout: float,
           concurrency: int, retries: int, cache: Optional[str] = None, *, scale: str = "icd203",
           store: bool = False):
    """The :class:`~cogmap.extract.llm.Reader` the options ask for, or ``None`` without ``--llm``."""
    from cogmap.extract import llm as language_model

    if not (llm or llm_only):
        for name, value in (("--llm-url", url), ("--llm-model", model), ("--llm-cache", cache)):
            if value is not None:
                raise InputError(f"{name} is for reading with a language model: add --llm")
        return None
    settings = language_model.Settings.from_env(url, model, timeout=timeout, concurrency=concurrency, retries=retries)
    if store:
        if cache is not None:
            raise InputError("--llm-cache is for articles: `add` caches the answers in the store")
        file_cache = None
    elif cache is not None and cache.lower() == "none":
        file_cache = None
    else:
        file_cache = language_model.FileCache(Path(cache) if cache else language_model.default_cache_path())
    return language_model.Reader(settings, scale=scale, only=llm_only, cache=file_cache)


def say(report) -> None:
    """One line per document read: what the model gave, or why the offline reading was kept."""
    style = "yellow" if report.error else "dim"
    err.print(f"[{style}]{escape(report.line())}[/{style}]", highlight=False, soft_wrap=True)


def start(*options, scale: str = "icd203") -> None:
    """Turn the model on for every article this process extracts (``extract``, ``map``, ``report``)."""
    from cogmap.extract import llm as language_model

    r = reader(*options, scale=scale)
    if r is not None:
        language_model.use(r, on_report=say)


def refuse_with_db(llm: bool, llm_only: bool) -> None:
    if llm or llm_only:
        raise InputError("--llm reads articles; for a store, read them with `cogmap add PATH --llm --db STORE`")


def read_store(store, paths, reader, quiet: bool, extractor=None):
    """``add --llm``: the model reads the stored documents of ``paths``, with a progress bar of tokens and time."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from cogmap.corpus.llm import read_stored

    bar = Progress(
        TextColumn(f"reading with {escape(reader.settings.model)}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[tokens]:,} tokens"), TimeElapsedColumn(),
        TextColumn("{task.fields[last]}", style="dim"), console=err, disable=quiet, transient=False,
    )
    task = None

    def progress(done: int, total: int, source: Optional[str], tokens: int, status: str) -> None:
        nonlocal task
        if status == "start":
            task = bar.add_task("llm", total=total, tokens=0, last="")
            return
        bar.update(task, completed=done, tokens=tokens, last=Path(source).name[:40] if source else "")
        if status == "retry" and not quiet:
            bar.console.print(f"[yellow]kept the offline reading:[/yellow] {escape(str(source))}", highlight=False)

    try:
        with bar:
            return read_stored(store, paths, reader, progress=progress,
                               offline=extractor.value if extractor is not None else None)
    finally:
        reader.close()


def say_store(read, db) -> None:
    """The summary of ``add --llm``: one line, then each document to retry with its reason."""
    err.print(escape(read.line()), highlight=False, soft_wrap=True)
    if read.retry:
        n = len(read.retry)
        err.print(f"[yellow]{n} document{'s' if n != 1 else ''} kept the offline reading and "
                  f"{'are' if n != 1 else 'is'} marked for a retry (run the same command again):[/yellow]",
                  highlight=False)
        for source, why in read.retry:
            err.print(f"  {escape(source)}: {escape(why)}", highlight=False, soft_wrap=True)
