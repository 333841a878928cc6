"""An OpenAI-compatible chat-completions server over a minisafe checkpoint (the command line is serve.py).

    GET  /v1/models             the one model served (its name: --name, default the directory's name)
    POST /v1/chat/completions   n completions of a conversation, whole or streamed (server-sent events)
    GET  /health                {"status": "ok"} and the sampler's counts (queued rows, batches, largest batch)

A request is rendered in the checkpoint's chat format: the system and developer messages, joined, become the system
turn, then the user and assistant turns (an earlier answer without its reasoning); the model continues after the
assistant header, reasoning first. The reply's `content` is the answer and `reasoning_content` the reasoning (as in
vLLM and DeepSeek), so a harness that ignores the reasoning scores the final answer only, as the reward heads do
(Yuan et al. 2025, §3).

Fields: FIELDS (max_tokens clamped to the context left; temperature 0 = greedy, default 1; same seed and request:
same answer; stop checked on the answer while it is sampled; n at most MAX_N; user ignored). Any other field
(logprobs, tools, response_format, ...) is a 400 naming it, unless its value is what leaving it out means (null,
false, 0, [], {}). A streamed reply is `chat.completion.chunk` events, the reasoning in `delta.reasoning_content`,
then `data: [DONE]`.

Concurrency: requests that arrive while a batch runs are sampled together in the next one (batcher.py). A bounded
pool of worker threads reads requests, each within `read_timeout` seconds whatever the client's pace (408 after it);
connections beyond the workers wait in a bounded queue (503 beyond it); rows beyond the sampler's queue get 429.

A web page cannot get in: only `Content-Type: application/json` is read (a cross-origin page cannot send it without
a CORS preflight, which is refused), the Host header must name this server (a DNS-rebinding page's requests carry its
own name), and with an API key (--api-key or $MINISAFE_API_KEY) every /v1 request needs `Authorization: Bearer <key>`;
a key is required to listen beyond loopback. Every bad request gets the API's error shape {"error": {"message",
"type", "param", "code"}} and a 4xx status (a failure inside generation a 500).
"""

from __future__ import annotations

import hmac
import io
import ipaddress
import json
import queue
import socket
import sys
import threading
import time
import traceback
import uuid
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import torch

from minisafe.generation import load_sampler
from minisafe.integrations.batcher import Batcher, Job, QueueFull

MAX_BODY_BYTES = 4 * 1024 * 1024
MAX_N = 8           # choices per request
MAX_DEPTH = 16      # JSON nesting: a request needs 4 (body, messages, message, content part)
FIELDS = {"model", "messages", "max_tokens", "max_completion_tokens", "temperature", "top_p", "seed", "stop", "n",
          "stream", "stream_options", "user"}
MESSAGE_FIELDS = {"role", "content", "name", "reasoning_content"}   # name and an earlier turn's reasoning: ignored
KEY_ENV = "MINISAFE_API_KEY"


class ApiError(Exception):
    """An error to send as {"error": {...}} with an HTTP status."""

    def __init__(self, status: int, message: str, param: str | None = None, code: str | None = None,
                 type_: str = "invalid_request_error"):
        super().__init__(message)
        self.status = status
        self.body = {"error": {"message": message, "type": type_, "param": param, "code": code}}


# ----------------------------------------------------------------------------------------------------------------
# the model behind the API


class Engine:
    """A model and its tokenizer: `job` renders a checked request into a batcher Job."""

    def __init__(self, model, tok, name: str, max_new_tokens: int = 256):
        self.model, self.tok, self.name = model.eval(), tok, name
        self.max_new_tokens, self.device = max_new_tokens, next(model.parameters()).device
        self.context = model.config.max_seq_len
        self.created = int(time.time())

    @classmethod
    def from_dir(cls, model_dir, name: str | None = None, max_new_tokens: int = 256, device="cpu") -> "Engine":
        """Load as the report card does (generation.load_sampler), in the checkpoint's own chat format."""
        model_dir = Path(model_dir)
        model, tok = load_sampler(model_dir, device)
        if tok.vocab_size > model.config.vocab_size:  # an HF checkpoint that never saw our chat tokens
            print(f"{model_dir}: tokenizer has {tok.vocab_size} ids, the model {model.config.vocab_size} rows; "
                  "resizing (the new chat tokens are untrained)", file=sys.stderr)
            model.resize_token_embeddings(tok.vocab_size)
        return cls(model, tok, name or model_dir.resolve().name, max_new_tokens)

    def job(self, req: dict) -> Job:
        """parse_request's result -> a Job: the rendered conversation, its token budget and its generator."""
        ids = self.tok.render_prompt(req["prompt"], system=req["system"], history=req["history"])
        room = self.context - len(ids)
        if room < 1:
            raise ApiError(400, f"the prompt is {len(ids)} tokens; this model's context is {self.context}",
                           "messages", "context_length_exceeded")
        gen = torch.Generator(device=self.device)
        if req["seed"] is None:
            gen.seed()                   # a fresh, nondeterministic seed
        else:
            gen.manual_seed(req["seed"])   # same seed, same request: same answer
        return Job(ids, req["n"], min(req["max_tokens"] or self.max_new_tokens, room), req["temperature"],
                   req["top_p"], gen, req["stop"], req["stream"])


