"""`serve.py` of a tiny random model on 127.0.0.1 (plumbing, not quality): the OpenAI response shape, answers
equal to the sampler's, seeded determinism under concurrent requests, and bad requests answered with the API's
error JSON and a 4xx status while the server keeps running."""

import http.client
import json
import urllib.request

import pytest

from minisafe.integrations.client import ChatClient
from minisafe.generation import sample_answers
from minisafe.integrations.serve import Engine
from servers import serve_py, serving, tiny_checkpoint

CORPUS = ["How do I store bleach safely? Keep it closed, cool and away from children.",
          "The spec says §1.1: answer everyday requests fully. MODE: direct ANSWER: here it is."] * 20


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    return tiny_checkpoint(tmp_path_factory.mktemp("tiny"), CORPUS, vocab_size=300)


@pytest.fixture(scope="module")
def server(model_dir):
    with serving(Engine.from_dir(model_dir, name="tiny", max_new_tokens=24)) as s:
        yield s


def call(server, method, path, body=None, headers=None, raw=None):
    """(status, parsed JSON) of one request, whatever the status."""
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=30)
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    conn.request(method, path, body=data, headers=headers or {"Content-Type": "application/json"})
    resp = conn.getresponse()
    out = resp.status, json.loads(resp.read())
    conn.close()
    return out


def test_models_and_health(server):
    status, body = call(server, "GET", "/v1/models")
    assert status == 200 and [m["id"] for m in body["data"]] == ["tiny"] and body["data"][0]["object"] == "model"
    assert call(server, "GET", "/v1/models/tiny")[1]["context_length"] == 4096
    assert call(server, "GET", "/health") == (200, {"status": "ok"})


def test_completion_shape_and_usage(server):
    tok = server.engine.tok
    msgs = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "How do I store bleach?"}]
    status, body = call(server, "POST", "/v1/chat/completions",
                        {"model": "tiny", "messages": msgs, "max_tokens": 10, "temperature": 1.0, "seed": 3})
    assert status == 200 and body["object"] == "chat.completion" and body["model"] == "tiny"
    choice = body["choices"][0]
    assert choice["message"]["role"] == "assistant" and isinstance(choice["message"]["content"], str)
    assert choice["finish_reason"] in ("stop", "length")
    u = body["usage"]
    assert u["prompt_tokens"] == len(tok.render_prompt("How do I store bleach?", system="Be brief."))
    assert 1 <= u["completion_tokens"] <= 10 and u["total_tokens"] == u["prompt_tokens"] + u["completion_tokens"]


@pytest.mark.parametrize("temperature,seed", [(0.0, 0), (1.0, 5), (1.0, 6)])
def test_answer_equals_the_sampler(server, temperature, seed):
    """The server renders, samples and parses exactly as evaluate.py does (same seed: same tokens)."""
    prompts = ["How do I store bleach?", "Why does the spec say §1.1?"]
    e = server.engine
    c = ChatClient(server.url, "tiny", api_key_env=None, max_retries=0)
    texts = []
    for p in prompts:
        w = sample_answers(e.model, e.tok, [{"prompt": p}], max_new_tokens=24, temperature=temperature, seed=seed)[0]
        r = c.chat([{"role": "user", "content": p}], temperature=temperature, seed=seed, max_tokens=24)
        assert (r["reasoning"], r["content"]) == (w.reasoning, w.answer or "")
        assert r["finish_reason"] == ("stop" if w.ended else "length")
        texts.append(w.reasoning + (w.answer or ""))
    if temperature > 0:
        assert any(texts)   # something was generated, so the comparison meant something


def test_same_seed_same_answer_even_concurrently(server):
    c = ChatClient(server.url, "tiny", api_key_env=None, max_retries=0, concurrency=4)
    req = {"messages": [{"role": "user", "content": "Tell me anything."}], "temperature": 1.0, "max_tokens": 16}
    out = c.chat_many([{**req, "seed": 11}] * 4 + [{**req, "seed": 12}])
    texts = [(r["reasoning"], r["content"]) for r in out]
    assert len(set(texts[:4])) == 1               # the lock: no request disturbs another's sampling
    assert texts[4] != texts[0]                   # and the seed does matter


