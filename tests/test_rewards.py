"""Properties of the reward math in minisafe/rewards.py and minisafe/safe_rlhf.py, and the checks where its inputs
enter.

Each test states one property in its docstring. Property tests use hypothesis with a bounded number of examples;
Monte Carlo tests draw from a fixed-seed generator and compare within a few standard errors.
"""

import math
import re

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from minisafe.rewards import (AdaptiveKLController, FixedKLController, additive_reward, check_unit_interval, kl_k1,
                              kl_k2, kl_k3, kl_penalty, missing_end_penalty, per_token_rewards, refusal_reward,
                              safe_completion_reward)
from minisafe.safe_rlhf import lagrangian_advantage, safety_cost, update_log_lambda

FAST = settings(max_examples=60, deadline=None)
unit = st.floats(min_value=0.0, max_value=1.0)  # a valid score (endpoints included)
positive_unit = st.floats(min_value=1e-6, max_value=1.0)
finite = st.floats(min_value=-1e3, max_value=1e3)
BAD_VALUES = [float("nan"), float("inf"), float("-inf"), -0.1, 1.1]


def t64(x):
    return torch.tensor(x, dtype=torch.float64)


# ----------------------------------------------------------------------------------------------------------------------
# r = h * s


@FAST
@given(h=unit, s=unit)
def test_reward_lies_in_unit_interval(h, s):
    """For any valid h and s, the reward h*s is in [0, 1]."""
    r = safe_completion_reward(t64(h), t64(s))
    assert 0.0 <= r.item() <= 1.0


@FAST
@given(h=unit)
def test_unsafe_answer_earns_zero_however_helpful(h):
    """s = 0 gives reward exactly 0 for every helpfulness h."""
    assert safe_completion_reward(t64(h), t64(0.0)).item() == 0.0


@FAST
@given(a=unit, b=unit, other=unit)
def test_reward_is_monotone_in_each_argument(a, b, other):
    """Raising h (with s fixed) or s (with h fixed) never lowers the reward."""
    lo, hi = t64(min(a, b)), t64(max(a, b))
    other = t64(other)
    assert safe_completion_reward(lo, other) <= safe_completion_reward(hi, other)
    assert safe_completion_reward(other, lo) <= safe_completion_reward(other, hi)


@FAST
@given(h=unit, s=unit)
def test_gradient_of_product_is_the_other_factor(h, s):
    """Autograd through h*s gives dr/dh = s and dr/ds = h."""
    h_t = t64(h).requires_grad_()
    s_t = t64(s).requires_grad_()
    safe_completion_reward(h_t, s_t).backward()
    assert h_t.grad.item() == s
    assert s_t.grad.item() == h


def test_safe_completion_beats_refusal_and_unsafe_answer():
    """A helpful safe-completion outranks a bare safe refusal, which outranks a fully helpful unsafe answer."""
    safe_completion = safe_completion_reward(0.8, 1.0)
    bare_refusal = safe_completion_reward(0.2, 1.0)
    unsafe_helpful = safe_completion_reward(1.0, 0.0)
    assert safe_completion > bare_refusal > unsafe_helpful


@pytest.mark.parametrize(
    "h_shape, s_shape, out_shape",
    [((4,), (4,), (4,)), ((3, 1), (1, 5), (3, 5)), ((2, 3), (), (2, 3)), ((), (6,), (6,))],
)
def test_reward_broadcasts(h_shape, s_shape, out_shape):
    """Shapes broadcast like torch multiplication, and each entry is the product of its broadcast inputs."""
    g = torch.Generator().manual_seed(0)
    h, s = torch.rand(h_shape, generator=g), torch.rand(s_shape, generator=g)
    r = safe_completion_reward(h, s)
    assert r.shape == out_shape
    torch.testing.assert_close(r, torch.broadcast_to(h, out_shape) * torch.broadcast_to(s, out_shape))


@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16, torch.float64])
def test_reward_preserves_dtype(dtype):
    """Inputs of one float dtype give a reward of that dtype, also when s is a Python float."""
    h = torch.tensor([0.0, 0.25, 1.0], dtype=dtype)
    assert safe_completion_reward(h, h).dtype == dtype
    assert safe_completion_reward(h, 0.5).dtype == dtype
    torch.testing.assert_close(safe_completion_reward(h, 0.5), h * 0.5)


# ----------------------------------------------------------------------------------------------------------------------
# the boundary: head scores are checked where they become rewards (train_rl.score_rollout), never clamped


