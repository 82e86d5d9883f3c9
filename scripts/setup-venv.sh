#!/usr/bin/env bash
# Creates (or refreshes) the Python virtualenv that the conformance tests use to run the official
# provider SDKs against the DemoServer. Idempotent: does nothing when every pinned package is present.
#
#   scripts/setup-venv.sh            # venv at <package root>/.build/venv
#   ORGTUI_VENV=/path scripts/setup-venv.sh
#   PYTHON=/usr/bin/python3 scripts/setup-venv.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${ORGTUI_VENV:-$root/.build/venv}"
python="${PYTHON:-python3}"

# The SDK versions the API references in shared/api/ were written from. Bump deliberately.
requirements=(
    "cloudflare==5.9.0"
    "openai==3.57.0"
    "keycardai-api==0.18.0"
)

venv_is_complete() {
    [[ -x "$venv/bin/python" ]] || return 1
    "$venv/bin/python" - "${requirements[@]}" <<'PY' 2>/dev/null
import sys
from importlib import metadata

for requirement in sys.argv[1:]:
    name, _, version = requirement.partition("==")
    try:
        if metadata.version(name) != version:
            sys.exit(1)
    except metadata.PackageNotFoundError:
        sys.exit(1)
PY
}

if venv_is_complete; then
    echo "setup-venv: $venv is up to date (${requirements[*]})"
    exit 0
fi

if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c 'import pip' >/dev/null 2>&1; then
    echo "setup-venv: creating $venv with $("$python" --version 2>&1)"
    mkdir -p "$(dirname "$venv")"
    "$python" -m venv --clear "$venv"
fi

echo "setup-venv: installing ${requirements[*]}"
PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/python" -m pip install --quiet --no-input "${requirements[@]}"

if ! venv_is_complete; then
    echo "setup-venv: $venv is still missing packages after install" >&2
    exit 1
fi
echo "setup-venv: ready ($venv)"
