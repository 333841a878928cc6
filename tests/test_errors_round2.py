"""Bad input, round 2 (docs/errors.md, second half): the file system, option bounds, checkpoints that lie, two writers
at once, killed runs, and counts that say what happened. Each is one line on stderr (or the right result), and
nothing is lost.

In-process (the scripts' main(argv) through cli.run_main) wherever that is enough; a subprocess only where a signal,
a file-size limit or a second process is the point."""

import importlib
import json
import os
import resource
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import torch

from minisafe import cli, io
from test_errors import (ENV, REPO, assert_one_line, one_line_error, prompt_row, sft, sft_rows, tiny_model_dir,
                         write_jsonl)


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    return tiny_model_dir(tmp_path_factory.mktemp("base") / "m")


def answers(tmp_path, n=3, name="a.jsonl"):
    return write_jsonl(tmp_path / name, [prompt_row(i, answer="Keep it in a cool, dry place.") for i in range(n)])


# ----------------------------------------------------------------------------------------------------------------
# the file system: every OSError is one line naming the path; outputs checked before any work; no temp files left


def test_file_system_errors_are_one_line_naming_the_path(capsys, tmp_path):
    import build_world
    import evaluate
    import generate_data
    import train_rewards

    (tmp_path / "f").write_text("a file")
    code, err = one_line_error(capsys, build_world.main, ["--out", str(tmp_path / "f" / "w")])
    assert code == 2
    assert_one_line(err, str(tmp_path / "f"), "expected a directory")

    code, err = one_line_error(capsys, train_rewards.main, ["--init-from", str(tmp_path), "--world", str(tmp_path),
                                                            "--out", str(tmp_path / "f")])
    assert code == 2
    assert_one_line(err, f"--out {tmp_path / 'f'}: is a file")

    code, err = one_line_error(capsys, generate_data.main, [
        "--spec", str(tmp_path), "--prompts", str(answers(tmp_path)), "--out", str(tmp_path / "gd"),
        "--teacher-url", "http://127.0.0.1:9/v1", "--teacher-model", "t", "--judge-url", "http://127.0.0.1:9/v1",
        "--judge-model", "j"])
    assert code == 2
    assert_one_line(err, str(tmp_path), "a directory", "expected a file")

    code, err = one_line_error(capsys, evaluate.main, ["--answers", str(answers(tmp_path)), "--out",
                                                       str(tmp_path / "f" / "r.json")])
    assert code == 2
    assert_one_line(err, str(tmp_path / "f"), "expected a directory")


def test_evaluate_output_that_cannot_be_written_is_found_before_any_generation(capsys, tmp_path, base, monkeypatch):
    import evaluate
    from minisafe.world import report

    monkeypatch.setattr(report, "evaluate_checkpoint", lambda *a, **k: pytest.fail("generation ran"))
    (tmp_path / "f").write_text("a file")
    code, err = one_line_error(capsys, evaluate.main, ["--model", str(base), "--prompts", str(answers(tmp_path)),
                                                       "--out", str(tmp_path / "f" / "r.json")])
    assert code == 2
    assert_one_line(err, str(tmp_path / "f"))


def test_full_disk_is_one_line_and_leaves_no_temporary_files(tmp_path):
    """A file-size limit (ulimit -f) makes a write fail with EFBIG, as a full disk does with ENOSPC."""
    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))

    proc = subprocess.run([sys.executable, str(REPO / "build_world.py"), "--out", str(tmp_path / "w")], cwd=REPO,
                          env=ENV, capture_output=True, text=True, timeout=120, preexec_fn=limit)
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert_one_line(proc.stderr, str(tmp_path / ".w.building"), "expected a smaller file")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w"]                   # no staging directory left behind
    assert sorted(p.name for p in (tmp_path / "w").iterdir()) == [".lock"]        # and no world that looks built


def test_fifo_input_is_refused_at_once(tmp_path):
    fifo = tmp_path / "answers.jsonl"
    os.mkfifo(fifo)   # nobody writes it: reading would hang forever
    proc = subprocess.run([sys.executable, str(REPO / "evaluate.py"), "--answers", str(fifo)], cwd=REPO, env=ENV,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert_one_line(proc.stderr, f"{fifo}: not a regular file (a FIFO or device)")


def test_jsonl_with_a_byte_order_mark_is_read_like_csv(tmp_path):
    p = tmp_path / "bom.jsonl"
    p.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "a", "answer": "x"}).encode() + b"\n")
    assert io.read_jsonl(p, required=("id",)) == [{"id": "a", "answer": "x"}]
    (tmp_path / "bom.json").write_bytes(b"\xef\xbb\xbf{\"a\": 1}")
    assert io.read_json(tmp_path / "bom.json") == {"a": 1}


