package dev.agentconsole.agent.hcompany;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.EventPage;
import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.NewSession;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.Quota;
import dev.agentconsole.agent.SessionDetails;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.SessionInfo;
import dev.agentconsole.agent.SessionSnapshot;
import dev.agentconsole.agent.SessionSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact requests the H client writes, and how it reads H's answers. */
class HCompanyWireTest {

    static final SessionId SESSION = SessionId.parse("3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b");
    static final String PNG_URI = "data:image/png;base64,iVBORw0KGgo=";

    final ObjectMapper json = new ObjectMapper();
    MockWebServer server;
    HTestSupport h;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        h = new HTestSupport(server.url("/"));
    }

    @AfterEach
    void stop() {
        h.close();
        server.close();
    }

    private RecordedRequest taken() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request arrived");
        }
        return r;
    }

    private JsonNode body(RecordedRequest r) throws Exception {
        return json.readTree(r.getBody().utf8());
    }

    private void accepted() {
        server.enqueue(new MockResponse.Builder().code(202).build());
    }

    @Test
    void singleMessageIsTheSeedsExactJson() throws Exception {
        accepted();
        h.backend.send(SESSION, new Outgoing.Single(OutgoingMessage.text("Focus on hotels near Kiyomizu-dera temple, under $200/night")));
        RecordedRequest r = taken();
        assertEquals("POST", r.getMethod());
        assertEquals("/api/v2/sessions/3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b/messages", r.getUrl().encodedPath());
        assertEquals(json.readTree("{\"type\":\"user_message\",\"message\":\"Focus on hotels near Kiyomizu-dera temple, under $200/night\"}"),
                body(r));
        assertEquals("Bearer " + HTestSupport.TOKEN, r.getHeaders().get("Authorization"));
        assertEquals("application/json; charset=utf-8", r.getHeaders().get("Content-Type"));
    }

    @Test
    void batchOfTwoLinesIsOneRequestInTheSeedsShape() throws Exception {
        accepted();
        h.backend.send(SESSION, new Outgoing.Batch(List.of(OutgoingMessage.text("Also check availability for June 15-20"),
                OutgoingMessage.text("I prefer traditional ryokans over modern hotels"))));
        RecordedRequest r = taken();
        assertEquals(json.readTree("""
                {"type":"batch","messages":[
                  {"type":"user_message","message":"Also check availability for June 15-20"},
                  {"type":"user_message","message":"I prefer traditional ryokans over modern hotels"}]}"""), body(r));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void batchOfOneLineIsStillABatch() throws Exception {
        accepted();
        h.backend.send(SESSION, new Outgoing.Batch(List.of(OutgoingMessage.text("only line"))));
        assertEquals(json.readTree("{\"type\":\"batch\",\"messages\":[{\"type\":\"user_message\",\"message\":\"only line\"}]}"),
                body(taken()));
    }

    @Test
    void imagesTravelAsDataUrisAndCallerIdAsCallerId() throws Exception {
        accepted();
        h.backend.send(SESSION, new Outgoing.Single(OutgoingMessage.text("click this").withImages(List.of(PNG_URI))
                .withCallerId("supervisor")));
        assertEquals(json.readTree("{\"type\":\"user_message\",\"message\":\"click this\",\"images\":[\"" + PNG_URI
                + "\"],\"caller_id\":\"supervisor\"}"), body(taken()));
    }

    @Test
    void unicodeTextIsSentAsUtf8Unchanged() throws Exception {
        accepted();
        String text = "Réserve l'hôtel 京都 🏯 \"quoted\" \\ back\nnew line";
        h.backend.send(SESSION, new Outgoing.Single(OutgoingMessage.text(text)));
        assertEquals(text, body(taken()).path("message").asText());
    }

    @Test
    void invalidMessagesNeverReachTheWire() {
        assertThrows(InvalidInputException.class, () -> h.backend.send(SESSION, new Outgoing.Single(OutgoingMessage.text("  "))));
        assertThrows(InvalidInputException.class, () -> h.backend.send(SESSION, new Outgoing.Batch(List.of())));
        assertThrows(InvalidInputException.class, () -> h.backend.send(SESSION,
                new Outgoing.Single(OutgoingMessage.text("x").withImages(List.of("http://example.com/a.png")))));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aBodyOverFiveMillionBytesIsRefusedSayingByHowMuch() {
        String big = "data:image/png;base64," + "A".repeat(5_000_000);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> h.backend.send(SESSION, new Outgoing.Single(OutgoingMessage.text("look").withImages(List.of(big)))));
        long expectedSize = 5_000_000 + "data:image/png;base64,".length()
                + "{\"type\":\"user_message\",\"message\":\"look\",\"images\":[\"\"]}".length();
        assertTrue(e.getMessage().contains(String.format("%,d bytes, %,d over", expectedSize, expectedSize - 5_000_000)),
                e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void changesAreLongPolledFromTheIndexAndMappedInOrder() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body("""
                {"status":"running","new_events":[
                  {"type":"AgentRunStatusChangeEvent","data":{"status":"running"},"timestamp":"2026-11-23T10:00:00Z"},
                  {"type":"AgentEvent","timestamp":"2026-11-23T10:00:01Z","data":{"kind":"policy_event",
                     "reasoning_content":"Open the site","tool_reqs":[{"tool_name":"navigate","args":{"url":"https://x.example"}}]}},
                  {"type":"AgentEvent","timestamp":"2026-11-23T10:00:02Z","data":{"kind":"message_event","caller_id":"user",
                     "content":["hello",{"type":"base64","source":"iVBORw0KGgo=","media_type":"image/png"}]}},
                  {"type":"AgentEvent","timestamp":"2026-11-23T10:00:03Z","data":{"kind":"answer_event",
                     "answer":{"hotel":"Sakura Inn"},"outcome":"success"}},
                  {"type":"BrandNewEvent","timestamp":"2026-11-23T10:00:04Z","data":{"x":1}},
                  {"type":"AgentEvent","timestamp":"2026-11-23T10:00:05Z","data":{"kind":"future_kind","y":2}}
                ],"metrics":{"steps":3,"total_cost":0.0126},"some_new_field":true}""").build());
        EventPage page = h.backend.events(SESSION, 7, Duration.ofSeconds(20));
        RecordedRequest r = taken();
        assertEquals("/api/v2/sessions/" + SESSION + "/changes", r.getUrl().encodedPath());
        assertEquals("7", r.getUrl().queryParameter("from_index"));
        assertEquals("20", r.getUrl().queryParameter("wait_for_seconds"));
        assertEquals(13, page.next());
        assertEquals(List.of(7L, 8L, 9L, 10L, 11L, 12L), page.events().stream().map(AgentEvent::position).toList());
        assertInstanceOf(AgentEvent.StatusChange.class, page.events().get(0));
        AgentEvent.Thought thought = assertInstanceOf(AgentEvent.Thought.class, page.events().get(1));
        assertEquals("Open the site", thought.text());
        assertEquals(List.of("navigate {\"url\":\"https://x.example\"}"), thought.actions());
        AgentEvent.Message echo = assertInstanceOf(AgentEvent.Message.class, page.events().get(2));
        assertTrue(echo.fromOperator());
        assertEquals(List.of("data:image/png;base64,iVBORw0KGgo="), echo.images());
        AgentEvent.Answer answer = assertInstanceOf(AgentEvent.Answer.class, page.events().get(3));
        assertTrue(answer.structured());
        assertTrue(answer.text().contains("\"hotel\" : \"Sakura Inn\""), answer.text());
        assertEquals(Optional.of("success"), answer.outcome());
        assertEquals("BrandNewEvent", assertInstanceOf(AgentEvent.Other.class, page.events().get(4)).type());
        assertInstanceOf(AgentEvent.Other.class, page.events().get(5));
        SessionSnapshot snapshot = page.snapshot().orElseThrow();
        assertEquals(AgentStatus.RUNNING, snapshot.status());
        assertEquals(Optional.of(3), snapshot.steps());
    }

    @Test
    void noContentMeansNothingNewAndThePositionStays() {
        server.enqueue(new MockResponse.Builder().code(204).build());
        EventPage page = h.backend.events(SESSION, 42, Duration.ofSeconds(20));
        assertTrue(page.events().isEmpty());
        assertEquals(42, page.next());
    }

    @Test
    void theLongPollLoopKeepsAskingFromTheSamePlaceUntilEventsCome() throws Exception {
        server.enqueue(new MockResponse.Builder().code(204).build());
        server.enqueue(new MockResponse.Builder().code(204).build());
        server.enqueue(new MockResponse.Builder().code(200).body(
                "{\"status\":\"idle\",\"new_events\":[{\"type\":\"AgentRunStatusChangeEvent\",\"data\":{\"status\":\"idle\"},\"timestamp\":\"2026-11-23T10:00:00Z\"}]}").build());
        long from = 5;
        int reads = 0;
        EventPage page;
        do {
            page = h.backend.events(SESSION, from, Duration.ofSeconds(20));
            from = page.next();
            reads++;
        } while (page.events().isEmpty());
        assertEquals(3, reads);
        assertEquals(6, from);
        for (int i = 0; i < 3; i++) {
            assertEquals("5", taken().getUrl().queryParameter("from_index"));
        }
    }

    @Test
    void anUnknownStatusIsKeptAsTheServerSaidIt() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"status\":\"hibernating\",\"steps\":4}").build());
        SessionSnapshot s = h.backend.status(SESSION);
        assertEquals(AgentStatus.UNKNOWN, s.status());
        assertEquals("hibernating", s.statusLabel());
    }

    @Test
    void pauseResumeForceAnswerAndStopUseTheirPathsAndMethods() throws Exception {
        for (int i = 0; i < 3; i++) {
            accepted();
        }
        server.enqueue(new MockResponse.Builder().code(204).build());
        h.backend.pause(SESSION);
        h.backend.resume(SESSION);
        h.backend.forceAnswer().orElseThrow().forceAnswer(SESSION);
        h.backend.stop(SESSION);
        String base = "/api/v2/sessions/" + SESSION;
        for (String[] expected : List.of(new String[] {"POST", base + "/pause"}, new String[] {"POST", base + "/resume"},
                new String[] {"POST", base + "/force_answer"}, new String[] {"DELETE", base})) {
            RecordedRequest r = taken();
            assertEquals(expected[0] + " " + expected[1], r.getMethod() + " " + r.getUrl().encodedPath());
            assertEquals("Bearer " + HTestSupport.TOKEN, r.getHeaders().get("Authorization"));
        }
    }

    @Test
    void createSendsAgentFirstMessageIdleTimeoutAndAnIdempotencyKey() throws Exception {
        server.enqueue(new MockResponse.Builder().code(201).body("""
                {"id":"3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b","request":{"agent":"surfer"},
                 "status":{"status":"pending","steps":0},"agent_view_url":"https://view.example/s/1",
                 "latest_answer":null,"created_at":"2026-11-23T10:00:00Z"}""").build());
        SessionInfo info = h.backend.create(new NewSession("surfer", Optional.of(OutgoingMessage.text("find flights")),
                Optional.of(Duration.ofMinutes(10))));
        RecordedRequest r = taken();
        assertEquals("POST /api/v2/sessions", r.getMethod() + " " + r.getUrl().encodedPath());
        assertEquals(json.readTree("{\"agent\":\"surfer\",\"messages\":[{\"type\":\"user_message\",\"message\":\"find flights\"}],"
                + "\"idle_timeout_s\":600}"), body(r));
        String key = r.getHeaders().get("Idempotency-Key");
        assertTrue(key != null && !key.isBlank() && key.length() <= 255);
        assertEquals(SESSION, info.id());
        assertEquals(Optional.of("https://view.example/s/1"), info.liveViewUrl());
        assertEquals(AgentStatus.PENDING, info.snapshot().status());
    }

    @Test
    void listReadsThePageAndSkipsRowsWithoutAValidId() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("""
                {"items":[{"id":"3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b","agent":"surfer","status":"idle",
                           "first_message":{"type":"user_message","message":"book"},"created_at":"2026-11-23T10:00:00Z"},
                          {"id":"not-a-uuid","status":"running","created_at":"2026-11-23T10:00:00Z"}],
                 "total":2,"page":1}""").build());
        List<SessionSummary> rows = h.backend.list(1, 20);
        RecordedRequest r = taken();
        assertEquals("20", r.getUrl().queryParameter("size"));
        assertEquals(1, rows.size());
        assertEquals(Optional.of("book"), rows.get(0).firstMessage());
        assertEquals(AgentStatus.IDLE, rows.get(0).status());
    }

    @Test
    void listSendsNoSortParameterTheSpecWouldRefuseAndReadsEveryTimestamp() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("""
                {"items":[{"id":"3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b","agent":"surfer","status":"completed",
                           "created_at":"2026-11-23T10:00:00Z","started_at":"2026-11-23T10:00:02Z",
                           "finished_at":"2026-11-23T10:05:00Z","last_activity_at":"2026-11-23T10:04:59Z"}],
                 "total":1,"page":1}""").build());
        SessionSummary row = h.backend.list(1, 50).get(0);
        RecordedRequest r = taken();
        assertEquals(null, r.getUrl().queryParameter("sort"), "the server's default order is already newest first");
        assertEquals(Optional.of(Instant.parse("2026-11-23T10:00:02Z")), row.startedAt());
        assertEquals(Optional.of(Instant.parse("2026-11-23T10:05:00Z")), row.finishedAt());
        assertEquals(Optional.of(Instant.parse("2026-11-23T10:04:59Z")), row.lastActivityAt());
    }

    @Test
    void anAgentGivenAsAFullDefinitionIsShownByItsName() {
        server.enqueue(new MockResponse.Builder().code(200).body("""
                {"id":"3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b",
                 "request":{"agent":{"name":"acme/travel-booker","description":"books trips","environments":["web"]}},
                 "status":{"status":"running"},"created_at":"2026-11-23T10:00:00Z"}""").build());
        assertEquals("acme/travel-booker", h.backend.session(SESSION).agent());
    }

    private static final String SESSION_WITH_USAGE = """
            {"id":"3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b",
             "request":{"agent":{"name":"acme/orchestrator","description":"delegates"}},
             "status":{"status":"running","steps":7,
                       "usage_per_model":[{"name":"holo-2","input_tokens":80500000,"output_tokens":1200,"reasoning_tokens":300},
                                          {"name":"holo-2-mini","input_tokens":900,"output_tokens":40,"reasoning_tokens":0}],
                       "subagent_session_ids":["0b0e2c4a-1111-4e5f-9b6a-7c8d9e0f1a2b","not-a-uuid"]},
             "agent_view_url":null,"latest_answer":null,
             "created_at":"2026-11-23T10:00:00Z","started_at":"2026-11-23T10:00:03Z","finished_at":null}""";

    @Test
    void detailsJoinEachModelsTokensWithItsCostAndKeepTheServersDigits() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body(SESSION_WITH_USAGE).build());
        server.enqueue(new MockResponse.Builder().code(200).body("""
                {"status":"running","new_events":[],"metrics":{"steps":7,
                  "cost_per_model":[{"name":"holo-2","input_tokens":80500000,"output_tokens":1200,"reasoning_tokens":300,
                                     "input_cost":80.50000000,"output_cost":0.0060,"reasoning_cost":0.0009,"total_cost":80.5069},
                                    {"name":"holo-2-mini","input_tokens":900,"output_tokens":40,"reasoning_tokens":0,
                                     "input_cost":null,"output_cost":null,"reasoning_cost":null,"total_cost":null}],
                  "input_cost":null,"output_cost":null,"reasoning_cost":null,"total_cost":null}}""").build());
        SessionDetails d = h.backend.details(SESSION);
        RecordedRequest session = taken();
        RecordedRequest changes = taken();
        assertEquals("/api/v2/sessions/" + SESSION, session.getUrl().encodedPath());
        assertEquals("/api/v2/sessions/" + SESSION + "/changes", changes.getUrl().encodedPath());
        assertEquals("false", changes.getUrl().queryParameter("include_events"));
        assertEquals("acme/orchestrator", d.agent());
        assertEquals(Optional.of(Instant.parse("2026-11-23T10:00:03Z")), d.startedAt());
        assertEquals(Optional.empty(), d.finishedAt());
        assertEquals(List.of("holo-2", "holo-2-mini"), d.usage().stream().map(SessionDetails.ModelUsage::model).toList());
        SessionDetails.ModelUsage big = d.usage().get(0);
        assertEquals(80_500_000L, big.inputTokens());
        assertEquals("80.50000000", big.cost().input().orElseThrow().toPlainString(), "exactly as the server wrote it");
        assertEquals("80.5069", big.cost().total().orElseThrow().toPlainString());
        assertFalse(d.usage().get(1).cost().isKnown(), "an unpriced model has no cost, not $0");
        assertFalse(d.cost().isKnown(), "one unpriced model leaves the totals unknown, as the server says");
        assertEquals(List.of(SessionId.parse("0b0e2c4a-1111-4e5f-9b6a-7c8d9e0f1a2b")), d.subagents());
    }

    @Test
    void detailsOfASessionWithNoChangesYetHaveNoCost() {
        server.enqueue(new MockResponse.Builder().code(200).body(SESSION_WITH_USAGE).build());
        server.enqueue(new MockResponse.Builder().code(204).build());
        SessionDetails d = h.backend.details(SESSION);
        assertFalse(d.cost().isKnown());
        assertEquals(2, d.usage().size(), "the tokens still come from the status");
    }

    @Test
    void quotaReadsFreeSessionSlotsAndTheTokenBudget() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("""
                {"scope":"org","limit":10,"active":7,"available":3}""").build());
        server.enqueue(new MockResponse.Builder().code(200).body("""
                {"limit":5000000,"used":4200000,"remaining":800000,"window_start":"2026-11-23T00:00:00Z",
                 "window_end":"2026-11-24T00:00:00Z"}""").build());
        Quota.Reading q = h.backend.quota().orElseThrow().read();
        assertEquals("/api/v2/sessions/quota", taken().getUrl().encodedPath());
        assertEquals("/api/v2/quota/tokens", taken().getUrl().encodedPath());
        assertEquals(new Quota.SessionSlots("org", 10, 7, 3), q.sessions().orElseThrow());
        Quota.TokenBudget t = q.tokens().orElseThrow();
        assertEquals(Optional.of(800_000L), t.remaining());
        assertEquals(Optional.of(Instant.parse("2026-11-24T00:00:00Z")), t.windowEnd());
    }

    @Test
    void aServerWithoutTheTokenQuotaStillTellsTheFreeSlots() {
        server.enqueue(new MockResponse.Builder().code(200).body("""
                {"scope":"user","limit":5,"active":5,"available":0}""").build());
        server.enqueue(new MockResponse.Builder().code(404).body("{\"detail\":\"Not Found\"}").build());
        Quota.Reading q = h.backend.quota().orElseThrow().read();
        assertEquals(0, q.sessions().orElseThrow().available());
        assertTrue(q.tokens().isEmpty());
    }

    @Test
    void aForceAnswerCapabilityIsPresentOnH() {
        assertFalse(h.backend.forceAnswer().isEmpty());
    }
}
