package dev.agentconsole.agent.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.LiveEvents;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.http.TwoHosts;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AGI's SSE reader follows the same rule as every other request: its key goes only to the endpoint's
 * hosts ({@link TwoHosts}: the API's recorder is {@code 127.0.0.1}, the other host is the other
 * recorder reached as {@code localhost}).
 */
class AgiKeyHostsTest {

    static final String TOKEN = "agi-hosts-test-0123";
    static final SessionId SESSION = SessionId.parse("5b6c7d8e-1f2a-4b3c-8d4e-5f6a7b8c9d0e");

    TwoHosts hosts;
    MockWebServer api;
    MockWebServer elsewhere;

    @BeforeEach
    void start() throws Exception {
        hosts = new TwoHosts();
        api = hosts.api;
        elsewhere = hosts.elsewhere;
    }

    @AfterEach
    void stop() {
        hosts.close();
    }

    private AgiBackend agi(String... names) {
        return new AgiBackend(TwoHosts.endpoint(hosts.api("/"), TOKEN, names), hosts.http, hosts.caller(), Duration.ofMillis(20));
    }

    private String elsewhere(String path) {
        return hosts.elsewhere(path).toString();
    }

    private static MockResponse redirect(String to) {
        return TwoHosts.redirect(307, HttpUrl.get(to));
    }

    private static MockResponse stream(String events) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(events).build();
    }

    /** Opens the stream and waits for its failure. */
    private static AgentError failureOf(AgiBackend agi) throws Exception {
        CompletableFuture<AgentError> failed = new CompletableFuture<>();
        try (var s = agi.liveEvents().orElseThrow().open(SESSION, 0, new LiveEvents.Listener() {
            @Override
            public void onEvent(AgentEvent event) {
            }

            @Override
            public void onFailure(AgentError error) {
                failed.complete(error);
            }
        })) {
            AgentError error = failed.get(10, TimeUnit.SECONDS);
            assertEquals(1, ((AgiEventStream) s).connections(), "refused once, not reconnected");
            return error;
        }
    }

    @Test
    void theEventStreamRedirectedToAnotherHostFailsNamingItAndThatHostGetsNothing() throws Exception {
        api.enqueue(redirect(elsewhere("/v1/sessions/" + SESSION + "/events")));
        AgiBackend agi = agi();
        try {
            AgentError.KeyWithheld error = assertInstanceOf(AgentError.KeyWithheld.class, failureOf(agi));
            assertEquals("localhost", error.host());
            assertTrue(error.summary().contains("redirected (HTTP 307) to localhost, which is not among this profile's hosts (127.0.0.1)"),
                    error.summary());
        } finally {
            agi.close();
        }
        RecordedRequest r = api.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("Bearer " + TOKEN, r.getHeaders().get("Authorization"));
        assertEquals(1, api.getRequestCount());
        assertEquals(0, elsewhere.getRequestCount());
    }

    @Test
    void theStreamsCatchUpReadRedirectedElsewhereEndsTheStreamTheSameWay() throws Exception {
        api.enqueue(stream(": connected\n\n"));
        api.enqueue(redirect(elsewhere("/v1/sessions/" + SESSION + "/messages")));
        AgiBackend agi = agi();
        try {
            assertEquals("localhost", assertInstanceOf(AgentError.KeyWithheld.class, failureOf(agi)).host());
        } finally {
            agi.close();
        }
        assertEquals(0, elsewhere.getRequestCount());
    }

    @Test
    void aStreamRedirectedToAnotherOfTheProfilesHostsIsFollowedWithoutTheKey() throws Exception {
        api.enqueue(redirect(elsewhere("/v1/sessions/" + SESSION + "/events")));
        elsewhere.enqueue(stream("id: 7\nevent: thought\ndata: {\"content\":\"Looking\"}\n\n"));
        api.enqueue(new MockResponse.Builder().code(200).body("{\"messages\":[],\"status\":\"running\"}").build()); // catch-up
        AgiBackend agi = agi("127.0.0.1", "localhost");
        CountDownLatch thought = new CountDownLatch(1);
        try (var s = agi.liveEvents().orElseThrow().open(SESSION, 0, new LiveEvents.Listener() {
            @Override
            public void onEvent(AgentEvent event) {
                thought.countDown();
            }
        })) {
            assertTrue(thought.await(10, TimeUnit.SECONDS), "the event from the other host arrived");
        } finally {
            agi.close();
        }
        assertEquals("Bearer " + TOKEN, api.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"));
        assertNull(elsewhere.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"), "OkHttp dropped the key on the host change");
    }
}
