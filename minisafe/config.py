"""Command-line options generated from a config dataclass: one place to add a hyperparameter, not three.

A field `lr: float = opt(3e-5, "peak learning rate", gt=0)` becomes `--lr FLOAT` with that help and its default listed
in --help, and `check` refuses a value <= 0 naming --lr. Presets stay dicts of overrides on the dataclass; the
command line overrides the preset:

    p = parser(__doc__)
    add_dataclass_args(p.add_argument_group("PPO"), PPOConfig, replace(PPOConfig(), **PRESETS["cpu"]))
    args = p.parse_args()
    preset = replace(PPOConfig(), **PRESETS[args.preset])       # a preset is a dict of overrides
    cfg = from_args(PPOConfig, args, preset)                    # the preset, then every flag the user gave
    cfg.validate()          # check(cfg), then rules across fields; a ValueError naming the flag, before any work

Types: int, float, str, bool (--x / --no-x), `X | None` (the word "none" sets None), tuples of numbers (several
values), and a nested dataclass (its fields become --<field>-<subfield>, e.g. --model-d-model).
"""

from __future__ import annotations

import argparse
import math
import types
import typing
from dataclasses import MISSING, field, fields, is_dataclass, replace


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """The script's docstring as written; each option's default in its help line unless the help already says it."""

    def _get_help_string(self, action):
        text = action.help or ""
        if "default" in text or action.required or action.default in (None, False, argparse.SUPPRESS):
            return text
        return f"{text} (default: %(default)s)"


def parser(doc: str) -> argparse.ArgumentParser:
    """A stage script's parser: its docstring as --help's text, every default shown, no abbreviated options
    (--lam must not silently mean --lambda-lr)."""
    return argparse.ArgumentParser(description=doc, formatter_class=_HelpFormatter, allow_abbrev=False)


def run_options(p, presets: dict, resume: bool = True) -> None:
    """The options every training stage shares: --preset (a key of its PRESETS), --device and --resume."""
    g = p.add_argument_group("run")
    g.add_argument("--preset", choices=sorted(presets), default="cpu",
                   help="smoke: seconds, the plumbing only; cpu (default): minutes on 2 CPU cores; gpu: one GPU. "
                        "The options below override it")
    g.add_argument("--device", default="auto", help="cpu, cuda, cuda:N, or auto (CUDA when there is one)")
    g.add_argument("--dtype", choices=DTYPES, default="auto", help="forwards in bf16 (autocast; weights, optimizer "
                   "state and losses fp32) or fp32; auto: bf16 on CUDA, fp32 on CPU")
    if resume:
        g.add_argument("--resume", action="store_true", help="continue from OUT's latest checkpoint")


DTYPES = ("auto", "fp32", "bf16")   # --dtype, minisafe.training.bf16


def opt(default=MISSING, help: str = "", choices=None, default_factory=MISSING, ge=None, gt=None, le=None):
    """A dataclass field with its one-line --help text, its choices and its bounds (ge: >=, gt: >, le: <=) in its
    metadata; `check` enforces them."""
    meta = {"help": help, "choices": choices, "ge": ge, "gt": gt, "le": le}
    if default_factory is not MISSING:
        return field(default_factory=default_factory, metadata=meta)
    return field(default=default, metadata=meta)


def flag(name: str) -> str:
    """The command-line spelling of a field name: max_new_tokens -> --max-new-tokens."""
    return "--" + name.replace("_", "-")


def _unwrap_optional(tp):
    """(inner type, allows None) for `X | None` / Optional[X]; (tp, False) otherwise."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(tp)) == 2:
            return args[0], True
    return tp, False


def _parser_for(tp, optional: bool, name: str):
    if tp not in (int, float, str):
        raise TypeError(f"config field {name}: type {tp} has no command-line form")

    def parse(text: str):
        return None if optional and text.lower() == "none" else tp(text)
    parse.__name__ = tp.__name__  # argparse names the type in its error: "invalid float value: 'x'"
    return parse


def add_dataclass_args(parser, cls, defaults=None, prefix: str = "") -> None:
    """Add one option per field of dataclass `cls` to `parser` (a parser or an argument group).

    defaults: an instance whose values --help lists as the defaults (e.g. the default preset). An option the user did
    not give is absent from the parsed namespace, so from_args can tell "not given" from "given None" or the default.
    """
    defaults = defaults if defaults is not None else cls()
    hints = typing.get_type_hints(cls)
    for f in fields(cls):
        tp, optional = _unwrap_optional(hints[f.name])
        value = getattr(defaults, f.name)
        name = prefix + f.name
        if is_dataclass(tp):  # nested config: flatten its fields under a prefix
            add_dataclass_args(parser, tp, value, prefix=name + "_")
            continue
        help_ = f.metadata.get("help", "") or (f"{cls.__name__}.{f.name}" if prefix else "")
        text = f"{help_} (default: {value})".strip().replace("%", "%%")   # argparse %-formats help
        kw = {"dest": name, "default": argparse.SUPPRESS, "help": text, "choices": f.metadata.get("choices")}
        if tp is bool:
            parser.add_argument(flag(name), action=argparse.BooleanOptionalAction, **kw)
        elif typing.get_origin(tp) is tuple or tp is tuple:
            item = (typing.get_args(tp) or (float,))[0]
            parser.add_argument(flag(name), nargs="+", type=_parser_for(item, False, name), metavar="X", **kw)
        else:
            parser.add_argument(flag(name), type=_parser_for(tp, optional, name),
                                metavar=None if kw["choices"] else tp.__name__.upper(), **kw)


def from_args(cls, args: argparse.Namespace, base=None, prefix: str = ""):
    """`base` (default: cls()) with every option the user gave replaced by its parsed value."""
    base = base if base is not None else cls()
    hints = typing.get_type_hints(cls)
    changes = {}
    for f in fields(cls):
        tp, _ = _unwrap_optional(hints[f.name])
        name = prefix + f.name
        if is_dataclass(tp):
            changes[f.name] = from_args(tp, args, getattr(base, f.name), prefix=name + "_")
        elif hasattr(args, name):
            v = getattr(args, name)
            changes[f.name] = tuple(v) if isinstance(v, list) else v
    return replace(base, **changes)


# ----------------------------------------------------------------------------------------------------------------
# validation: each field's bounds and choices sit in its opt(); `check` enforces them all before any work


def check(cfg, prefix: str = ""):
    """Every field of `cfg` within its opt() choices and bounds, nested configs included (None means "unset" and
    passes). A ValueError names the flag and the value. Returns cfg."""
    for f in fields(cfg):
        v, name, m = getattr(cfg, f.name), prefix + f.name, f.metadata
        if is_dataclass(v):
            check(v, name + "_")
        elif v is None:
            continue
        elif m.get("choices") and v not in m["choices"]:
            _fail(name, v, f"one of {list(m['choices'])}")
        elif any(m.get(b) is not None for b in ("ge", "gt", "le")):
            ge, gt, le = m.get("ge"), m.get("gt"), m.get("le")
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
                _fail(name, v, "a finite number")
            if ge is not None and le is not None and not ge <= v <= le:
                _fail(name, v, f"in [{ge}, {le}]")
            if ge is not None and le is None and not v >= ge:
                _fail(name, v, f">= {ge}")
            if le is not None and ge is None and not v <= le:
                _fail(name, v, f"<= {le}")
            if gt is not None and not v > gt:
                _fail(name, v, f"> {gt}")
    return cfg


def _fail(name: str, value, expected: str):
    raise ValueError(f"{flag(name)} must be {expected}, got {value!r}")

