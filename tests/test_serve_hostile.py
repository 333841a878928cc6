"""`serve.py` against hostile and broken clients: each malformed request gets a 4xx JSON error object (never a 500,
never a closed connection without an answer), slow and short bodies are cut off by the read deadline, idle sockets
cannot multiply threads, a web page cannot get in (Content-Type, Host, API key), and after every case the server
still answers a normal request."""

import http.client
import json
import socket
import threading
import time

import pytest
from servers import tiny_checkpoint

from minisafe.integrations.serve import Engine, Server

CORPUS = ["How do I store bleach safely? Keep it closed, cool and away from children."] * 20
READ_TIMEOUT = 0.5
KEY = "sk-test-key"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return Engine.from_dir(tiny_checkpoint(tmp_path_factory.mktemp("tiny"), CORPUS, vocab_size=300), name="tiny",
                           max_new_tokens=4)


def start(engine, **kw) -> Server:
    server = Server(engine, kw.pop("host", "127.0.0.1"), 0, quiet=True, read_timeout=READ_TIMEOUT, **kw)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def server(engine):
    s = start(engine, workers=4, backlog=4)
    yield s
    s.shutdown()
    s.server_close()


@pytest.fixture(scope="module")
def keyed(engine):
    s = start(engine, api_key=KEY)
    yield s
    s.shutdown()
    s.server_close()


GOOD = json.dumps({"messages": [{"role": "user", "content": "still there?"}], "max_tokens": 2}).encode()


def raw(server, data: bytes, shut: bool = False, pause: float = 0.0) -> tuple[int, dict, dict]:
    """Send `data` as is on a fresh socket (then optionally half-close it); (status, headers, JSON body) of the
    answer. An answer that is not HTTP with a JSON body fails the test."""
    with socket.create_connection(server.server_address[:2], timeout=10) as s:
        s.sendall(data)
        if shut:
            s.shutdown(socket.SHUT_WR)
        time.sleep(pause)
        reply = b""
        while chunk := s.recv(65536):
            reply += chunk
    head, _, body = reply.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    assert lines[0].startswith("HTTP/"), reply[:200]
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), headers, json.loads(body)


def post(server, body: bytes, headers: dict | None = None, host: str | None = None) -> tuple[int, dict, dict]:
    port = server.server_address[1]
    h = {"Host": host or f"127.0.0.1:{port}", "Content-Type": "application/json", "Content-Length": str(len(body)),
         **(headers or {})}
    lines = "".join(f"{k}: {v}\r\n" for k, v in h.items() if v is not None)
    return raw(server, f"POST /v1/chat/completions HTTP/1.1\r\n{lines}\r\n".encode("latin-1") + body)


def alive(server, headers=None) -> None:
    status, _, body = post(server, GOOD, headers)
    assert status == 200 and body["choices"][0]["message"]["role"] == "assistant", body


def is_error(status: int, body: dict, want: int, param: str | None = "any") -> None:
    assert status == want, body
    assert set(body) == {"error"} and set(body["error"]) == {"message", "type", "param", "code"}, body
    assert body["error"]["message"] and (param == "any" or body["error"]["param"] == param), body


MALFORMED = [   # (body bytes, status, param)
    (b'{"model": "\\ud800", "messages": [{"role": "user", "content": "hi"}]}', 400, "model"),
    (b'{"messages": [{"role": "user", "content": "a\\udfffb"}]}', 400, "messages"),
    (b'{"messages": [{"role": "user", "content": [{"type": "text", "text": "\\ud83d"}]}]}', 400, "messages"),
    (b'{"\\ud800": 1, "messages": [{"role": "user", "content": "hi"}]}', 400, None),
    (b"[" * 100_000 + b"]" * 100_000, 400, None),                                      # deeper than the parser goes
    (b'{"messages": [{"role": "user", "content": "hi"}], "user": ' + b'{"a": ' * 40 + b"1" + b"}" * 40 + b"}", 400,
     "user"),                                                                          # deeper than a request needs
    (b'{"messages": [{"role": "user", "content": "hi"}], "max_tokens": ' + b"9" * 5000 + b"}", 400, None),
    (b'\xff\xfe{"messages": []}', 400, None),                                          # not UTF-8
    (b'{"messages": [{"role": "user", "content": "hi"}], "temperature": NaN}', 400, "temperature"),
    (b'{"messages": [{"role": "user", "content": "hi"}], "logprobs": true}', 400, "logprobs"),
    (b'{"messages": [{"role": "user", "content": "hi"}], "tools": [{"type": "function"}]}', 400, "tools"),
    (b'{"messages": [{"role": "user", "content": "hi"}], "response_format": {"type": "json_object"}}', 400,
     "response_format"),
    (b'{"messages": [{"role": "user", "content": "hi", "tool_calls": [{"id": "x"}]}]}', 400, "tool_calls"),
]


