"""CLI command ``report``: one self-contained HTML page of a causal map."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from cogmap.errors import InputError


def register(app: typer.Typer) -> None:
    @app.command("report")
    def report_cmd(
        input: str = typer.Argument(..., help="An article (.txt, .html) or a model file (.yaml, .json)."),
        output: Path = typer.Option(..., "--output", "-o", help="The HTML file to write."),
        article: Optional[Path] = typer.Option(
            None, "--article", help="For a model file: the article its evidence offsets point into, shown in the page."
        ),
        max_length: int = typer.Option(8, "--max-length", help="Longest feedback loop to look for (links)."),
    ):
        """Write an HTML report: the map, the quotes behind each link, loops, forecasts and what-ifs.

        The page opens from disk and loads nothing from the network.

        Example: cogmap report interview.txt -o report.html
        """
        from cogmap.report import write_report

        if max_length < 1:
            raise InputError("--max-length must be at least 1")
        out = write_report(input, output, article=article, max_loop_length=max_length)
        typer.echo(f"wrote {out}")
