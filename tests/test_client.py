"""minisafe.client against scripted HTTP servers on 127.0.0.1: which failures are retried (429, 5xx, timeouts,
connection errors) and which are not (any other 4xx), the on-disk cache that lets a killed run resume without asking
again, bounded concurrency, and the error messages."""

import json
import time

import pytest

from minisafe.integrations.client import BadResponse, ChatClient, RequestRefused, ServerUnavailable, request_key
from servers import FakeChatServer, completion, started


@pytest.fixture
def serve():
    """serve(script) -> a FakeChatServer answering script(n, body), closed after the test."""
    with started(FakeChatServer) as start:
        yield start


def ok(text="hello"):
    return 200, {"Content-Type": "application/json"}, completion(text)


def error(status, message="nope"):
    return status, {}, json.dumps({"error": {"message": message, "type": "invalid_request_error"}}).encode()


def client(fake, sleeps=None, **kw):
    kw = {"max_retries": 3, "backoff": 0.5, "timeout": 5.0, **kw}
    return ChatClient(fake.url, "fake", api_key_env=None, sleep=(sleeps.append if sleeps is not None else None)
                      or (lambda s: None), **kw)


MSG = [{"role": "user", "content": "hi"}]


def test_429_is_retried_with_backoff_then_succeeds(serve):
    fake = serve(lambda n, b: (429, {"Retry-After": "0"}, b"slow down") if n == 0 else ok("after 429"))
    sleeps = []
    c = client(fake, sleeps)
    r = c.chat(MSG, temperature=0.3, seed=7)
    assert r["content"] == "after 429" and not r["cached"]
    assert len(fake.bodies) == 2 and fake.bodies[0] == fake.bodies[1]  # the same request, asked again
    assert len(sleeps) == 1 and 0.25 <= sleeps[0] <= 0.5                 # backoff * 2^0 * U(0.5, 1)
    assert (r["model"], r["temperature"], r["seed"], r["sample"]) == ("fake", 0.3, 7, 0)
    assert fake.bodies[0]["temperature"] == 0.3 and fake.bodies[0]["seed"] == 7


def test_5xx_retried_with_growing_backoff_until_give_up(serve):
    fake = serve(lambda n, b: error(503, "overloaded"))
    sleeps = []
    with pytest.raises(ServerUnavailable) as e:
        client(fake, sleeps, max_retries=3).chat(MSG)
    assert len(fake.bodies) == 4                                          # 1 + max_retries
    for k, s in enumerate(sleeps):                                        # min(cap, backoff * 2^k) * U(0.5, 1)
        assert 0.5 * 0.5 * 2 ** k <= s <= 0.5 * 2 ** k
    assert e.value.status == 503 and fake.url in str(e.value) and "503" in str(e.value)
    assert "overloaded" in str(e.value)


@pytest.mark.parametrize("status", [400, 401, 404, 422])
def test_4xx_other_than_429_is_never_retried(serve, status):
    fake = serve(lambda n, b: error(status, "context length exceeded"))
    with pytest.raises(RequestRefused) as e:
        client(fake).chat(MSG)
    assert len(fake.bodies) == 1
    assert e.value.status == status and e.value.url == fake.url + "/chat/completions"
    assert f"HTTP {status}" in str(e.value) and fake.url in str(e.value)
    assert "context length exceeded" in str(e.value)   # the server's own message, from the error JSON


def test_timeout_and_dropped_connection_are_retried(serve):
    def script(n, body):
        if n == 0:
            time.sleep(2.0)   # longer than the client's timeout
            return ok("late")
        if n == 1:
            return None       # connection closed without an answer
        return ok("third time")
    fake = serve(script)
    r = client(fake, timeout=0.5).chat(MSG)
    assert r["content"] == "third time" and len(fake.bodies) == 3


def test_connection_refused_gives_up_naming_the_url():
    c = ChatClient("http://127.0.0.1:9/v1", "m", api_key_env=None, max_retries=1, sleep=lambda s: None)
    with pytest.raises(ServerUnavailable) as e:
        c.chat(MSG)
    assert "127.0.0.1:9" in str(e.value) and e.value.status is None and c.stats["sent"] == 2


