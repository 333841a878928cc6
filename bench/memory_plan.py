"""GPU memory of the recipe's largest stage (PPO) from a pretrained checkpoint, component by component: an
estimate computed from the model's shape and the gpu preset (the recipe with --init-from), not a measurement.

    python bench/memory_plan.py                      # 135M, 0.5B, 1.5B at the gpu preset; markdown tables
    python bench/memory_plan.py --json plan.json     # the same figures as JSON

PPO holds for the whole stage: the policy (fp32 weights, fp32 gradients, AdamW's two fp32 moments: 16 bytes per
parameter), the frozen reference and the two reward heads' backbones (4 bytes per parameter in fp32, 2 in bf16:
--dtype bf16 keeps them in bf16), the value head (d_model + 1 parameters) and the hidden states the critic reads;
then, one phase at a time, the rollout's KV cache (in the policy's fp32), the no-grad forward of the whole rollout
batch that gives the old and reference log-probs, and the activations of one update micro-batch kept for backward.

Activations per token per layer, under bf16 autocast (the residual stream and the norms' inputs stay fp32; what each
matmul saves for backward is bf16), SDPA with a memory-efficient kernel (no T x T scores kept):
    attention: 4d (residual in) + 4d (norm out) + 2d (its bf16 copy) + 2(d + 2 d_kv) (q, k, v) + 2(d + d_kv) (after
               RoPE) + 2d (attention out, o_proj's input)                       = 18 d + 6 d_kv
    MLP:       4d (residual in) + 4d (norm out) + 2d (bf16 copy) + 2 d_ff x 4 (gate, up, silu(gate), product)
                                                                                = 10 d + 8 d_ff
With --dtype fp32 every bf16 term doubles. The fused log-probs keep no (tokens x vocab) logits: one 32 MB block.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import recipe       # noqa: E402  the --init-from overrides of each stage (PRETRAINED)
import train_rl     # noqa: E402  the gpu preset of PPO
import train_sft    # noqa: E402

GB = 1e9


@dataclass(frozen=True)
class Shape:
    name: str
    vocab: int
    d: int
    layers: int
    heads: int
    kv_heads: int
    d_ff: int
    tied: bool = True
    qkv_bias: bool = False

    @property
    def d_kv(self) -> int:
        return self.kv_heads * self.d // self.heads

    @property
    def params(self) -> int:
        per_layer = self.d * (self.d + 2 * self.d_kv) + self.d * self.d + 3 * self.d * self.d_ff + 2 * self.d
        per_layer += (self.d + 2 * self.d_kv) if self.qkv_bias else 0
        return self.vocab * self.d * (1 if self.tied else 2) + self.layers * per_layer + self.d


SHAPES = [   # config.json of each checkpoint
    Shape("SmolLM2-135M", 49152, 576, 30, 9, 3, 1536),
    Shape("Qwen2.5-0.5B", 151936, 896, 24, 14, 2, 4864, qkv_bias=True),
    Shape("Qwen2.5-1.5B", 151936, 1536, 28, 12, 2, 8960, qkv_bias=True),
]


def plan(s: Shape, rollouts: int, micro: int, prompt_tokens: int, response_tokens: int, frozen_bytes: int,
         act_bf16: bool) -> dict:
    """Bytes of each PPO component (GB), and the total."""
    T = prompt_tokens + response_tokens
    half = 2 if act_bf16 else 4
    per_token_layer = 4 * s.d * 2 + 4 * s.d * 2 + half * (2 * s.d + (s.d + 2 * s.d_kv) + (s.d + s.d_kv) + s.d
                                                          + 4 * s.d_ff)   # the docstring's terms, 4d + 4d twice
    kv_cache = s.layers * 2 * s.d_kv * 4 * rollouts * T            # fp32 cache: (L, 2, B, kv, T, hd)
    held = {   # for the whole stage
        "policy + grads + AdamW (16 B/param)": 16 * s.params,
        f"reference ({frozen_bytes} B/param)": frozen_bytes * s.params,
        f"2 reward heads ({frozen_bytes} B/param)": 2 * frozen_bytes * s.params + 2 * 4 * (s.d + 1),
        "value head + AdamW": 16 * (s.d + 1),
        f"critic's hidden states, {rollouts} x {response_tokens} (fp32)": 4 * s.d * rollouts * response_tokens,
        "fused log-prob block": 32 * 2 ** 20,
    }
    phases = {   # one at a time: the peak is what is held + the largest of these
        f"rollout: KV cache, {rollouts} x {T} tokens (fp32)": kv_cache,
        f"old/ref log-probs: no-grad forward of {rollouts} x {T} (MLP temporaries)": 3 * half * s.d_ff * rollouts * T,
        f"update: activations, micro-batch {micro} x {T} tokens": per_token_layer * s.layers * micro * T,
    }
    held, phases = ({k: v / GB for k, v in d.items()} for d in (held, phases))
    return {"params_B": s.params / 1e9, "held_GB": held, "phases_GB": phases,
            "peak_GB": sum(held.values()) + max(phases.values())}


def main(argv=None) -> dict:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--prompt-tokens", type=int, default=64, help="a prompt in the chat format, system turn included")
    p.add_argument("--json", help="also write the figures here")
    args = p.parse_args(argv)
    ppo = train_rl.preset_config("gpu")
    micro = recipe.PRETRAINED["gpu"]["rl"].get("micro_batch_size", ppo.micro_batch_size)
    sft_micro = recipe.PRETRAINED["gpu"]["base"].get("micro_batch_size")
    out = {"preset": {"ppo_batch_size": ppo.batch_size, "ppo_micro_batch_size": micro, "max_new_tokens":
                      ppo.max_new_tokens, "prompt_tokens": args.prompt_tokens, "sft_micro_batch_size": sft_micro,
                      "sft_seq_len": train_sft.stage_config("gpu", "base").seq_len}, "plans": {}}
    print(f"PPO at the gpu preset with --init-from: {ppo.batch_size} rollouts of {args.prompt_tokens} + "
          f"{ppo.max_new_tokens} tokens, update micro-batch {micro}\n")
    for s in SHAPES:
        for dtype in ("fp32", "bf16"):
            r = plan(s, ppo.batch_size, micro, args.prompt_tokens, ppo.max_new_tokens, 4 if dtype == "fp32" else 2,
                     dtype == "bf16")
            out["plans"][f"{s.name} --dtype {dtype}"] = r
        a, b = out["plans"][f"{s.name} --dtype fp32"], out["plans"][f"{s.name} --dtype bf16"]
        print(f"### {s.name} ({a['params_B']:.3f}B parameters)\n\n| component | --dtype fp32 (GB) | --dtype bf16 (GB) |"
              "\n|---|---|---|")
        for part in ("held_GB", "phases_GB"):
            for (k, v), (k2, v2) in zip(a[part].items(), b[part].items()):
                label = k if k == k2 else k.replace("(4 B/param)", "(4 / 2 B/param)")
                print(f"| {label} | {v:.2f} | {v2:.2f} |")
        print(f"| **peak: held + the largest phase** | **{a['peak_GB']:.1f}** | **{b['peak_GB']:.1f}** |\n")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1))
    return out


if __name__ == "__main__":
    main()
