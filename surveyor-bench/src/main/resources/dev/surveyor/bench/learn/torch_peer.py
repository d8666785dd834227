"""The shipped networks rebuilt in PyTorch (Debian python3-torch), driven by BenchmarkDjlTorch.

Usage: torch_peer.py ARCH_JSON PARAMS_FILE INPUT_FILE OUTPUT_FILE THREADS

ARCH_JSON describes the network: {"kind": "mrfed", "bands", "widthMultiplier", "keepBlocks"} mirrors
dev.surveyor.height.nn.MrfedNet; {"kind": "unet", "bands", "widthMultiplier", "stageBlocks"} mirrors
dev.surveyor.height.nn.UNetResNet; {"kind": "centernet", "backbone": "resnet-s" or "hourglass",
"outputStride", "inputChannels", "stemChannels", "widths", "blocksPerLevel", "stacks",
"hourglassDepth", "headChannels"} mirrors dev.surveyor.craters.model.CenterNetNetworks (resnet-s
reads blocksPerLevel; hourglass reads stacks and hourglassDepth, its output stride is always 4). PARAMS_FILE holds DJL's parameters in DJL's order
(int32 count, then per array: int32 rank, int32 dims, float32 values; little-endian) and is copied
into the Conv2d/BatchNorm2d layers in module order (the same depth-first order), checking shapes.
INPUT_FILE: int32 rank, dims, float32 values (NCHW). The network's output for it is written to
OUTPUT_FILE in the same format, so the caller can check both sides compute the same function.

Then reads commands from stdin: "time N" runs N forward passes (eval mode, no autograd) on the
input and prints, on one line, N pairs WALL:CPU in seconds (wall-clock time and the process's CPU
time, all threads); "quit" ends.
"""
import json
import struct
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def width(base, m):
    return max(4, int(base * m / 4.0 + 0.5) * 4)


