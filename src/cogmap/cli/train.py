"""CLI command ``train``: rebuild the learned extractor from ``data/`` (needs ``.[train]``)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from cogmap.errors import InputError


class Precision(str, Enum):
    auto = "auto"
    int8 = "int8"
    fp32 = "fp32"


def register(app: typer.Typer) -> None:
    @app.command("train")
    def train_cmd(
        data: Optional[Path] = typer.Option(None, "--data", help="The annotated data (default: the checkout's data/)."),
        out: Optional[Path] = typer.Option(None, "--out", "-o", help="Where the model goes (default: the shipped place)."),
        tiny: bool = typer.Option(False, "--tiny", help="A few steps on a few examples: proves the path, trains nothing useful."),
        threads: int = typer.Option(1, "--threads", min=1, help="Torch threads (one by default: the machines are shared)."),
        epochs: Optional[int] = typer.Option(None, "--epochs", min=1, help="Epochs (default: the config's)."),
        precision: Precision = typer.Option(Precision.auto, "--precision",
                                            help="auto keeps int8 only if it loses nothing measurable against fp32."),
        layers: Optional[int] = typer.Option(None, "--layers", min=1, help="Keep only the encoder's first N layers."),
        seed: Optional[int] = typer.Option(None, "--seed", min=0, help="Another seed than the shipped model's 13."),
        soup: Optional[int] = typer.Option(None, "--soup", min=1,
                                           help="Average N runs with consecutive seeds (default: the config's)."),
        jobs: int = typer.Option(1, "--jobs", min=1, help="Runs of a soup trained at once, each in its own process."),
        debris_only: bool = typer.Option(False, "--debris-only",
                                         help="Rebuild only the debris model (data/pages; seconds, no torch)."),
    ) -> None:
        """Rebuild the learned extractor from the annotated data, with a fixed seed.

        Example: cogmap train --out /tmp/model --tiny; cogmap train --debris-only
        """
        from cogmap.train.run import DEFAULT_DATA, DEFAULT_OUT, build

        data = data or DEFAULT_DATA
        if not data.is_dir():
            raise InputError(f"no data folder at {data}: run from a checkout, or pass --data")
        console = Console(stderr=True)
        if debris_only:
            from cogmap.train.debris import build_debris

            build_debris(data, out or DEFAULT_OUT, tiny=tiny, log=lambda s: console.print(s, highlight=False))
            return
        build(data, out or DEFAULT_OUT, tiny=tiny, threads=threads, epochs=epochs, quantize=precision.value,
              layers=layers, seed=seed, soup=soup, jobs=jobs, log=lambda s: console.print(s, highlight=False))
