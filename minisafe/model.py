"""A Llama-style decoder (RMSNorm, RoPE, SwiGLU, grouped-query attention) and its KV-cache sampler.

The same network loads Llama, Qwen2 and Mistral checkpoints from the Hugging Face hub layout unchanged
(see minisafe/hf.py for the key map): RoPE uses HF's `rotate_half` convention, Qwen2's q/k/v biases are optional.
It is the policy, the reference and the reward-model trunk of safe-completion training (Yuan et al. 2025, §3), and
`generate` is PPO's rollout engine, so decoding is written to be quick on a CPU.

    y = x + Attn(RMSNorm(x));  out = y + W_down( silu(W_gate y') * (W_up y') ),  y' = RMSNorm(y)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor


@dataclass
class ModelConfig:
    vocab_size: int = 2048
    d_model: int = 256
    n_layers: int = 4
    n_heads: int = 4
    n_kv_heads: int = 4          # < n_heads -> grouped-query attention
    d_ff: int = 704              # SwiGLU hidden size
    max_seq_len: int = 512
    rope_theta: float = 10000.0
    norm_eps: float = 1e-5
    qkv_bias: bool = False       # Qwen2 uses True
    tie_embeddings: bool = True

    def __post_init__(self):   # a config.json that lies (0 layers, NaN eps) fails here, naming the field
        for name in ("vocab_size", "d_model", "n_layers", "n_heads", "n_kv_heads", "d_ff", "max_seq_len", "rope_theta",
                     "norm_eps"):
            v = getattr(self, name)
            if not (isinstance(v, (int, float)) and math.isfinite(v) and v > 0):
                raise ValueError(f"{name}={v!r} must be a finite number > 0")
        if self.d_model % self.n_heads:
            raise ValueError(f"d_model={self.d_model} must be divisible by n_heads={self.n_heads}")
        if self.n_heads % self.n_kv_heads:
            raise ValueError(f"n_heads={self.n_heads} must be divisible by n_kv_heads={self.n_kv_heads}")
        if (self.d_model // self.n_heads) % 2:
            raise ValueError(f"head_dim={self.d_model // self.n_heads} must be even for RoPE")

    @property
    def head_dim(self) -> int:
        return self.d_model // self.n_heads


# ----------------------------------------------------------------------------------------------------------------
# building blocks

class Embedding(nn.Embedding):
    """nn.Embedding that draws no weights on the meta device, where hf.load_pretrained builds the shapes it then
    fills (torch's normal_ on a meta tensor costs a second of imports per process)."""

    def reset_parameters(self) -> None:
        if not self.weight.is_meta:
            super().reset_parameters()


class RMSNorm(nn.Module):
    """RMSNorm (Zhang & Sennrich 2019): y = w * x / sqrt(mean(x^2) + eps), computed in float32 like HF."""

    def __init__(self, dim: int, eps: float):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x: Tensor) -> Tensor:
        if x.dtype == torch.float32:
            return F.rms_norm(x, (x.shape[-1],), self.weight, self.eps)
        y = F.rms_norm(x.float(), (x.shape[-1],), None, self.eps)
        return self.weight * y.to(x.dtype)


def rope_cos_sin(positions: Tensor, head_dim: int, theta: float) -> tuple[Tensor, Tensor]:
    """RoPE tables (Su et al. 2021) in HF's layout: angle[p, i] = p * theta^(-2i/hd), duplicated -> (.., hd)."""
    inv_freq = 1.0 / (theta ** (torch.arange(0, head_dim, 2, dtype=torch.int64).float() / head_dim))  # (hd/2,)
    angles = positions.float()[..., None] * inv_freq.to(positions.device)                          # (.., hd/2)
    emb = torch.cat((angles, angles), dim=-1)                                                        # (.., hd)
    return emb.cos(), emb.sin()


def apply_rope(x: Tensor, cos: Tensor, sin: Tensor) -> Tensor:
    """x * cos + rotate_half(x) * sin, rotate_half([a, b]) = [-b, a] (HF convention, halves not interleaved)."""
    x1, x2 = x.chunk(2, dim=-1)
    return x * cos + torch.cat((-x2, x1), dim=-1) * sin


