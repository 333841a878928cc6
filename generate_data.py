"""Data from your own spec: Deliberative Alignment's pipeline with any OpenAI-compatible teacher and judge.

The teacher reads the spec and the prompt and writes reasoning that cites the spec, then the answer; a judge that
also reads the spec grades and filters; the SFT row is the prompt *without* the spec -> (reasoning, answer)
(Guan et al. 2024, §2.2-2.3). The reply formats, why a row is dropped and the outputs (data.jsonl, dropped.jsonl,
stats.json in --out) are in minisafe/integrations/specgen.py. Every reply is cached: a stopped run resumes with the
same command and asks nothing twice.

    python generate_data.py --spec data/example_spec.md --prompts data/example_prompts.jsonl \\
        --teacher-url http://127.0.0.1:8000/v1 --teacher-model T --judge-url http://127.0.0.1:8001/v1 \\
        --judge-model J --out runs/specgen
    python train_sft.py --stage custom --init-from path/to/hf_model --data runs/specgen/data.jsonl --out runs/mine
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from minisafe import config as C
from minisafe.cli import claim_out, run_main
from minisafe.config import opt
from minisafe.integrations.client import ChatClient, ServerUnavailable, add_server_args
from minisafe.integrations.specgen import generate


@dataclass
class GenerateConfig:
    """Every field is a command-line option (--field-name)."""
    samples: int = opt(1, "teacher samples per prompt (sample k uses seed + k)", gt=0)
    seed: int = opt(0, "sampling seed sent to both servers", ge=0, le=2**32 - 1)
    teacher_temperature: float = opt(0.7, "the teacher's sampling temperature", ge=0)
    judge_temperature: float = opt(0.0, "the judge's sampling temperature", ge=0)
    teacher_max_tokens: int = opt(1024, "the teacher's reply budget", gt=0)
    judge_max_tokens: int = opt(256, "the judge's reply budget", gt=0)
    min_helpfulness: float = opt(0.5, "keep rows with max(direct, indirect helpfulness) >= this", ge=0.0, le=1.0)
    concurrency: int = opt(4, "requests in flight per server", gt=0)
    timeout: float = opt(300.0, "seconds per request", gt=0, le=86400)
    retries: int = opt(5, "retries on 429 / 5xx / timeouts / connection errors", ge=0)
    api_key_env: str = opt("OPENAI_API_KEY", "environment variable holding the API key, if any")
    cache_dir: str | None = opt(None, "answer cache (none: OUT/cache); a rerun asks nothing twice")


def main(argv=None) -> dict:
    p = C.parser(__doc__)
    g = p.add_argument_group("inputs")
    g.add_argument("--spec", required=True, help="policy spec in data/spec.md's format (### §N.M Title [mode: M])")
    g.add_argument("--prompts", required=True, help="JSONL with a `prompt` (and optional `id`) per line")
    g.add_argument("--out", required=True, help="output directory: data.jsonl, dropped.jsonl, stats.json, cache/")
    add_server_args(p)
    C.add_dataclass_args(p.add_argument_group("generation"), GenerateConfig)
    args = p.parse_args(argv)
    cfg = C.check(C.from_args(GenerateConfig, args))
    cache = Path(cfg.cache_dir) if cfg.cache_dir else Path(args.out) / "cache"
    common = {"api_key_env": cfg.api_key_env, "timeout": cfg.timeout, "max_retries": cfg.retries,
              "concurrency": cfg.concurrency}
    teacher = ChatClient(args.teacher_url, args.teacher_model, cache_dir=cache / "teacher", **common)
    judge = ChatClient(args.judge_url, args.judge_model, cache_dir=cache / "judge", **common)
    claim_out(args.out)   # made, writable, and this run's alone
    cache.mkdir(parents=True, exist_ok=True)   # a file in the way is one line now, not at the first answer
    try:
        stats = generate(args.spec, args.prompts, teacher, judge, args.out, samples=cfg.samples, seed=cfg.seed,
                         teacher_temperature=cfg.teacher_temperature, judge_temperature=cfg.judge_temperature,
                         teacher_max_tokens=cfg.teacher_max_tokens, judge_max_tokens=cfg.judge_max_tokens,
                         min_helpfulness=cfg.min_helpfulness)
    except ServerUnavailable as e:
        sys.exit(f"stopped: {e}")
    reasons = ", ".join(f"{r} {n}" for r, n in stats["dropped_by_reason"].items()) or "none"
    print(f"asked {stats['asked']}, kept {stats['kept']}, dropped {stats['dropped']} ({reasons}); "
          f"{stats['seconds_per_row']:.2f} s/row; requests sent: teacher {stats['requests']['teacher']['sent']}, "
          f"judge {stats['requests']['judge']['sent']}; wrote {Path(args.out) / 'data.jsonl'}")
    return stats


if __name__ == "__main__":
    run_main(main)
