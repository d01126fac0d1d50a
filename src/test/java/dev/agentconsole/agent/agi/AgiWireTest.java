package dev.agentconsole.agent.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentException;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.EventPage;
import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.NewSession;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.http.ApiToken;
import dev.agentconsole.agent.http.Endpoint;
import dev.agentconsole.agent.http.ErrorDecoder;
import dev.agentconsole.agent.http.HttpCaller;
import dev.agentconsole.agent.http.HttpStack;
import dev.agentconsole.agent.http.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exact requests the AGI client writes, every documented error, and the polling reader. */
class AgiWireTest {

    static final SessionId SESSION = SessionId.parse("5b6c7d8e-1f2a-4b3c-8d4e-5f6a7b8c9d0e");
    static final String TOKEN = "agi-test-token-0123";
    static final String OK = "{\"success\":true,\"message\":\"Message sent successfully\"}";

    final ObjectMapper json = new ObjectMapper();
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    MockWebServer server;
    HttpStack http;
    AgiBackend agi;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        http = new HttpStack(Duration.ofSeconds(2), Duration.ofMillis(800));
        HttpCaller caller = new HttpCaller(RetryPolicy.standard(), new ErrorDecoder(http.json()), sleeps::add,
                RandomGenerator.of("L64X128MixRandom"), Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
        agi = new AgiBackend(new Endpoint(server.url("/"), new ApiToken(TOKEN)), http, caller, Duration.ofMillis(20));
    }

    @AfterEach
    void stop() {
        agi.close();
        http.close();
        server.close();
    }