def test_garbage_body_is_a_bad_response_not_retried(serve):
    fake = serve(lambda n, b: (200, {}, b"<html>definitely not json</html>") if n == 0
                 else (200, {}, b'{"choices": []}'))
    c = client(fake)
    with pytest.raises(BadResponse, match="not JSON"):
        c.chat(MSG)
    with pytest.raises(BadResponse, match="not a chat completion"):
        c.chat(MSG, seed=1)
    assert len(fake.bodies) == 2


def test_cache_lets_a_killed_run_resume_without_asking_again(serve, tmp_path):
    reqs = [{"messages": [{"role": "user", "content": f"q{i}"}], "temperature": 0.7, "seed": 0} for i in range(6)]
    # A server that answers three requests, then dies (closes every connection unanswered).
    first = serve(lambda n, b: ok("answer to " + b["messages"][0]["content"]) if n < 3 else None)
    c1 = client(first, cache_dir=tmp_path / "cache", concurrency=1, max_retries=1)
    out1 = c1.chat_many(reqs)
    assert [r["content"] for r in out1[:3]] == ["answer to q0", "answer to q1", "answer to q2"]
    assert all(isinstance(r, ServerUnavailable) for r in out1[3:])
    assert len(first.bodies) == 3 + 2    # q3 asked twice (1 retry); q4, q5 never sent once the server was down
    # The same run started again against a new server (another port): only the three missing answers are asked.
    second = serve(lambda n, b: ok("answer to " + b["messages"][0]["content"]))
    c2 = client(second, cache_dir=tmp_path / "cache", concurrency=2)
    out2 = c2.chat_many(reqs)
    assert sorted(b["messages"][0]["content"] for b in second.bodies) == ["q3", "q4", "q5"]
    assert [r["content"] for r in out2] == [f"answer to q{i}" for i in range(6)]
    assert [r["cached"] for r in out2] == [True] * 3 + [False] * 3
    assert c2.stats == {"sent": 3, "cached": 3, "retries": 0}
    # A third run asks nothing at all.
    c3 = client(second, cache_dir=tmp_path / "cache")
    assert [r["content"] for r in c3.chat_many(reqs)] == [r["content"] for r in out2] and c3.stats["sent"] == 0


def test_cache_key_covers_the_request_and_sample_index():
    base = request_key("m", MSG, 0, temperature=0.7, seed=1)
    assert base == request_key("m", [{"content": "hi", "role": "user"}], 0, seed=1, temperature=0.7)  # canonical
    assert len({base, request_key("m", MSG, 1, temperature=0.7, seed=1),      # another sample
                request_key("m", MSG, 0, temperature=0.7, seed=2),            # another seed
                request_key("m", MSG, 0, temperature=0.0, seed=1),            # another temperature
                request_key("m2", MSG, 0, temperature=0.7, seed=1),           # another model
                request_key("m", [{"role": "user", "content": "hi!"}], 0, temperature=0.7, seed=1)}) == 6


def test_samples_are_cached_apart(serve, tmp_path):
    fake = serve(lambda n, b: ok(f"sample answer {n}"))
    c = client(fake, cache_dir=tmp_path)
    a, b = c.chat(MSG, temperature=1.0, sample=0), c.chat(MSG, temperature=1.0, sample=1)
    assert a["content"] != b["content"] and (a["sample"], b["sample"]) == (0, 1)
    assert c.chat(MSG, temperature=1.0, sample=1)["content"] == b["content"] and len(fake.bodies) == 2
    assert "sample" not in fake.bodies[0]   # the index is ours, never sent to the server


def test_concurrency_is_bounded(serve):
    def script(n, body):
        time.sleep(0.1)
        return ok()
    fake = serve(script)
    out = client(fake, concurrency=3).chat_many([{"messages": MSG, "seed": i} for i in range(9)])
    assert len(out) == 9 and all(r["content"] == "hello" for r in out)
    assert 2 <= fake.max_in_flight <= 3


def test_api_key_comes_from_the_environment(serve, monkeypatch):
    fake = serve(lambda n, b: ok())
    monkeypatch.setenv("MINISAFE_TEST_KEY", "s3cret")
    ChatClient(fake.url, "fake", api_key_env="MINISAFE_TEST_KEY").chat(MSG)
    monkeypatch.delenv("MINISAFE_TEST_KEY")
    ChatClient(fake.url, "fake", api_key_env="MINISAFE_TEST_KEY").chat(MSG, seed=1)
    assert fake.headers[0].get("Authorization") == "Bearer s3cret"
    assert "Authorization" not in fake.headers[1]
