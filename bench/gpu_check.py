"""The first run on a GPU, as one prepared script (bench/gpu_check.sh calls this): every figure into one JSON file.

    bash bench/gpu_check.sh --out gpu_check.json     # one CUDA GPU, about 10 minutes, nothing downloads
    bash bench/gpu_check.sh --dry-run                # the same steps on CPU at tiny shapes (CI runs it)

Sections, each timed and recorded even when another fails (the exit code is 1 if any failed):
  environment     torch, CUDA, the device, bf16 support, triton
  cuda_tests      the Triton kernel tests and the fused log-prob tests on the device
  model           minisafe vs transformers at Qwen2.5-0.5B's shape (random weights): logits parity in fp32 and bf16,
                  the on-policy gap of bf16 sampling, sampling tokens/s, a train step (bf16 autocast, AdamW) and MFU,
                  minisafe's AdamW step against torch's
  logprob_bench   bench/bench_logprobs.py: the fused log-probs against logits -> log_softmax -> gather
  stages          the first steps of every recipe stage at the gpu preset with --init-from a random checkpoint of
                  Qwen2.5-0.5B's shape (world, base SFT, safety SFT, reward heads, PPO, evaluation): seconds,
                  tokens/s and peak GPU memory per stage
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import runpy
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Qwen2.5-0.5B's config.json, and the dry run's tiny stand-in
QWEN05 = dict(vocab_size=151936, d_model=896, n_layers=24, n_heads=14, n_kv_heads=2, d_ff=4864, max_seq_len=4096,
              rope_theta=1e6, norm_eps=1e-6, qkv_bias=True, tie_embeddings=True)
TINY = dict(vocab_size=1024, d_model=64, n_layers=2, n_heads=4, n_kv_heads=2, d_ff=176, max_seq_len=1024,
            rope_theta=1e6, norm_eps=1e-6, qkv_bias=True, tie_embeddings=True)
PEAK_BF16_TFLOPS = {"H100": 989, "H200": 989, "H800": 989, "A100": 312, "A800": 312, "L40S": 362, "L4": 121,
                    "A10": 125, "GH200": 989, "B200": 2250}   # dense bf16, from the vendors' data sheets


def section(results: dict, name: str, fn, *args) -> None:
    t0 = time.time()
    try:
        results[name] = {"ok": True, **fn(*args)}
    except Exception as e:   # recorded, and the next section still runs
        results[name] = {"ok": False, "error": f"{type(e).__name__}: {e}", "traceback": traceback.format_exc()[-3000:]}
    results[name]["seconds"] = round(time.time() - t0, 1)
    print(f"[gpu_check] {name}: {'ok' if results[name]['ok'] else 'FAILED ' + results[name]['error'][:300]} "
          f"({results[name]['seconds']} s)", flush=True)


def run(cmd: list[str], timeout: float, env: dict | None = None) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "TQDM_DISABLE": "1", **(env or {})})
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])} ... exited {proc.returncode}: {(proc.stdout + proc.stderr)[-1500:]}")
    return proc


# ---- environment ------------------------------------------------------------------------------------------------

def environment(args) -> dict:
    import torch

    env = {"torch": torch.__version__, "cuda": torch.version.cuda, "python": platform.python_version(),
           "device": args.device, "cpus": os.cpu_count()}
    if args.device == "cuda":
        p = torch.cuda.get_device_properties(0)
        env.update(name=p.name, memory_GB=round(p.total_memory / 1e9, 1), capability=f"{p.major}.{p.minor}",
                   bf16=torch.cuda.is_bf16_supported(), peak_bf16_tflops=peak_tflops(p.name, args))
    try:
        import triton
        env["triton"] = triton.__version__
    except ImportError:
        env["triton"] = None
    return env


def peak_tflops(name: str, args) -> float | None:
    if args.peak_tflops:
        return args.peak_tflops
    return next((v for k, v in sorted(PEAK_BF16_TFLOPS.items(), key=lambda kv: -len(kv[0])) if k in name), None)


# ---- CUDA tests -------------------------------------------------------------------------------------------------

def cuda_tests(args) -> dict:
    files = ["tests/test_logprobs_triton.py", "tests/test_logprobs.py", "tests/test_dtype.py"]
    dry = ["--collect-only"] if args.dry_run else []   # the dry run checks that they still import and collect
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-o", "addopts=", "-p", "no:cacheprovider", *dry,
                           *files], cwd=ROOT, capture_output=True, text=True, timeout=args.budget(240),
                          env={**os.environ, "TQDM_DISABLE": "1"})
    last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    counts = {k: int(n) for n, k in re.findall(r"(\d+) (passed|failed|skipped|errors?|tests? collected)", last)}
    if proc.returncode != 0:
        raise RuntimeError(f"pytest exited {proc.returncode} ({counts}): {proc.stdout[-2000:]}")
    return {"files": files, **counts}


# ---- the model at Qwen2.5-0.5B's shape: parity, sampling, train step ---------------------------------------------

def model_section(args) -> dict:
    import torch
    import transformers

    from minisafe.hf import load_pretrained
    from minisafe.logprobs import linear_cross_entropy
    from minisafe.ppo import forward_response
    from minisafe.training import AdamW, autocast

    shape = TINY if args.dry_run else QWEN05
    dev = args.device
    sync = torch.cuda.synchronize if dev == "cuda" else (lambda: None)
    torch.manual_seed(0)
    config = transformers.Qwen2Config(
        vocab_size=shape["vocab_size"], hidden_size=shape["d_model"], intermediate_size=shape["d_ff"],
        num_hidden_layers=shape["n_layers"], num_attention_heads=shape["n_heads"],
        num_key_value_heads=shape["n_kv_heads"], max_position_embeddings=shape["max_seq_len"],
        rope_theta=shape["rope_theta"], rms_norm_eps=shape["norm_eps"], tie_word_embeddings=True)
    hf = transformers.Qwen2ForCausalLM(config)
    hf.config._attn_implementation = "sdpa"
    with tempfile.TemporaryDirectory() as d:
        hf.save_pretrained(d, safe_serialization=True)
        ours = load_pretrained(d, device=dev)
    hf = hf.to(dev).eval()
    n_params = sum(p.numel() for p in ours.parameters())
    out = {"shape": shape, "params": n_params}
    B, P, new = (4, 16, 8) if args.dry_run else (64, 64, 128)
    g = torch.Generator().manual_seed(0)
    lengths = torch.randint(P // 2, P + 1, (B,), generator=g)
    mask = (torch.arange(P)[None, :] >= (P - lengths)[:, None]).long().to(dev)           # (B, P) left-padded
    ids = (torch.randint(3, shape["vocab_size"], (B, P), generator=g).to(dev) * mask)   # (B, P)

    # parity: logits of real tokens, fp32 and bf16 autocast
    with torch.no_grad():
        pos = (mask.cumsum(-1) - 1).clamp(min=0)
        for dtype in ("fp32", "bf16"):
            with autocast(dev, dtype):
                a = ours(ids, attention_mask=mask).float()
                b = hf(input_ids=ids, attention_mask=mask, position_ids=pos).logits.float()
            out[f"parity_max_abs_logit_gap_{dtype}"] = (a - b)[mask.bool()].abs().max().item()
        # on-policy gap: what the bf16 KV-cache sampler reports vs a bf16 forward of the same tokens
        with autocast(dev, "bf16"):
            seq, sample_logp = ours.generate(ids, new, temperature=1.0, attention_mask=mask, return_logprobs=True,
                                             generator=torch.Generator(device=dev).manual_seed(1))
        full = torch.cat([mask, torch.ones(B, new, dtype=mask.dtype, device=dev)], 1)
        logp, _, _ = forward_response(ours, seq, full, P, 1.0, autocast=autocast(dev, "bf16"))
        out["bf16_sampler_vs_forward_max_logprob_gap"] = (logp - sample_logp).abs().max().item()

    # a train step: fp32 weights, bf16 autocast forward, fused CE in fp32, AdamW (fp32 state)
    TB, T = (2, 32) if args.dry_run else (8, 512)
    x = torch.randint(0, shape["vocab_size"], (TB, T), device=dev)
    targets = torch.cat([x[:, 1:], torch.full_like(x[:, :1], -100)], 1)
    opt_ours, opt_hf = torch.optim.AdamW(ours.parameters(), lr=1e-5), torch.optim.AdamW(hf.parameters(), lr=1e-5)
    ours.train(), hf.train()

    def step_ours():
        with autocast(dev, "bf16"):
            h = ours(x, return_hidden=True)
        linear_cross_entropy(h.reshape(-1, h.shape[-1]), ours.lm_head_weight, targets.reshape(-1)).backward()
        opt_ours.step(), opt_ours.zero_grad(set_to_none=True)

    def step_hf():
        with autocast(dev, "bf16"):
            loss = hf(input_ids=x, labels=x).loss
        loss.backward()
        opt_hf.step(), opt_hf.zero_grad(set_to_none=True)

    ta, tb = timed_pairs(step_ours, step_hf, args.repeats, sync)
    peak = peak_tflops(torch.cuda.get_device_name(), args) if dev == "cuda" else None
    train_flops = 6 * n_params * TB * T
    out["train_step"] = {"batch": [TB, T], "minisafe_s": ta, "transformers_s": tb, "speedup": tb / ta,
                         "minisafe_tok_s": TB * T / ta, "transformers_tok_s": TB * T / tb,
                         "minisafe_mfu": train_flops / ta / (peak * 1e12) if peak else None,
                         "transformers_mfu": train_flops / tb / (peak * 1e12) if peak else None}
    # the optimizer step alone, the model's parameters and random gradients: minisafe's AdamW, one parameter at a
    # time, against torch's (foreach on a GPU)
    copies = [[torch.nn.Parameter(q.detach().clone()) for q in ours.parameters()] for _ in range(2)]
    for q in copies[0] + copies[1]:
        q.grad = torch.randn_like(q) * 1e-3
    opt_a, opt_b = AdamW(copies[0], lr=1e-5), torch.optim.AdamW(copies[1], lr=1e-5)
    ta, tb = timed_pairs(opt_a.step, opt_b.step, args.repeats, sync)
    out["optimizer_step"] = {"tensors": len(copies[0]), "minisafe_s": ta, "torch_s": tb, "ratio": ta / tb}
    del copies, opt_a, opt_b
    # sampling: bf16 weights (inference), left-padded prompts, every row runs to `new` tokens
    ours, hf = ours.to(torch.bfloat16).eval(), hf.to(torch.bfloat16).eval()
    with torch.no_grad():
        ta, tb = timed_pairs(
            lambda: ours.generate(ids, new, temperature=1.0, attention_mask=mask,
                                  generator=torch.Generator(device=dev).manual_seed(1)),
            lambda: hf.generate(input_ids=ids, attention_mask=mask, do_sample=True, temperature=1.0, top_p=1.0,
                                top_k=0, max_new_tokens=new, min_new_tokens=new, pad_token_id=0),
            args.repeats, sync)
    out["sampling"] = {"batch": B, "prompt": P, "new": new, "minisafe_s": ta, "transformers_s": tb, "speedup": tb / ta,
                       "minisafe_tok_s": B * new / ta, "transformers_tok_s": B * new / tb,
                       "minisafe_mfu": 2 * n_params * B * new / ta / (peak * 1e12) if peak else None}
    if dev == "cuda":
        out["peak_memory_GB"] = torch.cuda.max_memory_allocated() / 1e9
    return out


def timed_pairs(a, b, repeats: int, sync) -> tuple[float, float]:
    """Median seconds of a and b, interleaved A B A B after one warm-up each."""
    a(), b()
    ta, tb = [], []
    for _ in range(repeats):
        for fn, times in ((a, ta), (b, tb)):
            sync()
            t0 = time.perf_counter()
            fn()
            sync()
            times.append(time.perf_counter() - t0)
    return statistics.median(ta), statistics.median(tb)


# ---- the fused log-prob benchmark --------------------------------------------------------------------------------

def logprob_bench(args) -> dict:
    cmd = [sys.executable, "bench/bench_logprobs.py", "--device", args.device]
    cmd += ["--N", "256", "--D", "64", "--V", "1024", "--repeats", "1", "--no-memory"] if args.dry_run else \
        ["--repeats", "3"]
    proc = run(cmd, args.budget(180))
    rows = {}
    for line in proc.stdout.splitlines():
        m = re.match(r"(\S+)\s+([\d.]+) \(.*?\)\s+([\d.]+) \(.*?\)\s+([\d.]+)(?:\s+(\d+)\s+(\d+)\s+([\d.]+))?", line)
        if m and not line.startswith("#"):
            rows[m[1]] = {"naive_s": float(m[2]), "fused_s": float(m[3]), "time_ratio": float(m[4]),
                          **({"naive_MiB": int(m[5]), "fused_MiB": int(m[6]), "mem_ratio": float(m[7])} if m[5]
                             else {})}
    if not rows:
        raise RuntimeError(f"no result rows in bench_logprobs.py's output: {proc.stdout[-1000:]}")
    return {"header": proc.stdout.splitlines()[0], "workloads": rows}


# ---- the recipe's stages, first steps, at the gpu preset ---------------------------------------------------------

def stages(args) -> dict:
    work = Path(args.work)
    out, dev = {}, args.device
    world, ckpt = work / "world", work / "ckpt"
    t0 = time.time()
    run([sys.executable, "build_world.py", "--out", str(world), "--seed", "0"], args.budget(120))
    out["world"] = {"seconds": round(time.time() - t0, 1)}
    make_checkpoint(ckpt, world, TINY if args.dry_run else QWEN05)
    preset = ["--preset", "gpu", "--device", dev, "--dtype", "bf16", "--seed", "0",
              "--world", str(world)]
    few = args.dry_run   # the dry run shrinks the gpu preset's batches and lengths; the flow and bf16 are the same
    sft = ["--max-steps", "2" if few else "3", "--eval-every", "0", "--save-every", "3", "--lr", "2e-5"]
    sft += ["--batch-size", "2", "--micro-batch-size", "2", "--seq-len", "192"] if few else ["--micro-batch-size", "16"]
    plan = [
        ("base", "train_sft.py", ["--stage", "base", "--init-from", str(ckpt), *sft]),
        ("safe_completion_sft", "train_sft.py", ["--stage", "safe_completion", "--init-from", str(work / "base"),
                                                 *sft]),
        ("reward_heads", "train_rewards.py", ["--labels", "safe_completion", "--init-from",
                                              str(work / "safe_completion_sft"), "--epochs", "1", "--lr", "2e-5",
                                              "--max-prompts", "4" if few else "64",
                                              "--eval-prompts", "2" if few else "32"]
         + ([] if few else ["--sample-from", str(work / "base")])),
        ("safe_completion_rl", "train_rl.py", ["--init-from", str(work / "safe_completion_sft"), "--reward-heads",
                                               str(work / "reward_heads"), "--iterations", "2", "--lr", "1e-6",
                                               "--micro-batch-size", "16", "--value-warmup-steps", "20"]
         + (["--batch-size", "4", "--minibatch-size", "4", "--micro-batch-size", "4", "--max-new-tokens", "8"]
            if few else [])),
    ]
    for name, script, extra in plan:
        out[name] = stage(args, script, ["--out", str(work / name), *preset, *extra])
        out[name].update(stage_figures(work / name))
    ev = ["--model", str(work / "safe_completion_rl"), "--prompts", str(world / "prompts.jsonl"), "--out",
          str(work / "eval.json"), "--preset", "gpu", "--device", dev, "--dtype", "bf16",
          "--limit", "4" if few else "64"] + (["--max-new-tokens", "8", "--samples", "1"] if few else [])
    out["evaluate"] = stage(args, "evaluate.py", ev)
    out["work_dir"] = str(work)
    return out


def stage(args, script: str, argv: list[str]) -> dict:
    """One stage script in a child process; its seconds and peak memory (GPU: max allocated; CPU: max RSS)."""
    t0 = time.time()
    proc = run([sys.executable, __file__, "--stage-child", script, *argv], args.budget(300))
    peak = json.loads(proc.stdout.strip().splitlines()[-1].removeprefix("GPU_CHECK_PEAK "))
    return {"seconds": round(time.time() - t0, 1), **peak}


def stage_child(script: str, argv: list[str]) -> None:
    """Run a stage script in this process (as `python SCRIPT ARGV` runs it), then print its peak memory."""
    import torch

    sys.argv = [str(ROOT / script), *argv]
    code = 0
    try:
        runpy.run_path(str(ROOT / script), run_name="__main__")
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    peak = {"peak_rss_GB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6}
    if torch.cuda.is_available():
        peak["peak_gpu_GB"] = torch.cuda.max_memory_allocated() / 1e9
    print("GPU_CHECK_PEAK " + json.dumps(peak), flush=True)
    sys.exit(code)


def stage_figures(d: Path) -> dict:
    """tokens/s and losses a stage logged (metrics.jsonl), or the reward heads' record."""
    rows = [json.loads(line) for line in (d / "metrics.jsonl").read_text().splitlines()] \
        if (d / "metrics.jsonl").exists() else []
    keep = ("tokens_per_s", "loss", "reward", "kl", "logprob_gap", "rollout_logprob_gap", "seconds_rollout",
            "seconds_score", "seconds_update", "response_len")
    figures = {"last_metrics": {k: rows[-1][k] for k in keep if k in rows[-1]}} if rows else {}
    if (d / "reward_heads.json").exists():
        rec = json.loads((d / "reward_heads.json").read_text())
        figures["heads"] = {k: v.get("seconds") for k, v in rec.get("heads", {}).items()}
        figures["n_train_examples"] = rec.get("n_train_examples")
    return figures


