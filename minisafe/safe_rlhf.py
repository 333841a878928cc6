"""Safe RLHF (Dai et al. 2023, arXiv 2310.12773), the Lagrangian baseline of `train_rl.py --reward lagrangian`, in
one place: its equations, and what it adds to PPO, a cost critic and a Lagrange multiplier, as PKU-Alignment runs it.

    maximise J_R = E[h]  subject to  J_C = E[c] <= d,   c = 1 - s: the cost of an answer
    A = (A_r - lambda * A_c) / (1 + lambda)                          the policy's advantage (then whitened)
    log lambda <- min(log lambda + lr * lambda * (J_C - d), max)    J_C: mean cost of the last --cost-window episodes

The cost has its own critic on the policy's backbone; -beta*KL is in the reward and +beta*KL in the cost, so the KL
keeps its weight beta in A whatever lambda is.
"""

from __future__ import annotations

import math
from collections import deque

import torch
from torch import Tensor

from minisafe import rewards, training
from minisafe.ppo import value_loss


def safety_cost(s: Tensor) -> Tensor:
    """The cost of an answer: c = 1 - s, in [0, 1] (0 for a fully safe answer)."""
    return 1.0 - s  # c = 1 − s


def lagrangian_advantage(adv_r: Tensor, adv_c: Tensor, log_lambda: float) -> Tensor:
    """The policy's advantage (§3.3), lambda = exp(log_lambda):

        A = (A_r - lambda * A_c) / (1 + lambda) = sigmoid(-log lambda) * A_r - sigmoid(log lambda) * A_c

    The sigmoid form is the same number but stays finite for any log lambda (no inf/inf): lambda = 0 (log lambda =
    -inf) gives A_r exactly, lambda -> inf gives -A_c. lambda is a constant for the policy step.
    """
    ll = torch.as_tensor(log_lambda, dtype=adv_r.dtype, device=adv_r.device)
    return torch.sigmoid(-ll) * adv_r - torch.sigmoid(ll) * adv_c  # (A_r − λ·A_c) / (1 + λ)


def update_log_lambda(log_lambda: float, mean_cost: float, cost_limit: float, lr: float,
                      max_log_lambda: float | None = None) -> float:
    """One step of gradient ascent on the Lagrangian's constraint term, in log space (§3.3):

        L(lambda) = lambda * (J_C - d),   lambda = exp(l)   =>   dL/dl = lambda * (J_C - d)
        l <- l + lr * lambda * (J_C - d)        [then l <- min(l, max_log_lambda) if given]

    log lambda rises while the constraint is violated (J_C > d) and falls otherwise, so lambda stays >= 0 without a
    projection. This is the exact gradient step (the reference code takes it with Adam, which rescales it).
    """
    new = log_lambda + lr * math.exp(log_lambda) * (mean_cost - cost_limit)  # log λ ← log λ + η · λ · (J_C − d)
    return new if max_log_lambda is None else min(new, max_log_lambda)  # cap on λ (Safe RLHF's lambda_max)


class SafeRLHF:
    """Safe RLHF on top of train_rl.py's PPO (`class LagrangianPPO(SafeRLHF, PPO)`): each method adds to PPO's own
    through super(). PPO optimises the score h; the cost stream, its critic and lambda live here."""
    CRITICS = ("value_head", "cost_value_head")

    def __init__(self, *args):
        super().__init__(*args)
        self.log_lambda, self.recent_costs = 0.0, deque(maxlen=self.cfg.cost_window)

    def state_dict(self) -> dict:
        return {**super().state_dict(), "log_lambda": self.log_lambda, "recent_costs": list(self.recent_costs)}

    def load_state_dict(self, state: dict) -> None:
        super().load_state_dict(state)
        self.log_lambda = state.get("log_lambda", 0.0)
        self.recent_costs.extend(state.get("recent_costs", []))

    @torch.no_grad()
    def advantages(self, ro, score, s, warm_up: bool, step: int):
        batch = super().advantages(ro, score, s, warm_up, step)      # the reward's: A_r, V_r
        mask, head = batch.mask, self.critics["cost_value_head"]
        self.cost = safety_cost(s).to(self.device)                    # c = 1 - s   (B,)
        cost_rewards = rewards.per_token_rewards(self.cost, -batch.kl, mask, self.kl_ctl.value)  # +beta*KL_t, + c
        self.old_cost_values, adv_c, self.cost_returns, ev = self.gae(head, cost_rewards, batch.hidden, mask, warm_up)
        batch.stats["cost_explained_variance"] = ev
        batch.advantages = lagrangian_advantage(batch.advantages, adv_c, self.log_lambda)
        return batch

    def loss(self, batch, idx: list[int], logp, hidden, entropy) -> tuple[Tensor, dict]:
        loss, stats = super().loss(batch, idx, logp, hidden, entropy)
        vc_loss, _ = value_loss(self.critics["cost_value_head"](hidden), self.old_cost_values[idx],
                                self.cost_returns[idx], batch.mask[idx], self.cfg.value_clip_eps)
        return loss + self.cfg.vf_coef * vc_loss, {**stats, "cost_value_loss": vc_loss.item()}

    def after_update(self) -> dict:
        """Step lambda on the mean cost of the last --cost-window episodes (of every process)."""
        self.recent_costs.extend(training.all_gather(self.cost).tolist())
        window_cost = sum(self.recent_costs) / len(self.recent_costs)
        self.log_lambda = update_log_lambda(self.log_lambda, window_cost, self.cfg.cost_limit, self.cfg.lambda_lr,
                                            self.cfg.max_log_lambda)
        return {"lambda": round(math.exp(self.log_lambda), 5), "window_cost": round(window_cost, 5)}
