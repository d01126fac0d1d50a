package dev.agentconsole.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the operator ran this console, so that a line it prints for them to paste works: the installed
 * launcher is {@code agent-console} (on the PATH); from the jar it is {@code java -jar PATH}.
 */
final class Invocation {

    private Invocation() {}

    /** The command that starts this console again. */
    static String command() {
        return command(System.getProperty("jpackage.app-path") != null, jar());
    }

    /** @param installed run by the installed launcher (jpackage sets {@code jpackage.app-path}) */
    static String command(boolean installed, Optional<Path> jar) {
        if (installed) {
            return "agent-console";
        }
        return jar.map(j -> "java -jar " + quoted(j.toString())).orElse("agent-console");
    }

    /** The jar this class was loaded from, if it was. */
    static Optional<Path> jar() {
        try {
            var source = Invocation.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path p = Path.of(source.getLocation().toURI());
            return p.toString().endsWith(".jar") ? Optional.of(p) : Optional.empty();
        } catch (java.net.URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String quoted(String path) {
        return path.matches("[A-Za-z0-9_./:@+-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
    }
}
