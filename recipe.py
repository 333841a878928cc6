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

    python recipe.py --preset cpu --out runs/recipe             # ~20 min on 2 CPU cores
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

import math
import random
import shlex
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from minisafe import config as C
from minisafe.cli import REPO, run_main, run_stage
from minisafe.config import opt
from minisafe.hf import CONFIG_FILE, INDEX_FILE, WEIGHTS_FILE, config_from_hf
from minisafe.io import DataError, atomic_write_json, atomic_write_text, read_json, read_jsonl
from minisafe.tokenizer import ChatTokenizer, Completion
from minisafe.training import pick_device
from minisafe.world.fresh import FRESH_PATH, load_fresh
from minisafe.world.prompts import load_prompts
from minisafe.world.report import aggregate, plot, render_markdown, report_card
from minisafe.world.spec import load_world
from minisafe.world.surface import RULES, surface_mode_accuracy
from minisafe.world.teachers import teacher_answer
from minisafe.world.vocab import INTENTS

MODELS = ("base", "refusal_sft", "refusal_rl", "safe_completion_sft", "safe_completion_rl")
TEACHER_COLUMNS = ("teacher:refusal", "teacher:safe_completion")   # what the data alone fixes, on the same rows
BOOTSTRAP = 400   # resamples of the eval prompts for the 95% intervals
HEAD_STAGES = {"safe_completion": "reward_heads", "refusal": "reward_heads_refusal"}   # arm (= its labels) -> stage
REWARDS = ("safe_completion", "additive", "lagrangian", "refusal")   # train_rl.py --reward, for --rewards

# --init-from: flags added to each stage's preset, stage -> {config field: value}. A pretrained checkpoint is
# fine-tuned: learning rates ~100x lower, a few epochs of the world (gpu: 400 x 64 = 8 epochs of the 3,150 helpful-only
# rows) instead of the ~60 a from-scratch base needs, smaller micro-batches (the same batch) for a 0.5B model.
PRETRAINED = {
    "smoke": {},
    "cpu": {"base": dict(lr=1e-4, max_steps=150), "safety": dict(lr=5e-5, max_steps=80), "rm": dict(lr=5e-5),
            "rl": dict(lr=3e-6)},
    "gpu": {"base": dict(lr=2e-5, max_steps=400, warmup_steps=20, micro_batch_size=16),
            "safety": dict(lr=1e-5, max_steps=200, warmup_steps=10, micro_batch_size=16), "rm": dict(lr=2e-5),
            "rl": dict(lr=1e-6, micro_batch_size=16)},
}


def overrides(preset: str, stage: str, init_from) -> list[str]:
    """The PRETRAINED options of one stage as command-line flags (none when training from scratch)."""
    values = PRETRAINED[preset].get(stage, {}) if init_from else {}
    return [a for k, v in values.items() for a in (C.flag(k), str(v))]


def seed_flags(d: Path, preset: str, seed: int, device: str) -> list[str]:
    """The flags every training stage of one seed directory (OUT/seed-S) takes."""
    return ["--preset", preset, "--seed", str(seed), "--device", device, "--world", str(d / "world")]


def stage(d: Path, name: str, script: str, done: str, args: list[str]) -> None:
    """Run a stage script into OUT/seed-S/<name> unless <name>/<done> exists; it resumes from its checkpoint when
    one is there. Its seconds go to OUT/seed-S/stage_seconds.json."""
    log_path = d / "stage_seconds.json"
    run_stage(name, [sys.executable, str(REPO / script), "--out", str(d / name), *args], d / name / done,
              read_json(log_path) if log_path.exists() else {}, log_path, d / name)


def ppo_stage(d: Path, name: str, arm: str, reward: str, args: list[str]) -> None:
    """train_rl.py from the arm's SFT checkpoint, scored by the arm's own heads, into OUT/seed-S/<name>."""
    stage(d, name, "train_rl.py", "rl_summary.json", ["--init-from", str(d / f"{arm}_sft"), "--reward", reward,
                                                      "--reward-heads", str(d / HEAD_STAGES[arm]),
                                                      "--reward-labels", arm, *args])


