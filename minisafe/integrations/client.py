"""A small client for any OpenAI-compatible chat-completions server (vLLM, llama.cpp's server, Ollama, SGLang,
`python serve.py`). The teacher and the judge of Deliberative Alignment (Guan et al. 2024, §2) and safe-completions
(Yuan et al. 2025, §3) are models behind that API; this module is the one place that talks to them.

- Retries with exponential backoff, delay_k = min(max_backoff, backoff * 2^k) * U(0.5, 1) (or Retry-After), on 429,
  5xx, timeouts and connection errors; any other 4xx fails at once (RequestRefused, naming the URL and the status).
- A content-addressed cache on disk: one file per answer, named by the sha256 of the canonical request (model,
  messages, sampling parameters, sample index; not the URL, so the same model on another port reuses it), written
  atomically. A killed run, started again, asks the server only for the answers it does not have.
- An API key, when the server wants one, comes from the environment variable named by `api_key_env` (never from a
  file or the command line, so it does not land in shell history or logs).

    client = ChatClient("http://127.0.0.1:8000/v1", "my-model", cache_dir="runs/cache")
    r = client.chat([{"role": "user", "content": "Hi"}], temperature=0.7, seed=0)
    r["content"], r["model"], r["temperature"], r["seed"], r["cached"]
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import random
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Sequence

from minisafe.io import atomic_write_json

CACHE_VERSION = 1  # part of the key: bump it when the meaning of a cached file changes
MAX_REPLY_BYTES = 16 << 20  # a reply (or error body) larger than this is refused: a chat completion is far smaller


def validate_url(url: str) -> str:
    """A server's base URL must be http(s)://...; a ValueError otherwise (one line at the command line)."""
    if not isinstance(url, str) or not url.startswith(("http://", "https://")) or len(url.split("://", 1)[1]) < 1:
        raise ValueError(f"server URL must start with http:// or https://, got {url!r}")
    return url


class ClientError(RuntimeError):
    """A request that did not give an answer. `url` and `status` (None without an HTTP response) say where and why."""

    def __init__(self, message: str, url: str, status: int | None = None):
        super().__init__(message)
        self.url, self.status = url, status


class RequestRefused(ClientError):
    """The server refused the request with a 4xx other than 429: asking again would give the same answer."""


class ServerUnavailable(ClientError):
    """429 / 5xx / timeout / connection error, still failing after every retry. A rerun resumes from the cache."""


class BadResponse(ClientError):
    """The server answered 200 with something that is not a chat completion (not JSON, or no choices[0].message)."""


