"""Reward heads: train an arm's helpfulness and safety heads on judged answers; measure them against the judge.

Yuan et al. 2025, §3.2. The heads are minisafe/reward_model.py, each on the first layers of --init-from (--depth;
from scratch: half of them, docs/benchmarks.md compares them with whole copies). Their data (teachers, perturbed
variants, samples of --sample-from models) and the two arms' judges (--labels safe_completion: graders.grade;
refusal: graders.grade_intent) are minisafe/world/reward_data.py. Agreement with the judge (Spearman, AUC, accuracy)
is written to OUT/reward_heads.json: on the eval split (unseen wording), and, with --sample-from, on those models'
samples for the rl-split prompts the heads did not train on (the wording PPO optimises on). Re-running the same
command on a finished OUT measures agreement again without training; a killed run keeps the heads it finished.

    python train_rewards.py --init-from runs/sc_sft --world runs/world --out runs/rm --sample-from runs/base
    python train_rewards.py --labels refusal --init-from runs/rf_sft --world runs/world --out runs/rm_rf

With --judge-url U --judge-model M --judge-spec SPEC.md an LLM judge labels the data instead
(minisafe/integrations/llm_judge.py); rows of your own prompts have no world teacher, so their answers come from
--answers FILE and --sample-from.
"""

from __future__ import annotations

import json
import math
import random
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import torch
import torch.nn.functional as F
from tqdm import tqdm

from minisafe.hf import load_pretrained
from minisafe import config as C
from minisafe.integrations import llm_judge
from minisafe.cli import claim_out, run_main
from minisafe.generation import check_model
from minisafe.config import opt
from minisafe.io import DataError, atomic_write_json, read_json, read_jsonl, tokenizer_sha256
from minisafe.integrations.llm_judge import JudgeConfig
from minisafe.world.reward_data import LABELS, agreement, graded, make_examples, policy_samples, safety_prompts
from minisafe.reward_model import RewardModel
from minisafe.tokenizer import ChatTokenizer, pad_right
from minisafe.training import AdamW, autocast, bf16, epoch_batches, lr_at, pick_device
from minisafe.world.prompts import load_prompts
from minisafe.world.spec import load_world


@dataclass
class RewardsConfig:
    """Every field is a command-line option (--field-name; the judge's as --judge-url ...)."""
    labels: str = opt("safe_completion", "whose judge the heads learn: safe_completion (graders.grade, output-"
                      "centric) or refusal (graders.grade_intent, the intent-based baseline's spec)",
                      choices=sorted(LABELS))
    epochs: int = opt(2, "passes over the judged answers", gt=0)
    batch_size: int = opt(32, "answers per optimizer step", gt=0)
    lr: float = opt(3e-4, "peak learning rate (cosine decay to 10%)", gt=0)
    weight_decay: float = opt(0.0, "AdamW weight decay", ge=0)
    max_len: int = opt(256, "longest (prompt, answer) in tokens; longer ones are skipped and counted", ge=8)
    depth: float = opt(1.0, "share of --init-from's transformer layers each head's backbone keeps, the first ones "
                            "(at least one; 1: all)", gt=0, le=1)
    max_prompts: int = opt(1200, "training prompts sampled from the train and rl splits (0: all)", ge=0)
    samples_per_prompt: int = opt(2, "answers sampled per prompt from each --sample-from model", gt=0)
    eval_prompts: int = opt(0, "eval-split prompts for the agreement check (0: the whole split)", ge=0)
    seed: int = opt(0, "seed of the prompt sample, the perturbations and the head's init", ge=0, le=2**32 - 1)
    judge: JudgeConfig = opt(default_factory=JudgeConfig)

    def validate(self) -> "RewardsConfig":
        C.check(self)
        self.judge.validate()
        return self


PRESETS = {   # from scratch, each head reads half the policy's layers (smoke 1 of 2, cpu 2 of 4); gpu: all of them
    "smoke": dict(epochs=1, max_prompts=48, samples_per_prompt=1, eval_prompts=40, depth=0.5),
    "cpu": dict(depth=0.5),
    "gpu": dict(epochs=3, max_prompts=0, samples_per_prompt=1),
}


def preset_config(name: str) -> RewardsConfig:
    return replace(RewardsConfig(), **PRESETS[name])


