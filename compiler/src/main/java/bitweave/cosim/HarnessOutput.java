package bitweave.cosim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Collects and interprets the output of the harness binary. Machine lines start with {@code BW-} and
 * carry {@code key=value} tokens ({@code msg=} is always last and runs to the end of the line); see
 * testbenches/harness.cpp for the list. Other lines are kept (the last few) for error messages.
 */
final class HarnessOutput implements Consumer<String> {
    private static final int TAIL_LINES = 40;

    private final Consumer<String> progress;
    private final Deque<String> tail = new ArrayDeque<>();
    private Map<String, String> pass;
    private Map<String, String> mismatch;
    private Map<String, String> timeout;
    private Map<String, String> error;
    private Map<String, String> earlyValid;
    private String powerUp = "random";

    HarnessOutput(Consumer<String> progress) {
        this.progress = progress;
    }

    @Override
    public void accept(String line) {
        if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
        if (line.startsWith("BW-PROGRESS ")) {
            Map<String, String> p = parse(line);
            progress.accept("co-sim: " + p.get("vectors") + "/" + p.get("total") + " vectors (cycle " + p.get("cycle") + ")");
        } else if (line.startsWith("BW-PASS ")) {
            pass = parse(line);
        } else if (line.startsWith("BW-MISMATCH ")) {
            mismatch = parse(line);
        } else if (line.startsWith("BW-TIMEOUT ")) {
            timeout = parse(line);
        } else if (line.startsWith("BW-POWERUP ")) {
            powerUp = parse(line).getOrDefault("init", "random");
        } else if (line.startsWith("BW-EARLY-VALID ")) {
            earlyValid = parse(line);
        } else if (line.startsWith("BW-ERROR ")) {
            error = parse(line);
        }
    }

    /** key=value tokens after the tag; {@code msg=} takes the rest of the line. */
    static Map<String, String> parse(String line) {
        Map<String, String> out = new LinkedHashMap<>();
        int space = line.indexOf(' ');
        String rest = space < 0 ? "" : line.substring(space + 1);
        while (!rest.isEmpty()) {
            if (rest.startsWith("msg=")) {
                out.put("msg", rest.substring(4));
                break;
            }
            int end = rest.indexOf(' ');
            String token = end < 0 ? rest : rest.substring(0, end);
            int eq = token.indexOf('=');
            if (eq > 0) {
                out.put(token.substring(0, eq), token.substring(eq + 1));
            }
            rest = end < 0 ? "" : rest.substring(end + 1);
        }
        return out;
    }

    Optional<Map<String, String>> pass() {
        return Optional.ofNullable(pass);
    }

    Optional<Mismatch> mismatch() {
        if (mismatch == null) {
            return Optional.empty();
        }
        Map<String, String> m = mismatch;
        return Optional.of(new Mismatch(Integer.parseInt(m.get("vector")), Long.parseLong(m.get("cycle")), m.get("port"),
                m.get("expected"), m.get("actual"), Long.parseLong(m.get("beat")), "1".equals(m.get("extra"))));
    }

    Optional<Timeout> timeout() {
        if (timeout == null) {
            return Optional.empty();
        }
        return Optional.of(new Timeout(Long.parseLong(timeout.get("cycle")), Integer.parseInt(timeout.get("vector")),
                timeout.get("msg")));
    }

    Optional<EarlyValid> earlyValid() {
        if (earlyValid == null) {
            return Optional.empty();
        }
        Map<String, String> e = earlyValid;
        return Optional.of(new EarlyValid(Long.parseLong(e.get("cycle")), e.get("port"), Integer.parseInt(e.get("vector")),
                e.get("when")));
    }

    /** The smallest latency of a passing run, from BW-PASS. */
    Optional<Latency> latency() {
        if (pass == null || Long.parseLong(pass.getOrDefault("min_latency", "-1")) < 0) {
            return Optional.empty();
        }
        return Optional.of(new Latency(Long.parseLong(pass.get("min_latency")),
                Integer.parseInt(pass.getOrDefault("min_latency_vector", "-1")),
                Long.parseLong(pass.getOrDefault("min_latency_cycle", "-1"))));
    }

    /** The power-up state of the pass the last BW-POWERUP line announced (a failure belongs to it). */
    String powerUp() {
        return powerUp;
    }

    Optional<String> error() {
        return error == null ? Optional.empty() : Optional.of(error.getOrDefault("msg", ""));
    }

    /** The last lines of output, for diagnosing a crash. */
    String tail() {
        return String.join("\n", tail);
    }
}
