"""Fused log-probs and entropy of the LM head, without the (N, V) logits.

PPO (Yuan et al. 2025, §3: the RL stage) needs, per response token, the log-probability of
the sampled token and the entropy of the policy; SFT (Guan et al. 2024, §2.3) needs the
cross-entropy of the (CoT, answer) tokens. Both are functions of the logits

    z = h W^T / T                       h: (N, D) final hidden states, W: (V, D) LM head, T: temperature
    lse = logsumexp(z)                  (N,)
    log p(y) = z[y] - lse               (N,)          the log-prob of target y
    H = lse - E_p[z],  E_p[z] = sum_v p_v z_v         the entropy, p = softmax(z)

Materialising z costs N * V floats forward and as many again for its gradient (N = 16k tokens, V = 152k: 10 GB in
float32). Here the forward keeps only per-row statistics (lse, z[y] and, for the entropy, E_p[z]) and the backward
recomputes z one chunk of rows at a time, so the extra memory is one (chunk, V) block.

Gradients (per row; onehot(y) and p are (V,) vectors):

    d log p(y) / dz = onehot(y) - p
    dH / dz         = -p * (z - E_p[z])
    dL/dz = g_logp * (onehot(y) - p) - g_ent * p * (z - E_p[z])       g_*: upstream grads, (N,)
          = -p * (g_logp + g_ent * (z - E_p[z])) + g_logp * onehot(y)
    z = h W^T / T   =>   dL/dh = (dL/dz) W / T        dL/dW = (dL/dz)^T h / T

Ignore index: rows whose target is `ignore_index` (-100, the SFT mask value) get log-prob 0 and send no gradient
through it. Their entropy is still computed (it does not depend on the target); mask it yourself if unwanted.

Precision: statistics and gradients are computed in float32 for float32/bfloat16/float16 inputs, mixed ones too
(float64 when an input is float64, so gradcheck works); outputs are float32 (float64); gradients come back in the
inputs' dtypes.

Backends, behind one `backend=` argument:
  "torch"  chunked PyTorch (CPU and CUDA): the reference;
  "triton" a Triton kernel computes the forward statistics with an online logsumexp over vocabulary tiles (the
           logits never leave registers); the backward is the same chunked PyTorch as "torch". CUDA in practice;
           also runs on CPU tensors when TRITON_INTERPRET=1 is set before the kernel is first used;
  "auto"   triton for CUDA tensors when triton imports, else torch.

`linear_cross_entropy` is the SFT loss mode: the gradient is computed inside the forward (as Liger-Kernel does),
since the upstream gradient of a mean/sum loss is one scalar; backward only scales the stored gradients, which saves
recomputing the logits.
"""
from __future__ import annotations

import functools
import os

import torch

IGNORE_INDEX = -100


# ----------------------------------------------------------------------------------------------------------------
# the plain reference


def naive_logprobs(hidden, weight, targets, temperature=1.0, return_entropy=False, ignore_index=IGNORE_INDEX):
    """log p(targets) (and entropy) through the full (N, V) logits (log_softmax -> gather): the plain reference
    for tests and benchmarks."""
    z = hidden @ weight.t()  # (N, V)
    z = z.to(_compute_dtype(z.dtype)) / temperature
    logp_all = torch.log_softmax(z, dim=-1)  # (N, V)
    valid = targets != ignore_index  # (N,)
    logp = logp_all.gather(1, torch.where(valid, targets, 0)[:, None]).squeeze(1)  # (N,)
    logp = torch.where(valid, logp, torch.zeros_like(logp))
    if not return_entropy:
        return logp
    entropy = -(logp_all.exp() * logp_all).sum(-1)  # H = -sum p log p
    return logp, entropy


# ----------------------------------------------------------------------------------------------------------------
# checks and helpers


