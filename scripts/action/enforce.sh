#!/usr/bin/env bash
# Step "enforce", last so the artifact is uploaded first: fails the job as fail-on says. The decision
# and its exit code are fink-perf's own (`fink-perf gate`, see its --help):
#   error            any module failed, or profiling itself failed (fink-perf's exit code)
#   never            never (setup failures, e.g. a bad checksum, still fail their own step)
#   min-throughput:N as error, and also when an OK module's mean is below N alerts/s/core (exit 12)
# An empty PROFILE_EXIT means the profile step did not run.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

errors="$(mktemp)"
trap 'rm -f "$errors"' EXIT
set +e
fink_perf gate --fail-on "$FAIL_ON" --profile-exit "${PROFILE_EXIT:-}" --results "$REPORT_DIR/results.json" 2>"$errors"
code=$?
set -e
if [ "$code" != 0 ]; then
  cat "$errors" >&2
  reason="$(grep '^fink-perf: ' "$errors" | tail -n 1 || true)"
  reason="${reason:-fink-perf: gate exited with $code}"
  echo "::error title=fink-perf::${reason#fink-perf: } (see the summary and $REPORT_DIR/fink-perf.log)"
fi
exit "$code"
