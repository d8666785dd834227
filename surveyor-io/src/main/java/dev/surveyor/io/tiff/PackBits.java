package dev.surveyor.io.tiff;

import java.io.ByteArrayOutputStream;

/** PackBits run-length coding (TIFF compression 32773), as Apple and libtiff define it. */
final class PackBits {
    private PackBits() {}

    /**
     * Decodes {@code src[off, off + len)} into {@code dst}, stopping when {@code dst} is full.
     *
     * @return the number of bytes decoded
     * @throws IllegalStateException when a run needs more input than there is
     */
    static int decode(byte[] src, int off, int len, byte[] dst) {
        int srcLen = off + len;
        int in = off;
        int out = 0;
        while (out < dst.length && in < srcLen) {
            int n = src[in++];
            if (n >= 0) {
                int cnt = n + 1;
                if (in + cnt > srcLen) {
                    throw new IllegalStateException(
                            "corrupted PackBits stream: literal run of "
                                    + cnt
                                    + " bytes at input byte "
                                    + (in - 1 - off)
                                    + " runs past the end of the data");
                }
                int c = Math.min(cnt, dst.length - out);
                System.arraycopy(src, in, dst, out, c);
                in += cnt;
                out += c;
            } else if (n != -128) {
                if (in >= srcLen) {
                    throw new IllegalStateException(
                            "corrupted PackBits stream: repeat run at input byte "
                                    + (in - 1 - off)
                                    + " has no value byte");
                }
                int cnt = Math.min(1 - n, dst.length - out);
                byte v = src[in++];
                java.util.Arrays.fill(dst, out, out + cnt, v);
                out += cnt;
            }
        }
        return out;
    }

    /** Encodes one row (or block) at a time; runs never cross {@code len}. */
    static void encode(byte[] src, int off, int len, ByteArrayOutputStream out) {
        int i = off;
        int end = off + len;
        while (i < end) {
            // length of the run starting at i
            int run = 1;
            while (i + run < end && run < 128 && src[i + run] == src[i]) {
                run++;
            }
            if (run >= 2) {
                out.write(1 - run);
                out.write(src[i]);
                i += run;
                continue;
            }
            // literal: until a run of 2+ equal bytes starts (keeping runs of 2 inside literals
            // only when it helps little is not worth the complexity)
            int start = i;
            int lit = 0;
            while (i < end && lit < 128) {
                if (i + 1 < end && src[i] == src[i + 1]) {
                    break;
                }
                i++;
                lit++;
            }
            out.write(lit - 1);
            out.write(src, start, lit);
        }
    }
}
