#!/usr/bin/env bash
# Installs what fink-perf needs to run modules on this host: Java 17 + Maven to build, and a
# Python 3 with numpy, pandas, line_profiler, scikit-learn, scipy, astropy, psutil (Debian
# packages; no PyPI needed). Idempotent: a no-op taking well under a second when all is there.
set -euo pipefail

PY_IMPORTS="numpy pandas line_profiler sklearn scipy astropy psutil"
DEB_PACKAGES="python3 python3-numpy python3-pandas python3-line-profiler python3-sklearn python3-scipy python3-astropy python3-psutil"

have_python_stack() {
  local py
  for py in "${FINK_PERF_PYTHON:-}" python3 /usr/bin/python3; do
    [ -n "$py" ] || continue
    if "$py" -c "import ${PY_IMPORTS// /, }" >/dev/null 2>&1; then
      return 0
    fi
  done
  return 1
}

apt_install() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "fink-perf: missing: $*; install them (Debian/Ubuntu: sudo apt-get install -y $*)" >&2
    exit 8
  fi
  echo "fink-perf: installing $* (apt-get)" >&2
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -n 1)" ]; then
    apt-get update -qq >&2
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

if ! command -v java >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
  apt_install openjdk-17-jdk-headless maven
fi
if ! have_python_stack; then
  apt_install $DEB_PACKAGES
fi
