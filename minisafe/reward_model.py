"""The two tiny reward heads of safe-completion RL: helpfulness h and safety s, each in [0, 1].

Yuan et al. 2025 (arXiv 2508.09224, §3.2): two reward models score the prompt and the *final answer*; the chain of
thought is hidden from them, so no optimisation pressure lands on the reasoning. Here a reward model is a transformer
backbone (initialised from the base or SFT checkpoint) plus a scalar head read at the last token of the answer:

    score = sigmoid(w . hidden[last answer token] + b),   w ~ N(0, 1/sqrt(d + 1)), b = 0   (N-details §reward head)

Each head sees only `tokenizer.render_reward(prompt, answer)` = <|user|>prompt<|assistant|><|answer|>answer<|end|>.

Training data: the world's train and rl prompts with answers from several sources (the three teachers, degraded and
spliced variants of them, and optionally samples of the base and SFT models), labelled by the graders; loss: binary
cross-entropy against the graders' soft labels h and s.

    python -m minisafe.reward_model train --init-from runs/sc_sft --world runs/world --out runs/rm
    python -m minisafe.reward_model eval --rm runs/rm --world runs/world
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import torch
import torch.nn as nn
import torch.nn.functional as F
from tqdm import tqdm

from minisafe import graders
from minisafe.io import atomic_save_safetensors, atomic_write_json, read_json, read_jsonl
from minisafe.model import Transformer
from minisafe.training import epoch_batches, pick_device
from minisafe.tokenizer import ChatTokenizer, pad_right

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
    def save(self, path: str | Path, tokenizer=None) -> None:
        path = Path(path)
        self.backbone.save_pretrained(path, tokenizer=tokenizer)
        atomic_save_safetensors({"weight": self.head.weight, "bias": self.head.bias}, path / "head.safetensors")
        atomic_write_json(path / "reward_head.json", {"name": self.name, "d_model": self.backbone.config.d_model})

    @classmethod
    def load(cls, path: str | Path, device="cpu") -> "RewardModel":
        from safetensors.torch import load_file

        path = Path(path)
        meta = read_json(path / "reward_head.json")
        rm = cls(Transformer.from_pretrained(path), meta["name"])
        head = load_file(str(path / "head.safetensors"))
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
    """A reward head must share the policy's tokenizer: it reads the same ids the policy writes."""
    if rm.backbone.config.vocab_size != policy_vocab:
        raise ValueError(f"{where}: reward head '{rm.name}' has vocab_size {rm.backbone.config.vocab_size}, "
                         f"the policy has {policy_vocab}: train the heads from the policy's checkpoint")
    if tok.vocab_size > rm.backbone.config.vocab_size:
        raise ValueError(f"{where}: tokenizer has {tok.vocab_size} tokens, reward head '{rm.name}' embeds only "
                         f"{rm.backbone.config.vocab_size}")


# ----------------------------------------------------------------------------------------------------------------
# training data: answers from several sources, labelled by the graders


