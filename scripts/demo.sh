#!/usr/bin/env bash
# From nothing: install veille and print the analysis of the specimen article as a readable report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/veille analyze tests/specimen/corpus/seed-fr-001.txt --published 2024-01-05 --id seed-fr-001 --format text
