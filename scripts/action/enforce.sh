#!/usr/bin/env bash
# Step "enforce", last so the artifact is uploaded first: fails the job as fail-on says, one word or
# several comma-separated.
#   error            any module failed, or profiling itself failed (fink-perf's exit code)
#   never            never (setup failures, e.g. a bad checksum, still fail their own step)
#   min-throughput:N as error, and also when an OK module's mean is below N alerts/s/core
#   regression[:PCT] the comparison with the baseline judged a module slower (exit 12)
#   output-changed   a module's output differs from the baseline's (exit 20)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

code="${PROFILE_EXIT:-}"
words=",$FAIL_ON,"
if [[ "$words" == *,never,* ]]; then
  echo "fink-perf: fail-on never (profile exit code ${code:-none}, compare exit code ${COMPARE_EXIT:-none})"
  exit 0
fi
[ -n "$code" ] || die "profiling did not run"
[ "$code" = 0 ] || die "fink-perf profile failed with exit code $code (see the summary and $REPORT_DIR/fink-perf.log)"
if [[ "$words" == *,regression* || "$words" == *,output-changed,* ]]; then
  case "${COMPARE_EXIT:-}" in
    "") die "fail-on $FAIL_ON needs a comparison: set baseline-ref (or run on a pull_request event)" ;;
    0) echo "fink-perf: the comparison with the baseline passes fail-on $FAIL_ON" ;;
    12) echo "::error title=fink-perf::a module is slower than the baseline (see compare.md)"; exit 12 ;;
    20) echo "::error title=fink-perf::a module's output changed from the baseline (see compare.md)"; exit 20 ;;
    *) die "fink-perf compare failed with exit code $COMPARE_EXIT (see $REPORT_DIR/compare/fink-perf-compare.log)" ;;
  esac
fi
for word in ${FAIL_ON//,/ }; do
  case "$word" in
    min-throughput:*)
      limit="${word#min-throughput:}"
      slow="$(jq -r --argjson limit "$limit" '[.modules[] | select(.status == "OK" and .throughputStats.mean < $limit)
        | "\(.name) (\(.throughputStats.mean * 10 | round / 10))"] | join(", ")' "$REPORT_DIR/results.json")"
      if [ -n "$slow" ]; then
        echo "::error title=fink-perf::below min-throughput $limit alerts/s/core: $slow"
        exit 12
      fi
      echo "fink-perf: every module is at or above $limit alerts/s/core" ;;
  esac
done
