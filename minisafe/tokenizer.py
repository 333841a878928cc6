"""ChatTokenizer: byte-level BPE, the chat format, SFT loss masks and completion parsing.

Two chat formats, one code path: a `ChatFormat` says where the special tokens and fixed strings go, and the same
render/parse functions serve both. The format is chosen from the tokenizer (`ChatFormat.detect`):

- house (from-scratch models; any tokenizer with the seven house special tokens):

    [<|system|>{system}]<|user|>{prompt}<|assistant|><|think|>{cot}<|answer|>{answer}<|end|>

- ChatML (a checkpoint whose tokenizer has <|im_start|> and <|im_end|> as special tokens, e.g. Qwen2, SmolLM2), the
  reasoning in a <think> block before the answer (as current reasoning models write it, e.g. Qwen3), no new tokens:

    [<|im_start|>system\n{system}<|im_end|>\n]<|im_start|>user\n{prompt}<|im_end|>\n<|im_start|>assistant\n
    <think>\n{cot}\n</think>\n\n{answer}<|im_end|>

  The generation prompt is exactly transformers' `apply_chat_template(messages, add_generation_prompt=True)` with the
  checkpoint's own template (tests/test_chatml.py): a template that inserts a default system message when none is
  given (Qwen2.5, SmolLM2) has it read by `from_file` (`default_system`) and rendered whenever `system` is None.

The three renderings (house format shown):

    render_prompt  ...<|user|>{prompt}<|assistant|><|think|>                  what the policy is asked to continue
                   ...<|user|>{prompt}<|assistant|><|think|><|answer|>{prefill}   prefill attack: reasoning skipped
    render_chat    the whole conversation + a loss mask: 1 on what the policy must learn to write
                   ({cot}<|answer|>{answer}<|end|>), 0 on the generation prompt (and on a forced prefill)
    render_reward  <|user|>{prompt}<|assistant|><|answer|>{answer}<|end|>     what the reward heads see

- No spec in the prompt: the teacher read the spec, the student learns (prompt without it) -> (CoT, answer), so it
  must recall the policy from its weights (context distillation, Guan et al. 2024, §2).
- The reward heads see no reasoning (Yuan et al. 2025, §3): no optimisation pressure lands on the CoT.
- Text between two special tokens is encoded on its own and the special ids are put in between, so a user who types
  "<|answer|>" or "<|im_end|>" gets ordinary tokens and cannot forge a turn. render_prompt(...) is built by the same
  function as render_chat(...), so it is always an exact prefix of it (a forced prefill included).
"""

from __future__ import annotations

import itertools
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import torch
from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, trainers

from minisafe.io import DataError, atomic_write_text, read_json

# the house format's special tokens, ids 0..6 of a tokenizer trained here
SPECIAL_TOKENS = ("<|pad|>", "<|system|>", "<|user|>", "<|assistant|>", "<|think|>", "<|answer|>", "<|end|>")
IM_START, IM_END, ENDOFTEXT = "<|im_start|>", "<|im_end|>", "<|endoftext|>"
THINK_OPEN, THINK_CLOSE = "<think>", "</think>"
CHAT_FORMATS = ("auto", "house", "chatml")


