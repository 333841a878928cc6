"""Batched sampling behind the server: requests that arrive while a batch runs go together into the next one.

One sampler thread takes the queued jobs (at most `max_batch` rows; a request for n choices is n rows) and runs
`model.generate` once over all their rows, left-padded, with a per-step `sample` hook that, for each job:

- samples its rows with its own temperature, top_p and generator: the draws generate_completions([prompt] * n)
  makes with that generator alone, so a seeded answer does not depend on what else is in the batch (up to float
  rounding: its logits come from a larger, padded batch);
- records each row's tokens and ends the row (feeds <|end|> back to generate) when it ended itself, reached the job's
  max_new tokens, wrote a stop string in its answer, or the client left. completion_tokens = the tokens it sampled,
  up to and including the one that ended it (<|end|>, or the token that completed a stop string);
- when streaming, sends each row's new text, the reasoning then the answer, holding back the last HOLD characters
  (and a stop string's length) while they may still change: a UTF-8 character cut in two, a </think> or a stop
  string not yet complete. The streamed text, joined, is the text of the whole answer.

A job's result is posted as soon as its own rows have ended, not when the whole batch has. The queue is bounded:
`submit` raises QueueFull once `max_queue` rows are waiting (the server answers 429).
"""

from __future__ import annotations

import queue
import sys
import threading
import traceback
from collections import deque
from dataclasses import dataclass, field

import torch

from minisafe.model import sample_next
from minisafe.tokenizer import pad_left

HOLD = 16  # characters a stream holds back: > len("\n</think>\n\n"), and a UTF-8 character's replacement marks


class QueueFull(Exception):
    """More rows are waiting than the queue holds."""


@dataclass
class Row:
    """One choice of a job, as it is sampled."""
    ids: list[int] = field(default_factory=list)    # the sampled ids (an <|end|> included when the model wrote it)
    finish: str | None = None                       # "stop" or "length" once the row has ended
    reasoning: str = ""
    answer: str = ""                                # cut before the first stop string
    sent: dict = field(default_factory=lambda: {"reasoning_content": "", "content": ""})   # streamed so far


class Job:
    """One request: n rows continuing `prompt` (token ids). Its `events` queue receives, while streaming,
    ("chunk", k, {"reasoning_content" | "content": text}, None) and ("chunk", k, {}, finish reason) for choice k,
    then ("end",) once every row has ended, or ("error", message)."""

    def __init__(self, prompt: list[int], n: int, max_new: int, temperature: float, top_p: float,
                 generator: torch.Generator, stop: list[str], stream: bool):
        self.prompt, self.n, self.max_new, self.stop, self.stream = prompt, n, max_new, stop, stream
        self.temperature, self.top_p, self.generator = temperature, top_p, generator
        self.rows = [Row() for _ in range(n)]
        self.events: queue.Queue = queue.Queue()
        self.cancelled = False   # the client left: end the rows at the next step
        self.done = False


