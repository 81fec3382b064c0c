#!/usr/bin/env bash
# Step "compare": fink-perf compare, base = the baseline checkout (or, with science-dir, a worktree of
# baseline-ref in that checkout), head = the profiled science folder. Like "profile" it never fails
# the step: it records the exit code, puts compare.md in the job summary, and "enforce" decides.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

out_dir="$REPORT_DIR/compare"
mkdir -p "$out_dir"
if [ "$CHECKOUT" = true ]; then
  base="$(abs_path "$BASELINE_PATH")"
  repo_args=()
else
  base="$BASELINE_REF"            # a git ref of the science-dir checkout: fink-perf makes the worktree
  repo_args=(--science-dir "$SCIENCE_DIR")
fi
# the gate words of fail-on that belong to the comparison, for compare's own exit code
gate="$(printf '%s' "$FAIL_ON" | tr ',' '\n' | grep -E '^(regression(:.*)?|output-changed)$' | paste -sd, - || true)"
args=(compare --base "$base" --head "$SCIENCE_DIR" "${repo_args[@]}" --modules "$MODULES" --survey "$SURVEY"
  --data "$DATA_DIR" --runner "$RUNNER_KIND" --output "$out_dir" --fail-on "${gate:-none}")
[ "$N_ALERTS" = 0 ] || args+=(--n-alerts "$N_ALERTS")
[ "$RUNNER_KIND" != container ] || args+=(--image "$IMAGE" --pull missing)

echo "fink-perf ${args[*]}"
set +e
fink_perf "${args[@]}" 2>&1 | tee "$out_dir/fink-perf-compare.log"
code=${PIPESTATUS[0]}
set -e
echo "fink-perf: compare exited with $code"
out exit-code "$code"
if [ -f "$out_dir/compare.md" ]; then
  out compare-md "$out_dir/compare.md"
  out compare-json "$out_dir/compare.json"
  cat "$out_dir/compare.md" >> "${GITHUB_STEP_SUMMARY:?}"
else
  out compare-md ""
  out compare-json ""
  { echo "## fink-perf compare"; echo; echo "The comparison did not run (exit code $code): see the job log."; } \
    >> "${GITHUB_STEP_SUMMARY:?}"
fi
