package dev.agentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.corpus.Expected;
import dev.agentconsole.corpus.Sent;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.Faults;
import dev.agentconsole.emulator.ReceivedMessage;
import dev.agentconsole.emulator.ScriptClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@link ServerCorpus}: {@code send} or {@code watch} in-process against a server that
 * answers as the row says, checking the exit code, the words that name the problem, what the
 * server took (nothing, or the message exactly once), that no line carries a raw control
 * character or the key, and that stderr stays short whatever the server sent.
 */
class ServerCorpusTest {

    static final ScriptClock.Manual CLOCK = ScriptClock.manual();
    static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(0, CLOCK);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static Stream<ServerRow> rows() {
        return ServerCorpus.rows().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    @Timeout(90) // a guard against a hang, not a measurement
    void eachAnswerHasItsOutcome(ServerRow row) {
        if (row.server() instanceof ServerRow.Server.Emulated emulated) {
            runAgainstTheEmulator(row, emulated);
        } else if (row.server() instanceof ServerRow.Server.Scripted scripted) {
            try (FakeH server = new FakeH()) {
                scripted.script().accept(server);
                CliRun run = CliRun.of(Map.of("HAI_API_KEY", "hk-scripted-key"), command(row, "hcompany", server.baseUrl(),
                        FakeH.SESSION));
                check(row, run, "hk-scripted-key");
                assertEquals(row.expected().sent() == Sent.ONCE ? 1 : 0, server.messagesAccepted(), "messages the server took");
            }
        }
    }

    private void runAgainstTheEmulator(ServerRow row, ServerRow.Server.Emulated emulated) {
        emulator.faults().clear();
        String h = emulator.createDemoSession();
        for (int i = 0; i < 200 && !emulator.sessionStatus(h).orElse("").equals("idle"); i++) {
            CLOCK.tick(1); // the demo agent works until it asks the operator
        }
        assertEquals("idle", emulator.sessionStatus(h).orElse(""), "the H session waits for the operator");
        String agi = emulator.createAgiSession();
        emulator.faults().clear();
        emulated.faults().forEach(spec -> emulator.faults().add(Faults.parse(spec)));
        CliRun run = CliRun.of(Map.of("HAI_API_KEY", emulator.token(), "AGI_API_KEY", emulator.token()),
                command(row, emulated.agi() ? "agi" : "hcompany", emulator.baseUrl(), emulated.agi() ? agi : h));
        emulator.faults().clear();
        check(row, run, emulator.token());
        List<ReceivedMessage> received = new ArrayList<>(emulator.receivedMessages(h));
        received.addAll(emulator.receivedMessages(agi));
        List<String> texts = received.stream().map(ReceivedMessage::text).toList();
        Expected expected = row.expected();
        if (expected.sent() == Sent.NOTHING) {
            assertEquals(List.of(), texts, "nothing arrived");
        } else if (expected.arrives().isEmpty()) {
            assertEquals(1, texts.size(), "arrived once: " + texts);
        } else {
            assertEquals(expected.arrives(), texts, "arrived once");
        }
    }

    private static String[] command(ServerRow row, String provider, String url, String session) {
        List<String> words = CorpusCommand.words(row.command());
        List<String> args = new ArrayList<>(List.of(words.get(0), "--provider", provider, "--base-url", url, "--session", session));
        args.addAll(words.subList(1, words.size()));
        return args.toArray(String[]::new);
    }

    private static void check(ServerRow row, CliRun run, String key) {
        String shown = "stdout: " + shorten(run.out()) + "\nstderr: " + shorten(run.err());
        assertEquals(row.expected().exit().getAsInt(), run.code(), shown);
        assertTrue((run.out() + "\n" + run.err()).contains(row.expected().says()),
                "expected '" + row.expected().says() + "' in\n" + shown);
        CliTerminalEscapesTest.assertNoControls(run.out());
        CliTerminalEscapesTest.assertNoControls(run.err());
        assertFalse((run.out() + run.err()).contains(key), "the key is never printed");
        assertTrue(run.err().length() < 20_000, "stderr stays short: " + run.err().length() + " characters");
    }

    private static String shorten(String s) {
        return s.length() > 3000 ? s.substring(0, 1500) + "\n…\n" + s.substring(s.length() - 1500) : s;
    }
}
