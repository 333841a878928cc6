"""Reward heads: blind to the reasoning, initialised as documented, saved and loaded exactly, trainable on a toy
task; the agreement metrics (Spearman, AUC, the tied-label ceiling); and the graded training examples."""

import json
import math
import random

import pytest
import torch
from safetensors.torch import save_file

from minisafe.hf import save_pretrained
from minisafe.world import graders
from minisafe.model import ModelConfig, Transformer
from minisafe.io import DataError
from minisafe.world.reward_data import (LABELS, agreement, auc, make_examples, refusal_labels, safe_completion_labels,
    spearman)
from minisafe.reward_model import RewardModel, check_compatible, load_heads, score
from minisafe.tokenizer import ChatTokenizer
from minisafe.world.spec import load_world
from minisafe.world.prompts import make_prompts
from train_rewards import RewardsConfig, train_head

CORPUS = [
    "How do I bake sourdough bread at home? Start with an active starter and a long, cold proof.",
    "I think the user wants a recipe. The policy allows it, so I answer directly with the steps.",
    "The apple is red and sweet. The stone is grey and hard. Tell me which one I can eat.",
    "I can't help with making that, but here is a safe overview of how the process is regulated.",
] * 10
PROMPT = "How do I bake sourdough bread at home?"
ANSWER = "Start with an active starter and a long, cold proof."


@pytest.fixture(scope="module")
def tok():
    return ChatTokenizer.train(CORPUS, vocab_size=320, min_frequency=2)


def tiny_head(tok, name, seed, d_model=32):
    """A reward head on a tiny random backbone (random, nonzero head weights), in eval mode."""
    torch.manual_seed(seed)
    cfg = ModelConfig(vocab_size=tok.vocab_size, d_model=d_model, n_layers=2, n_heads=4, n_kv_heads=2, d_ff=64,
                      max_seq_len=256)
    return RewardModel(Transformer(cfg), name).eval()


@pytest.fixture(scope="module")
def heads(tok):
    return {"helpfulness": tiny_head(tok, "helpfulness", seed=1), "safety": tiny_head(tok, "safety", seed=2)}


def completion(tok, cot, answer):
    """The policy's output as token ids (everything after <|assistant|>), parsed back into reasoning and answer."""
    ids, _ = tok.render_chat(PROMPT, cot, answer)
    return tok.parse_completion(ids[ids.index(tok.assistant_id) + 1:])


# ---------------------------------------------------------------------------------------------------------------
# the heads see the prompt and the final answer only

def test_scores_are_invariant_to_the_reasoning_but_not_to_the_answer(tok, heads):
    """Two completions that differ only in their reasoning get bit-identical scores; a different answer does not."""
    short = completion(tok, "Recipe request; allowed.", ANSWER)
    long = completion(tok, "I think the user wants a recipe. The stone is grey and hard, the apple is red. "
                           "Typed text like <|answer|> or <|end|> is not a section boundary. " * 3, ANSWER)
    other = completion(tok, "Recipe request; allowed.", "The apple is red and sweet.")
    assert short.reasoning != long.reasoning and len(long.reasoning) > 5 * len(short.reasoning)
    assert short.answer == long.answer == ANSWER and short.ended and long.ended
    for rm in heads.values():
        assert rm.head.weight.abs().min() > 0
        s_short = score(rm, tok, [PROMPT], [short.answer])
        s_long = score(rm, tok, [PROMPT], [long.answer])
        s_other = score(rm, tok, [PROMPT], [other.answer])
        assert torch.equal(s_short, s_long), rm.name
        assert abs(s_short.item() - s_other.item()) > 1e-4, rm.name


# ---------------------------------------------------------------------------------------------------------------
# initialisation and scoring

def test_head_init_is_normal_with_std_one_over_sqrt_d_plus_one_and_zero_bias(tok):
    """w ~ N(0, 1/sqrt(d + 1)) and b = 0, checked on d = 256."""
    rm = tiny_head(tok, "safety", seed=0, d_model=256)
    w = rm.head.weight
    assert w.shape == (1, 256)
    assert w.std().item() == pytest.approx(1 / math.sqrt(257), rel=0.15)
    assert abs(w.mean().item()) < 0.02
    assert torch.equal(rm.head.bias, torch.zeros(1))


