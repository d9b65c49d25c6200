package bitweave.cosim;

import java.nio.file.Path;
import java.util.Map;

/** Where Bitweave keeps built co-simulation models between runs. */
public final class CacheDirs {
    private CacheDirs() {
    }

    /** $BITWEAVE_CACHE, else $XDG_CACHE_HOME/bitweave, else $HOME/.cache/bitweave. */
    public static Path defaultDir(Map<String, String> env) {
        String explicit = env.get("BITWEAVE_CACHE");
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty()) {
            return Path.of(xdg, "bitweave");
        }
        String home = env.get("HOME");
        if (home == null || home.isEmpty()) {
            home = System.getProperty("user.home");
        }
        return Path.of(home, ".cache", "bitweave");
    }
}
