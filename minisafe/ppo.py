"""PPO for a language-model policy: rollout, generalised advantage estimation, clipped losses.

The RL stage of safe-completion training (Yuan et al. 2025, §3) optimises the SFT policy with
PPO (Schulman et al. 2017) against reward = helpfulness x safety. The details follow "The N Implementation Details
of RLHF with PPO" (Huang et al. 2023): score added at the final token, per-token KL penalty, GAE with gamma = 1,
advantages whitened under the mask, clipped policy and value losses, logits divided by the sampling temperature
both in the rollout and in the update.

Token layout of one rollout batch (prompts left-padded to P, responses right-padded to R):

    ids   [pad pad p p p p | r r r <|end|> pad pad]      (B, P + R)
    mask  [ 0   0  1 1 1 1 | 1 1 1    1     0   0 ]
                             ^ response token t is predicted from the hidden state at position P - 1 + t

Everything here is a function of tensors except `rollout` and `forward_response`, which run the model. Under DDP the
batch statistics (whitening, the value warm-up) are the whole batch's over every process: their sums go through
training.all_reduce, which does nothing in a single process.
"""

from __future__ import annotations

import contextlib
import warnings
from dataclasses import dataclass

import torch
import torch.nn as nn

from minisafe.generation import generate_completions, render_prompts
from minisafe.logprobs import linear_logprobs
from minisafe.training import AdamW, all_reduce


# ----------------------------------------------------------------------------------------------------------------
# masked statistics


def masked_mean(x: torch.Tensor, mask: torch.Tensor, dim=None) -> torch.Tensor:
    """Mean of x over the positions where mask is 1 (whatever x holds elsewhere, inf and NaN included)."""
    x = torch.where(mask.bool(), x, torch.zeros_like(x))
    mask = mask.to(x.dtype)
    if dim is None:
        return x.sum() / mask.sum().clamp(min=1)
    return x.sum(dim) / mask.sum(dim).clamp(min=1)


