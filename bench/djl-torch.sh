#!/usr/bin/env bash
# DJL against PyTorch on the two shipped networks: forward time of the same network with the same
# weights in DJL and in Debian's python3-torch (eval mode, no autograd, same threads, warm-up
# excluded, alternating rounds in one run so both see the same load), output agreement, and the
# DJL predictors' whole-scene throughput. Prints one table at the end, with the load average:
# DJL and torch forward ms (medians of wall time), their ratio, the ratio of the fastest passes and
# of CPU-time medians (steadier on a shared machine), and DJL scene megapixels/s. "both" also times DJL's plain
# block.forward (the path before ScopedInference) in the same rounds.
# Usage: bench/djl-torch.sh [threads=2] [rounds=40] [runs=1] [scene_px=2048] [scoped|plain|both]
#        [more model dirs...]
# Benchmarks each network of the models/height-zy3 ensemble (its prediction runs them all: the
# ensemble's scene throughput is 1 / the sum over members of 1 / MP/s; each member's MP/s is as
# shipped, with its model.json test-time augmentation) and models/craters-lro-nac, then each
# further model dir (height or crater model, told apart by model.json's "format"; CenterNet
# resnet-s or hourglass backbones, MRFED or U-Net height networks), e.g. models/craters-lro-nac-echo
# models/craters-mars-hrsc.
# Needs /usr/bin/python3 with torch (Debian python3-torch).
set -euo pipefail
cd "$(dirname "$0")/.."
T="${1:-2}"; R="${2:-40}"; N="${3:-1}"; S="${4:-2048}"; MODE="${5:-both}"
WORK="${TMPDIR:-/tmp}/surveyor-bench-djl-torch"
mkdir -p "$WORK"
mvn -q -o -pl surveyor-bench -am compile dependency:build-classpath -DskipTests -Dspotless.check.skip=true \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime
CP="surveyor-bench/target/classes:$(cat "$WORK/cp.txt")"
export DJL_CACHE_DIR="$PWD/target/djl-cache" ENGINE_CACHE_DIR="$PWD/target/djl-cache"
run() {
  java -Xmx3g -Dai.djl.offline=true -DDJL_CACHE_DIR="$DJL_CACHE_DIR" -DENGINE_CACHE_DIR="$DJL_CACHE_DIR" \
    -cp "$CP" dev.surveyor.bench.learn.BenchmarkDjlTorch "$@" "$T" "$R" "$N" "$S" "$MODE" 2>&1 \
    | grep -v -e '^SLF4J' -e 'WARN' | tee -a "$WORK/out.txt"
}
: > "$WORK/out.txt"
for m in models/height-zy3/member-*/; do run height "${m%/}"; done
run craters models/craters-lro-nac
for d in "${@:6}"; do
  if [ ! -f "$d/model.json" ]; then echo "no model.json in $d" >&2; exit 2; fi
  if grep -q '"surveyor-height-model' "$d/model.json"; then run height "$d"; else run craters "$d"; fi
done
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-16s %-12s %9s %9s %6s %9s %9s %7s\n' model input "DJL ms" "torch ms" ratio "min ratio" "CPU ratio" "MP/s"
grep '^table,' "$WORK/out.txt" | awk -F, '{printf "%-16s %-12s %9s %9s %6s %9s %9s %7s\n", $2, $3, $4, $5, $6, $7, $8, $9}'
