package dev.agentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Words from the wire never drive the operator's terminal: ESC, OSC, BEL and C1 controls in what
 * a server says are shown escaped on every human line, stdout and stderr alike.
 */
class CliTerminalEscapesTest {

    /** OSC 0 retitles the window, CSI 2J clears it, OSC 52 writes the clipboard, U+009B is CSI in one C1 byte. */
    static final String HOSTILE = "\"\\u001b]0;owned\\u0007 \\u001b[2J \\u001b]52;c;aGk=\\u0007 \\u009b31m red\\u007f \\r over\"";

    FakeH server;
    Map<String, String> env = Map.of("HAI_API_KEY", "hk-test-key");

    @BeforeEach
    void start() {
        server = new FakeH();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String[] target(String command, String... rest) {
        String[] base = {command, "--provider", "hcompany", "--base-url", server.baseUrl(), "--session", FakeH.SESSION};
        String[] all = java.util.Arrays.copyOf(base, base.length + rest.length);
        System.arraycopy(rest, 0, all, base.length, rest.length);
        return all;
    }

    static void assertNoControls(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean layout = c == '\n' || c == '\t';
            int at = i;
            assertTrue(layout || Character.getType(c) != Character.CONTROL,
                    () -> String.format("a raw U+%04X at %d in:%n%s", (int) c, at, text));
        }
    }

    @Test
    void aThoughtAndTheFinalLineOfWatchShowControlsEscaped() {
        server.thought(HOSTILE).status("failed", HOSTILE);
        CliRun run = CliRun.of(env, target("watch"));
        assertEquals(0, run.code(), run.err());
        assertNoControls(run.out());
        assertNoControls(run.err());
        assertTrue(run.out().contains("\\e]0;owned\\x07 \\e[2J \\e]52;c;aGk=\\x07 \\u009b31m red\\u007f \\r over"), run.out());
        assertTrue(run.err().contains("is failed: \\e]0;owned\\x07"), run.err());
    }

    @Test
    void watchJsonCarriesTheSameTextAsJsonEscapes() {
        server.thought(HOSTILE);
        CliRun run = CliRun.of(env, target("watch", "--json"));
        assertEquals(0, run.code(), run.err());
        assertNoControls(run.out());
        assertTrue(run.out().contains("\\u001B]0;owned\\u0007") || run.out().contains("\\u001b]0;owned\\u0007"), run.out());
        assertTrue(run.out().contains("\\u009B31m") || run.out().contains("\\u009b31m"), run.out());
    }

    @Test
    void aRefusalInTheServersWordsIsEscapedOnStderr() {
        server.answer("POST messages", FakeH.status(400, "{\"message\":" + HOSTILE + "}"));
        CliRun run = CliRun.of(env, target("send", "hello"));
        assertEquals(ExitCodes.REFUSED, run.code(), run.err());
        assertNoControls(run.err());
        assertTrue(run.err().contains("\\e]52;c;aGk=\\x07"), run.err());
    }

    @Test
    void chatShowsTheAgentAndTheServersRefusalEscaped() {
        server.thought(HOSTILE).answer("POST messages", FakeH.status(422, "{\"message\":" + HOSTILE + "}"));
        CliRun run = CliRun.withInput(env, "try this\n/quit\n", target("chat"));
        assertEquals(0, run.code(), run.err());
        assertNoControls(run.out());
        assertNoControls(run.err());
        assertTrue(run.out().contains("\\e[2J"), run.out());
        assertTrue(run.err().contains("not sent: ") && run.err().contains("\\e]0;owned\\x07"), run.err());
    }
}
