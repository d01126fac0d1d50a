package dev.agentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ReceivedMessage;
import dev.agentconsole.emulator.ScriptClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * picocli reads {@code @FILE} arguments as files of arguments unless told not to: a message that
 * starts with {@code @} would send a local file (or {@code /proc/self/environ}, keys and all).
 */
class CliAtFileTest {

    @TempDir
    Path dir;

    Emulator emulator;
    String session;
    Map<String, String> env;

    @BeforeEach
    void start() {
        emulator = Emulator.start(0, ScriptClock.manual());
        session = emulator.createDemoSession();
        env = Map.of("HAI_API_KEY", emulator.token());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private CliRun send(String... message) {
        List<String> args = new java.util.ArrayList<>(List.of("send", "--provider", "hcompany", "--base-url",
                emulator.baseUrl(), "--session", session));
        args.addAll(List.of(message));
        return CliRun.of(env, args.toArray(String[]::new));
    }

    @Test
    void aMessageNamingAFileIsSentAsTypedNotTheFilesContent() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes"), "private notes: the safe code is 4711");
        CliRun run = send("@" + notes, "please");
        assertEquals(0, run.code(), run.err());
        List<ReceivedMessage> got = emulator.receivedMessages(session);
        assertEquals(1, got.size());
        assertEquals("@" + notes + " please", got.get(0).text());
    }

    @Test
    void theProcessEnvironmentIsNeverExpanded() {
        CliRun run = send("@/proc/self/environ");
        assertEquals(0, run.code(), run.err());
        assertEquals("@/proc/self/environ", emulator.receivedMessages(session).get(0).text());
    }

    @Test
    void anOptionValueFromAFileIsNotReadEither() throws Exception {
        Path ids = Files.writeString(dir.resolve("ids"), "--session " + session);
        CliRun run = CliRun.of(env, "send", "--provider", "hcompany", "--base-url", emulator.baseUrl(), "@" + ids, "hi");
        assertEquals(ExitCodes.BAD_INPUT, run.code(), run.out() + run.err());
        assertTrue(run.err().contains("--session is required"), run.err());
        assertEquals(0, emulator.receivedMessages(session).size());
    }
}
