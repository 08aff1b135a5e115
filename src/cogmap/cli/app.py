"""The ``cogmap`` command: a thin shell over the Python API.

Each command parses its arguments, calls one API function and prints. Errors the
user can act on (:class:`cogmap.errors.CogmapError`) become one red line and a
non-zero exit status, never a traceback.
"""

from __future__ import annotations

import importlib
import os
import sys

import typer
from rich.markup import escape

from cogmap.errors import CogmapError
from cogmap.show.render import TerminalConsole


def _fold_long_words() -> None:
    """Let help text fold a word wider than its column instead of cutting it with "…".

    typer lays an option's help out in a table cell whose overflow is rich's default,
    an ellipsis: at 80 columns "$COGMAP_EXTRACTOR_KIND" or a URL came out as
    "$COGMAP_EXTRACTOR_…". typer has no setting for it, so its help-text maker is
    wrapped; should a later typer drop that function, help is only cut as before.
    """
    from typer import rich_utils

    make = getattr(rich_utils, "_make_rich_text", None)
    if make is None or getattr(make, "folds", False):
        return

    def folding(*args, **kwargs):
        text = make(*args, **kwargs)
        if getattr(text, "overflow", "") is None:  # a rich Text (Markdown has no overflow)
            text.overflow = "fold"
        return text

    folding.folds = True
    rich_utils._make_rich_text = folding


_fold_long_words()
app = typer.Typer(
    name="cogmap",
    help="Auditable causal maps of expert commentary.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = TerminalConsole(stderr=True, emoji=False)  # messages quote labels and names from the input

# Each area of the tool registers its commands here; the modules stay small and
# the CLI keeps one entry point.
from cogmap.cli import extract as cli_extract  # noqa: E402

cli_extract.register(app)
from cogmap.cli import model as cli_model  # noqa: E402
cli_model.register(app)
from cogmap.cli import corpus as cli_corpus  # noqa: E402
cli_corpus.register(app)
from cogmap.cli import review as cli_review  # noqa: E402
cli_review.register(app)
from cogmap.cli import report as cli_report  # noqa: E402
cli_report.register(app)
from cogmap.cli import serve as cli_serve  # noqa: E402
cli_serve.register(app)
from cogmap.cli import train as cli_train  # noqa: E402
cli_train.register(app)


def main() -> None:
    """Entry point: run the app, turning known errors into one line and exit status."""
    try:
        rc = app(standalone_mode=False)
        if isinstance(rc, int) and rc:
            sys.exit(rc)  # typer.Exit(n) comes back as a return value here
    except CogmapError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, markup=True, soft_wrap=True)
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        err.print("[red]aborted[/red]")
        sys.exit(130)
    except KeyboardInterrupt:
        err.print("[red]interrupted[/red]")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:
        bad_value = isinstance(exc, _click_exceptions("BadParameter"))
        if bad_value and not isinstance(exc, _click_exceptions("MissingParameter")):
            # A value out of its range (min=/max= of the option) is one line, like our own errors;
            # a missing argument keeps the usage line below, which shows what to give.
            err.print(f"[red]error:[/red] {escape(exc.format_message())}", highlight=False, soft_wrap=True)
            sys.exit(exc.exit_code)
        if isinstance(exc, _click_exceptions("ClickException")):
            exc.show()  # the usage line and what was wrong with the arguments
            sys.exit(exc.exit_code)
        if os.environ.get("COGMAP_DEBUG"):
            raise
        # A bug of ours: still one line, and the way to see more.
        err.print(f"[red]internal error:[/red] {escape(type(exc).__name__)}: {escape(str(exc))} "
                  "(set COGMAP_DEBUG=1 to see the traceback)", highlight=False, soft_wrap=True)
        sys.exit(1)


def _click_exceptions(name: str) -> tuple:
    """Click's exception class ``name``: typer ships its own copy of click, and may use either."""
    types = []
    for module in ("typer._click.exceptions", "click.exceptions"):
        try:
            types.append(getattr(importlib.import_module(module), name))
        except (ImportError, AttributeError):
            pass
    return tuple(types)
