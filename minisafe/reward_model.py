"""The two tiny reward heads of safe-completion RL: helpfulness h and safety s, each in [0, 1].

Yuan et al. 2025, §3.2: two reward models score the prompt and the *final answer*; the chain of
thought is hidden from them, so no optimisation pressure lands on the reasoning. Here a reward model is a transformer
backbone (initialised from the base or SFT checkpoint) plus a scalar head read at the last token of the answer:

    score = sigmoid(w . hidden[last answer token] + b),   w ~ N(0, 1/sqrt(d + 1)), b = 0   (N-details §reward head)

Each head sees only `tokenizer.render_reward(prompt, answer)` = <|user|>prompt<|assistant|><|answer|>answer<|end|>.

Training data: the world's train and rl prompts with answers from several sources (the three teachers, degraded and
spliced variants of them, and optionally samples of the base and SFT models), labelled by a judge; loss: binary
cross-entropy against the judge's soft labels h and s. Each arm's heads learn its OWN spec's judge (--labels):

    safe_completion  graders.grade         output-centric (data/spec.md): s by the severity of what leaked
    refusal          graders.grade_intent  intent-based (the refusal baseline's spec): comply fully or refuse

Everything else (architecture, data mix, training) is the same for both, so the two arms' rewards come from the
same kind of source. The labels are recorded with the heads; PPO refuses heads trained for the other arm.

train_rewards.py trains both heads of an arm and measures their agreement with its judge; an LLM judge
(minisafe/llm_judge.py) can label the data instead of the graders.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import torch
import torch.nn as nn
import torch.nn.functional as F
from tqdm import tqdm

from minisafe import graders
from minisafe.io import DataError, atomic_save_safetensors, atomic_write_json, load_safetensors, \
    read_json, tokenizer_sha256
from minisafe.model import Transformer
from minisafe.generation import load_sampler, sample_answers
from minisafe.teachers import teacher_answer
from minisafe.training import epoch_batches, lr_at
from minisafe.tokenizer import ChatTokenizer, pad_right
from minisafe.vocab import SEVERE

HEADS = ("helpfulness", "safety")


class RewardModel(nn.Module):
    """A transformer backbone and a scalar head read at the last real token, squashed to [0, 1]."""

    def __init__(self, backbone: Transformer, name: str):
        super().__init__()
        self.backbone = backbone
        self.name = name
        d = backbone.config.d_model
        self.head = nn.Linear(d, 1)
        nn.init.normal_(self.head.weight, std=1.0 / math.sqrt(d + 1))
        nn.init.zeros_(self.head.bias)

    def logits(self, ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        """ids, attention_mask: (B, T), right-padded. Returns the pre-sigmoid score (B,)."""
        hidden = self.backbone(ids, attention_mask=attention_mask, return_hidden=True)  # (B, T, D)
        last = attention_mask.long().sum(dim=1) - 1  # (B,) index of the last real token (<|end|>)
        h_last = hidden[torch.arange(ids.shape[0], device=ids.device), last]  # (B, D)
        return self.head(h_last.float()).squeeze(-1)

    def forward(self, ids, attention_mask) -> torch.Tensor:
        return torch.sigmoid(self.logits(ids, attention_mask))

    # -- persistence: the backbone as an HF model directory, the head beside it -------------------------------
    def save(self, path: str | Path, tokenizer=None, init_from: str | None = None,
             labels: str = "safe_completion") -> None:
        """reward_head.json records the tokenizer's fingerprint (the heads read ids: a policy with another
        tokenizer of the same size would be scored on garbage), the backbone it started from and the judge whose
        labels it learned (a key of LABELS)."""
        path = Path(path)
        self.backbone.save_pretrained(path, tokenizer=tokenizer)
        atomic_save_safetensors({"weight": self.head.weight, "bias": self.head.bias}, path / "head.safetensors")
        meta = {"name": self.name, "d_model": self.backbone.config.d_model, "init_from": init_from,
                "tokenizer_sha256": tokenizer_sha256(tokenizer) if tokenizer is not None else None,
                "labels": labels}
        atomic_write_json(path / "reward_head.json", meta)

    @classmethod
    def load(cls, path: str | Path, device="cpu") -> "RewardModel":
        path = Path(path)
        meta = read_json(path / "reward_head.json")
        rm = cls(Transformer.from_pretrained(path), meta["name"])
        rm.meta = meta
        head = load_safetensors(path / "head.safetensors")
        if set(head) != {"weight", "bias"}:
            raise KeyError(f"{path / 'head.safetensors'}: expected tensors 'weight' and 'bias', found {sorted(head)}")
        for key, param in (("weight", rm.head.weight), ("bias", rm.head.bias)):
            if head[key].shape != param.shape:
                raise KeyError(f"{path / 'head.safetensors'}: tensor '{key}' not of shape "
                               f"{tuple(param.shape)}")
        rm.head.load_state_dict(head)
        return rm.to(device).eval()


@torch.no_grad()
def score(rm: RewardModel, tok: ChatTokenizer, prompts: list[str], answers: list[str | None],
          batch_size: int = 64, device="cpu") -> torch.Tensor:
    """Scores in [0, 1] for (prompt, final answer) pairs; a missing answer (None) scores 0. Returns (N,)."""
    if len(prompts) != len(answers):
        raise ValueError(f"score: {len(prompts)} prompts but {len(answers)} answers")
    out = torch.zeros(len(prompts))
    idx = [i for i, a in enumerate(answers) if a is not None]
    for j in range(0, len(idx), batch_size):
        chunk = idx[j:j + batch_size]
        ids, mask = pad_right([tok.render_reward(prompts[i], answers[i]) for i in chunk], tok.pad_id)
        out[chunk] = rm(ids.to(device), mask.to(device)).float().cpu()
    return out


def check_compatible(rm: RewardModel, tok: ChatTokenizer, policy_vocab: int, where: str) -> None:
    """A reward head must share the policy's tokenizer: it reads the same ids the policy writes. The fingerprint
    recorded at training time is compared (same vocabulary size is not enough: the ids could mean other text)."""
    if rm.backbone.config.vocab_size != policy_vocab:
        raise DataError(f"{where}: reward head '{rm.name}' has vocab_size {rm.backbone.config.vocab_size}, "
                        f"the policy has {policy_vocab}: train the heads from the policy's checkpoint")
    if tok.vocab_size > rm.backbone.config.vocab_size:
        raise DataError(f"{where}: tokenizer has {tok.vocab_size} tokens, reward head '{rm.name}' embeds only "
                        f"{rm.backbone.config.vocab_size}")
    recorded = getattr(rm, "meta", {}).get("tokenizer_sha256")
    if recorded and recorded != tokenizer_sha256(tok):
        raise DataError(f"{where}: reward head '{rm.name}' was trained with another tokenizer (fingerprint "
                        f"{recorded[:12]}, the policy's is {tokenizer_sha256(tok)[:12]}): train the heads from the "
                        f"policy's checkpoint")


def load_heads(directory: str | Path, labels: str | None, device="cpu") -> dict[str, RewardModel]:
    """Both heads of DIR (helpfulness/, safety/), checked to have learned `labels` (None: accept what they learned).

    A run rewarded by the other arm's judge would train the wrong policy without any error, so a mismatch is one."""
    directory = Path(directory)
    heads = {name: RewardModel.load(directory / name, device=device) for name in HEADS}
    got = trained_labels(directory, heads)
    if labels is not None and got != labels:
        raise DataError(f"{directory}: these reward heads learned the {got!r} judge's labels, this run expects "
                        f"{labels!r}: use heads trained with `python train_rewards.py --labels {labels}`")
    return heads


