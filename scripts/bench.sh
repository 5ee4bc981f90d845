#!/usr/bin/env bash
# Times the binary (release build): `validate` of the lab plan; `apply` of the lab plan, a second `apply` and
# `destroy` against a local emulator (a fresh emulator state and journal for every run); and the wizard's start in a
# pseudo-terminal.
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

# apply (8 steps, all created), apply again (converges: every step reused, nothing created), destroy (the journal's
# 6 resources, newest first): each on a fresh emulator state and journal
reset() {
  .venv/bin/python -c "import urllib.request,os; urllib.request.urlopen(urllib.request.Request(os.environ['AWS_ENDPOINT_URL']+'/moto-api/reset', method='POST'))"
  .venv/bin/python -c "import boto3; boto3.client('kinesis').create_stream(StreamName='retail-trans', StreamModeDetails={'StreamMode':'ON_DEMAND'})"
  rm -rf "$XDG_STATE_HOME"
}
export XDG_STATE_HOME="$tmp/state"
: >"$tmp/apply" ; : >"$tmp/rerun" ; : >"$tmp/destroy"
for _ in $(seq "$runs"); do
  reset
  ms "$bin" --log-file "$tmp/log" apply "$tmp/plan.json" >>"$tmp/apply"
  ms "$bin" --log-file "$tmp/log" apply "$tmp/plan.json" >>"$tmp/rerun"
  ms "$bin" --log-file "$tmp/log" destroy "$tmp/plan.json" >>"$tmp/destroy"
done
echo -n "apply lab plan (8 steps):     "; stats <"$tmp/apply"
echo -n "apply again (all reused):     "; stats <"$tmp/rerun"
echo -n "destroy (6 resources):        "; stats <"$tmp/destroy"
reset
(cd "$tmp" && HOME="$tmp" python3 "$root/scripts/bench-startup.py" "$bin" "$runs")
rm -rf "$tmp"
