#!/usr/bin/env bash
# Optional step "junit": the same modules as JUnit dynamic tests (ModuleProfilingSuiteIT), for CI
# systems that read JUnit XML; the Failsafe reports are copied into the report folder.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
build="${RUNNER_TEMP:-/tmp}/fink-perf-suite-build"
set +e
without_workflow_commands mvn -B -q -f "${GITHUB_ACTION_PATH:?}/pom.xml" -Dbuild.dir="$build" -DskipPythonTests=true \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ModuleProfilingSuiteIT \
  -Dfinkperf.suite=true -Dfinkperf.suite.science-dir="$SCIENCE_DIR" -Dfinkperf.suite.data="$DATA_DIR" \
  -Dfinkperf.suite.modules="$MODULES" -Dfinkperf.suite.survey="$SURVEY" -Dfinkperf.suite.runner="$RUNNER_KIND" \
  -Dfinkperf.suite.loops="$LOOPS" -Dfinkperf.suite.output="$REPORT_DIR/junit" verify
code=$?
set -e
mkdir -p "$REPORT_DIR/junit"
cp "$build"/failsafe-reports/*.xml "$REPORT_DIR/junit/" 2>/dev/null || warn "no Failsafe XML in $build/failsafe-reports"
out exit-code "$code"
