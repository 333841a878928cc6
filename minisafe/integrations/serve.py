"""An OpenAI-compatible chat-completions server over a minisafe checkpoint (the command line is serve.py).

    GET  /v1/models             the one model served (its name: --name, default the directory's name)
    POST /v1/chat/completions   one completion per request (n = 1, no streaming)
    GET  /health                {"status": "ok"}

A request is rendered in the checkpoint's chat format (tokenizer.py): the system and developer messages, joined,
become the system turn, the one user message the prompt; the model continues after the assistant header, reasoning
first. The reply's `content` is the answer and `reasoning_content` the reasoning (as in vLLM and DeepSeek), so a
harness that ignores the reasoning scores the final answer only, as the reward heads do (Yuan et al. 2025, §3).

Fields: model, messages, max_tokens (or max_completion_tokens; clamped to the context left), temperature (0 = greedy;
default 1, as in the API), top_p, seed (same seed and request: same answer), stop, n = 1, stream = false. A bad
request gets the API's error shape {"error": {"message", "type", "param", "code"}} and a 4xx status, an error inside
generation a 500; the server keeps running. One lock serialises generation, so a seeded answer does not depend on
what else is in flight. No authentication: it listens on 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import json
import sys
import threading
import time
import traceback
import uuid
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import torch

from minisafe.generation import generate_completions, load_sampler

MAX_BODY_BYTES = 4 * 1024 * 1024


class ApiError(Exception):
    """An error to send as {"error": {...}} with an HTTP status."""

    def __init__(self, status: int, message: str, param: str | None = None, code: str | None = None,
                 type_: str = "invalid_request_error"):
        super().__init__(message)
        self.status, self.message, self.param, self.code, self.type = status, message, param, code, type_

    def body(self) -> dict:
        return {"error": {"message": self.message, "type": self.type, "param": self.param, "code": self.code}}


# ----------------------------------------------------------------------------------------------------------------
# the model behind the API


class Engine:
    """A model, its tokenizer and a lock: `complete` renders a chat and samples one answer."""

    def __init__(self, model, tok, name: str, max_new_tokens: int = 256, device="cpu"):
        self.model, self.tok, self.name = model.eval(), tok, name
        self.max_new_tokens, self.device = max_new_tokens, device
        self.context = model.config.max_seq_len
        self.lock = threading.Lock()
        self.created = int(time.time())

    @classmethod
    def from_dir(cls, model_dir, name: str | None = None, max_new_tokens: int = 256, device="cpu") -> "Engine":
        """Load as the report card does (generation.load_sampler: no NaN weights, the tokenizer it was trained
        with, in its own chat format)."""
        model_dir = Path(model_dir)
        model, tok = load_sampler(model_dir, device)
        if tok.vocab_size > model.config.vocab_size:  # an HF checkpoint that never saw our chat tokens
            print(f"{model_dir}: tokenizer has {tok.vocab_size} ids, the model {model.config.vocab_size} rows; "
                  "resizing (the new chat tokens are untrained)", file=sys.stderr)
            model.resize_token_embeddings(tok.vocab_size)
        return cls(model, tok, name or model_dir.resolve().name, max_new_tokens, device)

    @torch.no_grad()
    def complete(self, system: str, prompt: str, max_tokens: int | None, temperature: float, top_p: float,
                 seed: int | None, stop: list[str]) -> dict:
        ids = self.tok.render_prompt(prompt, system=system or None)
        room = self.context - len(ids)
        if room < 1:
            raise ApiError(400, f"the prompt is {len(ids)} tokens; this model's context is {self.context}",
                           "messages", "context_length_exceeded")
        n_new = min(max_tokens or self.max_new_tokens, room)
        gen = torch.Generator(device=self.device)
        if seed is None:
            gen.seed()             # a fresh, nondeterministic seed
        else:
            gen.manual_seed(seed)  # same seed, same request: same answer
        with self.lock:
            g = generate_completions(self.model, self.tok, [ids], n_new, temperature, top_p=top_p, generator=gen,
                                     device=self.device)
        (c,), new = g.completions, g.ids[0, len(ids):].tolist()
        end = self.tok.end_id
        n_out = new.index(end) + 1 if end in new else len(new)  # after the end token come pads only
        answer, finish = c.answer or "", "stop" if c.ended else "length"
        cut = min((answer.find(s) for s in stop if s in answer), default=-1)
        if cut >= 0:
            answer, finish = answer[:cut], "stop"
        return {"content": answer, "reasoning": c.reasoning, "finish_reason": finish,
                "prompt_tokens": len(ids), "completion_tokens": n_out}


# ----------------------------------------------------------------------------------------------------------------
# request validation: a pure function of the JSON body


def _text(content, where: str) -> str:
    """Message content: a string, or a list of {"type": "text", "text": ...} parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = []
        for k, p in enumerate(content):
            if not (isinstance(p, dict) and p.get("type") == "text" and isinstance(p.get("text"), str)):
                raise ApiError(400, f"{where}.content[{k}]: only text parts are supported", where)
            parts.append(p["text"])
        return "".join(parts)
    raise ApiError(400, f"{where}.content: expected a string or a list of text parts, got {type(content).__name__}",
                   where)


