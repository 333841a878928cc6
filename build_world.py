"""World build: the prompt set and the three teachers' SFT sets of the embedded world, from a seed.

Writes OUT/prompts.jsonl and OUT/sft_{helpful,refusal,safe_completion}.jsonl (minisafe/world/build.py says what each
holds) and prints how many rows each teacher's judge kept. The same seed writes byte-identical files.

    python build_world.py --out runs/world --seed 0
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from minisafe import config as C
from minisafe.cli import claim_out, run_main
from minisafe.config import opt
from minisafe.world.build import build


@dataclass
class WorldConfig:
    """Every field is a command-line option (--field-name). The world itself is data/spec.md and data/world.json."""
    seed: int = opt(0, "seed of the prompts and the teachers' noise (same seed -> byte-identical files)", ge=0,
                    le=2**32 - 1)


def main(argv=None) -> dict:
    p = C.parser(__doc__)
    p.add_argument("--out", metavar="DIR", required=True, help="output directory")
    C.add_dataclass_args(p.add_argument_group("world"), WorldConfig)
    args = p.parse_args(argv)
    cfg = C.check(C.from_args(WorldConfig, args))
    claim_out(args.out)   # a directory, writable, and this build's alone (a second build is refused)
    counts = build(args.out, cfg.seed)
    print(json.dumps(counts, indent=2))
    return counts


if __name__ == "__main__":
    run_main(main)
