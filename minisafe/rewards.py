"""Reward math for safe-completion RL, its baselines, and the PPO shaping terms: each function is its equation.

    safe_completion_reward   r = h * s                        Yuan et al. 2025, §3
    additive_reward          r = w_h * h + (1 - w_h) * s      baseline: a weighted sum (the failure mode h*s removes)
    refusal_reward           r = 1[decision right] (* h)      baseline: refusal training's comply/refuse reward
    kl_k1 / kl_k2 / kl_k3    per-token KL(pi || pi_ref) estimators (Schulman, "Approximating KL divergence", 2020)
    missing_end_penalty      -penalty for a response with no end token or no answer section
    per_token_rewards        -beta * KL on every response token, score added at the last one
    AdaptiveKLController     beta_{t+1} = beta_t * (1 + K_beta * e_t)   Ziegler et al. 2019 (arXiv 1909.08593) §2.2

The Lagrangian baseline (Safe RLHF) has its equations beside its PPO variant, in minisafe/safe_rlhf.py.

h (helpfulness) and s (safety) are probabilities in [0, 1], checked where the heads' scores become rewards
(`check_unit_interval`, in train_rl.py): never clamped, since a clamp would hide a broken head. The rest trusts them.
"""

from __future__ import annotations

import torch
from torch import Tensor


def check_unit_interval(x: Tensor, name: str) -> Tensor:
    """x itself when every value is a finite probability in [0, 1]; else a ValueError naming x, how many values
    are bad and where the first one is (NaN fails both comparisons, inf one)."""
    bad = ~((x >= 0) & (x <= 1))
    if bad.any():
        first = tuple(int(i) for i in bad.nonzero()[0])
        raise ValueError(f"{name} must be a finite probability in [0, 1]; {int(bad.sum())} of {x.numel()} values "
                         f"are bad, first {x[first].item()} at index {first} (a reward head should end in a sigmoid)")
    return x


# ----------------------------------------------------------------------------------------------------------------------
# the safe-completion reward and its baselines


def safe_completion_reward(h: Tensor, s: Tensor) -> Tensor:
    """Safe-completion reward r = h * s (Yuan et al. 2025, §3).

    h: helpfulness (direct, or indirect for a well-explained decline with alternatives); s: safety (1 fully compliant
    with the policy, 0 for a severe violation). An unsafe answer earns zero however helpful it is; among safe answers
    the more helpful one wins, so a good safe-completion beats a bare refusal. Gradients: dr/dh = s, dr/ds = h.
    """
    return h * s  # r = h · s


def additive_reward(h: Tensor, s: Tensor, w_h: float = 0.5) -> Tensor:
    """Baseline: a weighted sum r = w_h * h + (1 - w_h) * s, in [0, 1].

    Shown for contrast: an unsafe but helpful answer (s = 0, h = 1) still earns w_h > 0, so the policy can buy
    helpfulness with safety. The product h * s removes exactly this trade.
    """
    return w_h * h + (1.0 - w_h) * s  # r = w_h·h + (1 − w_h)·s


def refusal_reward(refused: Tensor, should_refuse: Tensor, h: Tensor | None = None) -> Tensor:
    """Baseline: the refusal-training reward, credit for the right comply/refuse decision (bool tensors).

        without h:  r = 1[refused == should_refuse]
        with h:     r = 1[refused == should_refuse] * (h if the answer complied else 1)

    This is the binary, input-centric view the paper moves away from: a careful safe-completion of a prompt whose
    intent says "refuse" counts as compliance and earns 0, and how helpful a refusal is (its redirection) never counts.
    """
    correct = refused == should_refuse  # the decision matches the intent label
    if h is None:
        return correct.to(torch.get_default_dtype())  # r = 1[correct]
    credit = torch.where(refused, torch.ones_like(h), h)  # refusals get full credit, compliance its helpfulness
    return torch.where(correct, credit, torch.zeros_like(h))  # r = 1[correct] · (h if complied else 1)


# ----------------------------------------------------------------------------------------------------------------------
# per-token KL estimators, for tokens x ~ pi (the policy); log r = log pi_ref(x) - log pi(x)
# (Schulman 2020, "Approximating KL divergence", http://joschu.net/blog/kl-approx.html)


