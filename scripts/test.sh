#!/usr/bin/env bash
# The project's test command (README "Tests"; CI runs it through .ci/run).
# Installs the local AWS emulator if needed, then checks formatting and lints, and runs every test:
# unit and property tests, the CLI tests, and the end-to-end tests against real moto servers.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scripts/emulator-install.sh
export MOTO_SERVER="$root/scripts/moto-server"
cargo fmt --check
cargo clippy --locked --all-targets --quiet -- -D warnings
cargo test --locked
