"""minisafe.model vs transformers on the same random tiny Llama weights, CPU, fp32.

    python bench/bench_model.py            # full sizes (the figures in docs/benchmarks.md)
    python bench/bench_model.py --quick    # small smoke run

(a) Rollout: batched sampling of left-padded prompts (the PPO rollout), tokens/s of
    `Transformer.generate` vs `LlamaForCausalLM.generate(do_sample=True, min_new_tokens=N)`.
(b) One training step: forward, next-token cross-entropy, backward, AdamW step, same shapes for both.
Runs are interleaved A B A B ...; the table quotes medians and the median of the per-pair ratios.
--floor also times the matrix products alone, a lower bound for any eager fp32 implementation on this CPU.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from minisafe.hf import load_pretrained  # noqa: E402
from minisafe.logprobs import linear_cross_entropy  # noqa: E402


def build_models(args):
    """A random HF LlamaForCausalLM, saved and loaded into minisafe: both hold exactly the same weights."""
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(0)
    cfg = LlamaConfig(vocab_size=args.vocab, hidden_size=args.d_model, intermediate_size=args.d_ff,
                      num_hidden_layers=args.layers, num_attention_heads=args.heads,
                      num_key_value_heads=args.kv_heads, max_position_embeddings=1024,
                      tie_word_embeddings=False, bos_token_id=1, eos_token_id=2, pad_token_id=0)
    hf = LlamaForCausalLM(cfg)
    hf.config._attn_implementation = "sdpa"
    with tempfile.TemporaryDirectory() as d:
        hf.save_pretrained(d)
        ours = load_pretrained(d)
    return hf.eval(), ours.eval()


def left_padded_prompts(args, gen):
    """(B, T) ids and mask; row lengths spread over [T/2, T] (PPO prompts differ in length)."""
    B, T = args.batch, args.prompt
    lengths = torch.randint(T // 2, T + 1, (B,), generator=gen)
    lengths[0] = T
    ids = torch.randint(3, args.vocab, (B, T), generator=gen)
    mask = (torch.arange(T)[None, :] >= (T - lengths)[:, None]).long()
    return ids * mask, mask


def bench_generate(hf, ours, args):
    gen = torch.Generator().manual_seed(0)
    ids, mask = left_padded_prompts(args, gen)
    n_tokens = args.batch * args.new

    def run_ours():
        out = ours.generate(ids, args.new, temperature=1.0, top_p=1.0, attention_mask=mask,
                            generator=torch.Generator().manual_seed(1))
        assert out.shape == (args.batch, args.prompt + args.new)

    def run_hf():
        out = hf.generate(input_ids=ids, attention_mask=mask, do_sample=True, temperature=1.0, top_p=1.0, top_k=0,
                          max_new_tokens=args.new, min_new_tokens=args.new, pad_token_id=0)
        assert out.shape == (args.batch, args.prompt + args.new)

    return interleave(run_ours, run_hf, args.repeats, n_tokens)


def bench_train(hf, ours, args):
    gen = torch.Generator().manual_seed(0)
    ids = torch.randint(0, args.vocab, (args.train_batch, args.train_seq), generator=gen)
    hf.train(), ours.train()
    opt_ours = torch.optim.AdamW(ours.parameters(), lr=1e-4)
    opt_hf = torch.optim.AdamW(hf.parameters(), lr=1e-4)

    # --compile: both models through torch.compile, as `train_sft.py --compile` runs minisafe's
    ours_fwd, hf_fwd = (torch.compile(ours), torch.compile(hf)) if args.compile else (ours, hf)
    # next-token targets, last position ignored (shifting labels, not logits, avoids a (B, T, V) copy; HF does so too)
    targets = torch.cat([ids[:, 1:], torch.full_like(ids[:, :1], -100)], dim=1)  # (B, T)

    def run_ours():  # the loss as train_sft.py computes it: fused LM head + cross-entropy, no (B, T, V) logits
        hidden = ours_fwd(ids, return_hidden=True)                           # (B, T, D)
        loss = linear_cross_entropy(hidden.view(-1, hidden.shape[-1]), ours.lm_head_weight, targets.view(-1))
        loss.backward()
        opt_ours.step()
        opt_ours.zero_grad(set_to_none=True)

    def run_hf():
        loss = hf_fwd(input_ids=ids, labels=ids).loss                       # shifts labels inside
        loss.backward()
        opt_hf.step()
        opt_hf.zero_grad(set_to_none=True)

    res = interleave(run_ours, run_hf, args.repeats, args.train_batch * args.train_seq)
    hf.eval(), ours.eval()
    return res


def gemm_floor(ours, args):
    """The matrix products alone, in the model's order, on its own weights: a lower bound on each benchmark.

    Decode: per step, every Linear applied to a (B, d_in) input (43 products at the default shape, 22 MB of weights
    streamed). Train: per step, each Linear's forward and its two backward products on B*T rows
    (grad_in = g W, grad_W = g^T x). No attention, norms, sampling or optimizer: what eager PyTorch cannot go below.
    """
    linears = [m for m in ours.modules() if isinstance(m, torch.nn.Linear)]   # layer order, lm_head last
    B, N = args.batch, args.train_batch * args.train_seq
    d_ins = {m.in_features for m in linears}
    x_prompt = {d: torch.randn(B * args.prompt, d) for d in d_ins}   # (B*T_prompt, d_in)
    x_step = {d: torch.randn(B, d) for d in d_ins}                    # (B, d_in): one new token per row

    def prefill():                                 # every prompt row through the layers, the LM head on B rows
        for m in linears[:-1]:
            torch.mm(x_prompt[m.in_features], m.weight.t())
        torch.mm(x_step[linears[-1].in_features], linears[-1].weight.t())

    def decode_step():
        for m in linears:
            torch.mm(x_step[m.in_features], m.weight.t())

    xs = {m: torch.randn(N, m.in_features) for m in linears}
    gs = {m: torch.randn(N, m.out_features) for m in linears}

    def train_step():
        for m in linears:
            torch.mm(xs[m], m.weight.t())          # forward        (N, d_in) @ (d_in, d_out)
        for m in reversed(linears):
            torch.mm(gs[m], m.weight)              # grad input     (N, d_out) @ (d_out, d_in)
            torch.mm(gs[m].t(), xs[m])             # grad weight    (d_out, N) @ (N, d_in)

    def median_time(fn, repeats):
        fn()
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return statistics.median(times)

    return {"generate_s": median_time(prefill, args.repeats) + (args.new - 1) * median_time(decode_step, 64),
            "train_step_s": median_time(train_step, args.repeats)}


def interleave(run_a, run_b, repeats, n_tokens):
    """A B A B ... timings (after one warm-up each); returns medians and the median of per-pair speedups."""
    run_a(), run_b()
    ta, tb = [], []
    for _ in range(repeats):
        for run, times in ((run_a, ta), (run_b, tb)):
            t0 = time.perf_counter()
            run()
            times.append(time.perf_counter() - t0)
    ratios = [b / a for a, b in zip(ta, tb)]
    return {"ours_s": statistics.median(ta), "hf_s": statistics.median(tb),
            "ours_tok_s": n_tokens / statistics.median(ta), "hf_tok_s": n_tokens / statistics.median(tb),
            "speedup": statistics.median(ratios), "speedup_min": min(ratios), "speedup_max": max(ratios)}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    g = p.add_argument_group("model")
    g.add_argument("--vocab", type=int, default=4096)
    g.add_argument("--d-model", type=int, default=256)
    g.add_argument("--d-ff", type=int, default=704)
    g.add_argument("--layers", type=int, default=6)
    g.add_argument("--heads", type=int, default=8)
    g.add_argument("--kv-heads", type=int, default=4)
    g = p.add_argument_group("workload")
    g.add_argument("--batch", type=int, default=32)
    g.add_argument("--prompt", type=int, default=64)
    g.add_argument("--new", type=int, default=128)
    g.add_argument("--train-batch", type=int, default=16)
    g.add_argument("--train-seq", type=int, default=256)
    g.add_argument("--repeats", type=int, default=5, help="interleaved pairs per benchmark")
    g.add_argument("--only", choices=["generate", "train"], default=None)
    g.add_argument("--threads", type=int, default=None,
                   help="torch.set_num_threads (default: torch's choice). On a CPU shared with other jobs, 1 thread "
                        "avoids OpenMP stalls when a core is taken away (see docs/benchmarks.md)")
    g.add_argument("--compile", action="store_true", help="train step: torch.compile both models (first step slow)")
    g.add_argument("--floor", action="store_true",
                   help="also time the matrix products alone (see gemm_floor) against the goal's time budget")
    g.add_argument("--quick", action="store_true", help="tiny sizes, 2 repeats (smoke test)")
    args = p.parse_args()
    if args.quick:
        args.layers, args.new, args.batch, args.train_batch, args.train_seq, args.repeats = 2, 16, 8, 4, 64, 2

    import transformers
    if args.threads:
        torch.set_num_threads(args.threads)
    hf, ours = build_models(args)
    print(f"torch {torch.__version__}, transformers {transformers.__version__}, threads {torch.get_num_threads()}, "
          f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs")
    print(f"model: vocab {args.vocab}, d_model {args.d_model}, layers {args.layers}, heads {args.heads}/"
          f"{args.kv_heads} kv, d_ff {args.d_ff}, fp32; {args.repeats} interleaved pairs\n")
    print("| benchmark | minisafe | transformers | speedup (median [min, max]) |")
    print("|---|---|---|---|")
    results = {}
    if args.only in (None, "generate"):
        with torch.no_grad():
            r = results["generate"] = bench_generate(hf, ours, args)
        print(f"| sampling B={args.batch}, prompt {args.prompt} (left-padded), {args.new} new | "
              f"{r['ours_tok_s']:.0f} tok/s ({r['ours_s']:.2f} s) | {r['hf_tok_s']:.0f} tok/s ({r['hf_s']:.2f} s) | "
              f"{r['speedup']:.2f}x [{r['speedup_min']:.2f}, {r['speedup_max']:.2f}] |", flush=True)
    if args.only in (None, "train"):
        r = results["train"] = bench_train(hf, ours, args)
        how = ", both compiled" if args.compile else ""
        print(f"| train step B={args.train_batch} x T={args.train_seq} (fwd+CE+bwd+AdamW{how}) | "
              f"{r['ours_s'] * 1e3:.0f} ms | {r['hf_s'] * 1e3:.0f} ms | "
              f"{r['speedup']:.2f}x [{r['speedup_min']:.2f}, {r['speedup_max']:.2f}] |", flush=True)
    if args.floor:
        with torch.no_grad():
            floor = gemm_floor(ours, args)
        print("\n| matrix products alone | time | minisafe's time | the goal's budget (transformers / goal) |")
        print("|---|---|---|---|")
        for name, key, goal in (("generate", "generate_s", 2.0), ("train", "train_step_s", 1.2)):
            if name in results:
                r = results[name]
                print(f"| {name} | {floor[key] * 1e3:.0f} ms | {r['ours_s'] * 1e3:.0f} ms | "
                      f"{r['hf_s'] / goal * 1e3:.0f} ms |")


if __name__ == "__main__":
    main()