# ----------------------------------------------------------------------------------------------------------------
# request validation: pure functions of the JSON body


def check_json(obj, where: str = "", depth: int = 0) -> None:
    """Refuse what JSON allows and no request needs: nesting deeper than MAX_DEPTH, and lone surrogates ("\\ud800"
    escapes), which are not Unicode text (no reply could even echo them)."""
    param = where.split(".")[0].split("[")[0] or None
    if depth > MAX_DEPTH:
        raise ApiError(400, f"the request is nested deeper than {MAX_DEPTH} levels at {where or 'the top'}", param)
    if isinstance(obj, str):
        try:
            obj.encode("utf-8")
        except UnicodeEncodeError:
            raise ApiError(400, f"{where or 'a key'}: invalid Unicode (a lone surrogate)", param) from None
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            check_json(v, f"{where}[{i}]", depth + 1)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            check_json(k, where, depth + 1)
            check_json(v, f"{where}.{k}" if where else k, depth + 1)


def _unimplemented(obj: dict, known: set, where: str) -> None:
    """A field outside `known` is refused, unless its value is what leaving it out means."""
    for k, v in obj.items():
        if k not in known and v not in (None, False, 0, [], {}):
            raise ApiError(400, f"{where}'{k}' is not supported by this server", k, "unsupported_parameter")


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


def _conversation(msgs) -> tuple[str | None, list[tuple[str, str]], str]:
    """messages -> (system, earlier (user, answer) exchanges, last user message). System and developer messages
    come first; then user and assistant turns alternate, starting and ending with the user."""
    if not isinstance(msgs, list) or not msgs:
        raise ApiError(400, "'messages' must be a non-empty list", "messages")
    system, turns = [], []
    for k, m in enumerate(msgs):
        where = f"messages[{k}]"
        if not isinstance(m, dict) or not isinstance(m.get("role"), str):
            raise ApiError(400, f"{where}: expected an object with 'role' and 'content'", "messages")
        _unimplemented(m, MESSAGE_FIELDS, f"{where}: ")
        role = m["role"]
        if role in ("system", "developer"):
            if turns:
                raise ApiError(400, f"{where}: a {role} message after the first user message is not supported",
                               "messages")
            system.append(_text(m.get("content"), where))
        elif role in ("user", "assistant"):
            expected = "assistant" if turns and turns[-1][0] == "user" else "user"
            if role != expected:
                raise ApiError(400, f"{where}: expected a {expected} message (user and assistant turns alternate, "
                               "starting with the user)", "messages")
            turns.append((role, _text(m.get("content"), where)))
        else:
            raise ApiError(400, f"{where}: role {role!r} is not supported (system, developer, user, assistant)",
                           "messages")
    if not turns or turns[-1][0] != "user":
        raise ApiError(400, "the last message must be a user message", "messages")
    history = [(turns[i][1], turns[i + 1][1]) for i in range(0, len(turns) - 1, 2)]
    return ("\n\n".join(system) if system else None), history, turns[-1][1]