def train_head(rm: RewardModel, tok: ChatTokenizer, examples: list[dict], target: str, cfg, device="cpu",
               dtype: str = "fp32") -> list[float]:
    """Fit one head with binary cross-entropy against the judge's soft label (`h` or `s`), length-bucketed batches,
    cosine decay to 10% with no warm-up; `dtype` (--dtype) bf16: the backbone's forward under autocast, the head,
    the loss and AdamW in fp32. Returns the per-epoch mean losses."""
    data = [(tok.render_reward(e["prompt"], e["answer"]), float(e[target])) for e in examples]
    kept = [d for d in data if len(d[0]) <= cfg.max_len]
    if not kept:
        raise DataError(f"reward head '{rm.name}': all {len(data)} examples are longer than max_len={cfg.max_len} "
                        f"(--max-len)")
    if len(kept) < len(data):
        print(f"reward head '{rm.name}': skipped {len(data) - len(kept)} of {len(data)} examples longer than "
              f"max_len={cfg.max_len} tokens")
    data = kept
    opt = AdamW(rm.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    lengths = [len(d[0]) for d in data]
    batch_size = min(cfg.batch_size, len(data))
    steps = cfg.epochs * len(epoch_batches(lengths, batch_size, cfg.seed, 0))
    rm.train()
    losses, step = [], 0
    bar = tqdm(total=steps, desc=f"rm:{rm.name}", dynamic_ncols=True)
    for epoch in range(cfg.epochs):
        total, seen = 0.0, 0
        for idx in epoch_batches(lengths, batch_size, cfg.seed, epoch):  # length-bucketed: little padding
            batch = [data[i] for i in idx]
            ids, mask = pad_right([b[0] for b in batch], tok.pad_id)
            y = torch.tensor([b[1] for b in batch], device=device)
            for group in opt.param_groups:  # cosine decay to 10%, no warm-up
                group["lr"] = lr_at(step, steps, cfg.lr, warmup_steps=0)
            with autocast(device, dtype):
                logits = rm.logits(ids.to(device), mask.to(device))   # (B,)
            loss = F.binary_cross_entropy_with_logits(logits.float(), y)
            if not math.isfinite(loss.item()):
                raise FloatingPointError(f"reward head '{rm.name}': non-finite loss at step {step}")
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(rm.parameters(), 1.0)
            opt.step()
            total, seen = total + loss.item() * len(batch), seen + len(batch)
            step += 1
            bar.update(1)
            bar.set_postfix(loss=f"{loss.item():.4f}")
        losses.append(total / seen)
    bar.close()
    rm.eval()
    return losses


def train(args, cfg: RewardsConfig) -> dict:
    """Both heads into OUT/helpfulness and OUT/safety, then their agreement with the judge. A head already there (from
    a killed or finished run of this command) is reused with its training record."""
    world = load_world()
    tok = ChatTokenizer.from_file(Path(args.init_from) / "tokenizer.json")
    rows = load_prompts(Path(args.world) / "prompts.jsonl")
    rng = random.Random(cfg.seed)
    train_rows = safety_prompts(rows, cfg.max_prompts, rng)
    device = pick_device(args.device)
    judge_cache = Path(cfg.judge.cache or Path(args.out) / "judge_cache")
    judge = llm_judge.make_judge(cfg.judge, judge_cache)
    # chosen once: training data and agreement use the same judge; an LLM judge plays the --labels arm's judge
    label_fn = judge.labels if judge is not None else LABELS[cfg.labels]
    out = Path(args.out)
    old = read_json(out / "reward_heads.json") if (out / "reward_heads.json").exists() else {}
    report = {"labels": cfg.labels, "config": asdict(cfg), "heads": {}, "n_train_examples": old.get("n_train_examples"),
              "dtype": "bf16" if bf16(device, args.dtype) else "fp32"}
    heads, examples = {}, None
    for name, target in (("helpfulness", "h"), ("safety", "s")):
        if (out / name / "reward_head.json").exists():
            heads[name] = RewardModel.load(out / name, device=device)
            check_reusable(heads[name], out / name, str(args.init_from), tok, cfg.labels)
            record = out / name / "training.json"   # written beside the head, so a killed run keeps it too
            report["heads"][name] = old.get("heads", {}).get(name) or (read_json(record) if record.exists() else None)
            depth = (report["heads"][name] or {}).get("depth", 1.0)   # heads from before --depth: whole
            if depth != cfg.depth:
                raise DataError(f"{record}: field 'depth' is {depth}, this run has {cfg.depth}: OUT holds heads of "
                                f"another run; choose another --out or delete {out / name}")
            continue
        if examples is None:   # built only while a head is left to train: over finished heads a re-run only measures
            with autocast(device, args.dtype):   # sampling the --sample-from models
                examples = training_examples(args, cfg, world, train_rows, rng, label_fn, device)
            report["n_train_examples"] = len(examples)
        torch.manual_seed(cfg.seed)
        backbone = load_pretrained(args.init_from)
        check_model(backbone, args.init_from)   # NaN weights, or a tokenizer other than the one it was trained with
        keep = max(1, round(cfg.depth * backbone.config.n_layers))   # a smaller head: the first layers, final norm
        backbone.layers, backbone.config.n_layers = backbone.layers[:keep], keep
        rm = RewardModel(backbone, name).to(device)
        t0 = time.time()
        losses = train_head(rm, tok, examples, target, cfg, device=device, dtype=args.dtype)
        report["heads"][name] = {"epoch_losses": losses, "seconds": round(time.time() - t0, 1), "depth": cfg.depth}
        atomic_write_json(out / name / "training.json", report["heads"][name])   # before the head's marker
        rm.save(out / name, tokenizer=tok, init_from=str(args.init_from), labels=cfg.labels)
        heads[name] = rm
    with autocast(device, args.dtype):
        report["eval"] = eval_agreement(world, heads, tok, rows, cfg.seed, cfg.eval_prompts, args.sample_from,
                                        device=device, labels=label_fn,
                                        trained_on=frozenset(r["id"] for r in train_rows))
    if judge is not None:
        report["judge"] = {**judge.describe(), "cache": str(judge_cache)}
    atomic_write_json(out / "reward_heads.json", report)
    return report


def training_examples(args, cfg: RewardsConfig, world, train_rows, rng, label_fn, device) -> list[dict]:
    """The heads' judged data: the teachers' answers and their variants (make_examples), plus samples of the
    --sample-from models and the --answers files' answers for the same prompts."""
    samples = policy_samples(args.sample_from, train_rows, cfg.samples_per_prompt, cfg.seed, device) \
        if args.sample_from else {}
    ids = {r["id"] for r in train_rows}
    for path in args.answers:  # given answers by prompt id (e.g. the teacher's kept rows), judged like the rest
        rows = read_jsonl(path, required=("id", "answer"))
        for r in rows:
            samples.setdefault(r["id"], []).append(r["answer"])
        unused = sum(r["id"] not in ids for r in rows)
        print(f"--answers {path}: {len(rows) - unused} of {len(rows)} rows used; {unused} skipped (id not among the "
              f"{len(ids)} training prompts: another split, not sampled by --max-prompts, or unknown)")
    return make_examples(world, train_rows, rng, samples, label_fn)


def check_reusable(rm: RewardModel, where: Path, init_from: str, tok: ChatTokenizer, labels: str) -> None:
    """A head already in OUT is reused only when it came from the same --init-from, tokenizer and --labels."""
    meta = {"labels": "safe_completion", **rm.meta}
    for field, want in (("init_from", init_from), ("tokenizer_sha256", tokenizer_sha256(tok)), ("labels", labels)):
        if meta.get(field) != want:
            raise DataError(f"{where / 'reward_head.json'}: field '{field}' is {meta.get(field)!r}, this run has "
                            f"{want!r}: OUT holds heads of another run; choose another --out or delete {where}")


def eval_agreement(world, heads, tok, rows, seed: int, max_prompts: int, sample_from, device, labels,
                   trained_on: frozenset = frozenset()) -> dict:
    """Agreement with the judge the heads learned (`labels`) on the eval split (unseen phrasings and held-out
    transforms): on the teacher-made answers, and, when models are given, separately on their own sampled answers.
    Also, with models, on their samples for the rl-split prompts the heads did not train on (`trained_on`: prompt
    ids): the wording PPO's prompts have, so what the heads will score during RL."""
    rng = random.Random(seed + 1)
    eval_rows = [r for r in rows if r["split"] == "eval"]
    if max_prompts:
        eval_rows = rng.sample(eval_rows, min(max_prompts, len(eval_rows)))
    examples = make_examples(world, eval_rows, rng, labels=labels)
    out = agreement(heads, tok, examples, device=device) if examples else {"n": 0}  # own prompts: samples only
    if sample_from:
        unseen_rl = [r for r in rows if r["split"] == "rl" and r["id"] not in trained_on]
        parts = {"on_model_samples": (eval_rows, seed + 1),
                 "rl_prompts_model_samples": (unseen_rl[:max_prompts or None], seed + 2)}
        for key, (part, sample_seed) in parts.items():
            samples = policy_samples(sample_from, part, 1, sample_seed, device)
            examples = [e for r in part for a in samples[r["id"]] if (e := graded(world, r, a, labels)) is not None]
            out[key] = agreement(heads, tok, examples, device=device) if examples else {"n": 0}
    return out


def main(argv=None) -> dict:
    p = C.parser(__doc__)
    g = p.add_argument_group("what to train")
    g.add_argument("--init-from", required=True, help="backbone checkpoint (the arm's SFT model)")
    g.add_argument("--world", required=True, help="world directory (prompts.jsonl)")
    g.add_argument("--out", required=True, help="writes OUT/helpfulness, OUT/safety, OUT/reward_heads.json")
    g.add_argument("--sample-from", action="append", default=[], metavar="DIR",
                   help="also train on judged answers sampled from this model (repeatable: the base and the SFT "
                        "policy); agreement is then also measured on their samples of eval prompts")
    g.add_argument("--answers", action="append", default=[], metavar="JSONL",
                   help="also train on these answers (rows with `id` and `answer`, e.g. generate_data.py's "
                        "data.jsonl), labelled by the judge (repeatable)")
    C.run_options(p, PRESETS, resume=False)
    C.add_dataclass_args(p.add_argument_group("reward heads (defaults are the cpu preset's)"), RewardsConfig,
                         preset_config("cpu"))
    args = p.parse_args(argv)
    cfg = C.from_args(RewardsConfig, args, preset_config(args.preset)).validate()
    claim_out(args.out)   # made, writable, and this run's alone
    report = train(args, cfg)
    print(json.dumps(report["eval"], indent=2))
    return report


if __name__ == "__main__":
    run_main(main)