@dataclass(frozen=True)
class ChatFormat:
    """Where the special tokens and fixed strings of one chat format go. Each field is a tuple of parts
    (int: special token id, str: fixed text). A rendered sequence is

        system_open {system} turn_close  user_open {prompt} turn_close  assistant_open      <- generation prompt
        think_open {cot} think_close {answer} end_id                                        <- what is trained
        user_open {prompt} turn_close  reward_open {answer} end_id                          <- what rewards see
        user_open {prompt} turn_close  past_open {answer} past_close   <- an earlier exchange of a conversation
    """
    name: str
    system_open: tuple
    user_open: tuple
    turn_close: tuple     # closes a system or user turn
    assistant_open: tuple
    think_open: tuple
    think_close: tuple    # between the reasoning and the answer
    reward_open: tuple    # replaces assistant_open + the reasoning for the reward heads
    past_open: tuple      # an earlier assistant turn: its answer alone (reasoning dropped, as chat templates do)
    past_close: tuple
    end_id: int
    pad_id: int
    special_ids: frozenset

    @staticmethod
    def detect(tokenizer: Tokenizer, chat_format: str = "auto") -> "ChatFormat":
        """house when the seven house special tokens are there (a model trained here), else ChatML when
        <|im_start|> and <|im_end|> are special tokens; `chat_format` forces one."""
        if chat_format not in CHAT_FORMATS:
            raise ValueError(f"chat_format must be one of {CHAT_FORMATS}, got {chat_format!r}")
        special = _special_tokens(tokenizer)
        has_chatml = IM_START in special and IM_END in special
        if chat_format == "chatml" or (chat_format == "auto" and has_chatml and not set(SPECIAL_TOKENS) <= special):
            if not has_chatml:
                raise ValueError(f"chat_format='chatml' needs {IM_START} and {IM_END} as special tokens; "
                                 "this tokenizer lacks them")
            return ChatFormat.chatml(tokenizer)
        missing = [s for s in SPECIAL_TOKENS if tokenizer.token_to_id(s) is None]
        if missing:
            raise ValueError(f"tokenizer lacks special tokens {missing}; build it with ChatTokenizer.train/from_file")
        return ChatFormat.house(tokenizer)

    @staticmethod
    def house(tokenizer: Tokenizer) -> "ChatFormat":
        pad, system, user, assistant, think, answer, end = (tokenizer.token_to_id(s) for s in SPECIAL_TOKENS)
        return ChatFormat("house", system_open=(system,), user_open=(user,), turn_close=(),
                          assistant_open=(assistant, think), think_open=(), think_close=(answer,),
                          reward_open=(assistant, answer), past_open=(assistant, answer), past_close=(end,),
                          end_id=end, pad_id=pad,
                          special_ids=frozenset((pad, system, user, assistant, think, answer, end)))

    @staticmethod
    def chatml(tokenizer: Tokenizer) -> "ChatFormat":
        start, end = tokenizer.token_to_id(IM_START), tokenizer.token_to_id(IM_END)
        # Padding is always masked out; <|endoftext|> (Qwen2, SmolLM2) when there is one, else <|im_end|>.
        pad = tokenizer.token_to_id(ENDOFTEXT) if ENDOFTEXT in _special_tokens(tokenizer) else end
        return ChatFormat("chatml", system_open=(start, "system\n"), user_open=(start, "user\n"),
                          turn_close=(end, "\n"), assistant_open=(start, "assistant\n"),
                          think_open=(f"{THINK_OPEN}\n",), think_close=(f"\n{THINK_CLOSE}\n\n",),
                          # the reasoning hidden = an empty think block (Qwen3's convention for a turn without it)
                          reward_open=(start, f"assistant\n{THINK_OPEN}\n\n{THINK_CLOSE}\n\n"),
                          past_open=(start, "assistant\n"), past_close=(end, "\n"),
                          end_id=end, pad_id=pad, special_ids=frozenset({start, end, pad}))


@dataclass(frozen=True)
class Completion:
    """A parsed policy output. answer is None when the reasoning never ended (house: no <|answer|>; ChatML: a
    <think> block that was never closed)."""
    reasoning: str
    answer: str | None
    ended: bool          # True when <|end|> was emitted (PPO penalises responses that never end)


