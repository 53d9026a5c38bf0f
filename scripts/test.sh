#!/usr/bin/env bash
# From nothing: install veille with its test tools and run the whole suite (slow end-to-end tests included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test,kb
.venv/bin/python -m pytest -q "$@"
