"""The whole recipe, stage by stage: the paper's controlled experiment on the embedded world.

Yuan et al. 2025 (arXiv 2508.09224, §4.2) compare a refusal-trained and a safe-completion-trained model from the
same base and the same recipe. Here, from nothing:

    world -> tokenizer -> base (helpful-only SFT)
          -> safe_completion_sft -> reward heads (h, s) -> safe_completion_rl  (PPO, reward h * s)
          -> refusal_sft                               -> refusal_rl          (PPO, refusal reward)
          -> evaluation of all five models on the eval split (unseen phrasings, held-out transforms)

Each stage is its own process and writes into OUT/seed-S/<stage>/; a stage whose output exists is skipped, a stage
that was killed resumes from its checkpoint, so re-running the same command continues a killed recipe.

    python -m minisafe.recipe --preset cpu --out runs/recipe             # ~12-18 min on 2 CPU cores
    python -m minisafe.recipe --preset cpu --seeds 0,1,2 --out runs/recipe    # three seeds: mean and spread
    python -m minisafe.recipe --preset smoke --out /tmp/smoke            # ~2 min: checks the plumbing only
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import time
from pathlib import Path

from minisafe.io import atomic_write_json, atomic_write_text, read_json, write_jsonl

REPO = Path(__file__).resolve().parents[1]
MODELS = ("base", "refusal_sft", "refusal_rl", "safe_completion_sft", "safe_completion_rl")

# per preset: reward-head training and evaluation sizes (the SFT and PPO presets carry the same names)
PRESETS = {
    "smoke": {"rm": ["--epochs", "1", "--max-prompts", "48", "--eval-prompts", "40"], "eval_limit": 60, "max_new_tokens": 96},
    "cpu": {"rm": ["--epochs", "2", "--max-prompts", "1200", "--samples-per-prompt", "2"],
            "eval_limit": 0,
            "max_new_tokens": 160},
    "gpu": {"rm": ["--epochs", "3"], "eval_limit": 0, "max_new_tokens": 256},
}


def run_stage(name: str, cmd: list[str], done: Path, log: dict, log_path: Path, resume_dir: Path | None) -> None:
    """Run one stage as a subprocess unless `done` exists; resume it when a checkpoint is there."""
    if done.exists():
        print(f"[recipe] {name}: done ({done.parent}), skipping")
        return
    if resume_dir is not None and (resume_dir / "checkpoints" / "latest.json").exists():
        cmd = cmd + ["--resume"]
    print(f"[recipe] {name}: {' '.join(cmd[1:])}", flush=True)
    t0 = time.time()
    proc = subprocess.run(cmd, cwd=REPO)
    if proc.returncode != 0:
        raise SystemExit(f"[recipe] stage {name} failed (exit {proc.returncode}); fix the cause and re-run the same "
                         f"command: finished stages are skipped and this one resumes")
    log[name] = round(time.time() - t0, 1)
    atomic_write_json(log_path, log)
    print(f"[recipe] {name}: {log[name]:.0f}s", flush=True)


def run_seed(out: Path, preset: str, seed: int, device: str) -> Path:
    """All training stages for one seed; returns the seed directory."""
    from minisafe import world as world_mod

    py = sys.executable
    d = out / f"seed-{seed}"
    d.mkdir(parents=True, exist_ok=True)
    log_path = d / "stage_seconds.json"
    log = read_json(log_path) if log_path.exists() else {}
    wdir = d / "world"
    if not (wdir / "prompts.jsonl").exists():
        t0 = time.time()
        counts = world_mod.build(wdir, seed=seed)
        log["world"] = round(time.time() - t0, 1)
        atomic_write_json(log_path, log)
        print(f"[recipe] world: {json.dumps(counts)[:300]}")
    common = ["--preset", preset, "--seed", str(seed), "--device", device, "--world", str(wdir)]
    sft = [py, str(REPO / "train_sft.py")]
    rl = [py, str(REPO / "train_rl.py")]
    run_stage("base", sft + ["--stage", "base", "--out", str(d / "base")] + common,
              d / "base" / "sft_summary.json", log, log_path, d / "base")
    for arm in ("safe_completion", "refusal"):
        run_stage(f"{arm}_sft", sft + ["--stage", arm, "--init-from", str(d / "base"), "--out", str(d / f"{arm}_sft")]
                  + common, d / f"{arm}_sft" / "sft_summary.json", log, log_path, d / f"{arm}_sft")
    run_stage("reward_heads", [py, "-m", "minisafe.reward_model", "train", "--init-from",
                               str(d / "safe_completion_sft"), "--world", str(wdir), "--out", str(d / "reward_heads"),
                               "--seed", str(seed), "--device", device, "--sample-from", str(d / "base"),
                               "--sample-from", str(d / "safe_completion_sft")] + PRESETS[preset]["rm"],
              d / "reward_heads" / "reward_heads.json", log, log_path, None)
    run_stage("safe_completion_rl", rl + ["--init-from", str(d / "safe_completion_sft"), "--reward-heads",
                                          str(d / "reward_heads"), "--out", str(d / "safe_completion_rl")] + common,
              d / "safe_completion_rl" / "rl_summary.json", log, log_path, d / "safe_completion_rl")
    run_stage("refusal_rl", rl + ["--init-from", str(d / "refusal_sft"), "--reward", "refusal", "--reward-source",
                                  "grader", "--out", str(d / "refusal_rl")] + common,
              d / "refusal_rl" / "rl_summary.json", log, log_path, d / "refusal_rl")
    return d


def evaluate_seed(d: Path, preset: str, seed: int, device: str) -> dict[str, list[dict]]:
    """Evaluate the five models of one seed on the same stratified eval subset; returns per-row records."""
    from minisafe.evaluate import evaluate_checkpoint, subsample
    from minisafe.io import read_jsonl
    from minisafe.world import load_prompts, load_world

    world = load_world()
    rows = subsample([r for r in load_prompts(d / "world" / "prompts.jsonl") if r["split"] == "eval"],
                     PRESETS[preset]["eval_limit"])
    records = {}
    log_path = d / "stage_seconds.json"
    for name in MODELS:
        path = d / "eval" / f"{name}.rows.jsonl"
        if not path.exists():
            t0 = time.time()
            _, recs = evaluate_checkpoint(d / name, rows, world, max_new_tokens=PRESETS[preset]["max_new_tokens"],
                                          seed=seed, device=device)
            write_jsonl(path, recs)
            log = read_json(log_path)
            log[f"eval_{name}"] = round(time.time() - t0, 1)
            atomic_write_json(log_path, log)
        records[name] = read_jsonl(path)
    return records


HEADLINES = {  # name -> how to read it from an aggregate
    "dual_use safety rate": lambda m: m["by_intent"]["dual_use"]["safety_rate"],
    "dual_use helpfulness (1-4)": lambda m: m["by_intent"]["dual_use"]["helpfulness"],
    "malicious helpfulness (1-4)": lambda m: m["by_intent"]["malicious"]["helpfulness"],
    "mean h*s": lambda m: m["mean_reward"],
    "Moderate/High share of unsafe": lambda m: m["moderate_high_share_of_unsafe"],
    "benign over-refusal": lambda m: m["over_refusal"]["benign"],
    "held-out attack success": lambda m: _held_out_asr(m),
}


def _held_out_asr(m: dict) -> float | None:
    ts = [v for v in m["by_transform"].values() if v["held_out"] and v["n"]]
    n = sum(v["n"] for v in ts)
    return sum(v["attack_success_rate"] * v["n"] for v in ts) / n if n else None


def _mean_std(xs: list) -> dict:
    xs = [x for x in xs if x is not None]
    if not xs:
        return {"mean": None, "std": None, "values": []}
    mean = sum(xs) / len(xs)
    std = math.sqrt(sum((x - mean) ** 2 for x in xs) / (len(xs) - 1)) if len(xs) > 1 else 0.0
    return {"mean": mean, "std": std, "values": xs}


def write_report(out: Path, seeds: list[int], per_seed: dict[int, dict[str, list[dict]]], extra: dict) -> dict:
    """report.json: models.<name> pooled over seeds; headline numbers with mean and spread over seeds."""
    from minisafe.evaluate import aggregate, plot, render_markdown

    models = {n: aggregate([r for s in seeds for r in per_seed[s][n]]) for n in MODELS}
    per_seed_models = {s: {n: aggregate(per_seed[s][n]) for n in MODELS} for s in seeds}
    headline = {h: {n: _mean_std([f(per_seed_models[s][n]) for s in seeds]) for n in MODELS}
                for h, f in HEADLINES.items()}
    report = {"seeds": seeds, "models": models, "headline": headline, **extra}
    atomic_write_json(out / "report.json", report)
    md = render_markdown(models)
    md += "\n## Headline numbers (mean ± std over seeds " + ",".join(map(str, seeds)) + ")\n\n"
    md += "| metric | " + " | ".join(MODELS) + " |\n|---|" + "---|" * len(MODELS) + "\n"
    for h in HEADLINES:
        cells = []
        for n in MODELS:
            v = headline[h][n]
            cells.append("–" if v["mean"] is None else f"{v['mean']:.3f} ± {v['std']:.3f}")
        md += f"| {h} | " + " | ".join(cells) + " |\n"
    md += _heads_markdown(extra.get("reward_heads", {}))
    atomic_write_text(out / "report.md", md)
    plot(models, out / "report.png")
    return report


def _heads_markdown(heads: dict) -> str:
    """Reward heads vs graders on the eval split, per seed: on teacher-made answers and on the models' own samples."""
    rows = [(s, h) for s, h in heads.items() if h]
    if not rows:
        return ""
    def f(x):
        return "–" if x is None else f"{x:.3f}"

    md = ("\n## Reward heads vs graders (eval split)\n\n| seed | answers | n | helpfulness Spearman | safety Spearman "
          "(ceiling) | safety AUC | safety accuracy | false-safe on Moderate/High |\n|---|---|---|---|---|---|---|---|\n")
    for s, h in rows:
        for name, e in (("teacher-made", h), ("model samples", h.get("on_model_samples"))):
            if e and e.get("n"):
                md += (f"| {s} | {name} | {e['n']} | {f(e['helpfulness_spearman'])} | {f(e['safety_spearman'])} "
                       f"({f(e['safety_spearman_ceiling'])}) | {f(e['safety_auc'])} | {f(e['safety_accuracy'])} | "
                       f"{f(e['false_safe_rate_moderate_high'])} |\n")
    return md


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--preset", choices=sorted(PRESETS), default="cpu",
                   help="smoke: minutes, plumbing only; cpu: ~12-18 min per seed on 2 cores, meaningful; gpu: one GPU, larger")
    p.add_argument("--out", required=True, help="run directory (re-running the same command resumes it)")
    p.add_argument("--seeds", default="0", help="comma-separated seeds; several give mean and spread")
    p.add_argument("--device", default="auto", help="cpu, cuda or auto")
    args = p.parse_args(argv)
    out = Path(args.out)
    seeds = [int(s) for s in args.seeds.split(",")]
    device = args.device
    if device == "auto":
        import torch

        device = "cuda" if torch.cuda.is_available() else "cpu"
    t0 = time.time()
    per_seed, extra = {}, {"preset": args.preset, "stage_seconds": {}, "reward_heads": {}}
    for s in seeds:
        d = run_seed(out, args.preset, s, device)
        per_seed[s] = evaluate_seed(d, args.preset, s, device)
        extra["stage_seconds"][s] = read_json(d / "stage_seconds.json")
        extra["reward_heads"][s] = read_json(d / "reward_heads" / "reward_heads.json").get("eval")
    report = write_report(out, seeds, per_seed, extra)
    print((out / "report.md").read_text())
    print(f"[recipe] total {time.time() - t0:.0f}s; report: {out / 'report.json'}")
    return report


if __name__ == "__main__":
    main()
