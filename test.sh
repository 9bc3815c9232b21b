#!/usr/bin/env bash
# Runs every LoginGuard test from a fresh clone. Installs what the tests need when it is missing,
# then prints one closing line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is needed (dotnet on PATH)." >&2
  exit 1
fi

# The integration tests start their own redis-server on a free loopback port.
if ! command -v redis-server >/dev/null 2>&1; then
  echo "test.sh: installing redis-server from Debian's packages for the integration tests ..."
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends redis-server >/dev/null
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test LoginGuard.sln --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# dotnet test prints one summary per test assembly; CI reads one plain line for the whole run. A project
# that does not build runs no tests and prints no summary, so the counts alone could look green: the line
# then says how dotnet test ended.
{ grep -oE 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" || true; } \
  | awk -F'[:,] +' -v status="$status" '{ failed += $2; passed += $4; skipped += $6 }
      END {
        printf "%d passed, %d failed, %d skipped", passed, failed, skipped
        if (status != 0 && failed == 0) printf " (dotnet test exited with %d: a project did not build or a test host crashed, see above)", status
        printf "\n"
      }'
exit "$status"
