"""train_sft.py as a user runs it: a killed run resumes to the same bits, two DDP processes match one, bad input
is reported by file, line and field, and a NaN loss stops the run keeping the last good checkpoint."""

import json
import os
import random
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


def run(args, check=True, **kw):
    proc = subprocess.run([sys.executable, str(REPO / "train_sft.py"), *args], cwd=REPO, env=ENV,
                          capture_output=True, text=True, **kw)
    if check and proc.returncode != 0:
        raise AssertionError(f"train_sft.py {' '.join(args)} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return proc


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """One world (and cached tokenizer) shared by every run here."""
    from minisafe.world.build import build

    d = tmp_path_factory.mktemp("world")
    build(d, seed=0)
    return d


def smoke(world, out, *extra):
    return ["--stage", "base", "--preset", "smoke", "--world", str(world), "--out", str(out), "--max-steps", "8",
            "--save-every", "2", "--eval-every", "0", *extra]


@pytest.fixture(scope="module")
def smoke_model(world, tmp_path_factory):
    """One uninterrupted smoke run, read by the tests below (never written to: they train into their own --out)."""
    out = tmp_path_factory.mktemp("smoke") / "run"
    run(smoke(world, out))
    return out


def test_sigkill_at_any_moment_then_resume_gives_bitwise_the_same_model(world, smoke_model, tmp_path):
    expected = (smoke_model / "model.safetensors").read_bytes()   # the uninterrupted run
    rng = random.Random(0)
    for trial in range(2):
        out = tmp_path / f"killed{trial}"
        proc = subprocess.Popen([sys.executable, str(REPO / "train_sft.py"), *smoke(world, out)], cwd=REPO, env=ENV,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        latest = out / "checkpoints" / "latest.json"
        deadline = time.time() + 120
        while not latest.exists() and time.time() < deadline and proc.poll() is None:
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.6))  # then kill at an arbitrary moment (possibly mid-write)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        run(smoke(world, out, "--resume"))
        assert (out / "model.safetensors").read_bytes() == expected, f"trial {trial}: resumed run differs"
        steps = [json.loads(l)["step"] for l in (out / "metrics.jsonl").read_text().splitlines()]
        assert steps == sorted(set(steps)), "metrics.jsonl repeats steps after resume"


def test_output_directory_loads_in_minisafe_and_transformers(smoke_model):
    out = smoke_model
    from minisafe.hf import load_pretrained
    from minisafe.tokenizer import ChatTokenizer

    model = load_pretrained(out)
    tok = ChatTokenizer.from_file(out / "tokenizer.json")
    ids = torch.tensor([tok.render_prompt("How do I tune a guitar?")])
    transformers = pytest.importorskip("transformers")
    hf = transformers.AutoModelForCausalLM.from_pretrained(out)
    with torch.no_grad():
        torch.testing.assert_close(hf(ids).logits, model(ids), atol=1e-4, rtol=1e-4)
    rows = [json.loads(l) for l in (out / "metrics.jsonl").read_text().splitlines()]
    assert rows[-1]["step"] == 8 and {"loss", "lr", "grad_norm", "tokens_per_s"} <= set(rows[-1])


def test_two_gloo_processes_match_one_process_on_the_same_global_batch(world, tmp_path):
    single, ddp = tmp_path / "single", tmp_path / "ddp"
    args = ["--batch-size", "8", "--micro-batch-size", "4", "--max-steps", "6"]
    run(smoke(world, single, *args))
    cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2",
           str(REPO / "train_sft.py"), *smoke(world, ddp, *args)]
    proc = subprocess.run(cmd, cwd=REPO, env=ENV, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    a, b = load_file(str(single / "model.safetensors")), load_file(str(ddp / "model.safetensors"))
    assert a.keys() == b.keys()
    for k in a:
        torch.testing.assert_close(a[k], b[k], atol=1e-5, rtol=1e-4, msg=lambda m: f"{k}: {m}")
    la = [json.loads(l)["loss"] for l in (single / "metrics.jsonl").read_text().splitlines()]
    lb = [json.loads(l)["loss"] for l in (ddp / "metrics.jsonl").read_text().splitlines()]
    assert la == pytest.approx(lb, rel=1e-4)


def test_bad_rows_are_reported_with_file_line_and_field(smoke_model, tmp_path):
    base = smoke_model
    data = tmp_path / "data.jsonl"
    data.write_text('{"prompt": "a", "cot": "b", "answer": "c"}\n{"prompt": "a", "answer": "c"}\n')
    proc = run(["--stage", "custom", "--init-from", str(base), "--data", str(data), "--out", str(tmp_path / "x"),
                "--preset", "smoke"], check=False)
    assert proc.returncode != 0
    assert f"{data}:2: missing field 'cot'" in proc.stderr
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    proc = run(["--stage", "custom", "--init-from", str(base), "--data", str(empty), "--out", str(tmp_path / "y"),
                "--preset", "smoke"], check=False)
    assert proc.returncode != 0 and "no training rows" in proc.stderr


def test_too_long_examples_are_skipped_and_counted(smoke_model, tmp_path):
    base = smoke_model
    data = tmp_path / "data.jsonl"
    rows = [{"prompt": "tune a guitar", "cot": "easy", "answer": "turn the pegs"}] * 12
    rows += [{"prompt": "tune a guitar", "cot": "easy", "answer": "word " * 500}] * 3
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    proc = run(["--stage", "custom", "--init-from", str(base), "--data", str(data), "--out", str(tmp_path / "x"),
                "--preset", "smoke", "--max-steps", "2", "--batch-size", "4", "--seq-len", "64"])
    assert "skipped 3 longer than 64 tokens" in proc.stdout


def test_nan_loss_stops_and_keeps_the_last_good_checkpoint(world, tmp_path):
    out = tmp_path / "run"
    run(smoke(world, out, "--max-steps", "4"))
    ckpt = out / "checkpoints" / "step-000004" / "model.safetensors"
    before = ckpt.read_bytes()
    # continue with an absurd learning rate: the weights blow up and the loss turns non-finite
    proc = run(smoke(world, out, "--resume", "--lr", "1e30", "--save-every", "100"), check=False)
    assert proc.returncode != 0
    assert "non-finite" in proc.stderr and "step-000004" in proc.stderr, proc.stderr[-2000:]
    assert json.loads((out / "checkpoints" / "latest.json").read_text())["step"] == 4
    assert ckpt.read_bytes() == before
