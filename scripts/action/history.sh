#!/usr/bin/env bash
# history/action.yml: append this run to the store on a branch of the calling repository, build the
# site, push. Never on pull requests: the branch is written with the job's token.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case "${EVENT_NAME:-}" in
  pull_request*) die "fink-perf history runs on pushes to the default branch only, not on $EVENT_NAME" ;;
esac
branch="${INPUT_BRANCH:?}"
git check-ref-format --branch "$branch" >/dev/null 2>&1 || die "branch: '$branch' is not a valid branch name"
results="$(abs_path "${INPUT_RESULTS_JSON:?results-json is required}")"
[ -f "$results" ] || die "results-json: no such file $results"
site="$(abs_path "${INPUT_SITE_DIR:?}")"
ws="${GITHUB_WORKSPACE:?}"
# the launcher sits at the top of the fink-perf checkout, one level above this action
export FINK_PERF_BIN="${FINK_PERF_BIN:-${GITHUB_ACTION_PATH:?}/../fink-perf}"
store="${RUNNER_TEMP:?}/fink-perf-store"
git_() { git -c core.hooksPath=/dev/null -c core.fsmonitor= "$@"; }

git_ -C "$ws" rev-parse --git-dir >/dev/null 2>&1 || die "the workspace is not a git checkout: run actions/checkout first"
rm -rf "$store"
if git_ -C "$ws" fetch --quiet --depth=1 origin "refs/heads/$branch" 2>/dev/null; then
  git_ -C "$ws" worktree add --quiet --detach "$store" FETCH_HEAD
else
  echo "fink-perf history: branch $branch does not exist yet: starting it"
  git_ -C "$ws" worktree add --quiet --detach "$store"
  git_ -C "$store" checkout --quiet --orphan "$branch"
  git_ -C "$store" rm -rfq . >/dev/null 2>&1 || true
fi

run_url="$CALLER_SERVER/$CALLER_REPOSITORY/actions/runs/$CALLER_RUN_ID"
fink_perf history append "$results" --store "$store/history" --commit "$CALLER_SHA" --report-url "$run_url"
fink_perf history report --store "$store/history" --output "$site" --repo-url "$CALLER_SERVER/$CALLER_REPOSITORY"
fink_perf history export --store "$store/history" --output "$site/data.js" --repo-url "$CALLER_SERVER/$CALLER_REPOSITORY"
[ -z "${GITHUB_STEP_SUMMARY:-}" ] || cat "$site/summary.md" >> "$GITHUB_STEP_SUMMARY"

if [ "${INPUT_PUSH:-true}" = true ]; then
  git_ -C "$store" add history
  git_ -C "$store" -c user.name="github-actions[bot]" -c user.email="41898282+github-actions[bot]@users.noreply.github.com" \
    commit --quiet -m "fink-perf: run $CALLER_RUN_ID of $CALLER_SHA"
  # another job may have pushed meanwhile: each run is a new file, so a rebase never conflicts
  for attempt in 1 2 3 4 5; do
    if git_ -C "$store" push --quiet origin "HEAD:refs/heads/$branch"; then
      break
    fi
    [ "$attempt" = 5 ] && die "could not push to $branch after 5 attempts"
    sleep $((attempt * 3))
    git_ -C "$store" fetch --quiet origin "refs/heads/$branch"
    git_ -C "$store" rebase --quiet FETCH_HEAD
  done
fi
out site-dir "$site"
out store-dir "$store"
