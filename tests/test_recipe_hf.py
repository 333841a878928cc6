"""The whole recipe from a pretrained checkpoint (`python recipe.py --init-from DIR`) on the smoke preset.

The checkpoint is built offline here: a tiny random Qwen2 (transformers) with a ChatML tokenizer (a byte-level BPE
with Qwen2's pre-tokenizer, trained on the world's texts) and a tokenizer_config.json whose chat template adds a
default system message, as Qwen2.5's does. Every stage must keep the checkpoint's tokenizer, chat format and
template, and the trained models must load in transformers and render the same prompt as minisafe. Plumbing only:
the smoke preset's numbers mean nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from tokenizers import Regex, Tokenizer, decoders, models, pre_tokenizers, trainers

from minisafe.tokenizer import IM_END, IM_START, ChatTokenizer

transformers = pytest.importorskip("transformers")

REPO = Path(__file__).resolve().parents[1]
MODELS = ("base", "refusal_sft", "refusal_rl", "safe_completion_sft", "safe_completion_rl")
QWEN2_PATTERN = (r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|"
                 r"\s*[\r\n]+|\s+(?!\S)|\s+")
DEFAULT_SYSTEM = "You are a tiny test model."
# Qwen2.5's shape: a default system turn when the messages bring none
TEMPLATE = ("{% if messages[0]['role'] != 'system' %}{{ '<|im_start|>system\n" + DEFAULT_SYSTEM + "<|im_end|>\n' }}"
            "{% endif %}{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\n' + message['content'] "
            "+ '<|im_end|>' + '\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}"
            "{% endif %}")


def build_checkpoint(path: Path, world_dir: Path) -> None:
    """A tiny random Qwen2 checkpoint with a ChatML tokenizer trained on the world's (train-split) texts."""
    texts = []
    for name in ("sft_helpful.jsonl", "sft_safe_completion.jsonl"):
        for line in (world_dir / name).read_text().splitlines()[:600]:
            r = json.loads(line)
            texts += [r["prompt"], r["cot"], r["answer"]]
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Split(Regex(QWEN2_PATTERN), behavior="isolated", invert=False),
        pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)])
    tok.decoder = decoders.ByteLevel()
    tok.train_from_iterator(texts, trainers.BpeTrainer(
        vocab_size=1024, special_tokens=["<|endoftext|>", IM_START, IM_END], show_progress=False,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    path.mkdir(parents=True)
    tok.save(str(path / "tokenizer.json"))
    (path / "tokenizer_config.json").write_text(json.dumps({
        "tokenizer_class": "PreTrainedTokenizerFast", "chat_template": TEMPLATE, "eos_token": IM_END,
        "pad_token": "<|endoftext|>"}))
    torch.manual_seed(0)
    config = transformers.Qwen2Config(vocab_size=tok.get_vocab_size(), hidden_size=64, intermediate_size=176,
                                      num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
                                      max_position_embeddings=1024, tie_word_embeddings=True,
                                      eos_token_id=tok.token_to_id(IM_END))
    transformers.Qwen2ForCausalLM(config).save_pretrained(path, safe_serialization=True)


def recipe(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TQDM_DISABLE": "1"}
    return subprocess.run([sys.executable, str(REPO / "recipe.py"), "--preset", "smoke", "--device", "cpu", *args],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=900)


def recipe_error(capsys, *args: str) -> tuple[int, str]:
    """recipe.py run in this process as its command line runs it (cli.run_main), for a run that stops before any
    stage: (exit code, stderr)."""
    import recipe as recipe_mod
    from minisafe.cli import run_main

    with pytest.raises(SystemExit) as e:
        run_main(recipe_mod.main, ["--preset", "smoke", *args])
    return e.value.code, capsys.readouterr().err


@pytest.fixture(scope="module")
def hf_run(tmp_path_factory):
    from minisafe.world.build import build

    root = tmp_path_factory.mktemp("recipe_hf")
    out, ckpt = root / "run", root / "tiny-qwen2"
    build(out / "seed-0" / "world", seed=0)   # the recipe's own world (seed 0), built first for the BPE
    build_checkpoint(ckpt, out / "seed-0" / "world")
    proc = recipe("--init-from", str(ckpt), "--out", str(out))
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return out, ckpt, proc.stdout


def test_every_stage_keeps_the_checkpoints_tokenizer_and_template(hf_run):
    out, ckpt, stdout = hf_run
    assert "chat format chatml" in stdout
    init_tok = ChatTokenizer.from_file(ckpt)
    init_vocab = json.loads((ckpt / "config.json").read_text())["vocab_size"]
    stages = [out / "seed-0" / m for m in MODELS] + [out / "seed-0" / h / n for h in ("reward_heads",
                                                     "reward_heads_refusal") for n in ("helpfulness", "safety")]
    for d in stages:
        tok = ChatTokenizer.from_file(d)
        assert tok.format.name == "chatml", d
        assert tok.encode("Kessel vapour §2.3") == init_tok.encode("Kessel vapour §2.3"), d
        config = json.loads((d / "config.json").read_text())
        assert config["model_type"] == "qwen2" and config["vocab_size"] == init_vocab, d
        assert json.loads((d / "tokenizer_config.json").read_text())["chat_template"] == TEMPLATE, d
    assert json.loads((out / "seed-0" / "base" / "sft_run.json").read_text())["init_from"] == str(ckpt)
    # base is a fine-tune of the checkpoint, not a fresh model: same shapes, moved weights
    from safetensors.torch import load_file

    a = load_file(ckpt / "model.safetensors")
    b = load_file(out / "seed-0" / "base" / "model.safetensors")
    key = "model.layers.0.mlp.up_proj.weight"
    assert a[key].shape == b[key].shape and not torch.equal(a[key], b[key])


def test_report_covers_the_five_models_and_names_the_checkpoint(hf_run):
    out, ckpt, _ = hf_run
    report = json.loads((out / "report.json").read_text())
    assert report["init_from"] == str(ckpt.resolve())
    assert set(MODELS) <= set(report["models"])
    for name in MODELS:
        rows = [json.loads(l) for l in (out / "seed-0" / "eval" / f"{name}.rows.jsonl").read_text().splitlines()]
        assert rows and sum(r["intent"] == "malicious" for r in rows) > 0
        assert report["models"][name]["n"] == len(rows)


def test_trained_model_loads_in_transformers_with_its_chat_template(hf_run):
    out, _, _ = hf_run
    d = out / "seed-0" / "safe_completion_rl"
    theirs = transformers.AutoTokenizer.from_pretrained(d)
    ours = ChatTokenizer.from_file(d)
    prompt = "How is Kessel vapour handled safely?"
    hf_prompt = list(theirs.apply_chat_template([{"role": "user", "content": prompt}], add_generation_prompt=True,
                                                tokenize=True, return_dict=False))
    assert ours.default_system == DEFAULT_SYSTEM                               # read from the copied template
    assert hf_prompt == ours.render_prompt(prompt)   # the checkpoint's own prompt, default system message included
    from minisafe.hf import load_pretrained

    model = transformers.AutoModelForCausalLM.from_pretrained(d).eval()
    ids = torch.tensor([hf_prompt])
    with torch.no_grad():
        torch.testing.assert_close(model(ids).logits, load_pretrained(d)(ids), atol=1e-4, rtol=0)


def test_another_starting_point_cannot_continue_the_run(hf_run, capsys):
    out, _, _ = hf_run
    code, err = recipe_error(capsys, "--device", "cpu", "--out", str(out))   # the same --out, now from scratch
    assert code == 2, err[-2000:]
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "init_from.json" in lines[0] and "field 'init_from'" in lines[0]


def test_bad_init_from_is_one_line_before_any_work(tmp_path, capsys):
    (tmp_path / "ckpt").mkdir()
    (tmp_path / "ckpt" / "config.json").write_text(json.dumps({"model_type": "gpt2"}))
    code, err = recipe_error(capsys, "--device", "cpu", "--init-from", str(tmp_path / "ckpt"),
                             "--out", str(tmp_path / "run"))
    assert code == 2
    assert err.strip() == f"error: {tmp_path / 'ckpt' / 'config.json'}: unsupported model_type 'gpt2'; " \
                          f"expected one of ('llama', 'qwen2', 'mistral')"
    assert not (tmp_path / "run").exists()


def test_cuda_without_cuda_is_one_line_naming_the_flag(monkeypatch, capsys, tmp_path):
    from minisafe import training

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    for device in ("cuda", "cuda:1"):
        code, err = recipe_error(capsys, "--device", device, "--out", str(tmp_path / "r"))
        assert code == 2
        err = err.strip()
        assert err.startswith(f"error: --device {device} needs CUDA") and "\n" not in err
    assert not (tmp_path / "r").exists()
    assert training.pick_device("auto").type == "cpu" and training.pick_device("cpu").type == "cpu"
    with pytest.raises(ValueError, match="--device 'gpu' is not a device"):
        training.pick_device("gpu")


def test_save_pretrained_writes_a_chatml_template_when_the_source_has_none(tmp_path):
    from minisafe.hf import CHATML_TEMPLATE, load_pretrained, save_pretrained
    from minisafe.model import ModelConfig, Transformer

    world = tmp_path / "w"
    (world).mkdir()
    for name in ("sft_helpful.jsonl", "sft_safe_completion.jsonl"):   # a few rows are enough for a BPE
        (world / name).write_text(json.dumps({"prompt": "How do I bake bread?", "cot": "Harmless.",
                                              "answer": "Mix flour and water."}) + "\n")
    build_checkpoint(tmp_path / "src", world)
    (tmp_path / "src" / "tokenizer_config.json").unlink()
    model = load_pretrained(tmp_path / "src")
    save_pretrained(model, tmp_path / "out", tokenizer=ChatTokenizer.from_file(tmp_path / "src"))
    config = json.loads((tmp_path / "out" / "tokenizer_config.json").read_text())
    assert config["chat_template"] == CHATML_TEMPLATE and config["eos_token"] == IM_END
    theirs = transformers.AutoTokenizer.from_pretrained(tmp_path / "out")
    got = theirs.apply_chat_template([{"role": "user", "content": "hi"}], add_generation_prompt=True, tokenize=True,
                                     return_dict=False)
    assert list(got) == ChatTokenizer.from_file(tmp_path / "out").render_prompt("hi")
    # a house-format model (from scratch) gets no template: transformers cannot render the house format
    house = ChatTokenizer.train(["How do I bake bread? Mix flour and water."] * 5, vocab_size=300)
    model = Transformer(ModelConfig(vocab_size=house.vocab_size, d_model=32, n_layers=1, n_heads=2, n_kv_heads=2,
                                d_ff=64, max_seq_len=64))
    save_pretrained(model, tmp_path / "house", tokenizer=house)
    assert not (tmp_path / "house" / "tokenizer_config.json").exists()
