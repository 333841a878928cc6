"""Command lines: one top-level error path for every stage script, and the lock on an output directory.

A known error, one the user can fix by changing the input, is one line on stderr and exit code 2: bad data
(io.DataError, naming file:line and field, a damaged safetensors file included), a bad checkpoint
(hf.CheckpointError), a bad argument (ValueError from argument validation), a missing file, a file that is not
UTF-8, a run stopped on NaN/inf (FloatingPointError naming the last good checkpoint). Anything else is a bug: it
keeps its traceback.

    if __name__ == "__main__":
        run_main(main)

Any OSError of the file system (a file where a directory is expected, no permission, disk full) is one line naming
the path; SIGTERM and SIGINT end a script through the same path (its `finally` blocks run, a recipe ends its stage
processes: minisafe/world/stages.py) with one line saying how to continue. `claim_out` makes an output directory,
checks it is writable and locks it: a second writer is refused, naming the holder's pid.
"""
from __future__ import annotations

import errno
import fcntl
import os
import signal
import sys
import traceback
from pathlib import Path

from minisafe.hf import CheckpointError
from minisafe.io import DataError

EXIT_BAD_INPUT = 2
KNOWN_ERRORS = (DataError, CheckpointError, OSError, UnicodeDecodeError, FloatingPointError)
EXPECTED = {errno.EISDIR: "expected a file", errno.ENOTDIR: "expected a directory (a file is in the way)",
            errno.EEXIST: "expected a directory (a file is in the way)", errno.EACCES: "expected read/write permission",
            errno.EROFS: "expected a writable file system", errno.ENOSPC: "expected free disk space",
            errno.EFBIG: "expected a smaller file (file size limit, ulimit -f?)"}


def _from_validation(e: BaseException) -> bool:
    """A plain ValueError counts as bad input only when raised by argument validation (a `validate` method or
    minisafe/config.py); one raised deep inside torch is a bug and keeps its traceback."""
    if type(e) is not ValueError:
        return False
    for frame, _ in traceback.walk_tb(e.__traceback__):
        path = frame.f_code.co_filename.replace("\\", "/")
        if frame.f_code.co_name.startswith("validate") or path.endswith("minisafe/config.py"):
            return True
    return False


def one_line(e: BaseException) -> str:
    """The message a user sees: `error: <what and where>`, on one line."""
    if isinstance(e, UnicodeDecodeError):
        msg = f"input is not UTF-8 text ({e.reason} at byte {e.start})"
    elif isinstance(e, OSError) and e.filename:  # open()'s own: "[Errno 2] No such file ...: 'x'"
        hint = f"; {EXPECTED[e.errno]}" if e.errno in EXPECTED else ""
        msg = f"{e.filename}: {e.strerror or 'file not found'}{hint}"
    else:
        msg = str(e) or type(e).__name__
    return "error: " + " ".join(msg.split())


def _interrupt(signum, frame):
    raise KeyboardInterrupt(signal.Signals(signum).name)


def run_main(main, argv=None) -> None:
    """Call main(argv); exit 0 on success, 2 with one line on a known error, 130 with one line on SIGINT/SIGTERM;
    re-raise anything else."""
    old = signal.signal(signal.SIGTERM, _interrupt)   # a kill unwinds like Ctrl-C: `finally` blocks run
    try:
        result = main(argv)
    except KeyboardInterrupt as e:
        print(f"error: stopped by {e.args[0] if e.args else 'SIGINT'}; what was finished is kept: run the same "
              f"command to continue (training stages: with --resume)", file=sys.stderr)
        sys.exit(130)
    except (*KNOWN_ERRORS, ValueError) as e:
        if not isinstance(e, KNOWN_ERRORS) and not _from_validation(e):
            raise
        print(one_line(e), file=sys.stderr)
        sys.exit(EXIT_BAD_INPUT)
    finally:
        signal.signal(signal.SIGTERM, old)
    sys.exit(result if isinstance(result, int) else 0)


_HELD: dict[str, int] = {}   # lock file -> open descriptor, held until the process ends


def claim_out(out, flag: str = "--out") -> Path:
    """Make the output directory `out` (one line if it cannot be), check it is writable and take its exclusive lock
    (OUT/.lock): a second writer is refused with the holder's pid. The kernel frees the lock when its process dies,
    so a lock file left by a dead process is taken over."""
    if not str(out).strip():   # Path("") would be "." and write into the current directory
        raise DataError(f"{flag} is empty; give a directory")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise DataError(f"{flag} {out}: is a file; give a directory")
    out.mkdir(parents=True, exist_ok=True)
    lock = out / ".lock"
    if str(lock) in _HELD:   # this process holds it already (a script's main called again, as tests do)
        return out
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)   # also the writability check
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.read(fd, 32).decode(errors="replace").strip() or "?"
        os.close(fd)
        raise DataError(f"{flag} {out}: in use by another run (pid {holder}, lock {lock}); wait for it to end or "
                        f"choose another {flag}") from None
    os.ftruncate(fd, 0)
    os.write(fd, str(os.getpid()).encode())
    _HELD[str(lock)] = fd
    return out
