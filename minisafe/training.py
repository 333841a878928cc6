"""Plumbing shared by the two training loops (train_sft.py, train_rl.py): devices and DDP, the learning-rate
schedule, and checkpoints that survive being killed at any moment.

Checkpoint layout of a run directory OUT/:

    OUT/config.json, model.safetensors, tokenizer.json    the latest weights as an HF-style model directory
    OUT/checkpoints/step-000120/                          one complete training state:
        model.safetensors                                     weights (and any extra modules, e.g. a value head)
        optimizer.safetensors                                 AdamW moments, one tensor per key
        state.json                                            step, data position, LR, RNG states, run arguments
    OUT/checkpoints/latest.json                           {"step": 120, "dir": "step-000120"}
    OUT/metrics.jsonl                                     one JSON object per logged step

A state directory is written under a temporary name and renamed into place, then latest.json is replaced
atomically: a run killed at any moment finds latest.json pointing at a complete state. Nothing is pickled: tensors
go to safetensors, the rest to JSON.
"""

from __future__ import annotations

import gc
import json
import math
import os
import shutil
import sys
from pathlib import Path

import torch
import torch.distributed as dist

from minisafe.io import (DataError, atomic_save_safetensors, atomic_write_json, atomic_write_text,
    first_non_finite, load_safetensors, read_json)


# ----------------------------------------------------------------------------------------------------------------
# devices and data parallelism


def epoch_batches(lengths: list[int], batch_size: int, seed: int, epoch: int) -> list[list[int]]:
    """Length-bucketed batches for one epoch, a pure function of (seed, epoch) so a resumed run sees the same data.

    Shuffle, sort each window of 32 batches by length (less padding), cut into batches, shuffle the batches.
    Incomplete batches are dropped so every step sees exactly `batch_size` sequences.
    """
    g = torch.Generator().manual_seed(seed_of(seed, epoch))
    perm = torch.randperm(len(lengths), generator=g).tolist()
    window = batch_size * 32
    batches = []
    for w in range(0, len(perm), window):
        chunk = sorted(perm[w:w + window], key=lambda i: lengths[i])
        batches += [chunk[j:j + batch_size] for j in range(0, len(chunk) - batch_size + 1, batch_size)]
    order = torch.randperm(len(batches), generator=g).tolist()
    return [batches[i] for i in order]


def pick_device(name: str = "auto") -> torch.device:
    """--device: auto (CUDA when this machine has it, else CPU), cpu, cuda or cuda:N. A device this machine lacks
    (cuda on a CPU-only machine, cuda:3 with one GPU) is a ValueError naming --device, before any work."""

    def validate(name: str) -> torch.device:  # a ValueError raised in `validate` is bad input (minisafe/cli.py)
        try:
            device = torch.device(name)
        except RuntimeError:
            raise ValueError(f"--device {name!r} is not a device; expected auto, cpu, cuda or cuda:N") from None
        if device.type == "cuda":
            if not torch.cuda.is_available():
                raise ValueError(f"--device {name} needs CUDA, which this machine does not have (torch "
                                 f"{torch.__version__}, CUDA build: {torch.version.cuda or 'none'}); use --device cpu "
                                 f"or auto")
            if device.index is not None and device.index >= torch.cuda.device_count():
                raise ValueError(f"--device {name}: this machine has {torch.cuda.device_count()} CUDA device(s)")
        elif device.type != "cpu":
            raise ValueError(f"--device {name}: only cpu and cuda devices are supported")
        return device

    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return validate(name)


def bf16(device, dtype: str = "auto") -> bool:
    """--dtype (fp32, bf16; auto: bf16 on CUDA, fp32 on CPU): whether forwards run in bfloat16. Trained weights,
    optimizer state, norms, the LM head's log-probs and every loss stay fp32; frozen models may hold bf16 weights."""
    return dtype == "bf16" or (dtype == "auto" and torch.device(device).type == "cuda")


def autocast(device, dtype: str = "auto"):
    """bf16 autocast of a forward when --dtype says bf16 (a no-op context otherwise); backward runs outside it."""
    return torch.autocast(torch.device(device).type, dtype=torch.bfloat16, enabled=bf16(device, dtype))


