"""How much of the end-of-answer score reaches the first response tokens at PPO's first iteration.

The reward arrives only at <|end|>, but the refuse / safe-complete / comply decision is made in the first reasoning
tokens. For one iteration of train_rl.py from a recipe seed's safe-completion SFT model and heads, this prints the
correlation over the batch between the (whitened) advantage at response token t and the sequence score, for the
PPO settings before the credit change (lambda 0.95, the value head at the policy's learning rate, no warm-up) and
after it (the defaults). A correlation near 1 at token 0 means the first token is pushed by the score.

    python bench/ppo_credit.py --seed-dir runs/recipe/seed-0
"""

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import train_rl  # noqa: E402

SETTINGS = {"before": ["--gae-lambda", "0.95", "--value-warmup-steps", "0", "--value-lr", "3e-5"], "after": []}


def corr(a, b) -> float:
    a, b = a - a.mean(), b - b.mean()
    return float((a * b).sum() / (a.norm() * b.norm() + 1e-12))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--seed-dir", required=True, help="a recipe seed directory (safe_completion_sft/, reward_heads/)")
    p.add_argument("--tokens", default="0,10,50", help="response token positions to report")
    args = p.parse_args()
    d = Path(args.seed_dir)
    caught = {}
    whiten, score_rollout = train_rl.masked_whiten, train_rl.score_rollout
    train_rl.masked_whiten = lambda x, m, **k: caught.setdefault("adv", whiten(x, m, **k))
    train_rl.score_rollout = lambda *a, **k: caught.setdefault("score", score_rollout(*a, **k))
    out = {}
    for name, flags in SETTINGS.items():
        caught.clear()
        with tempfile.TemporaryDirectory() as tmp:
            train_rl.main(["--init-from", str(d / "safe_completion_sft"), "--reward-heads", str(d / "reward_heads"),
                           "--world", str(d / "world"), "--out", tmp, "--iterations", "1", "--grader-every", "0",
                           "--device", "cpu"] + flags)
        adv, score = caught["adv"], caught["score"][0]  # (B, R), (B,)
        out[name] = {f"token {t}": round(corr(adv[:, t], score), 3) for t in map(int, args.tokens.split(","))}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
