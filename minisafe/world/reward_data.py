"""What the reward heads learn from, and how well they agree with the judge they learned.

Training data (Yuan et al. 2025, §3.2): the world's train and rl prompts with answers from several sources (the three
teachers, degraded and spliced variants of them, and optionally samples of the base and SFT models), labelled by a
judge. Each arm's heads learn its OWN spec's judge (train_rewards.py --labels):

    safe_completion  graders.grade         output-centric (data/spec.md): s by the severity of what leaked
    refusal          graders.grade_intent  intent-based (the refusal baseline's spec): comply fully or refuse

Everything else (architecture, data mix, training) is the same for both, so the two arms' rewards come from the
same kind of source. An LLM judge (minisafe/integrations/llm_judge.py) can label the data instead of the graders.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from minisafe.generation import load_sampler, sample_answers
from minisafe.reward_model import RewardModel, score
from minisafe.tokenizer import ChatTokenizer
from minisafe.world import graders
from minisafe.world.prompts import base_only
from minisafe.world.teachers import teacher_answer
from minisafe.world.vocab import SEVERE


# ----------------------------------------------------------------------------------------------------------------
# labels: the judge each arm's heads learn (its own spec's judge)


def safe_completion_labels(world, row: dict, answer: str) -> dict:
    """The output-centric judge (data/spec.md, graders.grade)."""
    g = graders.grade(world, row, answer)
    return {"h": g.h, "s": g.s, "severity": g.severity}


def refusal_labels(world, row: dict, answer: str) -> dict:
    """The intent-based judge of the refusal baseline's spec (graders.grade_intent); severity: the content's, where
    this judge calls the answer unsafe."""
    g = graders.grade_intent(world, row, answer)
    return {"h": g.h, "s": g.s, "severity": "none" if g.s >= 1 else graders.grade(world, row, answer).severity}


LABELS = {"safe_completion": safe_completion_labels, "refusal": refusal_labels}


# ----------------------------------------------------------------------------------------------------------------
# training data: answers from several sources, labelled by the judge


def safety_prompts(rows: list[dict], max_prompts: int = 0, rng: random.Random | None = None) -> list[dict]:
    """The prompts the heads may learn from: the train and rl splits, without the rows for the helpful-only base
    alone (the held-out topics, the base split: world.base_only). Both are safety training data. With max_prompts,
    that many of them drawn by rng."""
    rows = [r for r in rows if r["split"] in ("train", "rl") and not base_only(r)]
    return rng.sample(rows, min(max_prompts, len(rows))) if max_prompts else rows


def make_examples(world, rows: list[dict], rng: random.Random, extra_answers: dict[str, list[str]] | None = None,
                  labels=safe_completion_labels) -> list[dict]:
    """For each prompt row: the three teachers' answers and two perturbed variants, each labelled by `labels`.

    Perturbations teach the heads what the teachers never show: a safe answer with a sentence of the helpful-only
    answer spliced in (unsafe when that sentence carries an operational fact), and an answer cut short (less
    helpful). extra_answers: prompt id -> model samples to add. The answers are the same whatever the labels.
    """
    examples = []
    for row in rows:
        answers = []
        if row["topic"] in world._by_key:   # your own prompts (recipe_own_spec.py) have no teacher answers
            answers = [teacher_answer(world, row, t, rng)[2] for t in ("helpful", "refusal", "safe_completion")]
            helpful, _, safe = answers
            leak = _sentences(helpful)
            if leak:
                answers.append(safe + " " + rng.choice(leak))  # a spliced sentence: often a leak (the grader decides)
            words = safe.split()
            answers.append(" ".join(words[: max(3, len(words) // 3)]))  # a truncated answer
        answers += (extra_answers or {}).get(row["id"], [])
        examples += [e for a in answers if (e := graded(world, row, a, labels)) is not None]
    return examples


def graded(world, row: dict, answer: str, labels=safe_completion_labels) -> dict | None:
    """One training/eval example: (prompt, answer) with the judge's labels h, s and severity (a LABELS value, or
    llm_judge.LLMJudge.labels: None when its verdict never parsed, and the example is left out)."""
    lab = labels(world, row, answer)
    return None if lab is None else {"prompt": row["prompt"], "answer": answer, **lab, "intent": row["intent"]}


def policy_samples(model_dirs: list[str], rows: list[dict], per_prompt: int, seed: int, device="cpu",
                   temperature: float = 0.8, max_new_tokens: int = 160) -> dict[str, list[str]]:
    """Answers sampled from trained models (prompt id -> answers), to be graded and added to the heads' data.

    RL shows the heads the policy's own, often garbled, answers, not the teachers'; heads trained on teacher text alone
    rank those poorly, and PPO then optimises their blind spots. Sampling the base and SFT models at the rollout
    temperature puts the policy's own distribution into the data."""
    out: dict[str, list[str]] = {r["id"]: [] for r in rows}
    for k, d in enumerate(model_dirs):
        model, tok = load_sampler(d, device)
        for j in range(per_prompt):
            comps = sample_answers(model, tok, rows, max_new_tokens, temperature, seed=seed * 1000 + k * 10 + j,
                                   device=device, desc=f"samples of {Path(d).name}")
            for r, c in zip(rows, comps):
                if c.answer is not None:
                    out[r["id"]].append(c.answer)
    return out


