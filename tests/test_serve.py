"""`serve.py` of tiny random models on 127.0.0.1 (plumbing, not quality): the OpenAI response shape, answers
equal to the sampler's, seeded determinism under concurrent requests, the official `openai` client (list models, plain
and streamed completions, two turns, n=2, stop), requests batched together with each answer equal to its answer
alone, a full queue answered 429, and bad requests answered with the API's error JSON and a 4xx status while the
server keeps running. The hostile requests are in test_serve_hostile.py."""

import http.client
import json
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
import torch
from servers import serve_py, serving, tiny_checkpoint

from minisafe.generation import generate_completions, sample_answers
from minisafe.integrations.client import ChatClient
from minisafe.integrations.serve import Engine, Server

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
    status, health = call(server, "GET", "/health")
    assert status == 200 and health["status"] == "ok" and health["queued_rows"] == 0


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
    ({"body": {"messages": [{"role": "user", "content": "hi"}], "n": 0}}, 400, "n"),
    ({"body": {"messages": [{"role": "user", "content": "hi"}], "n": 9}}, 400, "n"),
    ({"body": {"messages": [{"role": "user", "content": "hi"}], "stream": "yes"}}, 400, "stream"),
    ({"body": {"messages": [{"role": "user", "content": "hi"}], "stream_options": {"include_usage": True}}}, 400,
     "stream_options"),
    ({"body": {"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "yo"}]}}, 400,
     "messages"),   # the last message must be the user's
    ({"body": {"messages": [{"role": "user", "content": "a"}, {"role": "system", "content": "b"},
                            {"role": "user", "content": "c"}]}}, 400, "messages"),
    ({"body": {"messages": [{"role": "tool", "content": "a"}]}}, 400, "messages"),
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


# ---- a ChatML checkpoint: a random model writes answers there (text without <think> is all answer) ---------------

CHATML_CORPUS = ["Café, naïve, 日本語のテキスト 🙂 <think>\nok\n</think>\n\nSure. Store bleach closed, cool.",
                 "The spec says §1.1: answer everyday requests fully."] * 20


@pytest.fixture(scope="module")
def chat_engine(tmp_path_factory):
    return Engine.from_dir(tiny_checkpoint(tmp_path_factory.mktemp("chatml"), CHATML_CORPUS, 300, chatml=True),
                           name="tiny-chatml", max_new_tokens=40)


@pytest.fixture(scope="module")
def chat_server(chat_engine):
    with serving(chat_engine) as s:
        yield s


def alone(engine, ids, n=1, seed=0, temperature=1.0, max_new=40):
    """What generate_completions samples for one request alone: n rows of `ids`, a generator seeded `seed`."""
    gen = torch.Generator().manual_seed(seed)
    g = generate_completions(engine.model, engine.tok, [ids] * n, max_new, temperature, generator=gen)
    return g.completions, [row[len(ids):].tolist() for row in g.ids]


def streamed(stream) -> tuple[dict, dict, dict]:
    """The openai client's chunks joined: ({index: content}, {index: reasoning}, {index: finish_reason})."""
    content, reasoning, finish = {}, {}, {}
    for chunk in stream:
        for c in chunk.choices:
            content[c.index] = content.get(c.index, "") + (c.delta.content or "")
            extra = (c.delta.model_extra or {}).get("reasoning_content") or ""
            reasoning[c.index] = reasoning.get(c.index, "") + extra
            finish[c.index] = c.finish_reason or finish.get(c.index)
    return content, reasoning, finish


def test_the_official_openai_client(chat_server):
    """List models; a plain and a streamed completion (the same text, greedy and seeded); two turns; n=2; stop."""
    openai = pytest.importorskip("openai")
    engine, tok = chat_server.engine, chat_server.engine.tok
    bleach = tok.render_prompt("How do I store bleach?")
    client = openai.OpenAI(base_url=chat_server.url, api_key="unused", max_retries=0)
    assert [m.id for m in client.models.list()] == ["tiny-chatml"]
    ask = {"model": "tiny-chatml", "messages": [{"role": "user", "content": "How do I store bleach?"}],
           "max_tokens": 40}
    for params in ({"temperature": 0}, {"temperature": 1, "seed": 3}):
        plain = client.chat.completions.create(**ask, **params)
        content, reasoning, finish = streamed(client.chat.completions.create(**ask, **params, stream=True))
        msg = plain.choices[0].message
        assert content == {0: msg.content} and reasoning == {0: msg.model_extra["reasoning_content"]}
        assert finish == {0: plain.choices[0].finish_reason} and msg.content
        (want,), _ = alone(engine, bleach, **{"seed": 3, **params})
        assert (msg.content, msg.model_extra["reasoning_content"]) == (want.answer, want.reasoning)

    # two turns: the conversation rendered in the checkpoint's format, the earlier answer without its reasoning
    turns = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "hi"},
             {"role": "assistant", "content": "Hello! How can I help?"}, {"role": "user", "content": "bleach?"}]
    second = client.chat.completions.create(model="tiny-chatml", messages=turns, temperature=1, seed=5, max_tokens=40)
    ids = tok.render_prompt("bleach?", system="Be brief.", history=[("hi", "Hello! How can I help?")])
    assert second.usage.prompt_tokens == len(ids) > len(tok.render_prompt("bleach?", system="Be brief."))
    assert second.choices[0].message.content == alone(engine, ids, seed=5)[0][0].answer

    # n=2: two choices, sampled together with the request's generator (as generate_completions samples 2 rows)
    two = client.chat.completions.create(**ask, n=2, temperature=1, seed=7)
    want, new = alone(engine, bleach, n=2, seed=7)
    assert [c.index for c in two.choices] == [0, 1] and [c.message.content for c in two.choices] == [
        w.answer for w in want] and want[0].answer != want[1].answer
    assert two.usage.completion_tokens == sum(len(r) for r in new)   # no <|im_end|>: 40 tokens each
    content, _, _ = streamed(client.chat.completions.create(**ask, n=2, temperature=1, seed=7, stream=True))
    assert content == {0: want[0].answer, 1: want[1].answer}

    # stop: checked while sampling; completion_tokens counts up to the token that completed the stop string
    full = want[0].answer
    stop = full[12:15]
    cut = full.find(stop)
    stopped = client.chat.completions.create(**ask, n=2, temperature=1, seed=7, stop=[stop, "never here"])
    first = stopped.choices[0]
    assert first.message.content == full[:cut] and first.finish_reason == "stop"
    k = _stop_tokens(tok, bleach, new[0], stop)
    assert k < 40 and stopped.usage.completion_tokens == k + _stop_tokens(tok, bleach, new[1], stop)
    content, _, finish = streamed(client.chat.completions.create(**ask, n=2, temperature=1, seed=7, stream=True,
                                                                 stop=[stop, "never here"]))
    assert content[0] == full[:cut] and finish[0] == "stop"


