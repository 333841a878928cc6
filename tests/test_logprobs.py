"""minisafe.logprobs (torch backend): fused log-probs / entropy / cross-entropy against a float64 naive reference.

Every check draws fresh random inputs (a new seed per check) and compares with the plain logits -> log_softmax ->
gather computation in float64, by the norm-based relative error |a - b| / |b|. The Triton backend has its own module,
tests/test_logprobs_triton.py (it needs TRITON_INTERPRET=1 on CPU).
"""
import itertools

import pytest
import torch
import torch.nn.functional as F

from minisafe.logprobs import linear_cross_entropy, linear_logprobs, naive_logprobs

_seed = itertools.count(1234)


def fresh_inputs(N, D, V, dtype=torch.float32, n_ignored=0):
    """Random hidden (N, D), weight (V, D) (scaled so logits are O(1..3)), targets (N,) with n_ignored -100s."""
    g = torch.Generator().manual_seed(next(_seed))
    hidden = torch.randn(N, D, generator=g, dtype=torch.float64)
    weight = torch.randn(V, D, generator=g, dtype=torch.float64) * (2.0 / D**0.5)
    targets = torch.randint(0, V, (N,), generator=g)
    if n_ignored:
        targets[torch.randperm(N, generator=g)[:n_ignored]] = -100
    upstream = torch.randn(2, N, generator=g, dtype=torch.float64)  # random grads for logp and entropy
    return hidden.to(dtype), weight.to(dtype), targets, upstream


def rel_err(a, b):
    a, b = a.double(), b.double()
    return ((a - b).norm() / b.norm().clamp_min(1e-30)).item()


def value_and_grads(fn, hidden, weight, targets, upstream, temperature, with_entropy, dtype=None):
    """Run fn (fused or naive) on leaf copies; loss = sum(g1 * logp) (+ sum(g2 * entropy))."""
    h = hidden.detach().to(dtype or hidden.dtype).requires_grad_(True)
    w = weight.detach().to(dtype or weight.dtype).requires_grad_(True)
    out = fn(h, w, targets, temperature, with_entropy)
    logp, ent = out if with_entropy else (out, None)
    loss = (upstream[0].to(logp.dtype) * logp).sum()
    if with_entropy:
        loss = loss + (upstream[1].to(ent.dtype) * ent).sum()
    gh, gw = torch.autograd.grad(loss, (h, w))
    return logp, ent, gh, gw


# shapes: N not a multiple of the chunk, V odd / not a power of two, temperature != 1
SHAPES = [  # (N, D, V, temperature, chunk_size)
    (37, 24, 101, 0.7, 8),
    (64, 48, 250, 1.3, 24),
    (19, 16, 517, 1.0, None),  # default chunk (all rows in one)
    (5, 32, 64, 2.0, 1),
]


