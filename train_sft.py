"""Supervised fine-tuning: the three SFT stages of the recipe, or any JSONL on a loaded HF model.

Stages (Yuan et al. 2025, §3; Guan et al. 2024, §2):
  base             helpful-only SFT from scratch: stands in for pretraining plus helpful-only instruction tuning,
                   so the base really knows the (fictional) hazardous details the later stages must withhold;
                   with --init-from, the same SFT of a pretrained checkpoint (its own tokenizer and chat format)
  safe_completion  safety SFT from the base on the safe-completion teacher's (CoT, answer): three modes
  refusal          the baseline arm: safety SFT from the same base on the refusal teacher's data: two modes
  custom           any JSONL in the documented schema (--data) on a loaded HF checkpoint (--init-from)

The prompt of every example is the original user prompt *without* the spec (context distillation): the teacher
read the spec, the student must learn to recall it. The loss covers the assistant's reasoning and answer only.

Run:
  python train_sft.py --stage base --out runs/base                      # builds the world and tokenizer it needs
  python train_sft.py --stage safe_completion --init-from runs/base --out runs/sc_sft
  python train_sft.py --stage base --init-from models/Qwen2.5-0.5B-Instruct --lr 2e-5 --out runs/qwen_base
      (helpful-only SFT of a pretrained checkpoint: what `recipe.py --init-from` runs as stage base)
  python train_sft.py --stage custom --init-from path/to/hf_model --data my.jsonl --out runs/mine --device cuda
  torchrun --standalone --nproc_per_node 2 train_sft.py --stage base --out runs/base     # DDP (gloo on CPU)
A run killed at any moment continues exactly with the same command plus --resume.

Data schema (--data, JSON lines): {"prompt": str, "cot": str, "answer": str, "prefill": str (optional, the forced
start of the answer, excluded from the loss), "system": str (optional)}.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import torch
from tqdm import tqdm

from minisafe.world.build import build as build_world
from minisafe.hf import load_pretrained, save_pretrained
from minisafe.cli import claim_out, run_main
from minisafe.generation import check_model, generate_completions, render_prompts
from minisafe.io import (DataError, atomic_write_json, file_sha256, line_of, read_json, read_jsonl, tokenizer_sha256,
                         write_jsonl)
from minisafe.logprobs import linear_cross_entropy
from minisafe.model import ModelConfig, Transformer
from minisafe.tokenizer import ChatTokenizer, pad_right
from minisafe import config as C
from minisafe import training
from minisafe.config import opt


# ----------------------------------------------------------------------------------------------------------------
# hyperparameters


@dataclass
class SFTConfig:
    """Every field is a command-line option (--field-name; the model's as --model-d-model ...), from minisafe.config."""
    model: ModelConfig = opt(help="used only when training from scratch (stage base)", default_factory=ModelConfig)
    vocab_size: int = opt(2048, "BPE size when the tokenizer is trained here (>= 7 special tokens + 256 bytes)", ge=263)
    max_steps: int = opt(600, "optimizer steps", gt=0)
    batch_size: int = opt(32, "sequences per optimizer step (global, over all processes)", gt=0)
    micro_batch_size: int = opt(16, "sequences per forward/backward on one process (gradient accumulation)", gt=0)
    seq_len: int = opt(384, "longest example in tokens; longer ones are skipped and counted", ge=16)
    lr: float = opt(2e-3, "peak learning rate (warm-up, then cosine decay)", gt=0)
    min_lr_ratio: float = opt(0.1, "the cosine's floor, as a fraction of --lr", ge=0.0, le=1.0)
    warmup_steps: int = opt(30, "linear warm-up steps", ge=0)
    weight_decay: float = opt(0.1, "AdamW weight decay (matrices only)", ge=0)
    betas: tuple[float, ...] = opt((0.9, 0.95), "AdamW betas")
    grad_clip: float = opt(1.0, "clip the global gradient norm to this", gt=0)
    eval_every: int = opt(200, "validation loss + a few sampled answers every N steps (0: never)", ge=0)
    save_every: int = opt(200, "checkpoint every N steps (and at the end)", gt=0)
    log_every: int = opt(10, "log a metrics row every N steps", gt=0)
    seed: int = opt(0, "seed for the world, the init and the data order", ge=0, le=2**32 - 1)

    def validate(self) -> "SFTConfig":
        """Check every value before any work; ValueError naming the flag. Returns self."""
        C.check(self)
        if len(self.betas) != 2 or not all(0 <= b < 1 for b in self.betas):
            raise ValueError(f"--betas must be two numbers in [0, 1), got {self.betas}")
        return self


_SMOKE_MODEL = ModelConfig(d_model=64, n_layers=2, n_heads=4, n_kv_heads=2, d_ff=176, max_seq_len=384)
_CPU_MODEL = ModelConfig(d_model=128, n_layers=4, n_heads=4, n_kv_heads=2, d_ff=384, max_seq_len=384)
_GPU_MODEL = ModelConfig(d_model=512, n_layers=8, n_heads=8, n_kv_heads=4, d_ff=1408, max_seq_len=512)

# preset -> stage -> config. "cpu" is the default: a useful base on 2 CPU cores in a few minutes.
PRESETS: dict[str, dict[str, SFTConfig]] = {
    "smoke": {
        "base": SFTConfig(model=_SMOKE_MODEL, vocab_size=512, max_steps=30, batch_size=8, micro_batch_size=8,
                          lr=3e-3, warmup_steps=5, eval_every=30, save_every=10),
        "safety": SFTConfig(model=_SMOKE_MODEL, vocab_size=512, max_steps=10, batch_size=8, micro_batch_size=8,
                            lr=1e-3, warmup_steps=2, eval_every=10, save_every=5),
    },
    "cpu": {
        "base": SFTConfig(model=_CPU_MODEL, max_steps=500, lr=3e-3, eval_every=100, save_every=100),
        "safety": SFTConfig(model=_CPU_MODEL, max_steps=200, lr=5e-4, warmup_steps=10, eval_every=100),
    },
    "gpu": {
        "base": SFTConfig(model=_GPU_MODEL, vocab_size=4096, max_steps=3000, batch_size=64, micro_batch_size=64,
                          lr=1e-3, warmup_steps=100, eval_every=500, save_every=500, seq_len=448),
        "safety": SFTConfig(model=_GPU_MODEL, vocab_size=4096, max_steps=600, batch_size=64, micro_batch_size=64,
                            lr=3e-4, warmup_steps=30, eval_every=200, save_every=200, seq_len=448),
    },
}

STAGE_DATA = {"base": "sft_helpful.jsonl", "safe_completion": "sft_safe_completion.jsonl",
              "refusal": "sft_refusal.jsonl"}


def stage_config(preset: str, stage: str) -> SFTConfig:
    return PRESETS[preset]["base" if stage == "base" else "safety"]


# ----------------------------------------------------------------------------------------------------------------
# data


@dataclass
class Example:
    input_ids: list[int]  # (L - 1,) tokens fed to the model
    targets: list[int]  # (L - 1,) next tokens, -100 where the loss mask is 0


def encode_rows(rows: list[dict], tok: ChatTokenizer, seq_len: int, path: Path) -> tuple[list[Example], int]:
    """Render each row in the chat format; returns the examples and how many were skipped for length."""
    examples, skipped = [], 0
    for r in rows:   # read_jsonl has checked every field's type
        try:
            ids, mask = tok.render_chat(r["prompt"], r["cot"], r["answer"], system=r.get("system"),
                                        prefill=r.get("prefill", "") or "")
        except ValueError as e:  # e.g. a prefill that does not start the answer
            raise DataError(f"{path}:{line_of(path, r)}: {e}") from None
        if len(ids) > seq_len + 1:
            skipped += 1
            continue
        targets = [t if m else -100 for t, m in zip(ids[1:], mask[1:])]
        examples.append(Example(ids[:-1], targets))
    return examples, skipped


def load_data(data_path: Path, tok: ChatTokenizer, cfg: SFTConfig) -> tuple[list[Example], list[Example], int]:
    """(train, validation, skipped): every 50th row held out for the validation loss; rows longer than --seq-len
    skipped and counted."""
    rows = read_jsonl(data_path, required=("prompt", "cot", "answer"),
                      types={"prompt": str, "cot": str, "answer": str, "prefill": str, "system": str})
    if not rows:
        raise DataError(f"{data_path}: no training rows")
    val_rows = rows[::50]  # a fixed 2% held out for validation loss
    train_rows = [r for i, r in enumerate(rows) if i % 50 != 0]
    train, skipped = encode_rows(train_rows, tok, cfg.seq_len, data_path)
    val, skipped_val = encode_rows(val_rows, tok, cfg.seq_len, data_path)
    if len(train) < cfg.batch_size:
        raise DataError(f"{data_path}: {len(train)} usable rows (after skipping {skipped} longer than --seq-len "
                        f"{cfg.seq_len}) is fewer than one batch of {cfg.batch_size}")
    return train, val, skipped + skipped_val   # every row left out is counted, validation rows included


def collate(examples: list[Example], pad_id: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Right-pad a micro-batch: input_ids (B, T), attention_mask (B, T), targets (B, T) with -100 on padding."""
    ids, mask = pad_right([e.input_ids for e in examples], pad_id)
    targets, _ = pad_right([e.targets for e in examples], -100)
    return ids, mask, targets


# ----------------------------------------------------------------------------------------------------------------
# setup: world, tokenizer, model


def resolve_world(args, seed: int) -> Path | None:
    """The world directory: --world, else the one beside --init-from, else OUT/world (built if missing)."""
    if args.world:
        wdir = Path(args.world)
    elif args.init_from and (Path(args.init_from) / "world").exists():
        wdir = Path(args.init_from) / "world"
    elif args.stage == "custom":
        return None
    else:
        wdir = Path(args.out) / "world"
    if not (wdir / "prompts.jsonl").exists():
        if args.stage == "custom":
            return None
        print(f"building the safety world in {wdir} (seed {seed})")
        build_world(wdir, seed=seed)
    return wdir


def load_tokenizer(args, cfg: SFTConfig, world_dir: Path | None) -> ChatTokenizer:
    """Stage base trains a byte-level BPE on the world's texts (cached in the world dir); others load init-from's."""
    if args.init_from:
        return ChatTokenizer.from_file(Path(args.init_from) / "tokenizer.json")
    cached = world_dir / f"tokenizer-{cfg.vocab_size}.json"
    if cached.exists():
        return ChatTokenizer.from_file(cached)
    texts = []   # training text only: the SFT sets and the train/rl prompts, never an eval prompt
    for name in ("prompts.jsonl", *STAGE_DATA.values()):
        for r in read_jsonl(world_dir / name):
            if r.get("split") != "eval":
                texts += [r["prompt"], r.get("cot", ""), r.get("answer", "")]
    tok = ChatTokenizer.train(texts, vocab_size=cfg.vocab_size)
    tok.save(cached)
    return tok


def build_model(args, cfg: SFTConfig, tok: ChatTokenizer) -> Transformer:
    if args.init_from:
        model = load_pretrained(args.init_from)
        check_model(model, args.init_from)   # NaN weights, or a tokenizer other than the one it was trained with
        for name, v in vars(args).items():   # --model-* shapes a model from scratch; a checkpoint's is its config.json
            if name.startswith("model_") and getattr(model.config, name[6:]) != v:
                raise DataError(f"{C.flag(name)} {v}: the model of --init-from {args.init_from} has "
                                f"{getattr(model.config, name[6:])} (--model-* options apply only when training from "
                                f"scratch)")
        if cfg.seq_len > model.config.max_seq_len:
            raise DataError(f"--seq-len {cfg.seq_len}: longer than the context of --init-from {args.init_from} "
                            f"({model.config.max_seq_len} tokens)")
        if model.config.vocab_size < tok.vocab_size:  # special tokens were added to a real model's tokenizer
            model.resize_token_embeddings(tok.vocab_size)
        return model
    if cfg.seq_len > cfg.model.max_seq_len:
        raise DataError(f"--seq-len {cfg.seq_len} must be <= the model's context --model-max-seq-len "
                        f"{cfg.model.max_seq_len}")
    torch.manual_seed(cfg.seed)
    return Transformer(replace(cfg.model, vocab_size=tok.vocab_size))


# ----------------------------------------------------------------------------------------------------------------
# the loop


def main(argv=None) -> dict:
    p = C.parser(__doc__)
    g = p.add_argument_group("what to train")
    g.add_argument("--stage", choices=["base", "safe_completion", "refusal", "custom"], default="base",
                   help="base: helpful-only from scratch; safe_completion / refusal: safety SFT from --init-from; "
                        "custom: --data on --init-from")
    g.add_argument("--data", help="JSONL to train on (default: the stage's file in the world directory)")
    g.add_argument("--init-from", help="model directory to start from (config.json + *.safetensors + tokenizer.json)")
    g.add_argument("--world", help="world directory (default: beside --init-from, else OUT/world, built if missing)")
    g.add_argument("--out", required=True, help="output run directory; ends as a loadable model directory")
    C.run_options(p, PRESETS)
    p.add_argument("--compile", action="store_true", help="torch.compile the model")
    C.add_dataclass_args(p.add_argument_group("SFT (defaults are the cpu preset's safety stage; stage base and "
                                              "the other presets differ)"), SFTConfig, stage_config("cpu", "safety"))
    args = p.parse_args(argv)
    if args.stage in ("safe_completion", "refusal", "custom") and not args.init_from:
        raise DataError(f"--stage {args.stage} needs --init-from (the base model directory)")
    if args.stage == "custom" and not args.data:
        raise DataError("--stage custom needs --data FILE.jsonl")
    cfg = C.from_args(SFTConfig, args, stage_config(args.preset, args.stage)).validate()
    cfg = replace(cfg, micro_batch_size=min(cfg.micro_batch_size, cfg.batch_size))

    device = training.pick_device(args.device)
    rank, world_size = training.init_distributed(device)
    is_main = rank == 0
    if cfg.batch_size % (world_size * cfg.micro_batch_size) != 0:
        raise DataError(f"--batch-size {cfg.batch_size} must be a multiple of processes x micro-batch "
                        f"({world_size} x {cfg.micro_batch_size})")
    out = claim_out(args.out) if is_main else Path(args.out)   # made, writable, and this run's alone
    training.check_out(out, args.resume)

    # -- world, tokenizer, data: rank 0 builds the world and trains the tokenizer, then the others read them ------
    if not is_main:
        training.barrier()
    world_dir = resolve_world(args, cfg.seed)
    tok = load_tokenizer(args, cfg, world_dir)
    if is_main:
        training.barrier()
    data_path = Path(args.data) if args.data else world_dir / STAGE_DATA[args.stage]
    train, val, skipped = load_data(data_path, tok, cfg)
    if is_main:
        print(f"data: {data_path} -> {len(train)} train / {len(val)} val examples; "
              f"skipped {skipped} longer than {cfg.seq_len} tokens")
    lengths = [len(e.input_ids) for e in train]
    batches_per_epoch = len(training.epoch_batches(lengths, cfg.batch_size, cfg.seed, 0))

    # -- model and optimizer ---------------------------------------------------------------------------------
    model = build_model(args, cfg, tok).to(device)
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    optimizer = training.AdamW([{"params": decay, "weight_decay": cfg.weight_decay},
                                {"params": no_decay, "weight_decay": 0.0}], lr=cfg.lr, betas=cfg.betas)
    run_state = {"kind": "sft", "stage": args.stage, "preset": args.preset, "init_from": args.init_from,
                 "data": str(data_path), "data_sha256": file_sha256(data_path),
                 "tokenizer_sha256": tokenizer_sha256(tok),
                 "world": str(world_dir) if world_dir else None, "config": asdict(cfg)}
    start_step = training.resume(out, {"model": model}, optimizer, lambda: save_pretrained(model, out, tok), is_main,
                                 args.resume, record=run_state)["step"]
    train_model = torch.compile(model) if args.compile else model
    if world_size > 1:
        train_model = torch.nn.parallel.DistributedDataParallel(train_model)
    autocast = training.autocast(device, args.dtype)   # the backbone's forward; the head's loss in fp32

    def loss_sum(ids, mask, targets):
        """Sum of token cross-entropies over the loss mask, through the fused path (no (B, T, V) logits)."""
        with autocast:
            hidden = train_model(ids, attention_mask=mask, return_hidden=True)  # (B, T, D)
        D = hidden.shape[-1]
        return linear_cross_entropy(hidden.reshape(-1, D), model.lm_head_weight, targets.reshape(-1), reduction="sum")

    @torch.no_grad()
    def validate() -> float:
        model.eval()
        total, count = 0.0, 0
        for j in range(0, len(val), cfg.micro_batch_size):
            ids, mask, targets = (t.to(device) for t in collate(val[j:j + cfg.micro_batch_size], tok.pad_id))
            total += loss_sum(ids, mask, targets).item()
            count += int((targets != -100).sum())
        model.train()
        return total / count if count else None  # no validation tokens: no number, never a fake 0.0

    if is_main:
        atomic_write_json(out / "sft_run.json", run_state)

    # -- training --------------------------------------------------------------------------------------------
    model.train()
    bar = tqdm(range(start_step, cfg.max_steps), initial=start_step, total=cfg.max_steps, disable=not is_main,
               desc=f"sft:{args.stage}", dynamic_ncols=True)
    t_last, tokens_since = time.time(), 0
    val_loss = None
    for step in bar:
        epoch, idx = divmod(step, batches_per_epoch)
        batch = [train[i] for i in training.epoch_batches(lengths, cfg.batch_size, cfg.seed, epoch)[idx]]
        n_tokens = sum(sum(t != -100 for t in e.targets) for e in batch)  # loss tokens in the global batch
        shard = batch[rank::world_size]
        lr = training.lr_at(step, cfg.max_steps, cfg.lr, cfg.warmup_steps, cfg.min_lr_ratio)
        for g_ in optimizer.param_groups:
            g_["lr"] = lr
        micro = [shard[j:j + cfg.micro_batch_size] for j in range(0, len(shard), cfg.micro_batch_size)]
        step_loss = torch.zeros((), device=device)
        for k, mb in enumerate(micro):
            ids, mask, targets = (t.to(device) for t in collate(mb, tok.pad_id))
            sync = k == len(micro) - 1 or world_size == 1
            with (contextlib.nullcontext() if sync else train_model.no_sync()):
                # mean over the global batch's loss tokens; DDP averages gradients over processes, hence * world
                loss = loss_sum(ids, mask, targets) / n_tokens
                (loss * world_size).backward()
            step_loss += loss.detach()
        training.all_reduce(step_loss)
        loss_value = step_loss.item()
        training.check_finite("loss", loss_value, out, step + 1)
        grad_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.grad_clip).item()
        training.check_finite("gradient norm", grad_norm, out, step + 1)
        optimizer.step()
        optimizer.zero_grad()
        tokens_since += sum(len(e.input_ids) for e in batch)

        done = step + 1
        if done % cfg.log_every == 0 or done == cfg.max_steps:
            now = time.time()
            tok_s = tokens_since / max(now - t_last, 1e-9)
            t_last, tokens_since = now, 0
            row = {"step": done, "loss": round(loss_value, 5), "lr": lr, "grad_norm": round(grad_norm, 4),
                   "tokens_per_s": round(tok_s, 1)}
            if cfg.eval_every and (done % cfg.eval_every == 0 or done == cfg.max_steps):
                val_loss = validate()
                row["val_loss"] = round(val_loss, 5) if val_loss is not None else None
                if is_main:
                    with autocast:
                        _show_samples(model, tok, world_dir, out, done, device)
            if is_main:
                training.log_metrics(out, row)
            bar.set_postfix(loss=f"{loss_value:.3f}", tok_s=f"{tok_s:.0f}", lr=f"{lr:.1e}")
        if is_main and (done % cfg.save_every == 0 or done == cfg.max_steps):
            training.save_checkpoint(out, done, {"model": model}, optimizer, {"epoch": epoch, **run_state})
            save_pretrained(model, out, tokenizer=tok)
        training.barrier()

    summary = {"stage": args.stage, "steps": cfg.max_steps, "final_loss": loss_value if cfg.max_steps > start_step
               else None, "val_loss": val_loss, "skipped_long": skipped, "train_examples": len(train),
               "dtype": "bf16" if training.bf16(device, args.dtype) else "fp32"}
    if start_step >= cfg.max_steps and (out / "sft_summary.json").exists():   # finished: nothing trained now
        summary = read_json(out / "sft_summary.json")
    if is_main:
        training.mark_done(out, "sft_summary.json", summary, f"--max-steps {cfg.max_steps}")
    del train_model   # the DDP wrapper goes before the process group it holds
    training.cleanup_distributed()
    return summary


@torch.no_grad()
def _show_samples(model, tok, world_dir, out, step, device, n=3):
    """Greedy answers to a few eval prompts, printed and appended to OUT/samples.jsonl (a seeded, fixed choice)."""
    if world_dir is None or not (world_dir / "prompts.jsonl").exists():
        return
    rows = [r for r in read_jsonl(world_dir / "prompts.jsonl") if r["split"] == "eval"]
    rows = [rows[i] for i in range(0, len(rows), max(1, len(rows) // n))][:n]
    model.eval()
    completions = generate_completions(model, tok, render_prompts(tok, rows), 160, temperature=0.0,
                                       device=device).completions
    model.train()
    samples = []
    for r, c in zip(rows, completions):
        samples.append({"step": step, "intent": r["intent"], "prompt": r["prompt"], "reasoning": c.reasoning,
                        "answer": c.answer})
        tqdm.write(f"[step {step}] ({r['intent']}) {r['prompt']}\n  -> {c.answer}")
    path = out / "samples.jsonl"
    old = read_jsonl(path) if path.exists() else []
    write_jsonl(path, [s for s in old if s["step"] < step] + samples)


if __name__ == "__main__":
    run_main(main)
