package dev.surveyor.cli;

import dev.surveyor.core.util.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Draws a progress bar with ETA on a terminal (stderr) and stays quiet when output is not a
 * terminal; {@link #finish} always prints its summary line (to stdout) so logs show what each step
 * did.
 *
 * <p>Thread-safe: blocks may advance from several threads.
 */
public final class CliProgress implements ProgressListener {
    private final boolean interactive;
    private final PrintStream out;
    private ProgressBar bar;
    private long startNanos;
    private String task = "";

    /** A listener that draws bars only when a console is attached. */
    public CliProgress() {
        this(System.console() != null && !"true".equals(System.getenv("CI")), System.out);
    }

    CliProgress(boolean interactive, PrintStream out) {
        this.interactive = interactive;
        this.out = out;
    }

    @Override
    public synchronized void start(String task, long totalSteps) {
        closeBar();
        this.task = task;
        this.startNanos = System.nanoTime();
        if (interactive) {
            bar =
                    new ProgressBarBuilder()
                            .setTaskName(task)
                            .setInitialMax(totalSteps)
                            .setStyle(ProgressBarStyle.ASCII)
                            .setUpdateIntervalMillis(250)
                            .showSpeed()
                            .build();
        }
    }

    @Override
    public synchronized void advance(long steps) {
        if (bar != null) {
            bar.stepBy(steps);
        }
    }

    /**
     * Closes the bar and prints {@code [task] summary (time)}; a {@code null} summary prints
     * nothing.
     */
    @Override
    public synchronized void finish(String summary) {
        closeBar();
        if (summary == null) {
            return;
        }
        Duration d = Duration.ofNanos(System.nanoTime() - startNanos);
        String time = String.format("%.1f s", d.toMillis() / 1000.0);
        out.println(
                "["
                        + task
                        + "] "
                        + (summary == null || summary.isBlank() ? "done" : summary)
                        + " ("
                        + time
                        + ")");
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
