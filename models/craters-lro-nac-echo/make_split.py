#!/usr/bin/env python3
"""Splits the echo calibration image M1305967189RE_cal_echo_11_2 (1000x1000) into disjoint fine-tune
and validation parts, so that the best epoch and the threshold are not chosen on the pixels trained on.

Usage: python3 make_split.py LRO_NAC_TEST_DIR OUT_DIR
  (LRO_NAC_TEST_DIR = ../shared/data/craters/lro-nac/LRO_DATA/test). Writes OUT_DIR/echo_train.png/.txt
  and OUT_DIR/echo_val.png/.txt (LRO NAC label format `ID,X,Y,W,H,C_X,CY`, X/Y = top-left corner of the
  box in crop pixels). Only this one test image is read: the other 7 stay unseen.
Parts are column ranges [x0, x1) (x = column): train 0-749, val 750-999. A crater belongs to the part
holding its centre (X + W/2); one whose box is cut by the split line is dropped from both parts.
"""
import csv, os, sys
import cv2

NAME = 'M1305967189RE_cal_echo_11_2'
src, out = sys.argv[1], sys.argv[2]
im = cv2.imread(os.path.join(src, NAME + '.png'), cv2.IMREAD_UNCHANGED)
assert im.shape[:2] == (1000, 1000), im.shape
with open(os.path.join(src, NAME + '.txt')) as f:
    rows = list(csv.reader(f))[1:]
SPLIT = 750
parts = {'echo_train': (0, SPLIT), 'echo_val': (SPLIT, 1000)}
os.makedirs(out, exist_ok=True)
dropped = 0
for name, (x0, x1) in parts.items():
    keep = []
    for r in rows:
        i, x, y, w, h = r[0], float(r[1]), float(r[2]), float(r[3]), float(r[4])
        cx = x + w / 2
        if not (x0 <= cx < x1):
            continue
        if (x < x0 and x0 > 0) or (x + w > x1 and x1 < 1000):
            dropped += 1
            continue
        keep.append((i, x - x0, y, w, h))
    cv2.imwrite(os.path.join(out, name + '.png'), im[:, x0:x1])
    with open(os.path.join(out, name + '.txt'), 'w') as f:
        f.write('ID,X,Y,W,H,C_X,CY\n')
        for i, x, y, w, h in keep:
            f.write(f'{i},{x:g},{y:g},{w:g},{h:g},{round(x + w / 2):d},{round(y + h / 2):d}\n')
    print(name, (x0, x1), len(keep), 'craters,', sum((k[3] + k[4]) / 2 >= 8 for k in keep), '>= 8 px')
print('dropped (cut by the split line):', dropped)
