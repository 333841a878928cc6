"""PPO with reward = helpfulness x safety: the RL stage of safe-completion training (Yuan et al. 2025, §3.2).

Score the *final answer* with two reward heads (helpfulness h, safety s, both in [0, 1]) and maximise h * s: an unsafe
answer earns nothing however helpful, and a good safe-completion beats a bare refusal. The PPO details follow "The N
Implementation Details of RLHF with PPO" (Huang et al. 2023). One iteration, `PPO.iteration`, top to bottom:

  1. rollout     prompts of the world's rl split -> reasoning + answer at temperature T (the KV-cache sampler)
  2. score       r = h * s of the final answer (the heads never see the reasoning), -1 without <|end|> or an answer
  3. advantages  r_t = -beta * KL_t to the frozen SFT policy on every token, + r at the last one; GAE from a value
                 head on the policy's backbone, fitted to the first rollout before the policy moves; whitened
  4. update      epochs x minibatches x micro-batches of the clipped policy and value losses, at a learning rate
                 annealed over the run; two on-policy checks warn, then stop the run

The baselines sit beside this path, each in one place: --reward additive and refusal are other scores (`SCORES`),
--reward lagrangian is Safe RLHF (minisafe/safe_rlhf.py). Under `torchrun --nproc_per_node 2 train_rl.py ...` each
process rolls out its share and every mean is the whole batch's (training.all_reduce): 2 processes train what 1 would.

  python train_rl.py --init-from runs/sc_sft --reward-heads runs/rm --out runs/sc_rl
  python train_rl.py --init-from runs/rf_sft --reward-heads runs/rm_rf --reward-labels refusal --out runs/rf_rl
  python train_rl.py --init-from runs/sc_sft --reward lagrangian --reward-source grader --out runs/lag_rl
A run killed at any moment continues with the same command plus --resume.
"""

from __future__ import annotations

import contextlib
import math
import os
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import torch
from tqdm import tqdm

from minisafe import config as C
from minisafe import reward_model, rewards, training
from minisafe.cli import claim_out, run_main
from minisafe.config import opt
from minisafe.hf import load_pretrained, save_pretrained
from minisafe.generation import check_model
from minisafe.io import DataError, atomic_write_json, tokenizer_sha256
from minisafe.ppo import (ValueHead, check_on_policy, compute_gae, explained_variance, forward_response, masked_mean,
                          masked_whiten, policy_loss, rollout, value_loss, warm_up_value_head)
from minisafe.safe_rlhf import SafeRLHF
from minisafe.tokenizer import ChatTokenizer
from minisafe.world import graders, spec
from minisafe.world.prompts import load_prompts, world_of
from minisafe.world.reward_data import LABELS


