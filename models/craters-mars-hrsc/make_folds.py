#!/usr/bin/env python3
"""Splits the PyCDA Mars HRSC tile (1700x1700, 12.5 m/px) into four disjoint cross-validation folds.

Usage: python3 make_folds.py SHARED_DATA_DIR OUT_DIR
  (SHARED_DATA_DIR = ../shared/data/craters/mars-hrsc-pycda). Writes OUT_DIR/fold_K/NAME.png + NAME.csv
  (x_px,y_px,diameter_px, centre in pixels from the top-left corner of the crop) for K = a, b, c, d.
Rectangles are [x0, x1) x [y0, y1) in tile pixels (x = column). Fold a is make_split.py's test part;
fold b its two left training strips; folds c and d split the right-hand side (its train_r and val
parts) at row 900. A crater belongs to the rectangle holding its centre; a crater whose circle is
cut by a rectangle boundary (not the tile edge) is dropped from every fold.
"""
import csv, os, sys
import cv2

src, out = sys.argv[1], sys.argv[2]
im = cv2.imread(os.path.join(src, 'holdout_tile.pgm'), cv2.IMREAD_UNCHANGED)
assert im.shape == (1700, 1700)
with open(os.path.join(src, 'holdout_tile_labels.csv')) as f:
    rows = [tuple(map(float, r)) for r in list(csv.reader(f))[1:]]  # long=x, lat=y, diameter (px)
parts = {  # image name: (fold, (x0, y0, x1, y1))
    'hrsc_a': ('a', (0, 440, 567, 1032)),  # = make_split.py's test part
    'hrsc_b_top': ('b', (0, 0, 567, 440)),
    'hrsc_b_bottom': ('b', (0, 1032, 567, 1700)),
    'hrsc_c': ('c', (567, 0, 1700, 900)),
    'hrsc_d': ('d', (567, 900, 1700, 1700)),
}
dropped = 0
for name, (fold, (x0, y0, x1, y1)) in parts.items():
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
    sub = os.path.join(out, 'fold_' + fold)
    os.makedirs(sub, exist_ok=True)
    cv2.imwrite(os.path.join(sub, name + '.png'), im[y0:y1, x0:x1])
    with open(os.path.join(sub, name + '.csv'), 'w') as f:
        f.write('x_px,y_px,diameter_px\n')
        for x, y, d in keep:
            f.write(f'{x:.2f},{y:.2f},{d:.4f}\n')
    print(name, fold, (x0, y0, x1, y1), len(keep), 'craters,', sum(k[2] >= 10 for k in keep), '>= 10 px')
print('dropped (cut by a boundary):', dropped)