def request_key(model: str, messages: Sequence[dict], sample: int = 0, **params) -> str:
    """sha256 of the canonical request (sorted keys, no whitespace); `sample` tells apart samples of one request."""
    req = {"v": CACHE_VERSION, "model": model, "messages": list(messages), "sample": sample,
           "params": {k: v for k, v in params.items() if v is not None}}
    return hashlib.sha256(json.dumps(req, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
                          .encode("utf-8")).hexdigest()


class ChatClient:
    """Chat completions from one model at one OpenAI-compatible base URL (e.g. http://127.0.0.1:8000/v1)."""

    def __init__(self, base_url: str, model: str, *, api_key_env: str | None = "OPENAI_API_KEY",
                 cache_dir: str | os.PathLike | None = None, timeout: float = 120.0, max_retries: int = 5,
                 backoff: float = 1.0, max_backoff: float = 30.0, concurrency: int = 4,
                 sleep: Callable[[float], None] = time.sleep):
        validate_url(base_url)
        self.base_url = base_url.rstrip("/")
        self.url = self.base_url + "/chat/completions"
        self.model = model
        self.api_key = os.environ.get(api_key_env) if api_key_env else None
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self.timeout, self.max_retries = timeout, max_retries
        self.backoff, self.max_backoff = backoff, max_backoff
        self.concurrency = concurrency
        self._sleep = sleep
        self._rng = random.Random(0)  # jitter only; never affects what is asked
        self._lock = threading.Lock()
        self.stats = {"sent": 0, "cached": 0, "retries": 0}  # HTTP requests made, cache hits, retried attempts

    def chat(self, messages: Sequence[dict], *, temperature: float = 0.0, seed: int | None = None,
             max_tokens: int | None = None, sample: int = 0, **extra) -> dict:
        """One completion: {"content", "reasoning", "finish_reason", "model", "temperature", "seed", "sample",
        "key", "cached"}. Raises RequestRefused, ServerUnavailable or BadResponse."""
        params = {"temperature": temperature, "seed": seed, "max_tokens": max_tokens, **extra}
        key = request_key(self.model, messages, sample, **params)
        path = self._cache_path(key)
        if path is not None and path.is_file():
            try:
                result = json.loads(path.read_text(encoding="utf-8"))
                with self._lock:
                    self.stats["cached"] += 1
                return {**result, "cached": True}
            except (json.JSONDecodeError, UnicodeDecodeError):
                pass  # a damaged file (writes are atomic, so not a killed run): ask again and overwrite
        body = {"model": self.model, "messages": list(messages),
                **{k: v for k, v in params.items() if v is not None}}
        result = self._parse(self._post(body))
        result.update(temperature=temperature, seed=seed, sample=sample, key=key, requested_model=self.model)
        if path is not None:
            atomic_write_json(path, result)
        return {**result, "cached": False}

    def chat_many(self, requests: Sequence[dict]) -> list:
        """Run `chat(**r)` for every r, at most `concurrency` at a time. Returns, in order, each result or the
        ClientError it raised (other exceptions propagate). Once one request gives ServerUnavailable, requests not
        yet started are not sent (answers already in the cache are still read) and carry that error too."""
        down: list[ServerUnavailable] = []

        def one(r):
            if down and not self.is_cached(**r):
                return down[0]
            try:
                return self.chat(**r)
            except ServerUnavailable as e:
                down.append(e)
                return e
            except ClientError as e:
                return e
        with ThreadPoolExecutor(max_workers=max(1, min(self.concurrency, len(requests)))) as pool:
            return list(pool.map(one, requests))

    def chat_all(self, requests: Sequence[dict], who: str = "") -> list:
        """chat_many, but a server that stays unavailable stops the caller: raises that ServerUnavailable (its
        message after `who: `, when given). Every answer received so far is in the cache."""
        results = self.chat_many(requests)
        down = next((r for r in results if isinstance(r, ServerUnavailable)), None)
        if down is not None:
            raise ServerUnavailable(f"{who}: {down}" if who else str(down), down.url, down.status)
        return results

    def is_cached(self, messages: Sequence[dict], *, temperature: float = 0.0, seed: int | None = None,
                  max_tokens: int | None = None, sample: int = 0, **extra) -> bool:
        path = self._cache_path(request_key(self.model, messages, sample, temperature=temperature, seed=seed,
                                            max_tokens=max_tokens, **extra))
        return path is not None and path.is_file()

    def _cache_path(self, key: str) -> Path | None:
        return None if self.cache_dir is None else self.cache_dir / key[:2] / f"{key}.json"

    def _post(self, body: dict) -> dict:
        data = json.dumps(body).encode("utf-8")
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        for attempt in range(self.max_retries + 1):
            retry_after = None
            try:
                with self._lock:
                    self.stats["sent"] += 1
                req = urllib.request.Request(self.url, data=data, headers=headers, method="POST")
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                    status, raw = resp.status, resp.read(MAX_REPLY_BYTES + 1)
                if len(raw) > MAX_REPLY_BYTES:   # never cached: a runaway server must not fill the disk
                    raise BadResponse(f"{self.url}: HTTP {status} with a body over {MAX_REPLY_BYTES >> 20} MiB; "
                                      f"refused", self.url, status)
                try:
                    return json.loads(raw)
                except (json.JSONDecodeError, UnicodeDecodeError):
                    raise BadResponse(f"{self.url}: HTTP {status} but the body is not JSON: {_snippet(raw)}",
                                      self.url, status) from None
            except urllib.error.HTTPError as e:
                msg = f"{self.url}: HTTP {e.code} {e.reason}: {_error_message(e)}"
                if e.code != 429 and e.code < 500:
                    raise RequestRefused(msg, self.url, e.code) from None
                last = ServerUnavailable(msg, self.url, e.code)
                retry_after = _retry_after(e.headers.get("Retry-After") if e.headers else None)
            except (OSError, http.client.HTTPException) as e:   # URLError, timeouts, connection errors
                reason = getattr(e, "reason", e)
                last = ServerUnavailable(f"{self.url}: no answer ({type(reason).__name__}: {reason})", self.url)
            if attempt == self.max_retries:
                break
            with self._lock:
                self.stats["retries"] += 1
                delay = min(self.max_backoff, self.backoff * 2 ** attempt) * (0.5 + 0.5 * self._rng.random())
            self._sleep(max(delay, min(retry_after or 0.0, self.max_backoff)))
        raise ServerUnavailable(f"{last} (gave up after {self.max_retries + 1} attempts; "
                                "rerun to resume from the cache)", self.url, last.status)

    def _parse(self, resp) -> dict:
        try:
            choice = resp["choices"][0]
            msg = choice["message"]
            content = msg.get("content")
            if content is not None and not isinstance(content, str):
                raise TypeError("content is not a string")
        except (KeyError, IndexError, TypeError, AttributeError) as e:
            raise BadResponse(f"{self.url}: HTTP 200 but not a chat completion ({type(e).__name__}: {e}): "
                              f"{_snippet(json.dumps(resp))}", self.url, 200) from None
        reasoning = msg.get("reasoning_content", msg.get("reasoning"))  # vLLM / DeepSeek / minisafe.serve
        return {"content": content or "", "reasoning": reasoning if isinstance(reasoning, str) else None,
                "finish_reason": choice.get("finish_reason"), "model": resp.get("model") or self.model}


def _error_message(e: urllib.error.HTTPError) -> str:
    """The OpenAI error shape {"error": {"message": ...}} when the body has it, else the start of the body."""
    try:
        raw = e.read(1 << 16)
    except Exception:  # a body that cannot be read must not hide the status
        raw = b""
    try:
        err = json.loads(raw)["error"]
        return str(err["message"] if isinstance(err, dict) else err)
    except Exception:
        return _snippet(raw) or "(empty body)"


def _snippet(raw, n: int = 200) -> str:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    return text[:n] + ("..." if len(text) > n else "")


def _retry_after(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None  # an HTTP date: fall back to our own backoff


def add_server_args(p) -> None:
    """--teacher-url, --teacher-model, --judge-url, --judge-model (generate_data.py, recipe_own_spec.py)."""
    g = p.add_argument_group("models (OpenAI-compatible base URLs, e.g. http://127.0.0.1:8000/v1)")
    for who in ("teacher", "judge"):
        g.add_argument(f"--{who}-url", required=True)
        g.add_argument(f"--{who}-model", required=True)
