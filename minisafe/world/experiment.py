"""The controlled experiment's report over seeds (recipe.py): each model's report card pooled over seeds, the
headline numbers with their mean and spread over seeds and a 95% bootstrap interval over prompts, the teachers'
columns (what each arm's data alone fixes, on the same rows), the reward heads against their judges, and the surface
baselines. OUT/report.{json,md,png}.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from minisafe.io import atomic_write_json, atomic_write_text
from minisafe.tokenizer import Completion
from minisafe.world.fresh import load_fresh
from minisafe.world.prompts import load_prompts
from minisafe.world.report import aggregate, md_table, plot, render_markdown, report_card
from minisafe.world.surface import RULES, surface_mode_accuracy
from minisafe.world.teachers import teacher_answer
from minisafe.world.vocab import INTENTS

TEACHER_COLUMNS = ("teacher:refusal", "teacher:safe_completion")   # what the data alone fixes, on the same rows
BOOTSTRAP = 400   # resamples of the eval prompts for the 95% intervals


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
                 model_names: tuple[str, ...], stem: str = "report",
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
    rows = []
    for h in HEADLINES:
        if all(headline[h][n]["mean"] is None for n in names):
            continue   # a number the probe cannot give (no held-out transforms in the fresh probe)
        cells = []
        for n in names:
            v = headline[h][n]
            lo, hi = v["ci95"]
            ci = "" if lo is None else f" [{lo:.3f}, {hi:.3f}]"
            cells.append("–" if v["mean"] is None else f"{v['mean']:.3f} ± {v['std']:.3f}{ci}")
        rows.append([h, *cells])
    return f"\n## {title}\n\n" + md_table(["metric", *names], rows)


def _surface_markdown(surface: dict) -> str:
    """surface: seed -> rule (surface.RULES) -> slice -> accuracy record."""
    found = [(s, rule, v) for s, per_rule in surface.items() for rule, v in (per_rule or {}).items() if v]
    if not found:
        return ""
    per_intent = [f"{t}:{i}" for i in INTENTS for t in ("seen_topic", "held_out_topic")]
    keys = ["all", "seen_topic", "held_out_topic", *per_intent, "seen_transform", "held_out_transform"]
    rows = [[str(s), rule, *(f"{v[k]['accuracy']:.3f} ({v[k]['majority']:.2f})" if k in v else "–" for k in keys)]
            for s, rule, v in found]
    return ("\n## Surface baselines (no model: the eval prompt's mode read off its words; minisafe/world/surface.py)"
            "\n\nMode accuracy against the safe-completion teacher on the eval split; high means the slice can be "
            "solved by surface cues. nearest: the most overlapping training prompt's mode; naive_bayes: a word and "
            "word-pair classifier. In brackets: always answering in the slice's most common mode.\n\n"
            + md_table(["seed", "rule", *keys], rows))


def _heads_markdown(heads: dict) -> str:
    """Each arm's reward heads vs its own judge, per seed: on the eval split's teacher-made answers and the models'
    own samples, and on the models' samples for rl-split prompts the heads never saw (PPO's wording). heads: seed ->
    arm (HEAD_STAGES key) -> the heads' eval record."""
    found = [(s, arm, h) for s, per_arm in heads.items() for arm, h in (per_arm or {}).items() if h]
    if not found:
        return ""

    def f(x):
        return "–" if x is None else f"{x:.3f}"

    rows = []
    for s, arm, h in found:
        for name, e in (("eval: teacher-made", h), ("eval: model samples", h.get("on_model_samples")),
                        ("rl: model samples", h.get("rl_prompts_model_samples"))):
            if e and e.get("n"):
                rows.append([str(s), arm, name, str(e["n"]), f(e["helpfulness_spearman"]),
                             f"{f(e['safety_spearman'])} ({f(e['safety_spearman_ceiling'])})", f(e["safety_auc"]),
                             f(e["safety_accuracy"]), f(e["false_safe_rate_moderate_high"])])
    return ("\n## Reward heads vs their own judge\n\nsafe_completion heads: graders.grade labels; refusal heads: "
            "graders.grade_intent labels. Eval split: unseen wording; rl split: the wording of PPO's prompts, prompts "
            "the heads did not train on.\n\n" + md_table(
                ["seed", "heads", "answers", "n", "helpfulness Spearman", "safety Spearman (ceiling)", "safety AUC",
                 "safety accuracy", "false-safe on Moderate/High"], rows))
