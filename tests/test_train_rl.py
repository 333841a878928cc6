"""train_rl.py as a user runs it: a stopped or killed run resumes to the same bits with one metrics row per
iteration, an OUT that holds a checkpoint needs --resume, a reward head of another vocabulary is named, and a
non-finite reward stops the run keeping the last good checkpoint.

The policy is a 2-step smoke SFT model (it never ends its answers, so every score is the missing-<|end|> penalty):
these tests are about the loop's bookkeeping, not about learning. Runs are in-process (main(argv)) where that is
enough, and subprocesses where the user's view (a SIGKILL, --help) is the point."""

import json
import math
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

REPO = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "TQDM_DISABLE": "1", "OMP_NUM_THREADS": "1"}
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import train_rl  # noqa: E402

CONFIGS = {"h_times_s": [], "lagrangian_adaptive_kl": ["--reward", "lagrangian", "--kl-target", "0.01"]}


@pytest.fixture(scope="module")
def policy(tmp_path_factory):
    """A world and a tiny SFT policy (2 smoke steps) shared by every run here: (policy_dir, world_dir)."""
    from minisafe.world.build import build

    root = tmp_path_factory.mktemp("rl")
    build(root / "world", seed=0)
    proc = subprocess.run([sys.executable, str(REPO / "train_sft.py"), "--stage", "base", "--preset", "smoke",
                           "--world", str(root / "world"), "--out", str(root / "base"), "--max-steps", "2",
                           "--eval-every", "0"], cwd=REPO, env=ENV, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return root / "base", root / "world"


def rl_args(policy, out, *extra):
    init, world = policy
    return ["--init-from", str(init), "--world", str(world), "--out", str(out), "--preset", "smoke",
            "--reward-source", "grader", "--save-every", "1", "--device", "cpu", "--lr-decay-iterations", "3", *extra]


@pytest.fixture(scope="module")
def reference(policy, tmp_path_factory):
    """Uninterrupted 3-iteration runs, one per config, made on first use: name -> OUT."""
    root, done = tmp_path_factory.mktemp("uninterrupted"), {}

    def get(name):
        if name not in done:
            train_rl.main(rl_args(policy, root / name, "--iterations", "3", *CONFIGS[name]))
            done[name] = root / name
        return done[name]
    return get


def metrics(out):
    return [json.loads(l) for l in (out / "metrics.jsonl").read_text().splitlines()]


def assert_same_bits(expected, got):
    """The exported policy and the final training state (policy, value head) are bitwise equal."""
    for f in ("model.safetensors", "checkpoints/step-000003/model.safetensors"):
        a, b = load_file(str(expected / f)), load_file(str(got / f))
        assert a.keys() == b.keys(), f
        differ = [k for k in a if not torch.equal(a[k], b[k])]
        assert not differ, f"{f}: {len(differ)} tensors differ, e.g. {differ[:3]}"


def assert_same_log(expected, got):
    """metrics.jsonl: one row per iteration, each equal to the uninterrupted run's (timings aside)."""
    def strip(rows):
        return [{k: v for k, v in r.items() if not k.startswith("seconds_")} for r in rows]
    rows = metrics(got)
    assert [r["step"] for r in rows] == [1, 2, 3], "metrics.jsonl should hold exactly one row per iteration"
    assert strip(rows) == strip(metrics(expected))


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_stopped_after_two_iterations_then_resumed_is_bitwise_the_uninterrupted_run(policy, reference, name,
                                                                                    tmp_path):
    """--iterations 2, then --iterations 3 --resume: same bits and same log as 3 iterations in one go."""
    out = tmp_path / "resumed"
    train_rl.main(rl_args(policy, out, "--iterations", "2", *CONFIGS[name]))
    train_rl.main(rl_args(policy, out, "--iterations", "3", "--resume", *CONFIGS[name]))
    assert_same_bits(reference(name), out)
    assert_same_log(reference(name), out)


def test_sigkill_after_a_checkpoint_then_resume_gives_the_same_bits(policy, reference, tmp_path):
    """A subprocess killed at an arbitrary moment after its first checkpoint resumes to the uninterrupted bits."""
    out = tmp_path / "killed"
    cmd = [sys.executable, str(REPO / "train_rl.py"), *rl_args(policy, out, "--iterations", "3")]
    proc = subprocess.Popen(cmd, cwd=REPO, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    latest = out / "checkpoints" / "latest.json"
    deadline = time.time() + 120
    while not latest.exists() and time.time() < deadline and proc.poll() is None:
        time.sleep(0.01)
    time.sleep(random.Random(0).uniform(0.0, 0.2))  # possibly mid-iteration, mid-write, or already finished
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc = subprocess.run(cmd + ["--resume"], cwd=REPO, env=ENV, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert_same_bits(reference("h_times_s"), out)
    assert_same_log(reference("h_times_s"), out)


def test_resume_repairs_an_export_left_stale_by_a_kill_after_the_last_checkpoint(policy, reference, tmp_path):
    """Killed after the step-3 checkpoint but before OUT/model.safetensors was rewritten: --resume re-exports."""
    out = tmp_path / "run"
    train_rl.main(rl_args(policy, out, "--iterations", "2"))
    stale = (out / "model.safetensors").read_bytes()  # the step-2 export
    train_rl.main(rl_args(policy, out, "--iterations", "3", "--resume"))
    (out / "model.safetensors").write_bytes(stale)  # as if the kill came between checkpoint and export
    train_rl.main(rl_args(policy, out, "--iterations", "3", "--resume"))
    assert_same_bits(reference("h_times_s"), out)
    assert_same_log(reference("h_times_s"), out)


def test_resume_of_a_run_killed_before_its_first_checkpoint_logs_each_iteration_once(policy, reference, tmp_path):
    """Rows logged by a run killed before any checkpoint are dropped, not duplicated, when it starts over."""
    out = tmp_path / "run"
    out.mkdir()
    (out / "metrics.jsonl").write_text('{"step": 1, "reward": 0.5}\n{"step": 2, "reward": 0.6}\n')
    train_rl.main(rl_args(policy, out, "--iterations", "3", "--resume"))
    assert_same_bits(reference("h_times_s"), out)
    assert_same_log(reference("h_times_s"), out)


def test_out_with_a_checkpoint_needs_resume(policy, tmp_path):
    """Starting again into an OUT that holds a checkpoint exits, asking for --resume, and touches nothing."""
    out = tmp_path / "run"
    train_rl.main(rl_args(policy, out, "--iterations", "1"))
    before = {p: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    with pytest.raises(SystemExit) as e:
        train_rl.main(rl_args(policy, out, "--iterations", "2"))
    msg = str(e.value.code)
    assert "--resume" in msg and str(out) in msg, msg
    assert {p: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()} == before


def _save_head(path, vocab_size, name, tok):
    from minisafe.model import ModelConfig, Transformer
    from minisafe.reward_model import RewardModel

    torch.manual_seed(0)
    cfg = ModelConfig(vocab_size=vocab_size, d_model=16, n_layers=1, n_heads=2, n_kv_heads=1, d_ff=32,
                      max_seq_len=384)
    RewardModel(Transformer(cfg), name).save(path, tokenizer=tok)


def test_reward_head_of_another_vocabulary_is_named(policy, tmp_path):
    """A safety head with a larger vocab than the policy stops the run naming that head's directory."""
    from minisafe.tokenizer import ChatTokenizer

    init, _ = policy
    tok = ChatTokenizer.from_file(init / "tokenizer.json")
    vocab = json.loads((init / "config.json").read_text())["vocab_size"]
    heads = tmp_path / "rm"
    _save_head(heads / "helpfulness", vocab, "helpfulness", tok)  # compatible
    _save_head(heads / "safety", vocab + 8, "safety", tok)  # larger: would run silently on the wrong embeddings
    args = rl_args(policy, tmp_path / "run", "--iterations", "1", "--reward-source", "heads",
                   "--reward-heads", str(heads))
    with pytest.raises(ValueError) as e:
        train_rl.main(args)
    msg = str(e.value)
    assert str(heads / "safety") in msg and "vocab_size" in msg and str(vocab + 8) in msg, msg
    assert str(heads / "helpfulness") not in msg, msg
    assert not (tmp_path / "run" / "checkpoints").exists()
    # control: with a matching safety head the same command trains and scores with the heads
    _save_head(heads / "safety", vocab, "safety", tok)
    train_rl.main(args)
    assert [r["step"] for r in metrics(tmp_path / "run")] == [1]


def test_nan_reward_stops_and_keeps_the_last_good_checkpoint(policy, reference, tmp_path, monkeypatch):
    """A NaN reward at iteration 2 stops the run, names checkpoint step-1 (left intact), and --resume finishes."""
    out = tmp_path / "run"
    ckpt = out / "checkpoints" / "step-000001"
    real, calls, seen = train_rl.score_rollout, [], {}

    def poisoned(*args, **kw):
        score, h, s = real(*args, **kw)
        calls.append(1)
        if len(calls) == 2:
            seen["ckpt"] = (ckpt / "model.safetensors").read_bytes()
            seen["export"] = (out / "model.safetensors").read_bytes()
            score = score.clone()
            score[0] = float("nan")
        return score, h, s

    monkeypatch.setattr(train_rl, "score_rollout", poisoned)
    with pytest.raises(FloatingPointError) as e:
        train_rl.main(rl_args(policy, out, "--iterations", "3"))
    msg = str(e.value)
    assert "non-finite reward" in msg and "at step 2" in msg and f"last good checkpoint is {ckpt}" in msg, msg
    assert "--resume" in msg, msg
    assert json.loads((out / "checkpoints" / "latest.json").read_text())["step"] == 1
    assert (ckpt / "model.safetensors").read_bytes() == seen["ckpt"]
    assert (out / "model.safetensors").read_bytes() == seen["export"]
    assert [r["step"] for r in metrics(out)] == [1], "the poisoned iteration must not be logged"
    monkeypatch.undo()  # the cause is fixed: the run continues from the kept checkpoint as if nothing happened
    train_rl.main(rl_args(policy, out, "--iterations", "3", "--resume"))
    assert_same_bits(reference("h_times_s"), out)
    assert_same_log(reference("h_times_s"), out)


def test_help_exits_zero_and_documents_the_reward_options():
    """`python train_rl.py --help` exits 0 and describes --reward and --reward-source."""
    proc = subprocess.run([sys.executable, str(REPO / "train_rl.py"), "--help"], cwd=REPO, env=ENV,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"--reward \{safe_completion,", proc.stdout), proc.stdout
    assert re.search(r"--reward-source \{heads,grader\}", proc.stdout), proc.stdout
    assert "--resume" in proc.stdout


# ----------------------------------------------------------------------------------------------------------------
# DDP, the Lagrangian baseline, the refusal arm, and what each iteration logs


def test_two_gloo_processes_match_one_process_on_the_same_global_batch(policy, tmp_path):
    """torchrun with 2 gloo processes (each rolling out half the batch) trains the same policy as 1 process: the
    loss is a mean over the global minibatch's tokens, advantages are whitened over the whole batch, and the
    adaptive beta and the Lagrange multiplier follow the whole batch's KL and costs. Greedy rollouts (temperature
    0) make the sampled tokens independent of how the batch is split. No value warm-up here: on this tiny policy
    the rewards are constant and the warmed-up cost critic fits the costs almost exactly, so the advantages are
    its round-off residuals, which whitening scales up to unit size; any change of summation order then moves the
    policy. The warm-up's own DDP sums are checked in tests/test_ppo.py."""
    single, ddp = tmp_path / "single", tmp_path / "ddp"
    extra = ["--iterations", "2", "--temperature", "0", "--reward", "lagrangian", "--kl-target", "0.01",
             "--kl-horizon", "10", "--lr", "1e-3", "--value-warmup-steps", "0"]
    train_rl.main(rl_args(policy, single, *extra))
    cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2",
           str(REPO / "train_rl.py"), *rl_args(policy, ddp, *extra)]
    proc = subprocess.run(cmd, cwd=REPO, env=ENV, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    init = load_file(str(policy[0] / "model.safetensors"))
    for f in ("model.safetensors", "checkpoints/step-000002/model.safetensors"):
        a, b = load_file(str(single / f)), load_file(str(ddp / f))
        assert a.keys() == b.keys(), f
        for k in a:
            torch.testing.assert_close(b[k], a[k], atol=2e-6, rtol=1e-4, msg=lambda m: f"{f} {k}: {m}")
    final = load_file(str(single / "model.safetensors"))
    moved = max((final[k] - init[k]).abs().max().item() for k in init)
    assert moved > 1e-4, "the policy did not train: the comparison would be empty"
    keys = ("kl", "kl_coef", "lambda", "window_cost", "reward", "h", "s", "lr")
    ra, rb = metrics(single), metrics(ddp)
    for x, y in zip(ra, rb):
        assert {k: y[k] for k in keys} == pytest.approx({k: x[k] for k in keys}, rel=1e-4, abs=1e-7)
    assert ra[-1]["kl_coef"] != 0.05, "beta should have moved"


def test_lagrangian_multiplier_is_capped_and_its_window_saved(policy, tmp_path):
    """The smoke policy's answers are mostly unsafe (mean cost far above the 0.05 limit): with a huge lambda lr,
    log lambda would overflow, but it stops at --max-log-lambda; the cost critic and the window of the last 12
    episode costs (of 2 x 8) are in the checkpoint, and lambda followed the window's mean."""
    out = tmp_path / "run"
    train_rl.main(rl_args(policy, out, "--iterations", "2", "--reward", "lagrangian", "--lambda-lr", "1000",
                          "--max-log-lambda", "1.5", "--cost-window", "12"))
    rows = metrics(out)
    assert [r["lambda"] for r in rows] == [round(math.exp(1.5), 5)] * 2
    assert all(r["window_cost"] > 0.05 for r in rows)
    assert all(r["cost_explained_variance"] is None or r["cost_explained_variance"] <= 1 for r in rows)
    state = json.loads((out / "checkpoints" / "step-000002" / "state.json").read_text())
    assert state["log_lambda"] == 1.5 and len(state["recent_costs"]) == 12
    assert rows[-1]["window_cost"] == round(sum(state["recent_costs"]) / 12, 5)
    weights = load_file(str(out / "checkpoints" / "step-000002" / "model.safetensors"))
    assert {"cost_value_head.proj.weight", "cost_value_head.proj.bias"} <= weights.keys()


def test_lagrangian_kl_penalty_is_in_both_streams(policy, tmp_path, monkeypatch):
    """Safe RLHF puts -beta*KL in the reward and +beta*KL in the cost, so (A_r - lam A_c)/(1 + lam) keeps the KL's
    weight at beta for any lambda. At iteration 1 with no value warm-up both critics are zero, so A_r + A_c is the GAE
    of the end-of-answer score + cost alone: the KL terms cancel exactly."""
    from minisafe.ppo import compute_gae

    seen = []
    from minisafe import safe_rlhf

    real = safe_rlhf.lagrangian_advantage
    monkeypatch.setattr(safe_rlhf, "lagrangian_advantage",
                        lambda a_r, a_c, ll: seen.append((a_r.clone(), a_c.clone())) or real(a_r, a_c, ll))
    real_score, scored = train_rl.score_rollout, []
    monkeypatch.setattr(train_rl, "score_rollout", lambda *a, **k: scored.append(real_score(*a, **k)) or scored[-1])
    real_rollout, rolled = train_rl.rollout, []
    monkeypatch.setattr(train_rl, "rollout", lambda *a, **k: rolled.append(real_rollout(*a, **k)) or rolled[-1])
    train_rl.main(rl_args(policy, tmp_path / "run", "--iterations", "1", "--reward", "lagrangian",
                          "--kl-coef", "0.5", "--value-warmup-steps", "0", "--gae-lambda", "0.95"))
    (a_r, a_c), (score, _, s), ro = seen[0], scored[0], rolled[0]
    cost = 1 - s
    mask = ro.response_mask.float()
    last = mask.cumsum(1) == mask.sum(1, keepdim=True)  # the last response token of each row
    end_only = torch.where(last & mask.bool(), (score + cost)[:, None], torch.zeros_like(mask))
    expected, _ = compute_gae(end_only, torch.zeros_like(mask), mask, 1.0, 0.95)
    assert (a_r * mask).abs().sum() > 0 and not torch.allclose(a_r, -a_c)
    torch.testing.assert_close(a_r + a_c, expected, atol=1e-5, rtol=1e-5)


def test_refusal_reward_runs_with_the_default_heads_source(policy, tmp_path):
    """--reward refusal with --reward-source heads (the default): the decision is read by the refusal detector, h
    and s by the heads; no KeyError."""
    from minisafe.tokenizer import ChatTokenizer

    init, _ = policy
    tok = ChatTokenizer.from_file(init / "tokenizer.json")
    vocab = json.loads((init / "config.json").read_text())["vocab_size"]
    heads = tmp_path / "rm"
    for name in ("helpfulness", "safety"):
        _save_head(heads / name, vocab, name, tok)
    out = tmp_path / "run"
    train_rl.main(rl_args(policy, out, "--iterations", "1", "--reward", "refusal", "--reward-source", "heads",
                          "--reward-heads", str(heads)))
    row = metrics(out)[0]
    assert 0 < row["h"] < 1 and 0 < row["s"] < 1, row  # from the (random) heads, not the graders' 0
    assert -1.0 <= row["reward"] <= 1.0  # 1[right decision] minus the format penalty


def _score_by_prompt(real):
    """score_rollout with a score that depends on the prompt (the smoke policy's own score is the same for every
    answer, which leaves PPO with no signal and the returns with no variance to explain)."""
    def by_prompt(cfg, rows, *a, **k):
        score, h, s = real(cfg, rows, *a, **k)
        return torch.tensor([float(len(r["prompt"]) % 2) for r in rows]), h, s
    return by_prompt


def test_each_iteration_logs_explained_variance_learning_rate_and_on_policy_gaps(policy, tmp_path, monkeypatch):
    """The value head's explained variance, the annealed learning rate, and both on-policy gaps, every iteration."""
    monkeypatch.setattr(train_rl, "score_rollout", _score_by_prompt(train_rl.score_rollout))
    train_rl.main(rl_args(policy, tmp_path / "run", "--iterations", "3"))
    rows = metrics(tmp_path / "run")
    cfg = train_rl.preset_config("smoke")
    assert len(rows) == 3
    for r in rows:
        assert r["explained_variance"] is not None and r["explained_variance"] <= 1.0
        assert 0 <= r["rollout_logprob_gap"] < cfg.logprob_gap_warn and 0 <= r["logprob_gap"] < cfg.logprob_gap_warn
    lrs = [r["lr"] for r in rows]  # cosine over --lr-decay-iterations 3, from lr to 0.1 lr
    assert lrs[0] == cfg.lr and lrs[0] > lrs[1] > lrs[2] > cfg.min_lr_ratio * cfg.lr


def test_a_score_that_never_varies_gives_no_advantage(policy, reference):
    """The smoke policy's answers all get the same score and its first KL is 0: the warm-up's head, its bias at the
    mean return, predicts every return exactly, so every advantage is 0 and the explained variance is undefined
    (logged as None) rather than a number made of round-off."""
    rows = metrics(reference("h_times_s"))
    assert rows[0]["explained_variance"] is None and rows[0]["pg_loss"] == 0.0


def test_value_warm_up_and_value_learning_rate(policy, tmp_path, monkeypatch):
    """--value-warmup-steps fits the critic to the first rollout before the first policy update, so iteration 1's
    explained variance is well above the zero of an untouched head; --value-lr puts the head in its own parameter
    group at that peak rate. The score is made to depend on the prompt (the smoke policy's own is a constant); with
    lambda 1 the logged variance is that of the Monte Carlo returns the warm-up fits (a 2-step model's hidden states
    carry little of the prompt, so a linear head explains only part of it)."""
    monkeypatch.setattr(train_rl, "score_rollout", _score_by_prompt(train_rl.score_rollout))
    groups = []
    real_adamw = train_rl.training.AdamW
    monkeypatch.setattr(train_rl.training, "AdamW", lambda *a, **k: groups.append(a[0]) or real_adamw(*a, **k))
    ev = {}
    cfg = train_rl.preset_config("smoke")
    for name, extra in (("plain", ["--value-warmup-steps", "0", "--value-lr", str(cfg.lr)]),
                        ("warm", ["--value-warmup-steps", "200", "--value-lr", "1e-2"])):
        train_rl.main(rl_args(policy, tmp_path / name, "--iterations", "1", "--gae-lambda", "1", *extra))
        ev[name] = metrics(tmp_path / name)[0]["explained_variance"]
    assert ev["plain"] == pytest.approx(0.0, abs=1e-6) and ev["warm"] > 0.1, ev
    scales = [[g["lr_scale"] for g in gs] for gs in groups]
    assert scales == [[1.0, 1.0], [1.0, pytest.approx(1e-2 / cfg.lr)]]


def _shifted_rollout(monkeypatch, shift):
    real = train_rl.rollout

    def shifted(*a, **k):
        ro = real(*a, **k)
        ro.sample_logp = ro.sample_logp + shift * ro.response_mask
        return ro
    monkeypatch.setattr(train_rl, "rollout", shifted)


def test_an_off_policy_rollout_warns_then_stops_the_run_with_the_numbers(policy, tmp_path, monkeypatch):
    """The sampler's log-probs off by 0.3 from the full forward's: past the warning threshold, a warning; past the
    stop threshold, the run stops before its first update, with the gap and the threshold in the message."""
    _shifted_rollout(monkeypatch, 0.3)
    with pytest.warns(RuntimeWarning, match=r"rollout_logprob_gap 0\.3 at iteration 1.*warning threshold 0\.1"):
        train_rl.main(rl_args(policy, tmp_path / "warned", "--iterations", "1", "--logprob-gap-warn", "0.1",
                              "--logprob-gap-stop", "1"))
    with pytest.raises(RuntimeError, match=r"rollout_logprob_gap 0\.3 at iteration 1.*stop threshold 0\.2"):
        train_rl.main(rl_args(policy, tmp_path / "stopped", "--iterations", "1", "--logprob-gap-warn", "0.1",
                              "--logprob-gap-stop", "0.2"))
    assert not (tmp_path / "stopped" / "checkpoints").exists()


def test_adaptive_kl_horizon_lets_beta_move_over_a_cpu_run():
    """At the controller's largest error (+-0.2), beta must be able to move by more than 1.5x over the cpu preset's
    40 x 64 episodes (a horizon of 10,000 episodes would allow 5%)."""
    from minisafe.rewards import AdaptiveKLController

    for name in ("cpu", "gpu"):
        cfg = train_rl.preset_config(name)
        up = AdaptiveKLController(0.05, 1.0, cfg.kl_horizon)
        down = AdaptiveKLController(0.05, 1.0, cfg.kl_horizon)
        for _ in range(cfg.iterations):
            up.update(10.0, cfg.batch_size)
            down.update(0.0, cfg.batch_size)
        assert 1.5 < up.value / 0.05 < 2.0 and 0.5 < down.value / 0.05 < 0.7, (name, up.value, down.value)