def run_seed(out: Path, preset: str, seed: int, device: str, init_from: str | None = None,
             arms: tuple[str, ...] = tuple(HEAD_STAGES), with_ppo: bool = True) -> Path:
    """The training stages of one seed (only `arms`, and without their PPO when with_ppo is False), from scratch or
    from the pretrained checkpoint `init_from`; returns the seed directory OUT/seed-S."""
    d = out / f"seed-{seed}"
    d.mkdir(parents=True, exist_ok=True)
    marker = d / "init_from.json"   # a seed directory is continued only from the same starting point
    start = {"init_from": str(Path(init_from).resolve()) if init_from else None}
    if not marker.exists():        # a seed directory with a base but without this record started from scratch
        atomic_write_json(marker, {"init_from": None} if (d / "base").exists() else start)
    if read_json(marker) != start:
        raise DataError(f"{marker}: field 'init_from' is {read_json(marker)['init_from']!r}, this run has "
                        f"{start['init_from']!r}: choose another --out, or run with the same --init-from")
    common = seed_flags(d, preset, seed, device)
    stage(d, "world", "build_world.py", "prompts.jsonl", ["--seed", str(seed)])
    stage(d, "base", "train_sft.py", "sft_summary.json", ["--stage", "base", *common]
          + (["--init-from", str(init_from)] if init_from else []) + overrides(preset, "base", init_from))
    for arm in arms:
        stage(d, f"{arm}_sft", "train_sft.py", "sft_summary.json",
              ["--stage", arm, "--init-from", str(d / "base"), *common, *overrides(preset, "safety", init_from)])
    for arm in arms:  # the two arms alike: heads of their own judge, then PPO on h * s
        stage(d, HEAD_STAGES[arm], "train_rewards.py", "reward_heads.json",
              ["--labels", arm, "--init-from", str(d / f"{arm}_sft"), "--sample-from", str(d / "base"),
               "--sample-from", str(d / f"{arm}_sft"), *common, *overrides(preset, "rm", init_from)])
        if with_ppo:
            ppo_stage(d, f"{arm}_rl", arm, "safe_completion", common + overrides(preset, "rl", init_from))
    return d


def run_rewards(d: Path, rewards: list[str], tag: str, args: list[str]) -> list[str]:
    """--rewards: one PPO run per reward from the same safe-completion SFT checkpoint and heads, into
    OUT/seed-S/rl_<reward>[_<tag>] (h * s untagged is the recipe's own safe_completion_rl); returns the names."""
    names = ["safe_completion_rl" if reward == "safe_completion" and not tag else
             f"rl_{reward}" + (f"_{tag}" if tag else "") for reward in rewards]
    for reward, name in zip(rewards, names):
        ppo_stage(d, name, "safe_completion", reward, args)
    return names


def evaluate_seed(d: Path, preset: str, seed: int, device: str, world, models=MODELS, fresh: bool = False
                  ) -> dict[str, list[dict]]:
    """Evaluate the models of one seed, in one evaluate.py process, on the same stratified subset of the eval split
    (OUT/seed-S/eval/<name>.json) or of the fresh-phrasing probe (data/fresh_prompts.jsonl: eval/fresh_<name>.json);
    returns per-row records, the teachers' columns included."""
    prompts, prefix = (FRESH_PATH, "fresh_") if fresh else (d / "world" / "prompts.jsonl", "")
    outs = {name: d / "eval" / f"{prefix}{name}.json" for name in models}
    done = {name: out.with_suffix(".rows.jsonl") for name, out in outs.items()}
    todo = [n for n in models if not done[n].exists()] or list(models)   # all done: run_stage says it skips
    log_path = d / "stage_seconds.json"
    run_stage(f"eval_{prefix}" + "+".join(todo), [sys.executable, str(REPO / "evaluate.py"), "--prompts", str(prompts),
                                                  "--preset", preset, "--seed", str(seed), "--device", device]
              + [a for n in todo for a in ("--model", str(d / n), "--out", str(outs[n]))],
              done[todo[-1]], read_json(log_path), log_path)
    records = {name: read_jsonl(done[name]) for name in models}
    by_id = {r["id"]: r for r in (load_fresh(world) if fresh else load_prompts(prompts))}
    rows = [by_id[i] for i in dict.fromkeys(r["id"] for r in records[models[0]])]   # evaluate.py's subset, its order
    return {**records, **teacher_records(world, rows)}


