"""ChatTokenizer: byte-level BPE, the chat format, SFT loss masks and completion parsing.

One conversation is one token sequence; the seven special tokens are single ids that no user text can produce:

    [<|system|>{system}]<|user|>{prompt}<|assistant|><|think|>{cot}<|answer|>{answer}<|end|>

    render_prompt  ...<|user|>{prompt}<|assistant|><|think|>                  what the policy is asked to continue
                   ...<|user|>{prompt}<|assistant|><|think|><|answer|>{prefill}   prefill attack: reasoning skipped
    render_chat    the whole conversation + a loss mask: 1 on what the policy must learn to write
                   ({cot}<|answer|>{answer}<|end|>), 0 on the generation prompt (and on a forced prefill)
    render_reward  <|user|>{prompt}<|assistant|><|answer|>{answer}<|end|>     what the reward heads see

Design choices, with their reasons:
- No spec in the prompt. Deliberative alignment (Guan et al. 2024, arXiv 2412.16339, SFT stage) shows the teacher the
  spec, then trains on (prompt without the spec) -> (CoT, answer): context distillation, so the model has to recall
  the policy from its weights. The chat format therefore has no slot for it.
- The reward heads see no reasoning. Safe-completion RL (Yuan et al. 2025, arXiv 2508.09224, RL stage) scores the
  prompt and the final answer only; hiding the CoT keeps optimisation pressure off the reasoning (so it stays an
  honest window on the policy's decision instead of being tuned to please the grader).
- Every text segment is encoded on its own and the special ids are concatenated in between. A user who types
  "<|answer|>" gets the ordinary tokens for those characters, never the special id, so text cannot forge a turn or a
  section boundary. The generation prompt is built by the same function as the training sequence, so
  render_prompt(...) is always an exact prefix of render_chat(...) (including a forced prefill, encoded as its own
  segment exactly as the rollout prompt encodes it).

Loading a pretrained tokenizer (`from_file`) adds whichever of our special tokens it lacks; the vocabulary then grows
past the checkpoint's embedding table, so call `model.resize_token_embeddings(tokenizer.vocab_size)` afterwards.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import torch
from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, trainers

from minisafe.io import DataError, atomic_write_text

PAD, SYSTEM, USER, ASSISTANT, THINK, ANSWER, END = (
    "<|pad|>", "<|system|>", "<|user|>", "<|assistant|>", "<|think|>", "<|answer|>", "<|end|>")
SPECIAL_TOKENS: tuple[str, ...] = (PAD, SYSTEM, USER, ASSISTANT, THINK, ANSWER, END)


@dataclass(frozen=True)
class Completion:
    """A parsed policy output. answer is None when the model never opened the <|answer|> section."""
    reasoning: str
    answer: str | None
    ended: bool          # True when <|end|> was emitted (PPO penalises responses that never end)


class ChatTokenizer:
    """A `tokenizers.Tokenizer` plus the chat format. Build with `train` or `from_file`; ids of the specials are
    attributes (`pad_id`, `system_id`, `user_id`, `assistant_id`, `think_id`, `answer_id`, `end_id`)."""

    def __init__(self, tokenizer: Tokenizer):
        missing = [s for s in SPECIAL_TOKENS if tokenizer.token_to_id(s) is None]
        if missing:
            raise ValueError(f"tokenizer lacks special tokens {missing}; build it with ChatTokenizer.train/from_file")
        tokenizer.no_truncation()   # a loaded tokenizer.json may carry truncation/padding settings:
        tokenizer.no_padding()      # encode() must never cut or pad text silently
        # Special-token strings inside text are encoded as plain text (the flag is not written to tokenizer.json).
        tokenizer.encode_special_tokens = True
        self._tok = tokenizer
        ids = {s: tokenizer.token_to_id(s) for s in SPECIAL_TOKENS}
        self.pad_id, self.system_id, self.user_id, self.assistant_id = ids[PAD], ids[SYSTEM], ids[USER], ids[ASSISTANT]
        self.think_id, self.answer_id, self.end_id = ids[THINK], ids[ANSWER], ids[END]
        # Embedding rows needed: max id + 1 (ids of a loaded tokenizer need not be contiguous).
        self._vocab_size = max(tokenizer.get_vocab(with_added_tokens=True).values()) + 1

    # ---- construction -------------------------------------------------------------------------------------------

    @classmethod
    def train(cls, texts: Iterable[str], vocab_size: int = 2048, min_frequency: int = 2) -> "ChatTokenizer":
        """Train a byte-level BPE (GPT-2 style) on `texts`. Ids 0..6 are the special tokens, then the 256 byte
        symbols, then merges. Deterministic: the same texts give the same tokenizer.json."""
        n_min = len(SPECIAL_TOKENS) + len(pre_tokenizers.ByteLevel.alphabet())
        if vocab_size < n_min:
            raise ValueError(f"vocab_size={vocab_size} is too small: need >= {n_min} "
                             f"({len(SPECIAL_TOKENS)} special tokens + 256 byte symbols)")
        tok = Tokenizer(models.BPE())
        tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
        tok.decoder = decoders.ByteLevel()
        trainer = trainers.BpeTrainer(
            vocab_size=vocab_size, min_frequency=min_frequency, show_progress=False,
            special_tokens=list(SPECIAL_TOKENS),                    # registered as special added tokens
            initial_alphabet=pre_tokenizers.ByteLevel.alphabet())  # every byte encodable: no <unk> ever
        tok.train_from_iterator(_checked_texts(texts), trainer=trainer)
        return cls(tok)

    @classmethod
    def from_file(cls, path: str | os.PathLike) -> "ChatTokenizer":
        """Load any HF tokenizer.json (or a directory holding one), e.g. a Llama or Qwen2 checkpoint's.
        Our special tokens are added as special tokens where missing, so `vocab_size` may grow: resize the model's
        embeddings to `vocab_size` before training."""
        path = Path(path)
        if path.is_dir():
            path = path / "tokenizer.json"
        if not path.is_file():
            raise FileNotFoundError(f"{path}: tokenizer file not found (expected an HF tokenizer.json)")
        text = path.read_text(encoding="utf-8")
        try:
            json.loads(text)
        except json.JSONDecodeError as e:
            raise DataError(f"{path}:{e.lineno}: invalid JSON ({e.msg}); expected an HF tokenizer.json") from None
        try:
            tok = Tokenizer.from_str(text)
        except Exception as e:  # the Rust side raises a bare Exception
            raise DataError(f"{path}: not a valid HF tokenizer.json ({e})") from None
        added = tok.get_added_tokens_decoder()  # id -> AddedToken
        special = {t.content for t in added.values() if t.special}
        todo = [s for s in SPECIAL_TOKENS if s not in special]  # missing, or present but not marked special
        if todo:
            tok.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in todo])
        return cls(tok)

    def save(self, path: str | os.PathLike) -> None:
        """Write tokenizer.json (atomically); loadable by `from_file`, `tokenizers` and transformers."""
        atomic_write_text(path, self._tok.to_str(pretty=True))

    # ---- plain text ---------------------------------------------------------------------------------------------

    @property
    def vocab_size(self) -> int:
        """Number of embedding rows needed (max id + 1), added special tokens included."""
        return self._vocab_size

    def __len__(self) -> int:
        return self._vocab_size

    @property
    def special_ids(self) -> frozenset[int]:
        return frozenset((self.pad_id, self.system_id, self.user_id, self.assistant_id,
                          self.think_id, self.answer_id, self.end_id))

    def encode(self, text: str) -> list[int]:
        """Token ids of `text`; no special tokens added, and special-token strings in `text` stay plain text."""
        if not isinstance(text, str):
            raise TypeError(f"encode expects str, got {type(text).__name__}")
        if not text:
            return []
        return self._tok.encode(text, add_special_tokens=False).ids

    def decode(self, ids: Sequence[int] | torch.Tensor, skip_special_tokens: bool = True) -> str:
        return self._tok.decode(_as_list(ids), skip_special_tokens=skip_special_tokens)

    # ---- chat format --------------------------------------------------------------------------------------------

    def render_prompt(self, prompt: str, system: str | None = None, prefill: str = "") -> list[int]:
        """Generation prompt: [<|system|>{system}]<|user|>{prompt}<|assistant|><|think|>
        and, with a prefill (the attack forces the start of the answer): ...<|think|><|answer|>{prefill}.
        An empty or None system adds no system segment."""
        _check_str(prompt=prompt, prefill=prefill)
        ids: list[int] = []
        if system:
            _check_str(system=system)
            ids += [self.system_id] + self.encode(system)
        ids += [self.user_id] + self.encode(prompt) + [self.assistant_id, self.think_id]
        if prefill:
            ids += [self.answer_id] + self.encode(prefill)
        return ids

    def render_chat(self, prompt: str, cot: str, answer: str, system: str | None = None,
                    prefill: str = "") -> tuple[list[int], list[int]]:
        """One SFT sequence and its loss mask (same length).

        ids  = render_prompt(prompt, system, prefill) + target
        mask = 0 ...................................  + 1 ...
        target = {cot}<|answer|>{answer}<|end|>           (no prefill)
               = {answer minus its prefill}<|end|>        (prefill row: `answer` starts with `prefill`, cot == "";
                                                           <|answer|> and the prefill are forced, so masked out)
        """
        _check_str(cot=cot, answer=answer)
        prompt_ids = self.render_prompt(prompt, system, prefill)
        if prefill:
            if cot:
                raise ValueError("a prefill row has no reasoning (the prefill forces <|answer|> right after "
                                 f"<|think|>), but cot is non-empty: {cot[:60]!r}")
            if not answer.startswith(prefill):
                raise ValueError(f"answer must start with the prefill {prefill[:60]!r}; got {answer[:60]!r}")
            target = self.encode(answer[len(prefill):]) + [self.end_id]
        else:
            target = self.encode(cot) + [self.answer_id] + self.encode(answer) + [self.end_id]
        return prompt_ids + target, [0] * len(prompt_ids) + [1] * len(target)

    def render_reward(self, prompt: str, answer: str) -> list[int]:
        """What the reward heads score -- the reasoning removed (Yuan et al. 2025, RL stage):
        <|user|>{prompt}<|assistant|><|answer|>{answer}<|end|>"""
        _check_str(prompt=prompt, answer=answer)
        return ([self.user_id] + self.encode(prompt) + [self.assistant_id, self.answer_id]
                + self.encode(answer) + [self.end_id])

    def parse_completion(self, ids: Sequence[int] | torch.Tensor) -> Completion:
        """Split a policy output (everything after <|assistant|>, forced prefill tokens included) into
        reasoning / answer. Tolerant: pad ids are ignored, everything after the first <|end|> is ignored, a missing
        <|think|> is fine, no <|answer|> gives answer=None, other special tokens are dropped from the text."""
        ids = [i for i in _as_list(ids) if i != self.pad_id]
        ended = self.end_id in ids
        if ended:
            ids = ids[:ids.index(self.end_id)]
        if self.answer_id in ids:
            k = ids.index(self.answer_id)
            reasoning_ids, answer_ids = ids[:k], ids[k + 1:]
        else:
            reasoning_ids, answer_ids = ids, None
        # decode(skip_special_tokens=True) drops <|think|> and any stray special token.
        reasoning = self.decode(reasoning_ids)
        answer = None if answer_ids is None else self.decode(answer_ids)
        return Completion(reasoning=reasoning, answer=answer, ended=ended)

    def __repr__(self) -> str:
        return f"ChatTokenizer(vocab_size={self.vocab_size})"


# ---- batching helpers (SFT pads right, generation/PPO pads left) ----------------------------------------------------

def pad_right(seqs: Sequence[Sequence[int]], pad_id: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Right-pad to the longest sequence: ids (B, T) long, attention_mask (B, T) long (1 = real, 0 = pad).
    Also pads loss masks: pad_right(masks, 0)[0]."""
    return _pad(seqs, pad_id)


