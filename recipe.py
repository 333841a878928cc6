"""The whole recipe, stage by stage: the paper's controlled experiment on the embedded world.

Yuan et al. 2025, §4.2 compare a refusal-trained and a safe-completion-trained model from the
same base and the same recipe. Here, from nothing:

    world -> tokenizer -> base (helpful-only SFT)
          -> safe_completion_sft -> reward_heads         -> safe_completion_rl  (PPO, reward h * s)
          -> refusal_sft         -> reward_heads_refusal -> refusal_rl          (PPO, reward h * s)
          -> evaluation of all five models on the eval split (unseen phrasings, held-out transforms)
             and on the fresh-phrasing probe (data/fresh_prompts.jsonl: the world's topics in no template of it)

Both arms' heads are trained the same way on the same kind of data; each learns its own spec's judge
(train_rewards.py --labels: graders.grade for safe_completion, the intent-based graders.grade_intent for refusal).

Each stage is its own process and writes into OUT/seed-S/<stage>/; a stage whose output exists is skipped, a stage
that was killed resumes from its checkpoint, so re-running the same command continues a killed recipe.

    python recipe.py --preset cpu --out runs/recipe             # ~10 min on 2 CPU cores
    python recipe.py --preset cpu --seeds 0,1,2 --out runs/recipe    # three seeds: mean and spread
    python recipe.py --preset smoke --out /tmp/smoke            # ~2 min: checks the plumbing only
    python recipe.py --preset gpu --init-from models/Qwen2.5-0.5B-Instruct --out runs/qwen   # one GPU

--rewards compares PPO rewards on one arm instead: from the same safe-completion SFT checkpoint and heads, one PPO run
per reward (h * s, additive, Lagrangian, refusal), evaluated alike into OUT/rewards_report.md:

    python recipe.py --preset cpu --seeds 0,1,2 --out runs/recipe --rewards safe_completion,additive,lagrangian,refusal

From a pretrained checkpoint (--init-from DIR, any checkpoint minisafe.hf reads) every stage keeps the checkpoint's
tokenizer and chat format, and base is the helpful-only SFT *of the checkpoint* on the world, so that it knows the
fictional facts the safety stages teach it to withhold (docs/gpu.md: what that costs on one GPU).
"""

from __future__ import annotations

import os
import shlex
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from minisafe import config as C
from minisafe.cli import claim_out, run_main
from minisafe.config import opt
from minisafe.hf import CONFIG_FILE, INDEX_FILE, WEIGHTS_FILE, config_from_hf
from minisafe.io import DataError, atomic_write_json, read_json, read_jsonl
from minisafe.tokenizer import ChatTokenizer
from minisafe.training import pick_device
from minisafe.world.experiment import surface_baseline, teacher_records, write_report
from minisafe.world.fresh import FRESH_PATH, load_fresh
from minisafe.world.ladder import ladder
from minisafe.world.prompts import load_prompts
from minisafe.world.spec import load_world
from minisafe.world.stages import REPO, run_stage, side_by_side

MODELS = ("base", "refusal_sft", "refusal_rl", "safe_completion_sft", "safe_completion_rl")
HEAD_STAGES = {"safe_completion": "reward_heads", "refusal": "reward_heads_refusal"}   # arm (= its labels) -> stage
REWARDS = ("safe_completion", "additive", "lagrangian", "refusal")   # train_rl.py --reward, for --rewards