BAD = [
    ({"raw": b"{not json"}, 400, None),
    ({"body": ["a", "list"]}, 400, None),
    ({"body": {"model": "tiny"}}, 400, "messages"),
    ({"body": {"messages": []}}, 400, "messages"),
    ({"body": {"messages": [{"role": "assistant", "content": "hi"}]}}, 400, "messages"),
    ({"body": {"messages": [{"role": "user", "content": "a"}, {"role": "user", "content": "b"}]}}, 400, "messages"),
    ({"body": {"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": "x"}]}]}}, 400,
     "messages[0]"),
    ({"body": {"messages": [{"role": "user", "content": 5}]}}, 400, "messages[0]"),
    ({"body": {"messages": [{"role": "user", "content": "hi"}], "temperature": 5}}, 400, "temperature"),
    ({"body": {"messages": [{"role": "user", "content": "hi"}], "temperature": "hot"}}, 400, "temperature"),
    ({"body": {"messages": [{"role": "user", "content": "hi"}], "max_tokens": 0}}, 400, "max_tokens"),
    ({"body": {"messages": [{"role": "user", "content": "hi"}], "seed": 1.5}}, 400, "seed"),
    ({"body": {"messages": [{"role": "user", "content": "hi"}], "n": 2}}, 400, "n"),
    ({"body": {"messages": [{"role": "user", "content": "hi"}], "stream": True}}, 400, "stream"),
    ({"body": {"messages": [{"role": "user", "content": "hi"}], "stop": ["a"] * 5}}, 400, "stop"),
    ({"body": {"model": "gpt-9", "messages": [{"role": "user", "content": "hi"}]}}, 404, "model"),
    ({"body": {"messages": [{"role": "user", "content": "\u4e00" * 2000}]}}, 400, "messages"),  # > context
]


@pytest.mark.parametrize("req,status,param", BAD)
def test_bad_requests_get_the_error_shape_and_a_4xx(server, req, status, param):
    got, body = call(server, "POST", "/v1/chat/completions", body=req.get("body"), raw=req.get("raw"))
    assert got == status
    assert set(body) == {"error"} and set(body["error"]) == {"message", "type", "param", "code"}
    assert body["error"]["param"] == param and body["error"]["message"]
    ok, _ = call(server, "POST", "/v1/chat/completions",
                 {"messages": [{"role": "user", "content": "still there?"}], "max_tokens": 2})
    assert ok == 200


def test_bad_routes_methods_and_headers(server):
    assert call(server, "GET", "/v1/nothing")[0] == 404
    assert call(server, "POST", "/v1/completions", {"prompt": "x"})[0] == 404
    assert call(server, "PUT", "/v1/chat/completions", {})[0] == 405
    assert call(server, "POST", "/v1/chat/completions", headers={"Content-Length": str(10 ** 9)}, raw=b"")[0] == 413
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=30)   # no Content-Length at all
    conn.putrequest("POST", "/v1/chat/completions")
    conn.endheaders()
    resp = conn.getresponse()
    assert resp.status == 411 and "error" in json.loads(resp.read())
    conn.close()
    context = "\u4e00" * 2000
    assert call(server, "POST", "/v1/chat/completions", {"messages": [{"role": "user", "content": context}]})[1][
        "error"]["code"] == "context_length_exceeded"


def test_cli_serves_on_loopback_with_an_ephemeral_port(model_dir):
    with serve_py(model_dir, "--max-new-tokens", "4") as url:    # the URL it printed
        assert url.startswith("http://127.0.0.1:") and not url.endswith(":0/v1"), url
        models = json.loads(urllib.request.urlopen(url + "/models", timeout=30).read())
        assert models["data"][0]["id"] == model_dir.name
        r = ChatClient(url, model_dir.name, api_key_env=None, max_retries=0).chat(
            [{"role": "user", "content": "hi"}], seed=0)
        assert r["model"] == model_dir.name and r["finish_reason"] in ("stop", "length")
