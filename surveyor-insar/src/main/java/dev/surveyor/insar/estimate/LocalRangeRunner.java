package dev.surveyor.insar.estimate;

import dev.surveyor.core.util.ProgressListener;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link RangeRunner} on a thread pool of this JVM: about 8 chunks per thread (at least 16 points
 * each), so that a slow chunk does not hold up the others. Shared values are passed by reference.
 */
public final class LocalRangeRunner implements RangeRunner {
    private final int threads;

    /**
     * @param threads threads; 0 = all processors
     */
    public LocalRangeRunner(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be ≥ 0, got " + threads);
        }
        this.threads = Parallel.threads(threads);
    }

    private record LocalShared<T>(T value) implements Shared<T> {
        @Override
        public T get() {
            return value;
        }
    }

    @Override
    public <T extends Serializable> Shared<T> share(T value) {
        return new LocalShared<>(value);
    }

    @Override
    public <R extends Serializable> List<R> map(
            String stage, int n, RangeFunction<R> f, ProgressListener progress) throws IOException {
        ProgressListener pl = progress == null ? ProgressListener.NONE : progress;
        int chunk = Math.max(16, n / (threads * 8) + 1);
        int chunks = (n + chunk - 1) / chunk;
        Object[] out = new Object[chunks];
        Parallel.forRanges(
                n,
                chunk,
                threads,
                (from, to) -> {
                    out[from / chunk] = f.apply(from, to);
                    pl.advance(to - from);
                });
        List<R> res = new ArrayList<>(chunks);
        for (Object o : Arrays.asList(out)) {
            @SuppressWarnings("unchecked")
            R r = (R) o;
            res.add(r);
        }
        return res;
    }
}
