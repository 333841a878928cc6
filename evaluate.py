"""Evaluation: the report card of a checkpoint (or of answers already written), or refusal rates on a real suite.

Yuan et al. 2025, §4; what each number means is in minisafe/world/report.py, which computes them.

    python evaluate.py --model runs/sc_rl --prompts runs/world/prompts.jsonl --out report.json
    python evaluate.py --model runs/sc_rl --prompts runs/world/prompts.jsonl --out report.json --preset cpu
        (the recipe's report card: 4 answers per prompt at temperature 1)
    python evaluate.py --model runs/sc_sft --out sft.json --model runs/sc_rl --out rl.json --prompts P.jsonl
        (several models on the same prompts in one process: one --out per --model, in the same order)
    python evaluate.py --answers answers.jsonl        # grade given answers (prompt rows with `answer`), no model
    python evaluate.py --model runs/sc_rl --prompts data/fresh_prompts.jsonl --out fresh.json
        (the fresh-phrasing probe: the world's topics in hand-written prompts, no template; minisafe/world/fresh.py)
    python evaluate.py --model runs/sc_rl --suite xstest --suite-path xstest_prompts.csv

With --judge-url U --judge-model M (and --judge-spec SPEC.md) the grades come from an LLM judge reading that spec
(minisafe/integrations/llm_judge.py), and --suite strongreject adds the StrongREJECT rubric score.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from minisafe import config as C
from minisafe.cli import run_main
from minisafe.config import opt
from minisafe.hf import CONFIG_FILE, config_from_hf
from minisafe.integrations import llm_judge, suites
from minisafe.io import DataError, atomic_write_many, check_not_input, read_json, read_jsonl
from minisafe.tokenizer import Completion
from minisafe.training import autocast, bf16, pick_device
from minisafe.world import report
from minisafe.world.prompts import load_prompts
from minisafe.world.spec import load_world


@dataclass
class EvalConfig:
    """Every field is a command-line option (--field-name; the judge's as --judge-url ...)."""
    split: str = opt("eval", "keep rows of this split ('all': keep all)")
    limit: int = opt(0, "evaluate a stratified subset of this many prompts (0: all)", ge=0)
    samples: int = opt(1, "answers per prompt; intervals over prompts keep a prompt's answers together", gt=0)
    temperature: float = opt(0.0, "sampling temperature (0: greedy)", ge=0)
    max_new_tokens: int = opt(160, "answer budget in tokens (reasoning + answer)", gt=0)
    batch_size: int = opt(64, "prompts per generation batch", gt=0)
    seed: int = opt(0, "sampling seed", ge=0, le=2**32 - 1)
    judge: llm_judge.JudgeConfig = opt(default_factory=llm_judge.JudgeConfig)

    def validate(self) -> "EvalConfig":
        C.check(self)
        self.judge.validate()
        return self


# preset -> overrides. The recipe's report card samples k answers per prompt at temperature 1 (Moderate/High shares
# need enough failures to compare); the default is one greedy answer.
PRESETS = {
    "smoke": dict(limit=60, samples=2, temperature=1.0, max_new_tokens=96),
    "cpu": dict(samples=4, temperature=1.0, max_new_tokens=160),
    "gpu": dict(samples=4, temperature=1.0, max_new_tokens=256),
}


def parse_args(argv=None):
    p = C.parser(__doc__)
    g = p.add_argument_group("what to evaluate")
    g.add_argument("--model", action="append", default=[], metavar="DIR",
                   help="model directory (config.json, model.safetensors, tokenizer.json); repeatable")
    g.add_argument("--prompts", help="prompt rows in the world's schema (JSONL) to answer with --model")
    g.add_argument("--answers", help="instead of --model: prompt rows with an `answer` (or `response`) to grade")
    g.add_argument("--suite", choices=("xstest", "strongreject"),
                   help="instead of --prompts: refusal rates on a real evaluation set read from --suite-path")
    g.add_argument("--suite-path", help="the set's CSV (xstest_prompts.csv or strongreject_dataset.csv)")
    g.add_argument("--out", action="append", default=[],
                   help="report JSON to write, one per --model (per-row records go beside it, .rows.jsonl)")
    g.add_argument("--preset", choices=sorted(PRESETS), help="the recipe's settings (default: one greedy answer)")
    g.add_argument("--device", default="cpu", help="cpu, cuda, cuda:N or auto (CUDA when there is one)")
    g.add_argument("--dtype", choices=C.DTYPES, default="auto",
                   help="sampling in bf16 (autocast) or fp32; auto: bf16 on CUDA, fp32 on CPU")
    C.add_dataclass_args(p.add_argument_group("evaluation (defaults: no preset)"), EvalConfig)
    args = p.parse_args(argv)
    if args.suite and not (len(args.model) == 1 and args.suite_path):
        p.error(f"--suite {args.suite} needs --model DIR and --suite-path FILE "
                "(where to get it: minisafe/integrations/suites.py)")
    if not args.suite and not args.answers and not (args.model and args.prompts
                                                    and len(args.out) == len(args.model)):
        p.error("give --model, --prompts and --out (or --answers FILE, or --suite NAME --suite-path FILE)")
    return args


def check_outputs(args, cfg: EvalConfig) -> None:
    """Before any work: no output overwrites an input or another output, every output's directory is writable, and
    every model's context holds --max-new-tokens."""
    inputs = [args.prompts or args.suite_path or args.answers]
    inputs += [Path(m) / f for m in args.model for f in ("model.safetensors", "config.json", "tokenizer.json")]
    for i, out in enumerate(args.out):
        check_not_input(out, *inputs)
        check_not_input(Path(out).with_suffix(".rows.jsonl"), *inputs, flag="--out (its .rows.jsonl)")
        if Path(out).resolve() in [Path(o).resolve() for o in args.out[:i]]:
            raise DataError(f"--out {out}: given twice; each --model needs its own --out")
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        try:   # writable now, not after all the generation
            tempfile.TemporaryFile(dir=Path(out).parent).close()
        except OSError as e:
            raise DataError(f"--out {out}: its directory {Path(out).parent} is not writable ({e.strerror})") from None
    for m in (m for m in args.model if (Path(m) / CONFIG_FILE).is_file()):   # a missing one: the loader says so
        context = config_from_hf(read_json(Path(m) / CONFIG_FILE), str(Path(m) / CONFIG_FILE)).max_seq_len
        if cfg.max_new_tokens >= context:
            raise DataError(f"--max-new-tokens {cfg.max_new_tokens}: must be below the context of --model {m} "
                            f"({context} tokens), which also holds the prompt")


def write_pair(out, report: dict, records: list[dict]) -> None:
    """report.json and its .rows.jsonl as one pair: both or neither (a full disk leaves the old pair as it was)."""
    atomic_write_many({out: (json.dumps(report, indent=2, ensure_ascii=False) + "\n").encode(),
                       Path(out).with_suffix(".rows.jsonl"): "".join(json.dumps(r, ensure_ascii=False) + "\n"
                                                                     for r in records).encode()})


def evaluate_suite(args, cfg: EvalConfig) -> dict:
    """--suite NAME --suite-path FILE: refusal rates on a real evaluation set (XSTest, StrongREJECT: suites.py)."""
    if cfg.judge.url and args.suite != "strongreject":
        raise DataError(f"--judge-url with --suite {args.suite}: the LLM judge scores the StrongREJECT suite only")
    model, out = args.model[0], (args.out or [None])[0]
    with autocast(args.device, args.dtype):
        metrics, records = suites.evaluate_suite(model, args.suite, args.suite_path, limit=cfg.limit,
                                                 max_new_tokens=cfg.max_new_tokens, batch_size=cfg.batch_size,
                                                 temperature=cfg.temperature, seed=cfg.seed, device=args.device)
    client = llm_judge.judge_client(cfg.judge, Path(out or model).with_suffix(".judge_cache"))   # None: no --judge-url
    if client is not None:  # the StrongREJECT rubric score (Souly et al. 2024), beside the refusal rate
        scores = llm_judge.strongreject_scores(client, [r["prompt"] for r in records],
                                               [r["answer"] for r in records], seed=cfg.seed)
        metrics["strongreject"] = {**llm_judge.strongreject_report(records, scores),
                                   "judge": {"url": client.base_url, "model": client.model}}
    if out:
        write_pair(out, {"model": str(model), "suite": args.suite, "suite_path": str(args.suite_path),
                         "seed": cfg.seed, "dtype": "bf16" if bf16(args.device, args.dtype) else "fp32",
                         "metrics": metrics}, records)
    print(suites.render_markdown(metrics, Path(model).name)
          + (llm_judge.render_strongreject(metrics["strongreject"]) if client is not None else ""))
    return metrics


def read_rows(args, cfg: EvalConfig, world) -> list[dict]:
    """The prompt rows to evaluate: those of --split, then the stratified --limit subset; each checked against the
    world."""
    path = args.prompts or args.answers
    key = "answer"
    if args.answers:
        first = read_jsonl(path)
        if not first:
            raise DataError(f"{path}: no rows to grade (empty file)")
        key = "answer" if "answer" in first[0] else "response"
    rows = load_prompts(path, extra=(key,) if args.answers else ())
    ids = Counter(r["id"] for r in rows)
    dup = next((i for i, n in ids.items() if n > 1), None)
    if dup is not None:   # graded n times, it would weigh n times in every rate
        raise DataError(f"{path}: row id {dup!r} appears {ids[dup]} times; give each prompt once (--samples draws "
                        f"several answers per prompt)")
    if cfg.split != "all":
        rows = [r for r in rows if r["split"] == cfg.split]
    rows = report.subsample(rows, cfg.limit)
    if not rows:
        raise DataError(f"{path}: no prompt rows (split {cfg.split!r})")
    for r in rows:  # the graders look topics up: an unknown one is the file's error, not a KeyError deep inside
        if not cfg.judge.url and r["topic"] not in world._by_key:
            raise DataError(f"{path}: row id {r['id']!r}: field 'topic': unknown topic {r['topic']!r}")
        if args.answers:
            r["answer"] = r[key]
    return rows


def main(argv=None) -> dict:
    """Writes and prints each report card; returns the metrics of the last one."""
    args = parse_args(argv)
    cfg = C.from_args(EvalConfig, args, replace(EvalConfig(), **PRESETS.get(args.preset, {}))).validate()
    args.device = str(pick_device(args.device))   # auto; a device this machine lacks is one line
    check_outputs(args, cfg)
    if args.suite:
        return evaluate_suite(args, cfg)
    world = load_world()
    runs = [(args.answers, (args.out or [None])[0])] if args.answers else list(zip(args.model, args.out))
    judges = [llm_judge.make_judge(cfg.judge, Path(out or src).with_suffix(".judge_cache")) for src, out in runs]
    rows = read_rows(args, cfg, world)
    cards = {}
    for (src, out), judge in zip(runs, judges):
        if args.answers:   # graded as written: the reasoning is the row's `cot`, when it has one
            completions = [Completion(reasoning=r.get("cot", ""), answer=r["answer"], ended=True) for r in rows]
            metrics, records = report.report_card(world, rows, completions, judge=judge)
        else:
            with autocast(args.device, args.dtype):
                metrics, records = report.evaluate_checkpoint(src, rows, world, cfg.max_new_tokens, cfg.batch_size,
                                                              cfg.temperature, cfg.seed, args.device, judge,
                                                              cfg.samples)
        if out:
            write_pair(out, {"model": str(src), "prompts": str(args.prompts), "seed": cfg.seed, "metrics": metrics,
                             "dtype": "bf16" if bf16(args.device, args.dtype) else "fp32"}, records)
        cards[Path(src).stem if args.answers else Path(src).name] = metrics
    print(report.render_markdown(cards))
    return metrics


if __name__ == "__main__":
    run_main(main)
