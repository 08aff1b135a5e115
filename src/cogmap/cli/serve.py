"""CLI command ``serve``: a local web app over a corpus store."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import List, Optional

import typer

from cogmap.cli.extract import ALIASES, read_aliases
from cogmap.errors import InputError


def exposure_warning(host: str) -> Optional[str]:
    """What binding ``host`` lets other machines do, or None for a loopback address.

    >>> exposure_warning("127.0.0.2") is None
    True
    """
    try:
        if ipaddress.ip_address(host.strip("[]")).is_loopback:
            return None
    except ValueError:
        if host.lower() == "localhost":
            return None
    # The app has no login: whoever reaches the port reads everything and can POST reviews.
    return (f"warning: binding {host}: other machines can read this store and write reviews to it "
            "(the app has no password); serve on 127.0.0.1 unless you trust the network")


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve_cmd(
        db: Path = typer.Option(Path("cogmap.db"), "--db", help="The corpus store (made by `cogmap add`)."),
        port: int = typer.Option(8000, "--port", help="TCP port to listen on."),
        host: str = typer.Option(
            "127.0.0.1", "--host",
            help="Address to bind. The default, loopback, keeps the app on this machine. Any other address "
                 "(0.0.0.0: every interface) lets other machines read the store and write reviews to it, "
                 "with no password.",
        ),
        allow_host: List[str] = typer.Option(
            [], "--allow-host", metavar="NAME",
            help="Also answer requests whose Host header is NAME (a DNS name or address; *.DOMAIN for a "
                 "domain; repeatable). By default only this machine's own names are answered: localhost, "
                 "127.0.0.1, ::1 and, with another --host, its host name and that address (0.0.0.0: every "
                 "address of its interfaces). That check stops other web sites reaching the app through "
                 "DNS rebinding; '*' turns it off.",
        ),
        aliases: Optional[Path] = ALIASES,
    ):
        """Serve the reports of a corpus store (whole corpus, per document, per speaker) and a JSON API.

        Open http://127.0.0.1:PORT/ in a browser; the API is described by /openapi.json.
        Nothing is opened for you, and the app reads no file but the store.

        Example: cogmap serve --db corpus.db --port 8000

        Example: cogmap serve --db corpus.db --aliases aliases.yaml

        Example: cogmap serve --db corpus.db --host 0.0.0.0 --allow-host maps.example.org
        """
        if not 0 < port < 65536:
            raise InputError("--port must be between 1 and 65535")
        steer = read_aliases(aliases)
        from cogmap.show.serve import serve

        def announce():
            warning = exposure_warning(host)
            if warning:
                typer.secho(warning, fg="yellow", err=True)
            typer.echo(f"serving {db} on http://{'[' + host + ']' if ':' in host else host}:{port}/ (Ctrl-C to stop)")

        # The store is checked and the port bound before announce() says "serving".
        serve(db, host=host, port=port, aliases=steer, allow_hosts=allow_host, announce=announce)