def parse_request(body, served: str, max_n: int = MAX_N) -> dict:
    """Check a chat-completions body (already through check_json); returns Engine.job's request or raises
    ApiError (4xx)."""
    if not isinstance(body, dict):
        raise ApiError(400, f"the request body must be a JSON object, got {type(body).__name__}")
    _unimplemented(body, FIELDS, "")
    model = body.get("model")
    if model is not None and model != served:
        raise ApiError(404, f"model {model!r} is not served here; this server serves {served!r}", "model",
                       "model_not_found")
    system, history, prompt = _conversation(body.get("messages"))
    stream = body.get("stream")
    if stream not in (None, True, False):
        raise ApiError(400, f"'stream' must be true or false, got {stream!r}", "stream")
    options = body.get("stream_options") or {}
    if options and not (stream and isinstance(options, dict) and set(options) <= {"include_usage"}):
        raise ApiError(400, "'stream_options' is {\"include_usage\": bool}, with stream=true", "stream_options")
    max_tokens = _number(body.get("max_completion_tokens", body.get("max_tokens")), "max_tokens", None, 1, 1 << 20,
                         integer=True)
    stop = body.get("stop") or []
    if isinstance(stop, str):
        stop = [stop]
    if not (isinstance(stop, list) and len(stop) <= 4 and all(isinstance(s, str) and s for s in stop)):
        raise ApiError(400, "'stop' must be a string or a list of at most 4 non-empty strings", "stop")
    return {"system": system, "history": history, "prompt": prompt, "max_tokens": max_tokens,
            "temperature": float(_number(body.get("temperature"), "temperature", 1.0, 0.0, 2.0)),
            "top_p": float(_number(body.get("top_p"), "top_p", 1.0, 1e-6, 1.0)),
            "seed": _number(body.get("seed"), "seed", None, -(1 << 63), (1 << 63) - 1, integer=True), "stop": stop,
            "n": _number(body.get("n"), "n", 1, 1, max_n, integer=True), "stream": bool(stream),
            "include_usage": bool(options.get("include_usage"))}


# ----------------------------------------------------------------------------------------------------------------
# HTTP


class RequestTimeout(Exception):
    """The request was not read within the server's read_timeout (not a TimeoutError: the base class would drop the
    connection without a word)."""


class _Deadline(io.RawIOBase):
    """A socket's reading side with one deadline for the whole request, headers and body: a client sending a byte a
    minute, or a body shorter than its Content-Length, gets a 408 after `seconds`, whatever its pace."""

    def __init__(self, sock: socket.socket, seconds: float):
        self.sock, self.until = sock, time.monotonic() + seconds

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        left = self.until - time.monotonic()
        if left <= 0:
            raise RequestTimeout
        self.sock.settimeout(left)
        try:
            return self.sock.recv_into(buf)
        except TimeoutError:
            raise RequestTimeout from None


def _encode(obj: dict) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8", "replace")