# ----------------------------------------------------------------------------------------------------------------
# option bounds: checked before any work, one line naming the flag


URLS = ["--teacher-model", "t", "--judge-url", "http://127.0.0.1:9/v1", "--judge-model", "j"]
BOUNDS = [
    ("build_world", ["--seed", str(2**64), "--out", "{t}/o"], "--seed must be in [0, 4294967295]"),
    ("train_sft", ["--seed", str(2**64), "--out", "{t}/o"], "--seed must be in [0, 4294967295]"),
    ("train_sft", ["--vocab-size", "1", "--out", "{t}/o"], "--vocab-size must be >= 263"),
    ("train_rewards", ["--max-len", "1", "--init-from", "{t}", "--world", "{t}", "--out", "{t}/o"],
     "--max-len must be >= 8"),
    ("train_rl", ["--temperature", "1e-30", "--init-from", "{t}", "--out", "{t}/o"], "use 0 (greedy) or at least"),
    ("evaluate", ["--answers", "{a}", "--seed", str(2**64)], "--seed must be in [0, 4294967295]"),
    ("evaluate", ["--answers", "{a}", "--device", "tpu"], "--device 'tpu' is not a device"),
    ("evaluate", ["--model", "{m}", "--prompts", "{a}", "--out", "{t}/r.json", "--max-new-tokens", "1000000000"],
     "--max-new-tokens 1000000000: must be below the context"),
    ("evaluate", ["--prompts", "{a}", "--model", "{m}", "--out", "{t}/r.json", "--model", "{m}", "--out",
                  "{t}/r.json"], "given twice"),
    ("generate_data", ["--spec", "{a}", "--prompts", "{a}", "--out", "{t}/o", "--teacher-url", "127.0.0.1:8000/v1",
                       *URLS], "server URL must start with http:// or https://"),
    ("generate_data", ["--spec", "{a}", "--prompts", "{a}", "--out", "{t}/o", "--timeout", "1e300",
                       "--teacher-url", "http://127.0.0.1:9/v1", *URLS], "--timeout must be <= 86400"),
    ("recipe", ["--out", "{t}/o", "--rewards", "additive", "--tag", "x", "--rl-args", "--lr '3e-6"],
     "--rl-args \"--lr '3e-6\": No closing quotation"),
    ("recipe", ["--out", "{t}/o", "--seeds", "\u00b2"], "--seeds must be comma-separated integers"),
    ("recipe", ["--out", "{t}/o", "--seeds", "0,0"], "a seed given twice"),
    ("recipe_own_spec", ["--spec", "{a}", "--prompts", "{a}", "--init-from", "{m}", "--out", "{t}/o",
                         "--teacher-url", "http://127.0.0.1:9/v1", *URLS, "--sft-args", "--lr '1"],
     "--sft-args \"--lr '1\": No closing quotation"),
    ("recipe_own_spec", ["--spec", "{a}", "--prompts", "{a}", "--init-from", "{t}/nope", "--out", "{t}/o",
                         "--teacher-url", "http://127.0.0.1:9/v1", *URLS], "nope/config.json: file not found"),
]


@pytest.mark.parametrize("script,argv,expected", BOUNDS, ids=[f"{s}:{a[0] if a[0] != '--answers' else a[2]}"
                                                              for s, a, _ in BOUNDS])
def test_every_numeric_option_has_a_bound_checked_up_front(capsys, tmp_path, base, script, argv, expected):
    main = importlib.import_module(script).main
    argv = [a.format(t=tmp_path, a=answers(tmp_path), m=base) for a in argv]
    code, err = one_line_error(capsys, main, argv)
    assert code == 2, err
    assert_one_line(err, expected)
    assert not (tmp_path / "o").exists() or script == "recipe_own_spec" and not (tmp_path / "o" / "world").exists()


def test_device_auto_works_and_a_missing_device_is_one_line(capsys, tmp_path, base):
    import evaluate

    metrics = evaluate.main(["--answers", str(answers(tmp_path)), "--device", "auto"])
    assert metrics["n"] == 3
    if not torch.cuda.is_available():
        code, err = one_line_error(capsys, evaluate.main, ["--answers", str(answers(tmp_path)), "--device", "cuda"])
        assert code == 2
        assert_one_line(err, "--device cuda needs CUDA")


