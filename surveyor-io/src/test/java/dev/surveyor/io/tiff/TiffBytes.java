package dev.surveyor.io.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Test helper: finds and patches IFD entries of a TIFF held in memory (classic or BigTIFF). */
final class TiffBytes {
    final byte[] data;
    final ByteBuffer bb;
    final boolean big;
    final long ifd;

    TiffBytes(byte[] data) {
        this.data = data;
        this.bb =
                ByteBuffer.wrap(data)
                        .order(data[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        this.big = bb.getShort(2) == 43;
        this.ifd = big ? bb.getLong(8) : bb.getInt(4) & 0xFFFFFFFFL;
    }

    int entryCount() {
        return (int) (big ? bb.getLong((int) ifd) : bb.getShort((int) ifd) & 0xFFFF);
    }

    /** Byte position of entry {@code i}. */
    int entryPos(int i) {
        return (int) ifd + (big ? 8 : 2) + i * (big ? 20 : 12);
    }

    int tagAt(int i) {
        return bb.getShort(entryPos(i)) & 0xFFFF;
    }

    int typeAt(int i) {
        return bb.getShort(entryPos(i) + 2) & 0xFFFF;
    }

    /** Index of the entry for {@code tag}, or -1. */
    int find(int tag) {
        for (int i = 0; i < entryCount(); i++) {
            if (tagAt(i) == tag) {
                return i;
            }
        }
        return -1;
    }

    int countPos(int i) {
        return entryPos(i) + 4;
    }

    int valuePos(int i) {
        return entryPos(i) + (big ? 12 : 8);
    }

    /** Sets the first (inline) value of a SHORT/LONG/LONG8 entry. */
    TiffBytes setValue(int tag, long v) {
        int i = find(tag);
        if (i < 0) {
            throw new IllegalArgumentException("no tag " + tag);
        }
        int p = valuePos(i);
        switch (typeAt(i)) {
            case TiffTags.SHORT -> bb.putShort(p, (short) v);
            case TiffTags.LONG -> bb.putInt(p, (int) v);
            default -> bb.putLong(p, v);
        }
        return this;
    }

    /** The file position of the first value of an entry stored out of line (offset field). */
    long outOfLineOffset(int tag) {
        int i = find(tag);
        return big ? bb.getLong(valuePos(i)) : bb.getInt(valuePos(i)) & 0xFFFFFFFFL;
    }
}