def init_distributed(device: torch.device) -> tuple[int, int]:
    """Join the process group when launched by torchrun (gloo on CPU, nccl on CUDA). Returns (rank, world_size)."""
    if "RANK" not in os.environ:
        return 0, 1
    backend = "nccl" if device.type == "cuda" else "gloo"
    dist.init_process_group(backend)
    if device.type == "cuda":
        torch.cuda.set_device(int(os.environ.get("LOCAL_RANK", 0)))
    return dist.get_rank(), dist.get_world_size()


def cleanup_distributed() -> None:
    """Leave the process group together: wait for every rank, then destroy the group while the interpreter is whole.
    Drop DistributedDataParallel wrappers first: one that outlives this keeps the gloo group alive into interpreter
    shutdown, where its threads can abort the process ("terminate called without an active exception")."""
    if dist.is_initialized():
        dist.barrier()
        gc.collect()
        dist.destroy_process_group()


def all_reduce(x: torch.Tensor, op: str = "sum") -> torch.Tensor:
    """x reduced in place over every DDP process ("sum", "max" or "avg"); in a single process, x as it is. Every
    statistic of the whole batch goes through here, so the math itself never asks whether it runs distributed."""
    if dist.is_initialized():
        dist.all_reduce(x, op=dist.ReduceOp.MAX if op == "max" else dist.ReduceOp.SUM)
        if op == "avg":
            x.div_(dist.get_world_size())
    return x


def all_gather(x: torch.Tensor) -> torch.Tensor:
    """(B_local, ...) per process -> (B, ...) in rank order, on every process; x itself in a single process."""
    if not dist.is_initialized():
        return x
    parts = [torch.empty_like(x) for _ in range(dist.get_world_size())]
    dist.all_gather(parts, x.contiguous())
    return torch.cat(parts)


def barrier() -> None:
    if dist.is_initialized():
        dist.barrier()


def seed_of(seed: int, step: int) -> int:
    """The seed of one step's randomness (data order, sampling), a pure function of the run's seed and the step,
    so that a resumed run draws what the uninterrupted one would."""
    return seed * 100_003 + step


# ----------------------------------------------------------------------------------------------------------------
# learning rate


def lr_at(step: int, max_steps: int, lr: float, warmup_steps: int, min_lr_ratio: float = 0.1) -> float:
    """Linear warm-up to `lr`, then half a cosine down to min_lr_ratio * lr at max_steps (and that floor after it)."""
    if step < warmup_steps:
        return lr * (step + 1) / warmup_steps
    progress = min(1.0, (step - warmup_steps) / max(1, max_steps - warmup_steps))
    return lr * (min_lr_ratio + (1 - min_lr_ratio) * 0.5 * (1.0 + math.cos(math.pi * progress)))


# ----------------------------------------------------------------------------------------------------------------
# the optimizer


