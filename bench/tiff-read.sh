#!/usr/bin/env bash
# GeoTIFF read benchmark: our reader next to GDAL on an 8192x8192 float32 DEFLATE GeoTIFF, as GDAL
# writes it by default (strips of one row) and tiled (256x256), to show that a window read costs
# what the blocks it touches cost.
# Usage: bench/tiff-read.sh [repeats=5]   (needs gdal-bin, python3-gdal, python3-numpy)
set -euo pipefail
cd "$(dirname "$0")/.."
REPEATS="${1:-5}"
WORK="${TMPDIR:-/tmp}/surveyor-bench-tiff"
mkdir -p "$WORK"
TIF="$WORK/f32-8192-deflate-strips.tif"
TILED="$WORK/f32-8192-deflate-tiled.tif"

# only surveyor-io (and core) are needed: compile them, then this one benchmark class
mvn -q -pl surveyor-io -am compile
CLASSES="surveyor-io/target/classes:surveyor-core/target/classes"
OUT="surveyor-bench/target/tiff-bench-classes"
mkdir -p "$OUT"
javac -d "$OUT" -cp "$CLASSES" surveyor-bench/src/main/java/dev/surveyor/bench/BenchmarkGeoTiffRead.java

if [ ! -s "$TIF" ]; then
  echo "creating $TIF with GDAL ..."
  /usr/bin/python3 - "$WORK/f32-8192.raw" <<'PY'
import sys
import numpy as np
n = 8192
y, x = np.mgrid[0:n, 0:n].astype(np.float32)
rng = np.random.default_rng(1)
# terrain-like: smooth relief plus centimetre-level noise
a = (500 * np.sin(x / 700) * np.cos(y / 900) + 50 * np.sin(x / 37 + y / 53)
     + rng.normal(0, 0.05, (n, n))).astype("<f4")
a.tofile(sys.argv[1])
with open(sys.argv[1][:-4] + ".hdr", "w") as f:
    f.write("ENVI\nsamples = %d\nlines = %d\nbands = 1\nheader offset = 0\nfile type = ENVI Standard\n"
            "data type = 4\ninterleave = bsq\nbyte order = 0\n" % (n, n))
PY
  gdal_translate -q -of GTiff -co COMPRESS=DEFLATE -a_srs EPSG:32650 \
      -a_ullr 440000 3760000 522000 3678000 "$WORK/f32-8192.raw" "$TIF"
  rm -f "$WORK/f32-8192.raw" "$WORK/f32-8192.hdr"
fi
if [ ! -s "$TILED" ]; then
  gdal_translate -q -co COMPRESS=DEFLATE -co TILED=YES "$TIF" "$TILED"
fi

CP="$OUT:$CLASSES"
for f in "$TIF" "$TILED"; do
  java -Xmx2g -cp "$CP" dev.surveyor.bench.BenchmarkGeoTiffRead "$f" "$REPEATS"
  echo
done
