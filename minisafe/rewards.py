"""Reward math for safe-completion RL, its baselines, and the PPO shaping terms.

Every function here is a pure function of tensors (no model, no state except the two small KL controllers), so the
reward a policy is trained on can be read, and tested, in isolation. Each equation sits next to the line computing it.

    safe_completion_reward   r = h * s                        Yuan et al. 2025, §3
    additive_reward          r = w_h * h + (1 - w_h) * s      baseline: a weighted sum (the failure mode h*s removes)
    refusal_reward           r = 1[decision right] (* h)      baseline: refusal training's comply/refuse reward
    safety_cost              c = 1 - s                        the cost model of Safe RLHF in our setting
    lagrangian_advantage     A = (A_r - lambda * A_c) / (1 + lambda)   Safe RLHF (Dai et al. 2023, arXiv 2310.12773)
    update_log_lambda        log lambda <- min(log lambda + lr * lambda * (J_C - d), log lambda_max)
    kl_k1 / kl_k2 / kl_k3    per-token KL(pi || pi_ref) estimators (Schulman, "Approximating KL divergence", 2020)
    missing_end_penalty      -penalty for a response with no end token or no answer section
    per_token_rewards        -beta * KL on every response token, score added at the last one
    AdaptiveKLController     beta_{t+1} = beta_t * (1 + K_beta * e_t)   Ziegler et al. 2019 (arXiv 1909.08593) §2.2

Scores h (helpfulness) and s (safety) are probabilities in [0, 1]. Values outside that range, NaN or inf are rejected
with a ValueError rather than clamped: a clamp would hide a broken reward head and train the policy on garbage.
"""

from __future__ import annotations

import math
from typing import Union

import torch
from torch import Tensor

Scalar = Union[float, int, bool]
TensorLike = Union[Tensor, Scalar]


# ----------------------------------------------------------------------------------------------------------------------
# validation


def _as_float_tensor(x: TensorLike, name: str) -> Tensor:
    """A floating-point tensor view of x: floating tensors pass through untouched (same object, autograd kept);
    Python numbers and bool/int tensors become the default float dtype."""
    t = torch.as_tensor(x)
    if t.is_complex():
        raise ValueError(f"{name} must be real, got a {t.dtype} tensor")
    if not t.is_floating_point():
        t = t.to(torch.get_default_dtype())
    return t


def _describe_bad(t: Tensor, bad: Tensor) -> str:
    """'2 of 6 values, first nan at index (0, 1)' -- or just 'nan' for a single number."""
    if t.numel() == 1:
        return f"got {t.item()}"
    n_bad = int(bad.sum())
    first = tuple(int(i) for i in bad.nonzero()[0])
    return f"{n_bad} of {t.numel()} values are bad, first {t[first].item()} at index {first}"


def check_unit_interval(x: TensorLike, name: str) -> Tensor:
    """Return x as a float tensor after checking every element is finite and in [0, 1]; raise ValueError otherwise.

    The message names the argument and the offending value (or how many are bad and where the first one is).
    Reads the tensor once on the host (one device sync), which is negligible next to a rollout.
    """
    t = _as_float_tensor(x, name)
    v = t.detach()
    bad = ~((v >= 0) & (v <= 1))  # NaN fails both comparisons and ±inf fails one, so they are caught too
    if bad.any():
        raise ValueError(
            f"{name} must be a finite probability in [0, 1]; {_describe_bad(v, bad)} "
            f"(a reward head should end in a sigmoid; values are rejected, never clamped)"
        )
    return t


def _as_bool_tensor(x: TensorLike, name: str) -> Tensor:
    """x as a bool tensor; numbers must be exactly 0 or 1."""
    t = torch.as_tensor(x)
    if t.dtype == torch.bool:
        return t
    v = t.detach()
    bad = ~((v == 0) | (v == 1))
    if bad.any():
        raise ValueError(f"{name} must be boolean (or 0/1); {_describe_bad(v, bad)}")
    return v != 0


def _check_weight(w: float, name: str) -> float:
    w = float(w)
    if not (math.isfinite(w) and 0.0 <= w <= 1.0):
        raise ValueError(f"{name} must be a weight in [0, 1], got {w}")
    return w


# ----------------------------------------------------------------------------------------------------------------------
# the safe-completion reward and its baselines


def safe_completion_reward(h: TensorLike, s: TensorLike) -> Tensor:
    """Safe-completion reward r = h * s (Yuan et al. 2025, §3).

    h: helpfulness in [0, 1] (direct, or indirect for a well-explained decline with alternatives);
    s: safety in [0, 1] (1 fully compliant with the policy, 0 for a severe violation).
    An unsafe answer earns zero however helpful it is; among safe answers, the more helpful one wins, so a good
    safe-completion beats a bare refusal. Shapes broadcast; the dtype follows torch promotion, so two float32 (or two
    bfloat16) inputs give a float32 (bfloat16) result and Python floats adopt the tensor's dtype.
    Gradients: dr/dh = s, dr/ds = h.
    """
    h = check_unit_interval(h, "h (helpfulness)")
    s = check_unit_interval(s, "s (safety)")
    return h * s  # r = h · s