def _check_inputs(hidden, weight, targets, temperature, ignore_index):
    if hidden.dim() != 2 or weight.dim() != 2:
        raise ValueError(f"hidden must be (N, D) and weight (V, D); got hidden {tuple(hidden.shape)}, "
                         f"weight {tuple(weight.shape)}")
    if hidden.shape[1] != weight.shape[1]:
        raise ValueError(f"hidden (N, D={hidden.shape[1]}) and weight (V, D={weight.shape[1]}) disagree on D")
    if targets.shape != (hidden.shape[0],) or targets.dtype not in (torch.int64, torch.int32):
        raise ValueError(f"targets must be an integer tensor of shape ({hidden.shape[0]},); "
                         f"got {targets.dtype} {tuple(targets.shape)}")
    if hidden.device != weight.device or targets.device != hidden.device:
        raise ValueError(f"hidden ({hidden.device}), weight ({weight.device}) and targets ({targets.device}) "
                         f"must be on one device")
    if not temperature > 0:
        raise ValueError(f"temperature must be > 0, got {temperature}")
    V = weight.shape[0]
    bad = (targets != ignore_index) & ((targets < 0) | (targets >= V))
    if bad.any():
        i = int(bad.nonzero()[0, 0])
        raise ValueError(f"targets[{i}] = {int(targets[i])} is outside [0, {V}) and is not ignore_index "
                         f"({ignore_index})")


def _compute_dtype(*dtypes):
    """float64 if an input is float64, else float32 (bf16/fp16 and mixed ones: autocast hidden + fp32 head)."""
    return torch.float64 if torch.float64 in dtypes else torch.float32


