"""PPO's pieces: GAE against hand-computed values, the clipped losses, the on-policy check, and a tiny task where
PPO must raise the reward within a few iterations."""

import math

import pytest
import torch

from minisafe.model import ModelConfig, Transformer
from minisafe.ppo import (ValueHead, compute_gae, explained_variance, forward_response, masked_mean, masked_whiten,
    policy_loss, value_loss, warm_up_value_head)


def test_gae_matches_hand_computed_values():
    """Three rows: full length, right-padded, left-padded; gamma = 1, lambda = 0.5."""
    rewards = torch.tensor([[0.0, 0.0, 1.0], [2.0, 7.0, 7.0], [7.0, 0.0, 3.0]])
    values = torch.tensor([[0.5, 0.4, 0.3], [1.5, 9.0, 9.0], [9.0, 1.0, 2.0]])
    mask = torch.tensor([[1, 1, 1], [1, 0, 0], [0, 1, 1]])
    adv, ret = compute_gae(rewards, values, mask, gamma=1.0, lam=0.5)
    # row 0: d2 = 1 - .3 = .7; d1 = 0 + .3 - .4 = -.1, A1 = -.1 + .5 * .7 = .25; d0 = .4 - .5 = -.1, A0 = .025
    # row 1: only t = 0 is real; the value after it is 0: A0 = 2 - 1.5 = .5
    # row 2: t = 0 is padding; d2 = 3 - 2 = 1; d1 = 0 + 2 - 1 = 1, A1 = 1 + .5 * 1 = 1.5
    expected_adv = torch.tensor([[0.025, 0.25, 0.7], [0.5, 0.0, 0.0], [0.0, 1.5, 1.0]])
    expected_ret = torch.tensor([[0.525, 0.65, 1.0], [2.0, 0.0, 0.0], [0.0, 2.5, 3.0]])
    torch.testing.assert_close(adv, expected_adv)
    torch.testing.assert_close(ret, expected_ret)


def test_gae_with_lambda_one_is_discounted_return_minus_value():
    """lambda = 1: A_t = sum_k gamma^k r_{t+k} - V_t (Monte Carlo), skipping padding inside a row."""
    torch.manual_seed(0)
    B, T, gamma = 4, 7, 0.9
    rewards, values = torch.randn(B, T), torch.randn(B, T)
    mask = (torch.rand(B, T) > 0.3).long()
    mask[:, 0] = 1
    adv, ret = compute_gae(rewards, values, mask, gamma=gamma, lam=1.0)
    for b in range(B):
        real = [t for t in range(T) if mask[b, t]]
        for i, t in enumerate(real):
            g = sum(gamma ** k * rewards[b, real[i + k]].item() for k in range(len(real) - i))
            assert adv[b, t].item() == pytest.approx(g - values[b, t].item(), abs=1e-5)
            assert ret[b, t].item() == pytest.approx(g, abs=1e-5)
    assert (adv[mask == 0] == 0).all() and (ret[mask == 0] == 0).all()


def test_masked_whiten_has_zero_mean_unit_variance_under_the_mask():
    x = torch.randn(3, 10) * 5 + 3
    mask = torch.ones(3, 10)
    mask[1, 6:] = 0
    w = masked_whiten(x, mask)
    real = w[mask.bool()]
    assert real.mean().abs() < 1e-5
    assert real.std().item() == pytest.approx(1.0, abs=1e-4)
    assert (w[~mask.bool()] == 0).all()


def test_policy_loss_clips_the_ratio_in_the_direction_of_the_advantage():
    """A > 0 and ratio 1.5: the objective is capped at 1.2 A and the gradient vanishes; A < 0 and ratio 0.5:
    capped at 0.8 A; inside the trust region the loss is -A * ratio."""
    mask = torch.ones(1, 3)
    old = torch.zeros(1, 3)
    logp = torch.log(torch.tensor([[1.5, 0.5, 1.1]])).requires_grad_()
    adv = torch.tensor([[1.0, -1.0, 2.0]])
    loss, stats = policy_loss(logp, old, adv, mask, clip_eps=0.2)
    expected = (-1.2 * 1.0 + -(-1.0) * 0.8 + -2.0 * 1.1) / 3
    assert loss.item() == pytest.approx(expected, rel=1e-5)
    assert stats["clip_frac"] == pytest.approx(2 / 3)
    loss.backward()
    assert logp.grad[0, 0] == 0 and logp.grad[0, 1] == 0  # clipped: no gradient
    assert logp.grad[0, 2].item() == pytest.approx(-2.0 * 1.1 / 3, rel=1e-5)  # d(-A r)/dlogp = -A r


