package dev.agentconsole.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentException;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.agi.AgiBackend;
import dev.agentconsole.agent.hcompany.HCompanyBackend;
import dev.agentconsole.agent.http.ApiToken;
import dev.agentconsole.agent.http.Endpoint;
import dev.agentconsole.agent.http.ErrorDecoder;
import dev.agentconsole.agent.http.HttpCaller;
import dev.agentconsole.agent.http.HttpStack;
import dev.agentconsole.agent.http.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every fault the emulator injects, against the real clients, with what was injected compared to what they report. */
class FaultInjectionTest {

    static final String MESSAGES = "POST /api/v2/sessions/{id}/messages";

    Emulator emulator;
    HttpStack http;
    List<Duration> sleeps = new CopyOnWriteArrayList<>();
    HCompanyBackend h;
    AgiBackend agi;
    SessionId hSession;
    SessionId agiSession;

    @BeforeEach
    void start() {
        emulator = Emulator.start(0, ScriptClock.manual());
        http = new HttpStack(Duration.ofSeconds(2), Duration.ofMillis(1500));
        Endpoint endpoint = new Endpoint(HttpUrl.get(emulator.baseUrl()), new ApiToken(emulator.token()));
        h = new HCompanyBackend(Provider.DEMO, endpoint, http, caller());
        agi = new AgiBackend(endpoint, http, caller(), Duration.ofMillis(10));
        hSession = SessionId.parse(emulator.createDemoSession());
        agiSession = SessionId.parse(emulator.createAgiSession());
    }

