package dev.agentconsole.agent.hcompany;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentException;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.http.HttpStack;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every error kind and body form, the retry policy, and uncertain sends. */
class HCompanyErrorsTest {

    static final SessionId SESSION = SessionId.parse("3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b");

    MockWebServer server;
    HTestSupport h;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        h = new HTestSupport(server.url("/"), new HttpStack(Duration.ofSeconds(2), Duration.ofMillis(700)));
    }

    @AfterEach
    void stop() {
        h.close();
        server.close();
    }

    private void answer(int code, String body, String... headers) {
        MockResponse.Builder b = new MockResponse.Builder().code(code);
        for (int i = 0; i < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        if (body != null) {
            b.body(body);
        }
        server.enqueue(b.build());
    }

    private AgentError sendFails() {
        return assertThrows(AgentException.class,
                () -> h.backend.send(SESSION, new Outgoing.Single(OutgoingMessage.text("hello")))).error();
    }

    @Test
    void wholeJsonOfTheWrongShapeIsUnexpectedAndNotAskedAgain() {
        answer(200, "[\"a list\", \"not a status\"]");
        AgentError e = assertThrows(AgentException.class, () -> h.backend.status(SESSION)).error();
        assertInstanceOf(AgentError.Unexpected.class, e);
        assertTrue(e.summary().contains("not the JSON H documents"), e.summary());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void notFoundSaysSessionNotFound() {
        answer(404, "{\"message\":\"Session not found\"}");
        AgentError e = sendFails();
        assertInstanceOf(AgentError.NotFound.class, e);
        assertTrue(e.summary().startsWith("session not found"), e.summary());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void invalidKeepsTheServersWordsFromAStringDetail() {
        answer(400, "{\"message\":\"Invalid message format\",\"detail\":\"session cannot accept that event\"}");
        AgentError.Invalid e = assertInstanceOf(AgentError.Invalid.class, sendFails());
        assertEquals(400, e.status());
        assertEquals(List.of("session cannot accept that event"), e.details());
        assertTrue(e.summary().contains("session cannot accept that event"));
    }

    @Test
    void invalidReadsPydanticDetailLists() {
        answer(422, "{\"detail\":[{\"loc\":[\"body\",\"user_message\",\"message\"],\"msg\":\"Field required\",\"type\":\"missing\"},"
                + "{\"type\":\"value_error\",\"message\":\"bad image\"},\"plain words\"]}");
        AgentError.Invalid e = assertInstanceOf(AgentError.Invalid.class, sendFails());
        assertEquals(List.of("body.user_message.message: Field required", "bad image", "plain words"), e.details());
    }

    @Test
    void unauthorizedWithOnlyAMessage() {
        answer(401, "{\"message\":\"Invalid API key\"}");
        AgentError.Unauthorized e = assertInstanceOf(AgentError.Unauthorized.class, sendFails());
        assertEquals("Invalid API key", e.serverMessage());
    }

    @Test
    void forbiddenWithNoBodyAtAll() {
        answer(403, null);
        assertInstanceOf(AgentError.Forbidden.class, sendFails());
    }

    @Test
    void budgetExhaustedCarriesLimitUsedAndWindowEnd() {
        answer(402, "{\"message\":\"Token budget exhausted\",\"detail\":{\"limit\":1000000,\"used\":1000250,"
                + "\"window_end\":\"2026-11-24T00:00:00Z\"}}");
        AgentError.BudgetExhausted e = assertInstanceOf(AgentError.BudgetExhausted.class, sendFails());
        assertEquals(Optional.of(1_000_000L), e.limit());
        assertEquals(Optional.of(1_000_250L), e.used());
        assertEquals(Optional.of("2026-11-24T00:00:00Z"), e.windowEnd());
        assertTrue(e.summary().contains("used 1000250 of 1000000"), e.summary());
    }

    @Test
    void conflictIsNotRetried() {
        answer(409, "{\"message\":\"Idempotent request in flight\"}");
        assertInstanceOf(AgentError.Conflict.class, sendFails());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aBodyThatIsNotJsonIsShownAsText() {
        answer(404, "<html>nothing here</html>");
        assertTrue(sendFails().summary().contains("<html>nothing here</html>"));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 402, 403, 404, 422})
    void refusalsAreNeverRetried(int code) {
        answer(code, "{\"message\":\"no\"}");
        answer(202, null);
        sendFails();
        assertEquals(1, server.getRequestCount());
        assertTrue(h.sleeps.isEmpty());
    }

    @Test
    void rateLimitedIsRetriedAfterTheSecondsTheServerAsks() {
        answer(429, "{\"message\":\"Too many concurrent sessions\"}", "Retry-After", "7");
        answer(202, null);
        h.backend.send(SESSION, new Outgoing.Single(OutgoingMessage.text("hello")));
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(Duration.ofSeconds(7)), h.sleeps);
    }

    @Test
    void unavailableIsRetriedAfterAnHttpDate() {
        String in30s = DateTimeFormatter.RFC_1123_DATE_TIME.format(HTestSupport.NOW.plusSeconds(30).atOffset(ZoneOffset.UTC));
        answer(503, "{\"message\":\"maintenance\"}", "Retry-After", in30s);
        answer(202, null);
        h.backend.send(SESSION, new Outgoing.Single(OutgoingMessage.text("hello")));
        assertEquals(List.of(Duration.ofSeconds(30)), h.sleeps);
    }

    @Test
    void serverErrorsBackOffExponentiallyAndGiveUpAfterFourAttempts() {
        for (int i = 0; i < 4; i++) {
            answer(500, "{\"message\":\"boom\"}");
        }
        AgentError.Unavailable e = assertInstanceOf(AgentError.Unavailable.class, sendFails());
        assertEquals(500, e.status());
        assertEquals(4, server.getRequestCount());
        assertEquals(3, h.sleeps.size());
        // 500 ms, 1 s, 2 s before jitter; jitter keeps each between half and all of it
        long[] caps = {500, 1000, 2000};
        for (int i = 0; i < 3; i++) {
            long ms = h.sleeps.get(i).toMillis();
            assertTrue(ms >= caps[i] / 2 && ms <= caps[i], "sleep " + i + " was " + ms + " ms");
        }
    }

    @Test
    void aRetryAfterLongerThanAMinuteGoesToTheOperatorInstead() {
        answer(429, "{\"message\":\"queue full\"}", "Retry-After", "3600");
        AgentError.RateLimited e = assertInstanceOf(AgentError.RateLimited.class, sendFails());
        assertEquals(Optional.of(Duration.ofHours(1)), e.retryAfter());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void requestTimeoutIsRetried() {
        answer(408, null);
        answer(202, null);
        h.backend.send(SESSION, new Outgoing.Single(OutgoingMessage.text("hello")));
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void acceptedThenConnectionDroppedIsUncertainAndSentOnce() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        answer(202, null);
        AgentError e = sendFails();
        assertInstanceOf(AgentError.Uncertain.class, e);
        assertTrue(e.summary().contains("may have arrived"));
        assertEquals(1, server.getRequestCount());
        assertTrue(h.sleeps.isEmpty());
    }

    @Test
    void aTimeoutAfterTheRequestWasWrittenIsUncertainToo() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        assertInstanceOf(AgentError.Uncertain.class, sendFails());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aDroppedReadIsRetriedBecauseReadingTwiceIsHarmless() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        answer(200, "{\"status\":\"running\"}");
        assertEquals("running", h.backend.status(SESSION).rawStatus());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void refusedConnectionsAreRetriedThenReportedAsNetwork() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        HTestSupport dead = new HTestSupport(HttpUrl.get("http://127.0.0.1:" + closedPort + "/"));
        try {
            AgentError e = assertThrows(AgentException.class,
                    () -> dead.backend.send(SESSION, new Outgoing.Single(OutgoingMessage.text("hello")))).error();
            AgentError.Network n = assertInstanceOf(AgentError.Network.class, e);
            assertTrue(n.cause().startsWith("connection refused"), n.cause());
            assertEquals(3, dead.sleeps.size());
        } finally {
            dead.close();
        }
    }

    @Test
    void aTokenTheServerEchoesBackIsRedactedFromTheError() {
        answer(401, "{\"message\":\"Invalid API key " + HTestSupport.TOKEN + "\"}");
        AgentException e = assertThrows(AgentException.class,
                () -> h.backend.send(SESSION, new Outgoing.Single(OutgoingMessage.text("hello"))));
        assertFalse(e.getMessage().contains(HTestSupport.TOKEN), e.getMessage());
        assertTrue(e.getMessage().contains(dev.agentconsole.agent.http.ApiToken.REDACTED), e.getMessage());
        assertFalse(new dev.agentconsole.agent.http.ApiToken(HTestSupport.TOKEN).toString().contains(HTestSupport.TOKEN));
        assertInstanceOf(AgentError.Unauthorized.class, e.error());
    }
}
