#!/usr/bin/env bash
# Step "enforce", last so the artifact is uploaded first: fails the job as fail-on says.
#   error            any module failed, or profiling itself failed (fink-perf's exit code)
#   never            never (setup failures, e.g. a bad checksum, still fail their own step)
#   min-throughput:N as error, and also when an OK module's mean is below N alerts/s/core
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

code="${PROFILE_EXIT:-}"
case "$FAIL_ON" in
  never)
    echo "fink-perf: fail-on never (profile exit code ${code:-none})"
    exit 0 ;;
esac
[ -n "$code" ] || die "profiling did not run"
[ "$code" = 0 ] || die "fink-perf profile failed with exit code $code (see the summary and $REPORT_DIR/fink-perf.log)"
case "$FAIL_ON" in
  min-throughput:*)
    limit="${FAIL_ON#min-throughput:}"
    slow="$(jq -r --argjson limit "$limit" '[.modules[] | select(.status == "OK" and .throughputStats.mean < $limit)
      | "\(.name) (\(.throughputStats.mean * 10 | round / 10))"] | join(", ")' "$REPORT_DIR/results.json")"
    if [ -n "$slow" ]; then
      echo "::error title=fink-perf::below min-throughput $limit alerts/s/core: $slow"
      exit 12
    fi
    echo "fink-perf: every module is at or above $limit alerts/s/core" ;;
esac
