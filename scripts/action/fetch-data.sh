#!/usr/bin/env bash
# Step "fetch": download (or reuse), verify and extract the alert archive through fink-perf fetch-data.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ -n "${TRANSFER_TOPIC:-}" ]; then
  exec bash "$(dirname "${BASH_SOURCE[0]}")/transfer-data.sh"
fi

data_dir="$(fink_perf fetch-data "$DATA_URL" --sha256 "$DATA_SHA256" --out "$DATA_OUT" --cache "$DATA_CACHE")" \
  || die "fetch-data failed for $DATA_URL (exit $?)"
sha="$(jq -r .sha256 "$DATA_OUT/fetch.json")"
if [ -z "$DATA_SHA256" ]; then
  warn "data-sha256 is empty: $DATA_URL was not verified. Its sha256 is $sha; set data-sha256: $sha to pin it."
fi
out data-dir "$data_dir"
out data-sha256 "$sha"
out data-verified "$([ -n "$DATA_SHA256" ] && echo true || echo false)"
echo "fink-perf: alerts in $data_dir (sha256 $sha)"
