"""The whole recipe on your own material: spec + prompts + teacher + judge + a checkpoint, in one command.

Deliberative Alignment's data (Guan et al. 2024, §2) and safe-completion training (Yuan et al. 2025, §3-4), with
real models behind OpenAI-compatible servers as the teacher and the judge, and minisafe training the checkpoint you
give (a minisafe or ChatML HF directory). Each stage runs as its own process and is skipped when its output is there;
a killed run resumes (the servers' answers are cached, training resumes from its checkpoint):

    prepare        your prompts -> OUT/world/prompts.jsonl (the world's row schema: train rows as split "rl", a
                   held-out share per intent as "eval") and OUT/train_prompts.jsonl (the train rows)
    data           generate_data.py: teacher + judge on your spec -> OUT/specgen/data.jsonl   (safe-completion arm)
                   and, with --refusal-spec, on that intent-based spec -> OUT/specgen_refusal  (refusal arm)
    sft            train_sft.py --stage custom from --init-from on each arm's data -> OUT/{arm}_sft
    reward heads   train_rewards.py with the LLM judge reading the arm's spec: heads learn its labels of the
                   teacher's kept answers and of samples of the checkpoint and the arm's SFT model -> OUT/{arm}_rm
    ppo            train_rl.py --reward-heads OUT/{arm}_rm on the rl rows -> OUT/{arm}_rl
    report card    evaluate.py with the LLM judge reading --spec, on the eval rows, for the checkpoint and every
                   model trained -> OUT/eval/*.json and OUT/report.md (every model graded against YOUR spec)

    python recipe_own_spec.py --spec data/example_spec.md --prompts data/example_prompts.jsonl \\
        --init-from path/to/hf_model --teacher-url http://127.0.0.1:8000/v1 --teacher-model T \\
        --judge-url http://127.0.0.1:8001/v1 --judge-model J --out runs/own

The refusal arm needs an intent-based spec of its own (--refusal-spec: sections whose modes are only direct and
refusal, in the same header format; data/spec_refusal.md is the embedded world's): without it, only the
safe-completion arm is trained. Your prompts need an `intent` (benign, dual_use or malicious): the report card is
split by it. Each stage's own options pass through --specgen-args, --sft-args, --rm-args, --rl-args, --eval-args
(one quoted string each); batch sizes default to what the data allows.
"""

from __future__ import annotations

import math
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

from minisafe import config as C
from minisafe.cli import claim_out, run_main
from minisafe.config import flag, opt
from minisafe.hf import CONFIG_FILE
from minisafe.integrations.client import add_server_args, validate_url
from minisafe.integrations.specgen import load_prompts
from minisafe.io import DataError, atomic_write_text, input_file, read_json, write_jsonl
from minisafe.world.report import render_markdown
from minisafe.world.stages import REPO, run_stage
from minisafe.world.vocab import INTENTS


@dataclass
class OwnRecipeConfig:
    """Every field is a command-line option (--field-name); each stage's own options pass through as one string."""
    eval_share: float = opt(0.25, "prompts per intent held out for the report card")
    api_key_env: str = opt("OPENAI_API_KEY", "environment variable holding the servers' API key, if any")
    specgen_args: str = opt("", "extra options of generate_data.py")
    sft_args: str = opt("", "extra options of train_sft.py")
    rm_args: str = opt("", "extra options of train_rewards.py")
    rl_args: str = opt("", "extra options of train_rl.py")
    eval_args: str = opt("", "extra options of evaluate.py")

    def validate(self) -> "OwnRecipeConfig":
        if not 0 < self.eval_share < 1:
            raise ValueError(f"--eval-share {self.eval_share}: must be in (0, 1)")
        for name in ("specgen_args", "sft_args", "rm_args", "rl_args", "eval_args"):
            try:
                shlex.split(getattr(self, name))
            except ValueError as e:   # an unbalanced quote
                raise ValueError(f"{flag(name)} {getattr(self, name)!r}: {e}") from None
        return self


# ----------------------------------------------------------------------------------------------------------------
# prepare: your prompts in the world's row schema


