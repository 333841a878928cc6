"""Hugging Face checkpoints in and out: config.json + safetensors for Llama, Qwen2 and Mistral.

Reads a checkpoint directory holding config.json and either model.safetensors or shards listed in
model.safetensors.index.json; writes config.json (model_type "llama", or "qwen2" when the model has q/k/v biases)
and one model.safetensors with HF key names, so `transformers.AutoModelForCausalLM.from_pretrained` reads it back;
a model with a ChatML tokenizer also keeps the tokenizer_config.json (chat template) of the checkpoint it came from.
Only safetensors are read (never pickle). Both transformers v4 configs (`rope_theta`) and v5 configs
(`rope_parameters: {"rope_type": "default", "rope_theta": ...}`) are accepted; RoPE scaling variants are not.

Key map (per layer i):
    model.embed_tokens.weight                       tok_emb.weight
    model.layers.i.input_layernorm.weight           layers.i.attn_norm.weight
    model.layers.i.self_attn.{q,k,v,o}_proj.weight  layers.i.attn.{wq,wk,wv,wo}.weight
    model.layers.i.self_attn.{q,k,v}_proj.bias      layers.i.attn.{wq,wk,wv}.bias      (Qwen2)
    model.layers.i.post_attention_layernorm.weight  layers.i.mlp_norm.weight
    model.layers.i.mlp.{gate,up,down}_proj.weight   layers.i.mlp.{w_gate,w_up,w_down}.weight
    model.norm.weight                               norm.weight
    lm_head.weight                                  lm_head.weight                     (absent when tied)
"""

from __future__ import annotations

import os
from pathlib import Path

import torch
from torch import Tensor

from minisafe.io import atomic_save_safetensors, atomic_write_json, atomic_write_text, load_safetensors, read_json
from minisafe.model import ModelConfig, Transformer

SUPPORTED_MODEL_TYPES = ("llama", "qwen2", "mistral")
CONFIG_FILE, WEIGHTS_FILE, INDEX_FILE = "config.json", "model.safetensors", "model.safetensors.index.json"
EMBED = "model.embed_tokens.weight"


class CheckpointError(ValueError):
    """A checkpoint that cannot be loaded; the message names the file, the tensor key and what was expected."""


# ----------------------------------------------------------------------------------------------------------------
# config

def config_from_hf(hf: dict, source: str = CONFIG_FILE):
    """HF config dict -> ModelConfig. Rejects features this model does not implement, naming the field."""
    def need(key):
        if key not in hf:
            raise CheckpointError(f"{source}: missing field '{key}'")
        return hf[key]

    model_type = hf.get("model_type")
    if model_type not in SUPPORTED_MODEL_TYPES:
        raise CheckpointError(f"{source}: unsupported model_type {model_type!r}; "
                              f"expected one of {SUPPORTED_MODEL_TYPES}")

    # RoPE: v4 keeps rope_theta (+ optional rope_scaling) at the top level; v5 nests both in rope_parameters.
    rope = hf.get("rope_parameters") or {}
    scaling = hf.get("rope_scaling") or {}
    for name, params in (("rope_parameters", rope), ("rope_scaling", scaling)):
        rope_type = params.get("rope_type", params.get("type", "default"))
        if rope_type != "default":
            raise CheckpointError(f"{source}: field '{name}' has rope_type {rope_type!r}; only 'default' RoPE "
                                  f"(no scaling) is supported")
    theta = rope.get("rope_theta", hf.get("rope_theta", 10000.0))
    if "rope_theta" in rope and "rope_theta" in hf and rope["rope_theta"] != hf["rope_theta"]:   # NaN included
        raise CheckpointError(f"{source}: rope_theta={hf['rope_theta']!r} but rope_parameters.rope_theta="
                              f"{rope['rope_theta']!r}; the two must agree")

    d_model, n_heads = need("hidden_size"), need("num_attention_heads")
    head_dim = hf.get("head_dim")
    if head_dim is not None and n_heads and head_dim != d_model // n_heads:
        raise CheckpointError(f"{source}: head_dim={head_dim} is not hidden_size/num_attention_heads="
                              f"{d_model // n_heads}; unsupported")
    if hf.get("hidden_act", "silu") != "silu":
        raise CheckpointError(f"{source}: hidden_act {hf['hidden_act']!r} unsupported; expected 'silu'")
    if hf.get("mlp_bias"):
        raise CheckpointError(f"{source}: mlp_bias=true unsupported")
    if model_type in ("llama", "mistral") and hf.get("attention_bias"):
        raise CheckpointError(f"{source}: attention_bias=true unsupported (it adds an o_proj bias)")
    window = hf.get("sliding_window")
    max_pos = hf.get("max_position_embeddings", 2048)
    uses_window = hf.get("use_sliding_window", model_type == "mistral")
    if uses_window and window is not None and window < max_pos:
        raise CheckpointError(f"{source}: sliding_window={window} < max_position_embeddings={max_pos}; "
                              f"sliding-window attention is unsupported")

    try:   # ModelConfig refuses sizes <= 0 and a NaN or infinite rope_theta / rms_norm_eps
        return ModelConfig(vocab_size=need("vocab_size"), d_model=d_model, n_layers=need("num_hidden_layers"),
                           n_heads=n_heads, n_kv_heads=hf.get("num_key_value_heads") or n_heads,
                           d_ff=need("intermediate_size"), max_seq_len=max_pos, rope_theta=float(theta),
                           norm_eps=float(hf.get("rms_norm_eps", 1e-6)), qkv_bias=model_type == "qwen2",
                           tie_embeddings=bool(hf.get("tie_word_embeddings", model_type == "qwen2")))
    except (TypeError, ValueError, ZeroDivisionError) as e:
        raise CheckpointError(f"{source}: {e}") from None


