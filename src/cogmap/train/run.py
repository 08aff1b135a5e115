"""One command's worth of training: data in, the shipped model's files out.

:func:`build` is what ``python -m cogmap.train`` and ``cogmap train`` run: read
every layer of ``data/``, fine-tune with :class:`~cogmap.train.config.Config`
(fixed seed, one thread), export, and keep int8 only if it loses nothing
measurable against full precision.
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

from cogmap.errors import CogmapError

__all__ = ["DEFAULT_OUT", "DEFAULT_DATA", "build", "ship"]

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "extract" / "models" / "extractor"
DEFAULT_DATA = Path(__file__).resolve().parents[3] / "data"


def build(data: Path, out: Path, tiny: bool = False, threads: int = 1, epochs: int | None = None,
          quantize: str = "auto", layers: int | None = None, seed: int | None = None, soup: int | None = None,
          jobs: int = 1, log=print) -> dict:
    """Train on every example in ``data`` and write the model to ``out``; returns its ``meta``."""
    from cogmap.train.config import Config
    from cogmap.train.examples import load_all

    cfg = Config.tiny() if tiny else Config()
    cfg.threads = threads
    if epochs:
        cfg.epochs = epochs
    if layers:
        cfg.layers = layers
    if seed is not None:  # another seed: how much of a difference is the luck of one run
        cfg.seed = seed
    if soup:
        cfg.soup = soup
    t0 = time.perf_counter()
    examples = load_all(data)
    if not examples:
        raise CogmapError(f"no training examples under {data}")
    counts = {"cnc": sum(e.source == "cnc" for e in examples),
              "commentary": sum(e.source == "commentary" for e in examples)}
    log(f"{len(examples)} examples ({counts['cnc']} CNC, {counts['commentary']} commentary); "
        f"seed {cfg.seed}, {cfg.threads} thread(s)")
    net = _train_soup(examples, cfg, log, jobs=jobs)
    meta = {"data": counts, "train_seconds": round(time.perf_counter() - t0, 1)}
    meta = ship(net, examples, out, cfg, meta, quantize=quantize, tiny=tiny, log=log)
    meta["train_seconds"] = round(time.perf_counter() - t0, 1)
    from cogmap.train.debris import build_debris

    meta["debris"] = build_debris(data, out, tiny=tiny, log=log)["out_of_fold"]
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    log(f"wrote {out} ({meta['precision']}) in {meta['train_seconds']:.0f} s")
    return meta


def _train_soup(examples, cfg, log, jobs: int = 1):
    """One run, or the soup of ``cfg.soup`` runs with consecutive seeds (``jobs`` at a time)."""
    from dataclasses import replace

    from cogmap.train.loop import soup, train

    if cfg.soup <= 1:
        return train(examples, cfg, log=log)
    cfgs = [replace(cfg, seed=cfg.seed + k, init_seed=cfg.seed, soup=1) for k in range(cfg.soup)]
    if jobs <= 1:
        nets = []
        for k, c in enumerate(cfgs):
            log(f"run {k + 1} of {cfg.soup} (seed {c.seed})")
            nets.append(train(examples, c, log=log))
        return soup(nets)
    # Each run in a process of its own, one thread each: a run's result does not depend on
    # what else runs, so the soup is the same as the sequential one.
    import multiprocessing as mp
    import tempfile
    from concurrent.futures import ProcessPoolExecutor

    import torch

    from cogmap.train.loop import _build_net
    from cogmap.extract.learned import TAGS

    log(f"{cfg.soup} runs (seeds {cfgs[0].seed}-{cfgs[-1].seed}), {jobs} at a time")
    with tempfile.TemporaryDirectory() as tmp, \
            ProcessPoolExecutor(max_workers=jobs, mp_context=mp.get_context("spawn")) as pool:
        paths = [str(Path(tmp) / f"run-{c.seed}.pt") for c in cfgs]
        list(pool.map(_train_to_file, [examples] * len(cfgs), cfgs, paths))
        nets = []
        for path in paths:
            net = _build_net(torch, 3 * len(TAGS), cfg.layers)
            net.load_state_dict(torch.load(path))
            nets.append(net.eval())
    return soup(nets)


def _train_to_file(examples, cfg, path: str) -> str:
    import torch

    from cogmap.train.loop import train

    torch.save(train(examples, cfg, log=lambda s: print(f"[seed {cfg.seed}] {s}", flush=True)).state_dict(), path)
    return path


def ship(net, examples, out: Path, cfg, meta: dict, quantize: str = "auto", tiny: bool = False, log=print) -> dict:
    """Export ``net`` to ``out``: int8 where it loses nothing measurable against fp32."""
    from cogmap.extract.learned import Reader
    from cogmap.train.evaluate import score
    from cogmap.train.loop import export, predict_torch

    # int8 or fp32: keep int8 only if it loses nothing measurable against fp32 on a
    # sample of 1,000 sentences, i.e. no F1 drops by more than 0.02 (one forecast
    # sentence in that sample moves forecast F1 by about 0.01).
    sample = random.Random(cfg.seed).sample(examples, min(len(examples), 40 if tiny else 1000))
    ref = score(sample, predict_torch(net, sample, cfg.max_len))
    choice = quantize
    if quantize in ("auto", "int8"):
        export(net, out, cfg, meta, quantize=True)
        Reader._cache.clear()
        q = score(sample, Reader.load(out).read_many([(e.prev, e.text) for e in sample]))
        loss = max(ref[k][2] - q[k][2] for k in ("causal", "forecast", "cause", "effect", "trigger", "hedge"))
        log(f"int8 vs fp32 on {len(sample)} training sentences: F1 loss at most {loss:.3f}")
        choice = "int8" if quantize == "int8" or loss <= 0.02 else "fp32"
        meta["int8_vs_fp32"] = {"fp32": ref, "int8": q, "max_f1_loss": round(float(loss), 3)}
    if choice != "int8":
        export(net, out, cfg, meta, quantize=False)
    return {**json.loads((Path(out) / "meta.json").read_text()),
            **{k: v for k, v in meta.items() if k == "int8_vs_fp32"}}
