"""Every command's help reads whole in an 80-column terminal."""
from __future__ import annotations

import click
import pytest
import typer
from typer.testing import CliRunner

from cogmap.cli.app import app


def _paths(command: click.Command, prefix=()):
    yield prefix
    for name, sub in getattr(command, "commands", {}).items():
        yield from _paths(sub, prefix + (name,))


COMMANDS = list(_paths(typer.main.get_command(app)))


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "cogmap")
def test_help_cuts_no_word_at_80_columns(path):
    # A word wider than its cell (an environment variable's name, a URL, a path) must
    # fold onto the next line; rich's default cut it to "$COGMAP_EXTRACTOR_…".
    result = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "80", "TERMINAL_WIDTH": "80"})
    assert result.exit_code == 0, result.output
    assert "…" not in result.output, "\n".join(line for line in result.output.splitlines() if "…" in line)
    assert max(len(line) for line in result.output.splitlines()) <= 80