def config_to_hf(cfg, dtype: torch.dtype = torch.float32, **token_ids: int) -> dict:
    """ModelConfig -> HF config dict, readable by transformers v4 (rope_theta) and v5 (rope_parameters).
    token_ids: eos_token_id, pad_token_id."""
    model_type = "qwen2" if cfg.qkv_bias else "llama"
    dtype_name = str(dtype).removeprefix("torch.")
    hf = {
        "architectures": ["Qwen2ForCausalLM" if cfg.qkv_bias else "LlamaForCausalLM"],
        "model_type": model_type,
        "vocab_size": cfg.vocab_size,
        "hidden_size": cfg.d_model,
        "intermediate_size": cfg.d_ff,
        "num_hidden_layers": cfg.n_layers,
        "num_attention_heads": cfg.n_heads,
        "num_key_value_heads": cfg.n_kv_heads,
        "head_dim": cfg.head_dim,
        "hidden_act": "silu",
        "max_position_embeddings": cfg.max_seq_len,
        "rms_norm_eps": cfg.norm_eps,
        "rope_theta": cfg.rope_theta,
        "rope_parameters": {"rope_type": "default", "rope_theta": cfg.rope_theta},
        "tie_word_embeddings": cfg.tie_embeddings,
        "torch_dtype": dtype_name,
        "dtype": dtype_name,
    }
    if model_type == "llama":
        hf.update(attention_bias=False, mlp_bias=False)
    else:
        hf.update(use_sliding_window=False)
    hf.update(token_ids)
    return hf


# ----------------------------------------------------------------------------------------------------------------
# weights

def _ours_to_hf_names(cfg) -> dict[str, str]:
    """Our parameter name -> HF tensor key."""
    names = {"tok_emb.weight": "model.embed_tokens.weight", "norm.weight": "model.norm.weight"}
    for i in range(cfg.n_layers):
        o, p = f"layers.{i}.", f"model.layers.{i}."
        names[o + "attn_norm.weight"] = p + "input_layernorm.weight"
        names[o + "mlp_norm.weight"] = p + "post_attention_layernorm.weight"
        for ours, hf in (("wq", "q_proj"), ("wk", "k_proj"), ("wv", "v_proj"), ("wo", "o_proj")):
            names[o + f"attn.{ours}.weight"] = p + f"self_attn.{hf}.weight"
            if cfg.qkv_bias and ours != "wo":
                names[o + f"attn.{ours}.bias"] = p + f"self_attn.{hf}.bias"
        for ours, hf in (("w_gate", "gate_proj"), ("w_up", "up_proj"), ("w_down", "down_proj")):
            names[o + f"mlp.{ours}.weight"] = p + f"mlp.{hf}.weight"
    if not cfg.tie_embeddings:
        names["lm_head.weight"] = "lm_head.weight"
    return names


def _load_tensors(path: Path, expected: dict[str, tuple[int, ...]]) -> dict[str, Tensor]:
    """Read the `expected` {HF key: shape} tensors from model.safetensors or its shards; check presence and shape."""
    single, index = path / WEIGHTS_FILE, path / INDEX_FILE
    if single.exists():
        where, described = {key: single for key in expected}, str(single)
    elif index.exists():
        weight_map = read_json(index).get("weight_map")
        if not isinstance(weight_map, dict):
            raise CheckpointError(f"{index}: missing field 'weight_map'")
        for key in expected:
            if key not in weight_map:
                raise CheckpointError(f"{index}: missing tensor '{key}' (expected shape {list(expected[key])})")
        where, described = {key: path / weight_map[key] for key in expected}, f"{index} (shards)"
    else:
        raise FileNotFoundError(f"{path}: no {WEIGHTS_FILE} or {INDEX_FILE} found (only safetensors are read)")

    tensors: dict[str, Tensor] = {}
    stored = set() if single.exists() else set(weight_map)   # every tensor the checkpoint holds
    tied_head = None   # an lm_head.weight stored although the config ties the output matrix to the embedding
    for file in dict.fromkeys(where.values()):                          # each file once, in order of first use
        if not file.exists():
            raise FileNotFoundError(f"{file}: file not found (listed in {described})")
        found = load_safetensors(file)   # a damaged file is a DataError naming it
        stored |= set(found)
        if "lm_head.weight" in found and "lm_head.weight" not in expected:
            tied_head = found["lm_head.weight"]
        for key in [k for k, f in where.items() if f == file]:
            if key not in found:
                raise CheckpointError(f"{file}: missing tensor '{key}' (expected shape {list(expected[key])})")
            if tuple(found[key].shape) != expected[key]:
                raise CheckpointError(f"{file}: tensor '{key}' has shape {list(found[key].shape)}, "
                                      f"expected {list(expected[key])}")
            tensors[key] = found[key]
    if tied_head is not None and tied_head.equal(tensors[EMBED]):   # a copy of the embedding: nothing is lost
        stored.discard("lm_head.weight")
    unused = sorted(k for k in stored - set(expected) if not k.endswith("rotary_emb.inv_freq"))
    if unused:   # e.g. num_hidden_layers edited down: the weights of the layers left out would be silently ignored
        raise CheckpointError(f"{described}: {len(unused)} tensor(s) that {path / CONFIG_FILE} has no place for, "
                              f"e.g. '{unused[0]}': config.json does not match the weights")
    return tensors


