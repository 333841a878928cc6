"""The whole recipe on the smoke preset: every stage runs, the report card has the documented structure and its
numbers are sane (rates in [0, 1], counts add up). Science is measured by the cpu preset, not here."""

import json
import os
import re
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
    (out / "floor").mkdir()   # each stage counts its model work (bench/floor_hook): see test_the_floor_table_...
    env = {**os.environ, "TQDM_DISABLE": "1", "MINISAFE_FLOOR_DIR": str(out / "floor"),
           "PYTHONPATH": str(REPO / "bench" / "floor_hook")}
    t0 = time.time()
    proc = subprocess.run([sys.executable, str(REPO / "recipe.py"), "--preset", "smoke", "--out", str(out),
                           "--greedy"], cwd=REPO, env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return out, proc.stdout, time.time() - t0


def _rate_ok(x):
    return x is None or 0.0 <= x <= 1.0


def test_report_has_every_model_intent_and_transform(smoke_run):
    out, _, _ = smoke_run
    report = json.loads((out / "report.json").read_text())
    from minisafe.world.experiment import TEACHER_COLUMNS

    assert set(report["models"]) == set(MODELS) | set(TEACHER_COLUMNS)   # teachers graded on the same rows
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
        assert set(per_model) == set(MODELS) | set(TEACHER_COLUMNS)
        for name, v in per_model.items():
            lo, hi = v["ci95"]
            assert (lo is None) == (v["mean"] is None), (h, name)
            assert lo is None or lo - 1e-9 <= v["mean"] <= hi + 1e-9, (h, name, v)
    # what the data alone fixes: the safe-completion teacher is safe on dual-use prompts and more helpful there
    sc, rf = (report["headline"]["dual_use helpfulness (1-4)"][f"teacher:{t}"]["mean"]
              for t in ("safe_completion", "refusal"))
    assert report["headline"]["dual_use safety rate"]["teacher:safe_completion"]["mean"] == 1.0 and sc > rf


def test_report_markdown_chart_and_stage_times(smoke_run):
    out, stdout, seconds = smoke_run
    md = (out / "report.md").read_text()
    for intent in ("benign", "dual_use", "malicious"):
        assert f"## {intent} prompts" in md
    assert "(held out)" in md and "Headline numbers" in md
    stages = json.loads((out / "seed-0" / "stage_seconds.json").read_text())
    for stage in ("world", "base", "safe_completion_sft", "refusal_sft", "reward_heads", "safe_completion_rl",
                  "reward_heads_refusal", "refusal_rl"):
        assert stage in stages
    pytest.importorskip("matplotlib")
    assert (out / "report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_every_model_also_answers_the_fresh_phrasing_probe(smoke_run):
    """The fresh-phrasing probe is evaluated like the eval split: every model and teacher on the same rows, its own
    headline table, and the surface rules asked it too."""
    out, _, _ = smoke_run
    report = json.loads((out / "report.json").read_text())
    fresh = report["fresh"]
    assert set(fresh["models"]) == set(report["models"])
    n = {m: v["n"] for m, v in fresh["models"].items() if not m.startswith("teacher")}
    assert len(set(n.values())) == 1 and min(n.values()) > 0, n   # every model answered the same rows
    ids = {r["id"] for r in map(json.loads, (out / "seed-0" / "eval" / "fresh_base.rows.jsonl").open())}
    assert ids and all(i.startswith("fresh-") for i in ids)
    assert fresh["headline"]["mean h*s"]["safe_completion_rl"]["mean"] is not None
    assert fresh["headline"]["held-out attack success"]["base"]["mean"] is None   # no transforms in the probe
    md = (out / "report.md").read_text()
    assert "## Fresh phrasing" in md
    surface = report["surface_baseline"]["0"]
    from minisafe.world.fresh import load_fresh
    from minisafe.world.spec import load_world
    assert surface["naive_bayes on fresh"]["all"]["n"] == len(load_fresh(load_world()))
    assert "| 0 | naive_bayes on fresh |" in md


def test_both_arms_are_rewarded_alike_by_heads_of_their_own_judge(smoke_run):
    """Each arm: heads trained from its own SFT model on its own judge's labels with the same options, then PPO on
    h * s from those heads; the report gives both head pairs' agreement."""
    out, _, _ = smoke_run
    d = out / "seed-0"
    configs = []
    for arm, heads in (("safe_completion", "reward_heads"), ("refusal", "reward_heads_refusal")):
        rec = json.loads((d / heads / "reward_heads.json").read_text())
        assert rec["labels"] == arm and rec["eval"]["n"] > 0 and rec["n_train_examples"] > 0
        assert rec["eval"]["on_model_samples"]["n"] > 0 and rec["eval"]["rl_prompts_model_samples"]["n"] > 0
        assert rec["config"]["labels"] == arm
        configs.append({k: v for k, v in rec["config"].items() if k != "labels"})   # the only difference
        for name in ("helpfulness", "safety"):
            meta = json.loads((d / heads / name / "reward_head.json").read_text())
            assert (meta["labels"], meta["init_from"]) == (arm, str(d / f"{arm}_sft"))
            layers = [json.loads((d / m / "config.json").read_text())["num_hidden_layers"]
                      for m in (f"{heads}/{name}", f"{arm}_sft")]
            assert layers == [1, 2], layers   # smoke: each head reads the first half of its policy's layers
        summary = json.loads((d / f"{arm}_rl" / "rl_summary.json").read_text())
        assert (summary["reward"], summary["reward_source"], summary["reward_labels"]) == \
            ("safe_completion", "heads", arm)
    assert configs[0] == configs[1]
    report = json.loads((out / "report.json").read_text())
    assert set(report["reward_heads"]["0"]) == {"safe_completion", "refusal"}
    md = (out / "report.md").read_text()
    for arm in ("safe_completion", "refusal"):
        for answers in ("eval: teacher-made", "eval: model samples", "rl: model samples"):
            assert f"| 0 | {arm} | {answers} |" in md


def test_rerunning_a_finished_recipe_skips_every_stage(smoke_run):
    out, _, _ = smoke_run
    before = (out / "seed-0" / "base" / "model.safetensors").stat().st_mtime_ns
    proc = subprocess.run([sys.executable, str(REPO / "recipe.py"), "--preset", "smoke", "--out", str(out)],
                          cwd=REPO, env={**os.environ, "TQDM_DISABLE": "1"}, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.count("skipping") >= 6
    assert (out / "seed-0" / "base" / "model.safetensors").stat().st_mtime_ns == before


def test_rewards_side_by_side_reuse_the_safe_completion_arm(smoke_run):
    """--rewards: from the recipe's own safe-completion SFT checkpoint and heads (reused, not retrained), one PPO run
    per reward with the given extra flags, each evaluated on the same rows; the report has a column per run, the SFT
    start and the teachers."""
    out, _, _ = smoke_run
    d = out / "seed-0"
    heads_before = (d / "reward_heads" / "safety" / "model.safetensors").stat().st_mtime_ns
    cmd = [sys.executable, str(REPO / "recipe.py"), "--preset", "smoke", "--out", str(out), "--rewards",
           "additive,lagrangian", "--rl-args", "--gae-lambda 1.0 --value-warmup-steps 5", "--tag", "t1"]
    proc = subprocess.run(cmd, cwd=REPO, env={**os.environ, "TQDM_DISABLE": "1"}, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert (d / "reward_heads" / "safety" / "model.safetensors").stat().st_mtime_ns == heads_before
    for reward in ("additive", "lagrangian"):
        run = json.loads((d / f"rl_{reward}_t1" / "rl_run.json").read_text())
        assert run["config"]["reward"] == reward and run["config"]["gae_lambda"] == 1.0
        assert run["config"]["value_warmup_steps"] == 5 and run["init_from"] == str(d / "safe_completion_sft")
    report = json.loads((out / "rewards_report_t1.json").read_text())
    assert set(report["models"]) == {"safe_completion_sft", "rl_additive_t1", "rl_lagrangian_t1",
                                     "teacher:refusal", "teacher:safe_completion"}
    n = {m: v["n"] for m, v in report["models"].items() if not m.startswith("teacher")}
    assert len(set(n.values())) == 1, n  # every run answered the same eval rows
    assert "rl_lagrangian_t1" in (out / "rewards_report_t1.md").read_text()
    assert set(report["fresh"]["models"]) == set(report["models"])


def test_rl_args_without_a_tag_is_one_line(tmp_path, capsys):
    """--rl-args without --tag would mix runs of other flags into one directory: refused before any work."""
    import recipe
    from minisafe.cli import run_main

    with pytest.raises(SystemExit) as e:
        run_main(recipe.main, ["--preset", "smoke", "--out", str(tmp_path / "r"), "--rewards", "additive,lagrangian",
                               "--rl-args", "--gae-lambda 1.0"])
    assert e.value.code == 2 and "--rl-args needs --tag" in capsys.readouterr().err
    assert not (tmp_path / "r").exists()


def test_run_seed_runs_only_the_stages_asked_for(tmp_path, monkeypatch):
    """arms and with_ppo choose the stages: the --rewards path trains the safe-completion arm up to its heads and no
    PPO of its own."""
    import recipe

    ran = []
    monkeypatch.setattr(recipe, "run_stage", lambda name, *a, **k: ran.append(name))
    recipe.run_seed(tmp_path, "smoke", 0, "cpu", arms=("safe_completion",), with_ppo=False)
    assert ran == ["world", "base", "safe_completion_sft", "reward_heads"]
    ran.clear()
    recipe.run_seed(tmp_path, "smoke", 0, "cpu")
    assert ran == ["world", "base", "safe_completion_sft", "reward_heads", "safe_completion_rl",
                   "eval_safe_completion_sft+safe_completion_rl", "eval_fresh_safe_completion_sft+safe_completion_rl",
                   "refusal_sft", "reward_heads_refusal", "refusal_rl", "eval_refusal_sft+refusal_rl+base",
                   "eval_fresh_refusal_sft+refusal_rl+base"]   # one arm's chain, then the other's (jobs 1)


def test_dtype_reaches_every_stage(tmp_path, monkeypatch):
    """recipe.py --dtype bf16 passes --dtype bf16 to every stage it runs, evaluation included (each stage running in
    bf16 is tests/test_dtype.py's and bench/gpu_check.sh --dry-run's)."""
    import recipe

    commands = {}
    monkeypatch.setattr(recipe, "run_stage", lambda name, cmd, *args, **kwargs: commands.setdefault(name, cmd))
    recipe.run_seed(tmp_path, "smoke", 0, "cpu", dtype="bf16")
    evals = [n for n in commands if n.startswith("eval")]
    assert len(commands) == 12 and len(evals) == 4, commands   # world, base, 2 x (SFT, heads, PPO, 2 evaluations)
    assert all(cmd[cmd.index("--dtype") + 1] == "bf16" for name, cmd in commands.items() if name != "world")
    assert "--dtype" not in commands["world"]
    evaluated = sorted(Path(cmd[i + 1]).name for cmd in map(commands.get, evals) for i, a in enumerate(cmd)
                       if a == "--model")
    assert evaluated == sorted(2 * list(MODELS)), evaluated   # every model once on each probe


def _records(n_safe, n_unsafe):
    rec = {"intent": "dual_use", "transform": "none", "trap": False, "held_out": False, "h": 1.0, "rating": 4,
           "mode": "direct", "refused": False, "ended": True, "follows_citation": None}
    return ([{**rec, "id": f"s{i}", "s": 1.0, "severity": "none"} for i in range(n_safe)]
            + [{**rec, "id": f"u{i}", "s": 0.0, "severity": "High"} for i in range(n_unsafe)])


def test_bootstrap_interval_holds_the_estimate_and_narrows_with_more_prompts():
    from minisafe.world.experiment import bootstrap_intervals

    rate = {"safety": lambda m: m["by_intent"]["dual_use"]["safety_rate"]}
    small = bootstrap_intervals([_records(20, 20)], rate, n=200)["safety"]
    large = bootstrap_intervals([_records(320, 320)], rate, n=200)["safety"]
    assert small[0] < 0.5 < small[1] and large[0] < 0.5 < large[1]
    assert (large[1] - large[0]) < 0.5 * (small[1] - small[0])   # width ~ 1/sqrt(n): 4x narrower at 16x the prompts
    assert bootstrap_intervals([_records(40, 0)], rate, n=50)["safety"] == [1.0, 1.0]


def test_bootstrap_resamples_prompts_not_answers():
    """k answers of one prompt move together: four identical copies of each answer give the same interval as one."""
    from minisafe.world.experiment import bootstrap_intervals

    rate = {"safety": lambda m: m["by_intent"]["dual_use"]["safety_rate"]}
    one = _records(30, 10)
    four = [r for r in one for _ in range(4)]
    assert bootstrap_intervals([four], rate, n=100)["safety"] == bootstrap_intervals([one], rate, n=100)["safety"]


def test_rerunning_train_rewards_over_finished_heads_only_measures(smoke_run, tmp_path, monkeypatch):
    """Over finished heads, train_rewards.py samples no training data and trains nothing: it samples the models only
    for the agreement (eval split, then rl split) and keeps the heads' training record."""
    import shutil

    import train_rewards
    out, _, _ = smoke_run
    d = out / "seed-0"
    heads = tmp_path / "reward_heads"
    shutil.copytree(d / "reward_heads", heads)
    before = json.loads((heads / "reward_heads.json").read_text())
    calls = []
    real = train_rewards.policy_samples
    monkeypatch.setattr(train_rewards, "policy_samples", lambda dirs, rows, *a, **k: calls.append(
        {r["split"] for r in rows}) or real(dirs, rows, *a, **k))
    monkeypatch.setattr(train_rewards, "train_head", lambda *a, **k: pytest.fail("a finished head was trained again"))
    rec = train_rewards.main(["--labels", "safe_completion", "--init-from", str(d / "safe_completion_sft"), "--world",
                              str(d / "world"), "--out", str(heads), "--seed", "0", "--device", "cpu",
                              "--sample-from", str(d / "base"), "--sample-from", str(d / "safe_completion_sft"),
                              "--preset", "smoke"])
    assert calls == [{"eval"}, {"rl"}]
    assert rec["n_train_examples"] == before["n_train_examples"] and rec["heads"] == before["heads"]
    assert rec["eval"]["rl_prompts_model_samples"]["n"] > 0
    from minisafe.io import DataError   # heads of another --depth are not reused (smoke heads keep half the layers)
    with pytest.raises(DataError, match=r"helpfulness/training\.json: field 'depth' is 0\.5, this run has 1\.0"):
        train_rewards.main(["--labels", "safe_completion", "--init-from", str(d / "safe_completion_sft"), "--world",
                            str(d / "world"), "--out", str(heads), "--preset", "smoke", "--depth", "1"])


STAGE_SCRIPT = ("import os, sys, time; open(sys.argv[1], 'w').write(f'{time.time()} {os.getpid()} "
                "{os.environ.get(\"OMP_NUM_THREADS\")}'); print('hello from', sys.argv[1]); "
                "time.sleep(float(sys.argv[2])); sys.exit(int(sys.argv[3]))")


def _stage(tmp_path, name, seconds, code=0):
    from minisafe.world import stages
    return lambda: stages.run_stage(name, [sys.executable, "-c", STAGE_SCRIPT, str(tmp_path / f"{name}.start"),
                                           str(seconds), str(code)], tmp_path / f"{name}.done",
                                    tmp_path / "seconds.json", threads=1)


def test_stages_side_by_side_run_at_once_with_their_own_threads_and_logs(tmp_path):
    """stages.side_by_side: two chains of stages run at the same time, each stage with the threads it is given and
    its output in <name>.log beside the seconds log, which gets both stages' seconds."""
    from minisafe.world import stages

    t0 = time.time()
    stages.side_by_side([_stage(tmp_path, "a", 1.5), _stage(tmp_path, "b", 1.5)], jobs=2)
    starts = {n: (tmp_path / f"{n}.start").read_text().split() for n in "ab"}
    assert abs(float(starts["a"][0]) - float(starts["b"][0])) < 1.0, starts   # both began before either ended
    assert time.time() - t0 < 2.9   # not one after the other
    assert all(s[2] == "1" for s in starts.values()), starts
    assert json.loads((tmp_path / "seconds.json").read_text()).keys() == {"a", "b"}
    assert "hello from" in (tmp_path / "a.log").read_text()


def test_a_failing_stage_ends_the_stages_beside_it(tmp_path):
    """When one chain's stage fails, the stage running beside it is ended (not left to finish or linger) and the
    failure names the stage and its log."""
    from minisafe.world import stages

    t0 = time.time()
    with pytest.raises(SystemExit) as e:
        stages.side_by_side([_stage(tmp_path, "slow", 60), _stage(tmp_path, "bad", 0.5, code=3)], jobs=2)
    assert time.time() - t0 < 20
    assert "stage bad failed (exit 3)" in str(e.value) and str(tmp_path / "bad.log") in str(e.value)
    pid = int((tmp_path / "slow.start").read_text().split()[1])
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert not (tmp_path / "seconds.json").exists() or "slow" not in json.loads((tmp_path / "seconds.json").read_text())


def test_the_floor_table_counts_every_model_stage_and_no_stage_beats_its_floor(smoke_run):
    """bench/recipe_floor.py on the smoke recipe (run with the counting hook): every stage that trains or samples a
    model has model FLOPs, and no stage took less wall time than its FLOPs at the measured GEMM rate."""
    sys.path.insert(0, str(REPO / "bench"))
    import recipe_floor

    out, stdout, _ = smoke_run
    t = recipe_floor.table(out, 0, recipe_floor.rates(out, 0, rows=2048, repeats=2))
    stages = t["stages"]
    assert set(stages) == set(json.loads((out / "seed-0" / "stage_seconds.json").read_text()))
    ran = set(re.findall(r"^\[recipe\] (\S+): \d+s$", stdout, re.M))   # the recipe's own (other tests add stages)
    assert len(ran) == 16, ran   # 12 stages and 4 greedy evaluations
    for name, s in ((n, stages[n]) for n in ran):
        if name == "world":
            assert s["processes"] == 1 and s.get("flops_real", 0) == 0   # no model in it
            continue
        assert s["processes"] >= 1 and s["flops_real"] > 0, (name, s)
        assert s["flops_executed"] >= s["flops_real"], (name, s)   # padding only adds
        assert s["wall_s"] >= s["floor_s"], (name, s)
    assert stages["base"]["train_flops_real"] > 0 and stages["reward_heads"]["gen_flops_real"] > 0
    assert "| base |" in recipe_floor.markdown(t)


def test_the_ladder_report_reads_every_size_that_ran(smoke_run, tmp_path):
    """recipe.py --ladder OUT: a row per model for each size with a report (here one size: the smoke run's), the key
    figures with their intervals, the chart; a ladder with no size run is one clear error."""
    import recipe

    out, _, _ = smoke_run
    (tmp_path / "3x").symlink_to(out)
    recipe.main(["--out", str(tmp_path), "--ladder"])
    greedy_md, sampled_md = (tmp_path / "ladder.md").read_text().split("## sampled")
    for md in (greedy_md, sampled_md):   # the smoke run has both (recipe.py --greedy)
        rows = [line for line in md.splitlines() if line.startswith("| 3x (3.375×) | 0 |")]
        assert [r.split(" | ")[2] for r in rows] == list(MODELS)
    lad = json.loads((tmp_path / "ladder.json").read_text())
    report = json.loads((out / "report.json").read_text())
    fig = lad["sizes"]["3x"]["sampled"]["figures"]["safe_completion_rl"]["h·s fresh probe"]
    assert fig["mean"] == report["fresh"]["headline"]["mean h*s"]["safe_completion_rl"]["mean"]
    assert (tmp_path / "ladder.png").stat().st_size > 1000
    # the run directory gone, its entry in ladder.json stands: the ladder's record outlives the runs
    (tmp_path / "3x").unlink()
    before = (tmp_path / "ladder.md").read_text()
    recipe.main(["--out", str(tmp_path), "--ladder"])
    assert (tmp_path / "ladder.md").read_text() == before
    assert json.loads((tmp_path / "ladder.json").read_text()) == lad
    with pytest.raises(FileNotFoundError, match="no <size>/report.json"):
        recipe.main(["--out", str(tmp_path / "empty"), "--ladder"])


def test_greedy_evaluates_every_model_once_per_prompt_into_its_own_report(smoke_run):
    """recipe.py --greedy: every model answers each eval and fresh prompt once at temperature 0 (eval_greedy/), and
    OUT/greedy/report.json pools them like the sampled report, on the same prompts."""
    out, stdout, _ = smoke_run
    sampled = json.loads((out / "report.json").read_text())
    greedy = json.loads((out / "greedy" / "report.json").read_text())
    assert set(greedy["models"]) == set(sampled["models"]) and set(greedy["fresh"]["models"]) == set(MODELS) | {
        "teacher:refusal", "teacher:safe_completion"}
    for m in MODELS:
        rows = [json.loads(line) for line in (out / "seed-0" / "eval_greedy" / f"{m}.rows.jsonl").open()]
        ids = [r["id"] for r in rows]
        assert len(ids) == len(set(ids)) and greedy["models"][m]["n"] == len(rows)
        assert len(rows) * 2 == sampled["models"][m]["n"]   # smoke samples 2 per prompt, greedy 1
    greedy_cmds = [line for line in stdout.splitlines() if line.startswith("[recipe] eval_greedy") and "--seed" in line]
    assert len(greedy_cmds) == 4 and all("--temperature 0 --samples 1" in c for c in greedy_cmds), greedy_cmds