def test_policy_loss_ignores_masked_positions():
    logp, old, adv = torch.randn(2, 5), torch.randn(2, 5), torch.randn(2, 5)
    mask = torch.ones(2, 5)
    mask[:, 3:] = 0
    a, _ = policy_loss(logp, old, adv, mask)
    logp2 = logp.clone()
    logp2[:, 3:] = 100.0  # garbage under the mask
    b, _ = policy_loss(logp2, old, adv, mask)
    assert a.item() == pytest.approx(b.item())


def test_value_loss_clips_the_update_around_the_old_values():
    """Old value 0, return 1, new value 0.9: the clipped value 0.2 is further from the return, so it wins."""
    mask = torch.ones(1, 2)
    values = torch.tensor([[0.9, 0.1]], requires_grad=True)
    old = torch.zeros(1, 2)
    returns = torch.tensor([[1.0, 0.2]])
    loss, stats = value_loss(values, old, returns, mask, clip_eps=0.2)
    # t0: max((0.9-1)^2, (0.2-1)^2) = 0.64; t1: max((0.1-.2)^2, (0.1-.2)^2) = 0.01
    assert loss.item() == pytest.approx(0.5 * (0.64 + 0.01) / 2, rel=1e-5)
    assert stats["value_clip_frac"] == pytest.approx(0.5)


def _tiny_model(vocab=32, seed=0):
    torch.manual_seed(seed)
    cfg = ModelConfig(vocab_size=vocab, d_model=32, n_layers=2, n_heads=4, n_kv_heads=2, d_ff=64, max_seq_len=64)
    return Transformer(cfg).eval()


def test_forward_response_matches_naive_log_softmax_with_left_padding():
    model = _tiny_model()
    ids = torch.randint(1, 32, (3, 12))
    mask = torch.ones_like(ids)
    mask[0, :4] = 0
    mask[2, :2] = 0
    P, T = 6, 0.7
    logp, hidden, ent = forward_response(model, ids, mask, P, temperature=T, return_entropy=True)
    logits = model(ids, attention_mask=mask).float()[:, P - 1:-1] / T  # (B, R, V)
    ref = torch.log_softmax(logits, -1).gather(-1, ids[:, P:, None]).squeeze(-1)
    torch.testing.assert_close(logp, ref, atol=1e-5, rtol=1e-5)
    p = torch.softmax(logits, -1)
    torch.testing.assert_close(ent, -(p * torch.log_softmax(logits, -1)).sum(-1), atol=1e-5, rtol=1e-5)
    torch.testing.assert_close(hidden, model(ids, attention_mask=mask, return_hidden=True)[:, P - 1:-1])
    assert (ValueHead(32)(hidden) == 0).all()  # the value head starts at zero


def test_on_policy_check_kv_cache_logprobs_equal_the_full_forward_pass():
    """The rollout engine's log-probs (incremental, KV cache, left padding) equal the update's recomputation."""
    model = _tiny_model()
    prompts = torch.randint(1, 32, (4, 9))
    pmask = torch.ones_like(prompts)
    pmask[1, :5] = 0
    pmask[3, :2] = 0
    prompts = prompts.masked_fill(pmask == 0, 0)
    g = torch.Generator().manual_seed(1)
    out, sample_logp = model.generate(prompts, 10, temperature=0.8, attention_mask=pmask, generator=g,
                                      return_logprobs=True)
    full_mask = torch.cat([pmask, torch.ones(4, 10, dtype=pmask.dtype)], dim=1)
    logp, _, _ = forward_response(model, out, full_mask, 9, temperature=0.8)
    assert (logp - sample_logp).abs().max().item() < 1e-4