def load_pretrained(path, dtype: torch.dtype = torch.float32, device="cpu"):
    """Build a Transformer from an HF checkpoint directory."""
    path = Path(path)
    if not path.is_dir():
        raise FileNotFoundError(f"{path}: checkpoint directory not found")
    config_path = path / CONFIG_FILE
    cfg = config_from_hf(read_json(config_path), source=str(config_path))
    with torch.device("meta"):                                           # shapes only, no memory
        model = Transformer(cfg)
    names = _ours_to_hf_names(cfg)                                       # ours -> HF
    params = dict(model.named_parameters())
    t = _load_tensors(path, {hf: tuple(params[ours].shape) for ours, hf in names.items()})
    ours = {name: t[hf].to(device=device, dtype=dtype) for name, hf in names.items()}
    model.load_state_dict(ours, strict=True, assign=True)
    model.hf_source = str(path)  # save_pretrained carries this directory's tokenizer_config.json along
    return model.eval()


def save_pretrained(model, path, tokenizer=None) -> None:
    """Write config.json + model.safetensors (HF names), and tokenizer.json when a tokenizer is given; with a
    ChatML tokenizer also tokenizer_config.json (see tokenizer_config)."""
    path = Path(path)
    os.makedirs(path, exist_ok=True)
    ids = {"eos_token_id": tokenizer.end_id, "pad_token_id": tokenizer.pad_id} if tokenizer is not None else {}
    ours = dict(model.named_parameters())   # a tied head is not repeated: HF ties lm_head to embed_tokens
    tensors = {hf: ours[name].detach().to("cpu") for name, hf in _ours_to_hf_names(model.config).items()}
    atomic_save_safetensors(tensors, path / WEIGHTS_FILE, metadata={"format": "pt"})
    if tokenizer is not None:
        tokenizer.save(path / "tokenizer.json")
        source = getattr(model, "hf_source", None)
        config = tokenizer_config(tokenizer, source)
        if config is not None:
            atomic_write_json(path / TOKENIZER_CONFIG_FILE, config)
            template = Path(source) / CHAT_TEMPLATE_FILE if source else None   # transformers v5 keeps it apart
            if template is not None and template.is_file():
                atomic_write_text(path / CHAT_TEMPLATE_FILE, template.read_text(encoding="utf-8"))
    atomic_write_json(path / CONFIG_FILE, config_to_hf(model.config, dtype=model.tok_emb.weight.dtype, **ids))


# ----------------------------------------------------------------------------------------------------------------
# tokenizer_config.json: what transformers needs besides tokenizer.json (the chat template, eos and pad tokens)

TOKENIZER_CONFIG_FILE, CHAT_TEMPLATE_FILE = "tokenizer_config.json", "chat_template.jinja"
# Plain ChatML; used only when the checkpoint we started from had no tokenizer_config.json of its own. The
# assistant's content is written as given, so pass "<think>\n{cot}\n</think>\n\n{answer}" to reproduce training.
CHATML_TEMPLATE = ("{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + "
                   "'<|im_end|>' + '\\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}"
                   "{% endif %}")


def tokenizer_config(tokenizer, source: str | None) -> dict | None:
    """tokenizer_config.json for a model saved with `tokenizer`, or None (house format: no HF chat template).

    A ChatML tokenizer is the checkpoint's own, unchanged, so the starting directory's tokenizer_config.json (chat
    template included) is carried over as it is; without one, a minimal config with a plain ChatML template."""
    if tokenizer.format.name != "chatml":
        return None
    if source is not None and (Path(source) / TOKENIZER_CONFIG_FILE).is_file():
        return read_json(Path(source) / TOKENIZER_CONFIG_FILE)
    decode = tokenizer.decode
    return {"tokenizer_class": "PreTrainedTokenizerFast", "chat_template": CHATML_TEMPLATE,
            "eos_token": decode([tokenizer.end_id], skip_special_tokens=False),
            "pad_token": decode([tokenizer.pad_id], skip_special_tokens=False)}