def _number(v, name: str, default, lo: float, hi: float, integer: bool = False):
    """Request field `name` with value v (None: the default), checked to be a number (an integer) in [lo, hi]."""
    if v is None:
        return default
    ok = isinstance(v, int) if integer else isinstance(v, (int, float))
    if isinstance(v, bool) or not ok or not lo <= v <= hi:
        kind = "an integer" if integer else "a number"
        raise ApiError(400, f"'{name}' must be {kind} in [{lo}, {hi}], got {v!r}", name)
    return v


def parse_request(body, served: str) -> dict:
    """Check a chat-completions body; returns complete()'s arguments or raises ApiError (4xx)."""
    if not isinstance(body, dict):
        raise ApiError(400, f"the request body must be a JSON object, got {type(body).__name__}")
    model = body.get("model")
    if model is not None and model != served:
        raise ApiError(404, f"model '{model}' is not served here; this server serves '{served}'", "model",
                       "model_not_found")
    msgs = body.get("messages")
    if not isinstance(msgs, list) or not msgs:
        raise ApiError(400, "'messages' must be a non-empty list", "messages")
    system, users = [], []
    for k, m in enumerate(msgs):
        where = f"messages[{k}]"
        if not isinstance(m, dict) or "role" not in m:
            raise ApiError(400, f"{where}: expected an object with 'role' and 'content'", "messages")
        if m["role"] in ("system", "developer"):
            if users:
                raise ApiError(400, f"{where}: a system message after the user message is not supported", "messages")
            system.append(_text(m.get("content"), where))
        elif m["role"] == "user":
            users.append(_text(m.get("content"), where))
        else:
            raise ApiError(400, f"{where}: role {m['role']!r} is not supported; the chat format has one user turn "
                           "(optional system messages, then one user message)", "messages")
    if len(users) != 1:
        raise ApiError(400, f"expected exactly one user message, got {len(users)}", "messages")
    if body.get("stream"):
        raise ApiError(400, "streaming is not supported; send stream=false", "stream")
    if body.get("n", 1) not in (1, None):
        raise ApiError(400, f"only n=1 is supported, got n={body['n']!r}", "n")
    max_tokens = _number(body.get("max_completion_tokens", body.get("max_tokens")), "max_tokens", None, 1, 1 << 20,
                         integer=True)
    stop = body.get("stop") or []
    if isinstance(stop, str):
        stop = [stop]
    if not (isinstance(stop, list) and len(stop) <= 4 and all(isinstance(s, str) and s for s in stop)):
        raise ApiError(400, "'stop' must be a string or a list of at most 4 non-empty strings", "stop")
    return {"system": "\n\n".join(system), "prompt": users[0], "max_tokens": max_tokens,
            "temperature": float(_number(body.get("temperature"), "temperature", 1.0, 0.0, 2.0)),
            "top_p": float(_number(body.get("top_p"), "top_p", 1.0, 1e-6, 1.0)),
            "seed": _number(body.get("seed"), "seed", None, -(1 << 63), (1 << 63) - 1, integer=True), "stop": stop}


