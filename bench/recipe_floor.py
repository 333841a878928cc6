"""The recipe against its floor: per stage, the wall time, the time its model arithmetic would take at this CPU's
matrix-product speed, their ratio, and where the rest goes.

    python bench/recipe_floor.py --run --out /tmp/floor          # the cpu recipe, seed 0, counted (~10 min)
    python bench/recipe_floor.py --out /tmp/floor                # the table again from the counts already there

--run runs `python recipe.py --preset P --seeds S --out OUT` with bench/floor_hook on PYTHONPATH, so each stage
process counts its model work (bench/floor_hook/sitecustomize.py: FLOPs of the real tokens and of everything
executed, padding included, and the seconds spent sampling, in forwards, backwards and optimizer steps) into
OUT/floor/<pid>.json. The floor of a stage is its real-token FLOPs divided by the GEMM throughput measured here, in
the same run, on the model's own matrix shapes at 8,192 rows (fp32, this process's threads): no eager
implementation of the same arithmetic goes below it. Written to OUT/floor.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import torch

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from minisafe.hf import load_pretrained  # noqa: E402


def gemm_rate(model_dir: Path, rows: int = 8192, repeats: int = 5, threads: int | None = None) -> float:
    """FLOP/s of the model's Linear products, forward, on (rows, d_in) inputs, on `threads` torch threads (default:
    as they are): the best of `repeats` passes."""
    before = torch.get_num_threads()
    torch.set_num_threads(threads or before)
    try:
        return _gemm_rate(model_dir, rows, repeats)
    finally:
        torch.set_num_threads(before)


def _gemm_rate(model_dir: Path, rows: int, repeats: int) -> float:
    model = load_pretrained(model_dir)
    weights = [m.weight.detach() for m in model.modules() if isinstance(m, torch.nn.Linear)]
    weights.append(model.lm_head_weight.detach())
    xs = {w.shape[1]: torch.randn(rows, w.shape[1]) for w in weights}
    flops = sum(2 * rows * w.shape[0] * w.shape[1] for w in weights)
    best = float("inf")
    for _ in range(repeats + 1):
        t = time.perf_counter()
        for w in weights:
            torch.mm(xs[w.shape[1]], w.t())
        best = min(best, time.perf_counter() - t)
    return flops / best


def rates(out: Path, seed: int, **kw) -> dict[int, float]:
    """gemm_rate at every thread count a counted stage ran with, and at this process's (all cores)."""
    threads = {json.loads(f.read_text()).get("threads") for f in (out / "floor").glob("*.json")} - {None}
    return {n: gemm_rate(out / f"seed-{seed}" / "base", threads=n, **kw)
            for n in sorted(threads | {torch.get_num_threads()})}


def stage_of(record: dict, names: list[str]) -> str | None:
    """The recipe stage (a key of stage_seconds.json) one counted process belongs to."""
    argv = record["argv"]
    outs = [Path(argv[i + 1]) for i, a in enumerate(argv[:-1]) if a == "--out"]
    if outs and outs[0].parent.name in ("eval", "eval_greedy"):   # evaluate.py: recipe.eval_stage's names
        prefix = "fresh_" if outs[0].stem.startswith("fresh_") else ""
        name = (f"eval_{'greedy_' * (outs[0].parent.name == 'eval_greedy')}{prefix}"
                + "+".join(o.stem.removeprefix(prefix) for o in outs))
    else:
        name = outs[0].name if outs else None
    return name if name in names else None