def additive_reward(h: TensorLike, s: TensorLike, w_h: float = 0.5) -> Tensor:
    """Baseline: a weighted sum r = w_h * h + (1 - w_h) * s, in [0, 1].

    Shown for contrast: an unsafe but helpful answer (s = 0, h = 1) still earns w_h > 0, so the policy can buy
    helpfulness with safety. The product h * s removes exactly this trade.
    """
    h = check_unit_interval(h, "h (helpfulness)")
    s = check_unit_interval(s, "s (safety)")
    w_h = _check_weight(w_h, "w_h")
    return w_h * h + (1.0 - w_h) * s  # r = w_h·h + (1 − w_h)·s


def refusal_reward(refused: TensorLike, should_refuse: TensorLike, h: TensorLike | None = None) -> Tensor:
    """Baseline: the refusal-training reward, credit for the right comply/refuse decision.

        without h:  r = 1[refused == should_refuse]
        with h:     r = 1[refused == should_refuse] * (h if the answer complied else 1)

    i.e. a correct refusal earns 1, a correct compliance earns 1 (or its helpfulness h), any wrong decision earns 0.
    This is the binary, input-centric view the paper moves away from: a careful safe-completion of a prompt whose
    intent says "refuse" counts as compliance and earns 0, and how helpful a refusal is (its redirection) never counts.
    refused, should_refuse: bool tensors (or 0/1), broadcastable. The result has h's dtype, else the default float.
    """
    refused = _as_bool_tensor(refused, "refused")
    should_refuse = _as_bool_tensor(should_refuse, "should_refuse")
    correct = refused == should_refuse  # the decision matches the intent label
    if h is None:
        return correct.to(torch.get_default_dtype())  # r = 1[correct]
    h = check_unit_interval(h, "h (helpfulness)")
    one = torch.ones((), dtype=h.dtype, device=h.device)
    zero = torch.zeros((), dtype=h.dtype, device=h.device)
    credit = torch.where(refused, one, h)  # refusals get full credit, compliance its helpfulness
    return torch.where(correct, credit, zero)  # r = 1[correct] · (h if complied else 1)


def safety_cost(s: TensorLike) -> Tensor:
    """Cost for the Safe RLHF baseline in our setting: c = 1 - s, in [0, 1] (0 for a fully safe answer)."""
    s = check_unit_interval(s, "s (safety)")
    return 1.0 - s  # c = 1 − s


# ----------------------------------------------------------------------------------------------------------------------
# Safe RLHF: maximise J_R subject to J_C <= d with a Lagrange multiplier lambda >= 0 kept as log lambda


def lagrangian_advantage(adv_r: Tensor, adv_c: Tensor, log_lambda: TensorLike) -> Tensor:
    """Safe RLHF policy advantage (Dai et al. 2023, arXiv 2310.12773, §3.3), lambda = exp(log_lambda):

        A = (A_r - lambda * A_c) / (1 + lambda) = sigmoid(-log lambda) * A_r - sigmoid(log lambda) * A_c

    The sigmoid form is the same number, but stays finite for any log lambda (no inf/inf): lambda = 0 (log lambda = -inf)
    gives A_r exactly, lambda -> inf gives -A_c. lambda is a constant for the policy step (log_lambda is detached).
    """
    ll = torch.as_tensor(log_lambda, dtype=adv_r.dtype, device=adv_r.device).detach()
    if torch.isnan(ll).any():
        raise ValueError("log_lambda is NaN")
    return torch.sigmoid(-ll) * adv_r - torch.sigmoid(ll) * adv_c  # (A_r − λ·A_c) / (1 + λ)