def _stop_tokens(tok, ids, new, stop) -> int:
    """Tokens a row samples with `stop`: up to the one completing the stop string in its answer, else all."""
    return next((k for k in range(1, len(new) + 1) if stop in (tok.parse_generation(ids, new[:k]).answer or "")),
                len(new))


def test_multi_turn_prompt_equals_apply_chat_template(chat_engine):
    """render_prompt(history=...) is transformers' apply_chat_template of a plain ChatML template, conversation
    and all (an earlier assistant turn: its answer alone)."""
    transformers = pytest.importorskip("transformers")
    from test_chatml import CHATML_TEMPLATE

    tok = chat_engine.tok
    path = chat_engine_dir(chat_engine)
    hf = transformers.PreTrainedTokenizerFast(tokenizer_file=str(path), chat_template=CHATML_TEMPLATE)
    msgs = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "hi 🙂"},
            {"role": "assistant", "content": "Hello!\n\nHow can I help?"}, {"role": "user", "content": "bleach?"},
            {"role": "assistant", "content": "Keep it closed."}, {"role": "user", "content": "and then?"}]
    want = list(hf.apply_chat_template(msgs, tokenize=True, return_dict=False, add_generation_prompt=True))
    got = tok.render_prompt("and then?", system="Be brief.",
                            history=[("hi 🙂", "Hello!\n\nHow can I help?"), ("bleach?", "Keep it closed.")])
    assert got == want


