"""bench/gpu_check.sh --dry-run: the script a GPU's first minutes will run, run here on CPU at tiny shapes, so that
it cannot rot before a GPU arrives. Every section must succeed and write its figures into the one JSON file."""

import json
import subprocess
from pathlib import Path

import pytest
import torch

REPO = Path(__file__).resolve().parents[1]
STAGES = ("base", "safe_completion_sft", "reward_heads", "safe_completion_rl", "evaluate")


def test_gpu_check_dry_run_writes_every_figure(tmp_path):
    out = tmp_path / "gpu_check.json"
    proc = subprocess.run(["bash", str(REPO / "bench" / "gpu_check.sh"), "--dry-run", "--out", str(out), "--work",
                           str(tmp_path / "work")], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    r = json.loads(out.read_text())
    assert r["dry_run"] and all(r[s]["ok"] for s in ("environment", "cuda_tests", "model", "logprob_bench", "stages"))
    assert r["cuda_tests"]["tests collected"] > 10                     # the CUDA test files still import
    m = r["model"]
    assert m["parity_max_abs_logit_gap_fp32"] < 1e-4                  # minisafe == transformers, same weights
    assert 0 <= m["bf16_sampler_vs_forward_max_logprob_gap"] < 0.1
    for bench in ("train_step", "sampling"):
        assert m[bench]["minisafe_s"] > 0 and m[bench]["transformers_s"] > 0
    opt = m["optimizer_step"]   # minisafe's AdamW against torch's, the model's own parameters
    assert opt["tensors"] > 10 and opt["minisafe_s"] > 0 and opt["torch_s"] > 0
    assert set(r["logprob_bench"]["workloads"]) == {"logp+ent", "logp", "ce"}
    st = r["stages"]
    for name in STAGES:
        assert st[name]["seconds"] > 0 and st[name]["peak_rss_GB"] > 0, name
    assert st["base"]["last_metrics"]["tokens_per_s"] > 0
    assert st["safe_completion_rl"]["last_metrics"]["logprob_gap"] < 1e-3
    assert (Path(st["work_dir"]) / "eval.json").exists()
    for summary in ("base/sft_summary.json", "safe_completion_sft/sft_summary.json", "reward_heads/reward_heads.json",
                    "safe_completion_rl/rl_summary.json", "eval.json"):   # every stage ran in bf16, as on a GPU
        assert json.loads((Path(st["work_dir"]) / summary).read_text())["dtype"] == "bf16", summary


@pytest.mark.skipif(torch.cuda.is_available(), reason="with CUDA the script runs the real check")
def test_gpu_check_without_cuda_says_so_in_one_line(tmp_path):
    proc = subprocess.run(["bash", str(REPO / "bench" / "gpu_check.sh"), "--out", str(tmp_path / "x.json")],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and proc.stderr.strip().splitlines() == [
        "error: no CUDA device here: run `bash bench/gpu_check.sh --dry-run` on a CPU"]
