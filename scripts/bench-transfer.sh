#!/usr/bin/env bash
# fink-perf bench-transfer: alerts/s and MB/s from a Kafka broker to parquet on disk, with full ZTF
# alerts (cutouts included). The broker is Kafka's own test kit, a test-scope dependency, so the
# benchmark is a main class on the test classpath (io.finkperf.transfer.TransferBench), run here by
# Maven; it is not a timed test. Arguments go to it: [--alerts N] [--passes P] [--batch-size B]
# [--writers W] [--partition-by X] [--work DIR].
set -euo pipefail
FINK_PERF_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$FINK_PERF_HOME"
mvn -q -B -ntp -DskipPythonTests=true test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.finkperf.transfer.TransferBench -Dexec.args="$*" -Dfinkperf.projectDir="$FINK_PERF_HOME"
