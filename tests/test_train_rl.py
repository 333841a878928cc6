"""train_rl.py as a user runs it: a stopped or killed run resumes to the same bits with one metrics row per
iteration, an OUT that holds a checkpoint needs --resume, a reward head of another vocabulary is named, and a
non-finite reward stops the run keeping the last good checkpoint.

The policy is a 2-step smoke SFT model (it never ends its answers, so every score is the missing-<|end|> penalty):
these tests are about the loop's bookkeeping, not about learning. Runs are in-process (main(argv)) where that is
enough, and subprocesses where the user's view (a SIGKILL, --help) is the point."""

import json
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
    from minisafe.world import build

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
            "--reward-source", "grader", "--save-every", "1", "--device", "cpu", *extra]


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
        score, cost, info = real(*args, **kw)
        calls.append(1)
        if len(calls) == 2:
            seen["ckpt"] = (ckpt / "model.safetensors").read_bytes()
            seen["export"] = (out / "model.safetensors").read_bytes()
            score = score.clone()
            score[0] = float("nan")
        return score, cost, info

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
