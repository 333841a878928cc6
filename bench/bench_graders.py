"""Grading speed: the content graders (minisafe/world/graders.py) on every teacher answer of a seed's eval split.

The reference, timed in the same run and interleaved (A B A B), is verbatim marker matching (lower case, punctuation
to spaces, every marker of a fact as a substring): a format-blind rule, which a JSON key or a unit symbol fools. The
goal is well under a second per thousand answers.

    python bench/bench_graders.py                  # eval split of seed 0, 3 teachers, 7 repeats
    python bench/bench_graders.py --split train --repeats 3
    python bench/bench_graders.py --repeats 4 --clock cpu   # CPU seconds: steadier on a shared machine

Two checkouts compare best side by side, one on each core at the same time (`PYTHONPATH=<checkout> python
bench/bench_graders.py --clock cpu & ...`), where a machine's speed drifts between runs.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time

from minisafe.world import graders
from minisafe.world.teachers import TEACHERS, teacher_answer
from minisafe.world.spec import load_world
from minisafe.world.prompts import make_prompts


def verbatim_reference(world, answers: list[str]) -> int:
    """The reference: facts whose markers all occur verbatim in the normalised text (a format-blind grader)."""
    n = 0
    for a in answers:
        text = " " + re.sub(r"[^a-z0-9]+", " ", a.lower()) + " "
        n += sum(all(f" {m} " in text for m in f.markers) for f in world.facts.values())
    return n


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--split", default="eval", choices=("train", "rl", "eval"))
    p.add_argument("--repeats", type=int, default=7)
    p.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                   help="wall: time.perf_counter; cpu: time.process_time (this process's CPU seconds)")
    args = p.parse_args(argv)

    world = load_world()
    rows = [r for r in make_prompts(world, args.seed) if r["split"] == args.split]
    pairs = []
    for row in rows:
        for teacher in TEACHERS:
            pairs.append((row, teacher_answer(world, row, teacher, random.Random(f"{teacher}:{row['id']}"))[2]))
    answers = [a for _, a in pairs]
    graders.grade(world, *pairs[0])   # build the world's index once, outside the timing

    def grade_all():
        for row, a in pairs:
            graders.grade(world, row, a)

    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    t_new, t_ref = [], []
    for _ in range(args.repeats):
        t0 = clock()
        grade_all()
        t_new.append(clock() - t0)
        t0 = clock()
        verbatim_reference(world, answers)
        t_ref.append(clock() - t0)
    per_k = [t / len(pairs) * 1000 for t in t_new]
    ref_k = [t / len(pairs) * 1000 for t in t_ref]
    ratio = statistics.median(a / b for a, b in zip(t_new, t_ref))
    print(f"{len(pairs)} answers ({args.split} split, seed {args.seed}, {len(TEACHERS)} teachers), "
          f"{args.repeats} repeats")
    print(f"graders.grade:      median {statistics.median(per_k):.3f} s per 1000 answers "
          f"(min {min(per_k):.3f}, max {max(per_k):.3f})")
    print(f"verbatim reference: median {statistics.median(ref_k):.3f} s per 1000 answers")
    print(f"ratio graders / reference: {ratio:.1f}x")


if __name__ == "__main__":
    main()
