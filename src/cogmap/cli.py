"""The ``cogmap`` command: a thin shell over the Python API.

Each command parses its arguments, calls one API function and prints. Errors the
user can act on (:class:`cogmap.errors.CogmapError`) become one red line and a
non-zero exit status, never a traceback.
"""

from __future__ import annotations

import sys

import typer
from rich.console import Console
from rich.markup import escape

from cogmap.errors import CogmapError

app = typer.Typer(
    name="cogmap",
    help="Auditable causal maps of expert commentary.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)

# Each area of the tool registers its commands here; the modules stay small and
# the CLI keeps one entry point.
from cogmap import cli_extract  # noqa: E402

cli_extract.register(app)
from cogmap import cli_model  # noqa: E402
cli_model.register(app)
from cogmap import cli_corpus  # noqa: E402
cli_corpus.register(app)
from cogmap import cli_report  # noqa: E402
cli_report.register(app)


def main() -> None:
    """Entry point: run the app, turning known errors into one line and exit status."""
    try:
        app(standalone_mode=False)
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
    except Exception as exc:  # click usage errors and the like
        import click

        if isinstance(exc, click.exceptions.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        if isinstance(exc, click.exceptions.Exit):
            sys.exit(exc.exit_code)
        raise