class AdamW:
    """AdamW (Loshchilov & Hutter 2019), written out. Per parameter p with gradient g, at step t = 1, 2, ...:

        p <- p * (1 - lr * weight_decay)                          decoupled weight decay
        m <- m + (1 - b1) * (g - m)                               first moment
        v <- b2 * v + (1 - b2) * g * g                            second moment
        p <- p - lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)

    The same operations in the same order as torch.optim.AdamW on a CPU, so the same bits (tests/test_training.py),
    and the same state_dict layout, so either loads the other's checkpoint. Written here because torch's optimizers
    import torch._dynamo when first used: about 1 s at the start of every training process. One parameter at a time,
    as torch on a CPU; on a GPU torch batches them (foreach) in fewer kernel launches (bench/gpu_check.py times both)."""

    def __init__(self, params, lr: float, betas=(0.9, 0.999), eps: float = 1e-8, weight_decay: float = 0.01):
        groups = list(params)
        groups = groups if groups and isinstance(groups[0], dict) else [{"params": groups}]
        defaults = {"lr": lr, "betas": tuple(betas), "eps": eps, "weight_decay": weight_decay}
        self.param_groups = [{**defaults, **g, "params": list(g["params"])} for g in groups]
        self.params = [q for g in self.param_groups for q in g["params"]]
        self.state: dict[int, dict] = {}   # index in self.params -> {"step", "exp_avg" (m), "exp_avg_sq" (v)}

    @torch.no_grad()
    def step(self) -> None:
        for i, (group, p) in enumerate((g, p) for g in self.param_groups for p in g["params"]):
            if p.grad is None:
                continue
            (b1, b2), lr, wd, eps = group["betas"], group["lr"], group["weight_decay"], group["eps"]
            st = self.state.setdefault(i, {"step": torch.tensor(0.0), "exp_avg": torch.zeros_like(p),
                                           "exp_avg_sq": torch.zeros_like(p)})
            st["step"] += 1
            t, m, v = st["step"].item(), st["exp_avg"], st["exp_avg_sq"]
            if wd != 0:
                p.mul_(1 - lr * wd)
            m.lerp_(p.grad, 1 - b1)
            v.mul_(b2).addcmul_(p.grad, p.grad, value=1 - b2)
            p.addcdiv_(m, (v.sqrt() / (1 - b2 ** t) ** 0.5).add_(eps), value=-(lr / (1 - b1 ** t)))

    def zero_grad(self) -> None:
        for p in self.params:
            p.grad = None

    def state_dict(self) -> dict:
        """torch.optim's layout: parameters numbered in group order, each group's hyperparameters."""
        groups, n = [], 0
        for g in self.param_groups:
            ids = list(range(n, n + len(g["params"])))
            groups.append({**{k: v for k, v in g.items() if k != "params"}, "params": ids})
            n += len(g["params"])
        return {"state": {i: dict(st) for i, st in self.state.items()}, "param_groups": groups}

    def load_state_dict(self, sd: dict) -> None:
        sizes = [len(g["params"]) for g in sd["param_groups"]]
        if sizes != [len(g["params"]) for g in self.param_groups]:
            raise ValueError(f"optimizer state: parameter groups of sizes {sizes}, this model's are "
                             f"{[len(g['params']) for g in self.param_groups]}")
        for g, saved in zip(self.param_groups, sd["param_groups"]):
            g.update({k: saved[k] for k in ("lr", "betas", "eps", "weight_decay")})
        self.state = {int(i): {k: v if k == "step" else v.to(self.params[int(i)]) for k, v in st.items()}
                      for i, st in sd["state"].items()}


# ----------------------------------------------------------------------------------------------------------------
# checkpoints


def _optimizer_to_flat(optimizer: AdamW) -> tuple[dict, dict]:
    """Split an optimizer state dict into tensors (for safetensors) and JSON-able hyperparameters."""
    sd = optimizer.state_dict()
    tensors = {}
    for pid, state in sd["state"].items():
        for k, v in state.items():
            tensors[f"state.{pid}.{k}"] = v if torch.is_tensor(v) else torch.tensor(v)
    return tensors, {"param_groups": sd["param_groups"]}


def _optimizer_from_flat(optimizer: AdamW, tensors: dict, meta: dict) -> None:
    state: dict[int, dict] = {}
    for key, v in tensors.items():
        _, pid, name = key.split(".", 2)
        state.setdefault(int(pid), {})[name] = v
    groups = [{k: (tuple(v) if k == "betas" else v) for k, v in g.items()} for g in meta["param_groups"]]
    optimizer.load_state_dict({"state": state, "param_groups": groups})


