"""The two tiny reward heads of safe-completion RL: helpfulness h and safety s, each in [0, 1].

Yuan et al. 2025, §3.2: two reward models score the prompt and the *final answer*; the chain of
thought is hidden from them, so no optimisation pressure lands on the reasoning. Here a reward model is a transformer
backbone (initialised from the base or SFT checkpoint) plus a scalar head read at the last token of the answer:

    score = sigmoid(w . hidden[last answer token] + b),   w ~ N(0, 1/sqrt(d + 1)), b = 0   (N-details §reward head)

Each head sees only `tokenizer.render_reward(prompt, answer)` = <|user|>prompt<|assistant|><|answer|>answer<|end|>,
and learns a judge's soft labels with binary cross-entropy (train_rewards.py). Which judge, and on which answers, is the
world's business (minisafe/world/reward_data.py); the judge's name is recorded with the heads, and PPO refuses heads
that learned another judge than the one it asks for.
"""

from __future__ import annotations

import math
from pathlib import Path

import torch
import torch.nn as nn

from minisafe.hf import load_pretrained, save_pretrained
from minisafe.io import (DataError, atomic_save_safetensors, atomic_write_json, load_safetensors, read_json,
    tokenizer_sha256)
from minisafe.model import Transformer
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
    def save(self, path: str | Path, tokenizer=None, init_from: str | None = None,
             labels: str = "safe_completion") -> None:
        """reward_head.json records the tokenizer's fingerprint (the heads read ids: a policy with another
        tokenizer of the same size would be scored on garbage), the backbone it started from and the judge whose
        labels it learned (its name, e.g. "safe_completion")."""
        path = Path(path)
        save_pretrained(self.backbone, path, tokenizer=tokenizer)
        atomic_save_safetensors({"weight": self.head.weight, "bias": self.head.bias}, path / "head.safetensors")
        meta = {"name": self.name, "d_model": self.backbone.config.d_model, "init_from": init_from,
                "tokenizer_sha256": tokenizer_sha256(tokenizer) if tokenizer is not None else None,
                "labels": labels}
        atomic_write_json(path / "reward_head.json", meta)

    @classmethod
    def load(cls, path: str | Path, device="cpu") -> "RewardModel":
        path = Path(path)
        meta = read_json(path / "reward_head.json")
        rm = cls(load_pretrained(path), meta["name"])
        rm.meta = meta
        head = load_safetensors(path / "head.safetensors")
        if set(head) != {"weight", "bias"}:
            raise KeyError(f"{path / 'head.safetensors'}: expected tensors 'weight' and 'bias', found {sorted(head)}")
        for key, param in (("weight", rm.head.weight), ("bias", rm.head.bias)):
            if head[key].shape != param.shape:
                raise KeyError(f"{path / 'head.safetensors'}: tensor '{key}' not of shape {tuple(param.shape)}")
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


def load_heads(directory: str | Path, labels: str | None, tok: ChatTokenizer | None = None,
               policy_vocab: int | None = None, device="cpu") -> dict[str, RewardModel]:
    """Both heads of DIR (helpfulness/, safety/), frozen, checked to have learned `labels` (None: accept what they
    learned) and, given the policy's tokenizer and vocabulary size, to read the ids it writes (check_compatible).

    A run rewarded by the other arm's judge would train the wrong policy without any error, so a mismatch is one."""
    directory = Path(directory)
    heads = {name: RewardModel.load(directory / name, device=device).requires_grad_(False) for name in HEADS}
    got = trained_labels(directory, heads)
    if labels is not None and got != labels:
        raise DataError(f"{directory}: these reward heads learned the {got!r} judge's labels, this run expects "
                        f"{labels!r}: use heads trained with `python train_rewards.py --labels {labels}`")
    for name, head in heads.items() if tok is not None else ():
        check_compatible(head, tok, policy_vocab, str(directory / name))
    return heads


def trained_labels(directory: Path, heads: dict[str, RewardModel]) -> str:
    """The judge the heads in DIR learned, from their records (each head's reward_head.json, DIR's
    reward_heads.json); a record without labels means "safe_completion"."""
    seen = {str(directory / n / "reward_head.json"): rm.meta.get("labels", "safe_completion")
            for n, rm in heads.items()}
    summary = directory / "reward_heads.json"
    if summary.exists() and "labels" in read_json(summary):
        seen[str(summary)] = read_json(summary)["labels"]
    if len(set(seen.values())) > 1:
        raise DataError(f"{directory}: the heads' records disagree on their labels: {seen}")
    return next(iter(seen.values()))