def chat_engine_dir(engine):
    """The tokenizer.json the engine was loaded from (saved again: the same file)."""
    import tempfile
    from pathlib import Path

    path = Path(tempfile.mkdtemp()) / "tokenizer.json"
    engine.tok.save(path)
    return path


def blocker(server):
    """Start a streamed request that runs until its client leaves (greedy, this model writes newlines for 4,000
    tokens); returns the open connection once the sampler is busy with it."""
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=30)
    conn.request("POST", "/v1/chat/completions", headers={"Content-Type": "application/json"}, body=json.dumps(
        {"messages": [{"role": "user", "content": "hi"}], "temperature": 0, "max_tokens": 4000, "stream": True}))
    resp = conn.getresponse()
    assert resp.status == 200
    lines = (line for line in iter(resp.readline, b"") if line.startswith(b"data: "))
    assert b'"role"' in next(lines) and b'"content"' in next(lines)    # the role chunk, then a delta: sampling
    return conn, resp


def wait_for(condition, seconds=20.0):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_requests_arriving_during_a_batch_are_sampled_together_each_as_alone(chat_engine):
    """8 requests arrive while a batch runs: they wait, then run as one batch of 8 rows (prompts of different
    lengths, left-padded, each with its own seed and temperature), and each answer equals its answer alone. The
    running request's client leaves: its job is cancelled (the batch ends long before its 4,000 tokens)."""
    prompts = ["hi", "How do I store bleach?", "Café 🙂", "The spec says §1.1: answer everyday requests fully.",
               "a", "bleach", "日本語", "Why?"]
    with serving(chat_engine) as server:
        conn, resp = blocker(server)
        batches = server.batcher.batches
        c = ChatClient(server.url, "tiny-chatml", api_key_env=None, max_retries=0, concurrency=8)
        reqs = [{"messages": [{"role": "user", "content": p}], "seed": i, "temperature": [1.0, 0.0][i % 2],
                 "max_tokens": 10 + i} for i, p in enumerate(prompts)]
        with ThreadPoolExecutor(1) as pool:
            out = pool.submit(c.chat_many, reqs)
            wait_for(lambda: server.batcher.waiting_rows == 8)
            t0 = time.monotonic()
            resp.close()
            conn.close()   # the stream's client leaves
            answers = out.result(timeout=60)
        assert time.monotonic() - t0 < 30 and server.batcher.batches == batches + 1 and server.batcher.largest == 8
    for i, (p, r) in enumerate(zip(prompts, answers)):
        (want,), _ = alone(chat_engine, chat_engine.tok.render_prompt(p), seed=i,
                           temperature=[1.0, 0.0][i % 2], max_new=10 + i)
        assert (r["content"], r["reasoning"]) == (want.answer, want.reasoning)


def test_a_full_queue_is_answered_429_then_served(chat_engine):
    """Rows beyond max_queue wait nowhere: 429 with Retry-After; the queued ones are served once the batch ends."""
    server = Server(chat_engine, "127.0.0.1", 0, quiet=True, max_queue=2)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()
    try:
        conn, resp = blocker(server)
        c = ChatClient(server.url, "tiny-chatml", api_key_env=None, max_retries=0)
        with ThreadPoolExecutor(1) as pool:
            queued = pool.submit(c.chat_many, [{"messages": [{"role": "user", "content": "hi"}], "n": 2,
                                                "max_tokens": 4}])
            wait_for(lambda: server.batcher.waiting_rows == 2)
            host, port = server.server_address[:2]
            busy = http.client.HTTPConnection(host, port, timeout=30)
            busy.request("POST", "/v1/chat/completions", json.dumps({"messages": [{"role": "user", "content": "x"}]}),
                         {"Content-Type": "application/json"})
            r = busy.getresponse()
            assert r.status == 429 and r.getheader("Retry-After") == "1"
            assert json.loads(r.read())["error"]["code"] == "rate_limit_exceeded"
            resp.close()
            conn.close()
            assert len(queued.result(timeout=60)) == 1
    finally:
        server.shutdown()
        server.server_close()


