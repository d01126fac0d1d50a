package dev.agentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentconsole.agent.DataUris;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ReceivedMessage;
import dev.agentconsole.emulator.ScriptClock;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** send and watch against a running emulator: a live, branching conversation, and the exit codes. */
class CliConversationTest {

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

    private String[] target(String command, String... rest) {
        String[] base = {command, "--provider", "hcompany", "--base-url", emulator.baseUrl(), "--session", session};
        String[] all = new String[base.length + rest.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(rest, 0, all, base.length, rest.length);
        return all;
    }

    @Test
    void watchThenSendThenWatchPlaysTheBranchTheOperatorChose() {
        CliRun first = CliRun.of(env, target("watch"));
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("Which one should I book"), first.out());
        assertTrue(first.err().contains("is idle"), first.err());
        int position = Integer.parseInt(first.err().replaceAll("(?s).*next position (\\d+).*", "$1"));

        CliRun send = CliRun.of(env, target("send", "the", "cheaper", "one"));
        assertEquals(0, send.code(), send.err());
        assertTrue(send.out().startsWith("accepted: 1 message"), send.out());
        assertEquals("the cheaper one", emulator.receivedMessages(session).get(0).text());

        CliRun second = CliRun.of(env, target("watch", "--from", Integer.toString(position)));
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains("you        the cheaper one"), second.out());
        assertTrue(second.out().contains("\"hotel\" : \"Sakura Inn\""), second.out());
        assertTrue(!second.out().contains("Which one should I book"), "nothing doubled: " + second.out());
    }

    @Test
    void aBatchIsOneRequestWithTheLinesInOrderAndTheCallerId() {
        long before = emulator.requestCount("POST /api/v2/sessions/{id}/messages");
        CliRun send = CliRun.of(env, target("send", "--batch", "--caller-id", "ops-7", "first line", "second line", "third line"));
        assertEquals(0, send.code(), send.err());
        assertTrue(send.out().startsWith("accepted: batch of 3 lines"), send.out());
        assertEquals(before + 1, emulator.requestCount("POST /api/v2/sessions/{id}/messages"));
        List<ReceivedMessage> got = emulator.receivedMessages(session);
        assertEquals(List.of("first line", "second line", "third line"), got.stream().map(ReceivedMessage::text).toList());
        assertTrue(got.stream().allMatch(m -> m.callerId().equals("ops-7")));
    }

    @Test
    void anAttachedImageArrivesByteForByte() throws Exception {
        Path png = Path.of("src/test/resources/images/small.png");
        CliRun send = CliRun.of(env, target("send", "--image", png.toString(), "this", "button"));
        assertEquals(0, send.code(), send.err());
        ReceivedMessage got = emulator.receivedMessages(session).get(0);
        assertEquals("this button", got.text());
        assertArrayEquals(Files.readAllBytes(png), DataUris.decode(got.images().get(0)).bytes());
    }

    @Test
    void watchJsonPrintsOneObjectPerLine() throws Exception {
        CliRun run = CliRun.of(env, target("watch", "--json"));
        assertEquals(0, run.code(), run.err());
        ObjectMapper json = new ObjectMapper();
        String[] lines = run.out().strip().split("\n");
        assertTrue(lines.length >= 5);
        for (int i = 0; i < lines.length; i++) {
            JsonNode line = json.readTree(lines[i]);
            assertEquals(i, line.path("position").asInt());
            assertTrue(line.path("kind").isTextual());
        }
        assertTrue(run.out().contains("\"kind\":\"question\""), "H's answer without an outcome is the agent asking");
    }

    @Test
    void onAgiTheStartUrlArrivesAndTheQuestionIsAnswered() {
        String agi = emulator.createAgiDemoSession();
        Map<String, String> agiEnv = Map.of("AGI_API_KEY", emulator.token());
        String[] target = {"--provider", "agi", "--base-url", emulator.baseUrl(), "--session", agi};
        CliRun first = CliRun.of(agiEnv, concat(new String[] {"watch"}, target));
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("question   I found two hotels"), first.out());
        assertTrue(first.err().contains("waiting for input"), first.err());
        CliRun send = CliRun.of(agiEnv, concat(concat(new String[] {"send"}, target),
                new String[] {"--start-url", "https://booking.example/sakura", "the cheaper one"}));
        assertEquals(0, send.code(), send.err());
        CliRun second = CliRun.of(agiEnv, concat(new String[] {"watch"}, target));
        assertTrue(second.out().contains("Sakura Inn"), second.out());
        assertTrue(second.err().contains("is finished"), second.err());
    }

    @Test
    void anAgiBatchIsSentLineByLineInOrder() {
        String agi = emulator.createAgiSession();
        CliRun send = CliRun.of(Map.of("AGI_API_KEY", emulator.token()), "send", "--provider", "agi", "--base-url", emulator.baseUrl(),
                "--session", agi, "--batch", "one", "two", "three");
        assertEquals(0, send.code(), send.err());
        assertEquals(List.of("one", "two", "three"), emulator.receivedMessages(agi).stream().map(ReceivedMessage::text).toList());
        assertEquals(3, emulator.requestCount("POST /v1/sessions/{id}/message"));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void anUnknownSessionIsRefusedWithExitThree() {
        session = "00000000-0000-4000-8000-000000000000";
        CliRun run = CliRun.of(env, target("send", "hello"));
        assertEquals(ExitCodes.REFUSED, run.code());
        assertTrue(run.err().contains("session not found"), run.err());
    }

    @Test
    void aWrongTokenIsRefusedWithExitThreeAndNotPrinted() {
        CliRun run = CliRun.of(Map.of("HAI_API_KEY", "hk-wrong-token-42"), target("send", "hello"));
        assertEquals(ExitCodes.REFUSED, run.code());
        assertTrue(run.err().contains("unauthorized"), run.err());
        assertTrue(!run.err().contains("hk-wrong-token-42") && !run.out().contains("hk-wrong-token-42"));
    }

    @Test
    void aServerThatIsNotThereIsANetworkFailureWithExitFour() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        CliRun run = CliRun.of(env, "send", "--provider", "hcompany", "--base-url", "http://127.0.0.1:" + closed,
                "--session", session, "hello");
        assertEquals(ExitCodes.NETWORK, run.code(), run.err());
        assertTrue(run.err().contains("connection refused"), run.err());
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(30).toNanos(), "the retries are bounded");
    }

    @Test
    void theDemoWatchStartsItsOwnEmulatorAndSession() {
        CliRun run = CliRun.of(Map.of("AGENT_CONSOLE_DEMO_STEP_MS", "30"), "watch");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().startsWith("demo session "), run.err());
        assertTrue(run.out().contains("Which one should I book"), run.out());
    }

    @Test
    void theTerminalConversationAnswersForItselfWhenThereIsNoInput() {
        CliRun run = CliRun.withInput(Map.of("AGENT_CONSOLE_DEMO_STEP_MS", "30"), "", "chat");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("(no input: the demo answers for you)"), run.out());
        assertTrue(run.out().contains("Sakura Inn"), run.out());
    }

    @Test
    void theTerminalConversationSendsWhatTheOperatorTypes() {
        CliRun run = CliRun.withInput(env, "the closer one\n/quit\n", "chat", "--provider", "hcompany",
                "--base-url", emulator.baseUrl(), "--session", session);
        assertEquals(0, run.code(), run.err());
        assertEquals("the closer one", emulator.receivedMessages(session).get(0).text());
        assertTrue(run.out().contains("Hotel Gion"), run.out());
    }
}
