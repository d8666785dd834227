#!/usr/bin/env bash
# PS estimation benchmark: candidate-pixel throughput of surveyor's periodogram grid search (1 and 2
# threads; exact branch-and-bound arg max of the grid) next to a vectorised numpy brute-force
# implementation of the same search (bench/ps-estimation.py), on the same points and (v, dH) grid,
# in one run, with the share of points where both pick the same grid cell. Three point sets: PS
# candidates (0.3 rad noise), a 50/50 mix with random phases, and random phases only (the pruning
# makes Java's speed depend on coherence; numpy's does not).
# Usage: bench/ps-estimation.sh [points=20000] [repeats=3]   (needs /usr/bin/python3 with numpy)
set -euo pipefail
cd "$(dirname "$0")/.."
POINTS="${1:-20000}"
REPEATS="${2:-3}"
WORK="${TMPDIR:-/tmp}/surveyor-bench-ps"
mkdir -p "$WORK"
mvn -q -pl surveyor-bench -am compile dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$WORK/classpath.txt"
CP="surveyor-bench/target/classes:$(cat "$WORK/classpath.txt")"
java -Xmx2g -cp "$CP" dev.surveyor.bench.BenchmarkPsEstimation "$POINTS" "$REPEATS" bench/ps-estimation.py "$WORK"
