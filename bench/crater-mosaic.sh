#!/usr/bin/env bash
# Crater detection on a 20000x20000 mosaic in bounded memory (issue 4's check): the 12 LRO NAC
# training crops (800x800) tiled 25x25 into a VRT and streamed by GDAL into a tiled DEFLATE GeoTIFF
# (never held in memory), then `surveyor craters detect` with -Xmx2g under /usr/bin/time -v (peak
# RSS, wall time), then the same command on a few parts cut from the mosaic; the detections of the
# parts, away from the parts' edges, must equal the mosaic's.
#
# Parts are placed on the mosaic run's window grid (origin a multiple of the window step, size
# k * step + overlap), so every window inside a part is a window of the mosaic run; a crater is
# compared when its centre is at least MARGIN px inside the part (window ownership and seam
# merging near a part's edge legitimately differ).
#
# Usage: bench/crater-mosaic.sh [size=20000] [model=models/craters-lro-nac] [threads=2]
#   REUSE_MOSAIC_RUN=1 keeps an earlier run's detections on the same mosaic and redoes only the parts.
#   Costs minutes of CPU on 2 cores: run it alone (no training or other benchmark beside it).
#   Needs gdal-bin and /usr/bin/python3 with numpy. Results: $WORK/summary.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-20000}"
MODEL="${2:-models/craters-lro-nac}"
THREADS="${3:-2}"
DATA=../shared/data/craters/lro-nac/LRO_DATA/train
WORK="${TMPDIR:-/tmp}/surveyor-bench-crater-mosaic"
OVERLAP=64
MARGIN=256
mkdir -p "$WORK"
[ -d "$DATA" ] || { echo "no $DATA (the shared data set)"; exit 1; }

# the CLI (override with SURVEYOR=...); built once here, outside the timed runs
SURVEYOR="${SURVEYOR:-bin/surveyor}"
$SURVEYOR --help >/dev/null

