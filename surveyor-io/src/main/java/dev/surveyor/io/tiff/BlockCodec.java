package dev.surveyor.io.tiff;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Decompresses and compresses whole blocks (none, LZW, DEFLATE, PackBits). Keeps a pool of {@link
 * Inflater}s so that concurrent decodes neither share one nor allocate one per block. Thread-safe;
 * {@link #close()} frees the native zlib state.
 */
final class BlockCodec implements AutoCloseable {
    private final ConcurrentLinkedQueue<Inflater> inflaters = new ConcurrentLinkedQueue<>();

    /**
     * Largest decoded/encoded size ratio a stream of each compression can reach; a block whose byte
     * count is too small for its decoded size is damaged, and is rejected before allocating.
     */
    static long maxRatio(int compression) {
        return switch (compression) {
            case 8, 32946 -> 1100; // zlib's limit is 1032:1
            case 5 -> 4096;
            case 32773 -> 64;
            default -> 1;
        };
    }

    /**
     * Decodes {@code src[off, off + len)} into {@code dst}.
     *
     * @return bytes decoded (less than {@code dst.length} when the stream ends early)
     * @throws IllegalStateException describing the damage
     */
    int decode(int compression, byte[] src, int off, int len, byte[] dst) {
        return switch (compression) {
            case 5 -> Lzw.decode(src, off, len, dst);
            case 32773 -> PackBits.decode(src, off, len, dst);
            case 8, 32946 -> inflate(src, off, len, dst);
            default -> {
                int n = Math.min(len, dst.length);
                System.arraycopy(src, off, dst, 0, n);
                yield n;
            }
        };
    }

    private int inflate(byte[] src, int off, int srcLen, byte[] dst) {
        Inflater inf = inflaters.poll();
        if (inf == null) {
            inf = new Inflater();
        }
        try {
            inf.setInput(src, off, srcLen);
            int out = 0;
            // each pass consumes input or produces output, so at most srcLen + dst.length passes
            long guard = (long) srcLen + dst.length + 16;
            while (out < dst.length && guard-- > 0) {
                int n = inf.inflate(dst, out, dst.length - out);
                out += n;
                if (n == 0) {
                    if (inf.finished() || inf.needsInput()) {
                        break;
                    }
                    if (inf.needsDictionary()) {
                        throw new IllegalStateException(
                                "corrupted DEFLATE stream: it asks for a preset dictionary");
                    }
                }
            }
            return out;
        } catch (DataFormatException e) {
            throw new IllegalStateException("corrupted DEFLATE stream: " + e.getMessage(), e);
        } finally {
            inf.reset();
            inflaters.offer(inf);
        }
    }

    /** Compresses {@code src[0, len)}; returns the encoded bytes (compression 1 returns a copy). */
    static byte[] encode(int compression, byte[] src, int len, int rowBytes, int deflateLevel) {
        switch (compression) {
            case 5:
                return Lzw.encode(src, 0, len);
            case 32773:
                {
                    java.io.ByteArrayOutputStream out =
                            new java.io.ByteArrayOutputStream(len / 2 + 64);
                    // PackBits runs must not cross rows (TIFF 6, section 9)
                    for (int p = 0; p < len; p += rowBytes) {
                        PackBits.encode(src, p, Math.min(rowBytes, len - p), out);
                    }
                    return out.toByteArray();
                }
            case 8:
                {
                    Deflater def = new Deflater(deflateLevel);
                    try {
                        def.setInput(src, 0, len);
                        def.finish();
                        byte[] buf = new byte[len + len / 1000 + 64];
                        int n = 0;
                        while (!def.finished()) {
                            if (n == buf.length) {
                                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                            }
                            n += def.deflate(buf, n, buf.length - n);
                        }
                        return java.util.Arrays.copyOf(buf, n);
                    } finally {
                        def.end();
                    }
                }
            default:
                return java.util.Arrays.copyOf(src, len);
        }
    }

    @Override
    public void close() {
        Inflater i;
        while ((i = inflaters.poll()) != null) {
            i.end();
        }
    }
}