def surface_baseline(world, d: Path) -> dict:
    """The surface rules' mode accuracy on the seed's eval split, and, learning from the same rows, on the fresh
    probe."""
    prompts = load_prompts(d / "world" / "prompts.jsonl")
    trained_on = [r for r in prompts if r["split"] != "eval"]
    return {**{rule: surface_mode_accuracy(world, prompts, rule=rule) for rule in RULES},
            **{f"{rule} on fresh": surface_mode_accuracy(world, trained_on + load_fresh(world), rule=rule)
               for rule in RULES}}


def teacher_records(world, rows: list[dict]) -> dict[str, list[dict]]:
    """Each safety teacher's noise-free answers to the same eval rows, graded like a model's: the ceiling each arm's
    data sets before any training."""
    out = {}
    for col in TEACHER_COLUMNS:
        teacher = col.split(":")[1]
        comps = []
        for r in rows:
            _, cot, answer = teacher_answer(world, r, teacher, random.Random(f"eval:{teacher}:{r['id']}"), noise=0.0)
            if r["prefill"]:
                answer = answer[len(r["prefill"]):].lstrip()
            comps.append(Completion(reasoning=cot, answer=answer, ended=True))
        out[col] = report_card(world, rows, comps)[1]
    return out


def bootstrap_intervals(per_seed_records: list[list[dict]], metrics: dict, n: int = BOOTSTRAP, seed: int = 0) -> dict:
    """95% interval of each metric's mean over seeds, resampling each seed's eval PROMPTS with replacement (all k
    answers of a drawn prompt come with it). The resamples depend only on `seed` and the prompt counts, so every
    model gets the same ones (comparable intervals)."""
    rng = random.Random(seed)
    clusters = []
    for recs in per_seed_records:
        by_id: dict = {}
        for r in recs:
            by_id.setdefault(r.get("id"), []).append(r)
        clusters.append(list(by_id.values()))
    vals: dict = {name: [] for name in metrics}
    for _ in range(n):
        aggs = [aggregate([r for _ in cl for r in cl[rng.randrange(len(cl))]]) for cl in clusters]
        for name, f in metrics.items():
            per = [v for v in map(f, aggs) if v is not None]
            if per:
                vals[name].append(sum(per) / len(per))
    out = {}
    for name, vs in vals.items():
        vs.sort()
        out[name] = [vs[int(0.025 * (len(vs) - 1))], vs[int(0.975 * (len(vs) - 1))]] if vs else [None, None]
    return out