# --init-from: flags added to each stage's preset, stage -> {config field: value}. A pretrained checkpoint is
# fine-tuned: learning rates ~100x lower, a few epochs of the world (gpu: 400 x 64 = 8 epochs of the 3,150 helpful-only
# rows) instead of the ~60 a from-scratch base needs, smaller micro-batches (the same batch) for a 0.5B model; reward
# heads on all of the checkpoint's layers (depth 1) as on the gpu preset.
PRETRAINED = {
    "smoke": {"base": dict(lr=1e-4, warmup_steps=3), "safety": dict(lr=5e-5, warmup_steps=2),   # the path, not results
              "rm": dict(lr=5e-5, max_prompts=32, eval_prompts=24, depth=1.0), "rl": dict(lr=3e-6)},
    "cpu": {"base": dict(lr=1e-4, max_steps=150), "safety": dict(lr=5e-5, max_steps=80), "rm": dict(lr=5e-5, depth=1.0),
            "rl": dict(lr=3e-6)},
    "gpu": {"base": dict(lr=2e-5, max_steps=400, warmup_steps=20, micro_batch_size=16),
            "safety": dict(lr=1e-5, max_steps=200, warmup_steps=10, micro_batch_size=16), "rm": dict(lr=2e-5),
            "rl": dict(lr=1e-6, micro_batch_size=16)},
}


# --size: the from-scratch base model's shape, the one thing a ladder run changes (same world, data, steps, prompts,
# samples). Non-embedding compute per token, 2 x sum of the blocks' matrices: 0.79M (1x, the cpu preset's own
# model), 2.65M (3x: 3.4 times), 6.29M (8x: 8.0 times); head_dim 32 and d_ff = 3 d_model throughout.
SIZES = {"1x": dict(d_model=128, n_layers=4, n_heads=4, n_kv_heads=2, d_ff=384),
         "3x": dict(d_model=192, n_layers=6, n_heads=6, n_kv_heads=3, d_ff=576),
         "8x": dict(d_model=256, n_layers=8, n_heads=8, n_kv_heads=4, d_ff=768)}


def compute(size: str) -> float:
    """Non-embedding compute per token of a --size, relative to 1x: the blocks' matrix parameters (q, o: d x H*hd;
    k, v: d x KV*hd; the SwiGLU's three d x d_ff) times layers."""
    def mm(c):
        hd = c["d_model"] // c["n_heads"]
        return c["n_layers"] * c["d_model"] * (2 * c["n_heads"] * hd + 2 * c["n_kv_heads"] * hd + 3 * c["d_ff"])
    return mm(SIZES[size]) / mm(SIZES["1x"])


def size_flags(size: str | None) -> list[str]:
    """train_sft.py --model-* flags of a --size (none for the preset's own model)."""
    return [a for k, v in SIZES[size].items() for a in (C.flag(f"model_{k}"), str(v))] if size else []


def overrides(preset: str, stage: str, init_from) -> list[str]:
    """The PRETRAINED options of one stage as command-line flags (none when training from scratch)."""
    values = PRETRAINED[preset].get(stage, {}) if init_from else {}
    return [a for k, v in values.items() for a in (C.flag(k), str(v))]


def seed_flags(d: Path, preset: str, seed: int, device: str, dtype: str = "auto") -> list[str]:
    """The flags every training stage of one seed directory (OUT/seed-S) takes."""
    return ["--preset", preset, "--seed", str(seed), "--device", device, "--dtype", dtype, "--world", str(d / "world")]


def stage(d: Path, name: str, script: str, done: str, args: list[str], threads: int | None = None) -> None:
    """Run a stage script into OUT/seed-S/<name> unless <name>/<done> exists; it resumes from its checkpoint when
    one is there. Its seconds go to OUT/seed-S/stage_seconds.json; threads: see stages.run_stage."""
    run_stage(name, [sys.executable, str(REPO / script), "--out", str(d / name), *args], d / name / done,
              d / "stage_seconds.json", d / name, threads)