def test_scores_lie_in_unit_interval_and_a_missing_answer_scores_zero(tok, heads):
    """Scores are sigmoids (even with a huge head); None scores exactly 0 and the other rows keep their places."""
    rm = heads["safety"]
    answers = [ANSWER, None, "The stone is grey and hard.", "", None]
    s = score(rm, tok, [PROMPT] * len(answers), answers, batch_size=2)
    assert s.shape == (5,) and ((s >= 0) & (s <= 1)).all()
    assert s[1] == 0 and s[4] == 0 and (s[[0, 2, 3]] > 0).all()
    for i in (0, 2, 3):  # each row's score is the score of that row alone
        assert s[i].item() == pytest.approx(score(rm, tok, [PROMPT], [answers[i]]).item(), abs=1e-6)
    big = tiny_head(tok, "safety", seed=3)
    with torch.no_grad():
        big.head.weight.mul_(1000.0)
    s_big = score(big, tok, [PROMPT] * 4, [a for a in answers if a is not None] + ["The apple is red."])
    assert ((s_big >= 0) & (s_big <= 1)).all()
    assert ((s_big < 0.01) | (s_big > 0.99)).all()  # saturated, yet still inside [0, 1]


# ---------------------------------------------------------------------------------------------------------------
# persistence and compatibility

def test_save_load_round_trip_gives_identical_scores(tok, heads, tmp_path):
    """RewardModel.save then RewardModel.load: same name, same head, bit-identical scores."""
    rm = heads["helpfulness"]
    rm.save(tmp_path / "helpfulness", tokenizer=tok)
    back = RewardModel.load(tmp_path / "helpfulness")
    assert back.name == "helpfulness" and not back.training
    assert torch.equal(back.head.weight, rm.head.weight) and torch.equal(back.head.bias, rm.head.bias)
    answers = [ANSWER, "The apple is red and sweet.", None]
    assert torch.equal(score(back, tok, [PROMPT] * 3, answers), score(rm, tok, [PROMPT] * 3, answers))
    tok2 = ChatTokenizer.from_file(tmp_path / "helpfulness")
    assert tok2.encode(ANSWER) == tok.encode(ANSWER)


def test_load_rejects_a_head_file_with_a_wrong_shaped_tensor(tok, heads, tmp_path):
    """A head.safetensors whose weight has the wrong shape (or is missing) raises KeyError naming the file."""
    rm = heads["safety"]
    rm.save(tmp_path / "rm")
    d = rm.backbone.config.d_model
    save_file({"weight": torch.zeros(1, d + 1), "bias": torch.zeros(1)}, str(tmp_path / "rm" / "head.safetensors"))
    with pytest.raises(KeyError, match=r"head\.safetensors: tensor 'weight' not of shape \(1, 32\)"):
        RewardModel.load(tmp_path / "rm")
    for bad in ({"weight": torch.zeros(1, d)}, {"weight": torch.zeros(1, d), "bias": torch.zeros(1),
                                                "extra": torch.zeros(1)}):
        save_file(bad, str(tmp_path / "rm" / "head.safetensors"))
        with pytest.raises(KeyError, match=r"head\.safetensors: expected tensors 'weight' and 'bias', found"):
            RewardModel.load(tmp_path / "rm")


def test_check_compatible_rejects_a_vocabulary_mismatch(tok, heads):
    """Different vocab sizes (head vs policy, or tokenizer larger than the head) raise a ValueError that says so."""
    rm = heads["safety"]
    V = rm.backbone.config.vocab_size
    assert check_compatible(rm, tok, V, "ppo") is None
    with pytest.raises(ValueError, match=rf"ppo: reward head 'safety' has vocab_size {V}, the policy has {V + 5}"):
        check_compatible(rm, tok, V + 5, "ppo")
    small = tiny_head(ChatTokenizer.train(CORPUS, vocab_size=290), "safety", seed=0)
    W = small.backbone.config.vocab_size
    with pytest.raises(ValueError, match=rf"tokenizer has {tok.vocab_size} tokens, .* embeds only {W}"):
        check_compatible(small, tok, W, "ppo")


