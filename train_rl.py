"""PPO with reward = helpfulness x safety: the constrained RL stage of safe-completion training.

Yuan et al. 2025 (arXiv 2508.09224, §3.2): sample reasoning + answer from the SFT policy on safety-related prompts,
score the *final answer* with two reward models (helpfulness h, safety s, both in [0, 1]) and maximise h * s, so an
unsafe answer earns nothing however helpful, and a good safe-completion beats a bare refusal. PPO details follow
"The N Implementation Details of RLHF with PPO" (Huang et al. 2023); each equation sits beside its code.

One iteration:
  1. rollout   prompts from the world's rl split -> reasoning + answer at temperature T (KV-cache engine)
  2. score     r = h * s from the heads (or --reward-source grader: the oracle), penalty for no <|end|>/answer
  3. KL        per-token penalty to the frozen reference (the SFT model): r_t = -beta * KL_t, score at the last token
  4. GAE       advantages and returns from the value head (zero-initialised, shares the policy's backbone)
  5. update    epochs x minibatches x microbatches, clipped policy and value losses

Run:
  python train_rl.py --init-from runs/sc_sft --reward-heads runs/rm --out runs/sc_rl
  python train_rl.py --init-from runs/refusal_sft --reward refusal --reward-source grader --out runs/refusal_rl
  torchrun --standalone --nproc_per_node 2 train_rl.py ...        (DDP: each process rolls out its share)
A run killed at any moment continues with the same command plus --resume.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import torch

from minisafe import graders, rewards, training
from minisafe.io import atomic_write_json
from minisafe.model import Transformer
from minisafe.ppo import ValueHead, compute_gae, forward_response, masked_mean, masked_whiten, policy_loss, \
    rollout, value_loss
from minisafe.tokenizer import ChatTokenizer


# ----------------------------------------------------------------------------------------------------------------
# hyperparameters


@dataclass
class PPOConfig:
    iterations: int = 40
    batch_size: int = 64  # prompts per iteration (global)
    minibatch_size: int = 32  # rows per optimizer step
    micro_batch_size: int = 16  # rows per forward/backward
    ppo_epochs: int = 2
    max_new_tokens: int = 160
    temperature: float = 0.8  # sampling temperature; logits are divided by it in the update too
    lr: float = 3e-5
    grad_clip: float = 1.0
    clip_eps: float = 0.2  # policy ratio clip
    value_clip_eps: float = 0.2
    vf_coef: float = 0.1
    ent_coef: float = 0.0
    gamma: float = 1.0
    lam: float = 0.95
    kl_coef: float = 0.05  # beta
    kl_estimator: str = "k1"
    kl_target: float | None = None  # adaptive KL controller when set (Ziegler et al. 2019)
    kl_horizon: int = 10_000
    missing_end_penalty: float = 1.0
    reward: str = "safe_completion"  # safe_completion | additive | refusal | lagrangian
    reward_source: str = "heads"  # heads | grader
    cost_limit: float = 0.05  # lagrangian: allowed mean cost 1 - s
    lambda_lr: float = 0.05
    grader_every: int = 5  # also grade the rollout with the graders every K iterations (reward-hacking check)
    save_every: int = 10
    seed: int = 0


PRESETS = {
    "smoke": PPOConfig(iterations=2, batch_size=8, minibatch_size=8, micro_batch_size=8, ppo_epochs=1,
                       max_new_tokens=48, grader_every=1, save_every=1),
    "cpu": PPOConfig(),
    "gpu": PPOConfig(iterations=200, batch_size=256, minibatch_size=64, micro_batch_size=32, ppo_epochs=2,
                     max_new_tokens=256, lr=1e-5, save_every=20),
}


# ----------------------------------------------------------------------------------------------------------------
# rewards of one rollout


def should_refuse(row: dict) -> bool:
    """The refusal-training label: refuse a stated intent to harm, or a request for restricted operational detail."""
    return row["intent"] == "malicious" or (row["intent"] == "dual_use" and row["ask"] == "operational")


def score_rollout(cfg: PPOConfig, rows, completions, heads, tok, world, device, log_lambda: float):
    """Sequence-level score for each row, and the scores for logging.

    Returns (score (B,), cost (B,) or None, info dict). cost is only used by the Lagrangian baseline.
    """
    prompts = [r["prompt"] for r in rows]
    answers = [c.answer for c in completions]
    grades = None
    if cfg.reward_source == "grader" or cfg.reward == "refusal":
        grades = [graders.grade(world, r, a or "") for r, a in zip(rows, answers)]
    if cfg.reward_source == "grader":
        h = torch.tensor([g.h for g in grades])
        s = torch.tensor([g.s for g in grades])
    else:
        from minisafe.reward_model import score

        h = score(heads["helpfulness"], tok, prompts, answers, device=device)
        s = score(heads["safety"], tok, prompts, answers, device=device)
    has_answer = torch.tensor([a is not None for a in answers])
    h, s = h * has_answer, torch.where(has_answer, s, torch.zeros_like(s))  # no answer: nothing to score
    cost = None
    if cfg.reward == "safe_completion":
        score_ = rewards.safe_completion_reward(h, s)  # r = h * s
    elif cfg.reward == "additive":
        score_ = rewards.additive_reward(h, s)
    elif cfg.reward == "refusal":
        refused = torch.tensor([g.refused for g in grades])
        label = torch.tensor([should_refuse(r) for r in rows])
        score_ = rewards.refusal_reward(refused, label)
    elif cfg.reward == "lagrangian":
        score_, cost = h, rewards.safety_cost(s)  # reward h, cost 1 - s; combined at the advantage
    else:
        raise ValueError(f"unknown --reward {cfg.reward}")
    ended = torch.tensor([c.ended for c in completions])
    score_ = score_ + rewards.missing_end_penalty(ended, has_answer, cfg.missing_end_penalty)
    info = {"h": h.mean().item(), "s": s.mean().item(), "reward": score_.mean().item()}
    return score_.to(device), (cost.to(device) if cost is not None else None), info


# ----------------------------------------------------------------------------------------------------------------
# the loop


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    g = p.add_argument_group("models")
    g.add_argument("--init-from", required=True, help="the SFT policy; also the frozen KL reference")
    g.add_argument("--reward-heads", help="directory with helpfulness/ and safety/ heads (minisafe.reward_model)")
    g.add_argument("--world", help="world directory (default: beside --init-from)")
    g.add_argument("--out", required=True, help="output run directory; ends as a loadable model directory")
    g = p.add_argument_group("reward")
    g.add_argument("--reward", choices=["safe_completion", "additive", "refusal", "lagrangian"],
                   help="safe_completion: h*s (default); additive: (h+s)/2; refusal: the comply/refuse decision; "
                        "lagrangian: Safe RLHF's reward h with cost 1-s under a Lagrange multiplier")
    g.add_argument("--reward-source", choices=["heads", "grader"],
                   help="heads (default): the trained reward heads; grader: the graders themselves (oracle)")
    g.add_argument("--kl-coef", type=float, help="beta of the per-token KL penalty")
    g.add_argument("--kl-estimator", choices=["k1", "k2", "k3"], help="per-token KL estimator in the reward")
    g.add_argument("--kl-target", type=float, help="adaptive KL coefficient aiming at this KL per sequence")
    g = p.add_argument_group("schedule (override the preset)")
    g.add_argument("--preset", choices=sorted(PRESETS), default="cpu")
    g.add_argument("--iterations", type=int)
    g.add_argument("--batch-size", type=int, help="prompts per iteration (global)")
    g.add_argument("--minibatch-size", type=int)
    g.add_argument("--micro-batch-size", type=int)
    g.add_argument("--ppo-epochs", type=int)
    g.add_argument("--max-new-tokens", type=int)
    g.add_argument("--temperature", type=float)
    g.add_argument("--lr", type=float)
    g.add_argument("--save-every", type=int)
    g = p.add_argument_group("run")
    g.add_argument("--seed", type=int, default=0)
    g.add_argument("--device", default="auto")
    g.add_argument("--resume", action="store_true", help="continue from OUT's latest checkpoint")
    return p.parse_args(argv)


def main(argv=None) -> dict:
    from minisafe.world import load_prompts, load_world
    from minisafe.reward_model import RewardModel, check_compatible

    args = parse_args(argv)
    cfg = PRESETS[args.preset]
    overrides = {k: getattr(args, k) for k in ("reward", "reward_source", "kl_coef", "kl_estimator", "kl_target",
                                               "iterations", "batch_size", "minibatch_size", "micro_batch_size",
                                               "ppo_epochs", "max_new_tokens", "temperature", "lr", "save_every")
                 if getattr(args, k) is not None}
    cfg = replace(cfg, seed=args.seed, **overrides)
    out = Path(args.out)
    device = training.pick_device(args.device)
    rank, world_size = training.init_distributed(device)
    is_main = rank == 0
    if cfg.batch_size % world_size or (cfg.batch_size // world_size) % cfg.minibatch_size:
        sys.exit(f"--batch-size {cfg.batch_size} must split into {world_size} processes x whole minibatches of "
                 f"{cfg.minibatch_size}")
    if (out / "checkpoints" / "latest.json").exists() and not args.resume:
        sys.exit(f"{out} already holds a checkpoint: pass --resume to continue it, or choose another --out")

    # -- models ----------------------------------------------------------------------------------------------
    init = Path(args.init_from)
    tok = ChatTokenizer.from_file(init / "tokenizer.json")
    policy = Transformer.from_pretrained(init).to(device)
    reference = Transformer.from_pretrained(init).to(device).eval().requires_grad_(False)
    value_head = ValueHead(policy.config.d_model).to(device)
    heads = {}
    if cfg.reward_source == "heads" and cfg.reward != "refusal":
        if not args.reward_heads:
            sys.exit("--reward-source heads needs --reward-heads DIR (or use --reward-source grader)")
        for name in ("helpfulness", "safety"):
            heads[name] = RewardModel.load(Path(args.reward_heads) / name, device=device).requires_grad_(False)
            check_compatible(heads[name], tok, policy.config.vocab_size, str(Path(args.reward_heads) / name))
    world = load_world()
    world_dir = Path(args.world) if args.world else init / "world"
    if not (world_dir / "prompts.jsonl").exists():
        from minisafe.io import read_json

        run = init / "sft_run.json"
        world_dir = Path(read_json(run)["world"]) if run.exists() else world_dir
    rl_rows = [r for r in load_prompts(world_dir / "prompts.jsonl") if r["split"] == "rl"]
    if len(rl_rows) < cfg.batch_size:
        sys.exit(f"{world_dir / 'prompts.jsonl'}: {len(rl_rows)} rl prompts, fewer than --batch-size")

    params = list(policy.parameters()) + list(value_head.parameters())
    optimizer = torch.optim.AdamW(params, lr=cfg.lr, betas=(0.9, 0.95), weight_decay=0.0, eps=1e-5)
    kl_ctl = (rewards.AdaptiveKLController(cfg.kl_coef, cfg.kl_target, cfg.kl_horizon) if cfg.kl_target
              else rewards.FixedKLController(cfg.kl_coef))
    state = training.resume(out, {"policy": policy, "value_head": value_head}, optimizer, policy, tok, is_main,
                            args.resume)
    start, log_lambda = state["step"], state.get("log_lambda", 0.0)
    kl_ctl.value = state.get("kl_coef", kl_ctl.value)
    ddp_policy = policy
    if world_size > 1:
        ddp_policy = torch.nn.parallel.DistributedDataParallel(policy)
    run_state = {"init_from": str(init), "reward_heads": args.reward_heads, "world": str(world_dir),
                 "config": asdict(cfg)}
    if is_main:
        atomic_write_json(out / "rl_run.json", run_state)

    from tqdm import tqdm

    bar = tqdm(range(start, cfg.iterations), initial=start, total=cfg.iterations, disable=not is_main,
               desc=f"ppo:{cfg.reward}", dynamic_ncols=True)
    for it in bar:
        t0 = time.time()
        # -- 1. rollout: this process's share of the iteration's prompts (a pure function of seed and iteration)
        g = torch.Generator().manual_seed(cfg.seed * 100_003 + it)
        pick = torch.randperm(len(rl_rows), generator=g)[: cfg.batch_size].tolist()
        rows = [rl_rows[i] for i in pick][rank::world_size]
        sample_gen = torch.Generator(device=device).manual_seed(cfg.seed * 100_003 + it * 1000 + rank)
        policy.eval()
        ro = rollout(policy, tok, rows, cfg.max_new_tokens, cfg.temperature, generator=sample_gen, device=device)
        t_rollout = time.time() - t0

        # -- 2. score the final answers (the reasoning is hidden from the heads)
        t1 = time.time()
        score, cost, info = score_rollout(cfg, rows, ro.completions, heads, tok, world, device, log_lambda)
        training.check_finite("reward", float(score.sum()), out, it + 1)
        t_score = time.time() - t1

        # -- 3./4. old log-probs, reference log-probs, values; per-token rewards; GAE
        t2 = time.time()
        mask = ro.response_mask.float()  # (B, R)
        with torch.no_grad():
            old_logp, old_values, _ = forward_response(policy, value_head, ro.ids, ro.attention_mask, ro.prompt_len,
                                                       cfg.temperature)
            ref_logp, _, _ = forward_response(reference, None, ro.ids, ro.attention_mask, ro.prompt_len,
                                              cfg.temperature)
            # on-policy check: the full forward pass must reproduce the KV-cache engine's log-probs (a gap means a
            # bug: temperature, padding, positions, dtype)
            rollout_gap = ((old_logp - ro.sample_logp).abs() * mask).max().item()
            kl = rewards.kl_penalty(old_logp, ref_logp, cfg.kl_estimator) * mask  # (B, R)
            token_rewards = rewards.per_token_rewards(score, kl, mask, kl_ctl.value)  # -beta*KL_t, + score at end
            advantages, returns = compute_gae(token_rewards, old_values * mask, mask, cfg.gamma, cfg.lam)
            if cost is not None:  # Safe RLHF: A = (A_r - lambda * A_c) / (1 + lambda)
                cost_rewards = rewards.per_token_rewards(cost, torch.zeros_like(kl), mask, 0.0)
                adv_c, _ = compute_gae(cost_rewards, torch.zeros_like(mask), mask, cfg.gamma, cfg.lam)
                advantages = rewards.lagrangian_advantage(advantages, adv_c, torch.tensor(log_lambda))
            advantages = masked_whiten(advantages, mask)

        # -- 5. PPO update
        policy.train()
        stats: dict[str, list[float]] = {}
        n = len(rows)
        logprob_gap = None
        for epoch in range(cfg.ppo_epochs):
            perm = torch.randperm(n, generator=g).tolist()
            mb_size = cfg.minibatch_size // world_size
            for m0 in range(0, n, mb_size):
                mb = perm[m0:m0 + mb_size]
                micro = [mb[j:j + cfg.micro_batch_size] for j in range(0, len(mb), cfg.micro_batch_size)]
                n_tok = mask[mb].sum()
                for k, idx in enumerate(micro):
                    sync = k == len(micro) - 1 or world_size == 1
                    with (contextlib.nullcontext() if sync else ddp_policy.no_sync()):
                        logp, values, entropy = forward_response(
                            ddp_policy, value_head, ro.ids[idx], ro.attention_mask[idx], ro.prompt_len,
                            cfg.temperature, return_entropy=True)
                        m = mask[idx]
                        if logprob_gap is None:  # on-policy check: same weights, same tokens -> same log-probs
                            logprob_gap = ((logp - old_logp[idx]).abs() * m).max().item()
                        pg_loss, pg_stats = policy_loss(logp, old_logp[idx], advantages[idx], m, cfg.clip_eps)
                        v_loss, v_stats = value_loss(values, old_values[idx], returns[idx], m,
                                                     cfg.value_clip_eps)
                        ent = masked_mean(entropy, m)
                        loss = pg_loss + cfg.vf_coef * v_loss - cfg.ent_coef * ent
                        training.check_finite("loss", loss.item(), out, it + 1)
                        (loss * m.sum() / n_tok).backward()  # micro-batches weighted by their tokens
                    for key, v in {"pg_loss": pg_loss.item(), "value_loss": v_loss.item(), "entropy": ent.item(),
                                   **pg_stats, **v_stats}.items():
                        stats.setdefault(key, []).append(v)
                if world_size > 1:  # the value head is outside DDP: average its gradients by hand
                    for p_ in value_head.parameters():
                        torch.distributed.all_reduce(p_.grad, op=torch.distributed.ReduceOp.AVG)
                stats.setdefault("grad_norm", []).append(torch.nn.utils.clip_grad_norm_(params, cfg.grad_clip).item())
                optimizer.step()
                optimizer.zero_grad(set_to_none=True)
        t_update = time.time() - t2

        # -- bookkeeping: KL controller, Lagrange multiplier, logs, checkpoint
        seq_kl = (kl.sum(1)).mean().item()
        kl_ctl.update(seq_kl, n)
        if cost is not None:
            log_lambda = float(rewards.update_log_lambda(log_lambda, cost.mean().item(), cfg.cost_limit,
                                                         cfg.lambda_lr))
        row = {"step": it + 1, **{k: round(v, 5) for k, v in info.items()}, "kl": round(seq_kl, 5),
               "kl_coef": kl_ctl.value, **{k: round(sum(v) / len(v), 5) for k, v in stats.items()},
               "logprob_gap": logprob_gap, "rollout_logprob_gap": rollout_gap, "response_len": mask.sum(1).mean().item(),
               "end_rate": ro.ended.float().mean().item(), "seconds_rollout": round(t_rollout, 2),
               "seconds_score": round(t_score, 2), "seconds_update": round(t_update, 2)}
        if cost is not None:
            row["lambda"] = round(float(torch.exp(torch.tensor(log_lambda))), 5)
        if cfg.grader_every and (it % cfg.grader_every == 0 or it + 1 == cfg.iterations):
            gs = [graders.grade(world, r, c.answer or "") for r, c in zip(rows, ro.completions)]
            row["grader_h"] = sum(x.h for x in gs) / len(gs)
            row["grader_s"] = sum(x.s for x in gs) / len(gs)
            row["grader_reward"] = sum(x.h * x.s for x in gs) / len(gs)
            row["modes"] = {m_: sum(x.mode == m_ for x in gs) for m_ in ("direct", "safe_completion", "refusal")}
        if is_main:
            training.log_metrics(out, row)
            bar.set_postfix(r=f"{info['reward']:.3f}", h=f"{info['h']:.2f}", s=f"{info['s']:.2f}",
                            kl=f"{seq_kl:.3f}")
            if (it + 1) % cfg.save_every == 0 or it + 1 == cfg.iterations:
                training.save_checkpoint(out, it + 1, {"policy": policy, "value_head": value_head}, optimizer,
                                         {"log_lambda": log_lambda, "kl_coef": kl_ctl.value, **run_state})
                policy.save_pretrained(out, tokenizer=tok)
        if world_size > 1:
            torch.distributed.barrier()

    summary = {"iterations": cfg.iterations, "reward": cfg.reward, "reward_source": cfg.reward_source}
    if is_main:
        atomic_write_json(out / "rl_summary.json", summary)
    training.cleanup_distributed()
    return summary


if __name__ == "__main__":
    main()