def threads_per_job(jobs: int) -> int | None:
    """The torch threads of each of `jobs` stages side by side (None: one at a time, torch's default)."""
    return max(1, len(os.sched_getaffinity(0)) // jobs) if jobs > 1 else None


def ppo_stage(d: Path, name: str, arm: str, reward: str, args: list[str], threads: int | None = None) -> None:
    """train_rl.py from the arm's SFT checkpoint, scored by the arm's own heads, into OUT/seed-S/<name>."""
    stage(d, name, "train_rl.py", "rl_summary.json", ["--init-from", str(d / f"{arm}_sft"), "--reward", reward,
                                                      "--reward-heads", str(d / HEAD_STAGES[arm]),
                                                      "--reward-labels", arm, *args], threads)


def run_seed(out: Path, preset: str, seed: int, device: str, init_from: str | None = None,
             arms: tuple[str, ...] = tuple(HEAD_STAGES), with_ppo: bool = True, dtype: str = "auto",
             jobs: int = 1, size: str | None = None) -> Path:
    """The stages of one seed (only `arms`; without their PPO and evaluations when with_ppo is False), from scratch
    or from the pretrained checkpoint `init_from`; returns the seed directory OUT/seed-S. After the base the arms are
    independent: with jobs 2 their chains (SFT -> heads -> PPO -> evaluations) run side by side."""
    d = out / f"seed-{seed}"
    d.mkdir(parents=True, exist_ok=True)
    marker = d / "init_from.json"   # a seed directory is continued only from the same starting point
    start = {"init_from": str(Path(init_from).resolve()) if init_from else None, **({"size": size} if size else {})}
    if not marker.exists():        # a seed directory with a base but without this record started from scratch
        atomic_write_json(marker, {"init_from": None} if (d / "base").exists() else start)
    began = read_json(marker)
    if began != start:
        field = "init_from" if began["init_from"] != start["init_from"] else "size"
        raise DataError(f"{marker}: field {field!r} is {began.get(field)!r}, this run has "
                        f"{start.get(field)!r}: choose another --out, or run with the same --{field.replace('_', '-')}")
    common = seed_flags(d, preset, seed, device, dtype)
    stage(d, "world", "build_world.py", "prompts.jsonl", ["--seed", str(seed)])
    stage(d, "base", "train_sft.py", "sft_summary.json", ["--stage", "base", *common, *size_flags(size)]
          + (["--init-from", str(init_from)] if init_from else []) + overrides(preset, "base", init_from))
    threads = threads_per_job(min(jobs, len(arms)))

    def arm_chain(arm: str) -> None:   # the two arms alike: safety SFT, heads of their own judge, PPO on h * s
        stage(d, f"{arm}_sft", "train_sft.py", "sft_summary.json",
              ["--stage", arm, "--init-from", str(d / "base"), *common, *overrides(preset, "safety", init_from)],
              threads)
        stage(d, HEAD_STAGES[arm], "train_rewards.py", "reward_heads.json",
              ["--labels", arm, "--init-from", str(d / f"{arm}_sft"), "--sample-from", str(d / "base"),
               "--sample-from", str(d / f"{arm}_sft"), *common, *overrides(preset, "rm", init_from)], threads)
        if with_ppo:   # then the arm's own evaluations; the base's go with the last arm (refusal: the shorter chain)
            ppo_stage(d, f"{arm}_rl", arm, "safe_completion", common + overrides(preset, "rl", init_from), threads)
            for fresh in (False, True):
                eval_stage(d, preset, seed, device, [f"{arm}_sft", f"{arm}_rl"] + ["base"] * (arm == arms[-1]),
                           fresh, dtype, threads)

    side_by_side([lambda arm=arm: arm_chain(arm) for arm in arms], jobs)
    return d


def eval_paths(d: Path, fresh: bool, greedy: bool) -> tuple[Path, str, Path]:
    """(prompts file, file-name prefix, output folder) of one probe: the eval split's stratified subset
    (OUT/seed-S/eval/<name>.json) or the fresh-phrasing probe (data/fresh_prompts.jsonl: eval/fresh_<name>.json);
    greedy evaluations in eval_greedy/."""
    return (FRESH_PATH if fresh else d / "world" / "prompts.jsonl", "fresh_" if fresh else "",
            d / ("eval_greedy" if greedy else "eval"))


def eval_stage(d: Path, preset: str, seed: int, device: str, models: list[str], fresh: bool = False,
               dtype: str = "auto", threads: int | None = None, greedy: bool = False) -> None:
    """evaluate.py, one process, on those of `models` not evaluated yet (eval_paths); greedy: one answer per prompt
    at temperature 0 instead of the preset's samples. A model's samples depend on --seed alone, not on the models
    evaluated beside it."""
    prompts, prefix, folder = eval_paths(d, fresh, greedy)
    outs = {name: folder / f"{prefix}{name}.json" for name in models}
    todo = [n for n in models if not outs[n].with_suffix(".rows.jsonl").exists()] or list(models)   # none: skips
    run_stage(f"eval_{'greedy_' * greedy}{prefix}" + "+".join(todo),
              [sys.executable, str(REPO / "evaluate.py"), "--prompts", str(prompts), "--preset", preset, "--seed",
               str(seed), "--device", device, "--dtype", dtype] + ["--temperature", "0", "--samples", "1"] * greedy
              + [a for n in todo for a in ("--model", str(d / n), "--out", str(outs[n]))],
              outs[todo[-1]].with_suffix(".rows.jsonl"), d / "stage_seconds.json", threads=threads)


def evaluate_seed(d: Path, preset: str, seed: int, device: str, world, models=MODELS, fresh: bool = False,
                  dtype: str = "auto", jobs: int = 1, greedy: bool = False) -> dict[str, list[dict]]:
    """The models of one seed evaluated on the eval split or the fresh probe (eval_stage; those not done yet in
    `jobs` processes side by side); returns per-row records, the teachers' columns included."""
    prompts, prefix, folder = eval_paths(d, fresh, greedy)
    done = {name: folder / f"{prefix}{name}.rows.jsonl" for name in models}
    todo = [n for n in models if not done[n].exists()]
    groups = [g for g in (todo[i::jobs] for i in range(jobs)) if g] or [list(models)]
    threads = threads_per_job(len(groups))
    side_by_side([lambda g=g: eval_stage(d, preset, seed, device, g, fresh, dtype, threads, greedy)
                  for g in groups], jobs)
    records = {name: read_jsonl(done[name]) for name in models}
    by_id = {r["id"]: r for r in (load_fresh(world) if fresh else load_prompts(prompts))}
    rows = [by_id[i] for i in dict.fromkeys(r["id"] for r in records[models[0]])]   # evaluate.py's subset, its order
    return {**records, **teacher_records(world, rows)}


def check_init_from(path: Path) -> None:
    """Fail before any work when --init-from is not a checkpoint the recipe can train: config.json of a supported
    model type, safetensors weights, an HF tokenizer.json. Prints the chat format its tokenizer gets."""
    if not path.is_dir():
        raise FileNotFoundError(f"{path}: --init-from checkpoint directory not found")
    cfg = config_from_hf(read_json(path / CONFIG_FILE), source=str(path / CONFIG_FILE))
    if not (path / WEIGHTS_FILE).exists() and not (path / INDEX_FILE).exists():
        raise FileNotFoundError(f"{path}: no {WEIGHTS_FILE} or {INDEX_FILE} (only safetensors are read)")
    tok = ChatTokenizer.from_file(path / "tokenizer.json")
    print(f"[recipe] init from {path}: {cfg.n_layers} layers x {cfg.d_model}, vocab {cfg.vocab_size}; chat format "
          f"{tok.format.name}" + ("" if tok.vocab_size <= cfg.vocab_size else
                                   f" (house tokens added: embeddings grow to {tok.vocab_size})")
          + (f"; its template's default system message: {tok.default_system!r}" if tok.default_system else ""))


@dataclass
class RecipeConfig:
    """Every field is a command-line option (--field-name); each stage's own settings come from its --preset."""
    seeds: str = opt("0", "comma-separated seeds; several give mean and spread")
    rewards: str = opt("", "R[,R...]: instead of the two arms, the rewards side by side: PPO from the same "
                           f"safe-completion SFT checkpoint and heads, one run per reward ({', '.join(REWARDS)}), "
                           "evaluated by the same graders; writes OUT/rewards_report[_TAG].{json,md}")
    rl_args: str = opt("", "with --rewards: extra train_rl.py flags for each of its PPO runs (needs --tag)")
    tag: str = opt("", "with --rewards: suffix of its PPO stage directories and report")
    size: str = opt("", "the from-scratch model's size for a scale ladder: 1x (the cpu model, d_model 128 x 4 layers), "
                        "3x (192 x 6) or 8x (256 x 8) its non-embedding compute per token; empty: the preset's own. "
                        "Everything else stays; give each size its own --out", choices=["", *SIZES])
    greedy: bool = opt(False, "also evaluate every model greedily (one answer per prompt, temperature 0) on both "
                              "probes: OUT/greedy/report.{json,md}, the claims table's greedy columns")
    ladder: bool = opt(False, "write the scale ladder's table and chart from OUT/<size>/report.json of the sizes "
                              "run so far, and an earlier OUT/ladder.json's other sizes (OUT/ladder.{json,md,png}); "
                              "trains nothing")
    jobs: int = opt(0, "stages side by side, each with cores/jobs torch threads: the two arms' chains (SFT, heads, "
                       "PPO), --rewards' PPO runs, the evaluations. 0: 2 on a CPU with 2+ cores, 1 on CUDA", ge=0)

    def validate(self) -> "RecipeConfig":
        seeds = [s.strip() for s in self.seeds.split(",")]
        if not all(s.isascii() and s.isdigit() and int(s) < 2**32 for s in seeds):
            raise ValueError(f"--seeds must be comma-separated integers in [0, 2^32), got {self.seeds!r}")
        if len(set(map(int, seeds))) < len(seeds):
            raise ValueError(f"--seeds {self.seeds!r}: a seed given twice would be counted twice")
        try:
            shlex.split(self.rl_args)
        except ValueError as e:   # an unbalanced quote
            raise ValueError(f"--rl-args {self.rl_args!r}: {e}") from None
        for r in self.reward_list:
            if r not in REWARDS:
                raise ValueError(f"--rewards: unknown reward {r!r}; choose from {', '.join(REWARDS)}")
        if (self.rl_args or self.tag) and not self.reward_list:
            raise ValueError("--rl-args and --tag go with --rewards")
        if self.rl_args and not self.tag:
            raise ValueError("--rl-args needs --tag, so that runs with other flags get their own directories")
        if self.size and self.rewards:
            raise ValueError("--size goes with the two arms, not with --rewards")
        if self.tag and not self.tag.replace("-", "").replace("_", "").isalnum():
            raise ValueError(f"--tag {self.tag!r}: letters, digits, - and _ only")
        return self

    @property
    def reward_list(self) -> list[str]:
        return [r for r in self.rewards.split(",") if r]


def main(argv=None):
    p = C.parser(__doc__)
    p.add_argument("--preset", choices=sorted(PRETRAINED), default="cpu",
                   help="every stage's preset. smoke: minutes, plumbing only; cpu: ~10 min per seed on 2 cores, "
                        "meaningful; gpu: one GPU, larger")
    p.add_argument("--out", required=True, help="run directory (re-running the same command resumes it)")
    p.add_argument("--device", default="auto", help="cpu, cuda or auto")
    p.add_argument("--dtype", choices=C.DTYPES, default="auto", help="every stage's --dtype: forwards in bf16 "
                   "(autocast; trained weights, optimizer state and losses fp32) or fp32; auto: bf16 on CUDA only")
    p.add_argument("--init-from", metavar="DIR",
                   help="start from this pretrained HF checkpoint (llama, qwen2 or mistral: config.json, safetensors, "
                        "tokenizer.json) instead of a from-scratch model; it keeps its tokenizer and chat format")
    C.add_dataclass_args(p.add_argument_group("recipe"), RecipeConfig)
    args = p.parse_args(argv)
    cfg = C.from_args(RecipeConfig, args).validate()
    out, seeds, rewards = Path(args.out), [int(s) for s in cfg.seeds.split(",")], cfg.reward_list
    if cfg.ladder:
        ladder(out, {size: compute(size) for size in SIZES})
        print((out / "ladder.md").read_text())
        return None
    device = str(pick_device(args.device))   # --device cuda without CUDA: a one-line error before any work
    jobs = cfg.jobs or (2 if device == "cpu" and len(os.sched_getaffinity(0)) >= 2 else 1)
    if args.init_from:
        check_init_from(Path(args.init_from))
        if cfg.size:
            raise DataError("--size shapes a model trained from scratch; --init-from's checkpoint has its own")
    claim_out(out)   # made, writable, and this recipe's alone (its stages lock their own directories)
    t0 = time.time()
    if rewards:
        extra = {"preset": args.preset, "rewards": rewards, "rl_args": cfg.rl_args, "stage_seconds": {}}
    else:
        extra = {"preset": args.preset, "stage_seconds": {}, "reward_heads": {}, "surface_baseline": {}}
    if args.init_from:
        extra["init_from"] = str(Path(args.init_from).resolve())
    world = load_world()
    # --rewards: one PPO run per reward into OUT/seed-S/rl_<reward>[_<tag>] (h * s untagged: the recipe's own
    # safe_completion_rl), all from the same safe-completion SFT checkpoint and heads
    tag = f"_{cfg.tag}" if cfg.tag else ""
    runs = ["safe_completion_rl" if r == "safe_completion" and not tag else f"rl_{r}{tag}" for r in rewards]
    models = ("safe_completion_sft", *runs) if rewards else MODELS
    probes = [(greedy, fresh) for greedy in ((False, True) if cfg.greedy else (False,)) for fresh in (False, True)]
    records = {probe: {} for probe in probes}   # (greedy, fresh) -> seed -> per-row records
    for s in seeds:
        if rewards:   # the safe-completion arm up to its heads, then its PPO runs, `jobs` side by side
            d = run_seed(out, args.preset, s, device, args.init_from, arms=("safe_completion",), with_ppo=False,
                         dtype=args.dtype)
            rl_args = (seed_flags(d, args.preset, s, device, args.dtype) + overrides(args.preset, "rl", args.init_from)
                       + shlex.split(cfg.rl_args))
            threads = threads_per_job(min(jobs, len(rewards)))
            side_by_side([lambda r=r, n=n: ppo_stage(d, n, "safe_completion", r, rl_args, threads)
                          for r, n in zip(rewards, runs)], jobs)
        else:
            d = run_seed(out, args.preset, s, device, args.init_from, dtype=args.dtype, jobs=jobs,
                         size=cfg.size or None)
        for greedy, fresh in probes:
            records[greedy, fresh][s] = evaluate_seed(d, args.preset, s, device, world, models, fresh, args.dtype,
                                                      jobs, greedy)
        if not rewards:
            extra["surface_baseline"][s] = surface_baseline(world, d)
            extra["reward_heads"][s] = {arm: read_json(d / heads / "reward_heads.json").get("eval")
                                        for arm, heads in HEAD_STAGES.items()}
        extra["stage_seconds"][s] = read_json(d / "stage_seconds.json")
    stem = "rewards_report" + tag if rewards else "report"
    report = write_report(out, seeds, records[False, False], extra, models, stem, records[False, True])
    if cfg.greedy:
        (out / "greedy").mkdir(exist_ok=True)
        write_report(out / "greedy", seeds, records[True, False], {}, models, stem, records[True, True])
    print((out / f"{stem}.md").read_text())
    print(f"[recipe] total {time.time() - t0:.0f}s; report: {out / f'{stem}.json'}")
    return report


if __name__ == "__main__":
    run_main(main)