# ---------------------------------------------------------------------------------------------------------------
# agreement metrics

def test_spearman_monotone_reversed_ties_and_constant():
    """1 for a monotone transform, -1 reversed, sqrt(0.9) for a hand-computed case with a tie, None if constant."""
    x = [3.0, 1.0, 4.0, 1.5, 9.0, 2.6]
    assert spearman(x, [math.exp(v) for v in x]) == pytest.approx(1.0)
    assert spearman(x, [-v ** 3 for v in x]) == pytest.approx(-1.0)
    # ranks of x: [0, 1.5, 1.5, 3], of y: [0, 2, 1, 3]; cov = 4.5, |x| = sqrt(4.5), |y| = sqrt(5)
    assert spearman([1, 2, 2, 3], [1, 3, 2, 4]) == pytest.approx(math.sqrt(0.9))
    assert spearman([1, 1, 1], [1, 2, 3]) is None


def test_auc_separated_equal_hand_computed_and_empty():
    """AUC: 1 separated, 0 reversed, 0.5 all equal, ties count half, None when a class is empty."""
    assert auc([0.9, 0.8], [0.1, 0.2, 0.3]) == 1.0
    assert auc([0.1], [0.9, 0.8]) == 0.0
    assert auc([0.5, 0.5], [0.5]) == 0.5
    assert auc([0.9, 0.4], [0.5, 0.4]) == pytest.approx(2.5 / 4)
    assert auc([], [0.1]) is None and auc([0.1], []) is None


def test_spearman_ceiling_for_tied_labels_is_below_one():
    """Tied labels: the labels rank themselves perfectly, an untied perfect ranking does not (8 / sqrt(80))."""
    labels = [1, 1, 1, 0, 0.4]
    assert spearman(labels, labels) == pytest.approx(1.0)
    ceiling = spearman([v + 1e-9 * i for i, v in enumerate(labels)], labels)
    assert ceiling < 1 and ceiling == pytest.approx(8 / math.sqrt(80))
    # any way of breaking the ties gives the same ceiling
    assert spearman([v - 1e-9 * i for i, v in enumerate(labels)], labels) == pytest.approx(ceiling)


def test_agreement_reports_the_ceiling_and_auc_of_the_safety_head(tok, heads):
    """agreement() scores each example with each head; its ceiling and AUC match the metrics applied by hand."""
    answers = [ANSWER, "The apple is red.", "The stone is grey.", "I can't help with making that.", "Tell me."]
    labels = [1.0, 1.0, 1.0, 0.0, 0.4]
    severity = ["none", "none", "none", "High", "Low"]
    examples = [{"prompt": PROMPT, "answer": a, "h": 0.5, "s": s, "severity": v}
                for a, s, v in zip(answers, labels, severity)]
    out = agreement(heads, tok, examples)
    s_pred = score(heads["safety"], tok, [PROMPT] * 5, answers).tolist()
    assert out["n"] == 5 and out["n_moderate_high"] == 1
    assert out["safety_spearman_ceiling"] == pytest.approx(8 / math.sqrt(80))
    assert out["safety_spearman"] == pytest.approx(spearman(s_pred, labels))
    assert out["safety_auc"] == pytest.approx(auc(s_pred[:3], s_pred[3:]))
    assert out["false_safe_rate_moderate_high"] == float(s_pred[3] >= 0.5)
    assert out["helpfulness_spearman"] is None  # constant h labels: no ranking to agree with


# ---------------------------------------------------------------------------------------------------------------
# training

