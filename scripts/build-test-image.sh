#!/usr/bin/env bash
# Builds the container image the container-runner integration tests use, without any
# registry: a debootstrap'ed Debian bookworm rootfs with the science Python stack,
# imported with `podman import`. Does nothing when the image already exists.
#
#   scripts/build-test-image.sh [NAME:TAG]     (default fink-perf-test-python:bookworm)
#
# Env: FINK_PERF_STATE (work dir parent, default ~/.cache/fink-perf),
#      FINK_PERF_APT_MIRROR (override the mirror taken from the host's apt sources).
set -euo pipefail

IMAGE="${1:-fink-perf-test-python:bookworm}"
STATE="${FINK_PERF_STATE:-$HOME/.cache/fink-perf}"
PACKAGES="python3 python3-numpy python3-pandas python3-line-profiler python3-sklearn \
python3-scipy python3-astropy python3-psutil"

if podman image exists "$IMAGE"; then
  echo "build-test-image: $IMAGE already present" >&2
  exit 0
fi

# The mirror apt already uses on this host: registries are unreachable, the apt mirror is not.
apt_mirror() {
  if [[ -n "${FINK_PERF_APT_MIRROR:-}" ]]; then echo "$FINK_PERF_APT_MIRROR"; return; fi
  local uri
  uri=$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null \
          | awk '{print $2}' | grep -E '/debian/?$' | head -n1 || true)
  if [[ -z "$uri" ]]; then
    uri=$(grep -hE '^deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
            | awk '$3 ~ /^bookworm$/ {print $2}' | head -n1 || true)
  fi
  echo "${uri:-http://deb.debian.org/debian}"
}

MIRROR=$(apt_mirror)
WORK="$STATE/podman/image-build"
ROOTFS="$WORK/rootfs"
LOG="$WORK/build.log"
mkdir -p "$WORK"
rm -rf "$ROOTFS"
trap 'rm -rf "$ROOTFS"' EXIT

echo "build-test-image: building $IMAGE from $MIRROR (log: $LOG; a few minutes, mostly downloads)" >&2
started=$SECONDS
{
  debootstrap --variant=minbase bookworm "$ROOTFS" "$MIRROR"
  cp /etc/resolv.conf "$ROOTFS/etc/resolv.conf"
  chroot "$ROOTFS" /bin/sh -c "apt-get update && DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends $PACKAGES && apt-get clean"
  rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/* "$ROOTFS/etc/resolv.conf"
  tar -C "$ROOTFS" -c . | podman import --change 'CMD ["python3"]' - "$IMAGE"
} >"$LOG" 2>&1 || { echo "build-test-image: failed, see $LOG" >&2; tail -n 20 "$LOG" >&2; exit 1; }
echo "build-test-image: $IMAGE built in $((SECONDS - started)) s" >&2