def _default_chunk(N, V):
    """Rows per chunk: a (chunk, V) float32 block of about 8M elements (32 MB), rounded down to a power of two."""
    rows = max(1, (1 << 23) // V)
    return min(N, 1 << (rows.bit_length() - 1)) if N > 0 else 1


# ----------------------------------------------------------------------------------------------------------------
# torch backend: forward statistics, and the chunked gradient shared by every path


@torch.no_grad()
def _row_stats_torch(hidden, weight, targets, inv_t, chunk, with_entropy, ignore_index):
    """Per-row lse, z[y] and (with_entropy) E_p[z], one (chunk, V) block of logits at a time."""
    N, V = hidden.shape[0], weight.shape[0]
    cd = _compute_dtype(hidden.dtype, weight.dtype)
    W = weight.to(cd)  # (V, D), no copy for float32
    lse = torch.empty(N, dtype=cd, device=hidden.device)
    z_y = torch.zeros(N, dtype=cd, device=hidden.device)
    e_z = torch.empty(N, dtype=cd, device=hidden.device) if with_entropy else None
    z_buf = torch.empty(min(chunk, N), V, dtype=cd, device=hidden.device)  # (C, V), reused
    p_buf = torch.empty_like(z_buf) if with_entropy else None
    for s in range(0, N, chunk):
        e = min(s + chunk, N)
        z = torch.mm(hidden[s:e].to(cd) * inv_t, W.t(), out=z_buf[: e - s])  # (c, V) = h W^T / T
        tgt = targets[s:e]
        valid = tgt != ignore_index
        z_y[s:e] = torch.where(valid, z.gather(1, torch.where(valid, tgt, 0)[:, None]).squeeze(1), 0.0)
        m = z.amax(dim=1, keepdim=True)  # (c, 1) for a stable exp
        if with_entropy:
            q = torch.sub(z, m, out=p_buf[: e - s]).exp_()  # (c, V) exp(z - m)
            sum_q = q.sum(dim=1)  # (c,)
            q_dot_z = torch.bmm(q[:, None, :], z[:, :, None]).view(-1)  # (c,) sum_v exp(z_v - m) z_v, one pass
            e_z[s:e] = q_dot_z / sum_q  # E_p[z]
        else:
            sum_q = z.sub_(m).exp_().sum(dim=1)  # in place: z is not needed any more
        lse[s:e] = m.squeeze(1) + sum_q.log()  # lse = m + log sum exp(z - m)
    return lse, z_y, e_z


def _chunked_grads(hidden, weight, targets, inv_t, chunk, lse, e_z, g_logp, g_ent, need_h, need_w, ignore_index):
    """dL/dh and dL/dW for upstream grads g_logp (N,) and g_ent (N,) (either may be None), recomputing z by chunks.

    lse, e_z: the forward's statistics (e_z only when g_ent is given). Returns grads in the inputs' dtype (or None).
    """
    N, D = hidden.shape
    V = weight.shape[0]
    cd = _compute_dtype(hidden.dtype, weight.dtype)
    dev = hidden.device
    W = weight.to(cd)  # (V, D)
    grad_h = torch.empty(N, D, dtype=hidden.dtype, device=dev) if need_h else None
    grad_w = torch.zeros(V, D, dtype=cd, device=dev) if need_w else None  # float32 accumulator
    valid = targets != ignore_index  # (N,)
    if g_logp is not None:
        g_logp = torch.where(valid, g_logp.to(cd), 0.0)  # ignored rows send no gradient through log p(y)
    if g_ent is None:
        # dL/dz = -g_logp * p + g_logp * onehot(y). Write -g_logp = sign * |g_logp| per row: then
        # |g_logp| * p = exp(z - lse + log|g_logp|) comes out of one exp over the logits, and the row sign is applied
        # to the small (c, D) operands instead of the (c, V) block (dL/dz = sign * dz', dz' = |g_logp| p - ...).
        sign = torch.where(g_logp > 0, -1.0, 1.0).to(cd)  # (N,) sign of -g_logp
        shift = g_logp.abs().log() - lse  # (N,) log|g_logp| - lse  (-inf for g_logp = 0: exp gives 0)
    else:
        # z - E_p[z] = (z - lse) + H, so with u = z - lse = log p:
        # dL/dz = -p * (g_logp + g_ent * (u + H)) = p * (a * u + b),  a = -g_ent,  b = -(g_logp + g_ent * H)
        sign, shift = torch.ones_like(lse), -lse
        g_ent = g_ent.to(cd)
        a = -g_ent
        b = -g_ent * (lse - e_z) - (g_logp if g_logp is not None else 0.0)
    u_buf = torch.empty(min(chunk, N), V, dtype=cd, device=dev)  # (C, V), reused
    p_buf = torch.empty_like(u_buf) if g_ent is not None else None
    for s in range(0, N, chunk):
        e = min(s + chunk, N)
        c = e - s
        h_s = hidden[s:e].to(cd) * inv_t  # (c, D) = h / T
        u = torch.addmm(shift[s:e, None], h_s, W.t(), out=u_buf[:c])  # (c, V) z + shift, z = h W^T / T
        if g_ent is None:
            dz = u.exp_()  # dz' = |g_logp| * p       (dL/dz = sign * dz', onehot term below)
        else:
            p = torch.exp(u, out=p_buf[:c])  # (c, V) p = softmax(z)
            dz = torch.addcmul(b[s:e, None], u, a[s:e, None], out=u).mul_(p)  # p * (a u + b)   (+ onehot below)
        if g_logp is not None:  # + g_logp * onehot(y), divided by the row sign like the rest of dz'
            rows = torch.arange(c, device=dev)
            tgt = torch.where(valid[s:e], targets[s:e], 0)
            dz.index_put_((rows, tgt), g_logp[s:e] * sign[s:e], accumulate=True)
        if need_h:
            grad_h[s:e] = torch.mm(dz, W).mul_((sign[s:e] * inv_t)[:, None])  # (c, D) = dL/dz W / T
        if need_w:
            grad_w.addmm_(dz.t(), h_s * sign[s:e, None])  # (V, D) += dL/dz^T h / T
    if need_w:
        grad_w = grad_w.to(weight.dtype)
    return grad_h, grad_w


# ----------------------------------------------------------------------------------------------------------------
# triton backend: forward statistics with an online logsumexp over vocabulary tiles


def _triton_available():
    try:
        import triton  # noqa: F401
    except ImportError:
        return False
    return True


@functools.lru_cache(maxsize=None)
def _row_stats_kernel(interpret: bool):
    """Build the Triton kernel lazily: TRITON_INTERPRET is read when @triton.jit runs, so importing this module does
    not import triton, and a CPU (interpreted) and a CUDA build are cached apart."""
    import triton
    import triton.language as tl

    @triton.jit
    def row_stats(h_ptr, w_ptr, tgt_ptr, lse_ptr, zy_ptr, ez_ptr, N, V, D, stride_h, stride_w, inv_t, ignore_index,
                  BLOCK_N: tl.constexpr, BLOCK_V: tl.constexpr, BLOCK_D: tl.constexpr, WITH_ENTROPY: tl.constexpr,
                  PRECISION: tl.constexpr, UPCAST: tl.constexpr):
        # one program = BLOCK_N rows; it sweeps the vocabulary in BLOCK_V tiles, keeping per row
        #   m = running max of z,  s = sum exp(z - m),  a = sum exp(z - m) * z
        # on a new tile with max m': s <- s * exp(m - m') + sum_tile exp(z - m'), likewise a; then
        #   lse = m + log s,   E_p[z] = a / s
        rows = tl.program_id(0) * BLOCK_N + tl.arange(0, BLOCK_N)  # (BN,)
        row_ok = rows < N
        tgt = tl.load(tgt_ptr + rows, mask=row_ok, other=ignore_index)  # (BN,)
        m = tl.full([BLOCK_N], float("-inf"), tl.float32)
        s = tl.zeros([BLOCK_N], tl.float32)
        a = tl.zeros([BLOCK_N], tl.float32)
        z_y = tl.zeros([BLOCK_N], tl.float32)
        for v0 in range(0, V, BLOCK_V):
            cols = v0 + tl.arange(0, BLOCK_V)  # (BV,)
            col_ok = cols < V
            acc = tl.zeros([BLOCK_N, BLOCK_V], tl.float32)  # (BN, BV) logits tile, float32 accumulation
            for d0 in range(0, D, BLOCK_D):
                d = d0 + tl.arange(0, BLOCK_D)  # (BD,)
                d_ok = d < D
                h = tl.load(h_ptr + rows[:, None] * stride_h + d[None, :],
                            mask=row_ok[:, None] & d_ok[None, :], other=0.0)  # (BN, BD)
                w = tl.load(w_ptr + cols[None, :] * stride_w + d[:, None],
                            mask=col_ok[None, :] & d_ok[:, None], other=0.0)  # (BD, BV) = W^T tile
                if UPCAST:  # the interpreter's dot mishandles bf16; bf16 -> fp32 is exact, so the result is the same
                    h, w = h.to(tl.float32), w.to(tl.float32)
                acc = tl.dot(h, w, acc, input_precision=PRECISION)
            z = tl.where(col_ok[None, :], acc * inv_t, float("-inf"))  # (BN, BV); padded columns -> -inf
            m_new = tl.maximum(m, tl.max(z, axis=1))
            alpha = tl.exp(m - m_new)  # rescales the old sums to the new max
            p = tl.exp(z - m_new[:, None])  # (BN, BV); 0 on padded columns
            s = s * alpha + tl.sum(p, axis=1)
            if WITH_ENTROPY:
                a = a * alpha + tl.sum(p * tl.where(col_ok[None, :], z, 0.0), axis=1)
            z_y += tl.sum(tl.where(cols[None, :] == tgt[:, None], z, 0.0), axis=1)  # ignore_index never matches
            m = m_new
        tl.store(lse_ptr + rows, m + tl.log(s), mask=row_ok)
        tl.store(zy_ptr + rows, z_y, mask=row_ok)
        if WITH_ENTROPY:
            tl.store(ez_ptr + rows, a / s, mask=row_ok)

    return row_stats


@torch.no_grad()
def _row_stats_triton(hidden, weight, targets, inv_t, with_entropy, ignore_index):
    interpret = os.environ.get("TRITON_INTERPRET", "0") == "1"
    if not hidden.is_cuda and not interpret:
        raise RuntimeError("backend='triton' needs CUDA tensors, or TRITON_INTERPRET=1 set before the first triton "
                           "call to run on CPU tensors (slow; for tests)")
    if {hidden.dtype, weight.dtype} - {torch.float32, torch.bfloat16, torch.float16}:
        raise ValueError(f"backend='triton' supports float32/bfloat16/float16 inputs, got {hidden.dtype}, "
                         f"{weight.dtype}")
    import triton

    if hidden.dtype != weight.dtype:  # mixed (e.g. bf16 activations, fp32 head): one dtype for tl.dot
        hidden, weight = hidden.float(), weight.float()
    hidden, weight, targets = hidden.contiguous(), weight.contiguous(), targets.contiguous()
    N, D = hidden.shape
    V = weight.shape[0]
    lse = torch.empty(N, dtype=torch.float32, device=hidden.device)
    z_y = torch.empty_like(lse)
    e_z = torch.empty_like(lse) if with_entropy else lse  # a dummy pointer when unused
    if interpret:  # few, large programs: the interpreter runs them one after another in numpy
        BN, BV, BD = 16, 64, 32
    else:
        BN, BV, BD = 64, 128, 64
    grid = (triton.cdiv(N, BN),)
    _row_stats_kernel(interpret)[grid](
        hidden, weight, targets, lse, z_y, e_z, N, V, D, hidden.stride(0), weight.stride(0), inv_t, ignore_index,
        BLOCK_N=BN, BLOCK_V=BV, BLOCK_D=BD, WITH_ENTROPY=with_entropy,
        PRECISION="ieee" if hidden.dtype == torch.float32 or interpret else "tf32",  # "ieee": true fp32, no TF32
        UPCAST=interpret and hidden.dtype != torch.float32)
    return lse, z_y, (e_z if with_entropy else None)


# ----------------------------------------------------------------------------------------------------------------
# log-probs (and entropy) with a custom backward


class _LinearLogprobs(torch.autograd.Function):
    @staticmethod
    def forward(ctx, hidden, weight, targets, inv_t, return_entropy, backend, chunk, ignore_index):
        if backend == "triton":
            lse, z_y, e_z = _row_stats_triton(hidden, weight, targets, inv_t, return_entropy, ignore_index)
        else:
            lse, z_y, e_z = _row_stats_torch(hidden, weight, targets, inv_t, chunk, return_entropy, ignore_index)
        valid = targets != ignore_index
        logp = torch.where(valid, z_y - lse, 0.0)  # (N,) log p(y) = z[y] - lse; 0 on ignored rows
        ctx.save_for_backward(hidden, weight, targets, lse, e_z)
        ctx.inv_t, ctx.chunk, ctx.ignore_index = inv_t, chunk, ignore_index
        ctx.set_materialize_grads(False)  # None upstream grads skip their share of the work
        if return_entropy:
            return logp, lse - e_z  # H = lse - E_p[z]
        return logp

    @staticmethod
    def backward(ctx, g_logp, g_ent=None):
        hidden, weight, targets, lse, e_z = ctx.saved_tensors
        need_h, need_w = ctx.needs_input_grad[0], ctx.needs_input_grad[1]
        if (g_logp is None and g_ent is None) or not (need_h or need_w):
            return (None,) * 8
        grad_h, grad_w = _chunked_grads(hidden, weight, targets, ctx.inv_t, ctx.chunk, lse, e_z, g_logp, g_ent,
                                        need_h, need_w, ctx.ignore_index)
        return grad_h, grad_w, None, None, None, None, None, None


def linear_logprobs(hidden, weight, targets, temperature=1.0, return_entropy=False, backend="auto", chunk_size=None,
                    ignore_index=IGNORE_INDEX):
    """log p(targets | hidden) under softmax(hidden @ weight.T / temperature), without the (N, V) logits.

    hidden (N, D), weight (V, D), targets (N,) int (ignore_index rows -> log-prob 0, no gradient).
    Returns float32 logp (N,), and entropy (N,) when return_entropy (float64 for float64 inputs).
    backend: "auto" | "torch" | "triton"; chunk_size: rows of logits recomputed at a time (default: ~8M logits).
    Differentiable w.r.t. hidden and weight for any upstream grads on logp and entropy.
    """
    _check_inputs(hidden, weight, targets, temperature, ignore_index)
    if backend == "auto":
        backend = "triton" if hidden.is_cuda and _triton_available() else "torch"
    if backend not in ("torch", "triton"):
        raise ValueError(f"backend must be 'auto', 'torch' or 'triton', got {backend!r}")
    N, V = hidden.shape[0], weight.shape[0]
    chunk = int(chunk_size) if chunk_size else _default_chunk(N, V)
    if chunk < 1:
        raise ValueError(f"chunk_size must be >= 1, got {chunk_size}")
    return _LinearLogprobs.apply(hidden, weight, targets, 1.0 / temperature, bool(return_entropy), backend, chunk,
                                 ignore_index)


# ----------------------------------------------------------------------------------------------------------------
# SFT loss mode: the gradient computed inside the forward


class _LinearCrossEntropy(torch.autograd.Function):
    @staticmethod
    def forward(ctx, hidden, weight, targets, ignore_index, reduction, chunk, need_h, need_w):
        N, D = hidden.shape
        V = weight.shape[0]
        cd = _compute_dtype(hidden.dtype, weight.dtype)
        dev = hidden.device
        W = weight.to(cd)  # (V, D)
        valid = targets != ignore_index  # (N,)
        n_valid = valid.sum()
        # loss = scale * sum_valid -(z[y] - lse), scale = 1/n_valid (mean) or 1 (sum), so per row
        # dloss/dz = scale * (p - onehot(y))  ==  the g_logp = -scale case of the gradient in the module docstring
        scale = 1.0 / n_valid.to(cd) if reduction == "mean" else torch.ones((), dtype=cd, device=dev)
        grad_h = torch.empty(N, D, dtype=hidden.dtype, device=dev) if need_h else None
        grad_w = torch.zeros(V, D, dtype=cd, device=dev) if need_w else None
        nll = torch.zeros(N, dtype=cd, device=dev)  # (N,) -log p(y), 0 on ignored rows
        z_buf = torch.empty(min(chunk, N), V, dtype=cd, device=dev)
        for s in range(0, N, chunk):
            e = min(s + chunk, N)
            c = e - s
            tgt, ok = targets[s:e], valid[s:e]
            tgt0 = torch.where(ok, tgt, 0)
            h_s = hidden[s:e].to(cd)  # (c, D)
            z = torch.mm(h_s, W.t(), out=z_buf[:c])  # (c, V)
            z_y = z.gather(1, tgt0[:, None]).squeeze(1)  # (c,)
            # lse = m + log sum exp(z - m), in place in the block: torch.logsumexp would allocate a (c, V) temporary
            m = z.amax(dim=1)  # (c,)
            total = z.sub_(m[:, None]).exp_().sum(dim=1)  # z <- exp(z - m)
            nll[s:e] = torch.where(ok, m + total.log() - z_y, 0.0)
            if need_h or need_w:
                g = torch.where(ok, scale, 0.0)  # (c,) per-row weight of this row's loss
                dz = z.mul_((g / total)[:, None])  # scale * p = scale * exp(z - m) / total; 0 if ignored
                dz.index_put_((torch.arange(c, device=dev), tgt0), -g, accumulate=True)  # - scale * onehot(y)
                if need_h:
                    grad_h[s:e] = torch.mm(dz, W)  # (c, D)
                if need_w:
                    grad_w.addmm_(dz.t(), h_s)  # (V, D)
        loss = nll.sum() * scale if reduction == "mean" else nll.sum()
        ctx.save_for_backward(grad_h, grad_w.to(weight.dtype) if need_w else None)
        return loss.float() if cd == torch.float32 else loss

    @staticmethod
    def backward(ctx, g):
        grad_h, grad_w = ctx.saved_tensors
        # the stored grads are d loss / d input; chain rule with the scalar upstream grad g
        grad_h = grad_h * g.to(grad_h.dtype) if grad_h is not None else None
        grad_w = grad_w * g.to(grad_w.dtype) if grad_w is not None else None
        return grad_h, grad_w, None, None, None, None, None, None


def linear_cross_entropy(hidden, weight, targets, ignore_index=IGNORE_INDEX, reduction="mean", chunk_size=None):
    """Cross-entropy of softmax(hidden @ weight.T) against targets, as F.cross_entropy, without the (N, V) logits.

    hidden (N, D), weight (V, D), targets (N,). reduction "mean" (over non-ignored rows; nan when there are none,
    as F.cross_entropy), "sum" or "none" ((N,), 0 on ignored rows). With grad enabled, "mean"/"sum" compute the
    gradients during the forward (one pass over the logits instead of two); "none" goes through linear_logprobs.
    """
    if reduction == "none":
        return -linear_logprobs(hidden, weight, targets, backend="torch", chunk_size=chunk_size,
                                ignore_index=ignore_index)
    if reduction not in ("mean", "sum"):
        raise ValueError(f"reduction must be 'mean', 'sum' or 'none', got {reduction!r}")
    _check_inputs(hidden, weight, targets, 1.0, ignore_index)
    grad_on = torch.is_grad_enabled()
    need_h, need_w = grad_on and hidden.requires_grad, grad_on and weight.requires_grad
    chunk = int(chunk_size) if chunk_size else _default_chunk(hidden.shape[0], weight.shape[0])
    return _LinearCrossEntropy.apply(hidden, weight, targets, ignore_index, reduction, chunk, need_h, need_w)
