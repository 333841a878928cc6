"""serve.py under concurrent load: the same 50 requests sent one by one, then all at once, against `python serve.py`.

    python bench/bench_serve.py                      # a random model of the default config (3.3M parameters)
    python bench/bench_serve.py --model runs/sc_rl   # any checkpoint
    python bench/bench_serve.py --repeats 3 --out runs/bench_serve.json
    python bench/bench_serve.py --root /tmp/older-copy       # the serve.py of another copy of the project

Each request has its own seed (temperature 1), so both modes sample exactly the same tokens: the script checks that
every answer and token count is the same in both modes. Raw http.client, no retries: a refused or reset connection
counts as a failure (the official client's retries would hide it). Modes alternate (one by one, all at once, ...)
--repeats times; the server reports the batches it ran (/health).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORDS = ("how do I store bleach safely at home with small children and pets around the house when the cupboard "
         "has no lock and the label is worn off").split()


def random_checkpoint(path: Path, seed: int = 0) -> Path:
    """The default ModelConfig with random weights and a house tokenizer (vocabulary 2048)."""
    import torch

    from minisafe.hf import save_pretrained
    from minisafe.model import ModelConfig, Transformer
    from minisafe.tokenizer import ChatTokenizer

    tok = ChatTokenizer.train([" ".join(WORDS[i:] + WORDS[:i]) for i in range(len(WORDS))] * 50, vocab_size=2048)
    torch.manual_seed(seed)
    save_pretrained(Transformer(ModelConfig(vocab_size=tok.vocab_size)), path, tokenizer=tok)
    return path


def requests(n: int, max_tokens: int) -> list[dict]:
    """n prompts of 4 to 28 words, seeds 0..n-1."""
    return [{"messages": [{"role": "user", "content": " ".join(WORDS[i % 7:i % 7 + 4 + i % 25])}], "seed": i,
             "temperature": 1.0, "max_tokens": max_tokens} for i in range(n)]


def send(host: str, port: int, body: dict, out: list, k: int) -> None:
    """POST one request; out[k] = (status, reply or error text, seconds)."""
    t0 = time.perf_counter()
    try:
        conn = http.client.HTTPConnection(host, port, timeout=600)
        conn.request("POST", "/v1/chat/completions", json.dumps(body), {"Content-Type": "application/json"})
        resp = conn.getresponse()
        out[k] = (resp.status, json.loads(resp.read()), time.perf_counter() - t0)
        conn.close()
    except Exception as e:   # refused, reset, timed out: what this benchmark must not see
        out[k] = (None, f"{type(e).__name__}: {e}", time.perf_counter() - t0)


def run_mode(host: str, port: int, reqs: list[dict], concurrent: bool) -> tuple[float, list]:
    out = [None] * len(reqs)
    t0 = time.perf_counter()
    if concurrent:
        threads = [threading.Thread(target=send, args=(host, port, r, out, k)) for k, r in enumerate(reqs)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    else:
        for k, r in enumerate(reqs):
            send(host, port, r, out, k)
    return time.perf_counter() - t0, out


def health(host: str, port: int) -> dict:
    conn = http.client.HTTPConnection(host, port, timeout=30)
    conn.request("GET", "/health")
    return json.loads(conn.getresponse().read())


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", help="checkpoint directory (default: a random model of the default config)")
    p.add_argument("--requests", type=int, default=50)
    p.add_argument("--max-tokens", type=int, default=128)
    p.add_argument("--repeats", type=int, default=2)
    p.add_argument("--device", default="cpu")
    p.add_argument("--out", help="write the figures as JSON here")
    p.add_argument("--root", default=str(ROOT), help="the project copy whose serve.py runs (default: this one)")
    args = p.parse_args()
    model = Path(args.model) if args.model else random_checkpoint(Path(tempfile.mkdtemp()) / "random")
    proc = subprocess.Popen([sys.executable, "serve.py", "--model", str(model), "--port", "0", "--quiet", "--device",
                             args.device], stdout=subprocess.PIPE, text=True, cwd=args.root)
    try:
        line = proc.stdout.readline()
        url = line.split(" at ")[1].split()[0]          # serving NAME at http://127.0.0.1:PORT/v1 (...)
        host, port = url.split("//")[1].split("/")[0].rsplit(":", 1)
        port = int(port)
        reqs = requests(args.requests, args.max_tokens)
        run_mode(host, port, reqs[:2], concurrent=False)  # warm-up
        runs, answers = [], {}
        for rep in range(args.repeats):
            for concurrent in (False, True):
                before = health(host, port)
                wall, out = run_mode(host, port, reqs, concurrent)
                after = health(host, port)
                failed = [o[1] for o in out if o[0] != 200]
                ok = [o[1] for o in out if o[0] == 200]
                tokens = sum(r["usage"]["completion_tokens"] for r in ok)
                texts = [(r["choices"][0]["message"]["reasoning_content"], r["choices"][0]["message"]["content"],
                          r["usage"]["completion_tokens"]) if s == 200 else None for s, r, _ in out]
                answers.setdefault(concurrent, texts)
                run = {"mode": "all at once" if concurrent else "one by one", "wall_s": round(wall, 2),
                       "tokens": tokens, "tokens_per_s": round(tokens / wall, 1), "failed": len(failed),
                       "failures": failed[:3], "batches": after.get("batches", 0) - before.get("batches", 0),
                       "latency_p50_s": round(statistics.median(o[2] for o in out), 2),
                       "latency_max_s": round(max(o[2] for o in out), 2)}
                runs.append(run)
                print(json.dumps(run), flush=True)
        same = sum(a == b for a, b in zip(answers[False], answers[True]))
        summary = {"model": str(args.model or "random default config"), "device": args.device, "root": args.root,
                   "requests": args.requests, "max_tokens": args.max_tokens, "runs": runs,
                   "same_answer_and_tokens_in_both_modes": f"{same}/{args.requests}",
                   "cpu_count": os.cpu_count(), "load_avg": os.getloadavg()}
        for mode in ("one by one", "all at once"):
            summary[f"median_wall_s {mode}"] = statistics.median(r["wall_s"] for r in runs if r["mode"] == mode)
        print(json.dumps({k: v for k, v in summary.items() if k != "runs"}, indent=1))
        if args.out:
            Path(args.out).write_text(json.dumps(summary, indent=1))
    finally:
        proc.kill()
        proc.wait()


if __name__ == "__main__":
    main()
