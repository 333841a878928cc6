"""Can the models read the eval's wording? The words of the world's eval strings that no text the base trains on has.

A pretrained model has read every everyday wording before its safety training; the eval then asks whether safety
behaviour carries over to wordings that safety training never showed. In the embedded world the base's helpful-only
SFT set is its only reading, so an eval word absent from it is a word no model can read: an answer to it measures
guessing, not generalisation. The base split (minisafe/world/prompts.py, `base_only`) is there to make this list empty.

    python build_world.py --out runs/world --seed 0
    python bench/wording_coverage.py --world runs/world
"""

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from minisafe.world import canon  # noqa: E402
from minisafe.io import read_jsonl  # noqa: E402
from minisafe.world.spec import load_world  # noqa: E402
from minisafe.world.check import strings_under  # noqa: E402


def eval_words(world) -> set[str]:
    """Every word of the eval's own strings: its asks, framings and decomposition templates, the past-tense asks, and
    the eval wraps and prefills of every transform (slots removed)."""
    words = set()
    strings = [*strings_under(world.phrasings, ["phrasings"]), *strings_under(world.transforms, ["transforms"])]
    for jp, s in strings:
        if "eval" in jp or jp[:2] == ["phrasings", "past_tense"]:   # past-tense asks: an eval-only transform
            words |= set(canon.tokens(re.sub(r"\{[^}]*\}", " ", s)))   # {slot}s removed, as in fresh.template_ngrams
    return words


def unread(world, base_rows: list[dict]) -> list[str]:
    """The eval words that no base SFT row (prompt, reasoning or answer) contains, sorted."""
    read = set()
    for r in base_rows:
        read |= set(canon.tokens(f"{r['prompt']} {r.get('cot', '')} {r['answer']}"))
    return sorted(eval_words(world) - read)


def main(argv=None) -> dict:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--world", required=True, help="a built world directory (its sft_helpful.jsonl)")
    args = p.parse_args(argv)
    world = load_world()
    missing = unread(world, read_jsonl(Path(args.world) / "sft_helpful.jsonl"))
    out = {"eval_words": len(eval_words(world)), "unread": len(missing), "words": missing}
    print(f"{out['unread']} of {out['eval_words']} words of the eval wordings are in no base SFT row"
          + (f": {', '.join(missing)}" if missing else ""))
    return out


if __name__ == "__main__":
    main()
