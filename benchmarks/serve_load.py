"""Latency and throughput of ``cogmap serve`` under many concurrent clients.

Usage::

    python benchmarks/serve_load.py [--db corpus.db] [--clients 200] [--requests 4000]
                                    [--path /report --path /report/document/1 ...]

Starts ``cogmap serve`` on 127.0.0.1 (a free port) as a separate process, waits until
it answers, then lets ``--clients`` clients (asyncio tasks sharing one httpx client
with that many connections) fetch the paths in turn until ``--requests`` requests
have been made. Prints p50, p90 and p99 latency, requests per second, bytes per
second and errors. Without ``--db`` it first builds a store from
``examples/corpus`` with the default extractor. Issue 14 target: p99 under 200 ms
with 200 clients on the 2-core development machine for cached pages. The client
runs on the same machine and takes its share of the cores. Prints numbers;
asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _make_store(folder: Path) -> Path:
    db = folder / "corpus.db"
    subprocess.run([sys.executable, "-m", "cogmap", "add", str(ROOT / "examples" / "corpus"), "--db", str(db),
                    "--quiet", "--workers", "0"], check=True, stdout=subprocess.DEVNULL)
    return db


def _start(db: Path, port: int) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, "-m", "cogmap", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    while time.time() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server ended: {server.stderr.read()}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not answer within 120 s")


async def _load(base: str, paths: list[str], clients: int, requests: int) -> tuple[list[float], int, int, float]:
    latencies: list[float] = []
    errors = 0
    size = 0
    left = iter(range(requests))
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:

        async def one_client(k: int) -> None:
            nonlocal errors, size
            for i in left:
                path = paths[(i + k) % len(paths)]
                t0 = time.perf_counter()
                try:
                    r = await client.get(path)
                    if r.status_code != 200:
                        errors += 1
                    size += len(r.content)
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        await asyncio.gather(*(one_client(k) for k in range(clients)))
        wall = time.perf_counter() - t0
    return latencies, errors, size, wall


def _pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, help="a store to serve (default: one built from examples/corpus)")
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--requests", type=int, default=4000)
    ap.add_argument("--path", action="append", dest="paths",
                    help="paths fetched in turn (default: /, /report, /report/document/1, /api/documents)")
    args = ap.parse_args(argv)
    paths = args.paths or ["/", "/report", "/report/document/1", "/api/documents"]
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or _make_store(Path(tmp))
        port = _free_port()
        server = _start(db, port)
        try:
            base = f"http://127.0.0.1:{port}"
            asyncio.run(_load(base, paths, 1, len(paths)))  # each page made once: the cold start is not measured
            one, _, _, _ = asyncio.run(_load(base, paths, 1, 40))
            lat, errors, size, wall = asyncio.run(_load(base, paths, args.clients, args.requests))
        finally:
            server.terminate()
            server.wait(10)
    print(f"cogmap serve on 127.0.0.1, {os.cpu_count()} cores, paths {' '.join(paths)}")
    print(f"1 client:    p50 {1000 * _pct(one, 50):7.1f} ms")
    print(f"{args.clients} clients: p50 {1000 * _pct(lat, 50):7.1f} ms  p90 {1000 * _pct(lat, 90):7.1f} ms  "
          f"p99 {1000 * _pct(lat, 99):7.1f} ms  {len(lat) / wall:7.1f} requests/s  "
          f"{size / wall / 1e6:6.1f} MB/s  errors {errors} of {len(lat)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
