#!/usr/bin/env bash
# Prints the size of the release and dist binaries (README "A binary to hand out"), in bytes and MB (10^6 bytes),
# and, when cargo-bloat is installed (cargo install cargo-bloat --locked), the 10 crates that take the most of the
# release binary's code (.text). Not a test: nothing here fails on a size, and scripts/test.sh does not call it.
#   scripts/sizes.sh              build both (cargo build --release, cargo build --profile dist), then print
#   scripts/sizes.sh --no-build   only read the binaries already built (a missing one is said so); no cargo-bloat
#   scripts/sizes.sh --no-bloat   build both, skip cargo-bloat (it needs a build of its own: the release profile
#                                 unstripped, the `bloat` profile in target/bloat/, as long as a release build)
# CARGO_TARGET_DIR is honoured. A clean dist build takes several minutes (LTO, one codegen unit).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

build=1
bloat=1
for arg in "$@"; do
    case "$arg" in
        --no-build) build=0 ;;
        --no-bloat) bloat=0 ;;
        -h | --help)
            sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "sizes.sh: unknown option $arg (--no-build, --no-bloat)" >&2
            exit 2
            ;;
    esac
done

target="${CARGO_TARGET_DIR:-$root/target}"
bin=firehose-wizard

if [ "$build" = 1 ]; then
    echo "building: cargo build --release, cargo build --profile dist" >&2
    cargo build --locked --release --quiet
    cargo build --locked --profile dist --quiet
fi

printf '%-8s %12s %9s  %s\n' profile bytes MB path
for profile in release dist; do
    path="$target/$profile/$bin"
    if [ -f "$path" ]; then
        bytes=$(stat -c %s "$path")
        printf '%-8s %12s %9s  %s\n' "$profile" "$bytes" "$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e6 }')" "$path"
    else
        printf '%-8s %12s %9s  %s (not built)\n' "$profile" - - "$path"
    fi
done

if [ "$bloat" = 0 ] || [ "$build" = 0 ]; then
    exit 0
fi
if ! cargo bloat --version >/dev/null 2>&1; then
    echo
    echo "cargo-bloat is not installed: no per-crate sizes (cargo install cargo-bloat --locked)"
    exit 0
fi
echo
echo "the 10 largest crates of the release binary's code (cargo bloat: the release profile unstripped)"
# The `bloat` profile: release without strip (cargo-bloat reads the symbols), built in target/bloat/ so that the
# stripped release binary is left as it is.
export CARGO_PROFILE_BLOAT_INHERITS=release
export CARGO_PROFILE_BLOAT_STRIP=false
cargo bloat --locked --profile bloat --bin "$bin" --crates -n 10 2>/dev/null
