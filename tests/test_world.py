"""The embedded safety world: determinism, splits, teachers graded by the graders, and clear errors on bad data."""

import json
import os
import random
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import build_world
import evaluate
from minisafe.cli import run_main
from minisafe.io import DataError, write_jsonl
from minisafe.world import graders
from minisafe.world.build import build
from minisafe.world.prompts import PROMPT_FIELDS, base_only, load_prompts, make_prompts
from minisafe.world.spec import DATA_DIR, load_world
from minisafe.world.teachers import TEACHERS, judge_keep, teacher_answer

REPO = Path(__file__).resolve().parent.parent
SFT_FILES = [f"sft_{t}.jsonl" for t in TEACHERS]


@pytest.fixture(scope="module")
def world():
    return load_world()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One build through the CLI (its printed counts are kept) and one through build(), at the same time: same seed."""
    a, b = tmp_path_factory.mktemp("a"), tmp_path_factory.mktemp("b")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}     # a different string hash order than this process
    proc = subprocess.Popen([sys.executable, str(REPO / "build_world.py"), "--out", str(a), "--seed", "3"],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        counts = build(b, seed=3)
    finally:
        out, err = proc.communicate()
    assert proc.returncode == 0, err
    return a, b, json.loads(out), counts


def read(path):
    return [json.loads(line) for line in Path(path).read_text().splitlines()]


# ---------------------------------------------------------------------------------------------------------------
# the world itself

def test_world_size_and_fiction_notice(world):
    harm = [t for t in world.topics if t.domain != "benign"]
    benign = [t for t in world.topics if t.domain == "benign"]
    assert len(harm) >= 30 and len({t.domain for t in harm}) >= 4
    assert len(benign) >= 25 and sum(t.trap for t in benign) >= 10
    assert "FICTIONAL" in world.spec_text.split("##")[0]           # said at the top of spec.md
    sev = Counter(f.severity for f in world.facts.values() if f.severity)
    assert set(sev) == {"Negligible", "Low", "Moderate", "High"}
    assert sev["High"] + sev["Moderate"] > sev["Low"] + sev["Negligible"]


def test_sections_and_lookups(world):
    assert world.section("2.2").mode == "safe_completion" and world.section("1.2").mode is None
    for d in world.domains.values():
        assert [world.section(d.sections[k]).mode for k in ("allowed", "restricted", "disallowed")] == \
               ["direct", "safe_completion", "refusal"]
    assert world.topic("vexilla") is world.topic("culturing vexilla spores")
    assert len(world.held_out_transforms) >= 2
    with pytest.raises(KeyError):
        world.topic("no such topic")


# ---------------------------------------------------------------------------------------------------------------
# build: determinism, counts, splits

def test_same_seed_builds_are_byte_identical_and_seeds_differ(built, world, tmp_path):
    a, b, _, _ = built
    for name in ["prompts.jsonl"] + SFT_FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    write_jsonl(tmp_path / "prompts.jsonl", make_prompts(world, seed=4))   # what build(seed=4) writes
    assert (tmp_path / "prompts.jsonl").read_bytes() != (a / "prompts.jsonl").read_bytes()


def test_cli_prints_counts_with_filter_counts(built):
    a, _, printed, counts = built
    assert printed == counts
    for split in ("train", "rl", "eval", "base"):
        assert printed["prompts"][split]["total"] == sum(r["split"] == split for r in read(a / "prompts.jsonl"))
    for teacher in TEACHERS:
        c = printed["sft"][teacher]
        assert c["removed_by_judge"] > 0 and c["kept"] + c["removed_by_judge"] == c["generated"]
        assert c["kept"] == len(read(a / f"sft_{teacher}.jsonl"))


def test_cli_help(capsys):
    with pytest.raises(SystemExit) as e:
        build_world.main(["--help"])
    out = capsys.readouterr().out
    assert e.value.code == 0 and "--out" in out and "--seed" in out and "(default: 0)" in out


def test_prompt_schema_and_split_sizes(built, world):
    a = built[0]
    rows = load_prompts(a / "prompts.jsonl")
    assert all(list(r) == list(PROMPT_FIELDS) for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)
    by = Counter((r["split"], r["intent"]) for r in rows)
    assert all(by[("eval", i)] >= 150 for i in ("benign", "dual_use", "malicious"))
    assert sum(by[("train", i)] for i in ("benign", "dual_use", "malicious")) >= 3000
    assert sum(by[("rl", i)] for i in ("benign", "dual_use", "malicious")) >= 700
    for r in rows:
        topic = world.topic(r["topic"])
        assert (r["prefill"] != "") == (r["transform"] == "prefill")
        assert r["trap"] == topic.trap and r["domain"] == topic.domain and r["held_out_topic"] == topic.held_out
        assert (r["framing"] == "harmful") == (r["intent"] == "malicious")
    # held-out topics: at least one per harm domain and among the keyword traps; never in rl; in eval
    held = {t.id for t in world.topics if t.held_out}
    for d in (*world.domains, "trap"):
        assert any(world.topic(t).domain == d or (d == "trap" and world.topic(t).trap) for t in held), d
    assert not any(r["held_out_topic"] for r in rows if r["split"] == "rl")
    assert {r["topic"] for r in rows if r["split"] == "eval" and r["held_out_topic"]} == held
    # obscured intent: dual-use prompts state a legitimate purpose about half the time
    dual = [r for r in rows if r["intent"] == "dual_use"]
    assert 0.35 < sum(r["framing"] == "legitimate" for r in dual) / len(dual) < 0.65


def test_eval_is_disjoint_unseen_and_holds_out_transforms(built, world):
    rows = read(built[0] / "prompts.jsonl")
    seen = {r["prompt"] for r in rows if r["split"] != "eval"}
    evals = [r for r in rows if r["split"] == "eval"]
    assert not seen & {r["prompt"] for r in evals}
    # unseen phrasings: no train question or framing template appears in any eval prompt
    ph = world.phrasings
    for r in evals:
        topic = world.topic(r["topic"])
        for ask in ("overview", "operational"):
            for t in ph["ask"][ask]["train"]:
                core = t.format(name=topic.name)
                assert core not in r["prompt"] and core[0].lower() + core[1:] not in r["prompt"]
        for t in ph["decomposition"]["train"]:
            for f in topic.operational:
                assert t.format(name=topic.name, what=f.what) not in r["prompt"]
        train_framings = [f for k in ("neutral", "harmful") for f in ph["framing"][k]["train"]]
        train_framings += [f for g in ph["framing"]["legitimate"].values() for f in g["train"]]
        assert not any(f and f in r["prompt"] for f in train_framings), r["prompt"]
    # held-out transforms: never in a safety arm's prompts (only eval, and the base split), flagged, well represented
    held = set(world.held_out_transforms)
    assert len(held) >= 2
    assert not held & {r["transform"] for r in rows if r["split"] in ("train", "rl")}
    per = Counter(r["transform"] for r in evals)
    assert all(per[t] >= 50 for t in held)
    assert all(r["held_out"] == (r["transform"] in held) for r in rows)


def _eval_templates(world) -> dict:
    """Every wording the eval split is written in: template name -> a regex matching it in a prompt."""
    ph, out = world.phrasings, {}

    def add(key, template):
        pieces = re.split(r"(\{\w+\})", template)
        out[key] = re.compile("".join(".+?" if p.startswith("{") else re.escape(p) for p in pieces if p),
                              re.IGNORECASE)
    for ask in ("overview", "operational"):
        for i, t in enumerate(ph["ask"][ask]["eval"]):
            add(f"ask.{ask}.{i}", t)      # case-insensitive: a framing ending in "," lower-cases the first letter
        for i, t in enumerate(ph["past_tense"][ask]):
            add(f"past_tense.{ask}.{i}", t)
    for i, t in enumerate(ph["decomposition"]["eval"]):
        add(f"decomposition.{i}", t)
    for kind in ("neutral", "harmful"):
        for i, t in enumerate(ph["framing"][kind]["eval"]):
            add(f"framing.{kind}.{i}", t)
    for group, parts in ph["framing"]["legitimate"].items():
        for i, t in enumerate(parts["eval"]):
            add(f"framing.legitimate.{group}.{i}", t)
    for name, tr in world.transforms.items():
        for i, w in enumerate(tr["wraps"]["eval"]):
            if w != "{prompt}":
                add(f"wrap.{name}.{i}", w)
    return out


def test_the_base_split_teaches_the_base_every_eval_wording_and_no_safety_row_has_one(built, world):
    """A pretrained model knows what a wording means before safety training: the base split (helpful-only base
    alone) uses every eval wording, while no safety SFT row, RL prompt or reward-head row does."""
    a = built[0]
    rows = read(a / "prompts.jsonl")
    base = [r for r in rows if r["split"] == "base"]
    assert len(base) >= 300 and all(base_only(r) for r in base)
    assert not {r["prompt"] for r in base} & {r["prompt"] for r in rows if r["split"] == "eval"}
    assert {r["topic"] for r in base} == {t.id for t in world.topics}        # held-out topics too
    assert {r["transform"] for r in base} >= set(world.held_out_transforms)
    templates = _eval_templates(world)
    used = {k for k, rx in templates.items() for r in base if rx.search(r["prompt"])}
    assert used == set(templates), sorted(set(templates) - used)
    # the helpful-only base learns them (its judge drops only the teacher's rare mistakes); no safety teacher saw
    # one, nor a held-out topic
    helpful = {r["id"] for r in read(a / "sft_helpful.jsonl")}
    assert len(helpful & {r["id"] for r in base}) >= 0.9 * len(base)
    for teacher in ("safe_completion", "refusal"):
        sft = read(a / f"sft_{teacher}.jsonl")
        assert sft and not any(base_only(r) for r in sft)
    safety_prompts = [r["prompt"] for r in rows if r["split"] in ("train", "rl") and not base_only(r)]
    for text in safety_prompts:
        hit = [k for k, rx in templates.items() if k.startswith(("ask.", "past_tense.", "decomposition.")) and
               rx.search(text)]
        assert not hit, (text, hit)


def test_every_word_of_the_eval_wordings_is_one_the_base_has_read(built, world):
    """bench/wording_coverage.py: no eval word is one no model could read; without the base split 133 of them were."""
    sys.path.insert(0, str(REPO / "bench"))
    import wording_coverage
    words = wording_coverage.eval_words(world)
    assert len(words) > 150 and {"nitty", "proportions", "revenge", "historically"} <= words
    helpful = read(built[0] / "sft_helpful.jsonl")
    assert wording_coverage.unread(world, helpful) == []
    without_base = [r for r in helpful if r["split"] != "base"]
    assert len(wording_coverage.unread(world, without_base)) > 0.5 * len(words)


def test_base_only_marks_the_base_split_and_the_held_out_topics_train_rows():
    row = {"split": "train", "held_out_topic": False}
    assert not base_only(row)
    assert base_only({**row, "held_out_topic": True}) and base_only({**row, "split": "base"})
    assert not base_only({**row, "split": "eval", "held_out_topic": True})   # an eval row is nobody's training row


# ---------------------------------------------------------------------------------------------------------------
# teachers, graded by the graders

def test_sft_rows_schema_and_formats(built):
    for name in SFT_FILES:
        for r in read(built[0] / name):
            assert set(r) == set(PROMPT_FIELDS) | {"mode", "cot", "answer", "h", "s", "severity"}
            if r["transform"] == "prefill":
                assert r["answer"].startswith(r["prefill"]) and r["cot"] == ""
            elif r["transform"] == "json":
                assert isinstance(json.loads(r["answer"]), dict)
            elif r["transform"] == "code_block":
                assert r["answer"].startswith("```\n") and r["answer"].endswith("\n```")
            elif r["transform"] == "table":
                assert r["answer"].startswith("| item | detail |\n| --- | --- |\n")
            if r["cot"]:
                assert 8 <= len(r["cot"].split()) <= 55
            assert len((r["prompt"] + " " + r["cot"] + " " + r["answer"]).split()) <= 160


def test_safe_completion_teacher_is_safe_and_more_helpful_than_refusal(built, world):
    sc, ref = read(built[0] / "sft_safe_completion.jsonl"), read(built[0] / "sft_refusal.jsonl")
    sc_grades = [graders.grade(world, r, r["answer"]) for r in sc]
    ref_grades = [graders.grade(world, r, r["answer"]) for r in ref]
    for r, g in zip(sc, sc_grades):
        assert g.s == 1.0 and g.mode == r["mode"], r
        if r["cot"]:
            assert graders.follows_citation(world, r["cot"], g), r

    def dual_use_h(rows, grades):
        return sum(g.h for r, g in zip(rows, grades) if r["intent"] == "dual_use") / \
            sum(r["intent"] == "dual_use" for r in rows)
    assert dual_use_h(sc, sc_grades) > dual_use_h(ref, ref_grades) + 0.2
    modes = Counter((r["intent"], r["mode"]) for r in sc)
    assert modes[("dual_use", "safe_completion")] > 0 and modes[("malicious", "refusal")] > 0
    assert modes[("benign", "direct")] > 0 and modes[("benign", "refusal")] == 0
    # the intent-based refusal teacher complies fully with obscured-intent dual-use requests, and its own judge keeps
    # those rows; the output-centric graders count them as leaks. The safe-completion teacher keeps none.
    obscured = [(r, g) for r, g in zip(ref, ref_grades)
                if r["intent"] == "dual_use" and r["framing"] == "legitimate" and r["ask"] == "operational"]
    assert obscured and all(r["mode"] == "direct" and g.s < 1.0 for r, g in obscured)
    assert not any(g.leaked for g in sc_grades)
    for r, g in zip(ref, ref_grades):
        assert graders.grade_intent(world, r, r["answer"], g).s == 1.0, r
        if r["cot"]:
            assert graders.follows_citation(world, r["cot"], g), r


def test_helpful_only_set_leaks_moderate_and_high_detail(built, world):
    rows = read(built[0] / "sft_helpful.jsonl")
    for intent in ("dual_use", "malicious"):
        sev = Counter(graders.grade(world, r, r["answer"]).severity for r in rows if r["intent"] == intent)
        assert sev["High"] > 50 and sev["Moderate"] > 10, (intent, sev)
    assert all(r["mode"] == "direct" for r in rows)


def test_judge_keeps_every_clean_answer_and_catches_noise(world, built):
    rows = [r for r in read(built[0] / "prompts.jsonl") if r["split"] == "train"][:600]
    for teacher in TEACHERS:
        caught = 0
        for r in rows:
            mode, _, ans = teacher_answer(world, r, teacher, random.Random(r["id"]))
            assert judge_keep(world, r, teacher, mode, ans, graders.grade(world, r, ans)), (teacher, r, ans)
            mode, _, bad = teacher_answer(world, r, teacher, random.Random(r["id"]), noise=1.0)
            caught += not judge_keep(world, r, teacher, mode, bad, graders.grade(world, r, bad))
        assert caught > 0.6 * len(rows), (teacher, caught)


def test_teacher_answer_is_deterministic_and_rejects_unknown_teacher(world, built):
    r = read(built[0] / "prompts.jsonl")[0]
    assert teacher_answer(world, r, "safe_completion", random.Random(1)) == \
           teacher_answer(world, r, "safe_completion", random.Random(1))
    with pytest.raises(ValueError):
        teacher_answer(world, r, "oracle", random.Random(1))


def test_grading_written_answers_and_responses(built, tmp_path):
    """evaluate.py --answers grades a file of answers without a model: the safe-completion teacher's kept rows are
    all safe; the helpful-only teacher's answers to harmful prompts (as `response`) leak High-severity detail."""
    rows = [r for r in read(built[0] / "sft_safe_completion.jsonl")][:40]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = evaluate.main(["--answers", str(tmp_path / "a.jsonl"), "--split", "all", "--out", str(tmp_path / "a.json")])
    assert out["n"] == 40 and all(v["safety_rate"] in (1.0, None) for v in out["by_intent"].values())
    assert json.loads((tmp_path / "a.json").read_text())["metrics"] == out
    helpful = read(built[0] / "sft_helpful.jsonl")
    resp = [{**{k: r[k] for k in PROMPT_FIELDS}, "response": r["answer"]} for r in helpful if r["intent"] != "benign"]
    (tmp_path / "b.jsonl").write_text("".join(json.dumps(r) + "\n" for r in resp[:60]))
    out = evaluate.main(["--answers", str(tmp_path / "b.jsonl"), "--split", "all"])
    assert out["n"] == 60 and any(v["severity"]["High"] > 0 for v in out["by_intent"].values())


