#!/usr/bin/env python3
"""Cross-validated scores of out-of-fold crater detections (session 13's rule in MODEL.md).

Usage: python3 cv_score.py FOLDS_DIR RUN_PATTERN TTA [MIN_DIAMETER_PX]
  FOLDS_DIR   = make_folds.py's output (fold_K/NAME.png + NAME.csv truth)
  RUN_PATTERN = model directory of fold K with {k} for the fold letter, e.g. /tmp/runs/R1_{k};
                it holds det_NAME_TTA.csv (x_px,y_px,diameter_px,score) for the held-out images
Prints per fold the nested threshold (best F1 of the other three folds' pooled detections), TP/FP/FN
and F1 there; then F1_cv (counts summed over folds), AP@0.5 and the best-F1 threshold of all pooled
out-of-fold detections. Matching is surveyor's `craters evaluate` default: truth below the minimum
diameter dropped, detections in descending score order each matched to the unused truth crater of
highest box IoU (circumscribed squares) >= 0.5, unmatched detections below the minimum ignored;
AP is the COCO 101-point interpolated AP.
"""
import csv, glob, os, sys


def read(path, with_score):
    with open(path) as f:
        r = csv.DictReader(f)
        return [(float(d['x_px']), float(d['y_px']), float(d['diameter_px']),
                 float(d['score']) if with_score else 0.0) for d in r]


def iou(a, b):
    ax0, ax1, ay0, ay1 = a[0] - a[2] / 2, a[0] + a[2] / 2, a[1] - a[2] / 2, a[1] + a[2] / 2
    bx0, bx1, by0, by1 = b[0] - b[2] / 2, b[0] + b[2] / 2, b[1] - b[2] / 2, b[1] + b[2] / 2
    w, h = min(ax1, bx1) - max(ax0, bx0), min(ay1, by1) - max(ay0, by0)
    if w <= 0 or h <= 0:
        return 0.0
    inter = w * h
    return inter / (a[2] ** 2 + b[2] ** 2 - inter)


def match(truth, dets, min_d):
    """[(score, 'tp'|'fp'|'ign')], number of truth craters."""
    truth = [t for t in truth if t[2] >= min_d]
    used = [False] * len(truth)
    out = []
    for d in sorted(dets, key=lambda d: -d[3]):
        best, bq = -1, -1.0
        for i, t in enumerate(truth):
            if used[i] or abs(t[0] - d[0]) > (t[2] + d[2]) or abs(t[1] - d[1]) > (t[2] + d[2]):
                continue
            q = iou(d, t)
            if q >= 0.5 and q > bq:
                best, bq = i, q
        if best >= 0:
            used[best] = True
            out.append((d[3], 'tp'))
        else:
            out.append((d[3], 'ign' if d[2] < min_d else 'fp'))
    return out, len(truth)


def counts(m, nt, thr):
    tp = sum(1 for s, k in m if s >= thr and k == 'tp')
    fp = sum(1 for s, k in m if s >= thr and k == 'fp')
    return tp, fp, nt - tp


def f1(tp, fp, fn):
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def best_threshold(m, nt):
    """Highest-scoring threshold of the best F1 (as DetectionScores.bestF1)."""
    m = sorted(m, key=lambda x: -x[0])
    tp = fp = 0
    best, bt = -1.0, 1.0
    for i, (s, k) in enumerate(m):
        tp += k == 'tp'
        fp += k == 'fp'
        if i + 1 == len(m) or m[i + 1][0] < s:
            v = f1(tp, fp, nt - tp)
            if v > best:
                best, bt = v, s
    return bt, best


def ap(m, nt):
    pr, tp, fp = [], 0, 0
    for s, k in sorted(m, key=lambda x: -x[0]):
        if k == 'ign':
            continue
        tp += k == 'tp'
        fp += k == 'fp'
        pr.append((tp / nt, tp / (tp + fp)))
    env, run = [0.0] * len(pr), 0.0
    for i in range(len(pr) - 1, -1, -1):
        run = max(run, pr[i][1])
        env[i] = run
    total, j = 0.0, 0
    for k in range(101):
        r = k / 100
        while j < len(pr) and pr[j][0] < r - 1e-12:
            j += 1
        if j < len(pr):
            total += env[j]
    return total / 101


def main():
    folds_dir, pattern, tta = sys.argv[1], sys.argv[2], sys.argv[3]
    min_d = float(sys.argv[4]) if len(sys.argv) > 4 else 10.0
    per_fold = {}
    for fd in sorted(glob.glob(os.path.join(folds_dir, 'fold_*'))):
        k = fd.rsplit('_', 1)[1]
        m, nt = [], 0
        for png in sorted(glob.glob(os.path.join(fd, '*.png'))):
            name = os.path.basename(png)[:-4]
            det = os.path.join(pattern.format(k=k), f'det_{name}_{tta}.csv')
            mi, ni = match(read(png[:-4] + '.csv', False), read(det, True), min_d)
            m += mi
            nt += ni
        per_fold[k] = (m, nt)
    total = [0, 0, 0]
    for k, (m, nt) in per_fold.items():
        om = [x for j, (mm, _) in per_fold.items() if j != k for x in mm]
        ont = sum(n for j, (_, n) in per_fold.items() if j != k)
        thr, _ = best_threshold(om, ont)
        tp, fp, fn = counts(m, nt, thr)
        total = [a + b for a, b in zip(total, (tp, fp, fn))]
        print(f'fold {k}: truth {nt}, nested thr {thr:.5f}, TP/FP/FN {tp}/{fp}/{fn}, F1 {f1(tp, fp, fn):.4f}')
    allm = [x for mm, _ in per_fold.values() for x in mm]
    allnt = sum(n for _, n in per_fold.values())
    thr, bf = best_threshold(allm, allnt)
    tp, fp, fn = total
    print(f'{tta}: F1_cv {f1(tp, fp, fn):.4f} (TP/FP/FN {tp}/{fp}/{fn}, P {tp / max(tp + fp, 1):.3f}, '
          f'R {tp / (tp + fn):.3f}); pooled AP@0.5 {ap(allm, allnt):.4f}; pooled best F1 {bf:.4f} at {thr:.5f}')


if __name__ == '__main__':
    main()