# ----------------------------------------------------------------------------------------------------------------
# checkpoints that lie: config.json must match the weights and hold finite values; --init-from keeps its tokenizer


def _edit_config(model: Path, **kw) -> None:
    cfg = json.loads((model / "config.json").read_text())
    cfg.update(kw)
    (model / "config.json").write_text(json.dumps(cfg))


def _two_layer_model(path: Path) -> Path:
    from minisafe.hf import save_pretrained
    from minisafe.model import ModelConfig, Transformer
    from minisafe.tokenizer import ChatTokenizer

    tok = ChatTokenizer.from_file(tiny_model_dir(path.with_name("tok")) / "tokenizer.json")
    model = Transformer(ModelConfig(vocab_size=tok.vocab_size, d_model=32, n_layers=2, n_heads=2, n_kv_heads=1,
                                    d_ff=64, max_seq_len=256))
    save_pretrained(model, path, tokenizer=tok)
    return path


@pytest.mark.parametrize("edit,expected", [
    (dict(num_hidden_layers=1), "tensor(s) that"),
    (dict(rms_norm_eps=float("nan")), "norm_eps=nan"),
    (dict(rope_theta=float("inf"), rope_parameters={"rope_type": "default", "rope_theta": float("inf")}),
     "rope_theta=inf"),
    (dict(rope_theta=float("inf")), "the two must agree"),
])
def test_a_config_that_does_not_match_its_weights_is_refused(capsys, tmp_path, edit, expected):
    import evaluate

    model = _two_layer_model(tmp_path / "m")
    _edit_config(model, **edit)
    code, err = one_line_error(capsys, evaluate.main, ["--model", str(model), "--prompts", str(answers(tmp_path)),
                                                       "--out", str(tmp_path / "r.json")])
    assert code == 2
    assert_one_line(err, str(model), expected)


def test_init_from_refuses_a_tokenizer_other_than_the_trained_one(capsys, tmp_path, base):
    import train_sft

    model = tiny_model_dir(tmp_path / "m")
    (model / "sft_run.json").write_text(json.dumps({"tokenizer_sha256": io.tokenizer_fingerprint(
        model / "tokenizer.json")}))
    other = tiny_model_dir(tmp_path / "o", texts=["zebra quartz vexing jumps", "wolves fjord glyph nymph"])
    (model / "tokenizer.json").write_bytes((other / "tokenizer.json").read_bytes())
    data = write_jsonl(tmp_path / "d.jsonl", sft_rows())
    code, err = one_line_error(capsys, train_sft.main, sft(model, tmp_path / "out", data, "--max-steps", "1"))
    assert code == 2
    assert_one_line(err, "tokenizer.json: fingerprint", "trained with another tokenizer")
    assert not (tmp_path / "out" / "sft_run.json").exists()   # the wrong fingerprint was not recorded


def test_init_from_refuses_model_options_that_contradict_the_checkpoint(capsys, tmp_path, base):
    import train_sft

    data = write_jsonl(tmp_path / "d.jsonl", sft_rows())
    code, err = one_line_error(capsys, train_sft.main, sft(base, tmp_path / "out", data, "--max-steps", "1",
                                                           "--model-max-seq-len", "16"))
    assert code == 2
    assert_one_line(err, "--model-max-seq-len 16: the model of --init-from", "has 256")


# ----------------------------------------------------------------------------------------------------------------
# two writers, a killed parent


HOLD = "import sys, time; from minisafe.cli import claim_out; claim_out(sys.argv[1]); print('held', flush=True); " \
       "time.sleep(60)"


def test_a_second_writer_is_refused_naming_the_holder_and_a_stale_lock_is_taken_over(capsys, tmp_path):
    import build_world

    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path / "w")], cwd=REPO, env=ENV,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        code, err = one_line_error(capsys, build_world.main, ["--out", str(tmp_path / "w")])
        assert code == 2
        assert_one_line(err, f"in use by another run (pid {holder.pid}")
    finally:
        holder.kill()
        holder.wait()
    assert (tmp_path / "w" / ".lock").read_text() == str(holder.pid)   # left by a dead process: taken over
    cli.claim_out(tmp_path / "w")
    assert (tmp_path / "w" / ".lock").read_text() == str(os.getpid())


