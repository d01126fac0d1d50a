package dev.agentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ReceivedMessage;
import dev.agentconsole.emulator.ScriptClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * chat's controls do what they say, typed in a terminal: /pause gives the prompt back (it hung),
 * a mistyped command is refused with the list (it went to the agent), /stop gives the prompt back
 * at once and a message after it asks before restarting the session. The timeout only stops a hang.
 */
class ChatControlsTest {

    static final Duration HANG = Duration.ofSeconds(15);

    Emulator emulator;
    Map<String, String> env;
    String session;

    @BeforeEach
    void start() {
        emulator = Emulator.start(0, ScriptClock.ticking(Duration.ofMillis(20)));
        env = Map.of("HAI_API_KEY", emulator.token());
        session = emulator.createDemoSession();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private CliRun chat(String input) {
        return assertTimeoutPreemptively(HANG, () -> CliRun.withInput(env, input,
                "chat", "--provider", "hcompany", "--base-url", emulator.baseUrl(), "--session", session));
    }

    private List<String> received() {
        return emulator.receivedMessages(session).stream().map(ReceivedMessage::text).toList();
    }

    private static int prompts(CliRun run) {
        return run.out().split("you> ", -1).length - 1;
    }

    @Test
    void pauseGivesThePromptBackAndResumeCanBeTyped() {
        CliRun run = chat("/pause\n/resume\n/quit\n");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("the agent is paused"), run.out());
        assertEquals(3, prompts(run), "a prompt for each of the three lines: " + run.out());
    }

    @Test
    void aMistypedCommandIsRefusedWithTheCommandsAndNeverSent() {
        CliRun run = chat("/pasue\n/quit\n");
        assertEquals(0, run.code());
        assertTrue(run.err().contains("'/pasue' is not a command"), run.err());
        assertTrue(run.err().contains("/pause, /resume, /force, /stop, /quit"), run.err());
        assertEquals(List.of(), received(), "nothing went to the agent");
    }

    @Test
    void aDoubleSlashSendsALineThatStartsWithASlash() {
        CliRun run = chat("//etc/hosts is the file\n/quit\n");
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of("/etc/hosts is the file"), received());
    }

    @Test
    void stopGivesThePromptBackAtOnceAndAMessageAfterItAsksBeforeRestarting() {
        CliRun declined = chat("/stop\nplease go on\nn\n/quit\n");
        assertEquals(0, declined.code(), declined.err());
        assertTrue(declined.out().contains("the session is interrupted"), declined.out());
        assertTrue(declined.out().contains("Sending restarts the session, which may cost budget"), declined.out());
        assertTrue(declined.out().contains("not sent"), declined.out());
        assertEquals(List.of(), received(), "declined: nothing sent");

        CliRun accepted = chat("please go on\ny\n/quit\n");
        assertEquals(0, accepted.code(), accepted.err());
        assertEquals(List.of("please go on"), received(), "confirmed: sent once");
    }

    @Test
    void watchCallsTheAgentsQuestionAQuestionAsTheWindowDoes() {
        CliRun run = CliRun.of(env, "watch", "--provider", "hcompany", "--base-url", emulator.baseUrl(), "--session", session);
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.contains("question") && l.contains("Which one should I book")), run.out());
    }

    @Test
    void aMissingMessageIsOneLineAndWhereTheHelpIsNotTheWholeUsage() {
        CliRun run = CliRun.of(env, "send", "--provider", "hcompany", "--base-url", emulator.baseUrl(), "--session", session);
        assertEquals(2, run.code());
        List<String> lines = run.err().lines().toList();
        assertEquals(2, lines.size(), run.err());
        assertTrue(lines.get(0).contains("Missing required parameter: 'MESSAGE'"), run.err());
        assertTrue(lines.get(1).contains("send --help"), run.err());
    }

    @Test
    void helpNeverBreaksAnAddressAcrossLines() {
        CliRun run = CliRun.of(env, "--help");
        for (String whole : List.of("https://agp.eu.hcompany.ai", "https://api.agi.tech", "~/.local/share/agentconsole")) {
            assertTrue(run.out().contains(whole), whole + " whole in: " + run.out());
        }
    }

    @Test
    void theEmulatorsLinesToPasteNameTheCommandThatWorks() {
        assertEquals("agent-console", Invocation.command(true, Optional.of(Path.of("/opt/agent-console/lib/app/agent-console.jar"))));
        assertEquals("java -jar target/agent-console.jar", Invocation.command(false, Optional.of(Path.of("target/agent-console.jar"))));
        assertEquals("java -jar '/home/me/my apps/agent-console.jar'",
                Invocation.command(false, Optional.of(Path.of("/home/me/my apps/agent-console.jar"))));
    }
}
