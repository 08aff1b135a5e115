"""Speed and memory of ``cogmap.extract`` against the bare spaCy parse of the same texts.

Usage::

    python benchmarks/speed.py [FILES...] [--repeat 3]

Without files it uses the bundled example and, when present, the articles in
``../shared/examples``. Both measurements run in this one process on the same
paragraphs, after a warm-up, so the ratio compares like with like: the bare
parse is ``nlp.pipe`` over the cleaned paragraphs (what extraction parses);
extraction is the whole pipeline (ingest, clean, parse, structure, claims,
concepts, forecasts), for each extractor (``--extractor learned rules``). Target
(issue 10): the whole extraction costs at most 2x the bare parse, peak RSS at most
500 MB, on one core (the learned reader's onnxruntime session uses one thread).
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

# (spaCy's thinc imports torch whenever the training extra installed it; cogmap hides it
# then, cogmap.extract.nlp.import_spacy, so this process measures what every user runs.)
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
    ap.add_argument("--extractor", nargs="+", default=["learned", "rules"], choices=["learned", "rules"])
    args = ap.parse_args(argv)
    files = args.files or default_files()
    texts = [read(f).text for f in files]
    paragraphs = []
    for t in texts:
        c = clean(t)
        paragraphs.append([c.text[a:b] for a, b in c.paragraphs])
    words = sum(len(t.split()) for t in texts)
    nlp = load()
    for kind in args.extractor:
        for t in texts[:2]:  # warm-up: models loaded, caches filled
            cogmap.extract(t, extractor=kind)

    best_parse = float("inf")
    best = {kind: float("inf") for kind in args.extractor}
    for _ in range(args.repeat):  # interleaved, so a busy machine slows both alike
        t0 = time.perf_counter()
        for paras in paragraphs:
            list(nlp.pipe(paras))
        best_parse = min(best_parse, time.perf_counter() - t0)
        for kind in args.extractor:
            t0 = time.perf_counter()
            for t in texts:
                cogmap.extract(t, extractor=kind)
            best[kind] = min(best[kind], time.perf_counter() - t0)

    print(f"{len(texts)} documents, {words} words, best of {args.repeat}")
    print(f"bare spaCy parse          : {best_parse:7.3f} s  {words / best_parse:8.0f} words/s")
    for kind in args.extractor:
        print(f"cogmap.extract ({kind:7s}) : {best[kind]:7.3f} s  {words / best[kind]:8.0f} words/s  "
              f"ratio {best[kind] / best_parse:.2f}x the parse (target <= 2x)")
    for kind in args.extractor:
        tracemalloc.start()
        for t in texts:
            cogmap.extract(t, extractor=kind)
        _, peak_py = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"peak Python allocations during extraction ({kind}): {peak_py / 1e6:.1f} MB")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the process: {rss:.0f} MB (target <= 500 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