def trained_labels(directory: Path, heads: dict[str, RewardModel]) -> str:
    """The judge the heads in DIR learned, from their record (reward_head.json of each head and DIR's
    reward_heads.json); heads saved before labels were recorded learned graders.grade ("safe_completion")."""
    seen = {str(directory / n / "reward_head.json"): getattr(rm, "meta", {}).get("labels", "safe_completion")
            for n, rm in heads.items()}
    summary = directory / "reward_heads.json"
    if summary.exists() and "labels" in read_json(summary):
        seen[str(summary)] = read_json(summary)["labels"]
    if len(set(seen.values())) > 1:
        raise DataError(f"{directory}: the heads' records disagree on their labels: {seen}")
    got = next(iter(seen.values()))
    if got not in LABELS:
        raise DataError(f"{next(iter(seen))}: field 'labels' is {got!r}, expected one of {sorted(LABELS)}")
    return got


# ----------------------------------------------------------------------------------------------------------------
# labels: the judge each arm's heads learn (its own spec's judge)


def safe_completion_labels(world, row: dict, answer: str) -> dict:
    """The output-centric judge (data/spec.md, graders.grade): s by the severity of the restricted content in the
    answer, h direct or indirect helpfulness."""
    g = graders.grade(world, row, answer)
    return {"h": g.h, "s": g.s, "severity": g.severity}


def refusal_labels(world, row: dict, answer: str) -> dict:
    """The intent-based judge of the refusal baseline's spec (graders.grade_intent): s = 0 when a request that should
    be refused got its asked content, h = 1 for refusing it, else the share of the asked content delivered
    (restricted detail included). severity: the content's, where this judge calls the answer unsafe."""
    g = graders.grade_intent(world, row, answer)
    return {"h": g.h, "s": g.s, "severity": "none" if g.s >= 1 else graders.grade(world, row, answer).severity}


LABELS = {"safe_completion": safe_completion_labels, "refusal": refusal_labels}


# ----------------------------------------------------------------------------------------------------------------
# training data: answers from several sources, labelled by the judge


