package bitweave.emit;

/** The tool version, kept in step with pom.xml (a test checks they agree). */
public final class BuildInfo {
    public static final String VERSION = "0.1.0";

    private BuildInfo() {
    }
}
