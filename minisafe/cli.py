"""Command lines: one top-level error path for every stage script, and running a stage as its own process.

A known error, one the user can fix by changing the input, is one line on stderr and exit code 2: bad data
(io.DataError, naming file:line and field, a damaged safetensors file included), a bad checkpoint
(hf.CheckpointError), a bad argument (ValueError from argument validation), a missing file, a file that is not
UTF-8, a run stopped on NaN/inf (FloatingPointError naming the last good checkpoint). Anything else is a bug: it
keeps its traceback.

    if __name__ == "__main__":
        run_main(main)

The recipes run each stage script as a subprocess (`run_stage`): a stage whose output exists is skipped, one with a
checkpoint resumes, so re-running a recipe continues it.
"""

from __future__ import annotations

import subprocess
import sys
import time
import traceback
from pathlib import Path

from minisafe.hf import CheckpointError
from minisafe.io import DataError, atomic_write_json

EXIT_BAD_INPUT = 2
KNOWN_ERRORS = (DataError, CheckpointError, FileNotFoundError, UnicodeDecodeError, FloatingPointError)


def _from_validation(e: BaseException) -> bool:
    """A plain ValueError counts as bad input only when raised by argument validation (a `validate` method or
    minisafe/config.py); one raised deep inside torch is a bug and keeps its traceback."""
    if type(e) is not ValueError:
        return False
    for frame, _ in traceback.walk_tb(e.__traceback__):
        code = frame.f_code
        if code.co_name in ("validate", "validate_args") or code.co_filename.replace("\\", "/").endswith(
                "minisafe/config.py"):
            return True
    return False


def one_line(e: BaseException) -> str:
    """The message a user sees: `error: <what and where>`, on one line."""
    if isinstance(e, UnicodeDecodeError):
        msg = f"input is not UTF-8 text ({e.reason} at byte {e.start})"
    elif isinstance(e, FileNotFoundError) and e.filename:  # open()'s own: "[Errno 2] No such file ...: 'x'"
        msg = f"{e.filename}: {e.strerror or 'file not found'}"
    else:
        msg = str(e) or type(e).__name__
    return "error: " + " ".join(msg.split())


def run_main(main, argv=None) -> None:
    """Call main(argv); exit 0 on success, 2 with one line on a known error; re-raise anything else."""
    try:
        result = main(argv)
    except (*KNOWN_ERRORS, ValueError) as e:
        if not isinstance(e, KNOWN_ERRORS) and not _from_validation(e):
            raise
        print(one_line(e), file=sys.stderr)
        sys.exit(EXIT_BAD_INPUT)
    sys.exit(result if isinstance(result, int) else 0)


REPO = Path(__file__).resolve().parent.parent   # the stage scripts sit beside the package


def run_stage(name: str, cmd: list[str], done: Path, log: dict, log_path: Path, resume_dir: Path | None = None) -> None:
    """Run one stage as a subprocess unless `done` exists; resume it when a checkpoint is there."""
    if done.exists():
        print(f"[recipe] {name}: done ({done.parent}), skipping")
        return
    if resume_dir is not None and (resume_dir / "checkpoints" / "latest.json").exists():
        cmd = cmd + ["--resume"]
    print(f"[recipe] {name}: {' '.join(cmd[1:])}", flush=True)
    t0 = time.time()
    proc = subprocess.run(cmd, cwd=REPO)
    if proc.returncode != 0:
        raise SystemExit(f"[recipe] stage {name} failed (exit {proc.returncode}); fix the cause and re-run the same "
                         f"command: finished stages are skipped and this one resumes")
    log[name] = round(time.time() - t0, 1)
    atomic_write_json(log_path, log)
    print(f"[recipe] {name}: {log[name]:.0f}s", flush=True)