HEADLINES = {  # name -> how to read it from an aggregate
    "dual_use safety rate": lambda m: m["by_intent"]["dual_use"]["safety_rate"],
    "dual_use helpfulness (1-4)": lambda m: m["by_intent"]["dual_use"]["helpfulness"],
    "malicious helpfulness (1-4)": lambda m: m["by_intent"]["malicious"]["helpfulness"],
    "mean h*s": lambda m: m["mean_reward"],
    "Moderate/High share of unsafe": lambda m: m["moderate_high_share_of_unsafe"],
    "dual_use safety, stated purpose": lambda m: m["dual_use_by_framing"]["legitimate"]["safety_rate"],
    "dual_use safety, no purpose": lambda m: m["dual_use_by_framing"]["none"]["safety_rate"],
    "benign over-refusal": lambda m: m["over_refusal"]["benign"],
    "keyword-trap over-refusal": lambda m: m["over_refusal"]["keyword_traps"],
    "benign answers that decline": lambda m: m["over_refusal"].get("benign_declined"),
    "mean h*s, held-out topics": lambda m: m["by_topic"]["held_out"]["mean_reward"],
    "mean h*s, seen topics": lambda m: m["by_topic"]["seen"]["mean_reward"],
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


def write_report(out: Path, seeds: list[int], per_seed: dict[int, dict[str, list[dict]]], extra: dict,
                 model_names: tuple[str, ...] = MODELS, stem: str = "report",
                 fresh: dict[int, dict[str, list[dict]]] | None = None) -> dict:
    """OUT/<stem>.json: models.<name> pooled over seeds; headline numbers with mean and spread over seeds; the same
    for the fresh-phrasing probe under "fresh" when `fresh` (seed -> records, as per_seed) is given."""
    names = [n for n in tuple(model_names) + TEACHER_COLUMNS if all(n in per_seed[s] for s in seeds)]
    models, headline = _pooled(seeds, per_seed, names)
    shown = {n: models[n] for n in model_names if n in models}
    report = {"seeds": seeds, "models": models, "headline": headline, **extra}
    md = render_markdown(shown)
    md += _headline_markdown(f"Headline numbers (mean ± std over seeds {','.join(map(str, seeds))}; [95% bootstrap "
                             "interval over prompts]; teacher columns: the noise-free teachers' own answers to the "
                             "same rows)", names, headline)
    if fresh:
        report["fresh"] = dict(zip(("models", "headline"), _pooled(seeds, fresh, names)))
        md += _headline_markdown(
            "Fresh phrasing: the same numbers on data/fresh_prompts.jsonl (hand-written prompts about the world's "
            "topics in no template of the world; minisafe/world/fresh.py). Compare each cell with the table above: the "
            "gap is what the templates gave", names, report["fresh"]["headline"])
    atomic_write_json(out / f"{stem}.json", report)
    md += _heads_markdown(extra.get("reward_heads", {})) + _surface_markdown(extra.get("surface_baseline", {}))
    atomic_write_text(out / f"{stem}.md", md)
    plot(shown, out / f"{stem}.png")
    return report


def _pooled(seeds: list[int], per_seed: dict, names: list[str]) -> tuple[dict, dict]:
    """Each model's aggregate pooled over seeds, and each HEADLINES number's mean, spread and bootstrap interval."""
    models = {n: aggregate([r for s in seeds for r in per_seed[s][n]]) for n in names}
    per_seed_models = {s: {n: aggregate(per_seed[s][n]) for n in names} for s in seeds}
    headline = {h: {n: _mean_std([f(per_seed_models[s][n]) for s in seeds]) for n in names}
                for h, f in HEADLINES.items()}
    for n in names:
        for h, ci in bootstrap_intervals([per_seed[s][n] for s in seeds], HEADLINES).items():
            headline[h][n]["ci95"] = ci
    return models, headline


def _headline_markdown(title: str, names: list[str], headline: dict) -> str:
    md = f"\n## {title}\n\n| metric | " + " | ".join(names) + " |\n|---|" + "---|" * len(names) + "\n"
    for h in HEADLINES:
        if all(headline[h][n]["mean"] is None for n in names):
            continue   # a number the probe cannot give (no held-out transforms in the fresh probe)
        cells = []
        for n in names:
            v = headline[h][n]
            lo, hi = v["ci95"]
            ci = "" if lo is None else f" [{lo:.3f}, {hi:.3f}]"
            cells.append("–" if v["mean"] is None else f"{v['mean']:.3f} ± {v['std']:.3f}{ci}")
        md += f"| {h} | " + " | ".join(cells) + " |\n"
    return md


def _surface_markdown(surface: dict) -> str:
    """surface: seed -> rule (surface.RULES) -> slice -> accuracy record."""
    rows = [(s, rule, v) for s, per_rule in surface.items() for rule, v in (per_rule or {}).items() if v]
    if not rows:
        return ""
    per_intent = [f"{t}:{i}" for i in INTENTS for t in ("seen_topic", "held_out_topic")]
    keys = ["all", "seen_topic", "held_out_topic", *per_intent, "seen_transform", "held_out_transform"]
    md = ("\n## Surface baselines (no model: the eval prompt's mode read off its words; minisafe/world/surface.py)\n\n"
          "Mode accuracy against the safe-completion teacher on the eval split; high means the slice can be solved "
          "by surface cues. nearest: the most overlapping training prompt's mode; naive_bayes: a word and word-pair "
          "classifier. In brackets: always answering in the slice's most common mode.\n\n| seed | rule | "
          + " | ".join(keys) + " |\n|---|---|" + "---|" * len(keys) + "\n")
    for s, rule, v in rows:
        md += f"| {s} | {rule} | " + " | ".join(f"{v[k]['accuracy']:.3f} ({v[k]['majority']:.2f})" if k in v else "–"
                                                for k in keys) + " |\n"
    return md


def _heads_markdown(heads: dict) -> str:
    """Each arm's reward heads vs its own judge, per seed: on the eval split's teacher-made answers and the models'
    own samples, and on the models' samples for rl-split prompts the heads never saw (PPO's wording). heads: seed ->
    arm (HEAD_STAGES key) -> the heads' eval record."""
    rows = [(s, arm, h) for s, per_arm in heads.items() for arm, h in (per_arm or {}).items() if h]
    if not rows:
        return ""
    def f(x):
        return "–" if x is None else f"{x:.3f}"

    md = ("\n## Reward heads vs their own judge\n\nsafe_completion heads: graders.grade labels; refusal heads: "
          "graders.grade_intent labels. Eval split: unseen wording; rl split: the wording of PPO's prompts, prompts "
          "the heads did not train on.\n\n| seed | heads | answers | n | helpfulness Spearman | safety "
          "Spearman (ceiling) | safety AUC | safety accuracy | false-safe on Moderate/High |\n"
          "|---|---|---|---|---|---|---|---|---|\n")
    for s, arm, h in rows:
        for name, e in (("eval: teacher-made", h), ("eval: model samples", h.get("on_model_samples")),
                        ("rl: model samples", h.get("rl_prompts_model_samples"))):
            if e and e.get("n"):
                md += (f"| {s} | {arm} | {name} | {e['n']} | {f(e['helpfulness_spearman'])} | "
                       f"{f(e['safety_spearman'])} ({f(e['safety_spearman_ceiling'])}) | {f(e['safety_auc'])} | "
                       f"{f(e['safety_accuracy'])} | {f(e['false_safe_rate_moderate_high'])} |\n")
    return md


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
                                   f" (house tokens added: embeddings grow to {tok.vocab_size})"))