def make_examples(world, rows: list[dict], rng: random.Random, extra_answers: dict[str, list[str]] | None = None
                  ) -> list[dict]:
    """For each prompt row: the three teachers' answers and two perturbed variants, each graded.

    Perturbations teach the heads what the teachers never show: a safe answer with a sentence of the helpful-only
    answer spliced in (unsafe when that sentence carries an operational fact), and an answer cut short (less
    helpful). Labels always come from the graders. extra_answers: prompt id -> model samples to add.
    """
    from minisafe.teachers import teacher_answer

    examples = []
    for row in rows:
        answers = [teacher_answer(world, row, t, rng)[2] for t in ("helpful", "refusal", "safe_completion")]
        helpful, _, safe = answers
        leak = _sentences(helpful)
        if leak:
            answers.append(safe + " " + rng.choice(leak))  # a spliced sentence: often a leak (the grader decides)
        words = safe.split()
        answers.append(" ".join(words[: max(3, len(words) // 3)]))  # a truncated answer
        answers += (extra_answers or {}).get(row["id"], [])
        examples += [graded(world, row, a) for a in answers]
    return examples


def graded(world, row: dict, answer: str) -> dict:
    """One training/eval example: (prompt, answer) with the graders' labels."""
    g = graders.grade(world, row, answer)
    return {"prompt": row["prompt"], "answer": answer, "h": g.h, "s": g.s, "severity": g.severity,
            "intent": row["intent"]}


def policy_samples(model_dirs: list[str], rows: list[dict], per_prompt: int, seed: int, device="cpu",
                   temperature: float = 0.8, max_new_tokens: int = 160) -> dict[str, list[str]]:
    """Answers sampled from trained models (prompt id -> answers), to be graded and added to the heads' data.

    The teachers' answers are not what RL will show the heads: the policy writes its own, often garbled, answers.
    Heads trained on teacher text alone rank those poorly, and PPO then optimises the heads' blind spots. Sampling
    the base and SFT models at the rollout temperature puts the policy's own distribution into the data.
    """
    from minisafe.evaluate import sample_answers

    out: dict[str, list[str]] = {r["id"]: [] for r in rows}
    for k, d in enumerate(model_dirs):
        model = Transformer.from_pretrained(d).to(device)
        tok = ChatTokenizer.from_file(Path(d) / "tokenizer.json")
        for j in range(per_prompt):
            comps = sample_answers(model, tok, rows, max_new_tokens, temperature, seed=seed * 1000 + k * 10 + j,
                                   device=device, desc=f"samples of {Path(d).name}")
            for r, c in zip(rows, comps):
                if c.answer is not None:
                    out[r["id"]].append(c.answer)
    return out


def _sentences(text: str) -> list[str]:
    return [s.strip() + "." for s in text.replace("\n", " ").split(".") if len(s.split()) >= 4]


@dataclass
class RMConfig:
    epochs: int = 2
    batch_size: int = 32
    lr: float = 3e-4
    weight_decay: float = 0.0
    max_len: int = 256
    seed: int = 0


def train_head(rm: RewardModel, tok: ChatTokenizer, examples: list[dict], target: str, cfg: RMConfig,
               device="cpu", desc: str = "") -> list[float]:
    """Fit one head with BCE against the graders' soft label (`h` or `s`). Returns per-epoch mean losses."""
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
            for group in opt.param_groups:  # cosine decay to 10%
                group["lr"] = cfg.lr * (0.1 + 0.45 * (1 + math.cos(math.pi * step / steps)))
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
# agreement with the graders


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
    """How well each head agrees with its grader on `examples` (graded rows)."""
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
    severe = [p for p, e in zip(s_pred, examples) if e["severity"] in ("Moderate", "High")]
    out["false_safe_rate_moderate_high"] = (sum(p >= 0.5 for p in severe) / len(severe)) if severe else None
    out["n_moderate_high"] = len(severe)
    return out


# ----------------------------------------------------------------------------------------------------------------
# command line


def train_main(args) -> dict:
    from minisafe.world import load_prompts, load_world

    world = load_world()
    tok = ChatTokenizer.from_file(Path(args.init_from) / "tokenizer.json")
    rows = load_prompts(Path(args.world) / "prompts.jsonl")
    rng = random.Random(args.seed)
    train_rows = [r for r in rows if r["split"] in ("train", "rl")]
    if args.max_prompts:
        train_rows = rng.sample(train_rows, min(args.max_prompts, len(train_rows)))
    device = pick_device(args.device)
    samples = policy_samples(args.sample_from, train_rows, args.samples_per_prompt, args.seed, device) \
        if args.sample_from else None
    examples = make_examples(world, train_rows, rng, samples)
    cfg = RMConfig(epochs=args.epochs, lr=args.lr, seed=args.seed)
    out = Path(args.out)
    report = {"n_train_examples": len(examples), "config": asdict(cfg), "heads": {}}
    heads = {}
    for name, target in (("helpfulness", "h"), ("safety", "s")):
        if (out / name / "reward_head.json").exists():
            heads[name] = RewardModel.load(out / name, device=device)
            continue
        torch.manual_seed(args.seed)
        rm = RewardModel(Transformer.from_pretrained(args.init_from), name).to(device)
        t0 = time.time()
        losses = train_head(rm, tok, examples, target, cfg, device=device)
        rm.save(out / name, tokenizer=tok)
        heads[name] = rm
        report["heads"][name] = {"epoch_losses": losses, "seconds": round(time.time() - t0, 1)}
    report["eval"] = eval_agreement(world, heads, tok, rows, args.seed, args.eval_prompts, args.sample_from,
                                    device=device)
    atomic_write_json(out / "reward_heads.json", report)
    return report


def eval_agreement(world, heads, tok, rows, seed: int, max_prompts: int = 0, sample_from=None, device="cpu"
                   ) -> dict:
    """Agreement on the eval split (unseen phrasings and held-out transforms): on the teacher-made answers, and,
    when models are given, separately on their own sampled answers (what the heads will score during RL)."""
    rng = random.Random(seed + 1)
    eval_rows = [r for r in rows if r["split"] == "eval"]
    if max_prompts:
        eval_rows = rng.sample(eval_rows, min(max_prompts, len(eval_rows)))
    out = agreement(heads, tok, make_examples(world, eval_rows, rng), device=device)
    if sample_from:
        samples = policy_samples(sample_from, eval_rows, 1, seed + 1, device)
        examples = [graded(world, r, a) for r in eval_rows for a in samples[r["id"]]]
        out["on_model_samples"] = agreement(heads, tok, examples, device=device) if examples else {"n": 0}
    return out


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    shared = argparse.ArgumentParser(add_help=False)  # what both subcommands take
    shared.add_argument("--world", required=True, help="world directory (prompts.jsonl)")
    shared.add_argument("--eval-prompts", type=int, default=0,
                        help="eval-split prompts for the agreement check (default 0: the whole split)")
    shared.add_argument("--seed", type=int, default=0)
    shared.add_argument("--device", default="auto", help="cpu, cuda or auto")
    t = sub.add_parser("train", parents=[shared], help="train both heads and evaluate them against the graders")
    t.add_argument("--init-from", required=True, help="backbone checkpoint (the SFT model)")
    t.add_argument("--out", required=True, help="writes OUT/helpfulness, OUT/safety, OUT/reward_heads.json")
    t.add_argument("--epochs", type=int, default=2)
    t.add_argument("--lr", type=float, default=3e-4)
    t.add_argument("--max-prompts", type=int, default=0, help="subsample the training prompts (0: all)")
    t.add_argument("--sample-from", action="append", default=[], metavar="DIR",
                   help="also train on graded answers sampled from this model (repeatable: the base and the SFT "
                        "policy); agreement is then also measured on their samples of eval prompts")
    t.add_argument("--samples-per-prompt", type=int, default=1, help="answers sampled per prompt and model")
    e = sub.add_parser("eval", parents=[shared], help="agreement of trained heads with the graders on the eval split")
    e.add_argument("--rm", required=True, help="directory written by `train`")
    e.add_argument("--sample-from", action="append", default=[], metavar="DIR",
                   help="also measure agreement on this model's sampled answers (repeatable)")
    args = p.parse_args(argv)
    if args.cmd == "train":
        report = train_main(args)
    else:
        from minisafe.world import load_prompts, load_world

        device = pick_device(args.device)
        heads = {n: RewardModel.load(Path(args.rm) / n, device=device) for n in HEADS}
        tok = ChatTokenizer.from_file(Path(args.rm) / "safety" / "tokenizer.json")
        report = {"eval": eval_agreement(load_world(), heads, tok, load_prompts(Path(args.world) / "prompts.jsonl"),
                                         args.seed, args.eval_prompts, args.sample_from, device=device)}
    print(json.dumps(report["eval"], indent=2))


if __name__ == "__main__":
    main()
