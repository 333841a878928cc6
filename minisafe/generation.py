"""Prompt rows -> completions: render the generation prompt, sample with the KV cache, parse what was written.

The one path every sampler of the policy takes: evaluation (sample_answers, used by the report card, the refusal
suites and the reward heads' policy samples), the SFT progress samples (train_sft.py), the server (batcher.py) and
PPO's rollout (ppo.rollout, which also keeps the token ids, the prompt mask and the sampled tokens' log-probs).

    ids  [pad pad p p p p | n n n <|end|> pad pad]    (B, P + N): prompts left-padded to P, then the new tokens

Each row's new tokens are parsed together with the prompt's tail after the assistant header, so a prefill's forced
answer start is part of the parsed answer (tokenizer.parse_generation).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
from tqdm import tqdm

from minisafe.hf import load_pretrained
from minisafe.io import DataError, first_non_finite, read_json, tokenizer_fingerprint
from minisafe.model import Transformer
from minisafe.tokenizer import ChatTokenizer, Completion, pad_left


def render_prompts(tok: ChatTokenizer, rows: list[dict]) -> list[list[int]]:
    """The generation prompt of each prompt row: its "prompt", and its forced answer start ("prefill") if any."""
    return [tok.render_prompt(r["prompt"], prefill=r.get("prefill", "") or "") for r in rows]


@dataclass
class Generation:
    """One batch of sampled continuations (B rows)."""
    ids: torch.Tensor            # (B, P + N) prompts left-padded to P, then the new ids (pads after <|end|>)
    prompt_mask: torch.Tensor    # (B, P) 1 on real prompt tokens
    completions: list[Completion]
    logprobs: torch.Tensor | None  # (B, N) log-probs of the sampled ids (0 after <|end|>), when asked for

    @property
    def prompt_len(self) -> int:  # P
        return self.prompt_mask.shape[1]


@torch.no_grad()
def generate_completions(model, tok: ChatTokenizer, prompts: list[list[int]], max_new_tokens: int,
                         temperature: float = 0.0, top_p: float = 1.0, generator: torch.Generator | None = None,
                         device="cpu", return_logprobs: bool = False) -> Generation:
    """Continue a batch of rendered prompts (render_prompts, or tok.render_prompt) until <|end|> or max_new_tokens,
    and parse each continuation into (reasoning, answer, ended). temperature 0 is greedy; `generator` makes
    sampling reproducible (same generator state, same batch: same tokens)."""
    ids, mask = pad_left(prompts, tok.pad_id)
    ids, mask = ids.to(device), mask.to(device)
    out = model.generate(ids, max_new_tokens, temperature=temperature, top_p=top_p, eos_token_id=tok.end_id,
                         attention_mask=mask, generator=generator, pad_token_id=tok.pad_id,
                         return_logprobs=return_logprobs)
    out, logprobs = out if return_logprobs else (out, None)
    new = out[:, ids.shape[1]:].tolist()  # parse_generation stops at the first <|end|>
    completions = [tok.parse_generation(p, n) for p, n in zip(prompts, new)]
    return Generation(out, mask, completions, logprobs)


@torch.no_grad()
def sample_answers(model, tok, rows: list[dict], max_new_tokens: int = 160, temperature: float = 0.0,
                   batch_size: int = 64, seed: int = 0, device="cpu", desc: str = "sampling") -> list:
    """One completion per prompt row (greedy by default), parsed into (reasoning, answer, ended). Rows are
    processed sorted by prompt length (less padding); results come back in the rows' order."""
    model.eval()
    prompts = render_prompts(tok, rows)
    order = sorted(range(len(rows)), key=lambda i: len(prompts[i]))
    gen = torch.Generator(device=device).manual_seed(seed)
    completions = [None] * len(rows)
    for j in tqdm(range(0, len(order), batch_size), desc=desc, leave=False, dynamic_ncols=True):
        idx = order[j:j + batch_size]
        batch = generate_completions(model, tok, [prompts[i] for i in idx], max_new_tokens, temperature,
                                     generator=gen, device=device)
        for i, c in zip(idx, batch.completions):
            completions[i] = c
    return completions


# ----------------------------------------------------------------------------------------------------------------
# a checkpoint to sample from


def load_sampler(model_dir, device="cpu") -> tuple[Transformer, ChatTokenizer]:
    """The model and tokenizer of a checkpoint directory (its own chat format), checked by check_model."""
    model = load_pretrained(model_dir).to(device)
    check_model(model, model_dir)
    return model, ChatTokenizer.from_file(Path(model_dir) / "tokenizer.json")


def check_model(model, model_dir) -> None:
    """Refuse what would grade silently wrong: NaN/inf weights (every answer empty, scored "100% safe"), and a
    tokenizer.json other than the one the model was trained with (its fingerprint is in sft_run.json/rl_run.json)."""
    model_dir = Path(model_dir)
    bad = first_non_finite(model.state_dict())
    if bad is not None:
        raise DataError(f"{model_dir}: tensor '{bad}' holds NaN/inf; refusing to evaluate a broken model")
    for record in ("rl_run.json", "sft_run.json"):
        want = read_json(model_dir / record).get("tokenizer_sha256") if (model_dir / record).exists() else None
        if want:
            have = tokenizer_fingerprint(model_dir / "tokenizer.json")
            if have != want:
                raise DataError(f"{model_dir / 'tokenizer.json'}: fingerprint {have[:12]} differs from "
                                f"{want[:12]} recorded in {model_dir / record} at training time: the model was "
                                f"trained with another tokenizer")
            return
