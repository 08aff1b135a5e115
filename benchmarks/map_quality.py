"""Benchmark: the map as a whole, against maps an analyst drew by hand.

    python benchmarks/map_quality.py                       # the default extractor
    python benchmarks/map_quality.py --extractor rules     # the old path, for "before"
    python benchmarks/map_quality.py --json

For each hand-made model in ``examples/*-model.yaml`` (its ``sources`` name the
article in ``../shared/examples``) it maps the article with ``cogmap.extract`` and
:func:`cogmap.model.from_documents`, and reports:

* links of the hand-made model recovered, and recovered with the right sign
  (:func:`cogmap.model.compare_models`: concepts match on shared content words);
* hand-made concepts matched, and *wrong merges*: an automatic concept two of whose
  wordings match two hand-made concepts which do not match each other (the analyst
  keeps them apart, the machine joined them); a single wording that matches both by
  itself joined nothing and is listed apart as *ambiguous*;
* hand-made feedback loops found: every link of the loop is present between
  matching concepts (and, for "signed", with the right signs), and the automatic
  map's own loop count.

Then, for every article of ``../shared/examples``: concepts, links, concepts per
link and the share of concepts in the largest (weakly) connected part.

``--corpora`` also maps corpora, many documents on one topic, as ``cogmap map``
and ``map --db`` do: each of the nine topics ``benchmarks/commentary.py`` holds out
(``data/commentary``, 3-4 documents each, put together as articles the way that
benchmark does; the shipped model has seen them, the merging is what is measured),
with concepts joined across documents by equal labels only and then by
:func:`cogmap.extract.concepts.unify`; it prints the same connectedness figures for
both and every cross-document merge, to be read for wrong ones.

Numbers only: nothing is asserted.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import networkx as nx

import cogmap
from cogmap.model import compare_models, from_documents, load_model, loops
from cogmap.model.model import common_words, concepts_match  # the rule compare_models matches concepts by

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "examples"


def projected(reference, candidate, min_overlap: float = 0.5) -> nx.DiGraph:
    """The candidate's links drawn between the reference concepts its ends match."""
    ignore = common_words(reference)
    matches = {cc.id: [rc.id for rc in reference.concepts if concepts_match(rc, cc, min_overlap, ignore)]
               for cc in candidate.concepts}
    g = nx.DiGraph()
    for e in candidate.edges:
        if e.weight == 0:
            continue
        for a in matches.get(e.cause, ()):
            for b in matches.get(e.effect, ()):
                if a != b:
                    signs = g.edges[a, b]["signs"] if g.has_edge(a, b) else set()
                    g.add_edge(a, b, signs=signs | {e.sign})
    return g


def wrong_merges(reference, candidate, min_overlap: float = 0.5) -> tuple[list, list]:
    """Automatic concepts that join hand-made concepts the analyst keeps apart.

    Returns ``(merged, ambiguous)``, each a list of ``(label, hand-made labels)``. A concept
    is *merged* wrongly when two of its wordings match hand-made concepts kept apart that
    the other wording does not match: the merging joined them. One wording that matches
    two such concepts by itself ("Russian army" shares words with "Russian nuclear
    threats" and "army morale") joined nothing: it is *ambiguous* to this word-overlap
    matching and is listed apart.
    """
    ignore = common_words(reference)
    merged, ambiguous = [], []
    for cc in candidate.concepts:
        hits = [rc for rc in reference.concepts if concepts_match(rc, cc, min_overlap, ignore)]
        apart = [(x, y) for i, x in enumerate(hits) for y in hits[i + 1:] if not concepts_match(x, y, min_overlap, ignore)]
        if not apart:
            continue
        wordings = {cc.label, *cc.aliases}
        matched = {w: {rc.id for rc in hits if concepts_match(rc, SimpleNamespace(label=w, aliases=[]),
                                                              min_overlap, ignore)} for w in wordings}
        joined = [(x, y) for x, y in apart if any(
            x.id in matched[a] and y.id in matched[b] and x.id not in matched[b] and y.id not in matched[a]
            for a in wordings for b in wordings)]
        if joined:
            merged.append((cc.label, sorted({r.label for pair in joined for r in pair})))
        else:
            ambiguous.append((cc.label, sorted({r.label for pair in apart for r in pair})))
    return merged, ambiguous


def loops_found(reference, graph: nx.DiGraph) -> tuple[int, int, int]:
    """(hand-made loops, found, found with every sign right)."""
    ref = loops(reference).loops
    found = signed = 0
    for lp in ref:
        steps = list(zip(lp.concepts, lp.concepts[1:] + lp.concepts[:1], lp.weights))
        if all(graph.has_edge(a, b) for a, b, _ in steps):
            found += 1
            signed += all((1 if w > 0 else -1) in graph.edges[a, b]["signs"] for a, b, w in steps)
    return len(ref), found, signed


