"""Command-line options generated from the config dataclasses: every field settable, --help with each default, and
bad values refused before any work with an error naming the flag."""

import argparse
import contextlib
import importlib
import io
import os
import re
import subprocess
import sys
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path

import pytest

from minisafe.config import add_dataclass_args, from_args, opt

import train_rl
import train_sft

REPO = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "TQDM_DISABLE": "1", "OMP_NUM_THREADS": "1"}


@dataclass
class Inner:
    width: int = opt(4, "inner width")


@dataclass
class Toy:
    steps: int = opt(10, "how many steps")
    rate: float = opt(0.5, "a rate")
    target: float | None = opt(None, "optional target")
    mode: str = opt("a", "a mode", choices=["a", "b"])
    flag: bool = opt(True, "a switch")
    pair: tuple[float, ...] = opt((0.9, 0.95), "two numbers")
    inner: Inner = opt(help="nested", default_factory=Inner)


def parse(argv, base=None):
    p = argparse.ArgumentParser()
    add_dataclass_args(p, Toy, base)
    return from_args(Toy, p.parse_args(argv), base)


def test_every_type_round_trips_and_unset_flags_keep_the_base():
    base = Toy(steps=3)  # a preset
    assert parse([], base) == base
    got = parse(["--rate", "0.25", "--target", "2", "--mode", "b", "--no-flag", "--pair", "0.8", "0.9",
                 "--inner-width", "7"], base)
    assert got == Toy(steps=3, rate=0.25, target=2.0, mode="b", flag=False, pair=(0.8, 0.9), inner=Inner(7))
    assert parse(["--target", "2"]).target == 2.0 and parse(["--target", "none"], Toy(target=1.0)).target is None


def test_bad_values_are_argparse_errors(capsys):
    for argv, msg in ((["--steps", "x"], "invalid int value: 'x'"), (["--mode", "c"], "invalid choice: 'c'"),
                      (["--rate"], "expected one argument")):
        with pytest.raises(SystemExit):
            parse(argv)
        assert msg in capsys.readouterr().err


def test_help_lists_each_fields_help_and_default():
    p = argparse.ArgumentParser()
    add_dataclass_args(p, Toy, Toy(steps=3))
    text = " ".join(p.format_help().split())
    assert "--steps INT how many steps (default: 3)" in text
    assert "--inner-width INT inner width (default: 4)" in text


