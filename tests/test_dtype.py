"""--dtype bf16 on CPU (bf16 autocast runs there): what stays fp32, and how far a bf16 PPO iteration is from fp32.

Tolerances, stated once (a tiny random model, whose logits are small; a trained model's larger logits carry larger
absolute bf16 errors, which is why the head's log-probs are computed in fp32 from the backbone's hidden states):
- the update's first minibatch reproduces the rollout's log-probs (ratio 1) within RATIO_TOL;
- the sampler's log-probs (bf16 logits) and the full forward's agree within SAMPLER_TOL;
- the KL to the bf16-weight reference at iteration 1 (policy == reference) is below KL_TOL per sequence;
- bf16 and fp32 log-probs of the same tokens differ by less than FP32_TOL.
Measured here: ratio gap 0.0, sampler gap 0.005, KL -0.0005. On SmolLM2-135M (docs/gpu.md): bf16 vs fp32 max 0.13.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import train_rl  # noqa: E402
from minisafe import training  # noqa: E402
from minisafe.hf import load_pretrained, save_pretrained  # noqa: E402
from minisafe.model import ModelConfig, Transformer  # noqa: E402
from minisafe.ppo import forward_response, rollout  # noqa: E402
from minisafe.tokenizer import ChatTokenizer  # noqa: E402

RATIO_TOL, SAMPLER_TOL, KL_TOL, FP32_TOL = 1e-3, 0.1, 0.05, 0.1


@pytest.fixture(scope="module")
def policy(tmp_path_factory):
    """A world's prompts and a tiny random house-format policy saved as a checkpoint: (policy_dir, world_dir)."""
    from minisafe.world.build import build

    root = tmp_path_factory.mktemp("dtype")
    build(root / "world", seed=0)
    rows = [json.loads(line) for line in (root / "world" / "prompts.jsonl").read_text().splitlines()[:400]]
    tok = ChatTokenizer.train([r["prompt"] for r in rows], vocab_size=400)
    torch.manual_seed(0)
    model = Transformer(ModelConfig(vocab_size=tok.vocab_size, d_model=64, n_layers=2, n_heads=4, n_kv_heads=2,
                                    d_ff=176, max_seq_len=384))
    save_pretrained(model, root / "policy", tokenizer=tok)
    return root / "policy", root / "world"


def ppo_row(policy, out, dtype):
    init, world = policy
    train_rl.main(["--init-from", str(init), "--world", str(world), "--out", str(out), "--preset", "smoke",
                   "--reward-source", "grader", "--iterations", "1", "--device", "cpu", "--dtype", dtype,
                   "--value-warmup-steps", "5"])
    return json.loads((out / "metrics.jsonl").read_text().splitlines()[0])


def test_bf16_ppo_iteration_stays_within_tolerance_of_fp32(policy, tmp_path):
    fp32, bf16 = ppo_row(policy, tmp_path / "fp32", "fp32"), ppo_row(policy, tmp_path / "bf16", "bf16")
    assert fp32["logprob_gap"] < 1e-5 and fp32["rollout_logprob_gap"] < 1e-4 and abs(fp32["kl"]) < 1e-6
    assert bf16["logprob_gap"] < RATIO_TOL                 # first minibatch: ratio exp(logp - old_logp) ~ 1
    assert bf16["rollout_logprob_gap"] < SAMPLER_TOL       # the KV-cache sampler under autocast vs the full forward
    assert abs(bf16["kl"]) < KL_TOL                        # policy (fp32 weights) vs reference (bf16 weights)
    assert 0 < bf16["rollout_logprob_gap"]                 # bf16 really ran: fp32 would give ~0
    for row in (fp32, bf16):
        assert all(torch.isfinite(torch.tensor(float(row[k]))) for k in ("pg_loss", "value_loss", "grad_norm"))
    # trained weights and AdamW state stay fp32 in a bf16 run
    ckpt = next((tmp_path / "bf16" / "checkpoints").glob("step-*"))
    for f in ckpt.glob("*.safetensors"):
        dtypes = {t.dtype for t in load_file(str(f)).values() if t.is_floating_point()}
        assert dtypes <= {torch.float32}, (f.name, dtypes)


def test_bf16_log_probs_of_the_same_tokens_are_close_to_fp32(policy):
    init, world = policy
    tok, model = ChatTokenizer.from_file(init), load_pretrained(init)
    rows = [json.loads(line) for line in (world / "prompts.jsonl").read_text().splitlines()[:8]]
    ro = rollout(model, tok, rows, 24, 1.0, torch.Generator().manual_seed(0))
    args = (ro.ids, ro.attention_mask, ro.prompt_len, 1.0)
    fp32, hidden32, _ = forward_response(model, *args)
    bf16, hidden16, _ = forward_response(model, *args, autocast=training.autocast("cpu", "bf16"))
    assert hidden16.dtype == torch.float32 and bf16.dtype == torch.float32   # the head reads fp32 states
    mask = ro.response_mask.bool()
    gap = (fp32 - bf16)[mask].abs()
    assert 0 < gap.max() < FP32_TOL and gap.mean() < FP32_TOL / 10
    frozen = load_pretrained(init, dtype=torch.bfloat16)
    ref, _, _ = forward_response(frozen, *args, autocast=training.autocast("cpu", "bf16"))
    assert (ref - bf16)[mask].abs().mean() < FP32_TOL / 10


def test_dtype_resolution():
    assert training.bf16("cpu", "bf16") and not training.bf16("cpu", "fp32") and not training.bf16("cpu", "auto")
    assert training.bf16("cuda", "auto") and not training.bf16("cuda", "fp32")
    with training.autocast("cpu", "bf16"):
        assert torch.nn.functional.linear(torch.ones(2, 3), torch.ones(4, 3)).dtype == torch.bfloat16
    with training.autocast("cpu", "fp32"):
        assert torch.nn.functional.linear(torch.ones(2, 3), torch.ones(4, 3)).dtype == torch.float32
