"""Tests that fail when training is broken, not only when it crashes.

- SFT on a tiny, repetitive data set must bring the loss below a stated value (an uphill learning rate, a
  detached loss or a zeroed gradient fail it);
- gradient accumulation (micro-batches of 4 inside a batch of 8) must give the same weights as one micro-batch of
  8: the accumulation branch is taken and exact;
- PPO on a toy task whose reward varies across samples (the share of response tokens equal to one target token)
  must raise the mean reward; with the reward multiplied by 0 it cannot, and this test then fails;
- bf16 loading is checked by values, not only by dtype.
docs/errors.md lists the mutation each test was checked against and the result.
"""

import json
import sys
from pathlib import Path

import pytest
import torch

from minisafe.hf import load_pretrained, save_pretrained
from minisafe import ppo, rewards
from minisafe.model import ModelConfig, Transformer

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import train_sft  # noqa: E402

TEXTS = ["how do I tune a guitar", "turn the pegs slowly", "the answer is a safe one", "I cannot help with that"]


def tiny_model_dir(path: Path) -> Path:
    from minisafe.tokenizer import ChatTokenizer

    tok = ChatTokenizer.train(TEXTS * 4, vocab_size=300)
    torch.manual_seed(0)
    model = Transformer(ModelConfig(vocab_size=tok.vocab_size, d_model=32, n_layers=1, n_heads=2, n_kv_heads=1,
                                    d_ff=64, max_seq_len=256))
    save_pretrained(model, path, tokenizer=tok)
    return path


@pytest.fixture(scope="module")
def sft_setup(tmp_path_factory):
    root = tmp_path_factory.mktemp("learn")
    base = tiny_model_dir(root / "base")
    rows = [{"prompt": f"how do I tune guitar {i % 3}", "cot": "it is safe", "answer": f"turn the pegs slowly {i % 3}"}
            for i in range(40)]
    data = root / "d.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return root, base, data


def sft_argv(setup, out, *extra):
    _, base, data = setup
    return ["--stage", "custom", "--init-from", str(base), "--data", str(data), "--out", str(out), "--preset",
            "smoke", "--seq-len", "64", "--eval-every", "0", "--save-every", "100", "--device", "cpu", *extra]


# an untrained model starts near ln(300) = 5.7 (uniform over the vocabulary); 40 steps at lr 1e-2 on 3 distinct
# examples log 2.67 at step 10 and 0.56 at step 40 (measured); an uphill run ends above 5
SFT_LOSS_BOUND = 1.0


def test_sft_loss_falls_below_a_stated_value(sft_setup):
    out = sft_setup[0] / "learns"
    summary = train_sft.main(sft_argv(sft_setup, out, "--max-steps", "40", "--batch-size", "8",
                                      "--micro-batch-size", "8", "--lr", "1e-2"))
    losses = [json.loads(l)["loss"] for l in (out / "metrics.jsonl").read_text().splitlines()]
    assert len(losses) == 4, losses  # logged at steps 10, 20, 30, 40
    assert summary["final_loss"] < SFT_LOSS_BOUND, losses
    assert summary["final_loss"] < 0.5 * losses[0], losses


def test_sft_gradient_accumulation_equals_one_big_micro_batch(sft_setup):
    from safetensors.torch import load_file

    one, acc = sft_setup[0] / "one", sft_setup[0] / "acc"
    train_sft.main(sft_argv(sft_setup, one, "--max-steps", "3", "--batch-size", "8", "--micro-batch-size", "8"))
    train_sft.main(sft_argv(sft_setup, acc, "--max-steps", "3", "--batch-size", "8", "--micro-batch-size", "4"))
    a, b = load_file(str(one / "model.safetensors")), load_file(str(acc / "model.safetensors"))
    base = load_file(str(sft_setup[1] / "model.safetensors"))
    k = sorted(a)[0]
    assert not torch.equal(a[k], base[k])  # training moved the weights...
    for k in a:  # ...and two micro-batches of 4 moved them exactly as one of 8
        torch.testing.assert_close(b[k], a[k], atol=2e-6, rtol=1e-5, msg=lambda m: f"{k}: {m}")