class Handler(BaseHTTPRequestHandler):
    server_version = "minisafe-serve/0.2"
    protocol_version = "HTTP/1.0"   # one request per connection: no idle keep-alive connection holds a worker

    def setup(self):
        super().setup()
        self.rfile.close()            # replaced by a reader with a deadline
        self.rfile = io.BufferedReader(_Deadline(self.connection, self.server.read_timeout))
        self.requestline, self.request_version, self.command = "", "HTTP/1.0", None   # for an error before them

    def handle(self):
        try:
            super().handle()
        except RequestTimeout:
            self._reply(408, ApiError(408, f"the request was not received within {self.server.read_timeout} s",
                                      code="timeout").body)

    def log_message(self, fmt, *args):
        if not self.server.quiet:
            super().log_message(fmt, *args)

    def _reply(self, status: int, obj: dict) -> None:
        data = _encode(obj)
        self.request_version = "HTTP/1.0"   # even to an "HTTP/0.9" request line: a status line and headers
        self.connection.settimeout(self.server.write_timeout)
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            if status in (429, 503):
                self.send_header("Retry-After", "1")
            self.end_headers()
            self.wfile.write(data)
        except OSError:
            pass   # the client left, or stopped reading

    def send_error(self, code, message=None, explain=None):
        """The base class's errors (malformed request line, bad headers, unknown method) in the API's error shape,
        and 4xx: an unknown method is 405, an unknown HTTP version 400."""
        if code == 501:
            code, message = 405, f"method {self.command!r} not allowed"
        elif code >= 500:
            code = 400
        self.close_connection = True
        self._reply(code, ApiError(code, message or HTTPStatus(code).phrase).body)

    def _guarded(self, fn) -> None:
        try:
            out = fn()   # (status, body), or None once streamed
        except ApiError as e:
            out = e.status, e.body
        except RequestTimeout:
            out = 408, ApiError(408, f"the request body was not received within {self.server.read_timeout} s",
                                code="timeout").body
        except Exception as e:  # never let one request take the server down
            traceback.print_exc(file=sys.stderr)
            out = 500, ApiError(500, f"internal error: {type(e).__name__}: {e}", type_="server_error").body
        if out is not None:
            self._reply(*out)

    def do_GET(self):
        self._guarded(self._get)

    def do_POST(self):
        self._guarded(self._post)

    def do_PUT(self):
        self._guarded(self._refuse)

    do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = do_PUT

    def _refuse(self):
        raise ApiError(405, f"method {self.command} not allowed")

    def _admit(self) -> str:
        """The checks every request passes first, the Host (DNS rebinding) then the API key; returns the path."""
        srv, host = self.server, self.headers.get("Host")
        if srv.allowed_hosts is not None and (host or "").lower() not in srv.allowed_hosts:
            raise ApiError(403, f"Host {host!r} is not this server's address (expected one of "
                           f"{sorted(srv.allowed_hosts)}); refused, as a DNS-rebinding page would be", code="bad_host")
        path = self.path.split("?")[0].rstrip("/")
        if srv.api_key and path.startswith("/v1"):
            auth = self.headers.get("Authorization", "")
            given = auth[7:].strip() if auth[:7].lower() == "bearer " else ""
            if not hmac.compare_digest(given.encode("latin-1", "replace"), srv.api_key.encode("utf-8")):
                raise ApiError(401, "a valid API key is required (Authorization: Bearer <key>)", code="invalid_api_key")
        return path

    def _get(self):
        path = self._admit()
        e = self.server.engine
        card = {"id": e.name, "object": "model", "created": e.created, "owned_by": "minisafe",
                "context_length": e.context}
        if path == "/v1/models":
            return 200, {"object": "list", "data": [card]}
        if path == f"/v1/models/{e.name}":
            return 200, card
        if path == "/health":
            b = self.server.batcher
            return 200, {"status": "ok", "queued_rows": b.waiting_rows, "batches": b.batches,
                         "largest_batch": b.largest}
        raise ApiError(404, f"no route GET {path}", code="not_found")

    def _body(self) -> bytes:
        """The request body, read whole (before any other check, so an early refusal never leaves it unread)."""
        if self.headers.get("Transfer-Encoding"):
            raise ApiError(411, "chunked request bodies are not supported; send a Content-Length")
        lengths = self.headers.get_all("Content-Length") or []
        if not lengths:
            raise ApiError(411, "a Content-Length header is required")
        if len(lengths) > 1 or not (lengths[0].isascii() and lengths[0].strip().isdigit()):
            raise ApiError(400, f"bad Content-Length {', '.join(lengths)!r}")
        n = int(lengths[0])
        if n > MAX_BODY_BYTES:
            self.close_connection = True
            raise ApiError(413, f"request body of {n} bytes is over the limit of {MAX_BODY_BYTES}")
        raw = self.rfile.read(n)
        if len(raw) < n:
            raise ApiError(400, f"the request body ended after {len(raw)} of its {n} bytes (Content-Length)")
        return raw

    def _post(self):
        raw = self._body()
        path = self._admit()
        if path != "/v1/chat/completions":
            raise ApiError(404, f"no route POST {path}; this server has /v1/chat/completions", code="not_found")
        ctype = self.headers.get("Content-Type", "")
        if ctype.split(";")[0].strip().lower() != "application/json":
            raise ApiError(415, f"Content-Type must be application/json, got {ctype!r}", code="unsupported_media_type")
        try:
            body = json.loads(raw)
        except RecursionError:
            raise ApiError(400, "the request body is nested too deeply") from None
        except ValueError as e:   # JSONDecodeError, UnicodeDecodeError, an integer of too many digits
            raise ApiError(400, f"the request body is not valid JSON ({e})") from None
        check_json(body)
        srv, engine = self.server, self.server.engine
        req = parse_request(body, engine.name, min(MAX_N, srv.batcher.max_batch))
        job = engine.job(req)
        try:
            srv.batcher.submit(job)
        except QueueFull as e:
            raise ApiError(429, f"the server is busy: {e}", code="rate_limit_exceeded") from None
        head = {"id": f"chatcmpl-{uuid.uuid4().hex}", "created": int(time.time()), "model": engine.name}
        if req["stream"]:
            return self._stream(job, head, req["include_usage"])
        event = job.events.get()   # ("end",) or ("error", message): a whole reply has no deltas
        if event[0] == "error":
            raise ApiError(500, f"generation failed: {event[1]}", type_="server_error")
        return 200, {**head, "object": "chat.completion",
                     "choices": [{"index": k, "finish_reason": r.finish,
                                  "message": {"role": "assistant", "content": r.answer,
                                              "reasoning_content": r.reasoning}} for k, r in enumerate(job.rows)],
                     "usage": _usage(job)}

    def _stream(self, job: Job, head: dict, include_usage: bool) -> None:
        """Server-sent events as the batcher samples: a role chunk per choice, the deltas, each choice's finish
        chunk, [the usage chunk], data: [DONE]. A client that leaves (or stops reading) cancels the job."""
        head = {**head, "object": "chat.completion.chunk"}

        def send(obj: dict) -> None:
            self.wfile.write(b"data: " + _encode(obj) + b"\n\n")

        def chunk(k: int, delta: dict, finish: str | None = None) -> None:
            send({**head, "choices": [{"index": k, "delta": delta, "finish_reason": finish}]})

        self.connection.settimeout(self.server.write_timeout)
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            for k in range(job.n):
                chunk(k, {"role": "assistant", "content": ""})
            while (event := job.events.get())[0] == "chunk":
                chunk(*event[1:])
            if event[0] == "error":
                send(ApiError(500, f"generation failed: {event[1]}", type_="server_error").body)
            elif include_usage:
                send({**head, "choices": [], "usage": _usage(job)})
            self.wfile.write(b"data: [DONE]\n\n")
        except OSError:
            job.cancelled = True