def pad_left(seqs: Sequence[Sequence[int]], pad_id: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Left-pad to the longest sequence (prompts for generation: every row's last prompt token at column T-1):
    ids (B, T) long, attention_mask (B, T) long (1 = real, 0 = pad)."""
    return _pad(seqs, pad_id, left=True)


def _pad(seqs: Sequence[Sequence[int]], pad_id: int, left: bool = False) -> tuple[torch.Tensor, torch.Tensor]:
    seqs = [_as_list(s) for s in seqs]
    if not seqs:
        raise ValueError("cannot pad an empty batch")
    B, T = len(seqs), max(len(s) for s in seqs)
    ids = torch.full((B, T), pad_id, dtype=torch.long)   # (B, T)
    mask = torch.zeros((B, T), dtype=torch.long)         # (B, T)
    for b, s in enumerate(seqs):
        if not s:
            continue
        cols = slice(T - len(s), T) if left else slice(0, len(s))
        ids[b, cols] = torch.tensor(s, dtype=torch.long)
        mask[b, cols] = 1
    return ids, mask


def _as_list(ids: Sequence[int] | torch.Tensor) -> list[int]:
    if isinstance(ids, torch.Tensor):
        if ids.dim() != 1:
            raise ValueError(f"expected a 1-D tensor of token ids, got shape {tuple(ids.shape)}")
        return ids.tolist()
    return [int(i) for i in ids]


def _check_str(**fields: object) -> None:
    for name, value in fields.items():
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a str, got {type(value).__name__}")


def _checked_texts(texts: Iterable[str]) -> Iterator[str]:
    if isinstance(texts, str):
        raise TypeError("texts must be an iterable of str, not a single str")
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise TypeError(f"texts[{i}] must be a str, got {type(t).__name__}")
        yield t
