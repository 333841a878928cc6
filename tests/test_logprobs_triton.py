"""minisafe.logprobs, backend="triton": the forward-statistics kernel against a float64 naive reference.

Without CUDA the kernel runs on CPU tensors in Triton's interpreter, which needs TRITON_INTERPRET=1 set *before
triton is first imported* (other test modules, through transformers or torch, may import it earlier in a pytest
session). So on CPU the tests below run in a fresh `python -m pytest` process started with TRITON_INTERPRET=1
(test_triton_interpreter_in_fresh_process); in that process, or with CUDA, they run directly.
Shapes are small: the interpreter runs every program instance in numpy, one after another.
"""
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from minisafe.logprobs import linear_logprobs, naive_logprobs
from test_logprobs import fresh_inputs, rel_err, value_and_grads

pytestmark = pytest.mark.skipif(importlib.util.find_spec("triton") is None, reason="triton is not installed")

DEVICE = "cuda" if torch.cuda.is_available() else "cpu"
RUN_HERE = DEVICE == "cuda" or os.environ.get("TRITON_INTERPRET") == "1"
here = pytest.mark.skipif(not RUN_HERE, reason="CPU: runs in a fresh TRITON_INTERPRET=1 process instead")


@pytest.mark.skipif(RUN_HERE, reason="the tests run in this process")
def test_triton_interpreter_in_fresh_process():
    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, TRITON_INTERPRET="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", __file__],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert "5 passed" in proc.stdout, proc.stdout[-2000:]  # the 5 kernel checks below ran, none skipped


def triton_fn(h, w, y, t, e):
    return linear_logprobs(h, w, y, t, e, backend="triton", chunk_size=8)


# N not a multiple of BLOCK_N (16), V not a multiple of BLOCK_V (64), D not a multiple of BLOCK_D (32)
@here
@pytest.mark.parametrize("N,D,V,T", [(37, 40, 300, 0.7), (16, 32, 64, 1.0), (9, 20, 131, 1.7)])
def test_triton_matches_float64_naive(N, D, V, T):
    hidden, weight, targets, up = fresh_inputs(N, D, V, n_ignored=N // 6)
    hidden, weight, targets = hidden.to(DEVICE), weight.to(DEVICE), targets.to(DEVICE)
    fused = value_and_grads(triton_fn, hidden, weight, targets, up.to(DEVICE), T, True)
    ref = value_and_grads(naive_logprobs, hidden, weight, targets, up.to(DEVICE), T, True, dtype=torch.float64)
    for name, a, b in zip(["logp", "entropy", "grad_hidden", "grad_weight"], fused, ref):
        assert rel_err(a, b) < 1e-5, name
    assert (fused[0][targets == -100] == 0).all()


@here
def test_triton_logp_only_agrees_with_torch_backend():
    hidden, weight, targets, _ = fresh_inputs(21, 24, 200)
    hidden, weight, targets = hidden.to(DEVICE), weight.to(DEVICE), targets.to(DEVICE)
    a = linear_logprobs(hidden, weight, targets, 0.9, backend="triton")
    b = linear_logprobs(hidden, weight, targets, 0.9, backend="torch")
    assert rel_err(a, b) < 1e-6


@here
def test_triton_bfloat16():
    hidden, weight, targets, up = fresh_inputs(24, 32, 150, dtype=torch.bfloat16)
    hidden, weight, targets = hidden.to(DEVICE), weight.to(DEVICE), targets.to(DEVICE)
    fused = value_and_grads(triton_fn, hidden, weight, targets, up.to(DEVICE), 1.0, True)
    ref = value_and_grads(naive_logprobs, hidden, weight, targets, up.to(DEVICE), 1.0, True, dtype=torch.float64)
    assert fused[0].dtype == torch.float32 and fused[2].dtype == torch.bfloat16
    assert rel_err(fused[0], ref[0]) < 1e-5 and rel_err(fused[1], ref[1]) < 1e-5
    assert rel_err(fused[2], ref[2]) < 1e-2 and rel_err(fused[3], ref[3]) < 1e-2
