#!/usr/bin/env bash
# Times the binary (release build): `validate` of the lab plan, `apply` of the lab plan against a local
# emulator (a fresh emulator state for every run), and the wizard's start in a pseudo-terminal.
# Prints min / median / max in milliseconds. The picker's keystroke time: cargo bench --bench picker.
#   scripts/bench.sh [RUNS]   (default 20)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs="${1:-20}"
cargo build --locked --release --quiet
bin="$root/target/release/firehose-wizard"
scripts/emulator.sh stop >/dev/null 2>&1 || true
scripts/emulator.sh start >/dev/null
trap 'scripts/emulator.sh stop >/dev/null 2>&1' EXIT
# shellcheck disable=SC1091
source .work/emulator.env
tmp="$(mktemp -d)"
"$bin" init --lab --bucket-suffix bench000 -o "$tmp/plan.json" 2>/dev/null
export FIREHOSE_WIZARD_LOG=off

stats() { sort -n | awk '{a[NR]=$1} END {printf "min %.1f  median %.1f  max %.1f ms  (%d runs)\n", a[1], a[int((NR+1)/2)], a[NR], NR}'; }
# one timed run; a failing run stops the benchmark instead of being timed
ms() {
  local s e
  s=$(date +%s%N)
  "$@" >/dev/null 2>&1 || { echo "benchmark run failed: $*" >&2; exit 1; }
  e=$(date +%s%N)
  awk -v s="$s" -v e="$e" 'BEGIN { printf "%.1f\n", (e - s) / 1e6 }'
}

echo -n "validate lab plan:            "
for _ in $(seq "$runs"); do ms "$bin" --log-file "$tmp/log" validate "$tmp/plan.json"; done | stats

echo -n "apply lab plan (7 steps):     "
for _ in $(seq "$runs"); do
  python3 -c "import urllib.request,os; urllib.request.urlopen(urllib.request.Request(os.environ['AWS_ENDPOINT_URL']+'/moto-api/reset', method='POST'))"
  .venv/bin/python -c "import boto3; boto3.client('kinesis').create_stream(StreamName='retail-trans', StreamModeDetails={'StreamMode':'ON_DEMAND'})"
  ms "$bin" --log-file "$tmp/log" apply "$tmp/plan.json"
done | stats
.venv/bin/python -c "import urllib.request,os; urllib.request.urlopen(urllib.request.Request(os.environ['AWS_ENDPOINT_URL']+'/moto-api/reset', method='POST'))"
.venv/bin/python -c "import boto3; boto3.client('kinesis').create_stream(StreamName='retail-trans', StreamModeDetails={'StreamMode':'ON_DEMAND'})"
(cd "$tmp" && HOME="$tmp" python3 "$root/scripts/bench-startup.py" "$bin" "$runs")
rm -rf "$tmp"
