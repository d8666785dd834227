#!/usr/bin/env bash
# PS estimation on Spark: the single-machine multi-threaded pipeline next to the Spark job on
# local[1] and local[2] (embedded, loopback only), one JVM, on a simulated 400x400x35 stack.
# Prints a table: median wall times, speed-up local[1]/local[2], Spark overhead vs single machine.
# Usage: bench/spark-ps.sh [width=400] [height=400] [dates=35] [repeats=3] [all|plain] [warmups=3] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
W="${1:-400}"; H="${2:-400}"; N="${3:-35}"; R="${4:-3}"; MODE="${5:-all}"; WU="${6:-3}"; RD="${7:-3}"
WORK="${TMPDIR:-/tmp}/surveyor-bench-spark-ps"
mkdir -p "$WORK"
# compile, then write the run-time class path (reactor modules resolve to their target/classes)
mvn -q -o -pl surveyor-bench -am compile dependency:build-classpath -DskipTests -Dspotless.check.skip=true \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime
CP="surveyor-bench/target/classes:$(cat "$WORK/cp.txt")"
# Run from a snapshot of the reactor modules' classes, so that a build running at the same time in
# this tree cannot change the classes under the benchmark.
SNAP="$WORK/classes"; rm -rf "$SNAP"; mkdir -p "$SNAP"; SCP=""; i=0
IFS=':' read -ra ENTRIES <<< "$CP"
for e in "${ENTRIES[@]}"; do
  if [[ -d "$e" ]]; then i=$((i+1)); cp -r "$e" "$SNAP/$i"; SCP="$SCP:$SNAP/$i"; else SCP="$SCP:$e"; fi
done
CP="${SCP#:}"
OPENS=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED)
java -Xmx3g "${OPENS[@]}" -cp "$CP" dev.surveyor.bench.BenchmarkSparkPs "$W" "$H" "$N" "$R" "$WORK" "$MODE" "$WU" "$RD"
