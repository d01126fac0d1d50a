package dev.agentconsole.app.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.AgentConsole;
import dev.agentconsole.agent.Provider;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test, with real processes: a console holds a data folder, a second launch of the
 * real entry point hands its session over and exits 0, the console is killed with SIGKILL and
 * the next claim replaces its stale socket; and launches at the same moment end with one listener.
 */
@Timeout(120)
class SingleInstanceProcessTest {

    @TempDir
    Path data;

    /** Beside the data folder, not in it. */
    @TempDir
    Path scratch;

    @Test
    void aSecondLaunchHandsItsSessionToTheFirstExitsZeroAndAKilledFirstIsReplaced() throws Exception {
        Process first = java(InstanceProcess.class.getName(), data.toString());
        BufferedReader firstOut = reader(first);
        assertEquals("FIRST", firstOut.readLine());
        String session = UUID.randomUUID().toString();

        long start = System.nanoTime();
        Process second = java(AgentConsole.class.getName(), "--data-dir", data.toString(), "--provider", "agi",
                "--session", session);
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second launch ends");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        String out = text(second.getInputStream().readAllBytes());
        assertEquals(0, second.exitValue(), out + text(second.getErrorStream().readAllBytes()));
        assertEquals("Agent Console is already running: handed the session to it.", out.strip());
        assertEquals("REQUEST " + InstanceProcess.line(new OpenRequest(Optional.of(Provider.AGI), Optional.empty(),
                Optional.of(session), Optional.empty())), firstOut.readLine());
        // a request is printed before it is answered: any other one would be waiting here by now
        assertFalse(firstOut.ready(), "exactly one request reached the first console");
        System.out.printf("single instance: a handed-over launch (a new JVM) exited 0 after %d ms%n", millis);

        first.destroyForcibly(); // SIGKILL: no shutdown hook deletes the socket
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        assertTrue(Files.exists(data.resolve(SingleInstance.SOCKET_NAME)), "the killed console's socket is left behind");
        try (Listening next = assertInstanceOf(Listening.class, SingleInstance.claim(data, OpenRequest.bare()))) {
            assertInstanceOf(SingleInstance.HandedOver.class, SingleInstance.claim(data, OpenRequest.bare()),
                    "the replaced socket is served");
        }
    }

    @Test
    void aBareLaunchOnTheDisplayStartsNoToolkitAndHandsOverTheDemo() throws Exception {
        Process first = java(InstanceProcess.class.getName(), data.toString());
        BufferedReader firstOut = reader(first);
        assertEquals("FIRST", firstOut.readLine());
        Path classes = scratch.resolve("classes.log");
        // the desktop menu's form of the command line, on a (made-up) display: the early toolkit start is skipped
        Process second = java(List.of("-Xlog:class+load=info:file=" + classes), AgentConsole.class.getName(),
                "--data-dir=" + data);
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second launch ends");
        String out = text(second.getInputStream().readAllBytes());
        assertEquals(0, second.exitValue(), out + text(second.getErrorStream().readAllBytes()));
        assertEquals("Agent Console is already running: handed the request to it.", out.strip());
        assertEquals("REQUEST {\"v\":1,\"provider\":\"demo\"}", firstOut.readLine());
        String loaded = Files.readString(classes);
        assertTrue(loaded.contains("dev.agentconsole.app.instance.SingleInstance "), "the log is the launch's");
        assertFalse(loaded.contains("com.sun.javafx.application.PlatformImpl "), "no JavaFX toolkit was started");
        first.getOutputStream().close();
        assertEquals("CLOSED", firstOut.readLine());
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(data.resolve(SingleInstance.SOCKET_NAME)), "a console that closes takes its socket");
    }

    @Test
    void launchesAtTheSameMomentLeaveExactlyOneListenerWithEveryRequest() throws Exception {
        Path go = scratch.resolve("go");
        List<Process> launches = new ArrayList<>();
        List<BufferedReader> outs = new ArrayList<>();
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sessions.add(UUID.randomUUID().toString());
            Process p = java(InstanceProcess.class.getName(), data.toString(), sessions.get(i), go.toString());
            launches.add(p);
            outs.add(reader(p));
        }
        for (BufferedReader out : outs) {
            assertEquals("READY", out.readLine());
        }
        Files.createFile(go);
        List<String> outcomes = new ArrayList<>();
        for (BufferedReader out : outs) {
            outcomes.add(out.readLine());
        }
        assertEquals(1, outcomes.stream().filter("FIRST"::equals).count(), outcomes.toString());
        assertEquals(3, outcomes.stream().filter("HANDED"::equals).count(), outcomes.toString());
        int firstIndex = outcomes.indexOf("FIRST");
        List<String> received = new ArrayList<>();
        for (int i = 0; i < launches.size(); i++) {
            if (i != firstIndex) {
                assertTrue(launches.get(i).waitFor(30, TimeUnit.SECONDS));
                assertEquals(0, launches.get(i).exitValue());
                received.add(outs.get(firstIndex).readLine());
            }
        }
        for (int i = 0; i < launches.size(); i++) {
            if (i != firstIndex) {
                String expected = "REQUEST " + InstanceProcess.line(new OpenRequest(Optional.of(Provider.AGI),
                        Optional.empty(), Optional.of(sessions.get(i)), Optional.empty()));
                assertTrue(received.contains(expected), expected + " in " + received);
            }
        }
        launches.get(firstIndex).getOutputStream().close();
        assertEquals("CLOSED", outs.get(firstIndex).readLine());
    }

    private Process java(String... mainAndArgs) throws Exception {
        return java(List.of(), mainAndArgs);
    }

    /**
     * A child JVM on this test's class path, with a display named (none is there: a launch that
     * tried to open a window would fail, not show one).
     */
    private Process java(List<String> jvmOptions, String... mainAndArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.addAll(List.of(mainAndArgs));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().put("DISPLAY", ":99");
        return pb.start();
    }

    private static BufferedReader reader(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