class ChatTokenizer:
    """A `tokenizers.Tokenizer` plus a chat format (`self.format`, chosen from the tokenizer). Build with `train` or
    `from_file`. `pad_id`, `end_id`, `special_ids` (no user text can produce them) and `vocab_size` (embedding rows
    needed: max id + 1, added tokens included; ids of a loaded tokenizer need not be contiguous) exist in every
    format; the house format also has `system_id`, `user_id`, `assistant_id`, `think_id`, `answer_id`, the ChatML
    format `im_start_id`."""

    def __init__(self, tokenizer: Tokenizer, chat_format: str = "auto", default_system: str | None = None):
        self.format = ChatFormat.detect(tokenizer, chat_format)
        self.default_system = default_system if self.format.name == "chatml" else None   # the template's own
        tokenizer.no_truncation()   # a loaded tokenizer.json may carry truncation/padding settings:
        tokenizer.no_padding()      # encode() must never cut or pad text silently
        # Special-token strings inside text are encoded as plain text (the flag is not written to tokenizer.json).
        tokenizer.encode_special_tokens = True
        self._tok = tokenizer
        self.pad_id, self.end_id, self.special_ids = self.format.pad_id, self.format.end_id, self.format.special_ids
        if self.format.name == "house":
            _, self.system_id, self.user_id, self.assistant_id, self.think_id, self.answer_id, _ = (
                tokenizer.token_to_id(s) for s in SPECIAL_TOKENS)
        else:
            self.im_start_id = tokenizer.token_to_id(IM_START)
        self.vocab_size = max(tokenizer.get_vocab(with_added_tokens=True).values()) + 1

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
    def from_file(cls, path: str | os.PathLike, chat_format: str = "auto") -> "ChatTokenizer":
        """Load any HF tokenizer.json (or a directory holding one), e.g. a Llama or Qwen2 checkpoint's.
        A ChatML tokenizer (Qwen2, SmolLM2) keeps its own format, vocabulary and default system message (read from
        the chat template beside it: chat_template.jinja or tokenizer_config.json). Otherwise, or with
        chat_format="house", the house special tokens are added as special tokens where missing, so `vocab_size`
        may grow: `model.resize_token_embeddings(tokenizer.vocab_size)` before training."""
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
        special = _special_tokens(tok)
        if chat_format == "house" or (chat_format == "auto" and not {IM_START, IM_END} <= special):
            # the house tokens missing, or present but not marked special (ChatFormat.detect then picks house)
            tok.add_special_tokens([AddedToken(s, special=True, normalized=False)
                                    for s in SPECIAL_TOKENS if s not in special])
        try:
            return cls(tok, chat_format, default_system_message(chat_template(path.parent)))
        except ValueError as e:
            raise ValueError(f"{path}: {e}") from None

    def save(self, path: str | os.PathLike) -> None:
        """Write tokenizer.json (atomically); loadable by `from_file`, `tokenizers` and transformers."""
        atomic_write_text(path, self._tok.to_str(pretty=True))

    # ---- plain text ---------------------------------------------------------------------------------------------

    def __len__(self) -> int:
        return self.vocab_size

    def encode(self, text: str) -> list[int]:
        """Token ids of `text`; no special tokens added, and special-token strings in `text` stay plain text."""
        if not isinstance(text, str):
            raise TypeError(f"encode expects str, got {type(text).__name__}")
        if not text:
            return []
        return self._tok.encode(text, add_special_tokens=False).ids

    def decode(self, ids: Sequence[int] | torch.Tensor, skip_special_tokens: bool = True) -> str:
        return self._tok.decode(_as_list(ids), skip_special_tokens=skip_special_tokens)

    # ---- chat format (one code path for every ChatFormat) -----------------------------------------------------

    def _render(self, *parts: int | str) -> list[int]:
        """Special ids as they are; each run of adjacent strings is joined and encoded as one piece."""
        ids: list[int] = []
        for is_text, run in itertools.groupby(parts, key=lambda part: isinstance(part, str)):
            ids += self.encode("".join(run)) if is_text else list(run)
        return ids

    def render_prompt(self, prompt: str, system: str | None = None, prefill: str = "",
                      history: Sequence[tuple[str, str]] = ()) -> list[int]:
        """Generation prompt: [system turn, if system (None: default_system) is non-empty] [history] user turn,
        assistant header. `history`: a conversation's earlier (user, answer) exchanges. With a prefill (the attack
        forces the start of the answer) the reasoning is skipped: + think_open think_close {prefill}, encoded as its
        own piece."""
        f = self.format
        system = self.default_system if system is None else system
        system_turn = (*f.system_open, system, *f.turn_close) if system else ()
        past = [x for user, answer in history for x in (*f.user_open, user, *f.turn_close, *f.past_open, answer,
                                                         *f.past_close)]
        ids = self._render(*system_turn, *past, *f.user_open, prompt, *f.turn_close, *f.assistant_open)
        if prefill:
            ids += self._render(*f.think_open, *f.think_close, prefill)
        return ids

    def render_chat(self, prompt: str, cot: str, answer: str, system: str | None = None,
                    prefill: str = "") -> tuple[list[int], list[int]]:
        """One SFT sequence and its loss mask (same length): only what the assistant writes is trained.

        ids  = render_prompt(prompt, system, prefill) + target
        mask = 0 ...................................  + 1 ...
        target = think_open {cot} think_close {answer} end
               = {answer minus its prefill} end               for a prefill row (cot == ""): the skipped reasoning
                                                               and the prefill are forced, so masked out
        """
        f = self.format
        prompt_ids = self.render_prompt(prompt, system, prefill)
        if prefill:
            if cot:
                raise ValueError("a prefill row has no reasoning (the prefill forces the answer to start right "
                                 f"away), but cot is non-empty: {cot[:60]!r}")
            if not answer.startswith(prefill):
                raise ValueError(f"answer must start with the prefill {prefill[:60]!r}; got {answer[:60]!r}")
            target = self._render(answer[len(prefill):], f.end_id)
        else:
            if isinstance(f.think_close[0], str) and THINK_CLOSE in cot:  # parse_completion could not split it
                raise ValueError(f"cot contains {THINK_CLOSE!r}, which ends the reasoning in the {f.name} format: "
                                 f"{cot[:60]!r}")
            target = self._render(*f.think_open, cot, *f.think_close, answer, f.end_id)
        return prompt_ids + target, [0] * len(prompt_ids) + [1] * len(target)

    def render_reward(self, prompt: str, answer: str) -> list[int]:
        """What the reward heads score: the user turn and the answer, the reasoning removed (Yuan et al. 2025, §3)."""
        f = self.format
        return self._render(*f.user_open, prompt, *f.turn_close, *f.reward_open, answer, f.end_id)

    def response_start(self, prompt_ids: Sequence[int] | torch.Tensor) -> int:
        """Index in a rendered prompt where the policy's output begins (just after the assistant header); what
        follows in the prompt (a forced prefill) belongs to the output when it is parsed."""
        ids = _as_list(prompt_ids)
        head = self.format.assistant_open
        first = head[0]  # a special id: the last one in a rendered prompt opens the assistant header
        if first not in ids:
            raise ValueError("not a rendered prompt: no assistant header in it")
        k = len(ids) - 1 - ids[::-1].index(first)
        return k + len(self._render(*head))

    def parse_generation(self, prompt_ids: Sequence[int] | torch.Tensor,
                         new_ids: Sequence[int] | torch.Tensor) -> Completion:
        """Parse what `model.generate` appended to a rendered prompt (the prompt's forced part included)."""
        prompt_ids = _as_list(prompt_ids)
        return self.parse_completion(prompt_ids[self.response_start(prompt_ids):] + _as_list(new_ids))

    def parse_completion(self, ids: Sequence[int] | torch.Tensor) -> Completion:
        """Split a policy output (everything after the assistant header, forced prefill tokens included) into
        reasoning / answer. Tolerant: everything after the first end token is ignored, pad ids are ignored, other
        special tokens are dropped from the text.
        house: split at <|answer|>; no <|answer|> gives answer=None (a missing <|think|> is fine).
        ChatML: split the text at </think>; an output that never opens <think> is all answer (an instruct model
        that does not reason), one that opens it and never closes it gives answer=None."""
        ids = _as_list(ids)
        ended = self.end_id in ids
        if ended:
            ids = ids[:ids.index(self.end_id)]
        ids = [i for i in ids if i != self.pad_id]
        (close,) = self.format.think_close
        if isinstance(close, int):   # decode(skip_special_tokens=True) drops <|think|> and any stray special token
            if close not in ids:
                return Completion(reasoning=self.decode(ids), answer=None, ended=ended)
            k = ids.index(close)
            return Completion(reasoning=self.decode(ids[:k]), answer=self.decode(ids[k + 1:]), ended=ended)
        text = self.decode(ids)
        if not text.lstrip().startswith(THINK_OPEN):
            return Completion(reasoning="", answer=text, ended=ended)
        text = text.lstrip().removeprefix(THINK_OPEN).removeprefix("\n")   # think_open = "<think>\n"
        if THINK_CLOSE not in text:
            return Completion(reasoning=text, answer=None, ended=ended)
        reasoning, answer = text.split(THINK_CLOSE, 1)
        reasoning = reasoning[:-1] if reasoning.endswith("\n") else reasoning  # close = "\n</think>\n\n"
        answer = answer[2:] if answer.startswith("\n\n") else answer.lstrip("\n")
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


