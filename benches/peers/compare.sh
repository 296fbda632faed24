#!/usr/bin/env bash
# Side-by-side throughput on one core: dechrome, Python trafilatura, resiliparse and
# rs-trafilatura, on the pages of a folder (default: the scrapinghub set beside the repo).
#
#   benches/peers/compare.sh [PAGES_DIR] [ROUNDS]
#
# The Python peers are installed from PyPI into benches/peers/.venv on the first run (the
# versions are pinned in requirements.txt). Each system runs in-process with start-up and
# file reading outside the timing, and reports the median round. The machine is shared, so
# dechrome is timed right after each peer and the ratios are those of neighbouring runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
PAGES="$(realpath "${1:-../shared/eval/scrapinghub/pages}")"
ROUNDS="${2:-5}"
VENV=benches/peers/.venv

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet -r benches/peers/requirements.txt
fi
cargo build --release --quiet --example speed

dechrome() {
  ./target/release/examples/speed "$PAGES" "$ROUNDS" | grep '^dechrome'
}

for peer in trafilatura resiliparse; do
  "$VENV/bin/python" benches/peers/python_peer_speed.py "$peer" "$PAGES" "$ROUNDS" 2>/dev/null
  dechrome
done
# rs-trafilatura alternates its rounds with dechrome's in one process.
(cd benches/peers/rs-trafilatura && cargo run --release --quiet -- "$PAGES" "$ROUNDS")
