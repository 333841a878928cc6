#!/usr/bin/env bash
# The first thing to run on a GPU: the CUDA tests, minisafe vs transformers at Qwen2.5-0.5B's shape (parity, sampling,
# train step, MFU), the fused log-prob benchmark, and the first steps of every recipe stage at the gpu preset from a
# random checkpoint of Qwen2.5-0.5B's shape. Nothing downloads; about 10 minutes on one GPU; every figure goes into
# one JSON file (bench/gpu_check.py says what each section measures).
#
#   bash bench/gpu_check.sh --out gpu_check.json     # on one CUDA GPU
#   bash bench/gpu_check.sh --dry-run --out /tmp/gpu_check.json   # the same steps on CPU at tiny shapes (CI)
set -euo pipefail
cd "$(dirname "$0")/.."
export TQDM_DISABLE=1 PYTHONUNBUFFERED=1
exec python bench/gpu_check.py "$@"