def test_train_head_learns_a_keyword_label(tok):
    """32 answers, label 1 iff they mention 'apple': the BCE loss falls and the head separates the classes."""
    rng = random.Random(0)
    fillers = ["is red", "is grey", "is sweet", "is hard", "I can eat", "at home", "with a starter", "is cold"]
    examples = []
    for i in range(32):
        word = "apple" if i % 2 else "stone"
        words = rng.sample(fillers, 2)
        examples.append({"prompt": "Tell me which one I can eat.", "answer": f"The {word} {words[0]} and {words[1]}.",
                         "y": float(i % 2)})
    rm = tiny_head(tok, "toy", seed=0)
    losses = train_head(rm, tok, examples, "y", RewardsConfig(epochs=8, batch_size=8, lr=3e-3, seed=0))
    assert len(losses) == 8 and not rm.training
    assert losses[-1] < 0.5 * losses[0]
    s = score(rm, tok, [e["prompt"] for e in examples], [e["answer"] for e in examples]).tolist()
    pos = [p for p, e in zip(s, examples) if e["y"] == 1]
    neg = [p for p, e in zip(s, examples) if e["y"] == 0]
    assert auc(pos, neg) > 0.9


# ---------------------------------------------------------------------------------------------------------------
# training data

@pytest.fixture(scope="module")
def world():
    return load_world()


def test_make_examples_are_graded_and_include_a_spliced_leak(world):
    """Five graded answers per row (3 teachers, a spliced leak, a truncation), labels from graders.grade."""
    rows = make_prompts(world, seed=0)
    picked = [next(r for r in rows if (r["intent"], r["ask"]) == key)
              for key in [("benign", "overview"), ("benign", "operational"), ("malicious", "operational")]]
    dual_op = [r for r in rows if r["intent"] == "dual_use" and r["ask"] == "operational" and not r["prefill"]][:4]
    picked += dual_op
    extra = {picked[0]["id"]: ["a model sample"]}
    examples = make_examples(world, picked, random.Random(0), extra_answers=extra)
    assert len(examples) == 5 * len(picked) + 1
    for e in examples:
        assert 0 <= e["h"] <= 1 and 0 <= e["s"] <= 1
        row = next(r for r in picked if r["prompt"] == e["prompt"])
        g = graders.grade(world, row, e["answer"])
        assert (e["h"], e["s"], e["severity"], e["intent"]) == (g.h, g.s, g.severity, row["intent"])
    assert examples[5]["answer"] == "a model sample"
    spliced = []
    for k, row in enumerate(dual_op):
        group = examples[-5 * (len(dual_op) - k):][:5]
        safe, splice, cut = group[2], group[3], group[4]
        assert safe["s"] == 1.0                                    # the safe-completion teacher leaks nothing
        assert splice["answer"].startswith(safe["answer"] + " ")   # its answer with one sentence appended
        assert safe["answer"].split()[:len(cut["answer"].split())] == cut["answer"].split()
        assert len(cut["answer"].split()) < len(safe["answer"].split())
        spliced.append(splice)
    assert any(e["s"] < 1 and e["severity"] != "none" for e in spliced)


def test_bad_input_is_named(tok, heads):
    """Mismatched prompt/answer counts and a dataset with nothing short enough to train on are errors, not zeros."""
    with pytest.raises(ValueError, match="2 prompts but 1 answers"):
        score(heads["safety"], tok, [PROMPT, PROMPT], [ANSWER])
    long = [{"prompt": PROMPT, "answer": ANSWER * 50, "y": 1.0}]
    with pytest.raises(ValueError, match="all 1 examples are longer than max_len=16"):
        train_head(heads["safety"], tok, long, "y", RewardsConfig(epochs=1, max_len=16))


# ---------------------------------------------------------------------------------------------------------------
# each arm's heads learn its own spec's judge (--labels)

def _row(rows, **want):
    return next(r for r in rows if all(r.get(k, "none") == v for k, v in want.items()) and not r["prefill"])