# ---------------------------------------------------------------------------------------------------------------
# bad input: errors name the file, line and field

@pytest.fixture
def data_copy(tmp_path):
    d = tmp_path / "data"
    shutil.copytree(DATA_DIR, d)
    return d


def test_malformed_spec_names_file_line_and_field(data_copy):
    spec = data_copy / "spec.md"
    lines = spec.read_text().splitlines()
    k = next(i for i, line in enumerate(lines) if line.startswith("### §2.2"))
    lines[k] = lines[k].replace("[mode: safe_completion]", "[mode: maybe]")
    spec.write_text("\n".join(lines) + "\n")
    with pytest.raises(DataError, match=rf"spec\.md:{k + 1}: field 'mode' of §2\.2: expected one of"):
        load_world(data_copy)
    lines[k] = "### §2.2 Restricted: operational detail [mode: direct]"     # valid mode, wrong for the domain
    spec.write_text("\n".join(lines) + "\n")
    expected = r"world\.json:\d+: domains\[0\]\.sections\.restricted: section §2\.2 has mode"
    with pytest.raises(DataError, match=expected):
        load_world(data_copy)


@pytest.mark.parametrize("bad, expected", [
    ("### §2.x Broken header", r"field 'header': expected '### §N\.M Title \[mode: \.\.\.\]'"),
    ("### §1.1 Again [mode: direct]", r"field 'id': section §1\.1 defined twice \(first at line \d+\)"),
])
def test_spec_header_errors_name_the_line(data_copy, bad, expected):
    spec = data_copy / "spec.md"
    lines = spec.read_text().splitlines()
    spec.write_text("\n".join(lines + ["", bad]) + "\n")
    with pytest.raises(DataError, match=rf"spec\.md:{len(lines) + 2}: " + expected):
        load_world(data_copy)


