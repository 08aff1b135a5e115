"""Latency and throughput of ``cogmap serve`` under many concurrent clients.

Usage::

    python benchmarks/serve_load.py [--db corpus.db] [--clients 200] [--requests 4000]
                                    [--path /report --path /report/document/1 ...]

Starts ``cogmap serve`` on 127.0.0.1 (a free port) as a separate process, waits until
it answers, then lets ``--clients`` clients (asyncio tasks,
each with its own kept-alive connection) fetch the paths in turn until ``--requests`` requests
have been made. Prints p50, p90 and p99 latency, requests per second, bytes per
second, errors, and the CPU time the server and the client spent per request (on
a machine shared with other work, the CPU time is the steadier figure). Without ``--db`` it first builds a store from
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


async def _get(reader, writer, host: str, path: str) -> tuple[int, int]:
    """One GET on a kept-alive connection: ``(status, body bytes)``.

    A bare HTTP/1.1 exchange rather than httpx: with 200 connections httpx spent
    8-20 ms of CPU per request here, more than the server, and measured itself.
    """
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Encoding: identity\r\n\r\n".encode("ascii"))
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next(int(ln.split(":", 1)[1]) for ln in lines[1:] if ln.lower().startswith("content-length:"))
    await reader.readexactly(length)
    return status, length


async def _load(port: int, paths: list[str], clients: int, requests: int) -> tuple[list[float], dict, int, float]:
    latencies: list[float] = []
    errors: dict = {}
    size = 0
    left = iter(range(requests))
    host = f"127.0.0.1:{port}"

    async def one_client(k: int) -> None:
        nonlocal size
        conn = None
        for i in left:
            path = paths[(i + k) % len(paths)]
            t0 = time.perf_counter()
            try:
                if conn is None:
                    conn = await asyncio.open_connection("127.0.0.1", port)
                status, n = await asyncio.wait_for(_get(*conn, host, path), 60)
                size += n
                if status != 200:
                    errors[str(status)] = errors.get(str(status), 0) + 1
            except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError, StopIteration) as exc:
                errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
                if conn is not None:
                    conn[1].close()
                conn = None
            latencies.append(time.perf_counter() - t0)
        if conn is not None:
            conn[1].close()

    t0 = time.perf_counter()
    await asyncio.gather(*(one_client(k) for k in range(clients)))
    return latencies, errors, size, time.perf_counter() - t0


def _cpu_seconds(pid: int) -> float | None:
    """CPU time a process has used (Linux): on a busy machine it says more than the wall clock."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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
            asyncio.run(_load(port, paths, 1, len(paths)))  # each page made once: the cold start is not measured
            one, _, _, _ = asyncio.run(_load(port, paths, 1, 40))
            cpu0, mine0 = _cpu_seconds(server.pid), time.process_time()
            lat, errors, size, wall = asyncio.run(_load(port, paths, args.clients, args.requests))
            cpu1, mine1 = _cpu_seconds(server.pid), time.process_time()
        finally:
            server.terminate()
            server.wait(10)
    print(f"cogmap serve on 127.0.0.1, {os.cpu_count()} cores, paths {' '.join(paths)}")
    print(f"1 client:    p50 {1000 * _pct(one, 50):7.1f} ms")
    print(f"{args.clients} clients: p50 {1000 * _pct(lat, 50):7.1f} ms  p90 {1000 * _pct(lat, 90):7.1f} ms  "
          f"p99 {1000 * _pct(lat, 99):7.1f} ms  {len(lat) / wall:7.1f} requests/s  "
          f"{size / wall / 1e6:6.1f} MB/s  errors {sum(errors.values())} of {len(lat)} {errors or ''}")
    if cpu0 is not None and cpu1 is not None:
        print(f"CPU per request: server {1000 * (cpu1 - cpu0) / len(lat):.2f} ms, "
              f"this client {1000 * (mine1 - mine0) / len(lat):.2f} ms (load average {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
