"""Extraction time per KB as a document grows: is it linear?

Usage::

    python benchmarks/long_document.py [--sizes 50 200 1000 5000] [--extractor rules]
    python benchmarks/long_document.py --one-line --sizes 20 80 200

Builds documents of the given sizes (KB) by repeating the bundled example interview
(its paragraphs, so speakers, quotes and questions recur as in a long transcript),
extracts each once in this process and prints seconds and seconds per KB. Target
(issue 14): the time per KB flat within 1.5x from the smallest to the largest, and
5 MB under two minutes on one core. ``--one-line`` joins the paragraphs with spaces
instead, as a page that lost its line breaks comes (one paragraph of every size): until
Session 39 some patterns took time in the square of a line's length there (80 KB of
one line took 95 s to clean). Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import cogmap  # noqa: E402


def document(kb: int, one_line: bool = False) -> str:
    base = (ROOT / "src" / "cogmap" / "data" / "example-interview.txt").read_text(encoding="utf-8")
    paragraphs = base.split("\n\n")
    out = [base]
    size, n = len(base), 0
    while size < kb * 1024:
        n += 1
        # Numbered, so the cleaner does not drop the copies as repeated lines.
        for p in paragraphs[1:]:
            out.append(f"{p} (Part {n}.)" if not p.rstrip().endswith(":") else p)
            size += len(out[-1]) + 2
    text = "\n\n".join(out)[: kb * 1024].rsplit("\n\n", 1)[0]
    return " ".join(text.split("\n\n")) if one_line else text


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 1000, 5000])
    ap.add_argument("--extractor", choices=["learned", "rules"], default=None)
    ap.add_argument("--one-line", action="store_true", help="the paragraphs joined into one line")
    args = ap.parse_args(argv)
    cogmap.extract(document(5), extractor=args.extractor)  # warm-up: models loaded
    rows = []
    for kb in args.sizes:
        text = document(kb, args.one_line)
        t0 = time.perf_counter()
        doc = cogmap.extract(text, extractor=args.extractor)
        secs = time.perf_counter() - t0
        rows.append((kb, secs))
        print(f"{len(text) / 1024:8.0f} KB  {secs:8.1f} s  {1000 * secs / kb:7.1f} ms/KB  "
              f"({len(doc.claims)} claims, {len(doc.forecasts)} forecasts)", flush=True)
    if len(rows) > 1:
        per = [s / kb for kb, s in rows]
        print(f"time per KB, largest / smallest: {per[-1] / per[0]:.2f}x (target <= 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
