#!/usr/bin/env bash
# SmolLM2-135M-Instruct through the whole recipe on CPU (docs/gpu.md, "A real checkpoint on CPU"): XSTest of the
# checkpoint as prepared, the recipe from it (every stage, both arms, the report card), XSTest of the five models.
# Peak memory: /usr/bin/time -v per command, and each stage script's largest resident set sampled every 2 s.
#
#   python bench/prepare_smollm2.py --out /root/runs/smollm2-135m
#   nohup bash bench/smollm2_recipe.sh /root/runs/smollm2-135m /root/runs/smollm2_recipe \
#       ../shared/external/xstest_prompts.csv > /root/runs/smollm2_recipe.log 2>&1 &
#
# Re-running the same command continues a killed run (the recipe skips finished stages; finished XSTest files stay).
set -euo pipefail
CKPT=${1:?checkpoint dir}; OUT=${2:?run dir}; XSTEST=${3:?xstest_prompts.csv}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export TQDM_DISABLE=1
mkdir -p "$OUT/xstest" "$OUT/time"

# each stage script's peak RSS (kB), sampled while the run lasts: OUT/time/rss_by_script.tsv
( while true; do
    ps -eo rss=,args= | awk -v out="$OUT" '$0 ~ out && $3 ~ /\.py$/ {n=split($3, p, "/"); print p[n] "\t" $1}'
    sleep 2
  done ) > "$OUT/time/rss_samples.tsv" &
SAMPLER=$!
trap 'kill $SAMPLER 2>/dev/null || true' EXIT

xstest() {   # xstest NAME MODEL_DIR: greedy, 32 new tokens, the checkpoint's own chat template
  [ -f "$OUT/xstest/$1.json" ] && return 0
  /usr/bin/time -v -o "$OUT/time/xstest_$1.txt" python "$ROOT/evaluate.py" --model "$2" --suite xstest \
      --suite-path "$XSTEST" --max-new-tokens 32 --out "$OUT/xstest/$1.json" > /dev/null
}

date -u +"[smollm2] start %FT%TZ"
xstest checkpoint "$CKPT"
/usr/bin/time -v -o "$OUT/time/recipe.txt" python "$ROOT/recipe.py" --preset smoke --init-from "$CKPT" \
    --device cpu --out "$OUT"
for m in base refusal_sft refusal_rl safe_completion_sft safe_completion_rl; do
  xstest "$m" "$OUT/seed-0/$m"
done
awk -F'\t' '{if ($2 > m[$1]) m[$1] = $2} END {for (k in m) print k "\t" m[k]}' "$OUT/time/rss_samples.tsv" \
    | sort > "$OUT/time/rss_by_script.tsv"
date -u +"[smollm2] done %FT%TZ"