def conv(cin, cout, k, s, bias):
    return nn.Conv2d(cin, cout, k, s, k // 2, bias=bias)


def conv_bn(cin, cout, k, s, relu):
    layers = [conv(cin, cout, k, s, False), nn.BatchNorm2d(cout)]
    if relu:
        layers.append(nn.ReLU())
    return nn.Sequential(*layers)


# ---------------------------------------------------------------- MRFED (paper 2)
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
        parts = torch.chunk(self.reduce(x), 4, dim=1)
        ys = [parts[0]] + [self.cascades[i](parts[i + 1]) for i in range(3)]
        return torch.relu(self.fuse(torch.cat(ys, 1)) + self.shortcut(x))


class Mrfed(nn.Module):
    def __init__(self, bands, m, keep):
        super().__init__()
        w = [width(b, m) for b in (64, 128, 256, 512, 1024)]
        self.enc = nn.ModuleList()
        cin = bands
        for i in range(5):
            self.enc.append(nn.Sequential(Msrb(cin, w[i], "down"), *[Msrb(w[i], w[i], "keep") for _ in range(keep)]))
            cin = w[i]
        self.dec = nn.ModuleList()
        for d in range(4):
            self.dec.append(Msrb(cin, w[3 - d], "up"))
            cin = 2 * w[3 - d]
        self.dec.append(Msrb(cin, width(32, m), "up"))
        self.head = nn.Conv2d(width(32, m), 1, 1)

    def forward(self, x):
        enc = []
        for e in self.enc:
            x = e(x)
            enc.append(x)
        for d in range(4):
            x = torch.cat([self.dec[d](x), enc[3 - d]], 1)
        return self.head(self.dec[4](x))


# ---------------------------------------------------------------- U-Net, ResNet-50 encoder (paper 2's baseline)
class Bottleneck(nn.Module):
    """relu(body(x) + shortcut(x)), as dev.surveyor.height.nn.Bottleneck."""

    def __init__(self, cin, w, stride):
        super().__init__()
        self.body = nn.Sequential(conv_bn(cin, w, 1, 1, True), conv_bn(w, w, 3, stride, True),
                                  conv_bn(w, 4 * w, 1, 1, False))
        self.shortcut = nn.Identity() if (cin == 4 * w and stride == 1) else conv_bn(cin, 4 * w, 1, stride, False)

    def forward(self, x):
        return torch.relu(self.body(x) + self.shortcut(x))


class UNet(nn.Module):
    """Mirrors dev.surveyor.height.nn.UNetResNet (modules registered in its child-block order)."""

    def __init__(self, bands, m, stage_blocks):
        super().__init__()
        stem_w = width(64, m)
        self.stem = conv_bn(bands, stem_w, 7, 2, True)
        skip_w, cin = [stem_w], stem_w
        self.stages = nn.ModuleList()
        for s in range(4):
            w = width(64 << s, m)
            layers = [nn.MaxPool2d(3, 2, 1)] if s == 0 else []
            for b in range(stage_blocks[s]):
                layers.append(Bottleneck(cin, w, 2 if (b == 0 and s > 0) else 1))
                cin = 4 * w
            self.stages.append(nn.Sequential(*layers))
            skip_w.append(cin)
        self.dec = nn.ModuleList()
        for d, base in enumerate((256, 128, 64, 32, 16)):
            w = width(base, m)
            fin = w + (skip_w[3 - d] if d < 4 else 0)
            self.dec.append(nn.Sequential(nn.Conv2d(cin, 4 * w, 1), nn.PixelShuffle(2)))
            self.dec.append(nn.Sequential(conv_bn(fin, w, 3, 1, True), conv_bn(w, w, 3, 1, True)))
            cin = w
        self.head = nn.Conv2d(cin, 1, 1)

    def forward(self, x):
        x = self.stem(x)
        skips = [x]
        for s in self.stages:
            x = s(x)
            skips.append(x)
        for d in range(5):
            x = self.dec[2 * d](x)
            if d < 4:
                x = torch.cat([x, skips[3 - d]], 1)
            x = self.dec[2 * d + 1](x)
        return self.head(x)


# ---------------------------------------------------------------- CenterNet, resnet-s backbone (paper 1)
class Residual(nn.Module):
    """relu(convBn(convBnRelu(x)) + shortcut(x)), as NetBlocks.residual."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.main = nn.Sequential(conv_bn(cin, cout, 3, stride, True), conv_bn(cout, cout, 3, 1, False))
        self.shortcut = conv_bn(cin, cout, 1, stride, False) if (stride != 1 or cin != cout) else nn.Identity()

    def forward(self, x):
        return torch.relu(self.main(x) + self.shortcut(x))


class SkipAdd(nn.Module):
    def __init__(self, inner):
        super().__init__()
        self.inner = inner

    def forward(self, x):
        return x + self.inner(x)


class UpsampleNearest(nn.Module):
    def forward(self, x):
        return F.interpolate(x, scale_factor=2, mode="nearest")


def level(w, k, blocks):
    layers = [Residual(w[k], w[k], 1) for _ in range(blocks)]
    if k + 1 < len(w):
        layers.append(SkipAdd(down_up(w[k], w, k + 1, blocks)))
    return nn.Sequential(*layers)


def down_up(out_ch, w, k, blocks):
    return nn.Sequential(Residual(out_ch, w[k], 2), level(w, k, blocks), UpsampleNearest(),
                         conv_bn(w[k], out_ch, 3, 1, True))


class Heads(nn.Module):
    def __init__(self, cin, ch):
        super().__init__()
        self.heads = nn.ModuleList(
            [nn.Sequential(conv(cin, ch, 3, 1, True), nn.ReLU(), conv(ch, n, 1, 1, True)) for n in (1, 2, 2)])

    def forward(self, x):
        return torch.cat([h(x) for h in self.heads], 1)


# ---------------------------------------------------------------- CenterNet, hourglass backbone
class AddRelu(nn.Module):
    """relu(a(x) + b(x)), as a ParallelBlock joined by NetBlocks.addRelu (a's parameters first)."""

    def __init__(self, a, b):
        super().__init__()
        self.a, self.b = a, b

    def forward(self, x):
        return torch.relu(self.a(x) + self.b(x))


class HourglassLevel(nn.Module):
    """up1(x) + low(x), as CenterNetNetworks.hourglassLevel (up1's parameters first).

    up1 = residual(w[k], w[k]); low = 2x2 max-pool, residual(w[k], w[k+1]), the next level (depth > 1)
    or residual(w[k+1], w[k+1]), residual(w[k+1], w[k]), nearest 2x up-sampling.
    """

    def __init__(self, w, k, depth):
        super().__init__()
        self.up1 = Residual(w[k], w[k], 1)
        inner = HourglassLevel(w, k + 1, depth - 1) if depth > 1 else Residual(w[k + 1], w[k + 1], 1)
        self.low = nn.Sequential(nn.MaxPool2d(2, 2), Residual(w[k], w[k + 1], 1), inner,
                                 Residual(w[k + 1], w[k], 1), UpsampleNearest())

    def forward(self, x):
        return self.up1(x) + self.low(x)


def hourglass(a, layers):
    """Appends CenterNetNetworks.hourglass to the stem in layers; returns the feature channels."""
    w = a["widths"]
    if a["outputStride"] != 4:
        raise SystemExit("the hourglass backbone has output stride 4, got %d" % a["outputStride"])
    depth = a["hourglassDepth"]
    if not 1 <= depth <= len(w) - 1:
        raise SystemExit("hourglassDepth %d needs %d widths, got %s" % (depth, depth + 1, w))
    layers.append(Residual(a["stemChannels"], w[0], 2))
    for s in range(a["stacks"]):
        stack = nn.Sequential(HourglassLevel(w, 0, depth), conv_bn(w[0], w[0], 3, 1, True))
        if s + 1 < a["stacks"]:
            # CenterNet: x = relu(inter_(x) + cnv_(cnv(hg(x)))); x = inters[s](x)
            layers.append(AddRelu(conv_bn(w[0], w[0], 1, 1, False),
                                  nn.Sequential(stack, conv_bn(w[0], w[0], 1, 1, False))))
            layers.append(Residual(w[0], w[0], 1))
        else:
            layers.append(stack)
    return w[0]


def centernet(a):
    stem = a["stemChannels"]
    layers = [conv_bn(a["inputChannels"], stem, 7, 2, True)]
    if a["backbone"] == "hourglass":
        feat = hourglass(a, layers)
        return nn.Sequential(nn.Sequential(*layers), Heads(feat, a["headChannels"]))
    if a["backbone"] != "resnet-s":
        raise SystemExit("only the resnet-s and hourglass backbones are mirrored, got " + a["backbone"])
    w, blocks = a["widths"], a["blocksPerLevel"]
    if a["outputStride"] == 2:
        layers.append(SkipAdd(down_up(stem, w, 0, blocks)))
        feat = stem
    else:
        layers += [Residual(stem, w[0], 2), level(w, 0, blocks)]
        feat = w[0]
    return nn.Sequential(nn.Sequential(*layers), Heads(feat, a["headChannels"]))


# ---------------------------------------------------------------- I/O
def read_arrays(path):
    with open(path, "rb") as f:
        data = f.read()
    (count,), pos, out = struct.unpack_from("<i", data, 0), 4, []
    for _ in range(count):
        (rank,) = struct.unpack_from("<i", data, pos)
        dims = struct.unpack_from("<%di" % rank, data, pos + 4)
        pos += 4 + 4 * rank
        n = 1
        for d in dims:
            n *= d
        out.append(torch.frombuffer(bytearray(data[pos:pos + 4 * n]), dtype=torch.float32).reshape(dims))
        pos += 4 * n
    return out


def write_array(path, t):
    t = t.contiguous().float()
    with open(path, "wb") as f:
        f.write(struct.pack("<i", 1) + struct.pack("<i", t.dim()) + struct.pack("<%di" % t.dim(), *t.shape))
        f.write(t.numpy().astype("<f4").tobytes())


def load_djl_order(net, arrays):
    slots = []
    for m in net.modules():
        if isinstance(m, nn.Conv2d):
            slots += [m.weight] + ([m.bias] if m.bias is not None else [])
        elif isinstance(m, nn.BatchNorm2d):
            slots += [m.weight, m.bias, m.running_mean, m.running_var]
    if len(slots) != len(arrays):
        raise SystemExit("torch network has %d arrays, DJL %d" % (len(slots), len(arrays)))
    with torch.no_grad():
        for i, (s, a) in enumerate(zip(slots, arrays)):
            if tuple(s.shape) != tuple(a.shape):
                raise SystemExit("array %d: torch shape %s, DJL %s" % (i, tuple(s.shape), tuple(a.shape)))
            s.copy_(a)


def main():
    arch_path, params, inp, outp, threads = sys.argv[1:6]
    torch.set_num_threads(int(threads))
    torch.set_num_interop_threads(1)
    a = json.loads(open(arch_path).read())
    if a["kind"] == "mrfed":
        net = Mrfed(a["bands"], a["widthMultiplier"], a["keepBlocks"])
    elif a["kind"] == "unet":
        net = UNet(a["bands"], a["widthMultiplier"], a["stageBlocks"])
    else:
        net = centernet(a)
    net.eval()
    load_djl_order(net, read_arrays(params))
    x = read_arrays(inp)[0]
    with torch.no_grad():
        write_array(outp, net(x))
        print("ready %s %d" % (torch.__version__, sum(p.numel() for p in net.parameters())), flush=True)
        for line in sys.stdin:
            cmd = line.split()
            if not cmd or cmd[0] == "quit":
                break
            times = []
            for _ in range(int(cmd[1])):
                t0, c0 = time.perf_counter(), time.process_time()
                net(x)
                times.append("%.6f:%.6f" % (time.perf_counter() - t0, time.process_time() - c0))
            print(" ".join(times), flush=True)


if __name__ == "__main__":
    main()