def table(out: Path, seed: int, rate) -> dict:
    """Per stage: its counts summed over its processes, and its floor at the GEMM rate of the threads it ran with
    (`rate`: threads -> FLOP/s; stages side by side get fewer threads each); the sum of all stages' FLOPs at the
    rate of every core is the recipe's floor."""
    d = out / f"seed-{seed}"
    seconds = json.loads((d / "stage_seconds.json").read_text())
    names = list(seconds)
    per = {n: {"wall_s": seconds[n], "processes": 0} for n in names}
    keys = ("flops_real", "flops_executed", "train_flops_real", "gen_flops_real", "score_flops_real",
            "s_forward_train", "s_forward_score", "s_generate", "s_backward", "s_optimizer", "s_head",
            "gen_decode_steps", "tokens_real", "tokens_executed")
    for f in sorted((out / "floor").glob("*.json")):
        r = json.loads(f.read_text())
        n = stage_of(r, names)
        if n is None:
            continue
        s = per[n]
        s["processes"] += 1
        s["threads"] = r.get("threads") or max(rate)
        for k in keys:
            s[k] = s.get(k, 0) + (r.get(k) or 0)
        s["first_model_call_s"] = s.get("first_model_call_s", 0) + (r.get("first_model_call_s") or r["wall_s"])
    for s in per.values():
        s["floor_s"] = s.get("flops_real", 0) / rate[s.get("threads") or max(rate)]
        s["ratio"] = s["wall_s"] / s["floor_s"] if s["floor_s"] else None
        s["model_s"] = sum(s.get(k, 0) for k in ("s_forward_train", "s_forward_score", "s_generate", "s_backward",
                                                   "s_optimizer", "s_head"))
        s["padding"] = s["flops_executed"] / s["flops_real"] if s.get("flops_real") else None
    return {"gemm_flops_per_s": rate, "stages": per,
            "total": {"wall_s": sum(seconds.values()), "floor_s": sum(s["floor_s"] for s in per.values()),
                      "recipe_floor_s": sum(s.get("flops_real", 0) for s in per.values()) / rate[max(rate)]}}


def markdown(t: dict) -> str:
    md = ("GEMM throughput (the model's Linear shapes, 8,192 rows, fp32): "
          + ", ".join(f"{r / 1e9:.1f} GFLOP/s on {n} thread{'s' * (n > 1)}"
                      for n, r in sorted(t["gemm_flops_per_s"].items())) + "\n\n"
          "| stage | threads | wall s | floor s | wall / floor | executed / real FLOPs | sampling s | "
          "train fwd+bwd+opt s | scoring fwd s | before first model call s | rest s |\n|---|" + "---|" * 10 + "\n")
    for n, s in t["stages"].items():
        if not s.get("flops_real"):   # no model in it (the world), or not counted
            md += f"| {n} | {s.get('threads', '–')} | {s['wall_s']:.1f} |" + " – |" * 8 + "\n"
            continue
        train = s.get("s_forward_train", 0) + s.get("s_backward", 0) + s.get("s_optimizer", 0) + s.get("s_head", 0)
        rest = s["wall_s"] - s["model_s"] - s["first_model_call_s"]
        md += (f"| {n} | {s['threads']} | {s['wall_s']:.1f} | {s['floor_s']:.1f} | {s['ratio']:.1f}× | "
               f"{s['padding']:.2f} | {s.get('s_generate', 0):.1f} | {train:.1f} | {s.get('s_forward_score', 0):.1f} | "
               f"{s['first_model_call_s']:.1f} | {rest:.1f} |\n")
    tot = t["total"]
    md += (f"| **sum of stages** | | {tot['wall_s']:.1f} | {tot['floor_s']:.1f} | "
           f"{tot['wall_s'] / tot['floor_s']:.1f}× | | | | | | |\n")
    if "recipe_wall_s" in tot:   # every FLOP of the recipe at the rate of all cores
        md += (f"| **recipe, wall** | all | {tot['recipe_wall_s']:.1f} | {tot['recipe_floor_s']:.1f} | "
               f"{tot['recipe_wall_s'] / tot['recipe_floor_s']:.1f}× | | | | | | |\n")
    return md


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True, help="the recipe's run directory")
    p.add_argument("--run", action="store_true", help="run the recipe with the counters first")
    p.add_argument("--preset", default="cpu")
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    out = Path(args.out)
    if args.run:
        (out / "floor").mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "MINISAFE_FLOOR_DIR": str((out / "floor").resolve()),
               "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO / "bench" / "floor_hook"),
                                                           os.environ.get("PYTHONPATH")]))}
        t0 = time.time()
        subprocess.run([sys.executable, str(REPO / "recipe.py"), "--preset", args.preset, "--seeds", str(args.seed),
                        "--out", str(out)], env=env, check=True)
        (out / "floor_recipe_wall.json").write_text(json.dumps({"wall_s": round(time.time() - t0, 1)}))
    t = table(out, args.seed, rates(out, args.seed))
    if (out / "floor_recipe_wall.json").exists():   # stages side by side: the recipe's wall is less than their sum
        t["total"]["recipe_wall_s"] = json.loads((out / "floor_recipe_wall.json").read_text())["wall_s"]
    md = markdown(t)
    (out / "floor.json").write_text(json.dumps(t, indent=1))
    (out / "floor.md").write_text(md)
    print(md)


if __name__ == "__main__":
    main()
