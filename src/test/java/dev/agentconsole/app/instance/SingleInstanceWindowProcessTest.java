package dev.agentconsole.app.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.AgentConsole;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.store.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same with the real window as the first process (headless, Monocle): it opens its demo, a
 * second launch of the entry point hands it an H session on another server and exits 0, and the
 * window binds that session (its store records it). Then it is killed and the folder claimed again.
 */
@Timeout(180)
class SingleInstanceWindowProcessTest {

    @TempDir
    Path data;

    @TempDir
    Path logs;

    @Test
    void theRunningWindowBindsTheSessionASecondLaunchHandsIt() throws Exception {
        try (Emulator emulator = Emulator.start(0, ScriptClock.ticking(Duration.ofMillis(50)))) {
            String session = emulator.createDemoSession();
            Process window = java(emulator, List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                    "-Dheadless.geometry=1920x1200-32", "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true",
                    "-Dagentconsole.reportFirstFrame=true"),
                    AgentConsole.class.getName(), "--data-dir", data.toString());
            try {
                BufferedReader windowOut = new BufferedReader(new InputStreamReader(window.getInputStream(), StandardCharsets.UTF_8));
                String ready = readLineStartingWith(windowOut, "view-ready-ms=");
                assertTrue(ready != null, "the window came up: " + errors());
                assertTrue(Files.exists(data.resolve(SingleInstance.SOCKET_NAME)));

                Process second = java(emulator, List.of(), AgentConsole.class.getName(), "--data-dir", data.toString(),
                        "--provider", "hcompany", "--base-url", emulator.baseUrl(), "--session", session);
                assertTrue(second.waitFor(60, TimeUnit.SECONDS));
                String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, second.exitValue(), out + new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                assertEquals("Agent Console is already running: handed the session to it.", out.strip());

                // the window binds it: its store (read here read-only, the window holds it) names it
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                List<String> recent = List.of();
                while (!recent.contains(session) && System.nanoTime() < end) {
                    Thread.sleep(200);
                    try (Store store = Store.open(data)) {
                        recent = store.recent("hcompany", 10);
                    }
                }
                assertEquals(List.of(session), recent, errors());
                long readsBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (emulator.requestCount() <= 1 && System.nanoTime() < readsBy) {
                    Thread.sleep(50); // the session is recorded before its first read goes out
                }
                assertTrue(emulator.requestCount() > 1, "the window reads the session from the server it was given");
            } finally {
                window.destroyForcibly();
                window.waitFor(30, TimeUnit.SECONDS);
            }
            try (Listening next = assertInstanceOf(Listening.class, SingleInstance.claim(data, OpenRequest.bare()))) {
                assertTrue(Files.exists(next.socket()), "the killed window's socket was replaced");
            }
        }
    }

    private Path errLog() {
        return logs.resolve("window.err");
    }

    private String errors() throws Exception {
        return Files.exists(errLog()) ? Files.readString(errLog()) : "";
    }

    private Process java(Emulator emulator, List<String> jvmOptions, String... mainAndArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.addAll(List.of(mainAndArgs));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("HAI_API_KEY", emulator.token());
        pb.environment().put("DISPLAY", ":99"); // the second launch's check for a display; the window runs on Monocle
        if (!jvmOptions.isEmpty()) {
            pb.redirectError(errLog().toFile());
        }
        return pb.start();
    }

    private static String readLineStartingWith(BufferedReader in, String prefix) throws Exception {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        return null;
    }
}
