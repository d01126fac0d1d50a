package dev.agentconsole.app.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.cli.Cli;
import dev.agentconsole.cli.CliContext;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line with the real window behind it, on a data folder this JVM already holds: the
 * launch hands over and never opens a window here. The process test does the same across processes.
 */
@Timeout(60)
class WindowLaunchTest {

    @TempDir
    Path data;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final List<OpenRequest> received = new CopyOnWriteArrayList<>();

    private int run(String... args) {
        return Cli.run(args, new CliContext(Map.of("DISPLAY", ":99"), new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(new byte[0])));
    }

    @Test
    void aLaunchOnAHeldFolderHandsItsOptionsOverAndEndsWithZero() {
        try (Listening first = assertInstanceOf(Listening.class, SingleInstance.claim(data, OpenRequest.bare()))) {
            first.onRequest(received::add);
            assertEquals(0, run("--data-dir", data.toString(), "--provider", "hcompany", "--base-url", "http://localhost:8377",
                    "--session", WireTest.SESSION.toUpperCase(), "--caller-id", "night shift"), err.toString());
            assertEquals("Agent Console is already running: handed the session to it.\n", out.toString());
            assertEquals("", err.toString());
            assertEquals(List.of(new OpenRequest(Optional.of(Provider.HCOMPANY), Optional.of("http://localhost:8377"),
                    Optional.of(WireTest.SESSION), Optional.of("night shift"))), received);
        }
    }

    @Test
    void aProfileIsHandedOverAsItsProviderBaseUrlCallerIdAndItsNameAsStored() {
        assertEquals(0, run("profile", "add", "lab", "--provider", "hcompany", "--base-url", "http://localhost:8377",
                "--caller-id", "lab desk", "--data-dir", data.toString()), err.toString());
        try (Listening first = assertInstanceOf(Listening.class, SingleInstance.claim(data, OpenRequest.bare()))) {
            first.onRequest(received::add);
            assertEquals(0, run("--data-dir", data.toString(), "--profile", "LAB", "--session", WireTest.SESSION), err.toString());
            assertEquals(List.of(new OpenRequest(Optional.of(Provider.HCOMPANY), Optional.of("http://localhost:8377"),
                    Optional.of(WireTest.SESSION), Optional.of("lab desk"), Optional.of("lab"))), received);
        }
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedBeforeAnythingIsClaimed() {
        assertEquals(2, run("--data-dir", data.toString(), "--provider", "hcompany", "--base-url", "http://example.com"));
        assertTrue(err.toString().startsWith("bad input: the base URL example.com is plain http"), err.toString());
        assertFalse(SingleInstance.isClaimed(data));
    }

    @Test
    void aConsoleThatHoldsTheFolderButDoesNotAnswerEndsTheLaunchWithNoAnswer() {
        try (Listening first = assertInstanceOf(Listening.class, SingleInstance.claim(data, OpenRequest.bare()))) {
            first.stopListening();
            assertEquals(4, run("--data-dir=" + data)); // waits SingleInstance.PATIENCE
            assertTrue(err.toString().startsWith("no answer: another Agent Console holds " + data.toAbsolutePath()),
                    err.toString());
        }
    }

    @Test
    void theEarlyLookAtTheFolderSeesAHolderAndLeavesSmokeRunsAlone() {
        String[] window = {"--data-dir=" + data, "--provider=agi"};
        assertFalse(Cli.anotherConsoleHolds(window));
        try (Listening first = assertInstanceOf(Listening.class, SingleInstance.claim(data, OpenRequest.bare()))) {
            assertTrue(Cli.anotherConsoleHolds(window));
            assertFalse(Cli.anotherConsoleHolds(new String[] {"--data-dir=" + data, "--smoke"}));
            assertFalse(Cli.anotherConsoleHolds(new String[] {"--data-dir=" + data.resolve("other")}));
        }
    }
}
