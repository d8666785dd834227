package dev.surveyor.spark.insar;

import java.io.Serializable;

/**
 * A row block of a stack: rows {@code [y0, y0 + rows)}, every column. Blocks are those of {@link
 * dev.surveyor.insar.pipeline.PsPipeline} ({@code blockRows} rows, the last one shorter), so that
 * partial sums combine in the same order.
 *
 * @param index block number from 0, top to bottom
 * @param y0 first row
 * @param rows number of rows
 */
public record PsBlock(int index, int y0, int rows) implements Serializable {
    private static final long serialVersionUID = 1L;
}