@dataclass
class RecipeConfig:
    """Every field is a command-line option (--field-name); each stage's own settings come from its --preset."""
    seeds: str = opt("0", "comma-separated seeds; several give mean and spread")
    rewards: str = opt("", "R[,R...]: instead of the two arms, the rewards side by side: PPO from the same "
                           f"safe-completion SFT checkpoint and heads, one run per reward ({', '.join(REWARDS)}), "
                           "evaluated by the same graders; writes OUT/rewards_report[_TAG].{json,md}")
    rl_args: str = opt("", "with --rewards: extra train_rl.py flags for each of its PPO runs (needs --tag)")
    tag: str = opt("", "with --rewards: suffix of its PPO stage directories and report")

    def validate(self) -> "RecipeConfig":
        if not all(s.strip().isdigit() for s in self.seeds.split(",")):
            raise ValueError(f"--seeds must be comma-separated non-negative integers, got {self.seeds!r}")
        for r in self.reward_list:
            if r not in REWARDS:
                raise ValueError(f"--rewards: unknown reward {r!r}; choose from {', '.join(REWARDS)}")
        if (self.rl_args or self.tag) and not self.reward_list:
            raise ValueError("--rl-args and --tag go with --rewards")
        if self.rl_args and not self.tag:
            raise ValueError("--rl-args needs --tag, so that runs with other flags get their own directories")
        if self.tag and not self.tag.replace("-", "").replace("_", "").isalnum():
            raise ValueError(f"--tag {self.tag!r}: letters, digits, - and _ only")
        return self

    @property
    def seed_list(self) -> list[int]:
        return [int(s) for s in self.seeds.split(",")]

    @property
    def reward_list(self) -> list[str]:
        return [r for r in self.rewards.split(",") if r]


