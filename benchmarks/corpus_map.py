"""Benchmark: time ``Store.map`` (and ``Store.contradictions``) over a corpus store.

    python benchmarks/ingest.py --keep bench.db && python benchmarks/corpus_map.py --db bench.db

Without ``--db`` it first builds a store of ``--n`` articles (slow with the real
pipeline). Numbers only; nothing is asserted (the target is under 10 s for
2,000 articles).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from cogmap.corpus.store import Store  # noqa: E402


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--extractor", default=None)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    db = args.db
    if db is None:
        import ingest

        work = Path(tempfile.mkdtemp(prefix="cogmap-map-"))
        ingest.write_corpus(work / "corpus", args.n)
        db = work / "bench.db"
        with Store(db) as s:
            s.add([work / "corpus"], extractor=args.extractor)
    with Store(db, create=False) as s:
        docs, claims = s.count("documents"), s.count("claims")
        print(f"store {db}: {docs} documents, {claims} claims")
        for i in range(args.repeat):
            t0 = time.perf_counter()
            documents = s.documents()
            t1 = time.perf_counter()
            model = s.map()
            t2 = time.perf_counter()
            found = s.contradictions()
            t3 = time.perf_counter()
            print(
                f"run {i + 1}: load documents {t1 - t0:.2f} s; map {t2 - t1:.2f} s "
                f"({len(model.concepts)} concepts, {len(model.edges)} edges); "
                f"contradictions {t3 - t2:.2f} s ({len(found)}); documents {len(documents)}"
            )


if __name__ == "__main__":
    main()
