package dev.agentconsole.app.keys;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.AgentConsole;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The real command line in a process of its own, with a home and data folder under {@code home}
 * (so every file it might write is in reach of the sweep): from a pipe, or on a terminal that
 * util-linux's {@code script} provides. Keeps every output for the sweep.
 */
final class ConsoleRuns {

    record Run(int code, String out, String err) {}

    private final Path home;
    private final Map<String, String> outputs = new LinkedHashMap<>();

    ConsoleRuns(Path home) {
        this.home = home;
    }

    Map<String, String> outputs() {
        return outputs;
    }

    /** {@code agent-console --data-dir HOME/data ARGS} with {@code input} on a pipe. */
    Run run(String input, String... args) throws Exception {
        Process p = start(new ArrayList<>(command(args)));
        try (OutputStream in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        return finish(p, String.join(" ", args));
    }

    /** The same on a terminal: waits for the prompt, types {@code typed} and Enter. Output and errors both show on it. */
    Run onTerminal(String typed, String... args) throws Exception {
        return terminal(quoted(command(args)), typed, String.join(" ", args) + " (terminal)");
    }

    /** On a terminal, with standard output redirected to {@code file}. */
    Run onTerminalWithOutputTo(Path file, String typed, String... args) throws Exception {
        return terminal(quoted(command(args)) + " > " + quoted(List.of(file.toString())), typed,
                String.join(" ", args) + " (terminal, output redirected)");
    }

    private Run terminal(String shellCommand, String typed, String name) throws Exception {
        Process p = start(List.of("script", "-qefc", shellCommand, "/dev/null"));
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(p.getInputStream(), screen), "terminal");
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!text(screen).contains("(typing is not shown): ") && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        try (OutputStream in = p.getOutputStream()) {
            if (p.isAlive()) {
                in.write((typed + "\n").getBytes(StandardCharsets.UTF_8)); // echo is off by now: the prompt is up
                in.flush();
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the console exits");
            }
        }
        p.waitFor(60, TimeUnit.SECONDS);
        reader.join(5000);
        String shown = text(screen).replace("\r\n", "\n");
        outputs.put(name, shown);
        return new Run(p.exitValue(), shown, "");
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AgentConsole.class.getName(),
                "--data-dir", home.resolve("data").toString()));
        command.addAll(List.of(args));
        return command;
    }

    private Process start(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve("share").toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        List.of("HAI_API_KEY", "H_API_KEY", "AGI_API_KEY", "DISPLAY", "WAYLAND_DISPLAY").forEach(pb.environment()::remove);
        return pb.start();
    }

    private Run finish(Process p, String name) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errors = new Thread(() -> copy(p.getErrorStream(), err), "stderr");
        errors.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the console exits");
        errors.join(5000);
        Run run = new Run(p.exitValue(), out, text(err));
        outputs.put(name, run.out() + run.err());
        return run;
    }

    private static String quoted(List<String> words) {
        return words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
    }

    private static String text(ByteArrayOutputStream bytes) {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static void copy(InputStream from, ByteArrayOutputStream to) {
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = from.read(buffer)) > 0; ) {
                synchronized (to) {
                    to.write(buffer, 0, n);
                }
            }
        } catch (java.io.IOException e) {
            // the process ended
        }
    }
}
