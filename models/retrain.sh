#!/usr/bin/env bash
# Reproduces models/login-anomaly.zip and models/login-anomaly.json: generates the three training
# streams (seeds 101-103; evaluation uses 201-203, never these) and trains on them with seed 1.
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
dotnet build src/LoginGuard.Tools -c Release --nologo -v quiet >/dev/null
loginguard-tools() { dotnet src/LoginGuard.Tools/bin/Release/net10.0/loginguard-tools.dll "$@"; }
args=()
for seed in 101 102 103; do
  loginguard-tools generate --users 500 --days 30 --seed "$seed" --start 2026-10-01 --geoip "$PWD/data-samples/geoip" --out "$data/seed-$seed"
  args+=(--events "$data/seed-$seed/events.jsonl" --labels "$data/seed-$seed/labels.csv")
done
loginguard-tools train "${args[@]}" --seed 1 --trainer LightGbm --geoip "$PWD/data-samples/geoip" --out models