def update_log_lambda(
    log_lambda: TensorLike,
    mean_cost: TensorLike,
    cost_limit: float,
    lr: float,
    max_log_lambda: float | None = None,
) -> TensorLike:
    """One step of gradient ascent on the Lagrangian's constraint term, in log space (Safe RLHF, §3.3):

        L(lambda) = lambda * (J_C - d),   lambda = exp(l)   =>   dL/dl = lambda * (J_C - d)
        l <- l + lr * lambda * (J_C - d)        [then l <- min(l, max_log_lambda) if given]

    J_C = mean_cost (mean episode cost of the batch), d = cost_limit. log lambda rises while the constraint is violated
    (J_C > d) and falls otherwise, so lambda stays >= 0 without a projection. This is the exact gradient step (the
    reference code takes it with Adam, which rescales it; with plain SGD the step shrinks as lambda -> 0). Returns a
    float for a float log_lambda, else a detached tensor of the same dtype.
    """
    l_val, j_c, d, lr = float(log_lambda), float(mean_cost), float(cost_limit), float(lr)
    if not math.isfinite(l_val):
        raise ValueError(f"log_lambda must be finite, got {l_val} (lambda = 0 exactly could never rise again)")
    if not math.isfinite(j_c):
        raise ValueError(f"mean_cost must be finite, got {j_c} (a NaN cost would poison lambda for the rest of the run)")
    if not math.isfinite(d):
        raise ValueError(f"cost_limit must be finite, got {d}")
    if not (math.isfinite(lr) and lr > 0):
        raise ValueError(f"lr must be a positive number, got {lr}")
    try:
        new = l_val + lr * math.exp(l_val) * (j_c - d)  # log λ ← log λ + η · λ · (J_C − d)
    except OverflowError:  # λ = e^l itself is beyond a float: report it as the divergence it is
        new = math.inf
    if max_log_lambda is not None:
        new = min(new, float(max_log_lambda))  # cap on λ (Safe RLHF's lambda_max)
    if not math.isfinite(new):
        raise ValueError(f"log_lambda diverged (log_lambda {l_val:.4g}, mean cost {j_c:.4g} vs limit {d:.4g}, "
                         f"lr {lr:.4g}): lower the lambda lr or set max_log_lambda")
    if isinstance(log_lambda, Tensor):
        return torch.tensor(new, dtype=log_lambda.dtype, device=log_lambda.device)
    return new


# ----------------------------------------------------------------------------------------------------------------------
# per-token KL estimators, for tokens x ~ pi (the policy); log r = log pi_ref(x) - log pi(x)
# (Schulman 2020, "Approximating KL divergence", http://joschu.net/blog/kl-approx.html)


def _log_ratio(logp: Tensor, ref_logp: Tensor) -> Tensor:
    if logp.shape != ref_logp.shape:
        raise ValueError(
            f"logp has shape {tuple(logp.shape)} but ref_logp has shape {tuple(ref_logp.shape)}; "
            "both must be per-token log-probs of the same sampled tokens"
        )
    return ref_logp - logp  # log r = log π_ref(x) − log π(x)   (B, T)


def kl_k1(logp: Tensor, ref_logp: Tensor) -> Tensor:
    """k1 = -log r = log pi(x) - log pi_ref(x): unbiased for KL(pi || pi_ref), high variance, can be negative.
    The estimator the N-details recipe puts in the per-token reward."""
    return -_log_ratio(logp, ref_logp)  # k1 = −log r


def kl_k2(logp: Tensor, ref_logp: Tensor) -> Tensor:
    """k2 = (log r)^2 / 2: always >= 0, low variance, biased (exact to second order when pi_ref is close to pi)."""
    log_r = _log_ratio(logp, ref_logp)
    return 0.5 * log_r.square()  # k2 = ½ (log r)²


def kl_k3(logp: Tensor, ref_logp: Tensor) -> Tensor:
    """k3 = (r - 1) - log r: unbiased for KL(pi || pi_ref), always >= 0 (since log r <= r - 1), low variance.
    (Its gradient, used inside a loss, is a biased estimate of the KL's gradient.)"""
    log_r = _log_ratio(logp, ref_logp)
    return torch.expm1(log_r) - log_r  # k3 = (e^{log r} − 1) − log r   (expm1 keeps precision near r = 1)


KL_ESTIMATORS = {"k1": kl_k1, "k2": kl_k2, "k3": kl_k3}


def kl_penalty(logp: Tensor, ref_logp: Tensor, kind: str = "k1") -> Tensor:
    """Per-token KL estimate of the given kind ("k1", "k2" or "k3"); same shape as logp."""
    if kind not in KL_ESTIMATORS:
        raise ValueError(f"unknown KL estimator kind {kind!r}; expected one of {sorted(KL_ESTIMATORS)}")
    return KL_ESTIMATORS[kind](logp, ref_logp)


# ----------------------------------------------------------------------------------------------------------------------
# PPO reward shaping (The N Implementation Details of RLHF with PPO; TRL)


def missing_end_penalty(ended: TensorLike, has_answer: TensorLike, penalty: float = 1.0) -> Tensor:
    """Format penalty: 0 for a well-formed response, -penalty when it never emitted the end token or has no answer
    section (the graders would score its text, but the policy must not learn to ramble past the budget):

        p = -penalty * 1[not (ended and has_answer)]

    ended, has_answer: bool tensors (or 0/1), broadcastable; returns the default float dtype.
    """
    ended = _as_bool_tensor(ended, "ended")
    has_answer = _as_bool_tensor(has_answer, "has_answer")
    penalty = float(penalty)
    if not (math.isfinite(penalty) and penalty >= 0):
        raise ValueError(f"penalty must be a finite number >= 0 (it is subtracted), got {penalty}")
    malformed = ~(ended & has_answer)
    return malformed.to(torch.get_default_dtype()) * -penalty  # p = −penalty · 1[malformed]


