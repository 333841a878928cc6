"""Bad input as a user gives it: every known error is ONE line on stderr naming the file, line, field or tensor,
exit code 2, and nothing is lost (inputs and good weights are never overwritten, "done" markers are never written
for a run that wrote no model). Unexpected errors keep their traceback. docs/errors.md lists every case here.

Everything runs on a tiny model (1 layer, d=32) and tiny files, in-process where main(argv) is enough, in a
subprocess where the exit code and stderr of the real command are the point."""

import functools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file, save_file

from minisafe.hf import save_pretrained
from minisafe import cli, training
from minisafe.io import DataError, check_not_input, load_safetensors, read_json, read_jsonl, tokenizer_fingerprint

REPO = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "TQDM_DISABLE": "1", "OMP_NUM_THREADS": "1"}
TEXTS = ["how do I tune a guitar", "turn the pegs slowly", "the answer is a safe one", "I cannot help with that"]


def tiny_model_dir(path: Path, texts=TEXTS, seed: int = 0) -> Path:
    """A loadable model directory (config.json, model.safetensors, tokenizer.json) in well under a second."""
    from minisafe.model import ModelConfig, Transformer
    from minisafe.tokenizer import ChatTokenizer

    tok = ChatTokenizer.train(texts * 4, vocab_size=300)
    torch.manual_seed(seed)
    model = Transformer(ModelConfig(vocab_size=tok.vocab_size, d_model=32, n_layers=1, n_heads=2, n_kv_heads=1,
                                    d_ff=64, max_seq_len=256))
    save_pretrained(model, path, tokenizer=tok)
    return path


def sft_rows(n=24):
    return [{"prompt": f"tune guitar {i % 3}", "cot": "easy", "answer": "turn the pegs"} for i in range(n)]


def write_jsonl(path: Path, rows) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows))
    return path


@functools.lru_cache(maxsize=1)
def _eval_row() -> dict:
    from minisafe.world.spec import load_world
    from minisafe.world.prompts import make_prompts

    return next(r for r in make_prompts(load_world(), 0) if r["split"] == "eval" and r["intent"] == "benign")


def prompt_row(i=0, **kw):
    """A prompt row in the world's current schema: a real benign eval row of the world, with overrides."""
    return {**_eval_row(), "id": f"p{i}", "prefill": "", **kw}


def one_line_error(capsys, main, argv):
    """Run main(argv) the way every entry point does; return (exit code, stderr)."""
    with pytest.raises(SystemExit) as e:
        cli.run_main(main, argv)
    err = capsys.readouterr().err
    return e.value.code, err


