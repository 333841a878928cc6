"""Peak resident memory of a command and all its descendants together (the sum over processes alive at once,
sampled every 0.2 s from /proc; Linux). /usr/bin/time -v reports only the largest single process, which understates
a recipe whose stages run side by side.

    python bench/peak_rss.py -- python recipe.py --preset cpu --seeds 0 --out /tmp/r
"""

from __future__ import annotations

import os
import subprocess
import sys
import time


def tree_rss_kb(root: int) -> int:
    """Sum of VmRSS (kB) over `root` and its descendants, from /proc/<pid>/status and /proc/<pid>/task/*/children."""
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/status") as f:
                total += next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
            for tid in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{tid}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue   # ended between two reads
    return total


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "--":
        sys.exit("usage: python bench/peak_rss.py -- COMMAND [ARGS...]")
    proc = subprocess.Popen(argv[1:])
    peak, t0 = 0, time.time()
    while proc.poll() is None:
        peak = max(peak, tree_rss_kb(proc.pid))
        time.sleep(0.2)
    print(f"[peak_rss] peak RSS of the process tree: {peak / 1e6:.2f} GB; wall {time.time() - t0:.0f} s; "
          f"exit {proc.returncode}", file=sys.stderr)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