def chat_template(directory: Path) -> str:
    """A checkpoint's chat template: chat_template.jinja (transformers v5), else tokenizer_config.json's ("default"
    of a list of named ones); "" when there is none."""
    jinja, config = directory / "chat_template.jinja", directory / "tokenizer_config.json"
    if jinja.is_file():
        return jinja.read_text(encoding="utf-8")
    t = read_json(config).get("chat_template") if config.is_file() else None
    t = next((x.get("template") for x in t if x.get("name") == "default"), None) if isinstance(t, list) else t
    return t if isinstance(t, str) else ""


# A ChatML template's default system message is the string literal of the turn it writes when the conversation has
# none: '<|im_start|>system\n{default}<|im_end|>' (SmolLM2, Qwen2, Qwen2.5). A system turn built from the
# message's content ('<|im_start|>system\n' + message['content']) is no literal and does not match.
_DEFAULT_SYSTEM = re.compile(r"""(['"])<\|im_start\|>system(?:\\n|\n)((?:(?!\1)[^\\]|\\.)*?)<\|im_end\|>""")


def default_system_message(template: str) -> str | None:
    """The system message a ChatML chat template inserts when a conversation has none, or None."""
    m = _DEFAULT_SYSTEM.search(template or "")
    return re.sub(r"\\(.)", lambda e: {"n": "\n", "t": "\t"}.get(e[1], e[1]), m[2]) if m else None


def _special_tokens(tokenizer: Tokenizer) -> set[str]:
    """Contents of the tokenizer's added tokens that are marked special."""
    return {t.content for t in tokenizer.get_added_tokens_decoder().values() if t.special}


def _checked_texts(texts: Iterable[str]) -> Iterator[str]:
    if isinstance(texts, str):
        raise TypeError("texts must be an iterable of str, not a single str")
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise TypeError(f"texts[{i}] must be a str, got {type(t).__name__}")
        yield t