@pytest.mark.parametrize("body,status,param", MALFORMED)
def test_malformed_bodies_get_a_4xx_json_error(server, body, status, param):
    is_error(*post(server, body)[::2], status, param)
    alive(server)


def test_no_op_values_of_unimplemented_parameters_are_accepted(server):
    body = json.loads(GOOD)
    body.update(logprobs=False, tools=[], presence_penalty=0, frequency_penalty=0.0, user="someone")
    status, _, reply = post(server, json.dumps(body).encode())
    assert status == 200, reply


@pytest.mark.parametrize("headers,status", [
    ({"Content-Length": None}, 411),
    ({"Content-Length": "abc"}, 400),
    ({"Content-Length": "-1"}, 400),
    ({"Content-Length": "1e3"}, 400),
    ({"Content-Length": "²"}, 400),
    ({"Transfer-Encoding": "chunked"}, 411),
    ({"Content-Length": str(10 ** 12)}, 413),
])
def test_bad_content_length_gets_a_4xx_json_error(server, headers, status):
    is_error(*post(server, GOOD, headers)[::2], status)
    alive(server)


def test_two_content_lengths_and_garbage_request_lines_get_400(server):
    port = server.server_address[1]
    is_error(*raw(server, f"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: "
                  f"application/json\r\nContent-Length: {len(GOOD)}\r\nContent-Length: 5\r\n\r\n".encode() + GOOD)[::2],
             400)
    is_error(*raw(server, b"\x00\xff nonsense\r\n\r\n")[::2], 400)
    is_error(*raw(server, b"GET /v1/models HTTP/2.0\r\n\r\n")[::2], 400)
    is_error(*raw(server, b"BREW /v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")[::2], 405)
    is_error(*raw(server, b"GET /v1/models HTTP/1.1\r\nX: " + b"a" * 70_000 + b"\r\n\r\n")[::2], 431)
    is_error(*raw(server, b"GET /v1/models HTTP/1.1\r\n" + b"X: a\r\n" * 200 + b"\r\n")[::2], 431)
    is_error(*raw(server, b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n")[::2], 414)
    alive(server)


def test_a_short_body_gets_408_after_the_deadline_or_400_at_its_end(server):
    head = post_head(server, len(GOOD) + 50)
    t0 = time.monotonic()
    is_error(*raw(server, head + GOOD)[::2], 408)                  # the client waits: the deadline answers
    assert READ_TIMEOUT * 0.9 < time.monotonic() - t0 < READ_TIMEOUT + 5
    is_error(*raw(server, head + GOOD, shut=True)[::2], 400)       # the client closed its side: answered at once
    alive(server)


def post_head(server, length: int) -> bytes:
    return (f"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:{server.server_address[1]}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {length}\r\n\r\n").encode()


def test_a_client_sending_a_byte_at_a_time_gets_408_at_the_deadline(server):
    """The deadline covers the whole request, whatever the pace: one byte every 0.1 s never resets it."""
    data = post_head(server, len(GOOD)) + GOOD
    with socket.create_connection(server.server_address[:2], timeout=10) as s:
        t0, reply = time.monotonic(), b""
        for i in range(len(data)):
            try:
                s.sendall(data[i:i + 1])
            except OSError:
                break
            time.sleep(0.1)
            if time.monotonic() - t0 > READ_TIMEOUT + 0.3:
                break
        while chunk := s.recv(65536):
            reply += chunk
    assert reply.startswith(b"HTTP/1.0 408 ") and json.loads(reply.split(b"\r\n\r\n", 1)[1])["error"]["code"] == \
        "timeout"
    assert time.monotonic() - t0 < READ_TIMEOUT + 5
    alive(server)


def test_idle_sockets_neither_multiply_threads_nor_block_the_server(server):
    """30 sockets that send nothing: the 4 workers take 4, 4 wait in the queue, the rest get 503 at once; no new
    thread; the deadline frees the workers and the server answers again."""
    threads = threading.active_count()
    socks = [socket.create_connection(server.server_address[:2], timeout=10) for _ in range(30)]
    time.sleep(0.2)
    assert threading.active_count() <= threads
    answers = []
    for s in socks:     # the refused at once, the held ones when the deadline frees their worker (4 by 4)
        answers.append(s.recv(12))
        s.close()
    assert set(answers) <= {b"HTTP/1.0 503", b"HTTP/1.0 408"}
    assert answers.count(b"HTTP/1.0 503") >= 30 - 8 - 4     # 8 held (4 workers, 4 queued), give or take
    alive(server)
    assert threading.active_count() <= threads


def test_only_json_requests_are_read(server):
    """A web page can POST text/plain (or a form) without a CORS preflight: refused, 415."""
    for ctype in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", None):
        is_error(*post(server, GOOD, {"Content-Type": ctype})[::2], 415)
    assert post(server, GOOD, {"Content-Type": "application/json; charset=utf-8"})[0] == 200
    status, headers, body = raw(server, b"OPTIONS /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
                                b"Origin: http://evil.example\r\nAccess-Control-Request-Method: POST\r\n\r\n"
                                % server.server_address[1])
    is_error(status, body, 405)                        # the preflight fails: the browser sends nothing
    assert not any(k.lower().startswith("access-control") for k in headers)
    alive(server)


def test_the_host_header_must_name_this_server(server):
    """DNS rebinding: a page whose name resolves to 127.0.0.1 still sends its own name as the Host."""
    port = server.server_address[1]
    for host in ("evil.example", f"evil.example:{port}", f"127.0.0.1:{port + 1}", f"127.0.0.1.evil.example:{port}"):
        is_error(*post(server, GOOD, host=host)[::2], 403)
    is_error(*raw(server, b"GET /v1/models HTTP/1.0\r\n\r\n")[::2], 403)     # no Host at all
    for host in (f"localhost:{port}", f"LOCALHOST:{port}", f"127.0.0.1:{port}"):
        assert post(server, GOOD, host=host)[0] == 200
    alive(server)


def test_an_api_key_is_checked_as_a_bearer_token(keyed):
    for auth in (None, "Bearer wrong", f"Basic {KEY}", KEY, f"Bearer {KEY}x", "Bearer \xe9"):
        status, _, body = post(keyed, GOOD, {"Authorization": auth})
        is_error(status, body, 401)
        assert body["error"]["code"] == "invalid_api_key"
    alive(keyed, {"Authorization": f"Bearer {KEY}"})
    host, port = keyed.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=10)
    conn.request("GET", "/health")
    assert conn.getresponse().status == 200          # a health probe needs no key
    openai = pytest.importorskip("openai")
    client = openai.OpenAI(base_url=keyed.url, api_key=KEY, max_retries=0)
    assert [m.id for m in client.models.list()] == ["tiny"]
    with pytest.raises(openai.AuthenticationError):
        openai.OpenAI(base_url=keyed.url, api_key="wrong", max_retries=0).models.list()


def test_listening_beyond_loopback_needs_a_key(engine):
    with pytest.raises(ValueError, match="API key"):
        Server(engine, "0.0.0.0", 0, quiet=True)
    s = Server(engine, "0.0.0.0", 0, quiet=True, api_key=KEY)   # every Host then, the key guards
    try:
        assert s.allowed_hosts is None
    finally:
        s.server_close()
