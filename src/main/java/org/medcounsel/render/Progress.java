package org.medcounsel.render;

import java.io.PrintWriter;

/** A one-line progress bar on stderr, redrawn in place; drawn only when {@code shown}. Thread-safe. */
public final class Progress {
    /** Batches at least this long show a progress bar on a terminal. */
    public static final int FROM = 20;

    private final PrintWriter err;
    private final int total;
    private final boolean shown;
    private int done;
    private int drawn = -1;

    public Progress(PrintWriter err, int total, boolean shown) {
        this.err = err;
        this.total = total;
        this.shown = shown;
    }

    /** One more done. */
    public synchronized void step() {
        done++;
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        if (shown && filled != drawn) {
            drawn = filled;
            err.print("\rwriting leaflets [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/"
                    + total);
            err.flush();
        }
    }

    /** Clears the bar. */
    public synchronized void done() {
        if (shown) {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
        }
    }
}