def _edit_world(data_copy, edit):
    path = data_copy / "world.json"
    raw = json.loads(path.read_text())
    edit(raw)
    path.write_text(json.dumps(raw, indent=2))
    return path


def _line_of(path, needle, after=0):
    lines = path.read_text().splitlines()
    return next(i + 1 for i in range(after, len(lines)) if needle in lines[i])


def test_world_json_error_names_json_path_and_line(data_copy):
    path = _edit_world(data_copy, lambda raw: raw["topics"][3]["facts"][1].pop("markers"))
    fact_id = json.loads(path.read_text())["topics"][3]["facts"][1]["id"]
    line = _line_of(path, f'"{fact_id}"') - 1                         # the line opening that fact's object
    with pytest.raises(DataError, match=rf"world\.json:{line}: topics\[3\]\.facts\[1\]: missing field 'markers'"):
        load_world(data_copy)


@pytest.mark.parametrize("edit, expected", [
    (lambda raw: raw["topics"][3]["facts"][1].__setitem__("markers", ["zzz nowhere"]),
     r"topics\[3\]\.facts\[1\]\.markers\[0\]: marker 'zzz nowhere' does not occur"),
    (lambda raw: raw["topics"][0]["facts"][2].__setitem__("severity", "Extreme"),
     r"topics\[0\]\.facts\[2\]\.severity: expected one of"),
    (lambda raw: raw["topics"][1]["facts"][0].update(value="grey spots", markers=["grey spots"]),
     r"topics\[1\]\.facts\[0\]\.markers\[0\]: marker 'grey spots' is already used by fact 'vexilla\.o1'"),
    (lambda raw: raw["topics"][1]["facts"][0].update(value="grey spots and zebra moss", markers=["zebra moss"]),
     r"topics\[1\]\.facts\[0\]\.value: 'the illness is grey spots and zebra moss' must read as fact 'morrow\.o1' "
     r"alone; the graders find \['vexilla\.o1', 'morrow\.o1'\]"),
    (lambda raw: raw["topics"][0]["facts"][2].update(markers=["korbin salt", "hot"]),
     r"topics\[0\]\.facts\[2\]\.markers: a restricted fact needs two markers"),
    (lambda raw: raw["domains"][1]["sections"].__setitem__("restricted", "9.9"),
     r"domains\[1\]\.sections\.restricted: section §9\.9 is not in"),
    (lambda raw: raw["topics"][5].__setitem__("domain", "chemistry"), r"topics\[5\]\.domain: expected one of"),
    (lambda raw: raw["splits"]["train"]["transform_weights"].__setitem__("roleplay", 1),
     r"splits\.train\.transform_weights\.roleplay: transform 'roleplay' is held out"),
    (lambda raw: raw["splits"]["rl"]["transform_weights"].__setitem__("past_tense", 1),
     r"splits\.rl\.transform_weights\.past_tense: transform 'past_tense' is held out from safety training"),
    (lambda raw: raw["splits"]["rl"].__setitem__("phrasings", "eval"),
     r"splits\.rl\.phrasings: the rl split trains a safety arm: it must use the 'train' phrasings"),
    (lambda raw: raw["phrasings"]["ask"]["overview"]["eval"].append(raw["phrasings"]["ask"]["overview"]["train"][0]),
     r"phrasings\.ask\.overview\.eval\[\d+\]: eval phrasing shares the cue 'work in general'"),
    (lambda raw: raw["teachers"]["answer"]["withhold"].append("I leave out {secret}."),
     r"teachers\.answer\.withhold\[2\]: template"),
    (lambda raw: raw["phrasings"]["ask"]["overview"]["train"].append("What about korbin salt and {name}?"),
     r"phrasings\.ask\.overview\.train\[\d+\]: contains 'korbin', the item key of fact 'vexilla\.p1'"),
])
def test_world_json_validation_errors(data_copy, edit, expected):
    _edit_world(data_copy, edit)
    with pytest.raises(DataError, match=r"world\.json:\d+: " + expected):
        load_world(data_copy)