    private RecordedRequest taken() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request arrived");
        }
        return r;
    }

    private void ok(String body) {
        server.enqueue(new MockResponse.Builder().code(200).body(body).build());
    }

    @Test
    void aMessageIsTheSeedsExactJsonOnTheSingularPath() throws Exception {
        ok(OK);
        agi.send(SESSION, new Outgoing.Single(OutgoingMessage.text("Find three nonstop SFO→JFK flights next month under $450")));
        RecordedRequest r = taken();
        assertEquals("POST /v1/sessions/" + SESSION + "/message", r.getMethod() + " " + r.getUrl().encodedPath());
        assertEquals(json.readTree("{\"message\":\"Find three nonstop SFO→JFK flights next month under $450\"}"),
                json.readTree(r.getBody().utf8()));
        assertEquals("Bearer " + TOKEN, r.getHeaders().get("Authorization"));
        assertEquals("application/json; charset=utf-8", r.getHeaders().get("Content-Type"));
    }

    @Test
    void aStartUrlTravelsAsStartUrlAndNothingElseIsInTheBody() throws Exception {
        ok(OK);
        agi.send(SESSION, new Outgoing.Single(OutgoingMessage.text("Compare prices for iPhone 15").withStartUrl("https://www.apple.com")));
        assertEquals(json.readTree("{\"message\":\"Compare prices for iPhone 15\",\"start_url\":\"https://www.apple.com\"}"),
                json.readTree(taken().getBody().utf8()));
    }

    @Test
    void aBatchIsOneRequestPerLineInOrder() throws Exception {
        for (int i = 0; i < 3; i++) {
            ok(OK);
        }
        agi.send(SESSION, new Outgoing.Batch(List.of(OutgoingMessage.text("one"), OutgoingMessage.text("two"),
                OutgoingMessage.text("three"))));
        for (String expected : List.of("one", "two", "three")) {
            assertEquals(expected, json.readTree(taken().getBody().utf8()).path("message").asText());
        }
    }

    @Test
    void aFailureInTheMiddleOfABatchStopsTheRestAndSaysWhichLinesWereNotSent() {
        ok(OK);
        server.enqueue(new MockResponse.Builder().code(422).body("{\"detail\":[{\"loc\":[\"body\",\"message\"],"
                + "\"msg\":\"String should have at most 10000 characters\",\"type\":\"string_too_long\"}]}").build());
        ok(OK);
        AgentException e = assertThrows(AgentException.class, () -> agi.send(SESSION, new Outgoing.Batch(List.of(
                OutgoingMessage.text("one"), OutgoingMessage.text("two"), OutgoingMessage.text("three"), OutgoingMessage.text("four")))));
        AgentError.BatchStopped stopped = assertInstanceOf(AgentError.BatchStopped.class, e.error());
        assertEquals(1, stopped.accepted());
        assertEquals(4, stopped.total());
        assertInstanceOf(AgentError.Invalid.class, stopped.cause());
        assertEquals("line 1 was accepted; line 2 of 4 failed: the server refused the request as invalid (HTTP 422): "
                + "body.message: String should have at most 10000 characters; lines 3-4 were not sent", stopped.summary());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void anUncertainLineStopsTheBatchToo() {
        ok(OK);
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        AgentException e = assertThrows(AgentException.class, () -> agi.send(SESSION, new Outgoing.Batch(List.of(
                OutgoingMessage.text("a"), OutgoingMessage.text("b"), OutgoingMessage.text("c")))));
        AgentError.BatchStopped stopped = assertInstanceOf(AgentError.BatchStopped.class, e.error());
        assertInstanceOf(AgentError.Uncertain.class, stopped.cause());
        assertTrue(stopped.summary().endsWith("line 3 was not sent"), stopped.summary());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void imagesAndOverlongTextNeverReachTheWire() {
        assertTrue(assertThrows(InvalidInputException.class, () -> agi.send(SESSION, new Outgoing.Single(
                OutgoingMessage.text("x").withImages(List.of("data:image/png;base64,AAAA"))))).getMessage().contains("AGI takes no images"));
        assertTrue(assertThrows(InvalidInputException.class, () -> agi.send(SESSION, new Outgoing.Single(
                OutgoingMessage.text("é".repeat(10_001))))).getMessage().contains("1 over AGI's limit of 10,000"));
        assertTrue(assertThrows(InvalidInputException.class, () -> agi.send(SESSION, new Outgoing.Single(
                OutgoingMessage.text("go").withStartUrl("ftp://files.example")))).getMessage().contains("http:// or https://"));
        assertTrue(assertThrows(InvalidInputException.class, () -> agi.send(SESSION, new Outgoing.Single(
                OutgoingMessage.text("go").withCallerId("ops")))).getMessage().contains("takes no caller id"));
        assertEquals(0, server.getRequestCount());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 422})
    void documentedRefusalsAreNotRetried(int code) {
        server.enqueue(new MockResponse.Builder().code(code).body("{\"detail\":\"no\"}").build());
        assertThrows(AgentException.class, () -> agi.send(SESSION, new Outgoing.Single(OutgoingMessage.text("hi"))));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedLikeTheSdk() {
        server.enqueue(new MockResponse.Builder().code(429).build());
        server.enqueue(new MockResponse.Builder().code(502).build());
        ok(OK);
        agi.send(SESSION, new Outgoing.Single(OutgoingMessage.text("hi")));
        assertEquals(3, server.getRequestCount());
        assertEquals(2, sleeps.size());
    }

    @Test
    void errorMessagesAreReadFromTheBodyWhenPresent() {
        server.enqueue(new MockResponse.Builder().code(403).body("{\"message\":\"This key cannot use agi-0\"}").build());
        AgentError e = assertThrows(AgentException.class, () -> agi.send(SESSION, new Outgoing.Single(OutgoingMessage.text("hi")))).error();
        assertEquals("This key cannot use agi-0", assertInstanceOf(AgentError.Forbidden.class, e).serverMessage());
    }

    @Test
    void thePollerReadsAfterTheLastIdAndMapsEveryType() throws Exception {
        ok("""
                {"messages":[
                  {"id":4,"type":"THOUGHT","content":"Looking at flights","timestamp":"2026-11-23T10:00:00Z","metadata":{}},
                  {"id":5,"type":"QUESTION","content":"Morning or evening?","timestamp":"2026-11-23T10:00:01Z","metadata":{}},
                  {"id":6,"type":"USER","content":"Evening","timestamp":"2026-11-23T10:00:02Z","metadata":{}},
                  {"id":7,"type":"LOG","content":"navigated","timestamp":"2026-11-23T10:00:03Z"},
                  {"id":8,"type":"DONE","content":{"flights":[1,2,3]},"timestamp":"2026-11-23T10:00:04Z","metadata":{}},
                  {"id":9,"type":"ERROR","content":"captcha","timestamp":"2026-11-23T10:00:05Z"},
                  {"id":10,"type":"TELEPORT","content":"?","timestamp":"2026-11-23T10:00:06Z"}
                ],"status":"running","has_agent":true,"new_field":1}""");
        EventPage page = agi.events(SESSION, 3, Duration.ZERO);
        RecordedRequest r = taken();
        assertEquals("/v1/sessions/" + SESSION + "/messages", r.getUrl().encodedPath());
        assertEquals("3", r.getUrl().queryParameter("after_id"));
        assertEquals(10, page.next());
        List<Class<?>> kinds = page.events().stream().<Class<?>>map(Object::getClass).toList();
        assertEquals(List.of(AgentEvent.Thought.class, AgentEvent.Question.class, AgentEvent.Message.class, AgentEvent.Note.class,
                AgentEvent.Answer.class, AgentEvent.Failure.class, AgentEvent.Other.class), kinds);
        assertTrue(((AgentEvent.Answer) page.events().get(4)).structured());
        assertEquals("TELEPORT", ((AgentEvent.Other) page.events().get(6)).type());
        assertEquals(AgentStatus.RUNNING, page.snapshot().orElseThrow().status());
    }

    @Test
    void aServerIgnoringAfterIdDoesNotMakeMessagesAppearTwice() {
        ok("{\"messages\":[{\"id\":1,\"type\":\"LOG\",\"content\":\"a\"},{\"id\":2,\"type\":\"LOG\",\"content\":\"b\"}],\"status\":\"running\"}");
        EventPage page = agi.events(SESSION, 1, Duration.ZERO);
        assertEquals(List.of(2L), page.events().stream().map(AgentEvent::position).toList());
    }

    @Test
    void waitingPollsAgainUntilSomethingComes() {
        ok("{\"messages\":[],\"status\":\"running\"}");
        ok("{\"messages\":[],\"status\":\"running\"}");
        ok("{\"messages\":[{\"id\":1,\"type\":\"THOUGHT\",\"content\":\"hm\"}],\"status\":\"running\"}");
        EventPage page = agi.events(SESSION, 0, Duration.ofSeconds(5));
        assertEquals(1, page.events().size());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void aPausedLifecycleShowsAsPausedWhateverTheExecutionStatusSays() {
        ok("{\"status\":\"running\"}");
        ok("{\"session_id\":\"" + SESSION + "\",\"vnc_url\":\"https://vnc.example/1\",\"agent_name\":\"agi-0\",\"status\":\"paused\"}");
        assertEquals(AgentStatus.PAUSED, agi.status(SESSION).status());
        ok("{\"status\":\"waiting_for_input\"}");
        ok("{\"session_id\":\"" + SESSION + "\",\"status\":\"running\"}");
        assertEquals(AgentStatus.WAITING_FOR_INPUT, agi.status(SESSION).status());
    }

    @Test
    void pauseResumeAndStopUseTheirPathsAndStopIsCancel() throws Exception {
        for (int i = 0; i < 3; i++) {
            ok("{\"success\":true,\"message\":\"ok\"}");
        }
        agi.pause(SESSION);
        agi.resume(SESSION);
        agi.stop(SESSION);
        for (String action : List.of("pause", "resume", "cancel")) {
            RecordedRequest r = taken();
            assertEquals("POST /v1/sessions/" + SESSION + "/" + action, r.getMethod() + " " + r.getUrl().encodedPath());
        }
        assertTrue(agi.forceAnswer().isEmpty(), "AGI has no force answer, and says so in the type");
    }

    @Test
    void createListSessionAndScreenshot() throws Exception {
        ok("{\"session_id\":\"" + SESSION + "\",\"vnc_url\":\"https://vnc.example/1\",\"agent_name\":\"agi-0-fast\","
                + "\"status\":\"ready\",\"created_at\":\"2026-11-23T10:00:00Z\"}");
        var info = agi.create(new NewSession("agi-0-fast", Optional.empty(), Optional.empty()));
        assertEquals(json.readTree("{\"agent_name\":\"agi-0-fast\"}"), json.readTree(taken().getBody().utf8()));
        assertEquals(Optional.of("https://vnc.example/1"), info.liveViewUrl());
        ok("[{\"session_id\":\"" + SESSION + "\",\"agent_name\":\"agi-0\",\"status\":\"running\",\"created_at\":\"2026-11-23T10:00:00Z\"},"
                + "{\"session_id\":\"broken\",\"status\":\"ready\"}]");
        assertEquals(1, agi.list(1, 10).size());
        ok("{\"screenshot\":\"data:image/jpeg;base64,/9j/AA==\",\"url\":\"https://www.apple.com\",\"title\":\"Apple\"}");
        var shot = agi.screenshots().orElseThrow().take(SESSION);
        assertEquals("data:image/jpeg;base64,/9j/AA==", shot.dataUri());
        assertEquals("Apple", shot.title());
    }

    @Test
    void aTwoHundredThatSaysSuccessFalseIsARefusalNotAnAcceptedMessage() {
        ok("{\"success\":false,\"message\":\"Agent is busy with another task\"}");
        AgentException e = assertThrows(AgentException.class,
                () -> agi.send(SESSION, new Outgoing.Single(OutgoingMessage.text("go"))));
        AgentError.Refused refused = assertInstanceOf(AgentError.Refused.class, e.error());
        assertTrue(refused.summary().contains("Agent is busy with another task"), refused.summary());
        assertEquals(1, server.getRequestCount(), "a refusal is not resent");
    }

    @Test
    void aCommandThatSaysSuccessFalseFailsToo() {
        ok("{\"success\":false,\"message\":\"Session is not running\"}");
        AgentException e = assertThrows(AgentException.class, () -> agi.pause(SESSION));
        assertInstanceOf(AgentError.Refused.class, e.error());
    }

    @Test
    void streamEventsWhoseDataHasNoTypeAreMappedByTheirEventName() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .body("id: 7\nevent: thought\ndata: {\"content\":\"Looking at the page\"}\n\n"
                        + "id: 8\nevent: question\ndata: {\"content\":\"Which hotel?\"}\n\n").build());
        ok("{\"messages\":[],\"status\":\"running\"}"); // the catch-up read once the stream is open
        List<AgentEvent> got = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch two = new java.util.concurrent.CountDownLatch(2);
        try (var subscription = agi.liveEvents().orElseThrow().open(SESSION, 0, new dev.agentconsole.agent.LiveEvents.Listener() {
            @Override
            public void onEvent(AgentEvent event) {
                got.add(event);
                two.countDown();
            }
        })) {
            assertTrue(two.await(5, TimeUnit.SECONDS), "both events arrived: " + got);
        }
        AgentEvent.Thought thought = assertInstanceOf(AgentEvent.Thought.class, got.get(0));
        assertEquals("Looking at the page", thought.text());
        assertEquals(7, thought.position());
        AgentEvent.Question question = assertInstanceOf(AgentEvent.Question.class, got.get(1));
        assertEquals("Which hotel?", question.text());
    }
}