@dataclass
class PPOConfig:
    """Every field is a command-line option (--field-name); presets override fields."""
    iterations: int = opt(40, "PPO iterations (rollout + update)", gt=0)
    batch_size: int = opt(64, "prompts per iteration (global, over all processes)", gt=0)
    minibatch_size: int = opt(32, "rows per optimizer step (global)", gt=0)
    micro_batch_size: int = opt(16, "rows per forward/backward on one process", gt=0)
    ppo_epochs: int = opt(2, "passes over each rollout batch", gt=0)
    max_new_tokens: int = opt(160, "response budget in tokens (reasoning + answer)", gt=0)
    temperature: float = opt(0.8, "sampling temperature, also dividing the logits in the update; 0 = greedy", ge=0)
    lr: float = opt(3e-5, "peak learning rate of the policy", gt=0)
    value_lr: float | None = opt(1e-3, "peak learning rate of the critic(s), same schedule (none: --lr)", gt=0)
    value_warmup_steps: int = opt(200, "critic-only steps on the first rollout's returns, before any update", ge=0)
    min_lr_ratio: float = opt(0.1, "the cosine decay's floor, as a fraction of --lr", ge=0.0, le=1.0)
    lr_decay_iterations: int | None = opt(None, "the decay's length (none: --iterations; set it to extend a run)", gt=0)
    grad_clip: float = opt(1.0, "clip the global gradient norm to this", gt=0)
    clip_eps: float = opt(0.2, "policy ratio clip epsilon", ge=0)
    value_clip_eps: float = opt(0.2, "value clip epsilon", ge=0)
    vf_coef: float = opt(0.1, "value loss weight", ge=0)
    ent_coef: float = opt(0.0, "entropy bonus weight", ge=0)
    gamma: float = opt(1.0, "GAE discount", ge=0.0, le=1.0)
    gae_lambda: float = opt(1.0, "GAE lambda (1: the whole end-of-answer score reaches every token)", ge=0.0, le=1.0)
    kl_coef: float = opt(0.05, "beta of the per-token KL penalty (initial beta with --kl-target)", ge=0)
    kl_estimator: str = opt("k1", "per-token KL estimator in the reward", choices=["k1", "k2", "k3"])
    kl_target: float | None = opt(None, "adaptive beta aiming at this KL per sequence (Ziegler et al. 2019)", gt=0)
    kl_horizon: float = opt(1000, "adaptive KL horizon in episodes (~0.4 x the run's: beta moves up to e^0.5)", gt=0)
    missing_end_penalty: float = opt(1.0, "subtracted from the score of a response without <|end|> or answer", ge=0)
    reward: str = opt("safe_completion", "safe_completion: h*s; additive: (h+s)/2; refusal: the comply/refuse "
                      "decision; lagrangian: Safe RLHF (reward h, cost 1-s)",
                      choices=["safe_completion", "additive", "refusal", "lagrangian"])
    reward_source: str = opt("heads", "heads: the reward heads; grader: the graders (an oracle)",
                             choices=["heads", "grader"])
    reward_labels: str = opt("safe_completion", "the judge h and s come from: as the heads learned it "
                             "(train_rewards.py --labels), or itself (--reward-source grader)", choices=sorted(LABELS))
    cost_limit: float = opt(0.05, "lagrangian: allowed mean episode cost 1 - s (d)", ge=0.0, le=1.0)
    lambda_lr: float = opt(0.05, "lagrangian: step size of log lambda", gt=0)
    max_log_lambda: float = opt(4.0, "lagrangian: cap on log lambda (lambda <= e^4 = 55)", le=50.0)
    cost_window: int = opt(128, "lagrangian: lambda follows the mean cost of this many recent episodes", gt=0)
    logprob_gap_warn: float = opt(1e-2, "warn when the update's log-probs differ from the sampler's by more", gt=0)
    logprob_gap_stop: float = opt(0.5, "stop the run when they differ by more than this", gt=0)
    grader_every: int = opt(5, "also grade the rollout with the graders every K iterations (0: never)", ge=0)
    save_every: int = opt(10, "checkpoint every N iterations (and at the end)", gt=0)
    seed: int = opt(0, "seed of the prompt order and the sampling", ge=0, le=2**32 - 1)

    def validate(self, world_size: int = 1) -> "PPOConfig":
        """check() every field, then the rules across fields; ValueError naming the flag. Returns self."""
        C.check(self)
        if 0 < self.temperature < 0.01:   # logits / T overflow to inf
            raise ValueError(f"--temperature {self.temperature}: use 0 (greedy) or at least 0.01")
        if self.logprob_gap_warn > self.logprob_gap_stop:
            raise ValueError(f"--logprob-gap-warn ({self.logprob_gap_warn}) must be <= --logprob-gap-stop "
                             f"({self.logprob_gap_stop})")
        if self.batch_size % self.minibatch_size:   # each process rolls out batch/ws rows, steps on minibatch/ws
            raise ValueError(f"--batch-size {self.batch_size} must be a multiple of --minibatch-size "
                             f"{self.minibatch_size}")
        if self.minibatch_size % world_size:
            raise ValueError(f"--minibatch-size {self.minibatch_size} must split evenly over {world_size} processes")
        return self


PRESETS = {
    "smoke": dict(iterations=2, batch_size=8, minibatch_size=8, micro_batch_size=8, ppo_epochs=1,
                  max_new_tokens=48, grader_every=1, save_every=1),
    "cpu": dict(),
    "gpu": dict(iterations=200, batch_size=256, minibatch_size=64, micro_batch_size=32, ppo_epochs=2,
                max_new_tokens=256, lr=1e-5, save_every=20, kl_horizon=20_000),
}