def split_rows(rows: list[dict], eval_share: float) -> list[dict]:
    """Each row gets split "rl" (SFT data, reward heads and PPO) or "eval" (the report card): a row's own `split`
    ("train" or "eval") when it has one, else, within each intent in file order, row j where the rounded count
    floor(j * eval_share + 0.5) steps up (0.25: the 2nd, 6th, 10th, ... row of each intent, so that an intent with
    only a few prompts still has one held out)."""
    seen: dict[str, int] = {}
    out = []
    for r in rows:
        if r.get("split") in ("train", "eval"):
            split = "rl" if r["split"] == "train" else "eval"
        elif "split" in r:
            raise DataError(f"row id {r['id']!r}: field 'split': expected 'train' or 'eval', got {r['split']!r}")
        else:
            j = seen[r["intent"]] = seen.get(r["intent"], -1) + 1
            split = "eval" if math.floor((j + 1) * eval_share + 0.5) > math.floor(j * eval_share + 0.5) else "rl"
        out.append({**r, "split": split})
    return out


def world_row(r: dict) -> dict:
    """Your prompt row in the world's schema (world.PROMPT_FIELDS). Only `prompt`, `intent` and `split` mean
    anything here; the rest are the neutral values the report card's slices expect (topic "own" is no world topic:
    the reward heads' data then holds only the given answers, and grades come from the LLM judge)."""
    return {"id": r["id"], "prompt": r["prompt"], "intent": r["intent"], "domain": "own", "topic": "own",
            "ask": "overview" if r["intent"] == "benign" else "operational", "transform": "none", "prefill": "",
            "trap": False, "split": r["split"], "held_out": False, "framing": "none", "held_out_topic": False}


def prepare(prompts_path, out: Path, eval_share: float) -> dict:
    rows = load_prompts(prompts_path)
    for r in rows:
        if r.get("intent") not in INTENTS:
            raise DataError(f"{prompts_path}: row id {r['id']!r}: field 'intent': expected one of {list(INTENTS)}, "
                            f"got {r.get('intent')!r} (the report card is split by intent)")
    rows = split_rows(rows, eval_share)
    counts = {s: sum(r["split"] == s for r in rows) for s in ("rl", "eval")}
    if not counts["rl"] or not counts["eval"]:
        raise DataError(f"{prompts_path}: {counts['rl']} training and {counts['eval']} eval prompts: need both "
                        f"(change --eval-share, or give rows a `split`)")
    write_jsonl(out / "train_prompts.jsonl", [{k: v for k, v in r.items() if k != "split"} for r in rows
                                              if r["split"] == "rl"])
    write_jsonl(out / "world" / "prompts.jsonl", [world_row(r) for r in rows])
    return counts


# ----------------------------------------------------------------------------------------------------------------
# stages


def with_defaults(extra: str, **defaults) -> list[str]:
    """The user's options `extra` (one string), then `--name value` for each default whose flag they did not set."""
    args = shlex.split(extra)
    for name, value in defaults.items():
        if not any(a == flag(name) or a.startswith(flag(name) + "=") for a in args):
            args += [flag(name), str(value)]
    return args


