package bitweave.cli;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Progress on a terminal only: one rewritten status line with the phase and the time since the command started
 * (sim: build and simulation; synth: the Yosys and nextpnr runs). While a phase lasts, the line is redrawn every
 * second, so a minutes-long tool run visibly advances. Piped output stays quiet (and no timer thread is started).
 */
final class Progress implements Consumer<String> {
    private static final long REDRAW_MILLIS = 1000;

    private final Console console;
    private final long start = System.nanoTime();
    private String status;
    private ScheduledExecutorService redraw;

    Progress(Console console) {
        this.console = console;
    }

    void phase(String what) {
        accept(what);
    }

    @Override
    public synchronized void accept(String status) {
        if (!console.interactive()) {
            return;
        }
        this.status = status;
        draw();
        if (redraw == null) {
            redraw = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bitweave-progress");
                t.setDaemon(true);   // never keeps the JVM alive
                return t;
            });
            redraw.scheduleAtFixedRate(this::redraw, REDRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void redraw() {
        if (status != null) {
            draw();
        }
    }

    private void draw() {
        double secs = (System.nanoTime() - start) / 1e9;
        console.err().printf("\r\033[K[%6.1f s] %s", secs, status);
        console.err().flush();
    }

    /** Clears the line (before a command prints its results) and stops redrawing until the next phase. */
    synchronized void done() {
        if (redraw != null) {
            redraw.shutdownNow();
            redraw = null;
        }
        if (status != null) {
            console.err().print("\r\033[K");
            console.err().flush();
            status = null;
        }
    }
}
