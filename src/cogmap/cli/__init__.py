"""The ``cogmap`` command: a thin shell over the Python API, one module per command group.

``app`` assembles the groups (``extract``, ``model``, ``corpus``, ``report``, ``serve``)
into one typer application; ``main`` is the console entry point.
"""

from cogmap.cli.app import app, main

__all__ = ["app", "main"]