def run(args, cfg: OwnRecipeConfig) -> dict:
    # before any work (the data stage asks servers for minutes): the files and URLs every later stage needs
    for path in (args.spec, args.refusal_spec, args.prompts):
        if path is not None:
            input_file(path)
    for name in (CONFIG_FILE, "tokenizer.json"):
        input_file(Path(args.init_from) / name)
    for url in (args.teacher_url, args.judge_url):
        validate_url(url)
    out = claim_out(args.out)   # made, writable, and this run's alone

    def stage(name: str, script: str, argv: list, done: Path, resume_dir: Path | None = None) -> None:
        run_stage(name, [sys.executable, str(REPO / script), *map(str, argv)], done, out / "stages.json", resume_dir)

    counts = prepare(args.prompts, out, cfg.eval_share)
    print(f"[recipe] prompts: {counts['rl']} for training, {counts['eval']} held out for the report card", flush=True)
    judge = ["--judge-url", args.judge_url, "--judge-model", args.judge_model, "--judge-cache", out / "cache" / "judge",
             "--judge-api-key-env", cfg.api_key_env]
    arms = {"safe_completion": Path(args.spec)}
    if args.refusal_spec:
        arms["refusal"] = Path(args.refusal_spec)
    models = {"init": Path(args.init_from)}
    for arm, spec in arms.items():
        data = out / ("specgen" if arm == "safe_completion" else "specgen_refusal")
        stage(f"{arm}_data", "generate_data.py",
              ["--spec", spec, "--prompts", out / "train_prompts.jsonl", "--out", data, "--cache-dir", out / "cache",
               "--teacher-url", args.teacher_url, "--teacher-model", args.teacher_model, "--judge-url", args.judge_url,
               "--judge-model", args.judge_model, "--api-key-env", cfg.api_key_env, *shlex.split(cfg.specgen_args)],
              data / "stats.json")
        stats = read_json(data / "stats.json")
        n_train = stats["kept"] - (stats["kept"] + 49) // 50   # train_sft holds out every 50th row
        if n_train < 1:
            raise SystemExit(f"[recipe] {arm}: the judge kept {stats['kept']} of {stats['asked']} rows "
                             f"({data / 'stats.json'} says why): too few to fine-tune on")
        sft, rm, rl = out / f"{arm}_sft", out / f"{arm}_rm", out / f"{arm}_rl"
        stage(f"{arm}_sft", "train_sft.py",
              ["--stage", "custom", "--init-from", args.init_from, "--data", data / "data.jsonl", "--out", sft,
               "--device", args.device, *with_defaults(cfg.sft_args, batch_size=min(32, n_train),
                                                       micro_batch_size=min(16, n_train))],
              sft / "sft_summary.json", sft)
        stage(f"{arm}_rm", "train_rewards.py",
              ["--labels", arm, "--init-from", sft, "--world", out / "world", "--out", rm,
               "--answers", data / "data.jsonl", "--sample-from", args.init_from, "--sample-from", sft,
               "--judge-spec", spec, "--device", args.device, *judge, *shlex.split(cfg.rm_args)],
              rm / "reward_heads.json")
        batch = 1 << (min(counts["rl"], 64).bit_length() - 1)   # the largest power of 2 <= min(rl rows, 64)
        stage(f"{arm}_rl", "train_rl.py",
              ["--init-from", sft, "--reward-heads", rm, "--reward-labels", arm, "--world", out / "world",
               "--out", rl, "--grader-every", "0", "--device", args.device,
               *with_defaults(cfg.rl_args, batch_size=batch, minibatch_size=min(32, batch),
                              micro_batch_size=min(16, batch))],
              rl / "rl_summary.json", rl)
        models.update({f"{arm}_sft": sft, f"{arm}_rl": rl})

    # the report card: every model, graded by the LLM judge against YOUR spec, on the held-out prompts
    metrics = {}
    for name, model_dir in models.items():
        report = out / "eval" / f"{name}.json"
        stage(f"eval_{name}", "evaluate.py",
              ["--model", model_dir, "--prompts", out / "world" / "prompts.jsonl", "--out", report,
               "--judge-spec", args.spec, *judge, *shlex.split(cfg.eval_args)], report)
        metrics[name] = read_json(report)["metrics"]
    atomic_write_text(out / "report.md", render_markdown(metrics))
    print(f"[recipe] wrote {out / 'report.md'}", flush=True)
    return metrics


def main(argv=None) -> dict:
    p = C.parser(__doc__)
    g = p.add_argument_group("your material")
    g.add_argument("--spec", required=True, help="your policy spec (### §N.M Title [mode: M])")
    g.add_argument("--prompts", required=True, help="JSONL: `prompt`, `intent`, optional `id` and `split`")
    g.add_argument("--refusal-spec", help="an intent-based spec (modes direct and refusal) for the refusal arm")
    g.add_argument("--init-from", required=True, help="the checkpoint to train (minisafe or ChatML HF directory)")
    g.add_argument("--out", required=True)
    g.add_argument("--device", default="auto", help="cpu, cuda or auto (training stages)")
    add_server_args(p)
    C.add_dataclass_args(p.add_argument_group("recipe"), OwnRecipeConfig)
    args = p.parse_args(argv)
    return run(args, C.from_args(OwnRecipeConfig, args).validate())


if __name__ == "__main__":
    run_main(main)
