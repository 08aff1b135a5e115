"""Benchmark: ingest N synthetic ~800-word articles with 1 and 2 workers.

Prints docs/s for each, the speedup, the peak memory of one worker and the
store size per document. Numbers only; nothing is asserted.

    python benchmarks/ingest.py                 # 2,000 articles, real pipeline
    python benchmarks/ingest.py --n 200 --keep bench.db
    python benchmarks/ingest.py --extractor fake_extractor:extract   # store overhead only (tests/ on PYTHONPATH)
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from paragraphs import article  # noqa: E402

from cogmap.corpus.store import Store  # noqa: E402


def write_corpus(folder: Path, n: int, seed: int = 0) -> int:
    """Write ``n`` articles into ``folder``; returns the total number of words."""
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for i in range(n):
        name, text = article(i, seed=seed)
        (folder / name).write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def store_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def run(folder: Path, db: Path, workers: int, extractor: str | None) -> dict:
    if db.exists():
        db.unlink()
    load0 = os.getloadavg()[0]
    cpu0 = _cpu()
    t0 = time.perf_counter()
    with Store(db) as s:
        report = s.add([folder], workers=workers, extractor=extractor)
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        docs = s.count("documents")
    seconds = time.perf_counter() - t0
    cpu = _cpu() - cpu0
    return {
        "workers": workers,
        "docs": docs,
        "failed": len(report.failed),
        "first_failure": report.failed[0] if report.failed else None,
        "seconds": seconds,
        "docs_per_s": report.total / seconds,
        "peak_worker_rss": report.peak_worker_memory,
        "bytes": store_bytes(db),
        "cpu_seconds": cpu,
        "load": (load0, os.getloadavg()[0]),
    }


def _cpu() -> float:
    """CPU seconds of this process and its reaped children (the pool workers)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    ch = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + ch.ru_utime + ch.ru_stime


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="articles to generate (default 2000)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to compare (default 1 2)")
    ap.add_argument("--extractor", default=None, help="module:function instead of cogmap.extract.pipeline:extract")
    ap.add_argument("--keep", type=Path, default=None, help="keep the store of the last run here (for corpus_map.py)")
    ap.add_argument("--dir", type=Path, default=None, help="work folder (default: a temporary one)")
    args = ap.parse_args(argv)

    work = args.dir or Path(tempfile.mkdtemp(prefix="cogmap-bench-"))
    corpus = work / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    words = write_corpus(corpus, args.n)
    print(f"corpus: {args.n} articles, {words / args.n:.0f} words each on average, in {corpus}")
    print(f"extractor: {args.extractor or 'cogmap.extract.pipeline:extract'}; CPU cores: {os.cpu_count()}")

    results = []
    for w in args.workers:
        r = run(corpus, work / f"bench-{w}.db", w, args.extractor)
        results.append(r)
        print(
            f"workers={w}: {r['docs']} docs stored, {r['failed']} failed, {r['seconds']:.1f} s, "
            f"{r['docs_per_s']:.2f} docs/s, peak memory per worker {r['peak_worker_rss'] / 2**20:.0f} MB, "
            f"store {r['bytes'] / 2**20:.1f} MB = {r['bytes'] / max(r['docs'], 1) / 1024:.1f} KB/doc"
        )
        print(
            f"  CPU {r['cpu_seconds']:.1f} s ({r['cpu_seconds'] / max(r['docs'], 1) * 1000:.0f} ms/doc, "
            f"{r['cpu_seconds'] / r['seconds']:.2f} cores busy); load average {r['load'][0]:.1f} -> {r['load'][1]:.1f}"
            " (other work on the machine slows the multi-worker run)"
        )
        if r["first_failure"]:
            print(f"  first failure: {r['first_failure']}")
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"largest worker process (RUSAGE_CHILDREN ru_maxrss): {children / 1024:.0f} MB")
    base = min(results, key=lambda r: r["workers"])
    for r in results:
        if r is base:
            continue
        print(f"speedup {r['workers']} vs {base['workers']} workers: {r['docs_per_s'] / base['docs_per_s']:.2f}x")
    if args.keep:
        shutil.copy(work / f"bench-{results[-1]['workers']}.db", args.keep)
        print(f"kept the store as {args.keep}")
    if args.dir is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