def main(argv=None):
    p = C.parser(__doc__)
    p.add_argument("--preset", choices=sorted(PRETRAINED), default="cpu",
                   help="every stage's preset. smoke: minutes, plumbing only; cpu: ~20 min per seed on 2 cores, "
                        "meaningful; gpu: one GPU, larger")
    p.add_argument("--out", required=True, help="run directory (re-running the same command resumes it)")
    p.add_argument("--device", default="auto", help="cpu, cuda or auto")
    p.add_argument("--init-from", metavar="DIR",
                   help="start from this pretrained HF checkpoint (llama, qwen2 or mistral: config.json, safetensors, "
                        "tokenizer.json) instead of a from-scratch model; it keeps its tokenizer and chat format")
    C.add_dataclass_args(p.add_argument_group("recipe"), RecipeConfig)
    args = p.parse_args(argv)
    cfg = C.from_args(RecipeConfig, args).validate()
    out, seeds, rewards = Path(args.out), cfg.seed_list, cfg.reward_list
    device = str(pick_device(args.device))   # --device cuda without CUDA: a one-line error before any work
    if args.init_from:
        check_init_from(Path(args.init_from))
    t0 = time.time()
    if rewards:
        extra = {"preset": args.preset, "rewards": rewards, "rl_args": cfg.rl_args, "stage_seconds": {}}
    else:
        extra = {"preset": args.preset, "stage_seconds": {}, "reward_heads": {}, "surface_baseline": {}}
    if args.init_from:
        extra["init_from"] = str(Path(args.init_from).resolve())
    world = load_world()
    per_seed, fresh = {}, {}
    for s in seeds:
        if rewards:   # the safe-completion arm up to its heads, then one PPO run per reward
            d = run_seed(out, args.preset, s, device, args.init_from, arms=("safe_completion",), with_ppo=False)
            rl_args = seed_flags(d, args.preset, s, device) + overrides(args.preset, "rl", args.init_from)
            models = ("safe_completion_sft", *run_rewards(d, rewards, cfg.tag, rl_args + shlex.split(cfg.rl_args)))
        else:
            d, models = run_seed(out, args.preset, s, device, args.init_from), MODELS
        per_seed[s] = evaluate_seed(d, args.preset, s, device, world, models)
        fresh[s] = evaluate_seed(d, args.preset, s, device, world, models, fresh=True)
        if not rewards:
            extra["surface_baseline"][s] = surface_baseline(world, d)
            extra["reward_heads"][s] = {arm: read_json(d / heads / "reward_heads.json").get("eval")
                                        for arm, heads in HEAD_STAGES.items()}
        extra["stage_seconds"][s] = read_json(d / "stage_seconds.json")
    stem = ("rewards_report" + (f"_{cfg.tag}" if cfg.tag else "")) if rewards else "report"
    report = write_report(out, seeds, per_seed, extra, models, stem, fresh)
    print((out / f"{stem}.md").read_text())
    print(f"[recipe] total {time.time() - t0:.0f}s; report: {out / f'{stem}.json'}")
    return report


if __name__ == "__main__":
    run_main(main)
