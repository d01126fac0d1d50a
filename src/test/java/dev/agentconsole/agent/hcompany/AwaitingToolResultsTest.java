package dev.agentconsole.agent.hcompany;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.EventFollower;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.SessionSnapshot;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * {@code awaiting_tool_results}: the agent asked its client to run tools and waits for their results.
 * This console runs no tools, so the state is a wait for the operator: it settles {@code watch}.
 */
class AwaitingToolResultsTest {

    static final SessionId SESSION = SessionId.parse("0b6f3c7e-2a41-4d55-9c3e-8f1a2b3c4d5e");

    @Test
    void awaitingToolResultsSettlesTheFollowerInsteadOfPollingUntilATimeout() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            // a server that keeps answering "awaiting tool results" for as long as it is asked
            server.setDispatcher(new mockwebserver3.Dispatcher() {
                @Override
                public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                    String path = request.getUrl().encodedPath();
                    if (path.endsWith("/changes")) {
                        boolean first = "0".equals(request.getUrl().queryParameter("from_index"));
                        return new MockResponse.Builder().code(200).body("{\"status\":\"awaiting_tool_results\",\"new_events\":["
                                + (first ? "{\"type\":\"AgentEvent\",\"timestamp\":\"2026-11-23T10:00:00Z\",\"data\":{\"kind\":\"policy_event\","
                                + "\"tool_reqs\":[{\"tool_name\":\"read_file\",\"args\":{\"path\":\"a.txt\"},\"id\":\"t1\"}]}}" : "")
                                + "]}").build();
                    }
                    return new MockResponse.Builder().code(200).body("{\"status\":\"awaiting_tool_results\",\"steps\":1}").build();
                }
            });
            server.start();
            HTestSupport h = new HTestSupport(server.url("/"));
            try {
                EventFollower follower = new EventFollower(h.backend, SESSION, 0, Duration.ofSeconds(20));
                SessionSnapshot end = CompletableFuture.supplyAsync(() -> follower.followUntilSettled(e -> { }))
                        .get(10, TimeUnit.SECONDS);
                assertEquals(AgentStatus.AWAITING_TOOL_RESULTS, end.status());
                assertTrue(end.status().needsOperator(), "a wait only the operator can end");
            } finally {
                h.close();
            }
        }
    }
}