TIF="$WORK/mosaic-$N.tif"
if [ ! -s "$TIF" ]; then
  echo "creating the ${N}x${N} mosaic $TIF with GDAL ..."
  i=0
  for png in "$DATA"/*.png; do
    gdal_translate -q -of GTiff -co TILED=YES "$png" "$WORK/src-$i.tif"
    i=$((i + 1))
  done
  /usr/bin/python3 - "$N" "$WORK" "$i" <<'PY'
import sys
n, work, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
t = 800
k = (n + t - 1) // t
parts = [f'<VRTDataset rasterXSize="{n}" rasterYSize="{n}">',
         '  <VRTRasterBand dataType="Byte" band="1">']
for j in range(k):
    for i in range(k):
        src = (7 * i + 3 * j) % count  # vary the neighbours of each crop
        w, h = min(t, n - i * t), min(t, n - j * t)
        parts.append(
            f'    <SimpleSource><SourceFilename relativeToVRT="1">src-{src}.tif</SourceFilename>'
            f'<SourceBand>1</SourceBand><SrcRect xOff="0" yOff="0" xSize="{w}" ySize="{h}"/>'
            f'<DstRect xOff="{i * t}" yOff="{j * t}" xSize="{w}" ySize="{h}"/></SimpleSource>')
parts += ['  </VRTRasterBand>', '</VRTDataset>']
open(f'{work}/mosaic-{n}.vrt', 'w').write('\n'.join(parts) + '\n')
PY
  gdal_translate -q -of GTiff -co TILED=YES -co BLOCKXSIZE=256 -co BLOCKYSIZE=256 \
      -co COMPRESS=DEFLATE -co BIGTIFF=IF_SAFER "$WORK/mosaic-$N.vrt" "$TIF"
fi

# the window grid of the mosaic run
WIN=$(/usr/bin/python3 -c "import json;print(json.load(open('$MODEL/model.json'))['windowPx'])")
STEP=$((WIN - OVERLAP))
PART=$((5 * STEP + OVERLAP))

run_detect() { # $1 image, $2 out csv, $3 log
  SURVEYOR_JAVA_OPTS=-Xmx2g JOPTS=-Xmx2g /usr/bin/time -v $SURVEYOR craters detect --model "$MODEL" \
      --image "$1" --out "$2" --threads "$THREADS" --overlap "$OVERLAP" --window "$WIN" \
      >"$3" 2>&1
}

if [ "${REUSE_MOSAIC_RUN:-0}" = 1 ] && [ -s "$WORK/full.csv" ] && grep -q "mosaic-$N.tif" "$WORK/full.log"; then
  echo "reusing the ${N}x${N} mosaic run in $WORK/full.csv (REUSE_MOSAIC_RUN=1)"
else
  echo "detect on the ${N}x${N} mosaic (-Xmx2g, $THREADS threads) ..."
  run_detect "$TIF" "$WORK/full.csv" "$WORK/full.log"
fi

# three parts on the grid: near the top-left, the middle and the bottom-right
PARTS=""
# (part indices clamped so that a part ends at least one step inside the mosaic: windows near the
# mosaic's right and bottom edges are shifted inside it and so are not on the grid)
LAST=$(((N - PART) / STEP - 1))
[ "$LAST" -ge 0 ] || { echo "mosaic too small for a ${PART}px part"; exit 1; }
for m in "3 5" "$((N / 2 / STEP)) $((N / 3 / STEP))" "$LAST $((LAST - 1))"; do
  set -- $m
  set -- $(( $1 < LAST ? $1 : LAST )) $(( $2 < LAST ? ($2 < 0 ? 0 : $2) : LAST ))
  X0=$(($1 * STEP)); Y0=$(($2 * STEP))
  P="$WORK/part-$X0-$Y0.tif"
  gdal_translate -q -of GTiff -co TILED=YES -srcwin "$X0" "$Y0" "$PART" "$PART" "$TIF" "$P"
  run_detect "$P" "$WORK/part-$X0-$Y0.csv" "$WORK/part-$X0-$Y0.log"
  PARTS="$PARTS $X0,$Y0"
done

/usr/bin/python3 - "$WORK" "$N" "$PART" "$MARGIN" "$PARTS" <<'PY' | tee "$WORK/summary.txt"
import re, sys
import numpy as np
work, n, part, margin = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
parts = [tuple(map(int, p.split(','))) for p in sys.argv[5].split()]

def load(p):
    a = np.loadtxt(p, delimiter=',', skiprows=1, usecols=(0, 1, 2, 3), ndmin=2)
    return a

def usage(log):
    t = open(log).read()
    rss = int(re.search(r'Maximum resident set size \(kbytes\): (\d+)', t).group(1))
    wall = re.search(r'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)', t).group(1)
    s = 0.0
    for x in wall.split(':'):
        s = s * 60 + float(x)
    return rss / 1024 / 1024, s

full = load(f'{work}/full.csv')
rss, wall = usage(f'{work}/full.log')
print(f'mosaic {n}x{n}: {len(full)} craters, peak RSS {rss:.2f} GiB (-Xmx2g), wall {wall:.0f} s '
      f'({n * n / 1e6 / wall:.2f} Mpx/s)')
ok = True
for x0, y0 in parts:
    d = load(f'{work}/part-{x0}-{y0}.csv')
    prss, pwall = usage(f'{work}/part-{x0}-{y0}.log')
    lo, hi = margin, part - margin
    f = full.copy()
    f[:, 0] -= x0
    f[:, 1] -= y0
    inner = lambda a: a[(a[:, 0] >= lo) & (a[:, 0] < hi) & (a[:, 1] >= lo) & (a[:, 1] < hi)]
    fa, pa = inner(f), inner(d)
    fa = fa[np.lexsort((fa[:, 1], fa[:, 0]))]
    pa = pa[np.lexsort((pa[:, 1], pa[:, 0]))]
    same = len(fa) == len(pa)
    diff = np.abs(fa - pa).max(axis=0) if same and len(fa) else None
    same = same and (diff is None or (diff[:3].max() < 1e-3 and diff[3] < 1e-4))
    ok &= same
    print(f'part x0={x0} y0={y0} size {part}: {len(d)} craters (peak RSS {prss:.2f} GiB, {pwall:.0f} s); '
          f'inside the {margin}px margin: mosaic {len(fa)}, part {len(pa)}, '
          + ('max |dx,dy,dD,score| = ' + ', '.join(f'{v:.2e}' for v in diff) if diff is not None else '')
          + (' -> SAME' if same else ' -> DIFFERENT'))
print('all parts identical to the mosaic away from their edges' if ok else 'PARTS DIFFER')
PY
