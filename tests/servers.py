"""Servers on 127.0.0.1 for the tests: a scripted OpenAI-compatible chat server (http.server in a thread), minisafe's
own server of a checkpoint in a thread or as `serve.py` in a subprocess, each on an ephemeral port, and the tiny random
checkpoint to serve."""

import json
import os
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def completion(text: str, model: str = "fake", openai_fields: bool = True) -> bytes:
    """A chat completion's JSON answering `text`; openai_fields=False leaves out id, object and index (all a client
    needs is model, choices[0].message and finish_reason: what a terse server sends)."""
    choice = {"message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
    if not openai_fields:
        return json.dumps({"model": model, "choices": [choice]}).encode()
    return json.dumps({"id": "x", "object": "chat.completion", "model": model,
                       "choices": [{"index": 0, **choice}]}).encode()


class FakeChatServer:
    """A loopback server whose answer to the n-th POST (0-based, in order of arrival) is script(n, body) -> (status,
    headers, bytes), or None to close the connection without answering (a dead server). It records every request's
    body and headers and the most requests it answered at once; `with` closes it."""

    def __init__(self, script):
        fake = self
        self.script, self.bodies, self.headers = script, [], []
        self.lock, self.in_flight, self.max_in_flight = threading.Lock(), 0, 0

        class H(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with fake.lock:
                    n = len(fake.bodies)
                    fake.bodies.append(body)
                    fake.headers.append(dict(self.headers))
                    fake.in_flight += 1
                    fake.max_in_flight = max(fake.max_in_flight, fake.in_flight)
                try:
                    out = fake.script(n, body)
                finally:
                    with fake.lock:
                        fake.in_flight -= 1
                if out is None:
                    self.close_connection = True
                    return
                status, headers, data = out
                try:
                    self.send_response(status)
                    for k, v in {"Content-Length": str(len(data)), **headers}.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except ConnectionError:   # the client gave up waiting (its timeout) and hung up: no one to answer
                    self.close_connection = True

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


@contextmanager
def started(cls):
    """start(*args, **kw) -> a running cls(*args, **kw), any number of them; every one closed on leaving the block
    (a fixture's body: `with started(FakeChatServer) as start: yield start`)."""
    running = []

    def start(*args, **kw):
        running.append(cls(*args, **kw))
        return running[-1]
    try:
        yield start
    finally:
        for s in running:
            s.close()


@contextmanager
def serving(engine):
    """minisafe.integrations.serve's Server of `engine` in a thread: yields the server (its `.url`), stopped on
    leaving the block. The engine (a loaded model) can be served again by a new server, on another port."""
    from minisafe.integrations.serve import Server

    server = Server(engine, "127.0.0.1", 0, quiet=True)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serve_py(model_dir, *args):
    """`serve.py --model MODEL_DIR --port 0 --quiet ARGS` running in a subprocess: yields the URL it prints
    ("serving NAME at http://127.0.0.1:PORT/v1 (...)"), and kills it (SIGKILL) on leaving the block."""
    with tempfile.TemporaryFile("w+") as stderr:
        proc = subprocess.Popen([sys.executable, str(REPO / "serve.py"), "--model", str(model_dir), "--port", "0",
                                 "--quiet", *map(str, args)], cwd=REPO, env={**os.environ, "OMP_NUM_THREADS": "1"},
                                stdout=subprocess.PIPE, stderr=stderr, text=True)
        try:
            line = proc.stdout.readline()
            if " at http://127.0.0.1:" not in line:
                proc.kill()
                proc.wait(timeout=30)
                stderr.seek(0)
                raise AssertionError(f"serve.py printed {line!r}; stderr:\n{stderr.read()[-4000:]}")
            yield line.split(" at ")[1].split()[0]
        finally:
            proc.kill()
            proc.wait(timeout=30)
            proc.stdout.close()


def tiny_checkpoint(path, texts, vocab_size, chatml=False):
    """A random one-layer model (d_model 32, context 4096) with a tokenizer trained on `texts`, saved in `path`; in
    the house chat format, or with chatml=True a byte-level BPE with <|im_start|>, <|im_end|> and <|endoftext|> (a
    random model then writes answers: text without <think> is all answer)."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    from minisafe.hf import save_pretrained
    from minisafe.model import ModelConfig, Transformer
    from minisafe.tokenizer import ChatTokenizer

    if chatml:
        bpe = Tokenizer(models.BPE())
        bpe.pre_tokenizer, bpe.decoder = pre_tokenizers.ByteLevel(add_prefix_space=False), decoders.ByteLevel()
        bpe.train_from_iterator(texts, trainers.BpeTrainer(
            vocab_size=vocab_size, special_tokens=["<|endoftext|>", "<|im_start|>", "<|im_end|>"],
            show_progress=False, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
        tok = ChatTokenizer(bpe)
    else:
        tok = ChatTokenizer.train(texts, vocab_size=vocab_size)
    torch.manual_seed(0)
    model = Transformer(ModelConfig(vocab_size=tok.vocab_size, d_model=32, n_layers=1, n_heads=2, n_kv_heads=2,
                                d_ff=64, max_seq_len=4096))
    save_pretrained(model, path, tokenizer=tok)
    return path
