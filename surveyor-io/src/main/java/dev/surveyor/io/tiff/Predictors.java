package dev.surveyor.io.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * TIFF predictors, applied in place to a decoded block row by row.
 *
 * <p>Predictor 2 (horizontal differencing) works on integer words of the sample size (1, 2, 4 or 8
 * bytes) in the file's byte order, with a stride of the samples per pixel in the block. Predictor 3
 * (floating point) differences bytes after splitting each row into byte planes; plane {@code k}
 * holds byte {@code size - 1 - k} of each sample as stored in the file (the most significant byte
 * first for little-endian files, the least significant first for big-endian ones: what GDAL and
 * libtiff produce on little-endian hosts). After decoding, samples are in the file's byte order.
 *
 * <p>Complex samples with predictor 2 are differenced as one integer word of the whole sample size
 * (libtiff's behaviour); in big-endian files GDAL then stores the imaginary half first, which
 * {@link #swapHalves} undoes.
 */
final class Predictors {
    private Predictors() {}

    /**
     * Undoes a predictor.
     *
     * @param buf decoded block, {@code rows * rowWords * wordSize} bytes. Modified.
     * @param rowWords samples in one row (pixels x samples per pixel in the block)
     * @param stride samples per pixel in the block
     */
    static void decode(
            int predictor,
            byte[] buf,
            int rows,
            int rowWords,
            int stride,
            int wordSize,
            ByteOrder order) {
        if (predictor == 2) {
            horizontal(buf, rows, rowWords, stride, wordSize, order, true);
        } else if (predictor == 3) {
            floatDecode(buf, rows, rowWords, stride, wordSize, order);
        }
    }

    /** Applies a predictor before compression (inverse of {@link #decode}). */
    static void encode(
            int predictor,
            byte[] buf,
            int rows,
            int rowWords,
            int stride,
            int wordSize,
            ByteOrder order) {
        if (predictor == 2) {
            horizontal(buf, rows, rowWords, stride, wordSize, order, false);
        } else if (predictor == 3) {
            floatEncode(buf, rows, rowWords, stride, wordSize, order);
        }
    }

    /** Swaps the two halves (real, imaginary) of every {@code ws}-byte word in {@code buf}. */
    static void swapHalves(byte[] buf, int len, int ws) {
        int h = ws / 2;
        for (int p = 0; p + ws <= len; p += ws) {
            for (int k = 0; k < h; k++) {
                byte t = buf[p + k];
                buf[p + k] = buf[p + h + k];
                buf[p + h + k] = t;
            }
        }
    }

    private static void horizontal(
            byte[] buf,
            int rows,
            int rowWords,
            int stride,
            int ws,
            ByteOrder order,
            boolean decode) {
        int rowBytes = rowWords * ws;
        if (ws == 1) {
            for (int r = 0; r < rows; r++) {
                int base = r * rowBytes;
                if (decode) {
                    for (int i = base + stride; i < base + rowBytes; i++) {
                        buf[i] += buf[i - stride];
                    }
                } else {
                    for (int i = base + rowBytes - 1; i >= base + stride; i--) {
                        buf[i] -= buf[i - stride];
                    }
                }
            }
            return;
        }
        ByteBuffer bb = ByteBuffer.wrap(buf).order(order);
        for (int r = 0; r < rows; r++) {
            int base = r * rowBytes;
            if (decode) {
                for (int i = stride; i < rowWords; i++) {
                    int p = base + i * ws;
                    int q = p - stride * ws;
                    switch (ws) {
                        case 2 -> bb.putShort(p, (short) (bb.getShort(p) + bb.getShort(q)));
                        case 4 -> bb.putInt(p, bb.getInt(p) + bb.getInt(q));
                        default -> bb.putLong(p, bb.getLong(p) + bb.getLong(q));
                    }
                }
            } else {
                for (int i = rowWords - 1; i >= stride; i--) {
                    int p = base + i * ws;
                    int q = p - stride * ws;
                    switch (ws) {
                        case 2 -> bb.putShort(p, (short) (bb.getShort(p) - bb.getShort(q)));
                        case 4 -> bb.putInt(p, bb.getInt(p) - bb.getInt(q));
                        default -> bb.putLong(p, bb.getLong(p) - bb.getLong(q));
                    }
                }
            }
        }
    }

    private static void floatDecode(
            byte[] buf, int rows, int rowWords, int stride, int ws, ByteOrder order) {
        int rowBytes = rowWords * ws;
        byte[] tmp = new byte[rowBytes];
        for (int r = 0; r < rows; r++) {
            int base = r * rowBytes;
            for (int i = base + stride; i < base + rowBytes; i++) {
                buf[i] += buf[i - stride];
            }
            System.arraycopy(buf, base, tmp, 0, rowBytes);
            for (int k = 0; k < ws; k++) {
                // plane k holds byte k counted from the most significant one
                int plane = k * rowWords;
                int dstByte = ws - 1 - k;
                for (int i = 0; i < rowWords; i++) {
                    buf[base + i * ws + dstByte] = tmp[plane + i];
                }
            }
        }
    }

    private static void floatEncode(
            byte[] buf, int rows, int rowWords, int stride, int ws, ByteOrder order) {
        int rowBytes = rowWords * ws;
        byte[] tmp = new byte[rowBytes];
        for (int r = 0; r < rows; r++) {
            int base = r * rowBytes;
            for (int k = 0; k < ws; k++) {
                int plane = k * rowWords;
                int srcByte = ws - 1 - k;
                for (int i = 0; i < rowWords; i++) {
                    tmp[plane + i] = buf[base + i * ws + srcByte];
                }
            }
            System.arraycopy(tmp, 0, buf, base, rowBytes);
            for (int i = base + rowBytes - 1; i >= base + stride; i--) {
                buf[i] -= buf[i - stride];
            }
        }
    }
}