def kl_k1(logp: Tensor, ref_logp: Tensor) -> Tensor:
    """k1 = -log r = log pi(x) - log pi_ref(x): unbiased for KL(pi || pi_ref), high variance, can be negative.
    The estimator the N-details recipe puts in the per-token reward."""
    return logp - ref_logp  # k1 = −log r


def kl_k2(logp: Tensor, ref_logp: Tensor) -> Tensor:
    """k2 = (log r)^2 / 2: always >= 0, low variance, biased (exact to second order when pi_ref is close to pi)."""
    return 0.5 * (ref_logp - logp).square()  # k2 = ½ (log r)²


def kl_k3(logp: Tensor, ref_logp: Tensor) -> Tensor:
    """k3 = (r - 1) - log r: unbiased for KL(pi || pi_ref), always >= 0 (since log r <= r - 1), low variance.
    (Its gradient, used inside a loss, is a biased estimate of the KL's gradient.)"""
    log_r = ref_logp - logp
    return torch.expm1(log_r) - log_r  # k3 = (e^{log r} − 1) − log r   (expm1 keeps precision near r = 1)


def kl_penalty(logp: Tensor, ref_logp: Tensor, kind: str = "k1") -> Tensor:
    """Per-token KL estimate of the given kind ("k1", "k2" or "k3"); same shape as logp."""
    return {"k1": kl_k1, "k2": kl_k2, "k3": kl_k3}[kind](logp, ref_logp)


# ----------------------------------------------------------------------------------------------------------------------
# PPO reward shaping (The N Implementation Details of RLHF with PPO; TRL)


def missing_end_penalty(ended: Tensor, has_answer: Tensor, penalty: float = 1.0) -> Tensor:
    """Format penalty: 0 for a well-formed response, -penalty when it never emitted the end token or has no answer
    section (the graders would score its text, but the policy must not learn to ramble past the budget):

        p = -penalty * 1[not (ended and has_answer)]
    """
    malformed = ~(ended & has_answer)
    return malformed.to(torch.get_default_dtype()) * -penalty  # p = −penalty · 1[malformed]


def per_token_rewards(score: Tensor, kl: Tensor, mask: Tensor, kl_coef: float) -> Tensor:
    """Per-token PPO rewards (B, T): the KL penalty on every response token, the sequence score at the last one.

        r_t = -beta * KL_t                  for every response token t (mask = 1)
        r_T = r_T + score                   T = the last token with mask = 1 (left or right padding both work)
        r_t = 0                             on padding (whatever kl holds there)

    score (B,): sequence reward (e.g. h*s plus penalties); kl (B, T): per-token KL estimate; mask (B, T): 1 on the
    response tokens, at least one per row.
    """
    mask = mask.bool()
    B, T = kl.shape
    positions = torch.arange(T, device=kl.device).expand(B, T)  # (B, T)
    last = torch.where(mask, positions, -1).amax(dim=1)  # (B,) index of the last response token
    rewards = torch.where(mask, -kl_coef * kl, torch.zeros_like(kl))  # r_t = −β·KL_t on response tokens   (B, T)
    return rewards.scatter_add(1, last[:, None], score[:, None].to(rewards.dtype))  # r_T += score


class AdaptiveKLController:
    """Adaptive KL coefficient (Ziegler et al. 2019, arXiv 1909.08593, §2.2; lm-human-preferences, TRL):

        e_t = clip(KL_t / KL_target - 1, -0.2, 0.2)          proportional error
        beta_{t+1} = beta_t * (1 + e_t * n_steps / horizon)  (K_beta = n_steps / horizon)

    beta rises when the policy drifts further than the target from the reference and falls when it stays closer.
    """

    def __init__(self, init_kl_coef: float, target: float, horizon: float):
        self.value, self.target, self.horizon = float(init_kl_coef), float(target), float(horizon)

    def update(self, current_kl: float, n_steps: int) -> float:
        """Update beta from the batch's mean KL, measured over n_steps samples (episodes); returns the new beta."""
        e = min(max(current_kl / self.target - 1.0, -0.2), 0.2)  # e_t = clip(KL/KL_target − 1, ±0.2)
        self.value *= 1.0 + e * n_steps / self.horizon  # β ← β · (1 + e_t · n / horizon)
        return self.value


class FixedKLController:
    """Constant KL coefficient beta; same interface as AdaptiveKLController."""

    def __init__(self, kl_coef: float):
        self.value = float(kl_coef)

    def update(self, current_kl: float, n_steps: int) -> float:
        return self.value
