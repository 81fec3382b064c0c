#!/usr/bin/env bash
# A real Spark standalone cluster on this host (one Master JVM, one Worker JVM) from fink-perf's own
# jars, to try `fink-perf spark-bench --master spark://...` without installing Spark.
#
#   scripts/spark-standalone.sh start|stop|status
#
# Settings (env, Spark's own names): SPARK_MASTER_PORT (17077), SPARK_MASTER_WEBUI_PORT (18080),
# SPARK_WORKER_WEBUI_PORT (18081), SPARK_WORKER_CORES (all of this host), SPARK_WORKER_MEMORY (3g).
# pid files and logs: target/spark-standalone/. Needs `mvn package` (target/classes, target/lib).
set -euo pipefail

HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="$HOME_DIR/target"
STATE="$TARGET/spark-standalone"
MASTER_PORT="${SPARK_MASTER_PORT:-17077}"
MASTER_WEBUI_PORT="${SPARK_MASTER_WEBUI_PORT:-18080}"
WORKER_WEBUI_PORT="${SPARK_WORKER_WEBUI_PORT:-18081}"
WORKER_CORES="${SPARK_WORKER_CORES:-$(nproc)}"
WORKER_MEMORY="${SPARK_WORKER_MEMORY:-3g}"
MASTER_URL="spark://127.0.0.1:$MASTER_PORT"
START_TIMEOUT="${SPARK_STANDALONE_TIMEOUT:-60}"

# As ./fink-perf: Spark 3.5 on Java 17 needs these opened for the unnamed module.
OPENS=(
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
)

alive() { # name
  local pid
  [ -f "$STATE/$1.pid" ] && pid="$(cat "$STATE/$1.pid")" && kill -0 "$pid" 2>/dev/null
}

# The Worker launches executors through Spark's launcher, which builds their classpath from
# $SPARK_HOME/jars; target/lib holds exactly Spark's jars and their dependencies.
spark_home() {
  local home="$TARGET/spark-home"
  mkdir -p "$home/conf"
  [ -L "$home/jars" ] || ln -s ../lib "$home/jars"
  # target/classes holds fink-perf's log4j2.properties (errors only); the daemons log their
  # lifecycle (registration, executor launch commands) at INFO.
  cat >"$home/conf/log4j2.properties" <<'LOG4J'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
logger.deploy.name = org.apache.spark.deploy
logger.deploy.level = info
LOG4J
  echo "$home"
}

launch() { # name main-class args...
  local name="$1"
  shift
  local home
  home="$(spark_home)"
  : >"$STATE/$name.log"
  SPARK_HOME="$home" SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13 \
    nohup java -Xmx512m "${OPENS[@]}" -Dlog4j2.configurationFile="$home/conf/log4j2.properties" -cp "$TARGET/classes:$TARGET/lib/*" "$@" \
    >>"$STATE/$name.log" 2>&1 </dev/null &
  echo $! >"$STATE/$name.pid"
}

wait_for() { # name pattern
  local deadline=$((SECONDS + START_TIMEOUT))
  until grep -q "$2" "$STATE/$1.log" 2>/dev/null; do
    if ! alive "$1"; then
      echo "spark-standalone: $1 died; last lines of $STATE/$1.log:" >&2
      tail -n 30 "$STATE/$1.log" >&2
      exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "spark-standalone: $1 not ready after ${START_TIMEOUT}s (waiting for '$2' in $STATE/$1.log)" >&2
      exit 1
    fi
    sleep 0.5
  done
}

start() {
  if [ ! -d "$TARGET/classes" ] || [ ! -d "$TARGET/lib" ]; then
    echo "spark-standalone: build first: mvn -B -DskipTests -DskipPythonTests=true package" >&2
    exit 1
  fi
  mkdir -p "$STATE/work"
  if ! alive master; then
    launch master org.apache.spark.deploy.master.Master \
      --host 127.0.0.1 --port "$MASTER_PORT" --webui-port "$MASTER_WEBUI_PORT"
    wait_for master "Starting Spark master at"
  fi
  if ! alive worker; then
    launch worker org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --webui-port "$WORKER_WEBUI_PORT" \
      --cores "$WORKER_CORES" --memory "$WORKER_MEMORY" --work-dir "$STATE/work" "$MASTER_URL"
    wait_for worker "Successfully registered with master"
  fi
  echo "$MASTER_URL"
}

stop() {
  local name pid
  for name in worker master; do
    if alive "$name"; then
      pid="$(cat "$STATE/$name.pid")"
      kill "$pid"
      for _ in $(seq 1 20); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
      done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
      echo "spark-standalone: stopped $name ($pid)"
    fi
    rm -f "$STATE/$name.pid"
  done
}

status() {
  local name rc=0
  for name in master worker; do
    if alive "$name"; then
      echo "$name: running (pid $(cat "$STATE/$name.pid"))"
    else
      echo "$name: stopped"
      rc=3
    fi
  done
  [ "$rc" = 0 ] && echo "$MASTER_URL (web UI http://127.0.0.1:$MASTER_WEBUI_PORT)"
  return "$rc"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
