"""World build: the prompt set and the three teachers' SFT sets of the embedded world, from a seed.

OUT/prompts.jsonl holds the train / rl / eval / base splits (held-out topics and transforms marked);
OUT/sft_{helpful,refusal,safe_completion}.jsonl holds each teacher's rows: it read its spec and answered the train
prompts, the helpful one the base split's too (prompts.base_only), with reasoning citing §N.M, then the answer; its
own judge kept the rows that follow its spec (Guan et al. 2024, §2.3; Yuan et al. 2025, §3). The row keeps the prompt
WITHOUT the spec (context distillation). The same seed writes byte-identical files; the directory appears complete
or not at all.
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

from minisafe.io import write_jsonl
from minisafe.world import graders
from minisafe.world.prompts import base_only, make_prompts
from minisafe.world.spec import SPLITS, load_world
from minisafe.world.teachers import TEACHERS, judge_keep, teacher_answer
from minisafe.world.vocab import INTENTS


def build(out_dir: str | Path, seed: int = 0) -> dict:
    """Write prompts.jsonl and sft_{helpful,refusal,safe_completion}.jsonl to out_dir; return the counts."""
    world = load_world()
    final = Path(out_dir)
    out_dir = _staging_dir(final)  # everything is written here first, then renamed into place (_publish)
    try:
        counts = _build(world, out_dir, seed)
    except BaseException:   # disk full, a kill: no staging directory left behind
        shutil.rmtree(out_dir, ignore_errors=True)
        raise
    _publish(out_dir, final)
    return counts


def _build(world, out_dir: Path, seed: int) -> dict:
    prompts = make_prompts(world, seed)
    write_jsonl(out_dir / "prompts.jsonl", prompts)
    counts = {"prompts": {}, "transforms": {}, "sft": {}}
    for split in SPLITS:
        rows = [r for r in prompts if r["split"] == split]
        counts["prompts"][split] = {i: sum(r["intent"] == i for r in rows) for i in INTENTS} | {"total": len(rows)}
        counts["transforms"][split] = {t: sum(r["transform"] == t for r in rows) for t in world.transforms}
    train = [r for r in prompts if r["split"] in ("train", "base")]
    for teacher in TEACHERS:
        kept = []
        rows = [r for r in train if teacher == "helpful" or not base_only(r)]   # base split, held-out topics
        for row in rows:
            rng = random.Random(f"{seed}:{teacher}:{row['id']}")
            mode, cot, answer = teacher_answer(world, row, teacher, rng, noise=world.teachers["noise"])
            g = graders.grade(world, row, answer)
            if judge_keep(world, row, teacher, mode, answer, g):
                kept.append({**row, "mode": mode, "cot": cot, "answer": answer, "h": round(g.h, 4), "s": g.s,
                             "severity": g.severity})
        write_jsonl(out_dir / f"sft_{teacher}.jsonl", kept)
        counts["sft"][teacher] = {"generated": len(rows), "removed_by_judge": len(rows) - len(kept),
                                  "kept": len(kept)}
    return counts


def _staging_dir(final: Path) -> Path:
    """A fresh directory beside `final` (same filesystem, so the last step is a rename); a stale one from a build
    that died (disk full, killed) is removed first."""
    tmp = final.parent / f".{final.name}.building"
    if tmp.is_dir() and not tmp.is_symlink():
        shutil.rmtree(tmp)
    elif tmp.exists() or tmp.is_symlink():
        tmp.unlink()
    tmp.mkdir(parents=True)
    return tmp


def _publish(tmp: Path, final: Path) -> None:
    """Move a complete build into place. A new directory is one rename. Into an existing one (it may hold a cached
    tokenizer), prompts.jsonl, the file that says "built", is removed first and moved in last, so a kill in
    between never leaves a world that looks built but is not."""
    if not final.exists():
        os.replace(tmp, final)
        return
    (final / "prompts.jsonl").unlink(missing_ok=True)
    for f in sorted(tmp.iterdir(), key=lambda f: (f.name == "prompts.jsonl", f.name)):
        os.replace(f, final / f.name)
    tmp.rmdir()