STAGE = "import os, sys, time; open(sys.argv[1], 'w').write(str(os.getpid())); time.sleep(60)"
PARENT = ("import sys; from minisafe.cli import run_main; from minisafe.world.stages import run_stage; "
          "run_main(lambda a: run_stage('slow', [sys.executable, '-c', sys.argv[1], sys.argv[2]], "
          "__import__('pathlib').Path(sys.argv[2] + '.done'), __import__('pathlib').Path(sys.argv[2] + '.log')))")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_killing_the_recipe_ends_its_stage_and_says_how_to_resume(tmp_path, sig):
    pid_file = tmp_path / "stage.pid"
    parent = subprocess.Popen([sys.executable, "-c", PARENT, STAGE, str(pid_file)], cwd=REPO, env=ENV,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 30
    while not (pid_file.exists() and pid_file.read_text()) and time.time() < deadline:
        time.sleep(0.05)
    child = int(pid_file.read_text())
    parent.send_signal(sig)
    _, err = parent.communicate(timeout=60)
    assert parent.returncode == 130
    assert_one_line(err, f"stopped by {sig.name} during stage slow", "run the same command")
    with pytest.raises(ProcessLookupError):   # no second writer left running
        os.kill(child, 0)


# A Ctrl-C that lands right after a stage's process starts, before the recipe has registered it: Popen is wrapped to
# signal its own process the moment the child exists.
RACE = ("import os, signal, subprocess, sys; from pathlib import Path; real = subprocess.Popen\n"
        "def popen(*a, **k):\n"
        "    p = real(*a, **k); Path(sys.argv[1]).write_text(str(p.pid)); os.kill(os.getpid(), signal.SIGINT); return p\n"
        "subprocess.Popen = popen\n"
        "from minisafe.cli import run_main; from minisafe.world.stages import run_stage\n"
        "run_main(lambda a: run_stage('slow', [sys.executable, '-c', 'import time; time.sleep(60)'], "
        "Path(sys.argv[1] + '.done'), Path(sys.argv[1] + '.log')))")


def test_a_signal_as_a_stage_starts_still_ends_that_stage(tmp_path):
    pid_file, err_file = tmp_path / "stage.pid", tmp_path / "err.txt"
    with open(err_file, "w") as err:   # a file, not a pipe: a stage left running would hold a pipe open
        parent = subprocess.run([sys.executable, "-c", RACE, str(pid_file)], cwd=REPO, env=ENV,
                                stdout=subprocess.DEVNULL, stderr=err, timeout=60)
    child = int(pid_file.read_text())
    assert parent.returncode == 130
    assert_one_line(err_file.read_text(), "stopped by SIGINT during stage slow", "run the same command")
    with pytest.raises(ProcessLookupError):   # no second writer left running
        os.kill(child, 0)


def test_a_stage_started_while_the_stages_end_is_ended_too(tmp_path, monkeypatch):
    """Stages side by side: one chain fails and ends the others (end_stages, another thread) just as a stage of
    theirs is starting. That stage must be ended too, not left to run to its end."""
    from minisafe.world import stages

    real, ender = subprocess.Popen, threading.Thread(target=stages.end_stages)

    def popen(*args, **kwargs):   # the other chain's failure lands while this stage is being started
        ender.start()
        ender.join(0.5)
        return real(*args, **kwargs)

    monkeypatch.setattr(stages.subprocess, "Popen", popen)
    t0 = time.time()
    try:
        with pytest.raises(SystemExit, match=r"stage slow failed \(exit -15\)"):   # ended by SIGTERM
            stages.run_stage("slow", [sys.executable, "-c", "import time; time.sleep(10)"], tmp_path / "done",
                             tmp_path / "seconds.json")
    finally:
        ender.join()
        stages._STOPPING.clear()
    assert time.time() - t0 < 8


def test_sigint_is_one_line_not_a_bare_keyboard_interrupt(capsys):
    def main(argv):
        raise KeyboardInterrupt

    code, err = one_line_error(capsys, main, [])
    assert code == 130
    assert_one_line(err, "stopped by SIGINT", "--resume")


def test_reward_heads_keep_their_training_record_when_the_run_is_killed(tmp_path, base):
    """A head is finished, then the run is killed before reward_heads.json: the re-run keeps the head's record."""
    import train_rewards
    from minisafe.world.prompts import make_prompts
    from minisafe.world.spec import load_world

    world = tmp_path / "world"
    write_jsonl((world.mkdir() or world) / "prompts.jsonl", make_prompts(load_world(), 0))
    argv = ["--init-from", str(base), "--world", str(world), "--out", str(tmp_path / "rm"), "--preset", "smoke",
            "--max-prompts", "4", "--eval-prompts", "4", "--device", "cpu"]
    first = train_rewards.main(argv)
    (tmp_path / "rm" / "reward_heads.json").unlink()   # what a kill before the end leaves
    again = train_rewards.main(argv)
    assert again["heads"] == first["heads"] and first["heads"]["safety"]["epoch_losses"]


# ----------------------------------------------------------------------------------------------------------------
# resume and finish lose nothing


def test_a_finished_sft_run_resumed_keeps_its_summary_and_a_torn_metrics_line_is_dropped(capsys, tmp_path, base):
    import train_sft

    data = write_jsonl(tmp_path / "d.jsonl", sft_rows())
    out = tmp_path / "out"
    argv = sft(base, out, data, "--max-steps", "2", "--save-every", "1", "--eval-every", "2", "--log-every", "1")
    first = train_sft.main(argv)
    assert first["final_loss"] is not None and first["val_loss"] is not None
    assert train_sft.main([*argv, "--resume"]) == first
    assert json.loads((out / "sft_summary.json").read_text()) == first

    with open(out / "metrics.jsonl", "a") as f:
        f.write('{"step": 3, "lo')   # a kill in the middle of a line
    capsys.readouterr()
    train_sft.main([*argv, "--resume", "--max-steps", "3"])
    assert "dropped a torn last line" in capsys.readouterr().err
    steps = [json.loads(l)["step"] for l in (out / "metrics.jsonl").read_text().splitlines()]
    assert steps == [1, 2, 3]


def test_report_and_rows_are_written_as_one_pair(tmp_path, monkeypatch):
    import evaluate

    out = tmp_path / "r.json"
    evaluate.main(["--answers", str(answers(tmp_path, 3)), "--out", str(out)])
    old = out.read_bytes(), out.with_suffix(".rows.jsonl").read_bytes()
    real = io.tempfile.mkstemp

    def full_disk(*a, prefix="", **k):
        if prefix.startswith(".r.rows.jsonl"):
            raise OSError(28, "No space left on device")
        return real(*a, prefix=prefix, **k)

    monkeypatch.setattr(io.tempfile, "mkstemp", full_disk)
    with pytest.raises(OSError, match="r.rows.jsonl"):
        evaluate.main(["--answers", str(answers(tmp_path, 4, "b.jsonl")), "--out", str(out)])
    assert (out.read_bytes(), out.with_suffix(".rows.jsonl").read_bytes()) == old   # the old pair, whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "b.jsonl", "r.json", "r.rows.jsonl"]


# ----------------------------------------------------------------------------------------------------------------
# counts that say what happened


def test_answers_with_a_repeated_id_are_refused(capsys, tmp_path):
    import evaluate

    rows = [prompt_row(0, answer="x")] * 21 + [prompt_row(1, answer="y")]
    code, err = one_line_error(capsys, evaluate.main, ["--answers", str(write_jsonl(tmp_path / "a.jsonl", rows))])
    assert code == 2
    assert_one_line(err, "row id 'p0' appears 21 times")


def test_limit_is_honoured_with_more_groups_than_the_limit():
    from minisafe.world.prompts import make_prompts
    from minisafe.world.report import subsample
    from minisafe.world.spec import load_world

    rows = [r for r in make_prompts(load_world(), 0) if r["split"] == "eval"]
    assert len({(r["intent"], r["transform"]) for r in rows}) > 4
    for limit in (1, 4, 27, 60):
        assert len(subsample(rows, limit)) <= limit
    assert len({r["id"] for r in subsample(rows, 4)}) == 4


def test_every_skipped_sft_row_is_counted_validation_rows_included(tmp_path, base):
    import train_sft

    rows = [{"prompt": "tune", "cot": "easy", "answer": "word " * 200}, *sft_rows(8)]   # row 0 is a validation row
    data = write_jsonl(tmp_path / "d.jsonl", rows)
    summary = train_sft.main(sft(base, tmp_path / "out", data, "--max-steps", "1"))
    assert summary["skipped_long"] == 1


def test_a_server_reply_over_the_size_cap_is_refused_not_cached(tmp_path):
    from servers import FakeChatServer, completion

    from minisafe.integrations import client as C

    big = completion("x" * (C.MAX_REPLY_BYTES + 10))
    with FakeChatServer(lambda n, body: (200, {}, big)) as srv:
        c = C.ChatClient(srv.url, "m", cache_dir=tmp_path / "cache", api_key_env=None, max_retries=0)
        with pytest.raises(C.BadResponse, match="over 16 MiB"):
            c.chat([{"role": "user", "content": "hi"}])
    assert not list((tmp_path / "cache").rglob("*.json"))