class Batcher:
    """The queue of jobs and the sampler thread (started at construction; `close` stops it)."""

    def __init__(self, model, tok, max_batch: int = 64, max_queue: int = 256):
        self.model, self.tok, self.max_batch, self.max_queue = model, tok, max_batch, max_queue
        self.pending: deque[Job] = deque()
        self.waiting_rows = 0
        self.running: list[Job] = []
        self.batches = 0          # batches run so far, and the rows in the largest (for tests and the benchmark)
        self.largest = 0
        self.cond = threading.Condition()
        self.closed = False
        threading.Thread(target=self._loop, name="sampler", daemon=True).start()

    def submit(self, job: Job) -> None:
        """Queue `job` (its n is at most max_batch: serve.parse_request caps it)."""
        with self.cond:
            if self.closed:
                raise QueueFull("the server is shutting down")
            if self.waiting_rows + job.n > self.max_queue:
                raise QueueFull(f"{self.waiting_rows} rows are queued (at most {self.max_queue}); retry later")
            self.pending.append(job)
            self.waiting_rows += job.n
            self.cond.notify()

    def close(self) -> None:
        with self.cond:
            self.closed = True
            for job in [*self.pending, *self.running]:
                job.cancelled = True
                job.events.put(("error", "the server is shutting down"))
            self.pending.clear()
            self.cond.notify_all()

    def _take(self) -> list[Job] | None:
        """The next batch: queued jobs in order of arrival, as many as fit in max_batch rows (None: closed)."""
        with self.cond:
            while not self.pending and not self.closed:
                self.cond.wait()
            if self.closed:
                return None
            jobs, rows = [], 0
            while self.pending and rows + self.pending[0].n <= self.max_batch:
                job = self.pending.popleft()
                self.waiting_rows -= job.n
                if not job.cancelled:
                    jobs.append(job)
                    rows += job.n
            self.running = jobs
            return jobs

    def _loop(self) -> None:
        while (jobs := self._take()) is not None:
            try:
                if jobs:
                    self._run(jobs)
            except Exception as e:   # one bad batch fails its own requests, never the thread
                traceback.print_exc(file=sys.stderr)
                for job in jobs:
                    if not job.done:
                        job.done = True
                        job.events.put(("error", f"{type(e).__name__}: {e}"))

    @torch.no_grad()
    def _run(self, jobs: list[Job]) -> None:
        tok, end = self.tok, self.tok.end_id
        spans, b = [], 0                      # rows spans[j] = [a, a + n) of the batch belong to jobs[j]
        for job in jobs:
            spans.append((job, b))
            b += job.n
        ids, mask = pad_left([job.prompt for job in jobs for _ in range(job.n)], tok.pad_id)   # (B, P)
        dev = next(self.model.parameters()).device
        self.batches, self.largest = self.batches + 1, max(self.largest, b)

        def sample(logits: torch.Tensor) -> torch.Tensor:    # (B, V) -> (B,)
            live = [(job, a) for job, a in spans if not job.done]
            draws = [sample_next(logits[a:a + job.n], job.temperature, job.top_p, job.generator) for job, a in live]
            drawn = iter(torch.cat(draws).tolist() if draws else [])
            out = [end] * logits.shape[0]      # an ended row is fed <|end|>: generate stops it
            for job, a in live:
                for k, row in enumerate(job.rows):
                    token = next(drawn)
                    self._advance(job, k, row, token)
                    out[a + k] = end if row.finish else token
                if all(row.finish for row in job.rows):
                    job.done = True
                    job.events.put(("end",))
            return torch.tensor(out, device=logits.device)

        self.model.generate(ids.to(dev), max(job.max_new for job in jobs), eos_token_id=end,
                            attention_mask=mask.to(dev), pad_token_id=tok.pad_id, sample=sample)
        for job in jobs:   # every row ends by its max_new, at the batch's last step at the latest: never left waiting
            if not job.done:
                job.done = True
                job.events.put(("error", "generation stopped before the request ended"))

    def _advance(self, job: Job, k: int, row: Row, token: int) -> None:
        """Row k of `job` samples `token`: record it, end the row when it should, stream what is new."""
        if row.finish:
            return
        if job.cancelled:
            row.finish = "cancelled"
            return
        row.ids.append(token)
        if token == self.tok.end_id:
            row.finish = "stop"
        elif len(row.ids) >= job.max_new:
            row.finish = "length"
        if not (row.finish or job.stop or job.stream):
            return                         # nothing to look at before the row ends
        c = self.tok.parse_generation(job.prompt, row.ids)
        answer = c.answer or ""
        cut = min((answer.find(s) for s in job.stop if s in answer), default=-1)
        if cut >= 0:
            answer, row.finish = answer[:cut], "stop"
        row.reasoning, row.answer = c.reasoning, answer
        if job.stream:
            self._stream(job, k, row, c.answer is not None)

    def _stream(self, job: Job, k: int, row: Row, answering: bool) -> None:
        reasoning, answer = row.reasoning, row.answer
        if not row.finish:                 # hold back what may still change
            hold = HOLD + max(map(len, job.stop), default=0)
            reasoning = reasoning if answering else reasoning[:max(0, len(reasoning) - hold)]
            answer = answer[:max(0, len(answer) - hold)]
        delta = {}
        for key, text in (("reasoning_content", reasoning), ("content", answer)):
            if len(text) > len(row.sent[key]) and text.startswith(row.sent[key]):
                delta[key], row.sent[key] = text[len(row.sent[key]):], text
        if delta:
            job.events.put(("chunk", k, delta, None))
        if row.finish:
            job.events.put(("chunk", k, {}, row.finish))
