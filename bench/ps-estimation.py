#!/usr/bin/python3
"""Vectorised numpy version of the PS periodogram grid search (the same grid as the Java run).

Reads phase.f32 (points x dates), a.f64, b.f64 (rad per mm/yr, rad per m), vgrid.f64, hgrid.f64 from
the folder given, finds per point the grid cell maximising |sum_q exp(j(phi_q - a_q v - b_q h))| with
batched complex matrix products (complex64, BLAS), prints "numpy_seconds S" (best of the repeats,
after one warm-up) and writes the flat index (iv * nh + ih) of each point's best cell to
numpy_best.i32.
Usage: ps-estimation.py DIR [repeats=3]
"""
import sys
import time

import numpy as np


def search(z, ev, eht, block=512):
    m = z.shape[0]
    nv = ev.shape[0]
    nh = eht.shape[1]
    best = np.empty(m, dtype=np.int32)
    for s in range(0, m, block):
        zb = z[s:s + block]
        w = (zb[:, None, :] * ev[None, :, :]).reshape(-1, zb.shape[1])  # (B*nv, N)
        c = w @ eht  # (B*nv, nh)
        p = (c.real ** 2 + c.imag ** 2).reshape(zb.shape[0], nv * nh)
        best[s:s + block] = np.argmax(p, axis=1)
    return best


def main():
    d = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    m, n = map(int, open(d + "/shape.txt").read().split())
    phi = np.fromfile(d + "/phase.f32", "<f4").reshape(m, n)
    a = np.fromfile(d + "/a.f64", "<f8")
    b = np.fromfile(d + "/b.f64", "<f8")
    vg = np.fromfile(d + "/vgrid.f64", "<f8")
    hg = np.fromfile(d + "/hgrid.f64", "<f8")
    z = np.exp(1j * phi).astype(np.complex64)
    ev = np.exp(-1j * np.outer(vg, a)).astype(np.complex64)
    eht = np.exp(-1j * np.outer(hg, b)).T.astype(np.complex64).copy()
    times = []
    for r in range(repeats + 1):
        t0 = time.perf_counter()
        best = search(z, ev, eht)
        if r > 0:
            times.append(time.perf_counter() - t0)
    best.astype("<i4").tofile(d + "/numpy_best.i32")
    print("numpy_seconds %.6f" % min(times))


if __name__ == "__main__":
    main()
