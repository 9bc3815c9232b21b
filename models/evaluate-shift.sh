#!/usr/bin/env bash
# Reproduces docs/evaluation-shift/ (report.md, scores are left out, roc-*.png and pr-*.png): the committed model, trained on
# the training profile (seeds 101-103, models/retrain.sh), evaluated on streams of the three shifted profiles it
# never saw (seed 701 each: 1,000 learners, 30 days). No choice of rules, model or thresholds was made on these
# streams (docs/detection.md says which streams each was made on). Writes into the folder given as the first
# argument, default docs/evaluation-shift.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-docs/evaluation-shift}")
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
dotnet build src/LoginGuard.Tools -c Release --nologo -v quiet >/dev/null
loginguard-tools() { dotnet src/LoginGuard.Tools/bin/Release/net10.0/loginguard-tools.dll "$@"; }
args=()
for profile in shift-population shift-tactics shift-new-learners; do
  loginguard-tools generate --profile "$profile" --users 1000 --days 30 --seed 701 --start 2026-10-01 --geoip "$PWD/data-samples/geoip" --out "$data/$profile"
  args+=(--events "$data/$profile/events.jsonl" --labels "$data/$profile/labels.csv")
done
loginguard-tools evaluate "${args[@]}" --model models/login-anomaly.zip --geoip "$PWD/data-samples/geoip" --out "$data/report"
mkdir -p "$out"
cp "$data/report/report.md" "$data/report"/roc-*.png "$data/report"/pr-*.png "$out/"
