#!/usr/bin/env python3
"""Splits the PyCDA Mars HRSC tile (1700x1700, 12.5 m/px) into disjoint train / val / test parts.

Usage: python3 make_split.py SHARED_DATA_DIR OUT_DIR
  (SHARED_DATA_DIR = ../shared/data/craters/mars-hrsc-pycda). Writes OUT_DIR/{train,val,test}/NAME.png
  + NAME.csv (x_px,y_px,diameter_px, centre in pixels from the top-left corner of the crop).
Rectangles are [x0, x1) x [y0, y1) in tile pixels (x = column). A crater belongs to the part holding
its centre; a crater whose circle is cut by a split boundary (not the tile edge) is dropped.
"""
import csv, os, sys
import cv2

src, out = sys.argv[1], sys.argv[2]
im = cv2.imread(os.path.join(src, 'holdout_tile.pgm'), cv2.IMREAD_UNCHANGED)
assert im.shape == (1700, 1700)
with open(os.path.join(src, 'holdout_tile_labels.csv')) as f:
    rows = [tuple(map(float, r)) for r in list(csv.reader(f))[1:]]  # long=x, lat=y, diameter (px)
parts = {  # name: (x0, y0, x1, y1)
    'test': (0, 440, 567, 1032),  # contains samples/hrsc-nanedi-512.tif (cols 0-511, rows 480-991)
    'train_tl': (0, 0, 567, 440),
    'train_bl': (0, 1032, 567, 1700),
    'train_r': (567, 0, 1700, 1250),
    'val': (567, 1250, 1700, 1700),
}
dropped = 0
for name, (x0, y0, x1, y1) in parts.items():
    keep = []
    for x, y, d in rows:
        r = d / 2
        if not (x0 <= x < x1 and y0 <= y < y1):
            continue
        cut = (x - r < x0 and x0 > 0) or (x + r > x1 and x1 < 1700) \
            or (y - r < y0 and y0 > 0) or (y + r > y1 and y1 < 1700)
        if cut:
            dropped += 1
            continue
        keep.append((x - x0, y - y0, d))
    sub = os.path.join(out, name.split('_')[0])
    os.makedirs(sub, exist_ok=True)
    cv2.imwrite(os.path.join(sub, f'hrsc_{name}.png'), im[y0:y1, x0:x1])
    with open(os.path.join(sub, f'hrsc_{name}.csv'), 'w') as f:
        f.write('x_px,y_px,diameter_px\n')
        for x, y, d in keep:
            f.write(f'{x:.2f},{y:.2f},{d:.4f}\n')
    print(name, (x0, y0, x1, y1), len(keep), 'craters,', sum(k[2] >= 10 for k in keep), '>= 10 px')
print('dropped (cut by a split boundary):', dropped)
