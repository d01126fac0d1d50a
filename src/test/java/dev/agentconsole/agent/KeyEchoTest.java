package dev.agentconsole.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.agi.AgiBackend;
import dev.agentconsole.agent.hcompany.HCompanyBackend;
import dev.agentconsole.agent.http.ApiToken;
import dev.agentconsole.agent.http.Endpoint;
import dev.agentconsole.agent.http.HttpStack;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that echoes the key back, escaped so that the raw bytes do not contain it: neither
 * client lets it into an error, an event or anything else it hands on (to stderr, the transcript,
 * the store).
 */
class KeyEchoTest {

    static final String KEY = "sk/SEC/Zq8xW2v7Lm4Np0Rt";
    static final SessionId SESSION = SessionId.parse("0b6f3c7e-2a41-4d55-9c3e-8f1a2b3c4d5e");

    MockWebServer server;
    HttpStack http;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        http = new HttpStack(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    static String slashes() {
        return KEY.replace("/", "\\/");
    }

    static String unicode() {
        StringBuilder b = new StringBuilder();
        KEY.chars().forEach(c -> b.append(String.format("\\u%04x", c)));
        return b.toString();
    }

    private void json(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build());
    }

    private static void assertNoKey(String shown) {
        assertFalse(shown.contains(KEY), shown);
        assertFalse(shown.contains("Zq8xW2v7Lm4Np0Rt"), shown);
    }

    private Endpoint endpoint() {
        return new Endpoint(server.url("/"), new ApiToken(KEY));
    }

    @Test
    void hErrorsAndEventsNeverCarryAnEscapedEcho() {
        try (HCompanyBackend h = new HCompanyBackend(Provider.HCOMPANY, endpoint(), http)) {
            json(400, "{\"message\":\"bad bearer " + slashes() + "\",\"detail\":[{\"msg\":\"" + unicode() + "\",\"loc\":[\"header\"]}]}");
            AgentException refused = assertThrows(AgentException.class,
                    () -> h.send(SESSION, new Outgoing.Single(OutgoingMessage.text("hi"))));
            assertNoKey(refused.error().summary());
            assertTrue(refused.error().summary().contains(ApiToken.REDACTED), refused.error().summary());

            String b64 = Base64.getEncoder().encodeToString(("token=" + KEY).getBytes());
            json(200, "{\"status\":\"running\",\"new_events\":[{\"type\":\"AgentEvent\",\"timestamp\":\"2026-11-23T10:00:00Z\","
                    + "\"data\":{\"kind\":\"policy_event\",\"reasoning_content\":\"I saw " + unicode() + "\",\"content\":\"and "
                    + slashes() + "\",\"tool_reqs\":[{\"tool_name\":\"type\",\"args\":{\"text\":\"" + b64 + "\"},\"id\":\"1\"}]}},"
                    + "{\"type\":\"Mystery" + slashes() + "\",\"data\":{\"x\":\"" + slashes() + "\"}}]}");
            EventPage page = h.events(SESSION, 0, Duration.ZERO);
            assertNoKey(page.events().toString());
            assertFalse(page.events().toString().contains(b64.substring(8, 30)), "nor in base64");
        }
    }

    @Test
    void agiErrorsRefusalsAndMessagesNeverCarryAnEscapedEcho() {
        try (AgiBackend agi = new AgiBackend(endpoint(), http)) {
            json(403, "{\"message\":\"key " + unicode() + " may not use agi-0\"}");
            AgentException forbidden = assertThrows(AgentException.class, () -> agi.pause(SESSION));
            assertNoKey(forbidden.error().summary());

            json(200, "{\"success\":false,\"message\":\"busy, key " + slashes() + "\"}");
            AgentException refused = assertThrows(AgentException.class,
                    () -> agi.send(SESSION, new Outgoing.Single(OutgoingMessage.text("hi"))));
            assertNoKey(refused.error().summary());

            json(200, "{\"messages\":[{\"id\":1,\"type\":\"THOUGHT\",\"content\":\"" + slashes() + "\",\"timestamp\":\"2026-11-23T10:00:00Z\"},"
                    + "{\"id\":2,\"type\":\"DONE\",\"content\":{\"echo\":\"" + unicode() + "\"},\"timestamp\":\"2026-11-23T10:00:01Z\"}],"
                    + "\"status\":\"finished\"}");
            List<AgentEvent> events = agi.events(SESSION, 0, Duration.ZERO).events();
            assertNoKey(events.toString());
        }
    }

    @Test
    void theAgiEventStreamRedactsAnEscapedEchoToo() throws Exception {
        try (AgiBackend agi = new AgiBackend(endpoint(), http)) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                    .body("id: 3\nevent: thought\ndata: {\"content\":\"the key is " + unicode() + "\"}\n\n").build());
            json(200, "{\"messages\":[],\"status\":\"running\"}");
            List<AgentEvent> got = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.concurrent.CountDownLatch one = new java.util.concurrent.CountDownLatch(1);
            try (var s = agi.liveEvents().orElseThrow().open(SESSION, 0, new LiveEvents.Listener() {
                @Override
                public void onEvent(AgentEvent event) {
                    got.add(event);
                    one.countDown();
                }
            })) {
                assertTrue(one.await(5, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertNoKey(got.toString());
            assertTrue(got.toString().contains(ApiToken.REDACTED), got.toString());
        }
    }

    @Test
    void anErrorBodyThatIsAJsonStringAndAnUnreadableAnswerAreRedactedToo() {
        try (HCompanyBackend h = new HCompanyBackend(Provider.HCOMPANY, endpoint(), http)) {
            json(401, "\"Invalid API key " + slashes() + "\"");
            AgentException refused = assertThrows(AgentException.class, () -> h.status(SESSION));
            assertNoKey(refused.error().summary());
            // a 2xx whose body is not JSON: the parser's complaint quotes the body
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body(KEY + " is not a session").build());
            AgentException unreadable = assertThrows(AgentException.class, () -> h.status(SESSION));
            assertNoKey(unreadable.error().summary());
        }
    }
}