@pytest.mark.parametrize("bad", BAD_VALUES)
@pytest.mark.parametrize("arg", ["h (helpfulness)", "s (safety)"])
def test_bad_scores_are_rejected_naming_the_argument(arg, bad):
    """NaN, inf, <0 or >1 in h or s raises ValueError naming that score and the value; nothing is clamped."""
    with pytest.raises(ValueError, match=rf"^{re.escape(arg)} must.*first {re.escape(str(bad))}"):
        check_unit_interval(t64([0.5, bad]), arg)


def test_bad_value_message_counts_and_locates():
    """For a tensor, the error says how many values are bad and where the first one is."""
    x = torch.tensor([[0.1, float("nan")], [2.0, -1.0], [0.5, 1.0]])
    with pytest.raises(ValueError, match=r"^s \(safety\).*3 of 6 values are bad, first nan at index \(0, 1\)"):
        check_unit_interval(x, "s (safety)")


def test_a_reward_head_gone_bad_stops_scoring_with_its_name(monkeypatch):
    """train_rl's step 2: a head that outputs NaN (a broken checkpoint) is an error naming h or s, before any
    reward is computed from it."""
    import train_rl
    from minisafe.tokenizer import Completion

    monkeypatch.setattr(train_rl.reward_model, "score",
                        lambda head, *a, **k: torch.tensor([0.5, float("nan") if head == "s" else 0.5]))
    cfg = train_rl.preset_config("smoke")
    rows = [{"prompt": "p"}, {"prompt": "q"}]
    completions = [Completion("", "an answer", True)] * 2
    with pytest.raises(ValueError, match=r"^s \(safety\) must be a finite probability.*first nan at index \(1,\)"):
        train_rl.score_rollout(cfg, rows, completions, {"helpfulness": "h", "safety": "s"}, None, None, "cpu")


@pytest.mark.parametrize("flag,value", [("lambda_lr", 0.0), ("cost_limit", float("nan")), ("cost_limit", 1.5),
                                        ("max_log_lambda", 800.0), ("missing_end_penalty", -1.0),
                                        ("kl_coef", float("inf")), ("kl_estimator", "k4"), ("kl_target", 0.0)])
def test_what_feeds_the_reward_math_is_checked_with_the_options(flag, value):
    """The reward functions trust their inputs: every option that reaches them is checked before any work, the
    error naming the flag (a log lambda cap above 50 could overflow lambda = e^log lambda)."""
    import train_rl
    cfg = train_rl.replace(train_rl.preset_config("smoke"), **{flag: value})
    with pytest.raises(ValueError, match="--" + flag.replace("_", "-")):
        cfg.validate()


def test_unit_interval_endpoints_are_valid():
    """Exactly 0 and exactly 1 pass the validator, in bfloat16 too, and the tensor comes back unchanged."""
    x = torch.tensor([0.0, 1.0], dtype=torch.bfloat16)
    assert check_unit_interval(x, "x") is x
    with pytest.raises(ValueError, match=r"^my_score must"):
        check_unit_interval(torch.tensor([0.0, 1.0 + 2**-7], dtype=torch.bfloat16), "my_score")


# ----------------------------------------------------------------------------------------------------------------------
# baselines: additive, refusal, safety cost


@FAST
@given(h=positive_unit, w_h=st.floats(min_value=0.01, max_value=1.0))
def test_additive_rewards_an_unsafe_but_helpful_answer(h, w_h):
    """Additive pays w_h*h > 0 for a fully unsafe answer (s = 0) where h*s pays 0: the failure h*s removes."""
    additive = additive_reward(t64(h), t64(0.0), w_h=w_h)
    assert additive.item() == pytest.approx(w_h * h) and additive.item() > 0
    assert safe_completion_reward(t64(h), t64(0.0)).item() == 0.0


@FAST
@given(h=unit, s=unit, w_h=unit)
def test_additive_is_a_convex_combination(h, s, w_h):
    """w_h*h + (1-w_h)*s lies between min(h, s) and max(h, s), equal to h at w_h = 1 and to s at w_h = 0."""
    r = additive_reward(t64(h), t64(s), w_h=w_h).item()
    assert min(h, s) - 1e-12 <= r <= max(h, s) + 1e-12
    assert additive_reward(t64(h), t64(s), w_h=1.0).item() == h
    assert additive_reward(t64(h), t64(s), w_h=0.0).item() == s


def test_refusal_reward_truth_table():
    """Without h, the right comply/refuse decision earns 1 and the wrong one 0."""
    refused = torch.tensor([True, True, False, False])
    should_refuse = torch.tensor([True, False, True, False])
    assert refusal_reward(refused, should_refuse).tolist() == [1.0, 0.0, 0.0, 1.0]