def _help(script):
    """The script's --help, from its main() in this process (tests/test_train_rl.py runs one as a command)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as e:
        importlib.import_module(script[:-3]).main(["--help"])
    assert e.value.code == 0, out.getvalue()
    return " ".join(out.getvalue().split())


def test_help_of_both_scripts_names_every_field_with_its_default():
    rl = _help("train_rl.py")
    for f in fields(train_rl.PPOConfig):
        flag = "--" + f.name.replace("_", "-")
        assert flag in rl, flag
        assert f"(default: {getattr(train_rl.preset_config('cpu'), f.name)})" in rl
    sft = _help("train_sft.py")
    for f in fields(train_sft.SFTConfig):
        if f.name == "model":
            for g in fields(train_sft.ModelConfig):
                assert "--model-" + g.name.replace("_", "-") in sft, g.name
        else:
            assert "--" + f.name.replace("_", "-") in sft, f.name
    assert "--gamma FLOAT GAE discount (default: 1.0)" in rl and "--vf-coef FLOAT" in rl


# every stage script: its config dataclass (the preset it lists in --help, when it has presets)
STAGES = {"build_world.py": ("WorldConfig", None),
          "train_sft.py": ("SFTConfig", lambda m: m.stage_config("cpu", "safety")),
          "train_rewards.py": ("RewardsConfig", lambda m: m.preset_config("cpu")),
          "train_rl.py": ("PPOConfig", lambda m: m.preset_config("cpu")),
          "evaluate.py": ("EvalConfig", None), "recipe.py": ("RecipeConfig", None),
          "generate_data.py": ("GenerateConfig", None), "recipe_own_spec.py": ("OwnRecipeConfig", None),
          "serve.py": ("ServeConfig", None)}


def _flags(cls, defaults, prefix=""):
    """(flag, default) of every leaf field, nested dataclasses flattened as add_dataclass_args does."""
    for f in fields(cls):
        value = getattr(defaults, f.name)
        if is_dataclass(value):
            yield from _flags(type(value), value, prefix + f.name + "_")
        else:
            yield "--" + (prefix + f.name).replace("_", "-"), value


@pytest.mark.parametrize("script", sorted(STAGES))
def test_every_stage_lists_every_field_with_its_default(script):
    """One definition per stage: the dataclass; --help is generated from it, so every field is there with its
    default (the listed preset's value when the script has presets), and no option is abbreviated."""
    module = importlib.import_module(script[:-3])
    name, preset = STAGES[script]
    cls = getattr(module, name)
    defaults = preset(module) if preset else cls()
    text = _help(script)
    for flag, value in _flags(cls, defaults):
        if flag.startswith("--model-"):   # SFTConfig.model: listed, its defaults are the preset's model
            assert flag in text, flag
            continue
        assert flag in text, (script, flag)
        assert f"(default: {value})" in text, (script, flag, value)
    assert not module.C.parser("x").allow_abbrev


def test_the_library_imports_no_stage_script_and_runs_none():
    """minisafe/ is a library: no module imports a top-level script, none has a __main__ block."""
    scripts = {s[:-3] for s in STAGES}
    for path in (REPO / "minisafe").glob("*.py"):
        text = path.read_text()
        assert not re.search(r"^if __name__", text, re.M), path
        for line in text.splitlines():
            words = line.split()
            if words[:1] in (["import"], ["from"]) and len(words) > 1:
                assert words[1].split(".")[0] not in scripts, (path, line)


def test_a_stage_runs_from_any_working_directory(tmp_path):
    """The scripts find the library and data/ beside themselves, whatever the working directory."""
    proc = subprocess.run([sys.executable, str(REPO / "build_world.py"), "--out", str(tmp_path / "w")],
                          cwd=tmp_path, env=ENV, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "w" / "prompts.jsonl").exists()


def test_the_library_without_its_data_says_how_to_install(monkeypatch, tmp_path):
    """An installed copy of the package has no data/ beside it: loading the world fails at once, saying how."""
    from minisafe.world import spec as world
    from minisafe.io import DataError

    monkeypatch.setattr(world, "DATA_DIR", tmp_path / "site-packages" / "data")
    with pytest.raises(DataError, match=r"pip install -e \."):
        world.load_world()


@pytest.mark.parametrize("argv,flag", [
    (["--batch-size", "0"], "--batch-size"),
    (["--temperature", "-0.5"], "--temperature"),
    (["--gamma", "1.5"], "--gamma"),
    (["--lr", "nan"], "--lr"),
    (["--minibatch-size", "48"], "--minibatch-size"),  # 64 is not a multiple of 48
    (["--logprob-gap-warn", "1", "--logprob-gap-stop", "0.5"], "--logprob-gap-warn"),
    (["--kl-target", "0"], "--kl-target"),
])
def test_train_rl_refuses_bad_values_before_any_work(argv, flag, tmp_path):
    out = tmp_path / "run"
    with pytest.raises(ValueError, match=flag):
        train_rl.main(["--init-from", str(tmp_path / "nowhere"), "--out", str(out), "--reward-source", "grader",
                       *argv])
    assert not out.exists()


def test_temperature_zero_means_greedy_and_is_valid():
    train_rl.replace(train_rl.preset_config("smoke"), temperature=0.0).validate()


@pytest.mark.parametrize("world_size,ok", [(1, True), (2, True), (3, False)])
def test_minibatch_check_matches_the_loop(world_size, ok):
    """Each process takes minibatch/ws of its batch/ws rows per step: batch 8, minibatch 8 works on 1 or 2
    processes (the old check, (batch/ws) % minibatch, refused 2), and a minibatch that does not split does not."""
    cfg = train_rl.replace(train_rl.preset_config("smoke"), batch_size=8, minibatch_size=8, micro_batch_size=8)
    if ok:
        cfg.validate(world_size)
    else:
        with pytest.raises(ValueError, match="--minibatch-size 8 must split evenly over 3 processes"):
            cfg.validate(world_size)


@pytest.mark.parametrize("argv,flag", [(["--max-steps", "0"], "--max-steps"), (["--betas", "0.9"], "--betas"),
                                       (["--min-lr-ratio", "2"], "--min-lr-ratio")])
def test_train_sft_refuses_bad_values_before_any_work(argv, flag, tmp_path):
    out = tmp_path / "run"
    with pytest.raises(ValueError, match=flag):
        train_sft.main(["--stage", "base", "--out", str(out), *argv])
    assert not out.exists()