def make_examples(world, rows: list[dict], rng: random.Random, extra_answers: dict[str, list[str]] | None = None,
                  labels=safe_completion_labels) -> list[dict]:
    """For each prompt row: the three teachers' answers and two perturbed variants, each labelled by `labels`.

    Perturbations teach the heads what the teachers never show: a safe answer with a sentence of the helpful-only
    answer spliced in (unsafe when that sentence carries an operational fact), and an answer cut short (less
    helpful). extra_answers: prompt id -> model samples to add. The answers are the same whatever the labels.
    """
    examples = []
    for row in rows:
        if row["topic"] not in world._by_key:  # your own prompts (llm_judge, recipe_own_spec.py): no world teacher answers
            examples += [e for a in (extra_answers or {}).get(row["id"], [])
                         if (e := graded(world, row, a, labels)) is not None]
            continue
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

    The teachers' answers are not what RL will show the heads: the policy writes its own, often garbled, answers.
    Heads trained on teacher text alone rank those poorly, and PPO then optimises the heads' blind spots. Sampling
    the base and SFT models at the rollout temperature puts the policy's own distribution into the data.
    """
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


def train_head(rm: RewardModel, tok: ChatTokenizer, examples: list[dict], target: str, cfg,
               device="cpu", desc: str = "") -> list[float]:
    """Fit one head with BCE against the judge's soft label (`h` or `s`). Returns per-epoch mean losses.

    cfg: epochs, batch_size, lr, weight_decay, max_len, seed (train_rewards.RewardsConfig)."""
    data = [(tok.render_reward(e["prompt"], e["answer"]), float(e[target])) for e in examples]
    kept = [d for d in data if len(d[0]) <= cfg.max_len]
    if not kept:
        raise ValueError(f"reward head '{rm.name}': all {len(data)} examples are longer than max_len={cfg.max_len}")
    if len(kept) < len(data):
        print(f"reward head '{rm.name}': skipped {len(data) - len(kept)} of {len(data)} examples longer than "
              f"max_len={cfg.max_len} tokens")
    data = kept
    opt = torch.optim.AdamW(rm.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    lengths = [len(d[0]) for d in data]
    batch_size = min(cfg.batch_size, len(data))
    steps = cfg.epochs * len(epoch_batches(lengths, batch_size, cfg.seed, 0))
    rm.train()
    losses, step = [], 0
    bar = tqdm(total=steps, desc=desc or f"rm:{rm.name}", dynamic_ncols=True)
    for epoch in range(cfg.epochs):
        total, seen = 0.0, 0
        for idx in epoch_batches(lengths, batch_size, cfg.seed, epoch):  # length-bucketed: little padding
            batch = [data[i] for i in idx]
            ids, mask = pad_right([b[0] for b in batch], tok.pad_id)
            y = torch.tensor([b[1] for b in batch], device=device)
            for group in opt.param_groups:  # cosine decay to 10%, no warm-up
                group["lr"] = lr_at(step, steps, cfg.lr, warmup_steps=0)
            loss = F.binary_cross_entropy_with_logits(rm.logits(ids.to(device), mask.to(device)), y)
            if not math.isfinite(loss.item()):
                raise FloatingPointError(f"reward head '{rm.name}': non-finite loss at step {step}")
            opt.zero_grad(set_to_none=True)
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


# ----------------------------------------------------------------------------------------------------------------
# agreement with the judge


def spearman(x: list[float], y: list[float]) -> float | None:
    """Spearman rank correlation (average ranks for ties)."""
    def ranks(v):
        order = sorted(range(len(v)), key=lambda i: v[i])
        r = [0.0] * len(v)
        i = 0
        while i < len(v):
            j = i
            while j + 1 < len(v) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for k in range(i, j + 1):
                r[order[k]] = (i + j) / 2
            i = j + 1
        return r
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
    prompts = [e["prompt"] for e in examples]
    answers = [e["answer"] for e in examples]
    out = {"n": len(examples)}
    h_pred = score(heads["helpfulness"], tok, prompts, answers, device=device).tolist()
    s_pred = score(heads["safety"], tok, prompts, answers, device=device).tolist()
    out["helpfulness_spearman"] = spearman(h_pred, [e["h"] for e in examples])
    s_true = [e["s"] for e in examples]
    out["safety_spearman"] = spearman(s_pred, s_true)
    # s takes four values (1, 0.75, 0.4, 0), mostly 1.0: a head whose scores have no ties cannot reach Spearman 1
    # against such tied labels. The ceiling is the Spearman of a perfect untied ranking (ties broken by index; any
    # break gives the same).
    out["safety_spearman_ceiling"] = spearman([v + 1e-9 * i for i, v in enumerate(s_true)], s_true)
    out["safety_auc"] = auc([p for p, t in zip(s_pred, s_true) if t >= 1.0],  # safe answers should score higher
                            [p for p, t in zip(s_pred, s_true) if t < 1.0])
    out["safety_accuracy"] = sum((p >= 0.5) == (e["s"] >= 0.5) for p, e in zip(s_pred, examples)) / len(examples)
    severe = [p for p, e in zip(s_pred, examples) if e["severity"] in SEVERE]
    out["false_safe_rate_moderate_high"] = (sum(p >= 0.5 for p in severe) / len(severe)) if severe else None
    out["n_moderate_high"] = len(severe)
    return out