def connectedness(model) -> dict:
    g = nx.DiGraph()
    g.add_nodes_from(c.id for c in model.concepts)
    g.add_edges_from((e.cause, e.effect) for e in model.edges)
    n = g.number_of_nodes()
    largest = max((len(c) for c in nx.weakly_connected_components(g)), default=0)
    return {"concepts": n, "links": g.number_of_edges(),
            "concepts_per_link": round(n / g.number_of_edges(), 2) if g.number_of_edges() else None,
            "largest_part": round(largest / n, 3) if n else 0.0}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--extractor", default=None, help="learned or rules (default: cogmap's default)")
    ap.add_argument("--no-embed", dest="embed", action="store_false",
                    help="merge concepts by the rules alone (the default merges by embeddings too)")
    ap.add_argument("--examples", type=Path, default=SHARED, help="the public articles (../shared/examples)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--corpora", action="store_true", help="also map the held-out commentary topics, one corpus each")
    args = ap.parse_args(argv)
    if not args.examples.is_dir():
        print(f"no articles in {args.examples}: this benchmark needs ../shared/examples", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    maps = {}
    for path in sorted(args.examples.glob("*.txt")):
        doc = cogmap.extract(path, extractor=args.extractor, embed=args.embed)
        maps[path.name] = from_documents([doc], title=path.stem)
    report = {"extractor": args.extractor or "default", "embed": args.embed, "references": {}, "articles": {}}
    for ref_path in sorted((ROOT / "examples").glob("*-model.yaml")):
        ref = load_model(ref_path)
        source = next((s for s in ref.sources if s in maps), None)
        if source is None:
            continue
        cand = maps[source]
        cmp = compare_models(ref, cand)
        n_loops, found, signed = loops_found(ref, projected(ref, cand))
        merges, ambiguous = wrong_merges(ref, cand)
        report["references"][ref_path.name] = {
            "article": source, "links": cmp["edges"], "recovered": cmp["recovered"], "signed": cmp["signed"],
            "concepts": cmp["concepts"], "concepts_matched": cmp["concepts_matched"],
            "loops": n_loops, "loops_found": found, "loops_signed": signed,
            "map_loops": len(loops(cand).loops), "wrong_merges": len(merges), "merges": merges,
            "ambiguous": ambiguous,
        }
    for name, model in maps.items():
        report["articles"][name] = connectedness(model)
    if args.corpora:
        report["corpora"] = corpora(args.extractor, args.embed)
    report["seconds"] = round(time.perf_counter() - t0, 1)
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    print(f"extractor: {report['extractor']}{' with embeddings' if args.embed else ', rules-only merging'}"
          f"  ({report['seconds']} s)")
    for name, r in report["references"].items():
        print(f"\n{name} (on {r['article']})")
        print(f"  links recovered   {r['recovered']:3d} / {r['links']}   with the right sign {r['signed']}")
        print(f"  concepts matched  {r['concepts_matched']:3d} / {r['concepts']}")
        print(f"  loops found       {r['loops_found']:3d} / {r['loops']}   with the right signs {r['loops_signed']}"
              f"   (the map has {r['map_loops']} loops)")
        print(f"  wrong merges      {r['wrong_merges']:3d}" + "".join(
            f"\n      {label!r} joins {', '.join(map(repr, refs))}" for label, refs in r["merges"]))
        print(f"  ambiguous words   {len(r['ambiguous']):3d}   (one wording matching concepts kept apart: no merge)"
              + "".join(f"\n      {label!r} ~ {', '.join(map(repr, refs))}" for label, refs in r["ambiguous"]))
    print(f"\n{'article':42s} {'concepts':>8s} {'links':>6s} {'c/link':>7s} {'largest':>8s}")
    total_c = total_l = 0
    for name, a in report["articles"].items():
        total_c += a["concepts"]
        total_l += a["links"]
        print(f"{name:42s} {a['concepts']:8d} {a['links']:6d} {a['concepts_per_link'] or 0:7.2f} {a['largest_part']:8.2f}")
    print(f"{'all nine':42s} {total_c:8d} {total_l:6d} {total_c / max(1, total_l):7.2f}")
    if args.corpora:
        print(f"\n{'corpus (documents)':30s} {'merged by':>10s} {'concepts':>8s} {'links':>6s} {'c/link':>7s} {'largest':>8s}")
        for name, r in report["corpora"].items():
            for how in ("label", "unify"):
                a = r[how]
                print(f"{name + ' (' + str(r['documents']) + ')':30s} {how:>10s} {a['concepts']:8d} {a['links']:6d} "
                      f"{a['concepts_per_link'] or 0:7.2f} {a['largest_part']:8.2f}")
            for label, wordings in r["merges"]:
                print(f"      {label!r} <- {', '.join(map(repr, wordings))}")
    return 0


def corpora(extractor, embed) -> dict:
    """Each held-out commentary topic mapped as one corpus, before and after :func:`unify`."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from commentary import HELD_OUT, article

    from cogmap.extract.concepts import unify

    out = {}
    for topic in HELD_OUT:
        rows_of: dict[str, list] = {}
        for line in (ROOT / "data" / "commentary" / f"{topic}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows_of.setdefault(row["doc"], []).append(row)
        docs = [cogmap.extract(article(rows)[0], source=name, extractor=extractor, embed=embed)
                for name, rows in rows_of.items()]
        joined = unify(docs, embed=embed)
        merges: dict[str, set] = {}
        for before, after in zip(docs, joined):
            for c0, c in zip(before.concepts, after.concepts):
                merges.setdefault(c.label, set()).add(c0.label)
        out[topic] = {"documents": len(docs), "label": connectedness(from_documents(docs)),
                      "unify": connectedness(from_documents(joined)),
                      "merges": [(k, sorted(v)) for k, v in merges.items() if len(v) > 1]}
    return out


if __name__ == "__main__":
    sys.exit(main())
