#!/usr/bin/env bash
# Step "summary": puts summary.md on the job page and derives the action's outputs from results.json.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

results="$REPORT_DIR/results.json"
out report-dir "$REPORT_DIR"
if [ ! -f "$results" ]; then
  { echo "## fink-perf"; echo; echo "No results: profiling did not start (exit code ${PROFILE_EXIT:-?}). See the job log."; } \
    >> "${GITHUB_STEP_SUMMARY:?}"
  out results-json ""
  out slowest-module ""
  out min-throughput ""
  exit 0
fi
out results-json "$results"

# Slowest = lowest mean throughput among modules that ran fine.
read -r slowest min < <(jq -r '[.modules[] | select(.status == "OK" and .throughputStats.mean != null)]
  | if length == 0 then "- -" else (min_by(.throughputStats.mean) | "\(.name) \(.throughputStats.mean)") end' "$results")
[ "$slowest" != "-" ] || { slowest=""; min=""; }
out slowest-module "$slowest"
out min-throughput "$min"

if [ -f "$REPORT_DIR/summary.md" ]; then
  cat "$REPORT_DIR/summary.md" >> "$GITHUB_STEP_SUMMARY"
else
  # summary.md comes with the report writers; until a run has one, a table from results.json.
  {
    echo "## fink-perf: $(jq -r '.modules | length' "$results") modules"
    echo
    echo "| module | status | alerts/s/core (mean) |"
    echo "|---|---|---:|"
    jq -r '.modules[] | "| \(.name) | \(.status) | \(if .status == "OK" then (.throughputStats.mean * 10 | round / 10) else "-" end) |"' "$results"
  } > "$REPORT_DIR/summary.md"
  cat "$REPORT_DIR/summary.md" >> "$GITHUB_STEP_SUMMARY"
fi
echo "fink-perf: slowest module ${slowest:-none} (${min:-n/a} alerts/s/core)"
