#!/usr/bin/env bash
# From nothing: install veille with its test tools and run the whole suite (slow end-to-end tests included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test,kb
# The browser tests drive Debian's Chromium (never a downloaded browser); they fail, not skip, without it.
if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)
  else
    echo "scripts/test.sh: chromium is missing (apt-get install chromium, as root)" >&2
  fi
fi
# The type check of the package ([tool.mypy] in pyproject.toml), then the whole suite.
.venv/bin/python -m mypy
.venv/bin/python -m pytest -q "$@"
