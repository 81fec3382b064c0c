#!/usr/bin/env bash
# Step "resolve": validates every input, derives defaults that depend on the calling repository,
# and names the paths, cache keys and artifact the later steps use.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_match survey "$INPUT_SURVEY" '^(ztf|rubin)$'
require_match runner "$INPUT_RUNNER" '^(container|local)$'
require_match mode "$INPUT_MODE" '^(direct|spark)$'
require_match modules "$INPUT_MODULES" '^[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*$'
require_match n-alerts "$INPUT_N_ALERTS" '^[0-9]+$'
require_match loops "$INPUT_LOOPS" '^[1-9][0-9]*$'
gate='(error|never|min-throughput:[0-9]+(\.[0-9]+)?|regression(:[0-9]+(\.[0-9]+)?)?|output-changed)'
require_match fail-on "$INPUT_FAIL_ON" "^${gate}(,${gate})*\$"
require_match data-sha256 "$INPUT_DATA_SHA256" '^([0-9A-Fa-f]{64})?$'
require_match data-url "$INPUT_DATA_URL" '^(https?://|file://|/)[^[:space:]]+$'
require_match transfer-topic "${INPUT_TRANSFER_TOPIC:-}" '^((ftransfer|fxmatch)_[A-Za-z0-9_.-]+)?$'
require_match transfer-limit "${INPUT_TRANSFER_LIMIT:-0}" '^[0-9]+$'
require_match image "$INPUT_IMAGE" '^([A-Za-z0-9._/:@-]+)?$'
require_match science-repository "$INPUT_SCIENCE_REPOSITORY" '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$'
# a ref never starts with '-' (it would be read as an option of git) and never holds '..'
require_match science-ref "$INPUT_SCIENCE_REF" '^([A-Za-z0-9_][A-Za-z0-9_./-]*)?$'
require_match baseline-ref "$INPUT_BASELINE_REF" '^([A-Za-z0-9_][A-Za-z0-9_./-]*)?$'
[[ "$INPUT_SCIENCE_REF$INPUT_BASELINE_REF" != *..* ]] || die "input science-ref/baseline-ref: no '..' allowed"
require_match output-dir "$INPUT_OUTPUT_DIR" '^[A-Za-z0-9_./-]+$'
require_match artifact-suffix "$INPUT_ARTIFACT_SUFFIX" '^[A-Za-z0-9_.-]*$'
[[ "$INPUT_OUTPUT_DIR" != *..* ]] || die "input output-dir: no '..' allowed"
[[ "$INPUT_OUTPUT_DIR" != -* ]] || die "input output-dir: must not start with '-'"
# A pull request's code runs only in containers: the local runner would run it as the runner's user,
# next to the job's token and the files that steer later steps.
case "${GITHUB_EVENT_NAME:-}" in
  pull_request | pull_request_target | pull_request_review | pull_request_review_comment)
    [ "$INPUT_RUNNER" != local ] || die "input runner: 'local' is refused for ${GITHUB_EVENT_NAME} events (a pull request's code runs in a container only: runner: container)" ;;
esac

# Inside a fink-science fork, profile that fork at the pushed commit unless told otherwise.
repo="$INPUT_SCIENCE_REPOSITORY"
ref="$INPUT_SCIENCE_REF"
in_science_repo=false
[[ "${CALLER_REPOSITORY:-}" == */fink-science ]] && in_science_repo=true
if $in_science_repo && [ "$repo" = "astrolabsoftware/fink-science" ]; then
  repo="$CALLER_REPOSITORY"
fi
if [ -z "$ref" ]; then
  if $in_science_repo && [ "$repo" = "$CALLER_REPOSITORY" ]; then ref="${CALLER_SHA:?}"; else ref=master; fi
fi

if [ -n "$INPUT_SCIENCE_DIR" ]; then
  checkout=false
  science_dir="$(abs_path "$INPUT_SCIENCE_DIR")"
  [ -d "$science_dir" ] || die "input science-dir: $science_dir is not a folder"
else
  checkout=true
  science_dir="$(abs_path fink-perf-science)"
fi

report_dir="$(realpath -m -- "$(abs_path "$INPUT_OUTPUT_DIR")")"
workspace="$(realpath -m -- "${GITHUB_WORKSPACE:?}")"
case "$report_dir" in
  "$workspace"/?*) ;;
  *) die "input output-dir: '$INPUT_OUTPUT_DIR' must be a folder inside the workspace ($workspace), not the workspace itself or outside it" ;;
esac
tmp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"
sha="$(printf '%s' "$INPUT_DATA_SHA256" | tr 'A-F' 'a-f')"
if [ -n "${INPUT_TRANSFER_TOPIC:-}" ]; then
  # a topic's alerts never change: the topic name (and the limit) is the cache key
  data_key="topic-${INPUT_TRANSFER_TOPIC}-limit${INPUT_TRANSFER_LIMIT:-0}"
elif [ -n "$sha" ]; then data_key="sha256-$sha"; else data_key="url-$(printf '%s' "$INPUT_DATA_URL" | sha256sum | cut -c1-32)"; fi

# Unique per job, attempt and matrix leg: a digest of what varies between legs, plus an optional suffix.
leg="$(printf '%s\n' "$repo" "$ref" "$INPUT_SURVEY" "$INPUT_MODULES" "$INPUT_RUNNER" "$INPUT_MODE" "$INPUT_IMAGE" "$INPUT_N_ALERTS" \
  "$INPUT_LOOPS" "$INPUT_DATA_URL" "${RUNNER_OS:-}" "${RUNNER_ARCH:-}" | sha256sum | cut -c1-8)"
artifact="fink-perf-${CALLER_JOB:-job}-${INPUT_SURVEY}-${leg}${INPUT_ARTIFACT_SUFFIX:+-$INPUT_ARTIFACT_SUFFIX}-attempt${CALLER_RUN_ATTEMPT:-1}"
artifact="$(printf '%s' "$artifact" | tr -c 'A-Za-z0-9_.-' '-')"

pom_hash="$(sha256sum "${GITHUB_ACTION_PATH:?}/pom.xml" | cut -c1-16)"

# The comparison's base: baseline-ref, else on pull_request events the PR's base commit.
baseline="$INPUT_BASELINE_REF"
if [ -z "$baseline" ] && [ "${CALLER_EVENT:-}" = pull_request ] && [ -n "${CALLER_PR_BASE_SHA:-}" ]; then
  baseline="$CALLER_PR_BASE_SHA"
fi
require_match baseline "$baseline" '^([A-Za-z0-9_./-]+)?$'
[ -z "$baseline" ] || echo "fink-perf: comparing with baseline $baseline"

out science-repository "$repo"
out science-ref "$ref"
out checkout "$checkout"
out science-dir "$science_dir"
out checkout-path "fink-perf-science"
out report-dir "$report_dir"
out data-out "$tmp/fink-perf-data"
out data-cache-dir "$tmp/fink-perf-data-cache"
out data-key "$data_key"
out artifact-name "$artifact"
out pom-hash "$pom_hash"
out baseline-ref "$baseline"
out compare "$([ -n "$baseline" ] && echo true || echo false)"
out baseline-path "fink-perf-baseline"
echo "fink-perf: ${repo}@${ref} (${INPUT_SURVEY}, modules ${INPUT_MODULES}, runner ${INPUT_RUNNER}) -> $report_dir, artifact $artifact"
