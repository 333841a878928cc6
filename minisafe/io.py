"""Atomic file writes and validated JSON/JSONL reading, shared by every stage.

Every write goes to a temporary file in the same directory, is flushed and fsync'ed, then renamed over the target
(rename is atomic on POSIX), so a run killed at any moment leaves either the old file or the new one, never half.
Every read of user data names the file, the line and the field when something is wrong.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable, Sequence

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save


_UMASK = os.umask(0)
os.umask(_UMASK)


class DataError(ValueError):
    """Bad input data; the message names the file, line and field."""


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    atomic_write_many({path: data})


def atomic_write_many(files: dict) -> None:
    """Write {path: bytes} as one set: every file to its temporary first, then the renames, so a failure (disk full)
    leaves every old file as it was, never a new one beside an old one. An OSError names the path."""
    tmps = {}
    try:
        for path, data in files.items():
            path = Path(path)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmps[path] = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
                os.fchmod(fd, 0o666 & ~_UMASK)  # mkstemp creates 0600; give the file the permissions open() would
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                    f.flush()
                    os.fsync(f.fileno())
            except OSError as e:
                raise OSError(e.errno, e.strerror, str(e.filename or path)) from None
        for path, tmp in tmps.items():
            os.replace(tmp, path)
    except BaseException:
        for tmp in tmps.values():
            Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_json(path: str | os.PathLike, obj: Any) -> None:
    atomic_write_text(path, json.dumps(obj, indent=2, ensure_ascii=False) + "\n")


def write_jsonl(path: str | os.PathLike, rows: Iterable[dict]) -> None:
    """Write rows as JSON lines, atomically."""
    text = "".join(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n" for r in rows)
    atomic_write_text(path, text)


def input_file(path: str | os.PathLike) -> Path:
    """`path` as an input: missing -> FileNotFoundError; a directory, FIFO or device -> DataError (a FIFO nobody
    writes would hang the read)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: file not found")
    if not path.is_file():
        raise DataError(f"{path}: not a regular file ({'a directory' if path.is_dir() else 'a FIFO or device'}); "
                        f"expected a file")
    return path


def read_json(path: str | os.PathLike) -> Any:
    path = input_file(path)
    try:
        return json.loads(_decode(path.read_bytes(), path))
    except json.JSONDecodeError as e:
        raise DataError(f"{path}:{e.lineno}: invalid JSON ({e.msg})") from None


def _decode(raw: bytes, path: Path, lineno: int | None = None) -> str:
    """UTF-8 text, or a DataError naming the file (and line) holding the bad bytes."""
    try:
        return raw.decode("utf-8").removeprefix("\ufeff" if lineno in (None, 1) else "")  # a BOM, as CSV allows
    except UnicodeDecodeError as e:
        where = f"byte {e.start} of the line" if lineno is not None else f"byte {e.start} of the file"
        if lineno is None:
            lineno = raw[:e.start].count(b"\n") + 1
        raise DataError(f"{path}:{lineno}: not UTF-8 text ({e.reason} at {where})") from None


def read_jsonl(path: str | os.PathLike, required: Sequence[str] = (), types: dict[str, type] | None = None
               ) -> list[dict]:
    """Read a JSONL file; each non-blank line must be a JSON object holding every field in `required`.

    types: field -> expected type, checked where the field is present (None is allowed only for a field that is
    not required). Line numbers in errors are physical lines of the file, 1-based, blank lines counted.
    """
    return [row for _, row in read_jsonl_numbered(path, required, types)]


def read_jsonl_numbered(path: str | os.PathLike, required: Sequence[str] = (), types: dict[str, type] | None = None
                        ) -> list[tuple[int, dict]]:
    """read_jsonl, each row with its line number (lineno, row), for the caller's own checks to name the line."""
    path = input_file(path)
    rows = []
    with open(path, "rb") as f:
        for lineno, raw in enumerate(f, start=1):
            line = _decode(raw, path, lineno)
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise DataError(f"{path}:{lineno}: invalid JSON ({e.msg})") from None
            if not isinstance(row, dict):
                raise DataError(f"{path}:{lineno}: expected a JSON object, got {type(row).__name__}")
            for field in required:
                if field not in row:
                    raise DataError(f"{path}:{lineno}: missing field '{field}'")
            for field, typ in (types or {}).items():
                v = row.get(field)
                if field in row and not isinstance(v, typ) and not (v is None and field not in required):
                    raise DataError(f"{path}:{lineno}: field '{field}': expected {typ.__name__}, "
                                    f"got {type(v).__name__}")
            rows.append((lineno, row))
    return rows


def line_of(path: str | os.PathLike, row: dict) -> int | None:
    """The 1-based physical line of `row` in a JSONL file (for an error found after reading); None if absent."""
    with open(path, "rb") as f:
        for lineno, raw in enumerate(f, start=1):
            try:
                if raw.strip() and json.loads(raw) == row:
                    return lineno
            except ValueError:
                continue
    return None


def atomic_save_safetensors(tensors: dict, path: str | os.PathLike, metadata: dict[str, str] | None = None) -> None:
    """Save a dict of tensors as safetensors, atomically. Tensors are made contiguous and unshared first."""
    storages = [v.untyped_storage().data_ptr() for v in tensors.values()]
    tensors = {k: v.detach().contiguous().clone() if storages.count(ptr) > 1 else v.detach().contiguous()
               for (k, v), ptr in zip(tensors.items(), storages)}
    atomic_write_bytes(path, save(tensors, metadata=metadata))


# ----------------------------------------------------------------------------------------------------------------
# guards shared by the command lines: inputs are never overwritten, weights are finite, tokenizers match


def check_not_input(out: str | os.PathLike, *inputs: str | os.PathLike | None, flag: str = "--out") -> None:
    """Refuse an output path that is one of the inputs (it would be overwritten) or an existing directory."""
    out = Path(out)
    if out.is_dir():
        raise DataError(f"{flag} {out}: is a directory; give a file path")
    for inp in (Path(i) for i in inputs if i is not None):
        same = out.exists() and inp.exists() and os.path.samefile(out, inp)
        if same or out.resolve() == inp.resolve():
            raise DataError(f"{flag} {out}: is also an input file; writing it would destroy the input")


def load_safetensors(path: str | os.PathLike) -> dict:
    """Load a safetensors file; a damaged or truncated file is a DataError naming it."""
    path = input_file(path)
    try:
        return load_file(str(path))
    except SafetensorError as e:
        raise DataError(f"{path}: not a valid safetensors file ({e})") from None


def first_non_finite(tensors: dict) -> str | None:
    """The name of the first floating-point tensor holding NaN or inf, or None when all are finite."""
    for name, t in tensors.items():
        if torch.is_tensor(t) and t.is_floating_point() and not bool(torch.isfinite(t).all()):
            return name
    return None


def tokenizer_fingerprint(path: str | os.PathLike) -> str:
    """sha256 of a tokenizer.json's content (canonical JSON, so formatting does not matter): two tokenizers with
    the same vocabulary size but different merges or ids get different fingerprints."""
    return json_fingerprint(read_json(path))


def tokenizer_sha256(tok) -> str:
    """The fingerprint of a loaded ChatTokenizer; equals tokenizer_fingerprint() of the file it saves."""
    return json_fingerprint(json.loads(tok._tok.to_str()))


def json_fingerprint(obj: Any) -> str:
    """sha256 of a JSON value in canonical form (sorted keys, no spaces)."""
    canon = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()


def file_sha256(path: str | os.PathLike) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
