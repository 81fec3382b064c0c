#!/usr/bin/env bash
# Step "enforce", last so the artifact is uploaded first: fails the job as fail-on says (one word, or
# several comma-separated). The profile words are judged by fink-perf itself (`fink-perf gate`, see its
# --help); the comparison's by the exit code of the compare step:
#   error            any module failed, or profiling itself failed (fink-perf's exit code)
#   never            never (setup failures, e.g. a bad checksum, still fail their own step)
#   min-throughput:N as error, and also when an OK module's mean is below N alerts/s/core (exit 12)
#   regression[:PCT] the comparison with the baseline judged a module slower (exit 12)
#   output-changed   a module's output differs from the baseline's (exit 22)
# An empty PROFILE_EXIT means the profile step did not run.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

profile_policy=error
compare_words=""
for word in ${FAIL_ON//,/ }; do
  case "$word" in
    never) profile_policy=never ;;
    min-throughput:*) [ "$profile_policy" = never ] || profile_policy="$word" ;;
    regression* | output-changed) compare_words="${compare_words:+$compare_words,}$word" ;;
  esac
done

errors="$(mktemp)"
trap 'rm -f "$errors"' EXIT
set +e
fink_perf gate --fail-on "$profile_policy" --profile-exit "${PROFILE_EXIT:-}" --results "$REPORT_DIR/results.json" 2>"$errors"
code=$?
set -e
if [ "$code" != 0 ]; then
  cat "$errors" >&2
  reason="$(grep '^fink-perf: ' "$errors" | tail -n 1 || true)"
  reason="${reason:-fink-perf: gate exited with $code}"
  echo "::error title=fink-perf::${reason#fink-perf: } (see the summary and $REPORT_DIR/fink-perf.log)"
  exit "$code"
fi
if [ -n "$compare_words" ] && [ "$profile_policy" != never ]; then
  case "${COMPARE_EXIT:-}" in
    "") die "fail-on $compare_words needs a comparison: set baseline-ref (or run on a pull_request event)" ;;
    0) echo "fink-perf: the comparison with the baseline passes fail-on $compare_words" ;;
    12) echo "::error title=fink-perf::a module is slower than the baseline (see compare.md)"; exit 12 ;;
    22) echo "::error title=fink-perf::a module's output changed from the baseline (see compare.md)"; exit 22 ;;
    *) die "fink-perf compare failed with exit code $COMPARE_EXIT (see $REPORT_DIR/compare/fink-perf-compare.log)" ;;
  esac
fi