def masked_var(x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Unbiased variance of x over the masked positions."""
    mean = masked_mean(x, mask)
    n = mask.sum().clamp(min=2)
    return torch.where(mask.bool(), (x - mean) ** 2, torch.zeros_like(x)).sum() / (n - 1)


def masked_whiten(x: torch.Tensor, mask: torch.Tensor, eps: float = 1e-8) -> torch.Tensor:
    """(x - mean) / std over the masked positions of the whole batch (every DDP process); masked-out positions
    become 0. The variance is unbiased, as masked_var's."""
    valid = mask.bool()
    n = all_reduce(mask.to(x.dtype).sum())
    mean = all_reduce(torch.where(valid, x, torch.zeros_like(x)).sum()) / n.clamp(min=1)
    var = all_reduce(torch.where(valid, (x - mean) ** 2, torch.zeros_like(x)).sum()) / (n.clamp(min=2) - 1)
    w = (x - mean) * torch.rsqrt(var + eps)
    return torch.where(valid, w, torch.zeros_like(w))


def explained_variance(values: torch.Tensor, returns: torch.Tensor, mask: torch.Tensor) -> float:
    """How much of the returns' variance the value head predicts, under the mask: EV = 1 - Var[R - V] / Var[R].
    1: perfect; 0: no better than a constant; < 0: worse than a constant; NaN when the returns do not vary."""
    var_r = masked_var(returns, mask)
    if var_r.item() == 0:
        return float("nan")
    return (1.0 - masked_var(returns - values, mask) / var_r).item()


# ----------------------------------------------------------------------------------------------------------------
# advantages


def compute_gae(rewards: torch.Tensor, values: torch.Tensor, mask: torch.Tensor, gamma: float = 1.0,
                lam: float = 0.95) -> tuple[torch.Tensor, torch.Tensor]:
    """Generalised advantage estimation (Schulman et al. 2016) over the masked positions of each row.

        delta_t = r_t + gamma * V_{t+1} - V_t
        A_t     = delta_t + gamma * lam * A_{t+1}
        R_t     = A_t + V_t                              (the value target)

    rewards, values, mask: (B, T). Positions with mask 0 are skipped (neither read nor written; their advantage and
    return are 0), so padding anywhere in a row is harmless; the value after a row's last unmasked token is 0.
    Returns (advantages, returns), both (B, T).
    """
    B, T = rewards.shape
    mask = mask.bool()
    advantages = torch.zeros_like(rewards)
    next_value = torch.zeros(B, dtype=rewards.dtype, device=rewards.device)  # V_{t+1}
    next_adv = torch.zeros_like(next_value)  # A_{t+1}
    for t in reversed(range(T)):
        m = mask[:, t]
        delta = rewards[:, t] + gamma * next_value - values[:, t]
        adv = delta + gamma * lam * next_adv
        advantages[:, t] = torch.where(m, adv, torch.zeros_like(adv))
        next_adv = torch.where(m, adv, next_adv)
        next_value = torch.where(m, values[:, t], next_value)
    returns = (advantages + values) * mask
    return advantages, returns


# ----------------------------------------------------------------------------------------------------------------
# losses


def policy_loss(logp: torch.Tensor, old_logp: torch.Tensor, advantages: torch.Tensor, mask: torch.Tensor,
                clip_eps: float = 0.2) -> tuple[torch.Tensor, dict]:
    """PPO's clipped surrogate, as a loss to minimise (all inputs (B, T)).

        ratio = exp(logp - old_logp)
        L     = E_t[ max(-A_t * ratio, -A_t * clip(ratio, 1 - eps, 1 + eps)) ]
    Also returns the clip fraction and approx-KL = E[(log ratio)^2 / 2] (the k2 estimator of KL(old || new)).
    """
    log_ratio = logp - old_logp
    ratio = torch.exp(log_ratio)
    loss_unclipped = -advantages * ratio
    loss_clipped = -advantages * torch.clamp(ratio, 1.0 - clip_eps, 1.0 + clip_eps)
    loss = masked_mean(torch.maximum(loss_unclipped, loss_clipped), mask)
    with torch.no_grad():
        stats = {
            "clip_frac": masked_mean((loss_clipped > loss_unclipped).float(), mask).item(),
            "approx_kl": masked_mean(0.5 * log_ratio ** 2, mask).item(),
        }
    return loss, stats


def value_loss(values: torch.Tensor, old_values: torch.Tensor, returns: torch.Tensor, mask: torch.Tensor,
               clip_eps: float = 0.2) -> tuple[torch.Tensor, dict]:
    """Clipped value loss (all inputs (B, T)).

        V_clip = V_old + clip(V - V_old, -eps, +eps)
        L_V    = 1/2 E_t[ max((V - R)^2, (V_clip - R)^2) ]
    """
    values_clipped = old_values + torch.clamp(values - old_values, -clip_eps, clip_eps)
    err = (values - returns) ** 2
    err_clipped = (values_clipped - returns) ** 2
    loss = 0.5 * masked_mean(torch.maximum(err, err_clipped), mask)
    with torch.no_grad():
        stats = {"value_clip_frac": masked_mean((err_clipped > err).float(), mask).item()}
    return loss, stats


# ----------------------------------------------------------------------------------------------------------------
# the value head and the model pass that feeds both losses


class ValueHead(nn.Module):
    """V(s_t): a linear read-out of the policy's final hidden state, zero-initialised (N-details §value head),
    so the first advantages are plain rewards-to-go. It shares the policy's backbone."""

    def __init__(self, d_model: int):
        super().__init__()
        self.proj = nn.Linear(d_model, 1)
        nn.init.zeros_(self.proj.weight)
        nn.init.zeros_(self.proj.bias)

    def forward(self, hidden: torch.Tensor) -> torch.Tensor:  # (B, T, D) -> (B, T)
        return self.proj(hidden.float()).squeeze(-1)


def warm_up_value_head(head: ValueHead, hidden: torch.Tensor, returns: torch.Tensor, mask: torch.Tensor, lr: float,
                       steps: int) -> float:
    """Fit V to one batch's Monte Carlo returns before the first policy update; returns the final loss.

        L = E_t[(V(hidden_t) - R_t)^2],  R_t = sum_{l >= 0} gamma^l r_{t+l}  (GAE with lambda = 1 and V = 0)

    hidden (B, T, D) is detached: only the head moves. Without this a zero-initialised head starts at V = 0 and, at
    the policy's learning rate, stays near it (docs/results.md, "PPO credit assignment"). The bias starts at the
    batch's mean return, so the steps fit how the return varies rather than its level: a head that must climb to a
    high mean from 0 bends its weights toward it and can end up worse than a constant. The mean and the gradients
    are the whole batch's (sums over every process's tokens), so every DDP process keeps the same head.
    """
    valid = mask.bool()
    total = all_reduce(torch.stack([torch.where(valid, returns, torch.zeros_like(returns)).sum(), mask.sum()]).float())
    n = total[1].clamp(min=1)                          # sum of R_t and number of tokens, over the whole batch
    with torch.no_grad():
        head.proj.bias.fill_((total[0] / n).item())   # b = mean_t R_t
    opt = AdamW(head.parameters(), lr=lr, weight_decay=0.0)   # Adam
    hidden = hidden.detach()

    def loss_share() -> torch.Tensor:   # this process's tokens' part of L: sum (V - R)^2 / n(whole batch)
        return (torch.where(valid, head(hidden) - returns, torch.zeros_like(returns)) ** 2).sum() / n

    for _ in range(steps):
        loss = loss_share()
        opt.zero_grad()
        loss.backward()
        for p in head.parameters():
            all_reduce(p.grad)   # the sum of the shares' gradients is the whole batch's gradient
        opt.step()
    with torch.no_grad():
        return all_reduce(loss_share()).item()


def forward_response(model, ids: torch.Tensor, attention_mask: torch.Tensor, prompt_len: int, temperature: float = 1.0,
                     return_entropy: bool = False, autocast=None):
    """Log-probs (and entropy) of the response tokens ids[:, prompt_len:], and the hidden states the critics read.

    ids, attention_mask: (B, P + R). Returns logp (B, R), hidden (B, R, D) (the state that predicts response token
    t), entropy (B, R) or None. The log-probs go through the fused path (no (B, R, V) logits), at the rollout's
    temperature (temperature 0 is greedy decoding, whose log-probs are the policy's own, at temperature 1, as
    model.generate reports them). model may be wrapped in DistributedDataParallel: the forward goes through the
    wrapper (gradient sync), the tied output matrix is read from the module inside. `autocast` (training.autocast)
    wraps the backbone only: the log-probs are computed in fp32 from its hidden states.
    """
    with autocast or contextlib.nullcontext():
        hidden = model(ids, attention_mask=attention_mask, return_hidden=True)[:, prompt_len - 1:-1]   # (B, R, D)
    targets = ids[:, prompt_len:]  # (B, R)
    B, R, D = hidden.shape
    lm_head_weight = getattr(model, "module", model).lm_head_weight  # (V, D)
    out = linear_logprobs(hidden.reshape(B * R, D), lm_head_weight, targets.reshape(B * R),
                          temperature=temperature if temperature > 0 else 1.0, return_entropy=return_entropy)
    logp, entropy = (out if return_entropy else (out, None))
    return logp.view(B, R), hidden, entropy.view(B, R) if entropy is not None else None


def check_on_policy(name: str, logp: torch.Tensor, expected: torch.Tensor, mask: torch.Tensor, warn: float,
                    stop: float, step: int) -> float:
    """The on-policy check: gap = max_t |logp_t - expected_t| over the response tokens of the whole batch (every
    process) is 0 when both come from the same weights on the same tokens. Warn past `warn`; stop the run (before
    the update) past `stop`. Returns the gap."""
    gap = all_reduce(torch.tensor([((logp - expected).abs() * mask).max().item()], dtype=torch.float64), "max").item()
    what = (f"{name} {gap:.3g} at iteration {step}: the update's log-probs differ from the sampler's (a bug: "
            f"temperature, padding, positions or dtype)")
    if gap > stop:
        raise RuntimeError(f"{what}; above the stop threshold {stop:g} (--logprob-gap-stop), stopping before the "
                           f"update")
    if gap > warn:
        warnings.warn(f"{what}; above the warning threshold {warn:g}", RuntimeWarning, stacklevel=2)
    return gap


# ----------------------------------------------------------------------------------------------------------------
# rollout


@dataclass
class Rollout:
    """One batch of sampled responses (B rows). Tensors are on the policy's device."""
    ids: torch.Tensor  # (B, P + R) prompt (left-padded) then response (right-padded)
    attention_mask: torch.Tensor  # (B, P + R)
    response_mask: torch.Tensor  # (B, R) 1 on response tokens up to and including <|end|>
    prompt_len: int  # P
    ended: torch.Tensor  # (B,) bool: the response emitted <|end|>
    sample_logp: torch.Tensor  # (B, R) log-probs of the sampled tokens, as the KV-cache engine computed them
    completions: list  # tokenizer.Completion per row (reasoning, answer, ended)


@torch.no_grad()
def rollout(model, tokenizer, rows: list[dict], max_new_tokens: int, temperature: float,
            generator: torch.Generator | None = None, device="cpu") -> Rollout:
    """Sample a response (reasoning then answer) for each prompt row with the KV-cache engine.

    A prefill row's forced answer prefix is part of the prompt, not of the response: the policy is not credited
    or blamed for tokens it did not choose.
    """
    g = generate_completions(model, tokenizer, render_prompts(tokenizer, rows), max_new_tokens, temperature,
                             generator=generator, device=device, return_logprobs=True)
    P = g.prompt_len
    response = g.ids[:, P:]  # (B, R)
    is_end = response == tokenizer.end_id
    ended = is_end.any(dim=1)
    # 1 up to and including the first <|end|>; the whole row when there is none (truncated response)
    after_end = (is_end.long().cumsum(dim=1) - is_end.long()) > 0
    response_mask = (~after_end).long()
    R = int(response_mask.sum(dim=1).max())   # the longest response: later columns are padding in every row
    response_mask = response_mask[:, :R]
    attention_mask = torch.cat([g.prompt_mask, response_mask], dim=1)
    return Rollout(g.ids[:, :P + R], attention_mask, response_mask, P, ended, g.logprobs[:, :R] * response_mask,
                   g.completions)
