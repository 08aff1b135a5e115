"""``python -m cogmap.train``: rebuild the learned extractor from ``data/``.

    python -m cogmap.train                     # the shipped model (fixed seed, one thread)
    python -m cogmap.train --tiny --out /tmp/m # a few steps: proves the path (CI)
    python -m cogmap.train agreement           # agreement on the doubly-annotated samples
    python -m cogmap.train debris              # only the debris model (seconds; build does it too)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cogmap.errors import CogmapError
from cogmap.train.run import DEFAULT_DATA, DEFAULT_OUT

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m cogmap.train", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", nargs="?", default="build", choices=["build", "agreement", "debris"])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the data folder (default: the repo's data/)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the model goes (default: the shipped place)")
    ap.add_argument("--tiny", action="store_true", help="a few steps on a few examples (CI)")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--epochs", type=int, default=None)
    ap.add_argument("--layers", type=int, default=None, help="keep only the encoder's first N layers")
    ap.add_argument("--precision", choices=["auto", "int8", "fp32"], default="auto")
    ap.add_argument("--seed", type=int, default=None, help="another seed than the shipped model's 13")
    ap.add_argument("--soup", type=int, default=None, help="average N runs with consecutive seeds (default: the config's)")
    ap.add_argument("--jobs", type=int, default=1, help="runs of a soup trained at once, each in its own process")
    args = ap.parse_args(argv)
    try:
        if args.what == "agreement":
            from cogmap.train.agreement import report

            print(json.dumps(report(args.data), indent=2))
            return 0
        if not args.data.is_dir():
            raise CogmapError(f"no data folder at {args.data}: run from a checkout, or pass --data")
        if args.what == "debris":
            from cogmap.train.debris import build_debris

            build_debris(args.data, args.out, tiny=args.tiny)
            return 0
        from cogmap.train.run import build

        build(args.data, args.out, tiny=args.tiny, threads=args.threads, epochs=args.epochs, layers=args.layers,
              quantize=args.precision, seed=args.seed, soup=args.soup, jobs=args.jobs)
    except CogmapError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