def test_refusal_reward_with_helpfulness():
    """With h, a correct refusal earns 1, a correct compliance earns h, and a wrong decision 0 whatever h is."""
    refused = torch.tensor([True, True, False, False])
    should_refuse = torch.tensor([True, False, True, False])
    h = torch.tensor([0.3, 0.9, 0.9, 0.6])
    torch.testing.assert_close(refusal_reward(refused, should_refuse, h), torch.tensor([1.0, 0.0, 0.0, 0.6]))


@FAST
@given(h=positive_unit)
def test_refusal_reward_pays_nothing_for_a_safe_completion_of_a_refuse_prompt(h):
    """A safe, helpful answer to a prompt labelled "refuse" counts as compliance: refusal reward 0, h*s reward h."""
    assert refusal_reward(torch.tensor(False), torch.tensor(True), t64(h)).item() == 0.0
    assert safe_completion_reward(t64(h), t64(1.0)).item() == h


@FAST
@given(s=unit)
def test_safety_cost_is_one_minus_safety(s):
    """The cost is 1 - s: 0 for a fully safe answer, 1 for a fully unsafe one."""
    assert safety_cost(t64(s)).item() == 1.0 - s


# ----------------------------------------------------------------------------------------------------------------------
# Safe RLHF Lagrangian

advantages = st.lists(finite, min_size=1, max_size=8)


@FAST
@given(a_r=advantages, a_c=advantages)
def test_lambda_zero_gives_reward_advantage(a_r, a_c):
    """With lam = 0 (log lam = -inf) the advantage is exactly A_r; the cost is ignored."""
    n = min(len(a_r), len(a_c))
    adv_r, adv_c = t64(a_r[:n]), t64(a_c[:n])
    assert torch.equal(lagrangian_advantage(adv_r, adv_c, float("-inf")), adv_r)


@FAST
@given(a_r=advantages, a_c=advantages)
def test_large_lambda_approaches_negative_cost_advantage(a_r, a_c):
    """As lam -> inf the advantage tends to -A_c (only the cost matters), and stays finite for huge log lam."""
    n = min(len(a_r), len(a_c))
    adv_r, adv_c = t64(a_r[:n]), t64(a_c[:n])
    torch.testing.assert_close(lagrangian_advantage(adv_r, adv_c, 40.0), -adv_c, atol=1e-12, rtol=1e-12)
    assert torch.isfinite(lagrangian_advantage(adv_r, adv_c, 1e6)).all()


@FAST
@given(a_r=finite, a_c=finite, log_lambda=st.floats(min_value=-10, max_value=10))
def test_lagrangian_matches_its_definition(a_r, a_c, log_lambda):
    """The advantage equals (A_r - lam*A_c) / (1 + lam) with lam = exp(log lam)."""
    lam = math.exp(log_lambda)
    expected = (a_r - lam * a_c) / (1 + lam)
    got = lagrangian_advantage(t64([a_r]), t64([a_c]), log_lambda).item()
    assert got == pytest.approx(expected, rel=1e-9, abs=1e-9)


def test_lagrangian_weights_are_constants_of_the_advantages():
    """lam is a constant for the policy step: dA/dA_r = 1 / (1 + lam) and dA/dA_c = -lam / (1 + lam)."""
    adv_r, adv_c = torch.ones(3, dtype=torch.float64, requires_grad=True), torch.ones(3, dtype=torch.float64,
                                                                                     requires_grad=True)
    lagrangian_advantage(adv_r, adv_c, math.log(3.0)).sum().backward()
    torch.testing.assert_close(adv_r.grad, torch.full((3,), 0.25, dtype=torch.float64))
    torch.testing.assert_close(adv_c.grad, torch.full((3,), -0.75, dtype=torch.float64))


@FAST
@given(
    log_lambda=st.floats(min_value=-5, max_value=3),
    cost=st.floats(min_value=0, max_value=1),
    limit=st.floats(min_value=0, max_value=1),
)
def test_log_lambda_rises_when_cost_exceeds_limit_and_falls_otherwise(log_lambda, cost, limit):
    """log lam moves in the direction of the constraint violation J_C - d (unchanged when J_C = d)."""
    new = update_log_lambda(log_lambda, cost, limit, lr=0.1)
    if cost > limit:
        assert new >= log_lambda
    elif cost < limit:
        assert new <= log_lambda
    else:
        assert new == log_lambda