def preset_config(name: str) -> PPOConfig:
    return replace(PPOConfig(), **PRESETS[name])


# ----------------------------------------------------------------------------------------------------------------
# 2. the score of an answer: h * s, or a baseline's


def refusal_score(h, s, rows: list[dict], answers: list, world) -> torch.Tensor:
    """Refusal training's reward: 1 for the right comply/refuse decision, read off the answer by the graders' refusal
    detector; "refuse" is right for any request for restricted content (coarser than World.intent_refuses)."""
    refused = torch.tensor([graders.grade(world, r, a or "").refused for r, a in zip(rows, answers)])
    return rewards.refusal_reward(refused, torch.tensor([graders.asks_restricted(r) for r in rows]))


SCORES = {  # --reward -> the score of each final answer (B,): the paper's h * s, or a baseline's
    "safe_completion": lambda h, s, *_: rewards.safe_completion_reward(h, s),   # r = h * s
    "additive": lambda h, s, *_: rewards.additive_reward(h, s),                 # r = (h + s) / 2
    "refusal": refusal_score,
    "lagrangian": lambda h, s, *_: h,    # Safe RLHF's reward; minisafe/safe_rlhf.py adds the cost 1 - s
}


def score_rollout(cfg: PPOConfig, rows, completions, heads: dict, tok, world, device):
    """Step 2: (score, h, s), each (B,). h and s of the final answer come from the heads, or from the judge they
    learned (--reward-source grader); both are 0 for a response with no answer. score = --reward's score, minus
    --missing-end-penalty for a response with no <|end|> or no answer (it must not learn to ramble)."""
    answers = [c.answer for c in completions]
    if cfg.reward_source == "grader":
        judged = [LABELS[cfg.reward_labels](world, r, a or "") for r, a in zip(rows, answers)]
        h, s = torch.tensor([j["h"] for j in judged]), torch.tensor([j["s"] for j in judged])
    else:
        prompts = [r["prompt"] for r in rows]
        h = reward_model.score(heads["helpfulness"], tok, prompts, answers, device=device)
        s = reward_model.score(heads["safety"], tok, prompts, answers, device=device)
    rewards.check_unit_interval(h, "h (helpfulness)")   # head scores become rewards here: checked, never clamped
    rewards.check_unit_interval(s, "s (safety)")
    has_answer = torch.tensor([a is not None for a in answers])
    h, s = h * has_answer, torch.where(has_answer, s, torch.zeros_like(s))
    ended = torch.tensor([c.ended for c in completions])
    score = SCORES[cfg.reward](h, s, rows, answers, world)
    score = score + rewards.missing_end_penalty(ended, has_answer, cfg.missing_end_penalty)
    return score.to(device), h, s


# ----------------------------------------------------------------------------------------------------------------
# one PPO run


@dataclass
class Batch:
    """Step 3's output: what the update compares against, per response token (B, R)."""
    mask: torch.Tensor          # 1 on response tokens (up to and including <|end|>)
    old_logp: torch.Tensor      # log pi_old(a_t), the policy that sampled
    kl: torch.Tensor            # KL_t to the reference
    hidden: torch.Tensor        # (B, R, D) the states the critics read
    old_values: torch.Tensor    # V_old(s_t)
    returns: torch.Tensor       # R_t = A_t + V_old(s_t), the value target
    advantages: torch.Tensor    # A_t (whitened by `iteration`)
    rollout_gap: float          # max |log-prob of the full forward - the sampler's|: 0 unless something is off
    stats: dict                 # explained variance of the critic(s)


BF16_SAMPLER_GAP_WARN = 0.3   # --dtype bf16: the rollout check warns past this (or --logprob-gap-warn if larger)


