package dev.agentconsole.app;

import dev.agentconsole.ui.LinkOpener;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Opens links with the desktop's own opener, and says when it cannot. JavaFX's HostServices only
 * prints a line on stderr when no browser is found, and the operator saw nothing happen: here each
 * opener found on the PATH is tried in turn (on Linux {@code xdg-open}, then {@code gio open}, then
 * a browser), a non-zero exit counts as a failure, and when none worked the caller hears why.
 * Runs on {@code io}: starting a process and waiting for it never holds the FX thread.
 */
public final class SystemBrowser implements LinkOpener {

    /** An opener that has not exited after this long is taken to have opened the link (a browser stays running). */
    static final long WAIT_MS = 4_000;

    private final Executor io;
    private final String path;
    private final String os;

    public SystemBrowser(Executor io) {
        this(io, System.getenv().getOrDefault("PATH", ""), System.getProperty("os.name", ""));
    }

    SystemBrowser(Executor io, String path, String os) {
        this.io = io;
        this.path = path;
        this.os = os.toLowerCase(Locale.ROOT);
    }

    @Override
    public void open(String url, Consumer<String> whenNot) {
        io.execute(() -> tryOpen(url).ifPresent(whenNot));
    }

    /** Empty when the link was handed to an opener; otherwise why not. */
    Optional<String> tryOpen(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("there is no address");
        }
        List<String> tried = new ArrayList<>();
        for (List<String> command : commands(url)) {
            Optional<Path> program = find(command.get(0));
            if (program.isEmpty()) {
                continue;
            }
            List<String> argv = new ArrayList<>(command);
            argv.set(0, program.get().toString());
            try {
                Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(WAIT_MS, TimeUnit.MILLISECONDS) || p.exitValue() == 0) {
                    return Optional.empty();
                }
                tried.add(command.get(0) + " exited with " + p.exitValue());
            } catch (IOException e) {
                tried.add(command.get(0) + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted");
            }
        }
        return Optional.of(tried.isEmpty() ? "no web browser or xdg-open was found"
                : tried.get(0) + (tried.size() == 1 ? "" : ", and " + (tried.size() - 1) + " more "
                        + (tried.size() == 2 ? "opener" : "openers") + " failed"));
    }

    private List<List<String>> commands(String url) {
        if (os.contains("win")) {
            return List.of(List.of("rundll32", "url.dll,FileProtocolHandler", url));
        }
        if (os.contains("mac")) {
            return List.of(List.of("open", url));
        }
        return List.of(List.of("xdg-open", url), List.of("gio", "open", url), List.of("sensible-browser", url),
                List.of("x-www-browser", url), List.of("firefox", url), List.of("chromium", url), List.of("google-chrome", url));
    }

    private Optional<Path> find(String program) {
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String name : os.contains("win") ? List.of(program + ".exe", program) : List.of(program)) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