def test_ppo_raises_reward_on_a_tiny_task():
    """Reward = share of response tokens equal to token 7. A few PPO iterations must raise it well above chance."""
    torch.manual_seed(0)
    vocab, target, B, R = 16, 7, 32, 8
    model = _tiny_model(vocab=vocab, seed=3).train()
    vhead = ValueHead(32)
    opt = torch.optim.Adam(list(model.parameters()) + list(vhead.parameters()), lr=3e-3)
    prompt = torch.randint(1, vocab, (B, 4))
    g = torch.Generator().manual_seed(0)

    def reward_of(out):
        return (out[:, 4:] == target).float().mean(1)  # (B,)

    history = []
    for it in range(12):
        with torch.no_grad():
            out = model.generate(prompt, R, temperature=1.0, generator=g)
            score = reward_of(out)
            mask = torch.ones(B, R)
            old_logp, hidden, _ = forward_response(model, out, torch.ones_like(out), 4)
            old_v = vhead(hidden)
            rewards = torch.zeros(B, R)
            rewards[:, -1] = score
            adv, ret = compute_gae(rewards, old_v, mask, 1.0, 0.95)
            adv = masked_whiten(adv, mask)
        history.append(score.mean().item())
        for _ in range(2):
            logp, hidden, _ = forward_response(model, out, torch.ones_like(out), 4)
            v = vhead(hidden)
            pg, _ = policy_loss(logp, old_logp, adv, mask)
            vl, _ = value_loss(v, old_v, ret, mask)
            opt.zero_grad()
            (pg + 0.1 * vl).backward()
            opt.step()
    assert history[0] < 0.2  # chance is 1/16
    assert max(history[-3:]) > history[0] + 0.3, history


def test_masked_mean_over_a_dimension():
    x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    m = torch.tensor([[1, 1, 0], [0, 0, 1]])
    torch.testing.assert_close(masked_mean(x, m, dim=1), torch.tensor([1.5, 6.0]))
    assert masked_mean(x, m).item() == pytest.approx((1 + 2 + 6) / 3)
    assert math.isfinite(masked_mean(x, torch.zeros_like(m)).item())


def test_explained_variance_under_the_mask():
    """1 for a perfect value head, 0 for one predicting the mean, negative for a worse one; padding is ignored."""
    torch.manual_seed(0)
    returns = torch.randn(4, 6)
    mask = torch.ones(4, 6)
    mask[2, 3:] = 0
    garbage = torch.where(mask.bool(), torch.zeros(4, 6), torch.full((4, 6), 1e6))  # only on padding
    assert explained_variance(returns + garbage, returns, mask) == pytest.approx(1.0)
    mean = masked_mean(returns, mask)
    assert explained_variance(torch.full((4, 6), mean.item()) + garbage, returns, mask) == pytest.approx(0.0, abs=1e-6)
    noise = torch.randn(4, 6)
    r, v = returns[mask.bool()], (returns + noise)[mask.bool()]
    expected = 1 - torch.var(r - v) / torch.var(r)  # the definition on the unmasked entries
    assert explained_variance(returns + noise, returns, mask) == pytest.approx(expected.item(), rel=1e-5)
    assert math.isnan(explained_variance(torch.zeros(2, 3), torch.ones(2, 3), torch.ones(2, 3)))


def test_value_warm_up_fits_the_returns_and_only_moves_the_head():
    """A zero-initialised head explains none of the returns; warmed up on the batch it explains most of them (the
    returns here are a linear read-out of the hidden states plus a little noise). Padding is ignored and the hidden
    states get no gradient."""
    torch.manual_seed(0)
    B, T, D = 8, 12, 16
    hidden = torch.randn(B, T, D, requires_grad=True)
    returns = hidden.detach() @ torch.randn(D) + 0.5 + 0.05 * torch.randn(B, T)
    mask = torch.ones(B, T)
    mask[:, 9:] = 0
    returns = torch.where(mask.bool(), returns, torch.full_like(returns, 1e6))  # garbage on padding only
    head = ValueHead(D)
    assert explained_variance(head(hidden).detach(), returns, mask) == pytest.approx(0.0, abs=1e-6)
    loss = warm_up_value_head(head, hidden, returns, mask, lr=3e-2, steps=300)
    assert explained_variance(head(hidden).detach(), returns, mask) > 0.95 and loss < 0.05
    assert hidden.grad is None


def test_value_warm_up_starts_at_the_mean_return_so_a_high_level_does_not_bend_the_weights():
    """Returns at a high level (3) with a small varying part: with no steps the head predicts the batch's mean return
    (padding ignored); after 50 steps it explains most of the variation. The same 50 Adam steps from a zero bias
    (the warm-up without its bias start) spend the weights on the level and explain less than a constant."""
    torch.manual_seed(0)
    B, T, D = 16, 12, 16
    hidden = torch.randn(B, T, D)
    returns = 3.0 + 0.3 * (hidden @ torch.randn(D)) / D ** 0.5 + 0.05 * torch.randn(B, T)
    mask = torch.ones(B, T)
    mask[:, 9:] = 0
    returns = torch.where(mask.bool(), returns, torch.full_like(returns, 1e6))
    head = ValueHead(D)
    warm_up_value_head(head, hidden, returns, mask, lr=1e-2, steps=0)
    assert torch.allclose(head(hidden), masked_mean(returns, mask).expand(B, T))
    head = ValueHead(D)
    warm_up_value_head(head, hidden, returns, mask, lr=1e-2, steps=50)
    assert explained_variance(head(hidden).detach(), returns, mask) > 0.9
    zero_start = ValueHead(D)
    opt = torch.optim.Adam(zero_start.parameters(), lr=1e-2)
    for _ in range(50):
        loss = masked_mean((zero_start(hidden) - returns) ** 2, mask)
        opt.zero_grad()
        loss.backward()
        opt.step()
    assert explained_variance(zero_start(hidden).detach(), returns, mask) < 0


