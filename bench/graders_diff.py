"""What a change of the graders alone moves in a finished recipe run: its eval answers and its reward heads' judged
answers, graded by this checkout's graders and by another checkout's, and the grades that differ.

    python bench/graders_diff.py RUN/seed-0 --against /path/to/other/checkout [--out diff.json] [--eval-only]

The eval answers are every `eval*/*.rows.jsonl` record with an answer. The heads' answers are built as
train_rewards.py builds them (the same prompts, rng and sampling seeds; `reward_heads*/reward_heads.json` holds the
config): the teachers' answers, their spliced and cut variants, and samples of the base and SFT models, sampled once
here and judged by both graders. The other checkout grades them in a subprocess with its own `minisafe` first on
PYTHONPATH, so any commit can be compared (`git worktree add /tmp/old COMMIT`). A run kept without its weights (the
scale ladder keeps reports and answers) is compared on its eval answers alone (`--eval-only`).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ARMS = {"safe_completion": "reward_heads", "refusal": "reward_heads_refusal"}


def answers(run: Path, repo: Path, eval_only: bool = False) -> dict:
    """{"eval": [[file, row, answer]], arm: [[row, answer]]} of a seed directory of a finished recipe run."""
    from minisafe.io import read_json, read_jsonl
    from minisafe.world.prompts import load_prompts
    from minisafe.world.reward_data import make_examples, policy_samples, safety_prompts
    from minisafe.world.spec import load_world

    world = load_world()
    rows = load_prompts(run / "world" / "prompts.jsonl")
    by_id = {r["id"]: r for r in rows + load_prompts(repo / "data" / "fresh_prompts.jsonl")}
    out = {"eval": [[str(f.relative_to(run)), by_id[rec["id"]], rec["answer"]]
                    for f in sorted(run.glob("eval*/*.rows.jsonl")) for rec in read_jsonl(f)
                    if rec["answer"] is not None]}
    for arm, heads in ({} if eval_only else ARMS).items():
        cfg = read_json(run / heads / "reward_heads.json")["config"]
        rng = random.Random(cfg["seed"])
        train_rows = safety_prompts(rows, cfg["max_prompts"], rng)
        samples = policy_samples([str(run / "base"), str(run / f"{arm}_sft")], train_rows, cfg["samples_per_prompt"],
                                 cfg["seed"])
        by_prompt = {r["prompt"]: r for r in train_rows}
        out[arm] = [[by_prompt[e["prompt"]], e["answer"]]   # the answers only: labels come from each checkout
                    for e in make_examples(world, train_rows, rng, samples, lambda w, r, a: {})]
    return out


def grade(data: dict) -> dict:
    """Each answer's grade by the `minisafe` importable here: eval (s, h, severity, mode, declined), heads (h, s,
    severity)."""
    from minisafe.world import graders
    from minisafe.world.reward_data import LABELS
    from minisafe.world.spec import load_world

    world = load_world()
    out = {"eval": [list(map(str, (g.s, g.h, g.severity, g.mode, g.declined)))
                    for _, row, answer in data["eval"] for g in [graders.grade(world, row, answer)]]}
    for arm in ARMS.keys() & data.keys():
        out[arm] = [[str(lab[k]) for k in ("h", "s", "severity")]
                    for row, answer in data[arm] for lab in [LABELS[arm](world, row, answer)]]
    return out


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("run", type=Path, help="a seed directory of a finished recipe run (OUT/seed-S)")
    p.add_argument("--against", type=Path, help="the other checkout (a repository root)")
    p.add_argument("--out", type=Path, help="write every differing grade here (JSON)")
    p.add_argument("--eval-only", action="store_true", help="the eval answers only (a run kept without its weights)")
    p.add_argument("--grade", nargs=2, type=Path, metavar=("ANSWERS", "GRADES"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.grade:   # the subprocess: grade the answers with the minisafe on PYTHONPATH
        args.grade[1].write_text(json.dumps(grade(json.loads(args.grade[0].read_text()))))
        return
    if args.against is None:
        p.error("--against is required")
    repo = Path(__file__).resolve().parents[1]
    data = answers(args.run, repo, args.eval_only)
    mine = grade(data)
    with tempfile.TemporaryDirectory() as tmp:
        a, g = Path(tmp) / "answers.json", Path(tmp) / "grades.json"
        a.write_text(json.dumps(data))
        env = {**os.environ, "PYTHONPATH": str(args.against.resolve())}
        subprocess.run([sys.executable, __file__, str(args.run), "--grade", str(a), str(g)], env=env, check=True,
                       cwd=args.against)
        theirs = json.loads(g.read_text())
    diff = {}
    for part in data:
        diff[part] = [{"answer": (x[2] if part == "eval" else x[1])[:300], "file": x[0] if part == "eval" else None,
                       "here": h, "against": t}
                      for x, h, t in zip(data[part], mine[part], theirs[part]) if h != t]
        print(f"{part:16s} {len(diff[part]):5d} of {len(data[part]):6d} grades differ")
        for d in diff[part][:5]:
            print(f"    {d['against']} -> {d['here']}: {d['answer'][:100]!r}")
    if args.out:
        args.out.write_text(json.dumps(diff, indent=1))


if __name__ == "__main__":
    main()
