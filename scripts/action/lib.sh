# Shared by the action's step scripts. Inputs arrive only as environment variables (set by the
# step's env: in action.yml), never spliced into script text, so no value can run as code.

# Appends name=value to the step's outputs; refuses values that could forge another output.
out() {
  case "$2" in *$'\n'* | *$'\r'*) die "output $1 would contain a newline" ;; esac
  printf '%s=%s\n' "$1" "$2" >> "${GITHUB_OUTPUT:?GITHUB_OUTPUT not set: not running as a GitHub Actions step}"
}

die() {
  echo "::error title=fink-perf::$*"
  exit 1
}

warn() {
  echo "::warning title=fink-perf::$*"
}

# Runs "$@" with GitHub workflow commands off: module output (already sanitised by fink-perf) is
# shown between ::stop-commands::TOKEN and ::TOKEN::, with a token the module cannot guess.
without_workflow_commands() {
  local token
  token="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  echo "::stop-commands::$token"
  "$@"
  local code=$?
  echo "::$token::"
  return $code
}

# The fink-perf command: the launcher next to action.yml (tests point FINK_PERF_BIN at a build).
fink_perf() {
  "${FINK_PERF_BIN:-${GITHUB_ACTION_PATH:?}/fink-perf}" "$@"
}

# Absolute path of $1, relative to the workspace when relative.
abs_path() {
  case "$1" in
    /*) printf '%s' "$1" ;;
    *) printf '%s/%s' "${GITHUB_WORKSPACE:?}" "$1" ;;
  esac
}

require_match() { # name value regex
  [[ "$2" =~ $3 ]] || die "input $1: invalid value '$2' (expected: $3)"
}
