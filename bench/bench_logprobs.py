"""Benchmark: fused log-probs (minisafe.logprobs) vs the naive logits -> log_softmax -> gather, forward + backward.

    python bench/bench_logprobs.py                       # CPU: N=4096, D=512, V=32768, float32
    python bench/bench_logprobs.py --device cuda         # CUDA: N=16384, D=896, V=151936, bfloat16

Workloads (each timed as forward + backward of the sum, w.r.t. hidden and weight):
    logp+ent  sum(logp) + sum(entropy)     linear_logprobs(..., return_entropy=True) vs naive_logprobs
    logp      sum(logp)                    linear_logprobs(...)                      vs naive_logprobs
    ce        mean cross-entropy           linear_cross_entropy (grads in forward)   vs F.cross_entropy(h W^T, y)
Time: variants interleaved A B A B in one process, median (and min..max) over --repeats, and the median of the
per-repeat ratios fused / naive.
Extra peak memory: memory above the inputs and their gradients at the peak of one forward + backward.
  CPU: each variant runs in a fresh subprocess with MALLOC_MMAP_THRESHOLD_=65536 (so glibc hands freed blocks back
  to the OS and RSS follows live memory), after a tiny warm-up; extra = VmHWM - VmRSS(before) - bytes(grads), with
  VmHWM reset through /proc/self/clear_refs. It counts every byte the process touches (the allocator's and
  libraries' too), so it is an upper bound on tensor memory.
  CUDA: torch.cuda.max_memory_allocated() - memory_allocated(before) - bytes(grads).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from minisafe.logprobs import linear_cross_entropy, linear_logprobs, naive_logprobs  # noqa: E402

WORKLOADS = ["logp+ent", "logp", "ce"]


def make_inputs(N, D, V, dtype, device, seed):
    g = torch.Generator(device="cpu").manual_seed(seed)
    hidden = torch.randn(N, D, generator=g).to(device=device, dtype=dtype)
    weight = (torch.randn(V, D, generator=g) * (2.0 / D**0.5)).to(device=device, dtype=dtype)  # logits O(1..3)
    targets = torch.randint(0, V, (N,), generator=g).to(device)
    return hidden, weight, targets


def step(workload, variant, hidden, weight, targets, chunk):
    """One forward + backward; returns (grad_hidden, grad_weight)."""
    h = hidden.detach().requires_grad_(True)
    w = weight.detach().requires_grad_(True)
    if workload == "ce":
        if variant == "naive":
            loss = F.cross_entropy((h @ w.t()).float(), targets)
        else:
            loss = linear_cross_entropy(h, w, targets, chunk_size=chunk)
    else:
        ent = workload == "logp+ent"
        if variant == "naive":
            out = naive_logprobs(h, w, targets, 1.0, ent)
        else:
            out = linear_logprobs(h, w, targets, 1.0, ent, chunk_size=chunk)
        loss = out[0].sum() + out[1].sum() if ent else out.sum()
    loss.backward()
    return h.grad, w.grad


def sync(device):
    if device == "cuda":
        torch.cuda.synchronize()


def proc_kb(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"{field} not in /proc/self/status")


def child_memory(args):
    """Run in a fresh process: the extra peak memory of one forward + backward, in MiB (printed as JSON)."""
    dtype = getattr(torch, args.dtype)
    hidden, weight, targets = make_inputs(args.N, args.D, args.V, dtype, args.device, seed=1)
    small = make_inputs(64, args.D, 512, dtype, args.device, seed=2)
    step(args.workload, args.variant, *small, args.chunk)  # warm-up: thread pools, kernels (tiny shapes)
    if args.device == "cuda":
        torch.cuda.synchronize()
        torch.cuda.reset_peak_memory_stats()
        before = torch.cuda.memory_allocated()
        gh, gw = step(args.workload, args.variant, hidden, weight, targets, args.chunk)
        torch.cuda.synchronize()
        peak = torch.cuda.max_memory_allocated()
    else:
        with open("/proc/self/clear_refs", "w") as f:  # reset VmHWM to the current RSS
            f.write("5")
        before = proc_kb("VmRSS") * 1024
        gh, gw = step(args.workload, args.variant, hidden, weight, targets, args.chunk)
        peak = proc_kb("VmHWM") * 1024
    grads = gh.numel() * gh.element_size() + gw.numel() * gw.element_size()
    print(json.dumps({"extra_mib": (peak - before - grads) / 2**20}))


def measure_memory(args, workload, variant):
    cmd = [sys.executable, os.path.abspath(__file__), "--child", "--workload", workload, "--variant", variant,
           "--N", str(args.N), "--D", str(args.D), "--V", str(args.V), "--dtype", args.dtype,
           "--device", args.device, "--chunk", str(args.chunk or 0)]
    env = dict(os.environ, MALLOC_MMAP_THRESHOLD_="65536")
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])["extra_mib"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    g = ap.add_argument_group("problem")
    g.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    g.add_argument("--N", type=int, default=None, help="tokens (default 4096 on CPU, 16384 on CUDA)")
    g.add_argument("--D", type=int, default=None, help="hidden size (default 512 / 896)")
    g.add_argument("--V", type=int, default=None, help="vocabulary (default 32768 / 151936)")
    g.add_argument("--dtype", default=None, help="float32 (CPU default) or bfloat16 (CUDA default)")
    g = ap.add_argument_group("run")
    g.add_argument("--workloads", default=",".join(WORKLOADS))
    g.add_argument("--chunk", type=int, default=None, help="rows per chunk (default: minisafe's choice)")
    g.add_argument("--repeats", type=int, default=5)
    g.add_argument("--no-memory", action="store_true")
    g = ap.add_argument_group("internal")
    g.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    g.add_argument("--workload", help=argparse.SUPPRESS)
    g.add_argument("--variant", help=argparse.SUPPRESS)
    args = ap.parse_args()
    cuda = args.device == "cuda"
    args.N = args.N or (16384 if cuda else 4096)
    args.D = args.D or (896 if cuda else 512)
    args.V = args.V or (151936 if cuda else 32768)
    args.dtype = args.dtype or ("bfloat16" if cuda else "float32")
    args.chunk = args.chunk or None
    if args.child:
        return child_memory(args)
    if cuda and not torch.cuda.is_available():
        sys.exit("--device cuda: no CUDA device here")

    dtype = getattr(torch, args.dtype)
    hidden, weight, targets = make_inputs(args.N, args.D, args.V, dtype, args.device, seed=0)
    dev = torch.cuda.get_device_name() if cuda else f"CPU, {torch.get_num_threads()} threads"
    print(f"# N={args.N} D={args.D} V={args.V} {args.dtype} on {dev}, torch {torch.__version__}, "
          f"chunk={args.chunk or 'default'}, repeats={args.repeats}")
    print(f"{'workload':10s} {'naive s (min..max)':>24s} {'fused s (min..max)':>24s} {'time ratio':>10s} "
          f"{'naive MiB':>10s} {'fused MiB':>10s} {'mem ratio':>9s}")
    for wl in args.workloads.split(","):
        times = {"naive": [], "fused": []}
        for r in range(args.repeats + 1):  # the first round is a warm-up
            for variant in ("naive", "fused"):  # interleaved: A B A B
                hidden.grad = weight.grad = None
                sync(args.device)
                t = time.perf_counter()
                step(wl, variant, hidden, weight, targets, args.chunk)
                sync(args.device)
                if r > 0:
                    times[variant].append(time.perf_counter() - t)
        ratio = statistics.median(f / n for f, n in zip(times["fused"], times["naive"]))
        cells = [f"{statistics.median(v):7.3f} ({min(v):.3f}..{max(v):.3f})" for v in times.values()]
        mem = ["", "", ""]
        if not args.no_memory:
            m_naive, m_fused = measure_memory(args, wl, "naive"), measure_memory(args, wl, "fused")
            mem = [f"{m_naive:10.0f}", f"{m_fused:10.0f}", f"{m_fused / m_naive:9.3f}"]
        print(f"{wl:10s} {cells[0]:>24s} {cells[1]:>24s} {ratio:10.2f} {mem[0]:>10s} {mem[1]:>10s} {mem[2]:>9s}",
              flush=True)


if __name__ == "__main__":
    main()