    private HttpCaller caller() {
        return new HttpCaller(RetryPolicy.standard(), new ErrorDecoder(http.json()), sleeps::add, RandomGenerator.of("L64X128MixRandom"),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        h.close();
        agi.close();
        http.close();
        emulator.close();
    }

    private void send(AgentBackend backend, SessionId id, String text) {
        backend.send(id, new Outgoing.Single(OutgoingMessage.text(text)));
    }

    @Test
    void a503WithRetryAfterSecondsIsWaitedOutAndTheMessageArrivesOnce() {
        emulator.faults().add(Faults.Rule.on(MESSAGES, new Faults.Fault.Status(503, Optional.of("2")), 2));
        send(h, hSession, "through the storm");
        assertEquals(2, emulator.faults().injected(Faults.Fault.Status.class));
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)), sleeps);
        assertEquals(1, emulator.receivedMessages(hSession.value()).size());
    }

    @Test
    void a429WithAnHttpDateIsWaitedOut() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3));
        emulator.faults().add(Faults.Rule.on("POST /v1/sessions/{id}/message", new Faults.Fault.Status(429, Optional.of(date)), 1));
        send(agi, agiSession, "after the queue");
        assertEquals(1, sleeps.size());
        assertTrue(sleeps.get(0).toSeconds() >= 1 && sleeps.get(0).toSeconds() <= 3, sleeps.toString());
        assertEquals(1, emulator.receivedMessages(agiSession.value()).size());
    }

    @Test
    void aDelayShorterThanTheTimeoutIsJustSlow() {
        emulator.faults().add(Faults.Rule.on("GET /api/v2/sessions/{id}/status", new Faults.Fault.Delay(Duration.ofMillis(300)), 1));
        assertEquals("pending", h.status(hSession).rawStatus());
        assertEquals(1, emulator.faults().injected(Faults.Fault.Delay.class));
    }

    @Test
    void aStallPastTheReadTimeoutMakesASendUncertainAndItStillArrivedOnce() {
        emulator.faults().add(Faults.Rule.on(MESSAGES, new Faults.Fault.Delay(Duration.ofMillis(2500)), 1));
        AgentError e = assertThrows(AgentException.class, () -> send(h, hSession, "slow lane")).error();
        assertInstanceOf(AgentError.Uncertain.class, e);
        assertEquals(0, emulator.duplicateCount());
    }

    @Test
    void aBodyDrippedSlowlyIsReadWhole() {
        emulator.faults().add(Faults.Rule.on("GET /api/v2/sessions/{id}", new Faults.Fault.SlowBody(16, Duration.ofMillis(5)), 1));
        assertEquals(hSession, h.session(hSession).id());
        assertEquals(1, emulator.faults().injected(Faults.Fault.SlowBody.class));
    }

    @Test
    void aDropAfterReadMakesTheSendUncertainNeverRetriedAndTheServerHasItOnce() {
        emulator.faults().add(Faults.Rule.on(MESSAGES, new Faults.Fault.DropAfterRead(), 1));
        AgentError e = assertThrows(AgentException.class, () -> send(h, hSession, "did it arrive?")).error();
        assertInstanceOf(AgentError.Uncertain.class, e);
        assertEquals(1, emulator.receivedMessages(hSession.value()).size(), "it did arrive");
        assertEquals(1, emulator.requestCount(MESSAGES), "and was sent once");
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void aDroppedReadIsSimplyReadAgain() {
        emulator.faults().add(Faults.Rule.on("GET /v1/sessions/{id}/status", new Faults.Fault.DropAfterRead(), 1));
        assertEquals("finished", agi.status(agiSession).rawStatus());
        assertEquals(2, emulator.requestCount("GET /v1/sessions/{id}/status"));
    }

    @Test
    void aReadAnsweredWithJsonCutShortIsReadAgain() {
        emulator.faults().add(Faults.Rule.on("GET /api/v2/sessions/{id}/status", new Faults.Fault.MalformedJson(), 1));
        assertEquals("pending", h.status(hSession).rawStatus());
        assertEquals(2, emulator.requestCount("GET /api/v2/sessions/{id}/status"));
        assertEquals(1, sleeps.size(), "with the backoff of a dropped read");
    }

    @Test
    void aReadCutShortEveryTimeIsNoAnswerNeverUncertain() {
        emulator.faults().add(Faults.Rule.on("GET /v1/sessions/{id}/messages", new Faults.Fault.MalformedJson(), -1));
        AgentError e = assertThrows(AgentException.class, () -> agi.events(agiSession, 0, Duration.ZERO)).error();
        assertInstanceOf(AgentError.NoAnswer.class, e);
        assertTrue(e.summary().startsWith("the server did not answer whole in 4 tries (the last: the answer was cut short"),
                e.summary());
    }

    @Test
    void aReadDroppedEveryTimeIsNoAnswerNeverUncertain() {
        emulator.faults().add(Faults.Rule.on("GET /api/v2/sessions/{id}", new Faults.Fault.DropAfterRead(), -1));
        AgentError e = assertThrows(AgentException.class, () -> h.session(hSession)).error();
        assertInstanceOf(AgentError.NoAnswer.class, e);
        assertTrue(!e.summary().contains("may have arrived"), e.summary());
    }

    @Test
    void unknownEventTypesAreKeptAndShownOnBothApis() {
        emulator.faults().add(Faults.Rule.on("GET /api/v2/sessions/{id}/changes", new Faults.Fault.UnknownEventType(), 1));
        emulator.faults().add(Faults.Rule.on("GET /v1/sessions/{id}/messages", new Faults.Fault.UnknownEventType(), 1));
        List<AgentEvent> hEvents = h.events(hSession, 0, Duration.ZERO).events();
        assertTrue(hEvents.stream().anyMatch(ev -> ev instanceof AgentEvent.Other o && o.type().equals("EmulatorMysteryEvent")));
        List<AgentEvent> agiEvents = agi.events(agiSession, 0, Duration.ZERO).events();
        assertTrue(agiEvents.stream().anyMatch(ev -> ev instanceof AgentEvent.Other o && o.type().equals("MYSTERY")));
    }

    @Test
    void underRandomFaultsUncertainSendsEqualDropsInjectedAndNothingIsDoubled() {
        Random random = new Random(42);
        int uncertain = 0;
        int failed = 0;
        int sent = 0;
        for (int i = 0; i < 120; i++) {
            switch (random.nextInt(5)) {
                case 0 -> emulator.faults().add(Faults.Rule.on(MESSAGES, new Faults.Fault.DropAfterRead(), 1));
                case 1 -> emulator.faults().add(Faults.Rule.on(MESSAGES, new Faults.Fault.Status(503, Optional.of("0")), 1));
                case 2 -> emulator.faults().add(Faults.Rule.on(MESSAGES, new Faults.Fault.Status(500, Optional.empty()), 4));
                default -> { }
            }
            try {
                send(h, hSession, "message " + i);
                sent++;
            } catch (AgentException e) {
                if (e.error() instanceof AgentError.Uncertain) {
                    uncertain++;
                } else {
                    failed++;
                }
            }
            emulator.faults().clear();
        }
        long drops = emulator.faults().injected(Faults.Fault.DropAfterRead.class);
        assertTrue(drops > 10, "enough drops to mean something: " + drops);
        assertEquals(drops, uncertain, "every drop after read is reported uncertain, and nothing else is");
        assertEquals(0, emulator.duplicateCount(), "no message arrived twice");
        assertEquals(sent + uncertain, emulator.receivedMessages(hSession.value()).size(), "sent or uncertain: all arrived, once");
        assertTrue(failed > 0, "four 500s in a row exhaust the retries");
        assertEquals(120, sent + uncertain + failed);
    }
}
