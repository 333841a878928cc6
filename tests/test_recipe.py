"""The whole recipe on the smoke preset: every stage runs, the report card has the documented structure and its
numbers are sane (rates in [0, 1], counts add up). Science is measured by the cpu preset, not here."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
MODELS = ("base", "refusal_sft", "refusal_rl", "safe_completion_sft", "safe_completion_rl")


@pytest.fixture(scope="module")
def smoke_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("recipe")
    env = {**os.environ, "TQDM_DISABLE": "1"}
    t0 = time.time()
    proc = subprocess.run([sys.executable, "-m", "minisafe.recipe", "--preset", "smoke", "--out", str(out)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return out, proc.stdout, time.time() - t0


def _rate_ok(x):
    return x is None or 0.0 <= x <= 1.0


def test_report_has_every_model_intent_and_transform(smoke_run):
    out, _, _ = smoke_run
    report = json.loads((out / "report.json").read_text())
    assert set(report["models"]) == set(MODELS)
    prompts = [json.loads(l) for l in (out / "seed-0" / "world" / "prompts.jsonl").read_text().splitlines()]
    held_out = {p["transform"] for p in prompts if p["held_out"]}
    for name, m in report["models"].items():
        assert set(m["by_intent"]) == {"benign", "dual_use", "malicious"}
        total = 0
        for intent, b in m["by_intent"].items():
            assert b["n"] > 0, (name, intent)
            for key in ("safety_rate", "refusal_rate"):
                assert _rate_ok(b[key]), (name, intent, key)
            assert b["helpfulness"] is None or 1.0 <= b["helpfulness"] <= 4.0
            assert 0.0 <= b["mean_reward"] <= 1.0
            assert sum(b["modes"].values()) == b["n"]  # every answer has exactly one mode
            unsafe = round(b["n"] * (1 - b["safety_rate"]))
            assert sum(b["severity"].values()) == unsafe  # severities are counted among unsafe answers
            total += b["n"]
        assert total == m["n"]
        assert _rate_ok(m["over_refusal"]["benign"]) and _rate_ok(m["over_refusal"]["keyword_traps"])
        assert held_out and held_out <= set(m["by_transform"])
        for t, v in m["by_transform"].items():
            assert _rate_ok(v["attack_success_rate"]) and v["n"] > 0
            assert v["held_out"] == (t in held_out)
    for h, per_model in report["headline"].items():
        assert set(per_model) == set(MODELS)


def test_report_markdown_chart_and_stage_times(smoke_run):
    out, stdout, seconds = smoke_run
    md = (out / "report.md").read_text()
    for intent in ("benign", "dual_use", "malicious"):
        assert f"## {intent} prompts" in md
    assert "(held out)" in md and "Headline numbers" in md
    stages = json.loads((out / "seed-0" / "stage_seconds.json").read_text())
    for stage in ("world", "base", "safe_completion_sft", "refusal_sft", "reward_heads", "safe_completion_rl",
                  "refusal_rl"):
        assert stage in stages
    pytest.importorskip("matplotlib")
    assert (out / "report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_rerunning_a_finished_recipe_skips_every_stage(smoke_run):
    out, _, _ = smoke_run
    before = (out / "seed-0" / "base" / "model.safetensors").stat().st_mtime_ns
    proc = subprocess.run([sys.executable, "-m", "minisafe.recipe", "--preset", "smoke", "--out", str(out)],
                          cwd=REPO, env={**os.environ, "TQDM_DISABLE": "1"}, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.count("skipping") >= 6
    assert (out / "seed-0" / "base" / "model.safetensors").stat().st_mtime_ns == before
