"""Counts the model work of one recipe stage, for bench/recipe_floor.py (active only when MINISAFE_FLOOR_DIR is set).

Python imports this file at start-up when bench/floor_hook is on PYTHONPATH. It wraps the four places where minisafe
does model arithmetic and, at exit, writes MINISAFE_FLOOR_DIR/<pid>.json:

- Transformer.forward   a (B, T) batch: FLOPs of its real tokens (attention_mask) and of all B*T, the time it took;
                        trained (x3: forward + two backward products) when grad is on and the model has trainables
- Transformer.generate  prefill of the real prompt tokens, then one decode step per new token up to each row's end
                        (real) or for every row until the last one ends (executed)
- linear_logprobs / linear_cross_entropy   the LM head on the rows whose targets count
- Tensor.backward, Optimizer.step          their time (the FLOPs are in the x3 above)

FLOPs of one token at position t: 2 * P_mm (every matrix product of the blocks) + 4 * n_layers * (t + 1) * d_attn
(Q K^T and A V over its t + 1 keys) + 2 * d_model * V where the LM head runs. Kaplan et al. 2020, eq. 2.2 and table 1.
"""

from __future__ import annotations

import atexit
import json
import os
import sys
import time

_DIR = os.environ.get("MINISAFE_FLOOR_DIR")
T0 = time.time()
COUNTS = {"flops_real": 0.0, "flops_executed": 0.0, "tokens_real": 0, "tokens_executed": 0,
          "train_flops_real": 0.0, "gen_flops_real": 0.0, "score_flops_real": 0.0, "gen_decode_steps": 0,
          "gen_rows": 0, "s_forward_train": 0.0, "s_forward_score": 0.0, "s_generate": 0.0, "s_backward": 0.0,
          "s_optimizer": 0.0, "s_head": 0.0, "first_model_call_s": None}


def _shape(model):
    """(P_mm, n_layers, d_attn, d_model, V) of a minisafe Transformer."""
    c = model.config
    p_mm = sum(m.weight.numel() for layer in model.layers for m in layer.modules() if hasattr(m, "weight")
               and m.weight is not None and m.weight.dim() == 2)
    return p_mm, c.n_layers, c.n_heads * c.head_dim, c.d_model, c.vocab_size


def _span_flops(shape, start: int, n: int, head: bool) -> float:
    """Forward FLOPs of n consecutive tokens at positions start .. start+n-1 of a causal sequence: per token
    2 P_mm (+ 2 d V with the LM head), and attention over its t + 1 keys, summed in closed form."""
    p_mm, n_layers, d_attn, d, v = shape
    return n * (2 * p_mm + (2 * d * v if head else 0)) + 4 * n_layers * d_attn * (n * start + n * (n + 1) / 2)


def _first_call():
    if COUNTS["first_model_call_s"] is None:
        COUNTS["first_model_call_s"] = round(time.time() - T0, 3)


def _install():
    sys.path.append(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))  # the repo
    import torch

    from minisafe import logprobs, model as M, training

    forward, generate = M.Transformer.forward, M.Transformer.generate

    def counted_forward(self, input_ids, attention_mask=None, return_hidden=False):
        _first_call()
        shape, (B, T) = _shape(self), input_ids.shape
        lengths = attention_mask.sum(-1).tolist() if attention_mask is not None else [T] * B
        train = torch.is_grad_enabled() and any(p.requires_grad for p in self.parameters())
        k = 3 if train else 1
        real = k * sum(_span_flops(shape, 0, int(n), not return_hidden) for n in lengths)
        COUNTS["flops_real"] += real
        COUNTS["flops_executed"] += k * B * _span_flops(shape, 0, T, not return_hidden)
        COUNTS["train_flops_real" if train else "score_flops_real"] += real
        COUNTS["tokens_real"] += int(sum(lengths))
        COUNTS["tokens_executed"] += B * T
        t = time.perf_counter()
        out = forward(self, input_ids, attention_mask=attention_mask, return_hidden=return_hidden)
        COUNTS["s_forward_train" if train else "s_forward_score"] += time.perf_counter() - t
        return out

    def counted_generate(self, input_ids, max_new_tokens, *args, **kwargs):
        _first_call()
        t = time.perf_counter()
        out = generate(self, input_ids, max_new_tokens, *args, **kwargs)
        COUNTS["s_generate"] += time.perf_counter() - t
        ids = out[0] if isinstance(out, tuple) else out
        shape, (B, T) = _shape(self), input_ids.shape
        mask = kwargs.get("attention_mask")
        prompts = mask.sum(-1).tolist() if mask is not None else [T] * B
        eos = kwargs.get("eos_token_id")
        new = ids[:, T:]
        if eos is not None and new.shape[1]:
            ended = (new == eos).long()
            first = torch.where(ended.any(-1), ended.argmax(-1) + 1, torch.full((B,), new.shape[1]))
            gen = first.tolist()
        else:
            gen = [new.shape[1]] * B
        steps = max(gen, default=0)
        head = 2 * shape[3] * shape[4]   # prefill: the LM head on the last position only
        real = sum(_span_flops(shape, 0, int(p), False) + head + _span_flops(shape, int(p), g, True)
                   for p, g in zip(prompts, gen))
        executed = B * (_span_flops(shape, 0, T, False) + head + _span_flops(shape, T, steps, True))
        COUNTS["flops_real"] += real
        COUNTS["gen_flops_real"] += real
        COUNTS["flops_executed"] += executed
        COUNTS["tokens_real"] += int(sum(prompts) + sum(gen))
        COUNTS["tokens_executed"] += B * (T + steps)
        COUNTS["gen_decode_steps"] += steps
        COUNTS["gen_rows"] += B
        return out

    def counted_head(fn):
        def wrapped(hidden, weight, targets, *args, **kwargs):
            ignore = kwargs.get("ignore_index", logprobs.IGNORE_INDEX)
            rows = int((targets != ignore).sum())
            k = 3 if hidden.requires_grad else 1
            flops = k * 2 * hidden.shape[-1] * weight.shape[0]
            COUNTS["flops_real"] += rows * flops
            COUNTS["flops_executed"] += targets.numel() * flops
            COUNTS["train_flops_real" if k == 3 else "score_flops_real"] += rows * flops
            t = time.perf_counter()
            out = fn(hidden, weight, targets, *args, **kwargs)
            COUNTS["s_head"] += time.perf_counter() - t
            return out
        return wrapped

    def timed(fn, key):
        def wrapped(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                COUNTS[key] += time.perf_counter() - t
        return wrapped

    M.Transformer.forward, M.Transformer.generate = counted_forward, counted_generate
    logprobs.linear_logprobs = counted_head(logprobs.linear_logprobs)
    logprobs.linear_cross_entropy = counted_head(logprobs.linear_cross_entropy)
    torch.Tensor.backward = timed(torch.Tensor.backward, "s_backward")
    training.AdamW.step = timed(training.AdamW.step, "s_optimizer")


def _write():
    argv = sys.argv
    out = argv[argv.index("--out") + 1] if "--out" in argv[:-1] else None
    import torch
    record = {"argv": argv, "out": out, "pid": os.getpid(), "wall_s": round(time.time() - T0, 3),
              "threads": torch.get_num_threads(), **COUNTS}
    path = os.path.join(_DIR, f"{os.getpid()}.json")
    with open(path + ".tmp", "w") as f:
        json.dump(record, f)
    os.replace(path + ".tmp", path)


if _DIR:
    _install()
    atexit.register(_write)
