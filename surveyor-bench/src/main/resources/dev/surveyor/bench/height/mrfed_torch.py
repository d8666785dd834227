"""MRFED forward pass in PyTorch (python3-torch), mirroring dev.surveyor.height.nn.MrfedNet.

Usage: mrfed_torch.py BANDS WIDTH_MULT KEEP_BLOCKS SIZE THREADS RUNS
Prints: median forward seconds for a 1 x BANDS x SIZE x SIZE input (eval mode, no grad).
Weights are random: only the cost is compared, not the values.
"""
import sys
import time

import torch
import torch.nn as nn


def width(base, m):
    w = int(base * m / 4.0 + 0.5) * 4
    return max(4, w)


def conv_bn(cin, cout, k, s, relu):
    layers = [nn.Conv2d(cin, cout, k, s, k // 2, bias=False), nn.BatchNorm2d(cout)]
    if relu:
        layers.append(nn.ReLU())
    return nn.Sequential(*layers)


def resampler(cin, cout, mode):
    if mode == "down":
        return conv_bn(cin, cout, 1, 2, False)
    if mode == "keep":
        return conv_bn(cin, cout, 1, 1, False)
    return nn.Sequential(nn.Conv2d(cin, 4 * cout, 1), nn.PixelShuffle(2), nn.BatchNorm2d(cout))


class Msrb(nn.Module):
    def __init__(self, cin, cout, mode):
        super().__init__()
        part = cout // 4
        self.reduce = conv_bn(cin, cout, 1, 1, True)
        self.cascades = nn.ModuleList(
            [nn.Sequential(*[conv_bn(part, part, 3, 1, True) for _ in range(i + 1)]) for i in range(3)])
        self.fuse = resampler(cout, cout, mode)
        self.shortcut = nn.Identity() if (mode == "keep" and cin == cout) else resampler(cin, cout, mode)

    def forward(self, x):
        r = self.reduce(x)
        parts = torch.chunk(r, 4, dim=1)
        ys = [parts[0]] + [self.cascades[i](parts[i + 1]) for i in range(3)]
        return torch.relu(self.fuse(torch.cat(ys, 1)) + self.shortcut(x))


class Mrfed(nn.Module):
    def __init__(self, bands, m, keep):
        super().__init__()
        w = [width(b, m) for b in (64, 128, 256, 512, 1024)]
        head = width(32, m)
        self.enc = nn.ModuleList()
        cin = bands
        for i in range(5):
            blocks = [Msrb(cin, w[i], "down")] + [Msrb(w[i], w[i], "keep") for _ in range(keep)]
            self.enc.append(nn.Sequential(*blocks))
            cin = w[i]
        self.dec = nn.ModuleList()
        for d in range(4):
            self.dec.append(Msrb(cin, w[3 - d], "up"))
            cin = 2 * w[3 - d]
        self.dec.append(Msrb(cin, head, "up"))
        self.head = nn.Conv2d(head, 1, 1)

    def forward(self, x):
        enc = []
        for e in self.enc:
            x = e(x)
            enc.append(x)
        for d in range(4):
            x = torch.cat([self.dec[d](x), enc[3 - d]], 1)
        return self.head(self.dec[4](x))


def main():
    bands, m, keep, size, threads, runs = (int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]),
                                           int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]))
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    net = Mrfed(bands, m, keep).eval()
    x = torch.randn(1, bands, size, size)
    times = []
    with torch.no_grad():
        net(x)
        for _ in range(runs):
            t0 = time.perf_counter()
            y = net(x)
            times.append(time.perf_counter() - t0)
    assert y.shape == (1, 1, size, size)
    times.sort()
    print("%.6f %d" % (times[len(times) // 2], sum(p.numel() for p in net.parameters())))


if __name__ == "__main__":
    main()