def make_checkpoint(path: Path, world: Path, shape: dict) -> None:
    """A random checkpoint of `shape` (Qwen2: q/k/v biases, tied embeddings) with a ChatML BPE tokenizer trained on
    the world's texts; the model's vocabulary is the real one, the tokenizer uses its first rows."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    from minisafe.hf import save_pretrained
    from minisafe.model import ModelConfig, Transformer
    from minisafe.tokenizer import ChatTokenizer

    texts = []
    for name in ("sft_helpful.jsonl", "sft_safe_completion.jsonl"):
        for line in (world / name).read_text().splitlines()[:2000]:
            r = json.loads(line)
            texts += [r["prompt"], r["cot"], r["answer"]]
    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer, bpe.decoder = pre_tokenizers.ByteLevel(add_prefix_space=False), decoders.ByteLevel()
    bpe.train_from_iterator(texts, trainers.BpeTrainer(
        vocab_size=min(4096, shape["vocab_size"]), special_tokens=["<|endoftext|>", "<|im_start|>", "<|im_end|>"],
        show_progress=False, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    torch.manual_seed(0)
    model = Transformer(ModelConfig(**shape))
    save_pretrained(model, path, tokenizer=ChatTokenizer(bpe))


# ---- main ---------------------------------------------------------------------------------------------------------

def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dry-run", action="store_true", help="CPU, tiny shapes: checks the script itself")
    p.add_argument("--out", default="gpu_check.json", help="the JSON file with every figure")
    p.add_argument("--peak-tflops", type=float, help="the device's dense bf16 peak, for MFU (default: by name)")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--only", help="comma-separated sections to run (default: all)")
    p.add_argument("--limit-s", type=float, default=600, help="the whole run's time budget")
    p.add_argument("--work", help="where the stages write their checkpoints (default: a temporary directory, "
                                  "deleted at the end)")
    args = p.parse_args(argv)
    import torch

    if not args.dry_run and not torch.cuda.is_available():
        sys.exit("error: no CUDA device here: run `bash bench/gpu_check.sh --dry-run` on a CPU")
    args.device = "cpu" if args.dry_run else "cuda"
    args.repeats = 1 if args.dry_run else args.repeats
    deadline = time.time() + args.limit_s
    args.budget = lambda cap: max(10.0, min(cap, deadline - time.time()))
    results = {"command": " ".join(["bash bench/gpu_check.sh", *(argv if argv is not None else sys.argv[1:])]),
               "dry_run": args.dry_run, "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    sections = {"environment": environment, "cuda_tests": cuda_tests, "model": model_section,
                "logprob_bench": logprob_bench, "stages": stages}
    wanted = args.only.split(",") if args.only else list(sections)
    t0 = time.time()
    with tempfile.TemporaryDirectory(prefix="gpu_check_") as tmp:
        args.work = args.work or tmp
        for name in wanted:
            section(results, name, sections[name], args)
            Path(args.out).write_text(json.dumps(results, indent=1))   # what ran so far survives a timeout
    results["seconds"] = round(time.time() - t0, 1)
    Path(args.out).write_text(json.dumps(results, indent=1))
    failed = [n for n in wanted if not results[n]["ok"]]
    print(f"[gpu_check] {len(wanted) - len(failed)}/{len(wanted)} sections ok in {results['seconds']} s; "
          f"figures in {args.out}" + (f"; FAILED: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--stage-child":
        stage_child(sys.argv[2], sys.argv[3:])
    sys.exit(main())
