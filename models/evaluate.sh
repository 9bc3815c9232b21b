#!/usr/bin/env bash
# Reproduces the table in docs/detection.md: generates the three evaluation streams (seeds 201-203,
# never trained on) and evaluates models/login-anomaly.zip on them. Writes evaluation/report.md,
# evaluation/roc-*.png and evaluation/pr-*.png, or into the folder given as the first argument.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-evaluation}")
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
dotnet build src/LoginGuard.Tools -c Release --nologo -v quiet >/dev/null
loginguard-tools() { dotnet src/LoginGuard.Tools/bin/Release/net10.0/loginguard-tools.dll "$@"; }
args=()
for seed in 201 202 203; do
  loginguard-tools generate --users 500 --days 30 --seed "$seed" --start 2026-10-01 --geoip "$PWD/data-samples/geoip" --out "$data/seed-$seed"
  args+=(--events "$data/seed-$seed/events.jsonl" --labels "$data/seed-$seed/labels.csv")
done
loginguard-tools evaluate "${args[@]}" --model models/login-anomaly.zip --geoip "$PWD/data-samples/geoip" --out "$out"