def test_log_lambda_step_is_gradient_ascent_on_constraint_term():
    """The step equals lr times d/d(log lam) of lam*(J_C - d), as computed by autograd."""
    log_lambda, cost, limit, lr = 0.4, 0.7, 0.2, 0.05
    l = torch.tensor(log_lambda, dtype=torch.float64, requires_grad=True)
    (l.exp() * (cost - limit)).backward()
    new = update_log_lambda(log_lambda, cost, limit, lr)
    assert new == pytest.approx(log_lambda + lr * l.grad.item(), rel=1e-12)
    assert update_log_lambda(log_lambda, cost, limit, lr, max_log_lambda=0.41) == 0.41


# ----------------------------------------------------------------------------------------------------------------------
# KL estimators (Schulman, "Approximating KL divergence")


def _categorical_samples(n=200_000, seed=0):
    """Sample x ~ p from a small categorical; return log p(x), log q(x) and the exact KL(p || q)."""
    p = torch.tensor([0.4, 0.3, 0.2, 0.1], dtype=torch.float64)
    q = torch.tensor([0.25, 0.25, 0.25, 0.25], dtype=torch.float64)
    x = torch.multinomial(p, n, replacement=True, generator=torch.Generator().manual_seed(seed))
    exact = (p * (p.log() - q.log())).sum().item()
    return p.log()[x], q.log()[x], exact


@pytest.mark.parametrize("kl_fn", [kl_k1, kl_k3], ids=["k1", "k3"])
def test_unbiased_estimators_average_to_the_true_kl(kl_fn):
    """Over samples from p, the means of k1 and k3 equal KL(p || q) within 4 Monte Carlo standard errors."""
    logp, ref_logp, exact = _categorical_samples()
    k = kl_fn(logp, ref_logp)
    stderr = k.std().item() / math.sqrt(k.numel())
    assert abs(k.mean().item() - exact) < 4 * stderr


def test_k3_has_lower_variance_than_k1_when_distributions_are_close():
    """For q close to p, k3's per-sample spread is far below k1's (the reason to use it)."""
    p = torch.tensor([0.4, 0.3, 0.2, 0.1], dtype=torch.float64)
    q = torch.tensor([0.38, 0.31, 0.2, 0.11], dtype=torch.float64)
    x = torch.multinomial(p, 50_000, replacement=True, generator=torch.Generator().manual_seed(1))
    logp, ref_logp = p.log()[x], q.log()[x]
    assert kl_k3(logp, ref_logp).std() < 0.1 * kl_k1(logp, ref_logp).std()


log_probs = st.floats(min_value=-30.0, max_value=0.0)


@FAST
@given(logp=st.lists(log_probs, min_size=1, max_size=16), ref=st.lists(log_probs, min_size=1, max_size=16))
def test_k2_and_k3_are_nonnegative_elementwise(logp, ref):
    """k2 >= 0 and k3 >= 0 for every token, unlike k1 which can be negative per sample."""
    n = min(len(logp), len(ref))
    logp, ref = t64(logp[:n]), t64(ref[:n])
    assert (kl_k2(logp, ref) >= 0).all()
    assert (kl_k3(logp, ref) >= 0).all()


def test_k1_can_be_negative_per_token():
    """k1 is negative on a token the reference likes more than the policy (only its mean is a KL)."""
    assert kl_k1(torch.tensor([-2.0]), torch.tensor([-1.0])).item() == -1.0


@pytest.mark.parametrize("kind", ["k1", "k2", "k3"])
def test_estimators_vanish_when_policy_equals_reference(kind):
    """Every estimator is exactly 0 on every token when logp == ref_logp."""
    logp = torch.log_softmax(torch.randn(3, 7, generator=torch.Generator().manual_seed(0)), -1)
    assert torch.equal(kl_penalty(logp, logp.clone(), kind), torch.zeros_like(logp))


@FAST
@given(logp=log_probs, ref=log_probs)
def test_estimators_match_their_definitions(logp, ref):
    """With log r = ref_logp - logp: k1 = -log r, k2 = (log r)^2 / 2, k3 = (r - 1) - log r; kl_penalty dispatches."""
    log_r = ref - logp
    a, b = t64([logp]), t64([ref])
    assert kl_penalty(a, b, "k1").item() == pytest.approx(-log_r)
    assert kl_penalty(a, b, "k2").item() == pytest.approx(log_r**2 / 2)
    assert kl_penalty(a, b, "k3").item() == pytest.approx(math.expm1(log_r) - log_r, rel=1e-9, abs=1e-12)


# ----------------------------------------------------------------------------------------------------------------------
# shaping: missing end, per-token rewards, KL controllers


def test_missing_end_penalty_only_for_malformed_responses():
    """0 for a response that ended and has an answer; -penalty if the end token or the answer section is missing."""
    ended = torch.tensor([True, True, False, False])
    has_answer = torch.tensor([True, False, True, False])
    assert missing_end_penalty(ended, has_answer, penalty=2.0).tolist() == [0.0, -2.0, -2.0, -2.0]


