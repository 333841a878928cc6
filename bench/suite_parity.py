"""A real evaluation suite answered by minisafe and by transformers on the same checkpoint: same greedy text?

minisafe's side is `evaluate.py --suite NAME` (its own chat rendering and KV-cache sampler); transformers' side is
`apply_chat_template(..., add_generation_prompt=True)` and greedy `generate`, batched the same way (prompts sorted by
length, left-padded). Both are scored by the same XSTest string match. Prints the refusal rates side by side and how
many completions are identical; writes the figures to --out.

    python bench/suite_parity.py --model /root/runs/smollm2-135m --suite xstest \
        --suite-path ../shared/external/xstest_prompts.csv --max-new-tokens 32 --out /root/runs/xstest_parity.json

transformers is needed here only.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from minisafe.integrations import suites   # noqa: E402
from minisafe.io import atomic_write_json, read_json, read_jsonl   # noqa: E402


@torch.no_grad()
def transformers_answers(model_dir, prompts: list[str], max_new_tokens: int, batch_size: int) -> list[str]:
    """Greedy completions of transformers' generate on apply_chat_template's prompts, in `prompts`' order."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForCausalLM.from_pretrained(model_dir, dtype=torch.float32).eval()
    rendered = [list(tok.apply_chat_template([{"role": "user", "content": p}], add_generation_prompt=True,
                                             tokenize=True, return_dict=False)) for p in prompts]
    pad = tok.pad_token_id if tok.pad_token_id is not None else tok.eos_token_id
    order = sorted(range(len(prompts)), key=lambda i: len(rendered[i]))
    answers = [""] * len(prompts)
    for j in range(0, len(order), batch_size):
        idx = order[j:j + batch_size]
        T = max(len(rendered[i]) for i in idx)
        ids = torch.tensor([[pad] * (T - len(rendered[i])) + rendered[i] for i in idx])            # (B, T)
        mask = torch.tensor([[0] * (T - len(rendered[i])) + [1] * len(rendered[i]) for i in idx])  # (B, T)
        out = model.generate(input_ids=ids, attention_mask=mask, max_new_tokens=max_new_tokens, do_sample=False,
                             eos_token_id=tok.eos_token_id, pad_token_id=pad)
        for i, row in zip(idx, out[:, T:].tolist()):
            if tok.eos_token_id in row:
                row = row[:row.index(tok.eos_token_id)]
            answers[i] = tok.decode(row, skip_special_tokens=True)
    return answers


def main(argv=None) -> dict:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", required=True)
    p.add_argument("--suite", choices=sorted(suites.SUITES), default="xstest")
    p.add_argument("--suite-path", required=True)
    p.add_argument("--max-new-tokens", type=int, default=32)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--limit", type=int, default=0, help="the first N prompts only (0: all)")
    p.add_argument("--out", required=True, help="JSON with both sides' refusal rates and the identical share")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.time()
        cmd = [sys.executable, str(ROOT / "evaluate.py"), "--model", args.model, "--suite", args.suite,
               "--suite-path", args.suite_path, "--max-new-tokens", str(args.max_new_tokens), "--batch-size",
               str(args.batch_size), "--limit", str(args.limit), "--out", f"{tmp}/ours.json"]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        ours_s = time.time() - t0
        ours = read_json(f"{tmp}/ours.json")["metrics"]
        records = read_jsonl(f"{tmp}/ours.rows.jsonl")
    t0 = time.time()
    rows = suites.load_suite(args.suite, args.suite_path)
    by_prompt = {r["prompt"]: r for r in rows}
    rows = [by_prompt[r["prompt"]] for r in records]          # evaluate.py's subset, its order
    answers = transformers_answers(args.model, [r["prompt"] for r in rows], args.max_new_tokens, args.batch_size)
    theirs_s = time.time() - t0
    theirs, _ = suites.refusal_report(args.suite, rows, answers)
    same = sum((r["answer"] or "") == a for r, a in zip(records, answers))
    result = {"command": " ".join(["python", "bench/suite_parity.py", *(argv or sys.argv[1:])]),
              "prompts": len(rows), "identical_completions": same, "minisafe": ours, "transformers": theirs,
              "seconds": {"minisafe": round(ours_s, 1), "transformers": round(theirs_s, 1)},
              "differing": [{"prompt": r["prompt"], "minisafe": r["answer"], "transformers": a}
                            for r, a in zip(records, answers) if (r["answer"] or "") != a][:20]}
    atomic_write_json(args.out, result)
    print(json.dumps({k: v for k, v in result.items() if k != "differing"}, indent=1))
    return result


if __name__ == "__main__":
    main()
