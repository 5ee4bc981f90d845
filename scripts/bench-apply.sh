#!/usr/bin/env bash
# Times `apply` of the lab plan against the script that `export --format cli` writes for it (the AWS CLI,
# from the emulator's virtualenv), interleaved run by run against one emulator: each run starts from an
# empty emulator (with the lab's source stream) and an empty journal. Prints min / median / max of each,
# and the ratio of the medians.
#   scripts/bench-apply.sh [RUNS] [DELAY_MS]   (default 10 runs, 0 ms)
# DELAY_MS > 0 puts scripts/delay_proxy.py between both and the emulator, so that every call takes that
# much longer, as a real AWS endpoint's round trip does. FIREHOSE_WIZARD_BIN times another build of the
# binary (default: this tree's release build, built first).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs="${1:-10}"
delay="${2:-0}"
if [ -n "${FIREHOSE_WIZARD_BIN:-}" ]; then
  bin="$FIREHOSE_WIZARD_BIN"
else
  cargo build --locked --release --quiet
  bin="$root/target/release/firehose-wizard"
fi
scripts/emulator.sh stop >/dev/null 2>&1 || true
scripts/emulator.sh start >/dev/null 2>&1
tmp="$(mktemp -d)"
proxy_pid=""
cleanup() {
  [ -n "$proxy_pid" ] && kill "$proxy_pid" 2>/dev/null
  scripts/emulator.sh stop >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT
# shellcheck disable=SC1091
source .work/emulator.env
emulator="$AWS_ENDPOINT_URL"
if [ "$delay" -gt 0 ]; then
  port=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  .venv/bin/python scripts/delay_proxy.py "$port" "$emulator" "$delay" >/dev/null &
  proxy_pid=$!
  for _ in $(seq 1 100); do
    .venv/bin/python -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break
    sleep 0.05
  done
  export AWS_ENDPOINT_URL="http://127.0.0.1:$port"
fi
export FIREHOSE_WIZARD_LOG=off XDG_STATE_HOME="$tmp/state" PATH="$root/.venv/bin:$PATH"
"$bin" init --lab --bucket-suffix bench000 -o "$tmp/plan.json" 2>/dev/null
"$bin" export "$tmp/plan.json" --format cli -o "$tmp/lab.sh" >/dev/null 2>&1

reset() {
  .venv/bin/python -c "import urllib.request; urllib.request.urlopen(urllib.request.Request('$emulator/moto-api/reset', method='POST'))"
  AWS_ENDPOINT_URL="$emulator" .venv/bin/python -c "import boto3; boto3.client('kinesis').create_stream(StreamName='retail-trans', StreamModeDetails={'StreamMode':'ON_DEMAND'})"
  rm -rf "$XDG_STATE_HOME"
}
ms() {
  local s e
  s=$(date +%s%N)
  "$@" >"$tmp/out" 2>&1 || { cat "$tmp/out" >&2; echo "benchmark run failed: $*" >&2; exit 1; }
  e=$(date +%s%N)
  awk -v s="$s" -v e="$e" 'BEGIN { printf "%.1f\n", (e - s) / 1e6 }'
}
stats() { sort -n | awk '{a[NR]=$1} END {printf "min %.1f  median %.1f  max %.1f ms  (%d runs)\n", a[1], a[int((NR+1)/2)], a[NR], NR}'; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

: >"$tmp/apply"
: >"$tmp/script"
for _ in $(seq "$runs"); do
  reset
  ms "$bin" apply "$tmp/plan.json" >>"$tmp/apply"
  reset
  ms bash "$tmp/lab.sh" >>"$tmp/script"
done
echo "per-call delay:                ${delay} ms"
echo -n "apply lab plan:                "; stats <"$tmp/apply"
echo -n "export --format cli script:    "; stats <"$tmp/script"
awk -v a="$(median <"$tmp/apply")" -v s="$(median <"$tmp/script")" \
  'BEGIN { printf "apply / script (medians):      %.3f\n", a / s }'
