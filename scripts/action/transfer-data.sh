#!/usr/bin/env bash
# Step "fetch", transfer-topic variant: pull the topic's alerts with fink-perf transfer into the data
# cache (keyed by topic name). A cached complete transfer is used as is: Fink deletes topics after 7 days.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ -n "${TRANSFER_SERVERS:-}" ] || die "transfer-topic needs transfer-servers (pass it from a secret)"
[ -n "${TRANSFER_GROUP_ID:-}" ] || die "transfer-topic needs transfer-group-id (pass it from a secret)"
data_dir="$DATA_CACHE/transfer/$TRANSFER_TOPIC"
marker="$data_dir/_fink-perf-transfer.json"
if [ -f "$marker" ]; then
  echo "fink-perf: $TRANSFER_TOPIC from the cache ($data_dir)"
else
  limit_args=()
  [ "${TRANSFER_LIMIT:-0}" != 0 ] && limit_args=(--limit "$TRANSFER_LIMIT")
  fink_perf transfer --topic "$TRANSFER_TOPIC" --outdir "$data_dir" --survey "$TRANSFER_SURVEY" \
    --servers "$TRANSFER_SERVERS" --group-id "$TRANSFER_GROUP_ID" --timeout 60s "${limit_args[@]}" >/dev/null \
    || die "transfer of $TRANSFER_TOPIC failed (exit $?; see docs/transfer.md for the codes)"
  jq -n --arg topic "$TRANSFER_TOPIC" --arg limit "${TRANSFER_LIMIT:-0}" '{topic: $topic, limit: ($limit | tonumber)}' > "$marker"
fi
out data-dir "$data_dir"
out data-sha256 ""
out data-verified false
echo "fink-perf: alerts of $TRANSFER_TOPIC in $data_dir"