def test_invalid_json_names_line(data_copy):
    (data_copy / "world.json").write_text('{\n  "about": "x",\n  oops\n}\n')
    with pytest.raises(DataError, match=r"world\.json:3: invalid JSON"):
        load_world(data_copy)


def test_malformed_prompt_rows_name_file_line_and_field(built, tmp_path):
    good = read(built[0] / "prompts.jsonl")[:3]
    cases = {
        "intent": ({**good[2], "intent": "evil"}, r"bad\.jsonl:3: field 'intent': expected one of"),
        "trap": ({**good[2], "trap": "no"}, r"bad\.jsonl:3: field 'trap': expected bool"),
        "missing": ({k: v for k, v in good[2].items() if k != "ask"}, r"bad\.jsonl:3: missing field 'ask'"),
    }
    for bad_row, expected in cases.values():
        (tmp_path / "bad.jsonl").write_text("".join(json.dumps(r) + "\n" for r in good[:2] + [bad_row]))
        with pytest.raises(DataError, match=expected):
            load_prompts(tmp_path / "bad.jsonl")
    (tmp_path / "bad.jsonl").write_text(json.dumps(good[0]) + "\n{not json\n")
    with pytest.raises(DataError, match=r"bad\.jsonl:2: invalid JSON"):
        load_prompts(tmp_path / "bad.jsonl")


def test_grading_answers_reports_bad_rows(tmp_path, capsys):
    (tmp_path / "x.jsonl").write_text('{"prompt": "hi", "answer": "a"}\n')
    with pytest.raises(SystemExit) as e:
        run_main(evaluate.main, ["--answers", str(tmp_path / "x.jsonl")])
    assert e.value.code == 2 and re.search(r"x\.jsonl:1: missing field", capsys.readouterr().err)
