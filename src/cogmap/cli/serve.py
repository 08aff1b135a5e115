"""CLI command ``serve``: a local web app over a corpus store."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from cogmap.cli.extract import ALIASES, read_aliases
from cogmap.errors import InputError


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve_cmd(
        db: Path = typer.Option(Path("cogmap.db"), "--db", help="The corpus store (made by `cogmap add`)."),
        port: int = typer.Option(8000, "--port", help="TCP port to listen on."),
        host: str = typer.Option(
            "127.0.0.1", "--host", help="Address to bind. The default, loopback, keeps the app on this machine."
        ),
        aliases: Optional[Path] = ALIASES,
    ):
        """Serve the reports of a corpus store (whole corpus, per document, per speaker) and a JSON API.

        Open http://127.0.0.1:PORT/ in a browser; the API is described by /openapi.json.
        Nothing is opened for you, and the app reads no file but the store.

        Example: cogmap serve --db corpus.db --port 8000

        Example: cogmap serve --db corpus.db --aliases aliases.yaml
        """
        if not 0 < port < 65536:
            raise InputError("--port must be between 1 and 65535")
        steer = read_aliases(aliases)
        from cogmap.corpus.store import Store
        from cogmap.show.serve import serve

        Store(db, create=False, readonly=True).close()  # a missing or foreign file: its one line, before "serving"
        if host not in ("127.0.0.1", "localhost", "::1"):
            typer.secho(f"warning: binding {host}: other machines can read this store", fg="yellow", err=True)
        typer.echo(f"serving {db} on http://{'[' + host + ']' if ':' in host else host}:{port}/ (Ctrl-C to stop)")
        serve(db, host=host, port=port, aliases=steer)
