#!/usr/bin/env bash
# Runs the whole test suite: Java unit tests (Surefire), Python driver tests, integration tests
# (Failsafe: CLI end to end with real Spark, containers through Testcontainers + podman, headless
# Chromium, the GitHub Action's steps, Spark mode) and the action linters.
# Installs what it needs first, idempotently: Debian Python packages, Chromium, podman + its API
# service + the registry-free test image, the npm lint tools.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/install-deps.sh

if ! command -v chromium >/dev/null 2>&1; then
  echo "test.sh: installing chromium (apt-get)" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

if [ -f package.json ] && { [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; }; then
  echo "test.sh: installing npm lint tools" >&2
  if [ -f package-lock.json ]; then npm ci --ignore-scripts --no-audit --no-fund --silent; else npm install --ignore-scripts --no-audit --no-fund --silent; fi
fi

# shellcheck source=podman-env.sh
source scripts/podman-env.sh

PYTHON=""
for py in "${FINK_PERF_PYTHON:-}" python3 /usr/bin/python3; do
  [ -n "$py" ] || continue
  if "$py" -c "import numpy, pandas, line_profiler" >/dev/null 2>&1; then PYTHON="$(command -v "$py")"; break; fi
done
export FINK_PERF_PYTHON="$PYTHON"

status=0
mvn -B -ntp -Dpython.executable="$PYTHON" verify "$@" || status=$?
pidfile="${FINK_PERF_STATE:-$HOME/.cache/fink-perf}/podman/service.pid"
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  echo "test.sh: the podman API service stays up for the next run; stop it with: kill \$(cat $pidfile)" >&2
fi
exit "$status"
