#!/usr/bin/env bash
# Every labelled page extracted once per reading (the type given with --page-type), and once
# as dechrome decides: per-doc figures for tools/page_type_loss.py.
#   tools/readings.sh OUT_DIR      (after cargo build --release --examples)
set -euo pipefail
out=${1:?usage: tools/readings.sh OUT_DIR}
mkdir -p "$out"
eval=target/release/examples/evaluate
for set in ../shared/eval/scrapinghub ../shared/eval/trafilatura target/eval/wcxb-dev target/eval/l3s-gn1; do
  name=$(basename "$set")
  for t in article collection documentation forum listing product service; do
    "$eval" "$set" --page-type "$t" --per-doc "$out/$name.$t.jsonl" > "$out/$name.$t.txt"
  done
  "$eval" "$set" --per-doc "$out/$name.auto.jsonl" > "$out/$name.auto.txt"
done
