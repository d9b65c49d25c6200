package bitweave.cli;

import java.util.function.Consumer;

/**
 * Progress on a terminal only: one rewritten status line with the phase and the time since the command started
 * (sim: build and simulation; synth: the Yosys and nextpnr runs). Piped output stays quiet.
 */
final class Progress implements Consumer<String> {
    private final Console console;
    private final long start = System.nanoTime();
    private boolean dirty;

    Progress(Console console) {
        this.console = console;
    }

    void phase(String what) {
        accept(what);
    }

    @Override
    public void accept(String status) {
        if (!console.interactive()) {
            return;
        }
        double secs = (System.nanoTime() - start) / 1e9;
        console.err().printf("\r\033[K[%6.1f s] %s", secs, status);
        console.err().flush();
        dirty = true;
    }

    void done() {
        if (dirty) {
            console.err().print("\r\033[K");
            console.err().flush();
            dirty = false;
        }
    }
}