def assert_one_line(err: str, *parts: str):
    lines = [l for l in err.splitlines() if l.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    for p in parts:
        assert p in lines[0], (p, lines[0])


def run(script, args):
    cmd = [sys.executable, str(REPO / script), *args]
    return subprocess.run(cmd, cwd=REPO, env=ENV, capture_output=True, text=True, timeout=300)


# ----------------------------------------------------------------------------------------------------------------
# the error path itself


def test_known_error_is_one_line_and_exit_2_unexpected_keeps_traceback(capsys):
    def bad_data(argv):
        raise DataError("data.jsonl:3: field 'cot': expected str, got int")

    code, err = one_line_error(capsys, bad_data, [])
    assert code == 2
    assert_one_line(err, "data.jsonl:3: field 'cot'")

    def bug(argv):
        raise RuntimeError("a bug")

    with pytest.raises(RuntimeError):  # not swallowed: the traceback reaches the user
        cli.run_main(bug, [])

    def torch_value_error(argv):
        raise ValueError("shape mismatch deep inside")

    with pytest.raises(ValueError):  # a plain ValueError from the code, not from argument validation
        cli.run_main(torch_value_error, [])


def test_value_error_from_argument_validation_is_one_line(capsys):
    class Cfg:
        def validate(self):
            raise ValueError("--temperature -1.0: must be >= 0 (0 means greedy)")

    code, err = one_line_error(capsys, lambda argv: Cfg().validate(), [])
    assert code == 2
    assert_one_line(err, "--temperature -1.0")


def test_missing_user_file_names_the_path(capsys, tmp_path):
    code, err = one_line_error(capsys, lambda argv: open(tmp_path / "nope.jsonl"), [])
    assert code == 2
    assert_one_line(err, "nope.jsonl", "No such file")


# ----------------------------------------------------------------------------------------------------------------
# readers name the file and the physical line


def test_non_utf8_bytes_name_file_and_line(tmp_path):
    p = tmp_path / "d.jsonl"
    p.write_bytes(b'{"a": 1}\n\n{"a": "caf\xe9"}\n')
    with pytest.raises(DataError, match=r"d\.jsonl:3: not UTF-8 text"):
        read_jsonl(p)
    j = tmp_path / "c.json"
    j.write_bytes(b'{\n"a": "\xff"}\n')
    with pytest.raises(DataError, match=r"c\.json:2: not UTF-8 text"):
        read_json(j)


def test_field_type_error_counts_physical_lines(tmp_path):
    p = write_jsonl(tmp_path / "d.jsonl", [sft_rows(1)[0], "", "  ", {"prompt": "a", "cot": 5, "answer": "c"}])
    with pytest.raises(DataError, match=r"d\.jsonl:4: field 'cot': expected str, got int"):
        read_jsonl(p, required=("prompt", "cot", "answer"), types={"prompt": str, "cot": str, "answer": str})


def test_truncated_safetensors_names_the_file(tmp_path):
    p = tmp_path / "w.safetensors"
    save_file({"x": torch.ones(64)}, str(p))
    p.write_bytes(p.read_bytes()[:40])
    with pytest.raises(DataError, match=r"w\.safetensors: not a valid safetensors file"):
        load_safetensors(p)


def test_out_may_not_be_an_input(tmp_path):
    p = write_jsonl(tmp_path / "prompts.jsonl", [prompt_row()])
    with pytest.raises(DataError, match="is also an input file"):
        check_not_input(p, p)
    with pytest.raises(DataError, match="is also an input file"):  # the same file by another spelling
        check_not_input(tmp_path / "." / "prompts.jsonl", p)
    with pytest.raises(DataError, match="is a directory"):
        check_not_input(tmp_path, p)


# ----------------------------------------------------------------------------------------------------------------
# checkpoints: NaN never overwrites good weights, a resumed run must be the same run


class _Export:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1


def _tiny_state(tmp_path, seed=0):
    torch.manual_seed(seed)
    m = torch.nn.Linear(4, 3)
    opt = torch.optim.AdamW(m.parameters(), lr=1e-3)
    m(torch.randn(2, 4)).sum().backward()
    opt.step()
    return m, opt


def test_saving_nan_weights_is_refused_and_the_good_checkpoint_kept(tmp_path):
    m, opt = _tiny_state(tmp_path)
    training.save_checkpoint(tmp_path, 1, {"model": m}, opt, {})
    good = (tmp_path / "checkpoints" / "step-000001" / "model.safetensors").read_bytes()
    with torch.no_grad():
        m.weight[0, 0] = float("nan")
    with pytest.raises(FloatingPointError, match=r"tensor 'model\.weight' holds NaN/inf at step 2.*step-000001"):
        training.save_checkpoint(tmp_path, 2, {"model": m}, opt, {})
    assert json.loads((tmp_path / "checkpoints" / "latest.json").read_text())["step"] == 1
    assert (tmp_path / "checkpoints" / "step-000001" / "model.safetensors").read_bytes() == good
    assert not (tmp_path / "checkpoints" / "step-000002").exists()


def test_resuming_from_nan_weights_is_refused_before_any_export(tmp_path):
    m, opt = _tiny_state(tmp_path)
    ckpt = training.save_checkpoint(tmp_path, 1, {"model": m}, opt, {})
    w = load_file(str(ckpt / "model.safetensors"))
    w["model.bias"][1] = float("inf")
    save_file(w, str(ckpt / "model.safetensors"))
    export = _Export()
    with pytest.raises(FloatingPointError, match=r"model\.safetensors: tensor 'model\.bias' holds NaN/inf"):
        training.resume(tmp_path, {"model": m}, opt, export, True, True)
    assert export.calls == 0  # OUT/model.safetensors was not overwritten


@pytest.mark.parametrize("field,value", [("config.batch_size", 16), ("config.seq_len", 64),
                                         ("data_sha256", "0" * 64), ("init_from", "other/model")])
def test_resume_with_other_data_or_sizes_names_the_field(tmp_path, field, value):
    m, opt = _tiny_state(tmp_path)
    record = {"kind": "sft", "init_from": "runs/base", "data": "d.jsonl", "data_sha256": "a" * 64,
              "config": {"batch_size": 8, "seq_len": 32, "max_steps": 4, "save_every": 2, "betas": (0.9, 0.95)}}
    training.save_checkpoint(tmp_path, 1, {"model": m}, opt, record)
    changed = json.loads(json.dumps(record))
    key, *sub = field.split(".")
    if sub:
        changed[key][sub[0]] = value
    else:
        changed[key] = value
    with pytest.raises(DataError, match=rf"state\.json: field '{field}' was .* now .*start fresh with another --out"):
        training.resume(tmp_path, {"model": m}, opt, _Export(), True, True, record=changed)
    # what may change: how often to save, and how long to run
    ok = json.loads(json.dumps(record))
    ok["config"].update(save_every=5, max_steps=10)
    assert training.resume(tmp_path, {"model": m}, opt, _Export(), True, True, record=ok)["step"] == 1


# ----------------------------------------------------------------------------------------------------------------
# tokenizer fingerprints, not vocabulary sizes


def _two_tokenizers_of_one_size():
    from minisafe.tokenizer import ChatTokenizer

    a = ChatTokenizer.train(TEXTS * 4, vocab_size=300)
    b = ChatTokenizer.train(["zebra quartz vexing jumps", "wolves fjord glyph nymph"] * 8, vocab_size=300)
    assert a.vocab_size == b.vocab_size
    return a, b


def test_reward_head_trained_with_another_tokenizer_of_the_same_size_is_refused(tmp_path):
    from minisafe.model import ModelConfig, Transformer
    from minisafe.reward_model import RewardModel, check_compatible

    a, b = _two_tokenizers_of_one_size()
    backbone = Transformer(ModelConfig(vocab_size=a.vocab_size, d_model=32, n_layers=1, n_heads=2, n_kv_heads=1,
                                       d_ff=64, max_seq_len=64))
    RewardModel(backbone, "safety").save(tmp_path / "safety", tokenizer=a, init_from="runs/base")
    rm = RewardModel.load(tmp_path / "safety")
    check_compatible(rm, a, a.vocab_size, "heads/safety")  # its own tokenizer: fine
    with pytest.raises(DataError, match=r"heads/safety: reward head 'safety' was trained with another tokenizer"):
        check_compatible(rm, b, b.vocab_size, "heads/safety")


def test_reward_heads_of_another_init_from_are_not_reused(tmp_path):
    from minisafe.model import ModelConfig, Transformer
    from minisafe.reward_model import RewardModel
    from train_rewards import check_reusable as _check_reusable

    a, _ = _two_tokenizers_of_one_size()
    backbone = Transformer(ModelConfig(vocab_size=a.vocab_size, d_model=32, n_layers=1, n_heads=2, n_kv_heads=1,
                                       d_ff=64, max_seq_len=64))
    RewardModel(backbone, "helpfulness").save(tmp_path / "helpfulness", tokenizer=a, init_from="runs/base")
    rm = RewardModel.load(tmp_path / "helpfulness")
    _check_reusable(rm, tmp_path / "helpfulness", "runs/base", a, "safe_completion")
    with pytest.raises(DataError, match=r"reward_head\.json: field 'init_from' is 'runs/base', this run has "
                                        r"'runs/other'"):
        _check_reusable(rm, tmp_path / "helpfulness", "runs/other", a, "safe_completion")


# ----------------------------------------------------------------------------------------------------------------
# evaluate


def test_evaluate_refuses_out_equal_to_prompts_and_leaves_the_input(capsys, tmp_path):
    import evaluate

    model = tiny_model_dir(tmp_path / "m")
    p = write_jsonl(tmp_path / "prompts.jsonl", [prompt_row()])
    before = p.read_bytes()
    code, err = one_line_error(capsys, evaluate.main, ["--model", str(model), "--prompts", str(p), "--out", str(p)])
    assert code == 2
    assert_one_line(err, f"--out {p}: is also an input file")
    assert p.read_bytes() == before


@pytest.mark.parametrize("flag,value,msg", [("--limit", "-5", "--limit must be >= 0, got -5"),
                                            ("--temperature", "-1", "--temperature must be >= 0, got -1.0"),
                                            ("--batch-size", "0", "--batch-size must be > 0, got 0")])
def test_evaluate_refuses_bad_sizes_up_front(capsys, tmp_path, flag, value, msg):
    import evaluate

    p = write_jsonl(tmp_path / "prompts.jsonl", [prompt_row()])
    code, err = one_line_error(capsys, evaluate.main, ["--model", str(tmp_path / "absent"), "--prompts", str(p),
                                                       "--out", str(tmp_path / "r.json"), flag, value])
    assert code == 2
    assert_one_line(err, msg)


def test_evaluate_truncated_model_weights_name_the_file(capsys, tmp_path):
    import evaluate

    model = tiny_model_dir(tmp_path / "m")
    w = model / "model.safetensors"
    w.write_bytes(w.read_bytes()[:100])
    p = write_jsonl(tmp_path / "prompts.jsonl", [prompt_row()])
    code, err = one_line_error(capsys, evaluate.main, ["--model", str(model), "--prompts", str(p),
                                                       "--out", str(tmp_path / "r.json")])
    assert code == 2
    assert_one_line(err, f"{w}: not a valid safetensors file")


def test_evaluate_unknown_topic_names_the_file_and_row(capsys, tmp_path):
    import evaluate

    model = tiny_model_dir(tmp_path / "m")
    p = write_jsonl(tmp_path / "prompts.jsonl", [prompt_row(0), prompt_row(1, topic="atlantis")])
    code, err = one_line_error(capsys, evaluate.main, ["--model", str(model), "--prompts", str(p),
                                                       "--out", str(tmp_path / "r.json")])
    assert code == 2
    assert_one_line(err, f"{p}: row id 'p1': field 'topic': unknown topic 'atlantis'")


def test_evaluate_refuses_nan_weights_instead_of_scoring_them_safe(capsys, tmp_path):
    import evaluate

    model = tiny_model_dir(tmp_path / "m")
    w = load_file(str(model / "model.safetensors"))
    name = sorted(w)[0]
    w[name].view(-1)[0] = float("nan")
    save_file(w, str(model / "model.safetensors"))
    p = write_jsonl(tmp_path / "prompts.jsonl", [prompt_row()])
    code, err = one_line_error(capsys, evaluate.main, ["--model", str(model), "--prompts", str(p),
                                                       "--out", str(tmp_path / "r.json")])
    assert code == 2
    assert_one_line(err, "holds NaN/inf", "refusing to evaluate")
    assert not (tmp_path / "r.json").exists()


def test_evaluate_refuses_a_tokenizer_other_than_the_trained_one(capsys, tmp_path):
    import evaluate

    model = tiny_model_dir(tmp_path / "m")
    recorded = {"tokenizer_sha256": tokenizer_fingerprint(model / "tokenizer.json")}
    (model / "sft_run.json").write_text(json.dumps(recorded))
    other = tiny_model_dir(tmp_path / "o", texts=["zebra quartz vexing jumps", "wolves fjord glyph nymph"])
    (model / "tokenizer.json").write_bytes((other / "tokenizer.json").read_bytes())
    p = write_jsonl(tmp_path / "prompts.jsonl", [prompt_row()])
    code, err = one_line_error(capsys, evaluate.main, ["--model", str(model), "--prompts", str(p),
                                                       "--out", str(tmp_path / "r.json")])
    assert code == 2
    assert_one_line(err, "tokenizer.json: fingerprint", "sft_run.json", "trained with another tokenizer")


# ----------------------------------------------------------------------------------------------------------------
# world


def test_grading_an_empty_answers_file_is_an_error(tmp_path):
    p = tmp_path / "empty.jsonl"
    p.write_text("\n")
    proc = run("evaluate.py", ["--answers", str(p)])
    assert proc.returncode == 2
    assert_one_line(proc.stderr, "empty.jsonl: no rows to grade")


def test_world_build_that_dies_leaves_no_world_that_looks_built(tmp_path, monkeypatch):
    from minisafe.world import build as world

    real = world.write_jsonl

    def disk_full(path, rows):
        if Path(path).name.startswith("sft_"):
            raise OSError(28, "No space left on device")
        real(path, rows)

    monkeypatch.setattr(world, "write_jsonl", disk_full)
    with pytest.raises(OSError):
        world.build(tmp_path / "w", seed=0)
    assert not (tmp_path / "w").exists()  # train_sft and the recipe test w/prompts.jsonl: absent, rebuilt next time
    assert not (tmp_path / ".w.building").exists()  # the half-built world is removed, not left behind...
    (tmp_path / ".w.building").write_text("x")   # ...and a staging path a killed build left is no obstacle
    assert list(world._staging_dir(tmp_path / "w").iterdir()) == []


def test_world_publish_into_an_existing_directory_moves_prompts_last(tmp_path, monkeypatch):
    """Into an existing OUT (it may hold a cached tokenizer): prompts.jsonl, the "built" mark, goes first and comes
    back last, so a kill in between leaves a world that is visibly not built."""
    import os

    from minisafe.world import build as world

    final, tmp = tmp_path / "w", tmp_path / ".w.building"
    final.mkdir()
    (final / "tokenizer-512.json").write_text("{}")
    (final / "prompts.jsonl").write_text("old\n")
    tmp.mkdir()
    for name in ("prompts.jsonl", "sft_helpful.jsonl", "sft_refusal.jsonl"):
        (tmp / name).write_text("new\n")
    moved = []
    real = os.replace

    def spy(a, b):
        moved.append((Path(b).name, (final / "prompts.jsonl").exists()))
        real(a, b)

    monkeypatch.setattr(os, "replace", spy)
    world._publish(tmp, final)
    assert [m[0] for m in moved] == ["sft_helpful.jsonl", "sft_refusal.jsonl", "prompts.jsonl"]
    assert not any(had_prompts for _, had_prompts in moved)  # no old prompts.jsonl beside half-new files
    assert (final / "prompts.jsonl").read_text() == "new\n" and (final / "tokenizer-512.json").exists()
    assert not tmp.exists()


# ----------------------------------------------------------------------------------------------------------------
# train_sft.py as a user runs it (custom stage on a tiny model: no world to build)


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    return tiny_model_dir(tmp_path_factory.mktemp("base") / "m")


def sft(base, out, data, *extra):
    return ["--stage", "custom", "--init-from", str(base), "--data", str(data), "--out", str(out), "--preset",
            "smoke", "--batch-size", "4", "--micro-batch-size", "4", "--seq-len", "64", "--eval-every", "0",
            "--device", "cpu", *extra]


def sft_error(capsys, base, out, data, *extra) -> str:
    """train_sft.py's main run as its command line runs it, for a run that must stop with exit 2: its one stderr
    line."""
    import train_sft

    code, err = one_line_error(capsys, train_sft.main, sft(base, out, data, *extra))
    assert code == 2, err[-2000:]
    return err


def test_sft_zero_steps_is_refused_and_never_marked_done(base, tmp_path, capsys):
    data = write_jsonl(tmp_path / "d.jsonl", sft_rows())
    assert_one_line(sft_error(capsys, base, tmp_path / "out", data, "--max-steps", "0"), "max")
    assert not (tmp_path / "out" / "sft_summary.json").exists()


def test_sft_data_error_names_the_physical_line(base, tmp_path, capsys):
    rows = [*sft_rows(6), "", {"prompt": "a", "cot": ["not", "text"], "answer": "c"}]
    data = write_jsonl(tmp_path / "d.jsonl", rows)
    assert_one_line(sft_error(capsys, base, tmp_path / "out", data, "--max-steps", "1"),
                    f"{data}:8: field 'cot': expected str, got list")


def test_sft_prefill_that_does_not_start_the_answer_names_the_line(base, tmp_path, capsys):
    rows = [*sft_rows(6), "", {"prompt": "a", "cot": "", "answer": "Sure, here", "prefill": "No way"}]
    data = write_jsonl(tmp_path / "d.jsonl", rows)
    assert_one_line(sft_error(capsys, base, tmp_path / "out", data, "--max-steps", "1"),
                    f"{data}:8: answer must start with the prefill 'No way'")


def test_sft_resume_refuses_nan_checkpoint_and_other_data(base, tmp_path, capsys):
    import train_sft

    data = write_jsonl(tmp_path / "d.jsonl", sft_rows())
    out = tmp_path / "out"
    train_sft.main(sft(base, out, data, "--max-steps", "2", "--save-every", "1"))
    good = (out / "model.safetensors").read_bytes()
    capsys.readouterr()

    other = write_jsonl(tmp_path / "other.jsonl", sft_rows(30))
    assert_one_line(sft_error(capsys, base, out, other, "--max-steps", "3", "--resume"),
                    "state.json: field 'data' was", "start fresh with another --out")
    assert_one_line(sft_error(capsys, base, out, data, "--max-steps", "3", "--resume", "--batch-size", "8",
                              "--micro-batch-size", "8"), "field 'config.batch_size' was 4", "now 8")

    ckpt = out / "checkpoints" / "step-000002" / "model.safetensors"
    w = load_file(str(ckpt))
    name = sorted(w)[-1]
    w[name].view(-1)[0] = float("nan")
    save_file(w, str(ckpt))
    assert_one_line(sft_error(capsys, base, out, data, "--max-steps", "3", "--resume"),
                    f"tensor '{name}' holds NaN/inf", "refusing to resume")
    assert (out / "model.safetensors").read_bytes() == good  # the good export is untouched


def test_sft_empty_validation_set_logs_no_val_loss(base, tmp_path):
    import train_sft

    # row 0 (the validation row: rows[::50]) is longer than --seq-len and skipped, so nothing is left to validate
    rows = [{"prompt": "tune", "cot": "easy", "answer": "word " * 200}, *sft_rows(8)]
    data = write_jsonl(tmp_path / "d.jsonl", rows)
    out = tmp_path / "out"
    train_sft.main(sft(base, out, data, "--max-steps", "1", "--eval-every", "1"))
    row = json.loads((out / "metrics.jsonl").read_text().splitlines()[-1])
    assert row.get("val_loss", None) is None
    assert json.loads((out / "sft_summary.json").read_text())["val_loss"] is None