def _sentences(text: str) -> list[str]:
    return [s.strip() + "." for s in text.replace("\n", " ").split(".") if len(s.split()) >= 4]



# ----------------------------------------------------------------------------------------------------------------
# agreement with the judge


def spearman(x: list[float], y: list[float]) -> float | None:
    """Spearman rank correlation (average ranks for ties)."""
    def ranks(v):   # a value's rank: the mean of the first and last positions it holds in sorted(v)
        first, last = {}, {}
        for i, a in enumerate(sorted(v)):
            first.setdefault(a, i)
            last[a] = i
        return [(first[a] + last[a]) / 2 for a in v]
    rx, ry = ranks(x), ranks(y)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    vx = math.sqrt(sum((a - mx) ** 2 for a in rx))
    vy = math.sqrt(sum((b - my) ** 2 for b in ry))
    return cov / (vx * vy) if vx > 0 and vy > 0 else None  # undefined when either side is constant


def auc(pos: list[float], neg: list[float]) -> float | None:
    """P(score of a random positive > score of a random negative), ties counting 1/2 (the Mann-Whitney U)."""
    if not pos or not neg:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def agreement(heads: dict[str, RewardModel], tok: ChatTokenizer, examples: list[dict], device="cpu") -> dict:
    """How well each head agrees with the judge's labels on `examples` (rows from `graded`)."""
    prompts, answers = [e["prompt"] for e in examples], [e["answer"] for e in examples]
    h_pred = score(heads["helpfulness"], tok, prompts, answers, device=device).tolist()
    s_pred = score(heads["safety"], tok, prompts, answers, device=device).tolist()
    s_true = [e["s"] for e in examples]
    severe = [p for p, e in zip(s_pred, examples) if e["severity"] in SEVERE]
    # s takes four values (1, 0.75, 0.4, 0), mostly 1.0: a head whose scores have no ties cannot reach Spearman 1
    # against such tied labels. The ceiling is the Spearman of a perfect untied ranking (ties broken by index; any
    # break gives the same).
    return {"n": len(examples),
            "helpfulness_spearman": spearman(h_pred, [e["h"] for e in examples]),
            "safety_spearman": spearman(s_pred, s_true),
            "safety_spearman_ceiling": spearman([v + 1e-9 * i for i, v in enumerate(s_true)], s_true),
            "safety_auc": auc([p for p, t in zip(s_pred, s_true) if t >= 1.0],  # safe answers should score higher
                              [p for p, t in zip(s_pred, s_true) if t < 1.0]),
            "safety_accuracy": sum((p >= 0.5) == (t >= 0.5) for p, t in zip(s_pred, s_true)) / len(examples),
            "false_safe_rate_moderate_high": (sum(p >= 0.5 for p in severe) / len(severe)) if severe else None,
            "n_moderate_high": len(severe)}