def save_checkpoint(out: str | Path, step: int, modules: dict[str, torch.nn.Module],
                    optimizer: AdamW, state: dict) -> Path:
    """Write a complete training state for `step`, point latest.json at it and remove older states (see the module
    docstring). modules: name -> module, stored as "<name>.<param>"; state: JSON-able extras (data position, ...)."""
    ckpt_root = Path(out) / "checkpoints"
    ckpt_root.mkdir(parents=True, exist_ok=True)
    name = f"step-{step:06d}"
    tmp = ckpt_root / f".{name}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)   # left by a run killed while writing it
    tmp.mkdir()
    weights = {f"{m}.{k}": v for m, mod in modules.items() for k, v in mod.state_dict().items()}
    bad = first_non_finite(weights)
    if bad is not None:  # never replace a good checkpoint (or OUT/model.safetensors) with NaN weights
        shutil.rmtree(tmp, ignore_errors=True)
        raise FloatingPointError(f"tensor '{bad}' holds NaN/inf at step {step}; not saving it. The last good "
                                 f"checkpoint ({latest_checkpoint(out) or 'none yet'}) is left untouched.")
    try:   # a failure (disk full, a kill) leaves no half-written state directory behind
        atomic_save_safetensors(weights, tmp / "model.safetensors")
        opt_tensors, opt_meta = _optimizer_to_flat(optimizer)
        atomic_save_safetensors(opt_tensors, tmp / "optimizer.safetensors")
        rng = {"torch": torch.get_rng_state()}
        if torch.cuda.is_available():
            rng["cuda"] = torch.cuda.get_rng_state()
        atomic_save_safetensors(rng, tmp / "rng.safetensors")
        atomic_write_json(tmp / "state.json", {"step": step, "optimizer": opt_meta, **state})
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    final = ckpt_root / name
    shutil.rmtree(final, ignore_errors=True)   # left by a run killed before latest.json pointed at it
    os.replace(tmp, final)
    atomic_write_json(ckpt_root / "latest.json", {"step": step, "dir": name})
    for p in ckpt_root.glob("step-*"):
        if p.name != name:
            shutil.rmtree(p, ignore_errors=True)
    return final


def latest_checkpoint(out: str | Path) -> Path | None:
    """The directory of the newest complete training state under OUT, or None."""
    latest = Path(out) / "checkpoints" / "latest.json"
    if not latest.exists():
        return None
    d = Path(out) / "checkpoints" / read_json(latest)["dir"]
    if not (d / "state.json").exists():
        raise FileNotFoundError(f"{latest}: points at {d}, which holds no state.json")
    return d


def load_checkpoint(ckpt_dir: str | Path, modules: dict[str, torch.nn.Module],
                    optimizer: AdamW | None) -> dict:
    """Restore modules, optimizer and RNG from a state directory; returns its state.json."""
    ckpt_dir = Path(ckpt_dir)
    weights = load_safetensors(ckpt_dir / "model.safetensors")
    bad = first_non_finite(weights)
    if bad is not None:
        raise FloatingPointError(f"{ckpt_dir / 'model.safetensors'}: tensor '{bad}' holds NaN/inf; refusing to "
                                 f"resume from it (OUT/model.safetensors is left as it is). Start fresh with "
                                 f"another --out, or delete {ckpt_dir.parent} to restart this one.")
    for m, mod in modules.items():
        prefix = f"{m}."
        sd = {k[len(prefix):]: v for k, v in weights.items() if k.startswith(prefix)}
        missing, unexpected = mod.load_state_dict(sd, strict=False)
        if missing or unexpected:
            raise KeyError(f"{ckpt_dir / 'model.safetensors'}: module '{m}' missing {missing}, unexpected {unexpected}")
    state = read_json(ckpt_dir / "state.json")
    if optimizer is not None:
        _optimizer_from_flat(optimizer, load_safetensors(ckpt_dir / "optimizer.safetensors"), state["optimizer"])
    rng = load_safetensors(ckpt_dir / "rng.safetensors")
    torch.set_rng_state(rng["torch"])
    if "cuda" in rng and torch.cuda.is_available():
        torch.cuda.set_rng_state(rng["cuda"])
    return state


def check_out(out: Path, resume: bool) -> None:
    """An OUT holding a checkpoint is continued only on purpose (--resume), never silently trained over."""
    if (out / "checkpoints" / "latest.json").exists() and not resume:
        sys.exit(f"error: --out {out} already holds a checkpoint: pass --resume to continue it, or choose another "
                 f"--out")


