#!/usr/bin/env bash
# The local AWS emulator (moto server) on 127.0.0.1, on a port the kernel picks.
#   scripts/emulator.sh start   install if needed, start, wait until ready, write .work/emulator.env
#   scripts/emulator.sh stop    stop the server started by "start"
#   scripts/emulator.sh env     print the environment that points the AWS SDK at it
# .work/emulator.env sets AWS_ENDPOINT_URL and dummy credentials; `source` it to use the emulator.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/.work"
pidfile="$work/emulator.pid"
envfile="$work/emulator.env"
logfile="$work/emulator.log"

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

case "${1:-}" in
  start)
    if running; then cat "$envfile"; exit 0; fi
    "$root/scripts/emulator-install.sh"
    mkdir -p "$work"
    : > "$logfile"
    # -p 0: the kernel picks a free port; the server prints it on stderr ("Running on http://127.0.0.1:PORT").
    nohup "$root/scripts/moto-server" -H 127.0.0.1 -p 0 >/dev/null 2>>"$logfile" &
    echo $! > "$pidfile"
    port=""
    for _ in $(seq 1 200); do
      port=$(grep -oE 'Running on http://127\.0\.0\.1:[0-9]+' "$logfile" | head -n1 | grep -oE '[0-9]+$' || true)
      [ -n "$port" ] && break
      running || { echo "the emulator exited; see $logfile" >&2; exit 1; }
      sleep 0.05
    done
    [ -n "$port" ] || { echo "the emulator did not start within 10 s; see $logfile" >&2; exit 1; }
    url="http://127.0.0.1:$port"
    for _ in $(seq 1 200); do
      python3 - "$url" <<'PY' && break
import sys, urllib.request
try:
    urllib.request.urlopen(urllib.request.Request(sys.argv[1] + "/moto-api/reset", method="POST"), timeout=1)
except Exception:
    sys.exit(1)
PY
      sleep 0.05
    done
    cat > "$envfile" <<ENV
export AWS_ENDPOINT_URL=$url
export AWS_ACCESS_KEY_ID=test
export AWS_SECRET_ACCESS_KEY=test
export AWS_REGION=\${AWS_REGION:-us-east-1}
export AWS_DEFAULT_REGION=\${AWS_REGION}
export AWS_EC2_METADATA_DISABLED=true
ENV
    echo "emulator running at $url (pid $(cat "$pidfile"), log $logfile)" >&2
    cat "$envfile"
    ;;
  stop)
    if running; then kill "$(cat "$pidfile")"; echo "emulator stopped" >&2; fi
    rm -f "$pidfile" "$envfile"
    ;;
  env)
    running || { echo "the emulator is not running: scripts/emulator.sh start" >&2; exit 1; }
    cat "$envfile"
    ;;
  *)
    echo "usage: scripts/emulator.sh start|stop|env" >&2; exit 2 ;;
esac
