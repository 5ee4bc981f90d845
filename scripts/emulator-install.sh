#!/usr/bin/env bash
# Installs the local AWS emulator (moto server, pinned) into ./.venv, git-ignored.
# Idempotent: does nothing when the pinned version is already there.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/.venv"
want="5.2.5"
if [ -x "$venv/bin/moto_server" ] && "$venv/bin/python" -c "import moto,sys; sys.exit(moto.__version__ != '$want')" 2>/dev/null; then
  exit 0
fi
echo "installing moto server $want into $venv (about 20 s)..." >&2
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check --upgrade pip
"$venv/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$want"
"$venv/bin/moto_server" --help >/dev/null
echo "moto server installed: $venv/bin/moto_server" >&2
