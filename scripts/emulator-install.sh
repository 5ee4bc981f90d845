#!/usr/bin/env bash
# Installs the local AWS emulator (moto server, pinned) into ./.venv, git-ignored, with cbor2 for the CBOR
# protocol adapter of scripts/moto_cbor.py (started by scripts/moto-server), and the tools the tests run
# on exported plans: the AWS CLI (v1) and python-hcl2 (cfn-lint comes with moto's server extra).
# Idempotent: does nothing when the pinned versions are already there.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/.venv"
want="5.2.5"
cbor="5.7.1"
awscli="1.46.3"
hcl2="8.1.4"
if [ -x "$venv/bin/moto_server" ] && "$venv/bin/python" -c "
import sys, moto, importlib.metadata as m
sys.exit(moto.__version__ != '$want' or m.version('cbor2') != '$cbor'
         or m.version('awscli') != '$awscli' or m.version('python-hcl2') != '$hcl2')" 2>/dev/null; then
  exit 0
fi
echo "installing moto server $want into $venv (about 20 s)..." >&2
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check --upgrade pip
"$venv/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$want" "cbor2==$cbor" \
  "awscli==$awscli" "python-hcl2==$hcl2"
"$venv/bin/moto_server" --help >/dev/null
echo "moto server installed: $venv/bin/moto_server" >&2