# ----------------------------------------------------------------------------------------------------------------
# HTTP


class Handler(BaseHTTPRequestHandler):
    server_version = "minisafe-serve/0.1"
    timeout = 60  # seconds a slow client may hold a connection

    def log_message(self, fmt, *args):
        if not self.server.quiet:
            super().log_message(fmt, *args)

    def _send(self, status: int, obj: dict) -> None:
        data = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def send_error(self, code, message=None, explain=None):
        """The base class's errors (malformed request line, bad headers) in the API's error shape."""
        self.close_connection = True
        self._send(code, ApiError(code, message or HTTPStatus(code).phrase).body())

    def _guarded(self, fn) -> None:
        try:
            status, obj = fn()
        except ApiError as e:
            status, obj = e.status, e.body()
        except Exception as e:  # never let one request take the server down
            traceback.print_exc(file=sys.stderr)
            status, obj = 500, ApiError(500, f"internal error: {type(e).__name__}: {e}", type_="server_error").body()
        try:
            self._send(status, obj)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client left

    def do_GET(self):
        self._guarded(self._get)

    def do_POST(self):
        self._guarded(self._post)

    def do_PUT(self):
        self._guarded(self._refuse)

    do_DELETE = do_PATCH = do_PUT

    def _refuse(self):
        raise ApiError(405, f"method {self.command} not allowed")

    def _get(self):
        path = self.path.split("?")[0].rstrip("/")
        e = self.server.engine
        card = {"id": e.name, "object": "model", "created": e.created, "owned_by": "minisafe",
                "context_length": e.context}
        if path == "/v1/models":
            return 200, {"object": "list", "data": [card]}
        if path == f"/v1/models/{e.name}":
            return 200, card
        if path == "/health":
            return 200, {"status": "ok"}
        raise ApiError(404, f"no route GET {path}", code="not_found")

    def _post(self):
        path = self.path.split("?")[0].rstrip("/")
        if path != "/v1/chat/completions":
            raise ApiError(404, f"no route POST {path}; this server has /v1/chat/completions", code="not_found")
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            raise ApiError(411, "a Content-Length header is required")
        if int(length) > MAX_BODY_BYTES:
            self.close_connection = True
            raise ApiError(413, f"request body of {length} bytes is over the limit of {MAX_BODY_BYTES}")
        raw = self.rfile.read(int(length))
        try:
            body = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise ApiError(400, f"the request body is not valid JSON ({e})") from None
        engine = self.server.engine
        r = engine.complete(**parse_request(body, engine.name))
        return 200, {
            "id": f"chatcmpl-{uuid.uuid4().hex}", "object": "chat.completion", "created": int(time.time()),
            "model": engine.name,
            "choices": [{"index": 0, "finish_reason": r["finish_reason"],
                         "message": {"role": "assistant", "content": r["content"],
                                     "reasoning_content": r["reasoning"]}}],
            "usage": {"prompt_tokens": r["prompt_tokens"], "completion_tokens": r["completion_tokens"],
                      "total_tokens": r["prompt_tokens"] + r["completion_tokens"]}}


class Server(ThreadingHTTPServer):
    daemon_threads = True  # a hung client thread never blocks shutdown

    def __init__(self, engine: Engine, host: str = "127.0.0.1", port: int = 8000, quiet: bool = False):
        self.engine, self.quiet = engine, quiet
        super().__init__((host, port), Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/v1"
