package dev.surveyor.height.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.surveyor.learn.LearnEngine;
import dev.surveyor.testkit.ExternalTools;
import org.junit.jupiter.api.Test;

/** Pixel shuffle equals a transposed convolution k=2, s=2 (reference: python3-torch). */
class PixelShuffleUpsampleTest {
    private static final int CIN = 3;
    private static final int COUT = 2;
    private static final int H = 4;
    private static final int W = 5;

    // fixed numbers, the same formulas in the python script below
    static float x(int c, int i, int j) {
        return (float) Math.sin(0.7 * c + 0.3 * i + 0.11 * j * j);
    }

    static float wt(int c, int o, int a, int b) {
        return (float) Math.cos(1.3 * c - 0.5 * o + 0.9 * a + 0.4 * b);
    }

    static float bias(int o) {
        return 0.25f * (o + 1);
    }

    @Test
    void equalsTorchConvTranspose2dWithTheSameWeights() {
        ExternalTools.requirePython("torch");
        String py =
                "import torch, math\n"
                        + "x=torch.tensor([[[[math.sin(0.7*c+0.3*i+0.11*j*j) for j in range(5)] for i in range(4)] for c in range(3)]],dtype=torch.float64)\n"
                        + "w=torch.tensor([[[[math.cos(1.3*c-0.5*o+0.9*a+0.4*b) for b in range(2)] for a in range(2)] for o in range(2)] for c in range(3)],dtype=torch.float64)\n"
                        + "bias=torch.tensor([0.25*(o+1) for o in range(2)],dtype=torch.float64)\n"
                        + "y=torch.nn.functional.conv_transpose2d(x,w,bias,stride=2)\n"
                        + "print(' '.join('%.9f'%v for v in y.flatten().tolist()))\n";
        String out = ExternalTools.check(ExternalTools.PYTHON, "-c", py).trim();
        String[] parts = out.split("\\s+");
        assertEquals(COUT * 2 * H * 2 * W, parts.length);

        LearnEngine.start(1);
        PixelShuffleUpsample up = new PixelShuffleUpsample(COUT);
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            up.initialize(m, DataType.FLOAT32, new Shape(1, CIN, H, W));
            float[] k = new float[4 * COUT * CIN];
            float[] kb = new float[4 * COUT];
            for (int o = 0; o < COUT; o++) {
                for (int a = 0; a < 2; a++) {
                    for (int b = 0; b < 2; b++) {
                        int ch = o * 4 + a * 2 + b;
                        kb[ch] = bias(o);
                        for (int c = 0; c < CIN; c++) {
                            k[ch * CIN + c] = wt(c, o, a, b);
                        }
                    }
                }
            }
            for (Pair<String, Parameter> p : up.getParameters()) {
                if (p.getKey().endsWith("weight")) {
                    p.getValue().getArray().set(k);
                } else {
                    p.getValue().getArray().set(kb);
                }
            }
            float[] in = new float[CIN * H * W];
            for (int c = 0; c < CIN; c++) {
                for (int i = 0; i < H; i++) {
                    for (int j = 0; j < W; j++) {
                        in[(c * H + i) * W + j] = x(c, i, j);
                    }
                }
            }
            NDArray y =
                    up.forward(
                                    new ParameterStore(m, false),
                                    new NDList(m.create(in, new Shape(1, CIN, H, W))),
                                    false)
                            .singletonOrThrow();
            assertEquals(new Shape(1, COUT, 2 * H, 2 * W), y.getShape());
            float[] got = y.toFloatArray();
            for (int i = 0; i < got.length; i++) {
                assertEquals(Double.parseDouble(parts[i]), got[i], 1e-5, "element " + i);
            }
        }
    }
}
