#!/usr/bin/env bash
# Step "profile": runs fink-perf profile and records its exit code; it never fails the step itself,
# so the summary and the artifact are produced whatever happened. The "enforce" step decides.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

mkdir -p "$REPORT_DIR"
# Default image: the one fink-science's own CI runs its tests in, for this survey.
IMAGE="${IMAGE:-gitlab-registry.in2p3.fr/astrolabsoftware/fink/fink-deps-sentinel-${SURVEY}:latest}"
args=(profile --science-dir "$SCIENCE_DIR" --modules "$MODULES" --survey "$SURVEY" --data "$DATA_DIR"
  --loops "$LOOPS" --runner "$RUNNER_KIND" --mode "$MODE" --output "$REPORT_DIR")
[ "$N_ALERTS" = 0 ] || args+=(--n-alerts "$N_ALERTS")
[ "$RUNNER_KIND" != container ] || args+=(--image "$IMAGE" --pull missing)
[ -z "${REGISTRY:-}" ] || args+=(--registry "$REGISTRY")

set +e
without_workflow_commands fink_perf "${args[@]}" 2>&1 | tee "$REPORT_DIR/fink-perf.log"
code=${PIPESTATUS[0]}
set -e
echo "fink-perf: profile exited with $code"
out exit-code "$code"

# What ran, for whoever opens the artifact later.
jq -n --arg repo "$SCIENCE_REPOSITORY" --arg ref "$SCIENCE_REF" --arg survey "$SURVEY" --arg modules "$MODULES" \
  --arg runner "$RUNNER_KIND" --arg mode "$MODE" --arg image "$IMAGE" --arg dataUrl "$DATA_URL" --arg dataSha256 "$DATA_SHA256_ACTUAL" \
  --arg dataVerified "$DATA_VERIFIED" --arg baselineRef "$BASELINE_REF" --arg failOn "$FAIL_ON" \
  --argjson exitCode "$code" \
  '{schema: "fink-perf/action-run/1", scienceRepository: $repo, scienceRef: $ref, survey: $survey, modules: $modules,
    runner: $runner, mode: $mode, image: $image, dataUrl: $dataUrl, dataSha256: $dataSha256, dataVerified: ($dataVerified == "true"),
    baselineRef: (if $baselineRef == "" then null else $baselineRef end), failOn: $failOn, profileExitCode: $exitCode}' \
  > "$REPORT_DIR/action-run.json"
