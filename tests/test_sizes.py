"""The scale ladder's sizes (recipe.py --size): each trains its own shape at a smoke budget, with the compute the
ladder promises; a seed directory keeps the size it began with. The ladder's report is in tests/test_recipe.py."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


@pytest.fixture(scope="module")
def world_dir(tmp_path_factory):
    from minisafe.world.build import build
    d = tmp_path_factory.mktemp("sizes") / "world"
    build(d, seed=0)
    return d


@pytest.mark.parametrize("size,ratio", [("1x", 1.0), ("3x", 3.375), ("8x", 8.0)])
def test_each_size_of_the_ladder_trains_its_shape(size, ratio, world_dir, tmp_path):
    """recipe.py --size: the base stage builds the size's model from scratch (smoke budget: 2 steps), and its
    non-embedding compute per token is the size's multiple of the cpu model's."""
    import recipe

    out = tmp_path / "base"
    proc = subprocess.run([sys.executable, str(REPO / "train_sft.py"), "--stage", "base", "--preset", "smoke",
                           "--world", str(world_dir), "--out", str(out), "--max-steps", "2", "--eval-every", "0",
                           *recipe.size_flags(size)], cwd=REPO, env={**os.environ, "TQDM_DISABLE": "1"},
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    cfg = json.loads((out / "config.json").read_text())
    want = recipe.SIZES[size]
    assert (cfg["hidden_size"], cfg["num_hidden_layers"], cfg["intermediate_size"]) == \
        (want["d_model"], want["n_layers"], want["d_ff"])

    def block_params(c):   # q, o: d x H*hd; k, v: d x KV*hd; the SwiGLU's three d x d_ff
        hd = c["hidden_size"] // c["num_attention_heads"]
        return c["num_hidden_layers"] * c["hidden_size"] * (2 * c["num_attention_heads"] * hd
                                                            + 2 * c["num_key_value_heads"] * hd
                                                            + 3 * c["intermediate_size"])
    one = {"hidden_size": 128, "num_hidden_layers": 4, "num_attention_heads": 4, "num_key_value_heads": 2,
           "intermediate_size": 384}
    assert block_params(cfg) / block_params(one) == pytest.approx(ratio, rel=1e-3)


def test_a_seed_directory_continues_only_at_its_own_size(tmp_path, monkeypatch):
    """--size reaches the base stage as its --model-* flags; a seed directory begun at one size refuses another."""
    import recipe
    from minisafe.io import DataError

    commands = {}
    monkeypatch.setattr(recipe, "run_stage", lambda name, cmd, *a, **k: commands.setdefault(name, cmd))
    recipe.run_seed(tmp_path, "smoke", 0, "cpu", size="3x", with_ppo=False)
    base = commands["base"]
    assert base[base.index("--model-d-model") + 1] == "192" and base[base.index("--model-n-layers") + 1] == "6"
    with pytest.raises(DataError, match=r"init_from\.json: field 'size' is '3x', this run has None"):
        recipe.run_seed(tmp_path, "smoke", 0, "cpu", with_ppo=False)
