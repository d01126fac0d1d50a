package dev.agentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.Faults;
import dev.agentconsole.emulator.ScriptClock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exit codes the README promises, for the answers where they were not kept. */
class CliExitCodesTest {

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

    @Test
    void aServerStillBusyAfterTheRetriesIsNoAnswerExitFour() {
        emulator.faults().add(Faults.parse("status=429,retry-after=0,route=POST /api/v2/sessions/{id}/messages,times=-1"));
        CliRun run = CliRun.of(env, "send", "--provider", "hcompany", "--base-url", emulator.baseUrl(), "--session", session, "hi");
        assertEquals(ExitCodes.NETWORK, run.code(), run.err());
        assertTrue(run.err().startsWith("no answer: rate limited (HTTP 429)"), run.err());
        assertTrue(run.err().contains("try again later"), run.err());
        assertEquals(0, emulator.receivedMessages(session).size());
        assertEquals(4, emulator.requestCount("POST /api/v2/sessions/{id}/messages"), "retried, then given up");
    }

    private CliRun watchAgi(String fault) {
        String agi = emulator.createAgiSession();
        emulator.faults().add(Faults.parse(fault));
        return CliRun.of(Map.of("AGI_API_KEY", emulator.token()), "watch", "--provider", "agi", "--base-url", emulator.baseUrl(),
                "--session", agi);
    }

    @Test
    void aReadAnsweredWithJsonCutShortIsReadAgain() {
        CliRun run = watchAgi("malformed-json,route=GET /v1/sessions/{id}/messages,times=1");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("is finished"), run.err());
        assertEquals(1, emulator.faults().injected(Faults.Fault.MalformedJson.class));
    }

    @Test
    void aReadCutShortEveryTimeIsNoAnswerAfterTheRetries() {
        CliRun run = watchAgi("malformed-json,route=GET /v1/sessions/{id}/messages,times=-1");
        assertEquals(ExitCodes.NETWORK, run.code(), run.err());
        assertTrue(run.err().startsWith("no answer: ") && run.err().contains("cut short"), run.err());
        assertTrue(!run.err().contains("uncertain") && !run.err().contains("may have arrived"), run.err());
        assertEquals(4, emulator.requestCount("GET /v1/sessions/{id}/messages"));
    }

    @Test
    void aReadDroppedEveryTimeIsNoAnswerNotAnUncertainSend() {
        CliRun run = watchAgi("drop,route=GET /v1/sessions/{id}/messages,times=-1");
        assertEquals(ExitCodes.NETWORK, run.code(), run.err());
        assertTrue(run.err().startsWith("no answer: "), run.err());
        assertTrue(!run.err().contains("uncertain") && !run.err().contains("may have arrived"), run.err());
    }

    @Test
    void anHReadAnsweredWithJsonCutShortIsReadAgain() {
        try (FakeH h = new FakeH()) {
            h.thought("\"thinking\"").answer("GET changes", FakeH.json("{\"status\":\"idle\",\"new_ev"));
            CliRun run = CliRun.of(Map.of("HAI_API_KEY", "hk-1"), "watch", "--provider", "hcompany", "--base-url", h.baseUrl(),
                    "--session", FakeH.SESSION);
            assertEquals(0, run.code(), run.err());
            assertTrue(run.out().contains("thinking"), run.out());
        }
    }
}