def test_stream_wire_format(chat_server):
    """Server-sent events as the API sends them: chat.completion.chunk objects, the role first, each choice's
    finish_reason, the usage chunk when asked (choices empty), then `data: [DONE]`; the deltas join into the answer."""
    host, port = chat_server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=30)
    conn.request("POST", "/v1/chat/completions", headers={"Content-Type": "application/json"}, body=json.dumps(
        {"messages": [{"role": "user", "content": "hi"}], "seed": 1, "max_tokens": 40, "stream": True,
         "stream_options": {"include_usage": True}}))
    resp = conn.getresponse()
    assert resp.status == 200 and resp.getheader("Content-Type") == "text/event-stream"
    events = [e.removeprefix("data: ") for e in resp.read().decode().split("\n\n") if e]
    assert events[-1] == "[DONE]"
    chunks = [json.loads(e) for e in events[:-1]]
    assert {c["object"] for c in chunks} == {"chat.completion.chunk"} and len({c["id"] for c in chunks}) == 1
    assert chunks[0]["choices"][0]["delta"] == {"role": "assistant", "content": ""}
    assert chunks[-1]["choices"] == [] and chunks[-1]["usage"]["completion_tokens"] == 40
    assert chunks[-2]["choices"][0]["finish_reason"] == "length"
    text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks[1:-2])
    (want,), _ = alone(chat_server.engine, chat_server.engine.tok.render_prompt("hi"), seed=1, max_new=40)
    assert text == want.answer and len(chunks) > 4


def test_house_format_conversation(server):
    """An earlier exchange in the house format: the answer after <|assistant|><|answer|> (its reasoning dropped, as
    the reward heads see an answer), closed by <|end|>; then the new user turn and the generation prompt."""
    tok = server.engine.tok
    e = tok.encode
    want = ([tok.user_id, *e("hi")] + [tok.assistant_id, tok.answer_id, *e("Hello!"), tok.end_id]
            + [tok.user_id, *e("bleach?"), tok.assistant_id, tok.think_id])
    assert tok.render_prompt("bleach?", history=[("hi", "Hello!")]) == want
    assert tok.render_prompt("bleach?", history=()) == tok.render_prompt("bleach?")


def sse(server, body: dict) -> list[dict]:
    """The chunks of a streamed request (raw HTTP), [DONE] checked and dropped."""
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=30)
    conn.request("POST", "/v1/chat/completions", json.dumps({**body, "stream": True}),
                 {"Content-Type": "application/json"})
    events = [e.removeprefix("data: ") for e in conn.getresponse().read().decode().split("\n\n") if e]
    assert events[-1] == "[DONE]"
    return [json.loads(e) for e in events[:-1]]


def test_streamed_reasoning_stays_out_of_content(server):
    """House format, a request whose choices write reasoning, then <|answer|>, then an answer: the stream sends the
    reasoning as reasoning_content and the answer as content, each joined equal to the plain reply's."""
    e = server.engine
    ids = e.tok.render_prompt("Tell me anything.")
    seed = next(s for s in range(100) if any(c.answer and c.reasoning
                                             for c in alone(e, ids, n=8, seed=s, max_new=24)[0]))
    req = {"messages": [{"role": "user", "content": "Tell me anything."}], "n": 8, "seed": seed, "max_tokens": 24}
    status, plain = call(server, "POST", "/v1/chat/completions", req)
    assert status == 200
    joined = {}
    for chunk in sse(server, req):
        for c in chunk["choices"]:
            r, a = joined.get(c["index"], ("", ""))
            joined[c["index"]] = (r + c["delta"].get("reasoning_content", ""), a + c["delta"].get("content", ""))
    want = {c["index"]: (c["message"]["reasoning_content"], c["message"]["content"]) for c in plain["choices"]}
    assert joined == want and any(r and a for r, a in want.values())