def per_token_rewards(score: Tensor, kl: Tensor, mask: Tensor, kl_coef: float) -> Tensor:
    """Per-token PPO rewards (B, T): the KL penalty on every response token, the sequence score at the last one.

        r_t = -beta * KL_t                  for every response token t (mask = 1)
        r_T = r_T + score                   T = the last token with mask = 1 (left or right padding both work)
        r_t = 0                             on padding (whatever kl holds there, even NaN or inf)

    score (B,): sequence reward (e.g. h*s plus penalties); kl (B, T): per-token KL estimate; mask (B, T): 1 on response
    tokens. NaN/inf in score, or in kl on a response token, and rows with no response token raise ValueError.
    """
    if score.ndim != 1 or kl.ndim != 2 or kl.shape != mask.shape or kl.shape[0] != score.shape[0]:
        raise ValueError(
            f"expected score (B,), kl (B, T) and mask (B, T); got score {tuple(score.shape)}, "
            f"kl {tuple(kl.shape)}, mask {tuple(mask.shape)}"
        )
    mask = _as_bool_tensor(mask, "mask")
    B, T = kl.shape
    if not torch.isfinite(score).all():
        rows = torch.nonzero(~torch.isfinite(score)).flatten().tolist()
        raise ValueError(f"score is NaN or infinite in rows {rows}")
    bad_kl = mask & ~torch.isfinite(kl)
    if bad_kl.any():
        rows = bad_kl.any(dim=1).nonzero().flatten().tolist()
        raise ValueError(f"kl is NaN or infinite on response tokens in rows {rows}")
    positions = torch.arange(T, device=kl.device).expand(B, T)  # (B, T)
    last = torch.where(mask, positions, -1).amax(dim=1)  # (B,) index of the last response token
    if (last < 0).any():
        raise ValueError(f"rows {(last < 0).nonzero().flatten().tolist()} have no response token (mask all 0)")
    rewards = torch.where(mask, -kl_coef * kl, torch.zeros_like(kl))  # r_t = −β·KL_t on response tokens   (B, T)
    return rewards.scatter_add(1, last[:, None], score[:, None].to(rewards.dtype))  # r_T += score


class AdaptiveKLController:
    """Adaptive KL coefficient (Ziegler et al. 2019, arXiv 1909.08593, §2.2; lm-human-preferences, TRL):

        e_t = clip(KL_t / KL_target - 1, -0.2, 0.2)          proportional error
        beta_{t+1} = beta_t * (1 + e_t * n_steps / horizon)  (K_beta = n_steps / horizon)

    beta rises when the policy drifts further than the target from the reference and falls when it stays closer.
    """

    def __init__(self, init_kl_coef: float, target: float, horizon: float):
        for name, v in (("init_kl_coef", init_kl_coef), ("target", target), ("horizon", horizon)):
            if not (math.isfinite(float(v)) and float(v) > 0):
                raise ValueError(f"{name} must be a positive number, got {v}")
        self.value = float(init_kl_coef)
        self.target = float(target)
        self.horizon = float(horizon)

    def update(self, current_kl: float, n_steps: int) -> float:
        """Update beta from the batch's mean KL, measured over n_steps samples (episodes); returns the new beta."""
        current_kl = float(current_kl)
        if not math.isfinite(current_kl):
            raise ValueError(f"current_kl must be finite, got {current_kl}")
        e = min(max(current_kl / self.target - 1.0, -0.2), 0.2)  # e_t = clip(KL/KL_target − 1, ±0.2)
        self.value *= 1.0 + e * n_steps / self.horizon  # β ← β · (1 + e_t · n / horizon)
        return self.value

    def state_dict(self) -> dict:
        return {"value": self.value, "target": self.target, "horizon": self.horizon}

    def load_state_dict(self, state: dict) -> None:
        self.value, self.target, self.horizon = float(state["value"]), float(state["target"]), float(state["horizon"])


class FixedKLController:
    """Constant KL coefficient beta; same interface as AdaptiveKLController."""

    def __init__(self, kl_coef: float):
        if not (math.isfinite(float(kl_coef)) and float(kl_coef) >= 0):
            raise ValueError(f"kl_coef must be a number >= 0, got {kl_coef}")
        self.value = float(kl_coef)

    def update(self, current_kl: float, n_steps: int) -> float:
        return self.value

    def state_dict(self) -> dict:
        return {"value": self.value}

    def load_state_dict(self, state: dict) -> None:
        self.value = float(state["value"])