# ----------------------------------------------------------------------------------------------------------------
# PPO on a toy task (the pieces train_rl.py is built from: rollout sampling, GAE, clipped losses)


def ppo_mean_rewards(iterations=14, reward_scale=1.0, lr=3e-3, seed=0) -> list[float]:
    """Policy: a tiny transformer over 16 tokens. Prompt: 4 fixed tokens. Response: 8 sampled tokens.
    Score: the share of response tokens equal to TARGET (varies across samples from the start). Returns the mean
    score of each iteration's rollout."""
    TARGET, V, P, R, B = 3, 16, 4, 8, 32
    torch.manual_seed(seed)
    policy = Transformer(ModelConfig(vocab_size=V, d_model=32, n_layers=1, n_heads=2, n_kv_heads=1, d_ff=64,
                                     max_seq_len=32))
    value_head = ppo.ValueHead(32)
    opt = torch.optim.AdamW(list(policy.parameters()) + list(value_head.parameters()), lr=lr, eps=1e-5)
    prompt = torch.tensor([[1, 5, 7, 2]]).expand(B, P)
    g = torch.Generator().manual_seed(seed)
    means = []
    for it in range(iterations):
        policy.eval()
        out = policy.generate(prompt, R, temperature=1.0, generator=g)  # (B, P + R)
        policy.train()
        score = (out[:, P:] == TARGET).float().mean(dim=1) * reward_scale  # (B,)
        means.append((out[:, P:] == TARGET).float().mean().item())
        if it == 0:
            assert score.std() > 0 or reward_scale == 0, "the toy reward must vary across samples"
        mask = torch.ones(B, R)
        attn = torch.ones(B, P + R, dtype=torch.long)
        with torch.no_grad():
            old_logp, hidden, _ = ppo.forward_response(policy, out, attn, P)
            old_values = value_head(hidden)
        r = rewards.per_token_rewards(score, torch.zeros(B, R), mask, kl_coef=0.0)  # score at the last token
        adv, ret = ppo.compute_gae(r, old_values, mask, gamma=1.0, lam=0.95)
        adv = ppo.masked_whiten(adv, mask)
        for _ in range(2):
            logp, hidden, _ = ppo.forward_response(policy, out, attn, P)
            values = value_head(hidden)
            pl, _ = ppo.policy_loss(logp, old_logp, adv, mask, clip_eps=0.2)
            vl, _ = ppo.value_loss(values, old_values, ret, mask)
            opt.zero_grad(set_to_none=True)
            (pl + 0.1 * vl).backward()
            torch.nn.utils.clip_grad_norm_(policy.parameters(), 1.0)
            opt.step()
    return means


def test_ppo_raises_a_reward_that_varies_across_samples():
    means = ppo_mean_rewards()
    first, last = sum(means[:3]) / 3, sum(means[-3:]) / 3
    # chance level is 1/16 = 0.06; measured: ~0.06 -> ~0.5 in 14 iterations
    assert first < 0.15, means
    assert last > first + 0.2, means


def test_ppo_with_the_reward_zeroed_does_not_learn_the_task():
    """The control for the test above: the same loop with reward * 0 stays near chance, so the rise there comes
    from the reward, not from a drift of the sampler."""
    means = ppo_mean_rewards(reward_scale=0.0)
    assert sum(means[-3:]) / 3 < 0.2, means


# ----------------------------------------------------------------------------------------------------------------
# bf16 loading by value


def test_bf16_loading_keeps_the_values(tmp_path):
    d = tiny_model_dir(tmp_path / "m")
    fp32 = load_pretrained(d)
    bf16 = load_pretrained(d, dtype=torch.bfloat16)
    for (n, a), (_, b) in zip(fp32.state_dict().items(), bf16.state_dict().items()):
        assert b.dtype == torch.bfloat16, n
        assert torch.equal(b, a.to(torch.bfloat16)), n  # each weight is the fp32 value rounded to bf16
    ids = torch.tensor([[1, 20, 30, 40, 50, 60]])
    with torch.no_grad():
        ref, low = fp32(ids), bf16(ids).float()
    err = (low - ref).abs().max().item()
    assert err < 0.05 * ref.abs().max().item(), err