def mark_done(out: Path, name: str, summary: dict, length: str) -> None:
    """OUT/<name>, the recipe's "done" marker, written only once the model it vouches for exists (length: the
    option that made the run empty, for the error)."""
    if not (out / "model.safetensors").exists() or not (out / "checkpoints" / "latest.json").exists():
        raise DataError(f"{out}: no model was written ({length}); not marking it done")
    atomic_write_json(out / name, summary)


def check_finite(name: str, value: float, out: str | Path, step: int) -> None:
    """Stop the run on NaN/inf, naming the last good checkpoint (which is left untouched)."""
    if math.isfinite(value):
        return
    ckpt = latest_checkpoint(out)
    where = f"the last good checkpoint is {ckpt}" if ckpt else "no checkpoint was written yet"
    raise FloatingPointError(f"non-finite {name} ({value}) at step {step}; stopping. {where}; "
                             f"resume with --resume after fixing the cause (lower --lr?).")


def log_metrics(out: str | Path, row: dict) -> None:
    """Append one line to OUT/metrics.jsonl, written with one write() call and flushed."""
    with open(Path(out) / "metrics.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps(row, ensure_ascii=False) + "\n")
        f.flush()


def resume(out: str | Path, modules: dict[str, torch.nn.Module], optimizer: AdamW, export,
           is_main: bool, enabled: bool, record: dict | None = None) -> dict:
    """Continue from OUT's latest checkpoint when `enabled`; returns its state.json ({"step": 0} for a fresh run).
    A checkpoint written with another `record` (data, sizes, config) is refused first (check_same_run). Also repairs
    what a kill leaves behind: an OUT/model.safetensors older than the checkpoint (`export()` writes it again) and
    metric lines logged after it (they will be logged again)."""
    ckpt = latest_checkpoint(out) if enabled else None
    state = {"step": 0}
    if ckpt is not None:
        if record is not None:
            check_same_run(read_json(ckpt / "state.json"), record, ckpt)
        state = load_checkpoint(ckpt, modules, optimizer)
        if is_main:
            export()
            print(f"resumed from {ckpt} at step {state['step']}")
    if is_main:
        truncate_metrics(out, state["step"])
    return state


# fields that may change between a run and its resumption: how often to log, evaluate and save, how long to run (a
# finished run can be extended with a larger --max-steps / --iterations), and the learning rate (the way out of a
# run stopped on NaN, as check_finite says)
RESUMABLE_CHANGES = ("save_every", "eval_every", "log_every", "grader_every", "max_steps", "iterations", "lr")


def check_same_run(state: dict, record: dict, ckpt: Path) -> None:
    """Refuse to resume a checkpoint written by a different run: another data file (path or content), batch size,
    sequence length, --init-from or any other config field. Names the field and how to start fresh."""
    record = json.loads(json.dumps(record))  # tuples -> lists, as state.json holds them

    def compare(have: dict, want: dict, prefix: str) -> None:
        for key, w in want.items():
            if key not in have or key in RESUMABLE_CHANGES:
                continue
            h = have[key]
            if isinstance(w, dict) and isinstance(h, dict):
                compare(h, w, f"{prefix}{key}.")
            elif h != w:
                raise DataError(f"{ckpt / 'state.json'}: field '{prefix}{key}' was {h!r} when this checkpoint was "
                                f"written, now {w!r}; resume with the same value, or start fresh with another --out")

    compare(state, record, "")


def truncate_metrics(out: str | Path, step: int) -> None:
    """On resume, drop metric lines logged after the checkpoint's step (they will be logged again)."""
    path = Path(out) / "metrics.jsonl"
    if not path.exists():
        return
    lines, kept = path.read_text(encoding="utf-8", errors="replace").splitlines(), []
    for i, line in enumerate(lines, start=1):
        try:
            row = json.loads(line) if line.strip() else None
        except json.JSONDecodeError:
            if i < len(lines):
                raise DataError(f"{path}:{i}: invalid JSON; only the last line may be torn (by a kill)") from None
            print(f"warning: {path}:{i}: dropped a torn last line (left by a kill)", file=sys.stderr)
            continue
        if row is not None and row.get("step", 0) <= step:
            kept.append(line)
    atomic_write_text(path, "".join(l + "\n" for l in kept))