@pytest.mark.parametrize("N,D,V,T,chunk", SHAPES)
@pytest.mark.parametrize("with_entropy", [False, True])
def test_matches_float64_naive(N, D, V, T, chunk, with_entropy):
    hidden, weight, targets, up = fresh_inputs(N, D, V, n_ignored=N // 5)
    fused = value_and_grads(lambda h, w, y, t, e: linear_logprobs(h, w, y, t, e, backend="torch", chunk_size=chunk),
                            hidden, weight, targets, up, T, with_entropy)
    ref = value_and_grads(naive_logprobs, hidden, weight, targets, up, T, with_entropy, dtype=torch.float64)
    assert fused[0].dtype == torch.float32 and fused[2].dtype == torch.float32
    for name, a, b in zip(["logp", "entropy", "grad_hidden", "grad_weight"], fused, ref):
        if a is not None:
            assert rel_err(a, b) < 1e-5, name


def test_entropy_only_upstream():
    """Loss on the entropy alone (the logp output unused: its upstream grad is None inside backward)."""
    hidden, weight, targets, up = fresh_inputs(29, 20, 77)
    h = hidden.clone().requires_grad_(True)
    w = weight.clone().requires_grad_(True)
    _, ent = linear_logprobs(h, w, targets, 0.9, return_entropy=True, chunk_size=7)
    gh, gw = torch.autograd.grad((up[1].float() * ent).sum(), (h, w))
    h64, w64 = hidden.double().requires_grad_(True), weight.double().requires_grad_(True)
    _, ent64 = naive_logprobs(h64, w64, targets, 0.9, return_entropy=True)
    gh64, gw64 = torch.autograd.grad((up[1] * ent64).sum(), (h64, w64))
    assert rel_err(ent, ent64) < 1e-5
    assert rel_err(gh, gh64) < 1e-5 and rel_err(gw, gw64) < 1e-5


def test_entropy_is_entropy():
    """H = -sum p log p >= 0, and log|V| for uniform logits (zero weight rows: a check of the formula, not timing)."""
    hidden, weight, targets, _ = fresh_inputs(11, 8, 50)
    _, ent = linear_logprobs(hidden, weight, targets, return_entropy=True)
    assert (ent >= 0).all() and (ent <= torch.log(torch.tensor(50.0)) + 1e-5).all()
    _, ent_uniform = linear_logprobs(hidden, torch.zeros_like(weight), targets, return_entropy=True)
    torch.testing.assert_close(ent_uniform, torch.full((11,), torch.log(torch.tensor(50.0)).item()))


def test_gradcheck_double():
    hidden, weight, targets, _ = fresh_inputs(7, 5, 13, dtype=torch.float64, n_ignored=2)
    h = hidden.requires_grad_(True)
    w = weight.requires_grad_(True)

    def f(h, w):
        return linear_logprobs(h, w, targets, temperature=0.8, return_entropy=True, chunk_size=3)

    assert torch.autograd.gradcheck(f, (h, w))


def test_ignore_index():
    hidden, weight, targets, up = fresh_inputs(23, 16, 90, n_ignored=6)
    ignored = targets == -100
    h = hidden.clone().requires_grad_(True)
    w = weight.clone().requires_grad_(True)
    logp = linear_logprobs(h, w, targets, chunk_size=5)
    assert (logp[ignored] == 0).all() and (logp[~ignored] < 0).all()
    gh, gw = torch.autograd.grad((up[0].float() * logp).sum(), (h, w))
    assert (gh[ignored] == 0).all() and gh[~ignored].abs().sum() > 0
    # the weight gradient equals that of the kept rows alone
    h2 = hidden[~ignored].clone().requires_grad_(True)
    w2 = weight.clone().requires_grad_(True)
    logp2 = linear_logprobs(h2, w2, targets[~ignored])
    (gw2,) = torch.autograd.grad((up[0][~ignored].float() * logp2).sum(), (w2,))
    assert rel_err(gw, gw2) < 1e-5


def test_bfloat16_inputs():
    """bf16 in: float32 statistics and outputs, bf16 gradients, close to float64 on the same (rounded) inputs."""
    hidden, weight, targets, up = fresh_inputs(33, 32, 130, dtype=torch.bfloat16)
    fused = value_and_grads(lambda h, w, y, t, e: linear_logprobs(h, w, y, t, e, chunk_size=8),
                            hidden, weight, targets, up, 0.7, True)
    ref = value_and_grads(naive_logprobs, hidden, weight, targets, up, 0.7, True, dtype=torch.float64)
    assert fused[0].dtype == torch.float32 and fused[1].dtype == torch.float32
    assert fused[2].dtype == torch.bfloat16 and fused[3].dtype == torch.bfloat16
    assert rel_err(fused[0], ref[0]) < 1e-5 and rel_err(fused[1], ref[1]) < 1e-5  # values: float32 inside
    assert rel_err(fused[2], ref[2]) < 1e-2 and rel_err(fused[3], ref[3]) < 1e-2  # grads: rounded to bf16


def test_mixed_dtypes_autocast_hidden_fp32_head():
    """bf16 hidden (autocast activations) with a float32 head: float32 inside, each grad in its input's dtype."""
    hidden, weight, targets, up = fresh_inputs(21, 16, 90, n_ignored=3)
    h = hidden.bfloat16().requires_grad_(True)
    w = weight.clone().requires_grad_(True)
    logp, ent = linear_logprobs(h, w, targets, 0.8, return_entropy=True, chunk_size=6)
    gh, gw = torch.autograd.grad((up[0].float() * logp + up[1].float() * ent).sum(), (h, w))
    assert gh.dtype == torch.bfloat16 and gw.dtype == torch.float32
    ref = value_and_grads(naive_logprobs, h.detach(), weight, targets, up, 0.8, True, dtype=torch.float64)
    assert rel_err(logp, ref[0]) < 1e-5 and rel_err(ent, ref[1]) < 1e-5 and rel_err(gw, ref[3]) < 1e-5
    assert rel_err(gh, ref[2]) < 1e-2
    loss = linear_cross_entropy(h, w, targets)
    assert rel_err(loss.detach(), F.cross_entropy(h.double() @ weight.double().t(), targets)) < 1e-5


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_linear_cross_entropy_matches_F(reduction):
    hidden, weight, targets, up = fresh_inputs(41, 24, 150, n_ignored=7)
    h, w = hidden.clone().requires_grad_(True), weight.clone().requires_grad_(True)
    loss = linear_cross_entropy(h, w, targets, reduction=reduction, chunk_size=16)
    h64, w64 = hidden.double().requires_grad_(True), weight.double().requires_grad_(True)
    ref = F.cross_entropy(h64 @ w64.t(), targets, ignore_index=-100, reduction=reduction)
    assert rel_err(loss.detach(), ref.detach()) < 1e-5
    g = up[0] if reduction == "none" else torch.tensor(2.5, dtype=torch.float64)  # a non-unit upstream grad
    gh, gw = torch.autograd.grad((loss * g.float()).sum(), (h, w))
    gh64, gw64 = torch.autograd.grad((ref * g).sum(), (h64, w64))
    assert rel_err(gh, gh64) < 1e-5 and rel_err(gw, gw64) < 1e-5


def test_linear_cross_entropy_no_grad_and_frozen_weight():
    hidden, weight, targets, _ = fresh_inputs(17, 12, 60, n_ignored=3)
    ref = F.cross_entropy(hidden.double() @ weight.double().t(), targets)
    with torch.no_grad():
        loss = linear_cross_entropy(hidden.requires_grad_(True), weight, targets)
    assert not loss.requires_grad and rel_err(loss, ref) < 1e-5
    # weight frozen: only the hidden gradient is computed
    h = hidden.detach().requires_grad_(True)
    loss = linear_cross_entropy(h, weight, targets)
    loss.backward()
    h64 = hidden.detach().double().requires_grad_(True)
    F.cross_entropy(h64 @ weight.double().t(), targets).backward()
    assert rel_err(h.grad, h64.grad) < 1e-5


def test_auto_backend_on_cpu_is_torch_and_chunking_does_not_matter():
    hidden, weight, targets, _ = fresh_inputs(50, 16, 97)
    a = linear_logprobs(hidden, weight, targets, 1.1, True, backend="auto")
    b = linear_logprobs(hidden, weight, targets, 1.1, True, backend="torch", chunk_size=7)
    for x, y in zip(a, b):
        torch.testing.assert_close(x, y, rtol=1e-6, atol=1e-6)


def test_bad_inputs_name_the_tensor():
    hidden, weight, targets, _ = fresh_inputs(6, 8, 20)
    targets[4] = 20
    with pytest.raises(ValueError, match=r"targets\[4\] = 20 is outside \[0, 20\)"):
        linear_logprobs(hidden, weight, targets)
    with pytest.raises(ValueError, match="disagree on D"):
        linear_logprobs(hidden, weight[:, :5], targets)
    with pytest.raises(ValueError, match="backend"):
        linear_logprobs(hidden, weight, targets.clamp(max=19), backend="cuda")
    with pytest.raises(ValueError, match="temperature"):
        linear_logprobs(hidden, weight, targets.clamp(max=19), temperature=0.0)
