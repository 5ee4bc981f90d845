#!/usr/bin/env bash
# Fuzzes the plan-file parser and the prefix parser (tests/fuzz.rs) in the release profile with
# FUZZ_CASES cases each (default 1000000), and prints the cases each fuzzer ran and the time taken.
# Seeds are random on every run; a failure prints the shrunk input. `cargo test` runs the same
# fuzzers with 20000 cases each.
#   scripts/fuzz.sh                     a million cases each
#   FUZZ_CASES=50000 scripts/fuzz.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export FUZZ_CASES="${FUZZ_CASES:-1000000}"
SECONDS=0
cargo test --locked --release --test fuzz --no-run --quiet
built=$SECONDS
echo "fuzz.sh: built in ${built} s; ${FUZZ_CASES} cases per fuzzer" >&2
SECONDS=0
status=0
cargo test --locked --release --quiet --test fuzz -- --nocapture || status=$?
echo "fuzz.sh: fuzzing took ${SECONDS} s (FUZZ_CASES=${FUZZ_CASES})$([ "$status" = 0 ] || echo "; FAILED")" >&2
exit "$status"
