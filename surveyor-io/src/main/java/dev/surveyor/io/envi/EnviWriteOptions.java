package dev.surveyor.io.envi;

import dev.surveyor.core.util.Checks;
import dev.surveyor.io.raw.Interleave;
import java.nio.ByteOrder;
import java.util.List;

/**
 * How {@link EnviWriter} lays out the data file.
 *
 * @param interleave band arrangement
 * @param byteOrder byte order of the samples (header {@code byte order} 0 or 1)
 * @param bandNames one name per band for {@code band names}, or an empty list to take them from the
 *     dataset's {@code band names} metadata (when it has one per band) or to write none
 */
public record EnviWriteOptions(Interleave interleave, ByteOrder byteOrder, List<String> bandNames) {
    public EnviWriteOptions {
        Checks.notNull("interleave", interleave);
        Checks.notNull("byteOrder", byteOrder);
        bandNames = bandNames == null ? List.of() : List.copyOf(bandNames);
        for (String n : bandNames) {
            if (n.contains(",") || n.contains("{") || n.contains("}") || n.contains("\n")) {
                throw new IllegalArgumentException(
                        "an ENVI band name cannot contain ',', '{', '}' or a newline, got '"
                                + n
                                + "'");
            }
        }
    }

    /** BSQ, little-endian, band names from the metadata. */
    public static EnviWriteOptions defaults() {
        return new EnviWriteOptions(Interleave.BSQ, ByteOrder.LITTLE_ENDIAN, List.of());
    }

    /** These options with another interleave. */
    public EnviWriteOptions withInterleave(Interleave il) {
        return new EnviWriteOptions(il, byteOrder, bandNames);
    }

    /** These options with another byte order. */
    public EnviWriteOptions withByteOrder(ByteOrder order) {
        return new EnviWriteOptions(interleave, order, bandNames);
    }

    /** These options with band names. */
    public EnviWriteOptions withBandNames(List<String> names) {
        return new EnviWriteOptions(interleave, byteOrder, names);
    }
}
