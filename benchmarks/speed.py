"""Speed and memory of ``cogmap.extract`` against the bare spaCy parse of the same texts.

Usage::

    python benchmarks/speed.py [FILES...] [--repeat 3]

Without files it uses the bundled example and, when present, the articles in
``../shared/examples``. Both measurements run in this one process on the same
paragraphs, after a warm-up, so the ratio compares like with like: the bare
parse is ``nlp.pipe`` over the cleaned paragraphs (what extraction parses);
extraction is the whole pipeline (ingest, clean, parse, structure, claims,
concepts, forecasts). Target: extraction costs at most 1.3x the bare parse.
Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import cogmap  # noqa: E402
from cogmap.extract.clean import clean  # noqa: E402
from cogmap.extract.ingest import read  # noqa: E402
from cogmap.extract.nlp import load  # noqa: E402


def default_files() -> list[Path]:
    files = [ROOT / "src" / "cogmap" / "data" / "example-interview.txt"]
    shared = ROOT.parent / "shared" / "examples"
    if shared.is_dir():
        files += sorted(shared.glob("*.txt"))
    return files


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    files = args.files or default_files()
    texts = [read(f).text for f in files]
    paragraphs = []
    for t in texts:
        c = clean(t)
        paragraphs.append([c.text[a:b] for a, b in c.paragraphs])
    words = sum(len(t.split()) for t in texts)
    nlp = load()
    for t in texts[:2]:  # warm-up: model loaded, caches filled
        cogmap.extract(t)

    best_parse = best_extract = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for paras in paragraphs:
            list(nlp.pipe(paras))
        best_parse = min(best_parse, time.perf_counter() - t0)
        t0 = time.perf_counter()
        for t in texts:
            cogmap.extract(t)
        best_extract = min(best_extract, time.perf_counter() - t0)

    tracemalloc.start()
    for t in texts:
        cogmap.extract(t)
    _, peak_py = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"{len(texts)} documents, {words} words, best of {args.repeat}")
    print(f"bare spaCy parse : {best_parse:7.3f} s  {words / best_parse:8.0f} words/s")
    print(f"cogmap.extract   : {best_extract:7.3f} s  {words / best_extract:8.0f} words/s")
    print(f"ratio extract/parse: {best_extract / best_parse:.2f}x (target <= 1.3x)")
    print(f"peak Python allocations during extraction: {peak_py / 1e6:.1f} MB; peak RSS of the process: {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
