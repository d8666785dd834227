package dev.surveyor.io.tiff;

import java.io.ByteArrayOutputStream;

/**
 * TIFF LZW (compression 5): MSB-first codes of 9 to 12 bits with "early change", as libtiff writes
 * it. Old-style (LSB-first, pre-TIFF 6) streams are rejected.
 */
final class Lzw {
    private Lzw() {}

    private static final int CLEAR = 256;
    private static final int EOI = 257;
    private static final int FIRST = 258;
    private static final int TABLE = 4096;

    /**
     * Decodes {@code src[off, off + len)} into {@code dst} (exactly {@code dst.length} bytes
     * expected).
     *
     * @return the number of bytes decoded
     * @throws IllegalStateException describing the damage when the stream is corrupt
     */
    static int decode(byte[] src, int off, int len, byte[] dst) {
        int srcLen = off + len;
        if (len >= 2 && src[off] == 0 && (src[off + 1] & 1) != 0) {
            throw new IllegalStateException("old-style (LSB-first) LZW is not supported");
        }
        short[] prefix = new short[TABLE];
        byte[] suffix = new byte[TABLE];
        byte[] first = new byte[TABLE];
        int[] length = new int[TABLE];
        for (int i = 0; i < 256; i++) {
            suffix[i] = (byte) i;
            first[i] = (byte) i;
            length[i] = 1;
        }
        int next = FIRST;
        int codeLen = 9;
        int old = -1;
        int out = 0;
        int inPos = off;
        long acc = 0;
        int nbits = 0;
        decode:
        while (out < dst.length) {
            while (nbits < codeLen) {
                if (inPos >= srcLen) {
                    break decode; // ran out of input without EOI: tolerated, like libtiff
                }
                acc = (acc << 8) | (src[inPos++] & 0xFF);
                nbits += 8;
            }
            int code = (int) (acc >>> (nbits - codeLen)) & ((1 << codeLen) - 1);
            nbits -= codeLen;
            acc &= (1L << nbits) - 1;
            if (code == EOI) {
                break;
            }
            if (code == CLEAR) {
                next = FIRST;
                codeLen = 9;
                old = -1;
                continue;
            }
            if (old == -1) {
                if (code > 255) {
                    throw new IllegalStateException(
                            "corrupted LZW stream: code " + code + " right after a clear code");
                }
                dst[out++] = (byte) code;
                old = code;
                continue;
            }
            int emit;
            if (code < next) {
                emit = code;
                if (next < TABLE) {
                    prefix[next] = (short) old;
                    suffix[next] = first[code];
                    first[next] = first[old];
                    length[next] = length[old] + 1;
                    next++;
                }
            } else if (code == next && next < TABLE) {
                prefix[next] = (short) old;
                suffix[next] = first[old];
                first[next] = first[old];
                length[next] = length[old] + 1;
                next++;
                emit = code;
            } else {
                throw new IllegalStateException(
                        "corrupted LZW stream: code " + code + " is beyond the table size " + next);
            }
            int strLen = length[emit];
            int end = Math.min(out + strLen, dst.length);
            // write the string backwards, skipping bytes past the end of dst
            int c = emit;
            for (int p = out + strLen - 1; p >= out; p--) {
                if (p < end) {
                    dst[p] = suffix[c];
                }
                c = prefix[c];
            }
            out = end;
            old = emit;
            if (next + 1 >= (1 << codeLen) && codeLen < 12) {
                codeLen++;
            }
        }
        return out;
    }

    /** Encodes {@code src[off, off + len)} as a TIFF LZW stream. */
    static byte[] encode(byte[] src, int off, int len) {
        BitWriter w = new BitWriter(len / 2 + 64);
        // open-addressing hash: key = (prefix << 8) | byte  -> code
        int hashSize = 1 << 13;
        int[] keys = new int[hashSize];
        short[] codes = new short[hashSize];
        java.util.Arrays.fill(keys, -1);
        int next = FIRST;
        int codeLen = 9;
        w.write(CLEAR, codeLen);
        if (len == 0) {
            w.write(EOI, codeLen);
            return w.toByteArray();
        }
        int prefix = src[off] & 0xFF;
        for (int i = off + 1; i < off + len; i++) {
            int b = src[i] & 0xFF;
            int key = (prefix << 8) | b;
            int h = (key * 0x9E3779B1) >>> 19;
            int found = -1;
            while (keys[h] != -1) {
                if (keys[h] == key) {
                    found = codes[h];
                    break;
                }
                h = (h + 1) & (hashSize - 1);
            }
            if (found >= 0) {
                prefix = found;
                continue;
            }
            w.write(prefix, codeLen);
            if (next >= 4093) {
                w.write(CLEAR, codeLen);
                java.util.Arrays.fill(keys, -1);
                next = FIRST;
                codeLen = 9;
            } else {
                keys[h] = key;
                codes[h] = (short) next;
                next++;
                if (next >= (1 << codeLen) && codeLen < 12) {
                    codeLen++;
                }
            }
            prefix = b;
        }
        w.write(prefix, codeLen);
        next++;
        if (next >= (1 << codeLen) && codeLen < 12) {
            codeLen++;
        }
        w.write(EOI, codeLen);
        return w.toByteArray();
    }

    /** MSB-first bit packer. */
    private static final class BitWriter {
        private final ByteArrayOutputStream out;
        private long acc;
        private int nbits;

        BitWriter(int capacity) {
            out = new ByteArrayOutputStream(capacity);
        }

        void write(int code, int len) {
            acc = (acc << len) | code;
            nbits += len;
            while (nbits >= 8) {
                out.write((int) (acc >>> (nbits - 8)) & 0xFF);
                nbits -= 8;
            }
            acc &= (1L << nbits) - 1;
        }

        byte[] toByteArray() {
            if (nbits > 0) {
                out.write((int) (acc << (8 - nbits)) & 0xFF);
                nbits = 0;
                acc = 0;
            }
            return out.toByteArray();
        }
    }
}
