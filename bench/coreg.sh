#!/usr/bin/env bash
# Co-registration benchmark: surveyor (BoofCV Harris + SIFT + ANN, then patch correlation and sinc
# resampling) next to OpenCV's Python Harris + SIFT + FLANN on the same 4096x4096 SLC pair
# (synthetic speckle x texture, the secondary Fourier-shifted by (3.25, -1.5) px).
# Usage: bench/coreg.sh [size=4096] [repeats=3]   (needs /usr/bin/python3 with numpy and cv2)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-4096}"
REPEATS="${2:-3}"
WORK="${TMPDIR:-/tmp}/surveyor-bench-coreg"
mkdir -p "$WORK"
REF="$WORK/ref-$N.slc"
SEC="$WORK/sec-$N.slc"

# compile, and write the runtime class path of surveyor-bench (the last module built writes last)
mvn -q -pl surveyor-bench -am compile dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$WORK/classpath.txt"

if [ ! -s "$SEC" ]; then
  echo "creating the ${N}x${N} pair in $WORK ..."
  /usr/bin/python3 - "$N" "$REF" "$SEC" <<'PY'
import sys
import numpy as np
n, ref, sec = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rng = np.random.default_rng(7)
f = np.fft.fftfreq(n)
band = (np.abs(f) < 0.4)
z = np.fft.fft2((rng.normal(size=(n, n)) + 1j * rng.normal(size=(n, n))).astype(np.complex64))
z *= band[:, None] & band[None, :]
tex = np.fft.fft2(rng.normal(size=(n, n)).astype(np.float32))
low = np.abs(f) < 0.02
tex = np.abs(np.fft.ifft2(tex * (low[:, None] & low[None, :]))).astype(np.float32)
tex = 0.3 + tex / tex.mean()
s = np.fft.ifft2(z) * tex
s.astype("<c8").tofile(ref)
S = np.fft.fft2(s) * np.exp(-2j * np.pi * (f[None, :] * 3.25 + f[:, None] * -1.5))
np.fft.ifft2(S).astype("<c8").tofile(sec)
PY
fi

CP="surveyor-bench/target/classes:$(cat "$WORK/classpath.txt")"
java -Xmx6g -cp "$CP" dev.surveyor.bench.BenchmarkCoregistration "$REF" "$SEC" "$N" "$N" "$REPEATS" \
    bench/coreg-opencv.py