class Attention(nn.Module):
    """Causal grouped-query self-attention (Ainslie et al. 2023): n_heads queries share n_kv_heads keys/values."""

    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.n_heads, self.n_kv_heads, self.head_dim = cfg.n_heads, cfg.n_kv_heads, cfg.head_dim
        self.wq = nn.Linear(cfg.d_model, cfg.n_heads * cfg.head_dim, bias=cfg.qkv_bias)
        self.wk = nn.Linear(cfg.d_model, cfg.n_kv_heads * cfg.head_dim, bias=cfg.qkv_bias)
        self.wv = nn.Linear(cfg.d_model, cfg.n_kv_heads * cfg.head_dim, bias=cfg.qkv_bias)
        self.wo = nn.Linear(cfg.n_heads * cfg.head_dim, cfg.d_model, bias=False)

    def forward(self, x: Tensor, cos: Tensor, sin: Tensor, mask: Tensor | None,
                cache: tuple[Tensor, Tensor] | None = None) -> Tensor:
        # x (B, T, D); cos/sin (B or 1, 1, T, hd); mask (B, 1, T, T) bool or None (= plain causal)
        B, T, _ = x.shape
        H, KV, hd = self.n_heads, self.n_kv_heads, self.head_dim
        q = apply_rope(self.wq(x).view(B, T, H, hd).transpose(1, 2), cos, sin)   # (B, H, T, hd)
        k = apply_rope(self.wk(x).view(B, T, KV, hd).transpose(1, 2), cos, sin)  # (B, KV, T, hd)
        v = self.wv(x).view(B, T, KV, hd).transpose(1, 2)                        # (B, KV, T, hd)
        if cache is not None:                                             # prefill: remember the prompt's k, v
            cache[0][:, :, :T] = k
            cache[1][:, :, :T] = v
        y = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, is_causal=mask is None,
                                           enable_gqa=H != KV)            # (B, H, T, hd)
        return self.wo(y.transpose(1, 2).reshape(B, T, H * hd))           # (B, T, D)

    def decode(self, x: Tensor, cos: Tensor, sin: Tensor, mask: Tensor | None,
               k_cache: Tensor, v_cache: Tensor, t: int) -> Tensor:
        """One new token per row at cache slot t. x (B, 1, D); caches (B, KV, L, hd); mask (B, 1, 1, t+1) or None."""
        B = x.shape[0]
        H, KV, hd = self.n_heads, self.n_kv_heads, self.head_dim
        # T = 1, so (B, 1, H*hd) views as (B, H, 1, hd) without a transpose
        k_cache[:, :, t: t + 1] = apply_rope(self.wk(x).view(B, KV, 1, hd), cos, sin)
        v_cache[:, :, t: t + 1] = self.wv(x).view(B, KV, 1, hd)
        # With one query per head, the G = H/KV query heads that share a kv head can be folded into the query
        # axis: q (B, KV, G, hd) attends to k (B, KV, t+1, hd) -- no copy of the cache per group.
        q = apply_rope(self.wq(x).view(B, H, 1, hd), cos, sin).view(B, KV, H // KV, hd)
        y = F.scaled_dot_product_attention(q, k_cache[:, :, : t + 1], v_cache[:, :, : t + 1], attn_mask=mask)
        return self.wo(y.reshape(B, 1, H * hd))                           # (B, 1, D)


class SwiGLU(nn.Module):
    """FFN(x) = W_down(silu(W_gate x) * W_up x) (Shazeer 2020)."""

    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.w_gate = nn.Linear(cfg.d_model, cfg.d_ff, bias=False)
        self.w_up = nn.Linear(cfg.d_model, cfg.d_ff, bias=False)
        self.w_down = nn.Linear(cfg.d_ff, cfg.d_model, bias=False)

    def forward(self, x: Tensor) -> Tensor:
        return self.w_down(F.silu(self.w_gate(x)) * self.w_up(x))       # (B, T, F) -> (B, T, D)


class Block(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.attn_norm = RMSNorm(cfg.d_model, cfg.norm_eps)
        self.attn = Attention(cfg)
        self.mlp_norm = RMSNorm(cfg.d_model, cfg.norm_eps)
        self.mlp = SwiGLU(cfg)

    def forward(self, x, cos, sin, mask, cache=None):
        x = x + self.attn(self.attn_norm(x), cos, sin, mask, cache)
        return x + self.mlp(self.mlp_norm(x))

    def decode(self, x, cos, sin, mask, k_cache, v_cache, t):
        x = x + self.attn.decode(self.attn_norm(x), cos, sin, mask, k_cache, v_cache, t)
        return x + self.mlp(self.mlp_norm(x))


# ----------------------------------------------------------------------------------------------------------------
# the model

class Transformer(nn.Module):
    def __init__(self, config: ModelConfig):
        super().__init__()
        self.config = config
        self.tok_emb = Embedding(config.vocab_size, config.d_model)
        self.layers = nn.ModuleList([Block(config) for _ in range(config.n_layers)])
        self.norm = RMSNorm(config.d_model, config.norm_eps)
        self.lm_head = None if config.tie_embeddings else nn.Linear(config.d_model, config.vocab_size, bias=False)
        if not self.tok_emb.weight.is_meta:   # meta: shapes for hf.load_pretrained, nothing to draw
            self._init_weights()

    def _init_weights(self):
        """N(0, 0.02) weights, zero biases; residual-branch outputs scaled by 1/sqrt(2 n_layers) (GPT-2)."""
        for name, p in self.named_parameters():
            if name.endswith("norm.weight"):
                nn.init.ones_(p)
            elif name.endswith("bias"):
                nn.init.zeros_(p)
            else:
                residual_out = name.endswith(("wo.weight", "w_down.weight"))
                nn.init.normal_(p, mean=0.0, std=0.02 / math.sqrt(2 * self.config.n_layers) if residual_out else 0.02)

    @property
    def lm_head_weight(self) -> Tensor:
        """(V, D): the output projection (the input embedding when tied)."""
        return self.tok_emb.weight if self.lm_head is None else self.lm_head.weight

    def num_params(self) -> int:
        return sum(p.numel() for p in self.parameters())  # parameters() yields a tied weight once

    def _rope(self, positions: Tensor, dtype: torch.dtype) -> tuple[Tensor, Tensor]:
        cos, sin = rope_cos_sin(positions, self.config.head_dim, self.config.rope_theta)
        return cos.to(dtype), sin.to(dtype)

    def forward(self, input_ids: Tensor, attention_mask: Tensor | None = None, return_hidden: bool = False) -> Tensor:
        """input_ids (B, T); attention_mask (B, T), 1 = real token, 0 = (left) padding.

        Returns logits (B, T, V) in the model dtype, or with return_hidden=True the final-norm hidden states (B, T, D).
        Positions count real tokens only: pos = clamp(cumsum(mask) - 1, 0), so a left-padded row sees the same
        positions as the unpadded one. Rows that are padding attend to themselves only (their outputs are junk).
        """
        B, T = input_ids.shape
        x = self.tok_emb(input_ids)                                        # (B, T, D)
        mask = None
        if attention_mask is not None and not bool(attention_mask.all()):
            m = attention_mask.bool()
            pos = (m.long().cumsum(-1) - 1).clamp(min=0)                   # (B, T)
            cos, sin = self._rope(pos[:, None], x.dtype)                   # (B, 1, T, hd)
            mask = _causal_padding_mask(m)                                 # (B, 1, T, T)
        else:
            pos = torch.arange(T, device=input_ids.device)
            cos, sin = self._rope(pos, x.dtype)                            # (T, hd), broadcasts
        for layer in self.layers:
            x = layer(x, cos, sin, mask)
        x = self.norm(x)
        return x if return_hidden else F.linear(x, self.lm_head_weight)    # (B, T, D) or logits (B, T, V)

    # ------------------------------------------------------------------------------------------------------------
    # sampling (PPO's rollout engine)

    @torch.no_grad()
    def generate(self, input_ids: Tensor, max_new_tokens: int, temperature: float = 1.0, top_p: float = 1.0,
                 eos_token_id: int | None = None, attention_mask: Tensor | None = None,
                 generator: torch.Generator | None = None, pad_token_id: int | None = None,
                 return_logprobs: bool = False, sample=None) -> Tensor | tuple[Tensor, Tensor]:
        """Sample continuations of left-padded prompts with a preallocated KV cache.

        input_ids (B, T) left-padded; attention_mask (B, T) (default: no padding). Returns (B, T + max_new_tokens):
        the prompt, then the new ids; after a row emits eos_token_id the rest of the row is pad_token_id (default:
        eos_token_id, or 0 when there is no EOS). temperature=0 is greedy; top_p < 1 is nucleus sampling
        (Holtzman et al. 2020). Decoding stops once every row has finished. `generator` makes sampling reproducible.
        With return_logprobs, also returns (B, max_new_tokens) float32 log-probs of the chosen tokens under
        softmax(logits / temperature) (temperature 1 when greedy), 0 after EOS: PPO's on-policy check compares them
        with a full forward pass. `sample` (logits (B, V) -> ids (B,)) replaces sample_next, e.g. a server's per-request
        settings; a row it answers with eos_token_id ends there.
        """
        cfg = self.config
        B, T = input_ids.shape
        dev, dtype = input_ids.device, self.tok_emb.weight.dtype
        L = T + max_new_tokens
        if pad_token_id is None:
            pad_token_id = eos_token_id if eos_token_id is not None else 0
        out = torch.full((B, L), pad_token_id, dtype=torch.long, device=dev)
        out[:, :T] = input_ids
        new_logp = torch.zeros(B, max(max_new_tokens, 0), dtype=torch.float32, device=dev)
        if max_new_tokens <= 0:
            return (out, new_logp) if return_logprobs else out
        if attention_mask is None:
            attention_mask = torch.ones_like(input_ids)
        prompt_mask = attention_mask.bool()
        padded = not bool(prompt_mask.all())

        # KV cache, allocated once: per layer (B, KV, L, hd), a view into one tensor.
        cache = torch.empty(cfg.n_layers, 2, B, cfg.n_kv_heads, L, cfg.head_dim, dtype=dtype, device=dev)

        # prefill: the whole prompt in one pass
        x = self.tok_emb(input_ids)                                        # (B, T, D)
        pos = (prompt_mask.long().cumsum(-1) - 1).clamp(min=0)             # (B, T)
        cos, sin = self._rope(pos[:, None], dtype)                         # (B, 1, T, hd)
        mask = _causal_padding_mask(prompt_mask) if padded else None
        for i, layer in enumerate(self.layers):
            x = layer(x, cos, sin, mask, cache=(cache[i, 0], cache[i, 1]))
        logits = F.linear(self.norm(x[:, -1]), self.lm_head_weight)        # (B, V): last column is real (left pad)

        # decode: one token per row per step
        key_valid = torch.ones(B, 1, 1, L, dtype=torch.bool, device=dev)   # which cache slots a query may see
        key_valid[:, 0, 0, :T] = prompt_mask
        next_pos = pos[:, -1] + 1                                          # (B,) position of the next token
        all_pos = next_pos[:, None] + torch.arange(max_new_tokens, device=dev)  # (B, N) positions of new tokens
        cos_all, sin_all = self._rope(all_pos[:, None, :, None], dtype)    # (B, 1, N, 1, hd)
        finished = torch.zeros(B, dtype=torch.bool, device=dev)
        for step in range(max_new_tokens):
            # (B,) the next ids, fed back even in finished rows
            tok = sample(logits) if sample else sample_next(logits, temperature, top_p, generator)
            if return_logprobs:
                scaled = logits.float() / (temperature if temperature > 0 else 1.0)
                lp = torch.log_softmax(scaled, dim=-1).gather(-1, tok[:, None]).squeeze(-1)
                new_logp[:, step] = lp.masked_fill(finished, 0.0)
            out[:, T + step] = tok.masked_fill(finished, pad_token_id)     # finished stays False without an EOS
            if eos_token_id is not None:
                finished |= tok == eos_token_id
                if bool(finished.all()):
                    break
            if step == max_new_tokens - 1:
                break
            t = T + step                                                   # cache slot of this token
            x = self.tok_emb(tok[:, None])                                 # (B, 1, D)
            cos, sin = cos_all[:, :, step], sin_all[:, :, step]            # (B, 1, 1, hd)
            m = key_valid[..., : t + 1] if padded else None                # (B, 1, 1, t+1)
            for i, layer in enumerate(self.layers):
                x = layer.decode(x, cos, sin, m, cache[i, 0], cache[i, 1], t)
            logits = F.linear(self.norm(x[:, 0]), self.lm_head_weight)     # (B, V)
        return (out, new_logp) if return_logprobs else out

    # ------------------------------------------------------------------------------------------------------------
    # vocabulary growth (a real checkpoint's tokenizer given the house chat tokens); HF checkpoints in and out: hf.py

    @torch.no_grad()
    def resize_token_embeddings(self, n: int) -> None:
        """Grow or shrink the vocabulary to n rows; new rows start at the mean of the old ones (as HF does)."""
        old = self.config.vocab_size
        if n == old:
            return

        def resized(w: Tensor) -> nn.Parameter:                            # (old, D) -> (n, D)
            new = w.new_empty(n, w.shape[1])
            keep = min(n, old)
            new[:keep] = w[:keep]
            if n > old:
                new[old:] = w.mean(dim=0, keepdim=True)
            return nn.Parameter(new, requires_grad=w.requires_grad)

        self.tok_emb.weight = resized(self.tok_emb.weight)
        self.tok_emb.num_embeddings = n
        if self.lm_head is not None:
            self.lm_head.weight = resized(self.lm_head.weight)
            self.lm_head.out_features = n
        self.config.vocab_size = n


def _causal_padding_mask(m: Tensor) -> Tensor:
    """m (B, T) bool key-is-real -> (B, 1, T, T) bool: causal AND key is real; every query sees at least itself."""
    T = m.shape[1]
    causal = torch.ones(T, T, dtype=torch.bool, device=m.device).tril()   # (T, T)
    eye = torch.eye(T, dtype=torch.bool, device=m.device)
    return (causal & m[:, None, None, :]) | eye                            # (B, 1, T, T)


def sample_next(logits: Tensor, temperature: float = 1.0, top_p: float = 1.0,
                generator: torch.Generator | None = None) -> Tensor:
    """logits (B, V) -> next ids (B,). temperature 0: argmax; else softmax(logits / temperature) restricted to the
    smallest set of tokens whose probability mass reaches top_p (the most likely token is always kept).

    Draws by inverse CDF: one uniform u per row, id = first i with cdf[i] > u * cdf[-1]. That needs B random numbers
    instead of torch.multinomial's B * V exponentials (20x faster here at V = 4096); same distribution.
    """
    if temperature == 0:
        return logits.argmax(dim=-1)
    probs = torch.softmax(logits.float() / temperature, dim=-1)            # (B, V)
    idx = None
    if top_p < 1.0:
        probs, idx = probs.sort(dim=-1, descending=True)
        mass_before = probs.cumsum(dim=-1) - probs                         # probability of strictly better tokens
        probs = probs.masked_fill(mass_before >= top_p, 0.0)
    cdf = probs.cumsum(dim=-1)                                             # (B, V), unnormalised
    u = torch.rand(cdf.shape[0], 1, generator=generator, device=cdf.device, dtype=cdf.dtype) * cdf[:, -1:]
    choice = torch.searchsorted(cdf, u, right=True)                        # (B, 1); zero-probability ids never win
    choice = torch.minimum(choice, cdf.argmax(dim=-1, keepdim=True))       # u rounding up to cdf[-1]: last real id
    if idx is not None:
        choice = idx.gather(-1, choice)                                    # sorted position -> token id
    return choice.squeeze(-1)