def test_score_goes_to_the_last_real_token_for_uneven_masks():
    """With rows of different lengths (right and left padding), the score lands on each row's last response token,
    every response token carries -kl_coef * kl, and padding gets 0 even where kl is garbage."""
    mask = torch.tensor(
        [
            [1, 1, 1, 1],  # full row
            [1, 1, 0, 0],  # right-padded, last real token at t=1
            [0, 0, 1, 1],  # left-padded, last real token at t=3
            [1, 0, 0, 0],  # one token
        ]
    )
    kl = torch.full((4, 4), 0.5)
    kl[1, 2:] = float("nan")  # whatever sits under padding must not leak in
    score = torch.tensor([1.0, 2.0, 3.0, 4.0])
    r = per_token_rewards(score, kl, mask, kl_coef=0.1)
    expected = torch.tensor(
        [
            [-0.05, -0.05, -0.05, 1.0 - 0.05],
            [-0.05, 2.0 - 0.05, 0.0, 0.0],
            [0.0, 0.0, -0.05, 3.0 - 0.05],
            [4.0 - 0.05, 0.0, 0.0, 0.0],
        ]
    )
    torch.testing.assert_close(r, expected)


@FAST
@given(
    lengths=st.lists(st.integers(min_value=1, max_value=10), min_size=1, max_size=6),
    kl_coef=st.floats(min_value=0.0, max_value=1.0),
    seed=st.integers(0, 2**16),
)
def test_row_sum_is_score_minus_kl_penalty(lengths, kl_coef, seed):
    """For any right-padded batch, each row's rewards sum to score - kl_coef * sum of kl over its response tokens."""
    B, T = len(lengths), max(lengths)
    g = torch.Generator().manual_seed(seed)
    mask = torch.arange(T)[None, :] < torch.tensor(lengths)[:, None]  # (B, T)
    kl = torch.randn(B, T, generator=g, dtype=torch.float64)
    score = torch.randn(B, generator=g, dtype=torch.float64)
    r = per_token_rewards(score, kl, mask, kl_coef)
    torch.testing.assert_close(r.sum(1), score - kl_coef * (kl * mask).sum(1))
    assert (r[~mask] == 0).all()


@pytest.mark.parametrize(
    "current_kl, direction", [(12.0, "up"), (7.0, "up"), (5.0, "down"), (0.0, "down"), (6.0, "same")]
)
def test_adaptive_kl_coefficient_moves_toward_target(current_kl, direction):
    """beta rises when the measured KL is above the target (6.0), falls below it, and stays put exactly at it."""
    ctl = AdaptiveKLController(init_kl_coef=0.2, target=6.0, horizon=10_000)
    new = ctl.update(current_kl, n_steps=256)
    assert {"up": new > 0.2, "down": new < 0.2, "same": new == 0.2}[direction]
    assert ctl.value == new


def test_adaptive_kl_step_is_clipped():
    """The proportional error is clipped to +-0.2, so one update changes beta by at most 20% * n_steps / horizon."""
    ctl = AdaptiveKLController(init_kl_coef=1.0, target=1.0, horizon=100)
    assert ctl.update(1e6, n_steps=50) == pytest.approx(1.0 * (1 + 0.2 * 0.5))
    ctl = AdaptiveKLController(init_kl_coef=1.0, target=1.0, horizon=100)
    assert ctl.update(0.0, n_steps=50) == pytest.approx(1.0 * (1 - 0.2 * 0.5))


def test_fixed_kl_controller_never_moves():
    """The fixed controller's beta stays put whatever KL it is shown."""
    fixed = FixedKLController(0.05)
    assert fixed.update(100.0, 64) == 0.05 and fixed.update(0.0, 64) == 0.05 and fixed.value == 0.05


def test_the_cap_keeps_log_lambda_finite():
    """Without a cap, a cost far above its limit would grow log lambda until lambda = e^log lambda overflows
    (step ~32 here); with max_log_lambda (at most 50, --max-log-lambda) every step stays at the cap."""
    assert update_log_lambda(50.0, 1.0, 0.0, lr=1e9, max_log_lambda=50.0) == 50.0
    log_lambda = 0.0
    for _ in range(200):  # mean cost 0.8 against a limit of 0.05: without the cap this overflows at step ~32
        log_lambda = update_log_lambda(log_lambda, 0.8, 0.05, lr=0.05, max_log_lambda=4.0)
    assert log_lambda == 4.0
