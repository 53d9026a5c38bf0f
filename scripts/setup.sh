#!/usr/bin/env bash
# Create .venv (if absent) and install veille into it with the given extras, from nothing but Python and pip.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q ".${extras:+[$extras]}"
