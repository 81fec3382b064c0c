#!/usr/bin/env bash
# Step "deps": the launcher installs Java/Maven/Python packages itself when it runs as root; on a
# hosted runner it is not root, so run the same idempotent script once through passwordless sudo.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
deps="${GITHUB_ACTION_PATH:?}/scripts/install-deps.sh"
if [ "$(id -u)" = 0 ]; then
  "$deps"
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo -n --preserve-env=FINK_PERF_PYTHON "$deps"
else
  "$deps" || die "missing host packages and no passwordless sudo: install them (see $deps)"
fi