def _usage(job: Job) -> dict:
    """Tokens: the prompt once, and every token each choice sampled."""
    done = sum(len(r.ids) for r in job.rows)
    return {"prompt_tokens": len(job.prompt), "completion_tokens": done, "total_tokens": len(job.prompt) + done}


def is_loopback(host: str) -> bool:
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, port: int) -> set[str] | None:
    """The Host headers this server answers: its loopback names and its bound address, with its port; None (any)
    when it binds every address (0.0.0.0, ::), which needs an API key."""
    if host in ("", "0.0.0.0", "::"):
        return None
    names = {"localhost", "127.0.0.1", "[::1]", f"[{host}]" if ":" in host else host}
    return {f"{n}:{port}".lower() for n in names} | ({n.lower() for n in names} if port == 80 else set())


class Server(HTTPServer):
    """The accepting thread queues connections for `workers` threads (503 when `backlog` wait already); one Batcher
    samples. `server_close` stops them all."""
    request_queue_size = 128   # the listen backlog: connections the kernel holds until they are accepted

    def __init__(self, engine: Engine, host: str = "127.0.0.1", port: int = 8000, quiet: bool = False,
                 api_key: str | None = None, workers: int = 64, backlog: int = 128, max_batch: int = 64,
                 max_queue: int = 256, read_timeout: float = 10.0, write_timeout: float = 60.0):
        if not api_key and not is_loopback(host):
            raise ValueError(f"listening on {host} serves other machines: set an API key (--api-key or ${KEY_ENV})")
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, port), Handler)
        self.engine, self.quiet, self.api_key, self.backlog = engine, quiet, api_key, backlog
        self.read_timeout, self.write_timeout = read_timeout, write_timeout
        self.allowed_hosts = allowed_hosts(host, self.server_address[1])
        self.batcher = Batcher(engine.model, engine.tok, max_batch, max_queue)
        self.connections: queue.Queue = queue.Queue()   # bounded by process_request
        self.workers = [threading.Thread(target=self._work, name=f"http-{i}", daemon=True) for i in range(workers)]
        for t in self.workers:
            t.start()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{f'[{host}]' if ':' in host else host}:{port}/v1"

    def process_request(self, request, client_address):
        """Called in the accepting thread: queue the connection for a worker, or refuse it at once when full."""
        if self.connections.qsize() < self.backlog:
            self.connections.put((request, client_address))
            return
        body = _encode(ApiError(503, f"the server is busy ({self.backlog} connections wait); retry later",
                                type_="server_error", code="overloaded").body)
        try:
            request.setblocking(False)
            request.send(b"HTTP/1.0 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 1\r\n"
                         b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
            while request.recv(65536):   # what the client sent already: unread, it would turn the close into a reset
                pass
        except OSError:
            pass
        self.shutdown_request(request)

    def _work(self) -> None:
        while (item := self.connections.get()) is not None:
            request, address = item
            try:
                self.finish_request(request, address)
            except Exception:
                self.handle_error(request, address)
            finally:
                self.shutdown_request(request)

    def handle_error(self, request, client_address):
        if not self.quiet:
            super().handle_error(request, client_address)

    def server_close(self):
        super().server_close()
        self.batcher.close()
        while True:               # connections not yet handled: closed
            try:
                item = self.connections.get_nowait()
            except queue.Empty:
                break
            if item is not None:
                self.shutdown_request(item[0])
        for _ in self.workers:
            self.connections.put(None)