def test_refusal_labels_follow_the_intent_based_judge(world):
    """Same answers, two judges. Intent-based (refusal) labels: refusing a malicious prompt earns h=1, s=1, and so
    does fully answering a dual-use operational prompt framed as legitimate (the output-centric labels call that
    answer a leak, s=0); the same full answer with no stated purpose on a plainly harmful topic is s=0."""
    rows = make_prompts(world, seed=0)
    malicious = _row(rows, intent="malicious", ask="operational", transform="none")
    dual = _row(rows, intent="dual_use", ask="operational", transform="none")
    legit = {**dual, "framing": "legitimate"}
    bare = {**next(r for r in rows if r["intent"] == "dual_use" and r["ask"] == "operational" and not r["prefill"]
                   and r["transform"] == "none" and world.topic(r["topic"]).looks_harmful), "framing": "none"}
    picked = [malicious, legit, bare]
    by = {name: make_examples(world, picked, random.Random(0), labels=fn) for name, fn in LABELS.items()}
    sc, rf = by["safe_completion"], by["refusal"]
    assert [e["answer"] for e in sc] == [e["answer"] for e in rf]   # the same data; only the labels differ
    per_row = len(rf) // len(picked)
    group = {k: rf[i * per_row:(i + 1) * per_row] for i, k in enumerate(("malicious", "legit", "bare"))}
    sc_legit = sc[per_row:2 * per_row]
    refusal = group["malicious"][1]                                  # the refusal teacher's answer
    assert (refusal["h"], refusal["s"]) == (1.0, 1.0)
    leak = group["legit"][0]                                         # the helpful-only teacher: everything asked
    assert (leak["h"], leak["s"], leak["severity"]) == (1.0, 1.0, "none")
    assert sc_legit[0]["s"] == 0.0 and sc_legit[0]["severity"] in ("Moderate", "High")
    bare_leak = group["bare"][0]
    assert bare_leak["s"] == 0.0 and bare_leak["severity"] != "none"
    for i, (e, e_sc) in enumerate(zip(rf, sc)):                      # every label is its judge's
        row = picked[i // per_row]
        g, g_sc = graders.grade_intent(world, row, e["answer"]), graders.grade(world, row, e["answer"])
        assert (e["h"], e["s"]) == (g.h, g.s) and (e_sc["h"], e_sc["s"], e_sc["severity"]) == (g_sc.h, g_sc.s,
                                                                                               g_sc.severity)
    assert refusal_labels(world, legit, leak["answer"]) == {"h": 1.0, "s": 1.0, "severity": "none"}
    assert safe_completion_labels(world, legit, leak["answer"])["s"] == 0.0


def _save_heads(heads, tok, where, labels):
    for name in ("helpfulness", "safety"):
        heads[name].save(where / name, tokenizer=tok, labels=labels)


def test_heads_of_one_judge_are_refused_by_a_run_expecting_the_other(tok, heads, tmp_path):
    """load_heads checks the heads' recorded labels; heads without a record learned graders.grade."""
    _save_heads(heads, tok, tmp_path / "rf", "refusal")
    assert set(load_heads(tmp_path / "rf", "refusal")) == {"helpfulness", "safety"}
    assert set(load_heads(tmp_path / "rf", None)) == {"helpfulness", "safety"}   # no expectation: any judge
    with pytest.raises(DataError, match=r"learned the 'refusal' judge's labels, this run expects 'safe_completion'"):
        load_heads(tmp_path / "rf", "safe_completion")
    heads["safety"].save(tmp_path / "old" / "safety", tokenizer=tok)   # the default labels
    heads["helpfulness"].save(tmp_path / "old" / "helpfulness", tokenizer=tok)
    meta = tmp_path / "old" / "safety" / "reward_head.json"
    record = json.loads(meta.read_text())
    del record["labels"]                                              # saved before labels were recorded
    meta.write_text(json.dumps(record))
    load_heads(tmp_path / "old", "safe_completion")
    with pytest.raises(DataError, match="this run expects 'refusal'"):
        load_heads(tmp_path / "old", "refusal")
    (tmp_path / "rf" / "reward_heads.json").write_text(json.dumps({"labels": "safe_completion"}))
    with pytest.raises(DataError, match="records disagree on their labels"):
        load_heads(tmp_path / "rf", "refusal")


def test_ppo_refuses_heads_trained_on_the_other_judge(tok, heads, tmp_path):
    """train_rl.py --reward-labels X stops before any training when the heads learned the other judge."""
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    if str(repo) not in sys.path:
        sys.path.insert(0, str(repo))
    import train_rl

    save_pretrained(heads["safety"].backbone, tmp_path / "policy", tokenizer=tok)
    _save_heads(heads, tok, tmp_path / "rm", "safe_completion")
    argv = ["--init-from", str(tmp_path / "policy"), "--world", str(tmp_path / "no-world"), "--preset", "smoke",
            "--device", "cpu", "--reward-heads", str(tmp_path / "rm"), "--out", str(tmp_path / "run")]
    with pytest.raises(DataError, match=rf"{tmp_path / 'rm'}: these reward heads learned the 'safe_completion'"):
        train_rl.main(argv + ["--reward-labels", "refusal"])
    assert not (tmp_path / "run" / "checkpoints").exists()


def test_a_killed_training_does_not_reuse_heads_of_the_other_judge(tok, heads, tmp_path):
    """`train` resumes by reusing finished heads in OUT, but only heads that learned the same --labels."""
    from train_rewards import check_reusable as _check_reusable

    heads["safety"].save(tmp_path / "safety", tokenizer=tok, init_from="runs/rf_sft", labels="refusal")
    rm = RewardModel.load(tmp_path / "safety")
    _check_reusable(rm, tmp_path / "safety", "runs/rf_sft", tok, "refusal")
    with pytest.raises(DataError, match=r"field 'labels' is 'refusal', this run has 'safe_completion'"):
        _check_reusable(rm, tmp_path / "safety", "runs/rf_sft", tok, "safe_completion")


def test_agreement_on_rl_prompts_leaves_out_the_prompts_the_heads_trained_on(world, monkeypatch):
    """Besides the eval split, the heads are checked on the models' samples for rl-split prompts (the wording PPO's
    prompts have), without the prompts the heads trained on."""
    import train_rewards
    rows = make_prompts(world, 0)
    calls = []

    def fake_samples(model_dirs, part, per_prompt, seed, device):
        calls.append(part)
        return {r["id"]: ["I can't help with that."] for r in part}
    monkeypatch.setattr(train_rewards, "policy_samples", fake_samples)
    monkeypatch.setattr(train_rewards, "agreement", lambda heads, tok, examples, device: {"n": len(examples)})
    rl = [r["id"] for r in rows if r["split"] == "rl"]
    trained = frozenset(rl[:100])
    out = train_rewards.eval_agreement(world, {}, None, rows, 0, 0, ["model"], "cpu", LABELS["safe_completion"],
                                       trained_on=trained)
    eval_part, rl_part = calls
    assert {r["split"] for r in eval_part} == {"eval"} and {r["split"] for r in rl_part} == {"rl"}
    assert [r["id"] for r in rl_part] == rl[100:]
    assert out["rl_prompts_model_samples"]["n"] == len(rl) - 100 and out["on_model_samples"]["n"] == len(eval_part)


def test_the_heads_never_learn_from_the_rows_for_the_base_alone():
    """No reward-head prompt is a held-out topic's or a base-split row (they are the helpful-only base's alone)."""
    from minisafe.world.prompts import base_only, make_prompts
    from minisafe.world.spec import load_world
    from minisafe.world.reward_data import safety_prompts
    rows = make_prompts(load_world(), 0)
    kept = safety_prompts(rows)
    assert kept and not any(base_only(r) or r["held_out_topic"] for r in kept)
    assert {r["split"] for r in kept} == {"train", "rl"}
    assert len(kept) == sum(r["split"] in ("train", "rl") for r in rows) - sum(
        r["split"] == "train" and r["held_out_topic"] for r in rows)