class PPO:
    """The paper's RL stage: the policy, its frozen reference, the critic, the reward heads, on one process."""
    CRITICS = ("value_head",)   # heads on the policy's backbone, trained beside it at --value-lr (outside DDP)

    def __init__(self, cfg: PPOConfig, args, out: Path, device, rank: int, world_size: int):
        self.cfg, self.out, self.device, self.rank, self.world_size = cfg, out, device, rank, world_size
        init = Path(args.init_from)
        self.tok = ChatTokenizer.from_file(init / "tokenizer.json")
        # --dtype bf16: forwards under autocast (self.amp()); the trained policy and critic keep fp32 weights and
        # AdamW state, the frozen reference and reward heads hold bf16 weights (half the memory)
        self.amp = lambda: training.autocast(device, args.dtype)
        self.bf16 = training.bf16(device, args.dtype)
        frozen = torch.bfloat16 if self.bf16 else torch.float32
        self.policy = load_pretrained(init).to(device)                                   # trained; the sampler
        check_model(self.policy, init)   # NaN weights, or a tokenizer other than the one it was trained with
        if cfg.max_new_tokens >= self.policy.config.max_seq_len:
            raise DataError(f"--max-new-tokens {cfg.max_new_tokens}: must be below the context of --init-from "
                            f"({self.policy.config.max_seq_len} tokens), which also holds the prompt")
        self.reference = load_pretrained(init, dtype=frozen).to(device).eval().requires_grad_(False)   # KL anchor
        d_model, vocab = self.policy.config.d_model, self.policy.config.vocab_size
        self.critics = {name: ValueHead(d_model).to(device) for name in self.CRITICS}   # zero-initialised
        self.value_head = self.critics["value_head"]
        self.heads = {}                                       # helpfulness, safety: of this judge and tokenizer
        if cfg.reward_source == "heads":
            self.heads = reward_model.load_heads(args.reward_heads, cfg.reward_labels, self.tok, vocab, device)
            for rm in self.heads.values():
                rm.backbone.to(frozen)   # the scalar head reads its state in fp32
        self.world = spec.load_world()
        self.critic_params = [p for head in self.critics.values() for p in head.parameters()]
        groups = [{"params": list(self.policy.parameters()), "lr_scale": 1.0},     # x the schedule's lr
                  {"params": self.critic_params, "lr_scale": (cfg.value_lr or cfg.lr) / cfg.lr}]
        self.optimizer = training.AdamW(groups, lr=cfg.lr, betas=(0.9, 0.95), weight_decay=0.0, eps=1e-5)
        self.kl_ctl = (rewards.AdaptiveKLController(cfg.kl_coef, cfg.kl_target, cfg.kl_horizon) if cfg.kl_target
                       else rewards.FixedKLController(cfg.kl_coef))
        self.train_policy = self.policy   # DistributedDataParallel(policy) under torchrun, see `main`
        self.modules = {"policy": self.policy, **self.critics}   # what a checkpoint holds

    def state_dict(self) -> dict:
        return {"kl_coef": self.kl_ctl.value}

    def load_state_dict(self, state: dict) -> None:
        self.kl_ctl.value = state.get("kl_coef", self.kl_ctl.value)

    def iteration(self, it: int, rl_rows: list[dict]) -> dict:
        """Steps 1-4 on this process's share of the iteration's prompts; returns the iteration's metrics row."""
        cfg, step, t0 = self.cfg, it + 1, time.time()
        lr = training.lr_at(it, cfg.lr_decay_iterations or cfg.iterations, cfg.lr, 0, cfg.min_lr_ratio)
        for group in self.optimizer.param_groups:
            group["lr"] = lr * group["lr_scale"]
        # 1. rollout: this process's share of a batch drawn from (seed, iteration) alone
        order = torch.Generator().manual_seed(training.seed_of(cfg.seed, it))   # also shuffles the minibatches
        pick = torch.randperm(len(rl_rows), generator=order)[: cfg.batch_size].tolist()
        rows = [rl_rows[i] for i in pick][self.rank::self.world_size]
        sampling = torch.Generator(device=self.device).manual_seed(training.seed_of(cfg.seed, it * 1000 + self.rank))
        self.policy.eval()
        with self.amp():
            ro = rollout(self.policy, self.tok, rows, cfg.max_new_tokens, cfg.temperature, sampling, self.device)
        t1 = time.time()
        # 2. score the final answers
        with self.amp():
            score, h, s = score_rollout(cfg, rows, ro.completions, self.heads, self.tok, self.world, self.device)
        training.check_finite("reward", float(score.sum()), self.out, step)
        t2 = time.time()
        # 3. advantages, whitened over the whole batch
        batch = self.advantages(ro, score, s, warm_up=it == 0 and cfg.value_warmup_steps > 0, step=step)
        batch.advantages = masked_whiten(batch.advantages, batch.mask)
        # 4. the clipped PPO update
        stats, logprob_gap = self.update(ro, batch, order, step)
        t3 = time.time()
        seq_kl = self.mean(batch.kl.sum(1))   # beta (and lambda) follow the whole batch
        self.kl_ctl.update(seq_kl, cfg.batch_size)
        row = {"step": step, "h": round(self.mean(h), 5), "s": round(self.mean(s), 5),
               "reward": round(self.mean(score), 5), "kl": round(seq_kl, 5), "kl_coef": self.kl_ctl.value, "lr": lr,
               **{k: round(sum(v) / len(v), 5) for k, v in stats.items()},
               **{k: (None if math.isnan(v) else round(v, 5)) for k, v in batch.stats.items()},
               "logprob_gap": logprob_gap, "rollout_logprob_gap": batch.rollout_gap,
               "response_len": batch.mask.sum(1).mean().item(), "end_rate": ro.ended.float().mean().item(),
               "seconds_rollout": round(t1 - t0, 2), "seconds_score": round(t2 - t1, 2),
               "seconds_update": round(t3 - t2, 2), **self.after_update()}
        if cfg.grader_every and (it % cfg.grader_every == 0 or step == cfg.iterations):
            row |= graders.summary(self.world, rows, [c.answer for c in ro.completions])
        return row

    def mean(self, x: torch.Tensor) -> float:
        """The mean of x over the whole batch: of every process's mean (every process holds as many rows)."""
        return training.all_reduce(torch.tensor([x.mean().item()], dtype=torch.float64)).item() / self.world_size

    @torch.no_grad()
    def advantages(self, ro, score, s, warm_up: bool, step: int) -> Batch:
        """Step 3: old and reference log-probs, per-token rewards, values, GAE (s: Safe RLHF's cost needs it)."""
        cfg, mask = self.cfg, ro.response_mask.float()                                             # (B, R)
        old_logp, hidden, _ = forward_response(self.policy, ro.ids, ro.attention_mask, ro.prompt_len, cfg.temperature,
                                               autocast=self.amp())
        ref_logp, _, _ = forward_response(self.reference, ro.ids, ro.attention_mask, ro.prompt_len, cfg.temperature,
                                          autocast=self.amp())
        # on-policy check: the full forward must reproduce the sampler's log-probs (else: temperature, padding, dtype)
        # bf16: the sampler's logits are bf16, the forward's log-probs fp32 (max gap 0.16 on SmolLM2-135M, docs/gpu.md)
        warn = max(cfg.logprob_gap_warn, BF16_SAMPLER_GAP_WARN) if self.bf16 else cfg.logprob_gap_warn
        gap = check_on_policy("rollout_logprob_gap", old_logp, ro.sample_logp, mask, warn, cfg.logprob_gap_stop, step)
        kl = rewards.kl_penalty(old_logp, ref_logp, cfg.kl_estimator) * mask                       # KL_t
        token_rewards = rewards.per_token_rewards(score, kl, mask, self.kl_ctl.value)  # -beta*KL_t, + score at the end
        old_values, advantages, returns, ev = self.gae(self.value_head, token_rewards, hidden, mask, warm_up)
        return Batch(mask, old_logp, kl, hidden, old_values, returns, advantages, gap, {"explained_variance": ev})

    def gae(self, head: ValueHead, token_rewards, hidden, mask, warm_up: bool):
        """V_old(s_t) of a critic, the advantages A_t and returns R_t, and how much of R's variance V explains
        (1 - Var[R - V] / Var[R]). With warm_up the critic is first fitted to the rollout's Monte Carlo returns (GAE
        with lambda 1 and V = 0), before the policy moves."""
        cfg = self.cfg
        if warm_up:
            mc_return = compute_gae(token_rewards, torch.zeros_like(token_rewards), mask, cfg.gamma, 1.0)[1]
            with torch.enable_grad():
                warm_up_value_head(head, hidden, mc_return, mask, cfg.value_lr or cfg.lr, cfg.value_warmup_steps)
        values = head(hidden)
        advantages, returns = compute_gae(token_rewards, values * mask, mask, cfg.gamma, cfg.gae_lambda)
        return values, advantages, returns, explained_variance(values, returns, mask)

    def loss(self, batch: Batch, idx: list[int], logp, hidden, entropy) -> tuple[torch.Tensor, dict]:
        """The clipped PPO objective on rows idx: policy loss + vf_coef * value loss - ent_coef * entropy."""
        cfg, mask = self.cfg, batch.mask[idx]
        pg_loss, pg_stats = policy_loss(logp, batch.old_logp[idx], batch.advantages[idx], mask, cfg.clip_eps)
        v_loss, v_stats = value_loss(self.value_head(hidden), batch.old_values[idx], batch.returns[idx], mask,
                                     cfg.value_clip_eps)
        ent = masked_mean(entropy, mask)
        loss = pg_loss + cfg.vf_coef * v_loss - cfg.ent_coef * ent
        return loss, {"pg_loss": pg_loss.item(), "value_loss": v_loss.item(), "entropy": ent.item(), **pg_stats,
                      **v_stats}

    def update(self, ro, batch: Batch, order: torch.Generator, step: int) -> tuple[dict, float]:
        """Step 4: epochs x minibatches (one optimizer step each) x micro-batches (gradient accumulation)."""
        cfg, stats, gap = self.cfg, {}, None
        params = list(self.policy.parameters()) + self.critic_params
        self.policy.train()
        for epoch in range(cfg.ppo_epochs):
            perm = torch.randperm(len(ro.completions), generator=order).tolist()
            size = cfg.minibatch_size // self.world_size
            for start in range(0, len(perm), size):
                minibatch = perm[start:start + size]
                micro = [minibatch[j:j + cfg.micro_batch_size] for j in range(0, len(minibatch), cfg.micro_batch_size)]
                n_tokens = training.all_reduce(batch.mask[minibatch].sum())   # the loss is a mean over all of them
                for k, idx in enumerate(micro):
                    sync = k == len(micro) - 1 or self.world_size == 1   # DDP syncs gradients on the last one
                    with contextlib.nullcontext() if sync else self.train_policy.no_sync():
                        logp, hidden, entropy = forward_response(self.train_policy, ro.ids[idx], ro.attention_mask[idx],
                                                                 ro.prompt_len, cfg.temperature, return_entropy=True,
                                                                 autocast=self.amp())
                        loss, micro_stats = self.loss(batch, idx, logp, hidden, entropy)
                        if gap is None:   # on-policy check: same weights, same tokens -> same log-probs
                            gap = check_on_policy("logprob_gap", logp.detach(), batch.old_logp[idx], batch.mask[idx],
                                                  cfg.logprob_gap_warn, cfg.logprob_gap_stop, step)
                        training.check_finite("loss", loss.item(), self.out, step)
                        # micro-batches weighted by their tokens; x world_size because DDP averages the processes
                        (loss * batch.mask[idx].sum() * self.world_size / n_tokens).backward()
                    for key, v in micro_stats.items():
                        stats.setdefault(key, []).append(v)
                for p in self.critic_params:   # the critics are outside DDP: average their gradients by hand
                    training.all_reduce(p.grad, "avg")
                stats.setdefault("grad_norm", []).append(torch.nn.utils.clip_grad_norm_(params, cfg.grad_clip).item())
                self.optimizer.step()
                self.optimizer.zero_grad()
        return stats, gap

    def after_update(self) -> dict:
        return {}


