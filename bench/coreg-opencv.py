#!/usr/bin/env python3
"""OpenCV reference for the co-registration benchmark: the paper's coarse shift (Harris corners,
SIFT descriptors at them, FLANN kd-tree matching, distance filter rho <= max(a rho_min, rho_max/b),
median displacement; m x n sub-images, median of their shifts) with OpenCV's Python API, on the
same raw complex64 pair and the same settings as surveyor's defaults (2048 px sub-images, <= 2000
Harris corners per sub-image, 4 px non-max radius ~ minDistance 4, SIFT radius 8 px upright, 4
trees / 64 checks, a = 2, b = 3). Timed inside python (best of N), excluding file reading.

Usage: coreg-opencv.py REF.slc SEC.slc WIDTH HEIGHT [repeats]
Prints: "<best seconds> <dx> <dy> <matches>"
"""
import sys
import time

import cv2
import numpy as np


def feature_image(z):
    a = np.abs(z)
    g = np.log(a + 0.01 * a.mean() + 1e-30)
    # SIFT/Harris in OpenCV want 8-bit or float32; scale log-amplitude to 0..255 float32
    g = (g - g.min()) / max(g.max() - g.min(), 1e-12) * 255.0
    return g.astype(np.float32)


def tile_matches(ra, sa, sift, flann):
    kp = []
    for img in (ra, sa):
        pts = cv2.goodFeaturesToTrack(img, maxCorners=2000, qualityLevel=1e-3, minDistance=4,
                                      blockSize=5, useHarrisDetector=True, k=0.04)
        pts = [] if pts is None else pts.reshape(-1, 2)
        kp.append([cv2.KeyPoint(float(x), float(y), 16.0, 0.0) for x, y in pts])
    u8 = [np.clip(ra, 0, 255).astype(np.uint8), np.clip(sa, 0, 255).astype(np.uint8)]
    k1, d1 = sift.compute(u8[0], kp[0])
    k2, d2 = sift.compute(u8[1], kp[1])
    if d1 is None or d2 is None or len(d1) == 0 or len(d2) == 0:
        return []
    m = flann.match(d1, d2)
    if not m:
        return []
    rho = np.array([x.distance for x in m])
    t = max(2.0 * rho.min(), rho.max() / 3.0)
    return [(k2[x.trainIdx].pt[0] - k1[x.queryIdx].pt[0], k2[x.trainIdx].pt[1] - k1[x.queryIdx].pt[1])
            for x in m if x.distance <= t]


def coarse_shift(ref, sec):
    h, w = ref.shape
    ra, sa = feature_image(ref), feature_image(sec)
    sift = cv2.SIFT_create()
    flann = cv2.FlannBasedMatcher(dict(algorithm=1, trees=4), dict(checks=64))
    m, n = -(-h // 2048), -(-w // 2048)
    shifts, total = [], 0
    for i in range(m):
        for j in range(n):
            y0, y1 = h * i // m, h * (i + 1) // m
            x0, x1 = w * j // n, w * (j + 1) // n
            d = tile_matches(ra[y0:y1, x0:x1], sa[y0:y1, x0:x1], sift, flann)
            total += len(d)
            if len(d) >= 3:
                d = np.array(d)
                shifts.append(np.median(d, axis=0))
    if not shifts:
        return 0.0, 0.0, total
    s = np.median(np.array(shifts), axis=0)
    return float(s[0]), float(s[1]), total


def main():
    w, h = int(sys.argv[3]), int(sys.argv[4])
    repeats = int(sys.argv[5]) if len(sys.argv) > 5 else 3
    ref = np.fromfile(sys.argv[1], "<c8").reshape(h, w)
    sec = np.fromfile(sys.argv[2], "<c8").reshape(h, w)
    best, out = float("inf"), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = coarse_shift(ref, sec)
        best = min(best, time.perf_counter() - t0)
    print("%.4f %.4f %.4f %d" % (best, out[0], out[1], out[2]))


if __name__ == "__main__":
    main()
