"""Running the recipe's stages as processes: used by recipe.py and recipe_own_spec.py. A stage whose output exists is
skipped, one with a checkpoint resumes, so re-running a recipe continues it; `side_by_side` runs independent chains
of stages at once (the first failure ends the others). A SIGTERM or SIGINT (minisafe.cli.run_main) ends the running
stage processes too, so no second writer is left behind.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from minisafe.io import atomic_write_json, read_json

REPO = Path(__file__).resolve().parents[2]   # the stage scripts sit beside the package


_RUNNING: set[subprocess.Popen] = set()   # stage processes running now, ended together on an error or a signal
_STOPPING = threading.Event()              # set once: no stage starts after it
_LOG = threading.Lock()                    # stages side by side share one seconds log and _RUNNING


def run_stage(name: str, cmd: list[str], done: Path, log_path: Path, resume_dir: Path | None = None,
              threads: int | None = None) -> None:
    """Run one stage as a subprocess unless `done` exists; resume it when a checkpoint is there. Its seconds go to
    the JSON log at `log_path`. With `threads` (stages side by side, `side_by_side`) it gets that many torch threads
    and its output goes to <log_path's folder>/<name>.log."""
    if done.exists():
        _say(f"[recipe] {name}: done ({done.parent}), skipping")
        return
    if resume_dir is not None and (resume_dir / "checkpoints" / "latest.json").exists():
        cmd = cmd + ["--resume"]
    output = log_path.parent / f"{name}.log" if threads else None
    _say(f"[recipe] {name}: {' '.join(cmd[1:])}" + (f" (output: {output})" if output else ""))
    t0 = time.time()
    proc = None
    with open(output, "w") if output else contextlib.nullcontext() as sink:   # None: the recipe's own terminal
        env = {**os.environ, "OMP_NUM_THREADS": str(threads)} if threads else None
        try:
            with _signals_held(), _LOG:   # a signal raises only once the process is in _RUNNING
                if _STOPPING.is_set():
                    raise KeyboardInterrupt("another stage's end")
                proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=sink, stderr=sink)
                _RUNNING.add(proc)
            proc.wait()
        except KeyboardInterrupt as e:   # SIGINT/SIGTERM (run_main): end the stage too, never leave a second writer
            end_stages()
            raise KeyboardInterrupt(f"{e.args[0] if e.args else 'SIGINT'} during stage {name} (its process was "
                                    f"ended)") from None
        finally:
            _RUNNING.discard(proc)
    if proc.returncode != 0:
        tail = "".join(output.read_text(errors="replace").splitlines(keepends=True)[-15:]) if output else ""
        raise SystemExit(f"{tail}[recipe] stage {name} failed (exit {proc.returncode})"
                         + (f", its output is in {output}" if output else "") + "; fix the cause and re-run the "
                         "same command: finished stages are skipped and this one resumes")
    with _LOG:
        log = read_json(log_path) if log_path.exists() else {}
        log[name] = round(time.time() - t0, 1)
        atomic_write_json(log_path, log)
    _say(f"[recipe] {name}: {log[name]:.0f}s")


def _say(line: str) -> None:
    """One whole line on stdout (stages side by side print from two threads)."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


@contextlib.contextmanager
def _signals_held():
    """SIGINT and SIGTERM wait for the end of the block, then are delivered again to the handlers they had, so that
    a signal landing between a stage's start and its registration cannot leave that stage running (a second writer).
    Signal handlers run in the main thread only, so elsewhere this does nothing (stages side by side)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    old = {s: signal.signal(s, lambda signum, frame: caught.append(signum)) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)
        if caught:
            signal.raise_signal(caught[0])   # run_main's handlers: a KeyboardInterrupt naming the signal


def end_stages() -> None:
    """End every running stage process (SIGTERM, then SIGKILL after 60 s) and start no other."""
    with _LOG:   # a stage being started now is either in _RUNNING or sees _STOPPING and does not start
        _STOPPING.set()
        procs = list(_RUNNING)
    for p in procs:
        p.terminate()
    for p in procs:
        try:
            p.wait(timeout=60)
        except subprocess.TimeoutExpired:
            p.kill()


def side_by_side(chains: list, jobs: int) -> None:
    """Run the callables `chains` (each running its stages one after another) on `jobs` threads; one alone, or
    jobs 1, runs in this thread. The first failure ends the other chains' stages and is raised."""
    if jobs <= 1 or len(chains) <= 1:
        for chain in chains:
            chain()
        return
    _STOPPING.clear()
    with ThreadPoolExecutor(jobs) as pool:
        futures = [pool.submit(chain) for chain in chains]
        try:
            for f in as_completed(futures):
                f.result()
        except BaseException:
            end_stages()
            raise
