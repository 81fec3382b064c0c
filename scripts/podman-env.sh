# Sets up podman as a Docker-API engine for Testcontainers and exports the environment the
# container runner and its integration tests need. Source it, don't execute it:
#
#   source scripts/podman-env.sh
#
# Idempotent and fast once done (~0.1 s): packages, containers.conf, API service and test
# image are each only created when missing. Exports CONTAINERS_CONF, DOCKER_HOST,
# TESTCONTAINERS_RYUK_DISABLED, TESTCONTAINERS_CHECKS_DISABLE, FINK_PERF_PODMAN_PID.
# Env: FINK_PERF_STATE (default ~/.cache/fink-perf), FINK_PERF_SKIP_IMAGE=1 (skip the
# test-image build). Stop the service with: kill "$(cat "$FINK_PERF_STATE/podman/service.pid")"

_fink_perf_podman_env() {
  local script_dir state dir conf sock pidfile pid i
  script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  state="${FINK_PERF_STATE:-$HOME/.cache/fink-perf}"
  dir="$state/podman"
  conf="$dir/containers.conf"
  sock="$dir/podman.sock"
  pidfile="$dir/service.pid"
  mkdir -p "$dir" || return 1

  local pkgs="podman fuse-overlayfs slirp4netns uidmap catatonit runc debootstrap" missing=""
  for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
      || missing="$missing $p"
  done
  if [[ -n "$missing" ]]; then
    echo "podman-env: installing$missing" >&2
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing; } \
      >"$dir/apt.log" 2>&1 || { echo "podman-env: apt-get failed, see $dir/apt.log" >&2; return 1; }
  fi

  # Without these ulimits every container fails with "error setting rlimit type 7": podman's
  # default nofile is above this machine's hard limit.
  local want
  want='[containers]
default_ulimits=["nofile=20000:20000","nproc=32768:32768"]
[engine]
runtime="runc"
cgroup_manager="cgroupfs"'
  if [[ ! -f "$conf" || "$(cat "$conf")" != "$want" ]]; then
    printf '%s\n' "$want" >"$conf"
  fi
  export CONTAINERS_CONF="$conf"

  # One service per state dir; the lock keeps two concurrent `source`s from starting two.
  (
    flock 9
    if ! curl -sf --max-time 2 --unix-socket "$sock" http://d/_ping >/dev/null 2>&1; then
      if [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        : # starting up: wait below
      else
        rm -f "$sock"
        # Run from $dir: conmon leaves an empty `oom` file in the service's working directory.
        cd "$dir" || exit 1
        # A session of its own: killing the process group of whoever sourced this (a timed-out
        # job, a test harness) must not take the service down under the other users of the socket.
        CONTAINERS_CONF="$conf" setsid -f sh -c 'echo $$ >"$1"; exec podman system service --time=0 "unix://$2"' \
          sh "$pidfile" "$sock" >"$dir/service.log" 2>&1 </dev/null 9>&-
      fi
      for i in $(seq 1 100); do
        curl -sf --max-time 2 --unix-socket "$sock" http://d/_ping >/dev/null 2>&1 && exit 0
        sleep 0.1
      done
      echo "podman-env: podman service did not answer _ping on $sock, see $dir/service.log" >&2
      exit 1
    fi
  ) 9>"$dir/service.lock" || return 1
  FINK_PERF_PODMAN_PID="$(cat "$pidfile" 2>/dev/null)"
  export FINK_PERF_PODMAN_PID
  export DOCKER_HOST="unix://$sock"
  export TESTCONTAINERS_RYUK_DISABLED=true
  # Without it a file-system bind makes Testcontainers try to pull alpine (no registry here).
  export TESTCONTAINERS_CHECKS_DISABLE=true

  if [[ "${FINK_PERF_SKIP_IMAGE:-}" != 1 ]]; then
    ( flock 9; "$script_dir/build-test-image.sh" ) 9>"$dir/image.lock" || return 1
  fi
}

_fink_perf_podman_env
_fink_perf_podman_env_rc=$?
unset -f _fink_perf_podman_env
if [[ $_fink_perf_podman_env_rc -ne 0 ]]; then
  echo "podman-env: setup failed" >&2
fi
(exit $_fink_perf_podman_env_rc)