# ----------------------------------------------------------------------------------------------------------------
# the run: setup, resume, iterations, checkpoints


def main(argv=None) -> dict:
    p = C.parser(__doc__)
    g = p.add_argument_group("models")
    g.add_argument("--init-from", required=True, help="the SFT policy; also the frozen KL reference")
    g.add_argument("--reward-heads", help="directory with helpfulness/ and safety/ heads (train_rewards.py)")
    g.add_argument("--world", help="world directory (default: beside --init-from)")
    g.add_argument("--out", required=True, help="output run directory; ends as a loadable model directory")
    C.run_options(p, PRESETS)
    C.add_dataclass_args(p.add_argument_group("PPO (defaults are the cpu preset's)"), PPOConfig, preset_config("cpu"))
    args = p.parse_args(argv)
    cfg = C.from_args(PPOConfig, args, preset_config(args.preset)).validate(int(os.environ.get("WORLD_SIZE", 1)))
    if cfg.reward_source == "heads" and not args.reward_heads:
        raise DataError("--reward-source heads needs --reward-heads DIR (or use --reward-source grader)")
    device = training.pick_device(args.device)
    rank, world_size = training.init_distributed(device)
    out = claim_out(args.out) if rank == 0 else Path(args.out)   # made, writable, and this run's alone
    training.check_out(out, args.resume)
    ppo = (LagrangianPPO if cfg.reward == "lagrangian" else PPO)(cfg, args, out, device, rank, world_size)
    world_dir = world_of(args.init_from, args.world)   # whose rl split PPO samples prompts from
    rl_rows = [r for r in load_prompts(world_dir / "prompts.jsonl") if r["split"] == "rl"]
    if len(rl_rows) < cfg.batch_size:
        raise DataError(f"{world_dir / 'prompts.jsonl'}: {len(rl_rows)} rl prompts, fewer than --batch-size "
                        f"{cfg.batch_size}")
    run_state = {"kind": "rl", "init_from": str(Path(args.init_from)), "reward_heads": args.reward_heads,
                 "world": str(world_dir), "tokenizer_sha256": tokenizer_sha256(ppo.tok), "config": asdict(cfg)}
    state = training.resume(out, ppo.modules, ppo.optimizer, lambda: save_pretrained(ppo.policy, out, ppo.tok),
                            rank == 0, args.resume, record=run_state)
    ppo.load_state_dict(state)
    if world_size > 1:
        ppo.train_policy = torch.nn.parallel.DistributedDataParallel(ppo.policy)
    if rank == 0:
        atomic_write_json(out / "rl_run.json", run_state)
    bar = tqdm(range(state["step"], cfg.iterations), initial=state["step"], total=cfg.iterations,
               disable=rank != 0, desc=f"ppo:{cfg.reward}", dynamic_ncols=True)
    for it in bar:
        row = ppo.iteration(it, rl_rows)
        if rank == 0:
            training.log_metrics(out, row)
            bar.set_postfix(r=f"{row['reward']:.3f}", h=f"{row['h']:.2f}", s=f"{row['s']:.2f}", kl=f"{row['kl']:.3f}")
            if (it + 1) % cfg.save_every == 0 or it + 1 == cfg.iterations:
                training.save_checkpoint(out, it + 1, ppo.modules, ppo.optimizer, {**ppo.state_dict(), **run_state})
                save_pretrained(ppo.policy, out, tokenizer=ppo.tok)
        training.barrier()
    summary = {"iterations": cfg.iterations, "reward": cfg.reward, "reward_source": cfg.reward_source,
               "reward_labels": cfg.reward_labels, "dtype": "bf16" if training.bf16(device, args.dtype) else "fp32"}
    if rank == 0:
        training.mark_done(out, "rl_summary.json", summary, f"--iterations {cfg.iterations}")
    ppo.train_policy = ppo.policy   # the DDP wrapper goes before the process group it holds
    training.cleanup_distributed()
    return summary


class LagrangianPPO(SafeRLHF, PPO):
    """--reward lagrangian: PPO with Safe RLHF's cost critic and Lagrange multiplier (minisafe/safe_rlhf.py)."""


if __name__ == "__main__":
    run_main(main)
