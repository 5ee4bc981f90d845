#!/usr/bin/env bash
# Times the binary (release build): `validate` of the lab plan; `apply` of the lab plan, a second `apply` and
# `destroy` against a local emulator (a fresh emulator state and journal for every run); `send` of 10,000 test
# records through a Kinesis source and through Direct PUT (records/s); `status`, the snapshot the watch view takes at
# each refresh (time, and the AWS calls it makes, counted in the emulator's access log); and the wizard's start in a
# pseudo-terminal.
# Prints min / median / max in milliseconds. The picker's keystroke time: cargo bench --bench picker; the watch
# view's redraw: cargo bench --bench watch.
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
# send 10,000 test records (20 calls of 500) through the lab's Kinesis source and through a Direct PUT stream
reset
"$bin" --log-file "$tmp/log" apply "$tmp/plan.json" >/dev/null
cat >"$tmp/direct.json" <<'JSON'
{"name": "bench-direct", "source": "direct_put",
 "destination": {"bucket": "fw-bench-direct-0001", "create_bucket": true, "prefix": "raw/"}}
JSON
"$bin" --log-file "$tmp/log" apply "$tmp/direct.json" >/dev/null
sends=$(( runs < 5 ? runs : 5 ))
rate() { awk '{printf "%.0f\n", 10000 / ($1 / 1000)}' | sort -n | awk '{a[NR]=$1} END {printf "median %d records/s\n", a[int((NR+1)/2)]}'; }
for target in "$tmp/plan.json" "$tmp/direct.json"; do
  : >"$tmp/send"
  for _ in $(seq "$sends"); do ms "$bin" --log-file "$tmp/log" send "$target" --records 10000 >>"$tmp/send"; done
  if [ "$target" = "$tmp/plan.json" ]; then echo -n "send 10,000 (Kinesis source):  "; else echo -n "send 10,000 (Direct PUT):      "; fi
  stats <"$tmp/send"
  echo -n "                               "; rate <"$tmp/send"
done
# status: the snapshot of each watch refresh (describe, metrics, listings, error log)
: >"$tmp/status"
for _ in $(seq "$runs"); do ms "$bin" --log-file "$tmp/log" status "$tmp/direct.json" >>"$tmp/status"; done
echo -n "status / one watch refresh:   "; stats <"$tmp/status"
before=$(wc -l <.work/emulator.log)
"$bin" --log-file "$tmp/log" status "$tmp/direct.json" >/dev/null
after=$(wc -l <.work/emulator.log)
calls=$(sed -n "$((before + 1)),${after}p" .work/emulator.log | grep -c '" [0-9][0-9][0-9] ' || true)
echo "AWS calls per watch refresh:  $calls (every 10 s while the view is open)"
reset
(cd "$tmp" && HOME="$tmp" python3 "$root/scripts/bench-startup.py" "$bin" "$runs")
rm -rf "$tmp"