def _warm_up_on_half(rank: int, init_file: str, hidden, returns, mask, out: str) -> None:
    """One of two gloo processes: warm a fresh head up on its part of the batch (rows 0-4 or 5-15)."""
    import torch.distributed as dist
    dist.init_process_group("gloo", init_method=f"file://{init_file}", rank=rank, world_size=2)
    rows = slice(0, 5) if rank == 0 else slice(5, None)
    head = ValueHead(hidden.shape[-1])
    loss = warm_up_value_head(head, hidden[rows], returns[rows], mask[rows], lr=1e-2, steps=50)
    white = masked_whiten(returns[rows], mask[rows])
    torch.save({"state": head.state_dict(), "loss": loss, "white": white}, f"{out}.{rank}")
    dist.destroy_process_group()


def test_value_warm_up_on_two_processes_equals_one_process_on_the_whole_batch(tmp_path):
    """Two gloo processes holding 5 and 11 rows, with different padding, end with the head one process fits to all
    16 rows: the mean return and the gradients are those of the whole batch's tokens, not an average of the two
    processes' means. Whitening, likewise, uses the whole batch's mean and variance."""
    import torch.multiprocessing as mp
    torch.manual_seed(0)
    B, T, D = 16, 12, 8
    hidden = torch.randn(B, T, D)
    returns = 2.0 + hidden @ torch.randn(D) * 0.3 + 0.05 * torch.randn(B, T)
    mask = torch.ones(B, T)
    mask[:5, 4:] = 0   # the first process's rows are short: it holds 20 of the batch's 152 tokens
    head = ValueHead(D)
    loss = warm_up_value_head(head, hidden, returns, mask, lr=1e-2, steps=50)
    out = str(tmp_path / "head")
    mp.spawn(_warm_up_on_half, args=(str(tmp_path / "init"), hidden, returns, mask, out), nprocs=2)
    for rank in range(2):
        got = torch.load(f"{out}.{rank}")
        for k, v in head.state_dict().items():
            torch.testing.assert_close(got["state"][k], v, atol=1e-5, rtol=1e-5)
        assert got["loss"] == pytest.approx(loss, rel=1e-4)
    white = masked_whiten(returns, mask)
    got = torch.cat([torch.load(f"{out}.{rank}")["white"] for rank in range(2)])
    torch.testing.assert_close(got, white, atol=1e-5, rtol=1e-5)


class _Wrapper(torch.nn.Module):
    """What DistributedDataParallel looks like from outside: forward delegates, attributes live on .module."""

    def __init__(self, module):
        super().__init__()
        self.module = module

    def forward(self, *args, **kw):
        return self.module(*args, **kw)


def test_forward_response_through_a_ddp_style_wrapper_and_at_temperature_zero():
    """The update's forward goes through the DDP wrapper, which has no lm_head_weight of its own; temperature 0
    (greedy) scores with the policy's own log-probs (temperature 1), as the sampler reports them."""
    torch.manual_seed(0)
    model = Transformer(ModelConfig(vocab_size=40, d_model=16, n_layers=1, n_heads=2, n_kv_heads=1, d_ff=32,
                                    max_seq_len=32)).eval()
    ids = torch.randint(0, 40, (2, 9))
    att = torch.ones_like(ids)
    a = forward_response(model, ids, att, 4, 1.0)
    b = forward_response(_Wrapper(model), ids, att, 4, 1.0)
    torch.testing.assert_close(a[0], b[0])
    torch.testing.assert_close(forward_response(model, ids, att, 4, 0.0)[0], a[0])
    prompt = ids[:, :4]
    out, sample_logp = model.generate(prompt, 5, temperature=0.0, return_logprobs=True)
    logp, _, _ = forward_response(model, out, torch.ones_like(out), 4, 0.0)
    torch.testing.assert_close(logp, sample_logp, atol=1e-5, rtol=1e-5)
