package dev.agentconsole.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentconsole.contract.OpenApiContract;
import dev.agentconsole.contract.OpenApiContract.Request;
import dev.agentconsole.contract.OpenApiContract.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every answer the emulator gives on every H route, in every state a session goes through and for
 * every refusal, checked against the official spec: status declared, body in the declared schema,
 * each event against its own event schema. The emulator is driven by a manual clock: no sleeps.
 */
class HApiResponsesContractTest {

    static final OpenApiContract SPEC = OpenApiContract.h();
    static final String PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAghBC7QAAAABJRU5ErkJggg==";
    static final String UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

    Emulator emulator;
    ScriptClock.Manual clock;
    RawH raw;
    final Set<String> eventTypesSeen = new TreeSet<>();

    @BeforeEach
    void start() {
        clock = ScriptClock.manual();
        emulator = Emulator.start(0, clock);
        raw = new RawH(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    // ---- the harness ------------------------------------------------------------------------------

    /** One raw call whose answer must fit the spec; returns it for the test's own assertions. */
    RawH.Answer call(String method, String pathAndQuery, String body) {
        return checked(method, pathAndQuery, raw.call(method, pathAndQuery, body));
    }

    RawH.Answer callWithAuth(String method, String pathAndQuery, String body, String authorization) {
        return checked(method, pathAndQuery, raw.call(method, pathAndQuery, body, authorization));
    }

    private RawH.Answer checked(String method, String pathAndQuery, RawH.Answer a) {
        Request request = Request.of(method, pathAndQuery);
        Response response = new Response(a.status(), a.raw().headers().firstValue("Content-Type").orElse(null), a.raw().body());
        assertEquals(List.of(), SPEC.checkResponse(request, response), method + " " + pathAndQuery + " -> " + a.status()
                + " " + abbreviate(a.raw().body()));
        if (a.body() != null && a.status() == 200) {
            String events = request.path().endsWith("/changes") ? "new_events" : request.path().endsWith("/events") ? "items" : "";
            a.body().path(events).forEach(e -> eventTypesSeen.add(e.path("type").asText()));
        }
        return a;
    }

    String create(String body) {
        RawH.Answer a = call("POST", "/api/v2/sessions", body);
        assertEquals(201, a.status(), a.raw().body());
        return a.body().path("id").asText();
    }

    String base(String id) {
        return "/api/v2/sessions/" + id;
    }

    /** Every read route of one session, in whatever state it is now. */
    void readEverything(String id) {
        assertEquals(200, call("GET", base(id), null).status());
        assertEquals(200, call("GET", base(id) + "/status", null).status());
        int changes = call("GET", base(id) + "/changes?from_index=0&wait_for_seconds=0", null).status();
        assertTrue(changes == 200 || changes == 204, "changes answered " + changes);
        assertEquals(200, call("GET", base(id) + "/changes?from_index=0&include_events=false", null).status());
        assertEquals(200, call("GET", base(id) + "/events?page=1&size=200", null).status());
        assertEquals(200, call("GET", base(id) + "/events?sort=-timestamp&size=3&page=2", null).status());
        assertEquals(200, call("GET", "/api/v2/sessions?page=1&size=100", null).status());
    }

    String status(String id) {
        return call("GET", base(id) + "/status", null).body().path("status").asText();
    }

    void tickUntil(String id, String wanted) {
        for (int i = 0; i < 20 && !status(id).equals(wanted); i++) {
            clock.tick(1);
        }
        assertEquals(wanted, status(id));
    }

    // ---- every route, in a table: a new H route the emulator serves is one line here ----------

    record Route(String operation, int status, Function<String, String[]> request) {
        @Override
        public String toString() {
            return operation + " -> " + status;
        }
    }

    /** {method, path and query, body} for a session id. */
    static Route route(String operation, int status, Function<String, String[]> request) {
        return new Route(operation, status, request);
    }

    static Stream<Route> routes() {
        return Stream.of(
                route("POST /api/v2/sessions", 201, id -> new String[] {"POST", "/api/v2/sessions", "{\"agent\":\"web-surfer\"}"}),
                route("GET /api/v2/sessions", 200, id -> new String[] {"GET", "/api/v2/sessions", null}),
                route("GET /api/v2/sessions/quota", 200, id -> new String[] {"GET", "/api/v2/sessions/quota", null}),
                route("GET /api/v2/quota/tokens", 200, id -> new String[] {"GET", "/api/v2/quota/tokens", null}),
                route("GET /api/v2/sessions/{id}", 200, id -> new String[] {"GET", "/api/v2/sessions/" + id, null}),
                route("GET /api/v2/sessions/{id}/status", 200, id -> new String[] {"GET", "/api/v2/sessions/" + id + "/status", null}),
                route("GET /api/v2/sessions/{id}/changes", 200, id -> new String[] {"GET", "/api/v2/sessions/" + id + "/changes", null}),
                route("GET /api/v2/sessions/{id}/events", 200, id -> new String[] {"GET", "/api/v2/sessions/" + id + "/events", null}),
                route("POST /api/v2/sessions/{id}/messages", 202, id -> new String[] {"POST", "/api/v2/sessions/" + id + "/messages",
                        "{\"type\":\"user_message\",\"message\":\"the cheaper one\"}"}),
                route("POST /api/v2/sessions/{id}/pause", 202, id -> new String[] {"POST", "/api/v2/sessions/" + id + "/pause", null}),
                route("POST /api/v2/sessions/{id}/resume", 202, id -> new String[] {"POST", "/api/v2/sessions/" + id + "/resume", null}),
                route("POST /api/v2/sessions/{id}/force_answer", 202, id -> new String[] {"POST", "/api/v2/sessions/" + id + "/force_answer", null}),
                route("DELETE /api/v2/sessions/{id}", 204, id -> new String[] {"DELETE", "/api/v2/sessions/" + id, null}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void everyRouteTheEmulatorServesIsInTheSpecAndAnswersInItsShape(Route route) {
        assertTrue(SPEC.operation(route.operation()).isPresent(), route.operation() + " is not in the spec");
        String id = emulator.createDemoSession();
        clock.tick(3);
        String[] r = route.request().apply(id);
        RawH.Answer a = call(r[0], r[1], r[2]);
        assertEquals(route.status(), a.status(), a.raw().body());
        assertEquals(route.operation(), SPEC.operation(r[0], r[1].split("\\?")[0]).orElseThrow().toString());
        // With an unknown id (well-formed) or none at all, the route still answers in the spec's terms.
        String[] unknown = route.request().apply(UNKNOWN_ID);
        call(unknown[0], unknown[1], unknown[2]);
    }

    // ---- a session's whole life ---------------------------------------------------------------------

    @Test
    void aSessionFromCreationToItsAnswerAndFollowUpAnswersInTheSpecsShapesAtEveryStep() {
        String id = create("{\"agent\":\"web-surfer\",\"messages\":[{\"type\":\"user_message\",\"message\":\""
                + Emulator.DEMO_TASK + "\"}],\"idle_timeout_s\":600}");
        assertEquals("pending", status(id));
        assertEquals(204, call("GET", base(id) + "/changes?from_index=0&wait_for_seconds=0", null).status(), "nothing yet");
        readEverything(id);

        clock.tick(2);
        assertEquals("running", status(id));
        readEverything(id);

        tickUntil(id, "idle"); // the agent asked which hotel
        readEverything(id);
        JsonNode session = call("GET", base(id), null).body();
        assertTrue(session.path("latest_answer").isTextual(), session.toString());

        // A reply with a screenshot, echoed as a message_event with an ImageContent.
        assertEquals(202, call("POST", base(id) + "/messages", "{\"type\":\"user_message\",\"message\":\"the cheaper one\","
                + "\"images\":[\"" + PNG + "\"],\"caller_id\":\"supervisor\"}").status());
        readEverything(id);
        JsonNode echo = null;
        for (JsonNode e : call("GET", base(id) + "/events?size=200&type=AgentEvent", null).body().path("items")) {
            echo = "supervisor".equals(e.path("data").path("caller_id").asText()) ? e.path("data") : echo;
        }
        assertEquals("message_event", echo.path("kind").asText(), String.valueOf(echo));
        assertEquals("base64", echo.path("content").get(1).path("type").asText(), echo.toString());

        tickUntil(id, "idle"); // booked: a structured answer
        readEverything(id);
        assertTrue(call("GET", base(id) + "/changes?from_index=0", null).body().path("answer").isObject());

        // A batch of two follow-ups.
        assertEquals(202, call("POST", base(id) + "/messages", "{\"type\":\"batch\",\"messages\":[{\"type\":\"user_message\","
                + "\"message\":\"is breakfast included?\"},{\"type\":\"user_message\",\"message\":\"and parking?\"}]}").status());
        tickUntil(id, "idle");
        readEverything(id);
    }

    @Test
    void aSessionWithoutIdleTimeoutCompletesAndAMessageRestartsIt() {
        String id = create("{\"agent\":\"web-surfer\",\"messages\":\"" + Emulator.DEMO_TASK + "\"}");
        tickUntil(id, "completed");
        readEverything(id);
        assertEquals(202, call("POST", base(id) + "/messages", "{\"type\":\"user_message\",\"message\":\"the closer one\"}").status());
        assertEquals("running", status(id));
        tickUntil(id, "completed");
        readEverything(id);
    }

    @Test
    void aPausedSessionAndItsResumeAnswerInTheSpecsShapes() {
        String id = emulator.createDemoSession();
        clock.tick(2);
        assertEquals(202, call("POST", base(id) + "/pause", null).status());
        assertEquals(202, call("POST", base(id) + "/pause", null).status(), "pausing twice is harmless");
        assertEquals("paused", status(id));
        readEverything(id);
        assertEquals(202, call("POST", base(id) + "/resume", null).status());
        assertEquals("running", status(id));
        readEverything(id);
    }

    @Test
    void aForcedAnswerAndAnIdleTimeoutAnswerInTheSpecsShapes() {
        String id = create("{\"agent\":\"web-surfer\",\"messages\":{\"type\":\"user_message\",\"message\":\"find a hotel\"},"
                + "\"idle_timeout_s\":30}");
        clock.tick(3);
        assertEquals(202, call("POST", base(id) + "/force_answer", null).status());
        assertEquals("idle", status(id));
        assertEquals("partial", call("GET", base(id) + "/status", null).body().path("outcome").asText());
        readEverything(id);
        clock.advance(Duration.ofSeconds(31));
        assertEquals("completed", status(id));
        readEverything(id);
    }

    @Test
    void aSessionInterruptedByDeleteAnswersInTheSpecsShapesAndRefusesPauseWithA400() {
        String id = emulator.createDemoSession();
        clock.tick(2);
        assertEquals(204, call("DELETE", base(id), null).status());
        assertEquals("interrupted", status(id));
        readEverything(id);
        assertEquals(204, call("DELETE", base(id), null).status(), "stopping twice is harmless");
        assertEquals(400, call("POST", base(id) + "/pause", null).status());
        assertEquals(400, call("POST", base(id) + "/resume", null).status());
        assertEquals(400, call("POST", base(id) + "/force_answer", null).status());
    }

    @Test
    void theEmulatorEmitsOnlyEventTypesTheSpecTypes() {
        aSessionFromCreationToItsAnswerAndFollowUpAnswersInTheSpecsShapesAtEveryStep();
        aSessionInterruptedByDeleteAnswersInTheSpecsShapesAndRefusesPauseWithA400();
        aPausedSessionAndItsResumeAnswerInTheSpecsShapes();
        assertTrue(eventTypesSeen.size() >= 6, "the script shows most event types: " + eventTypesSeen);
        Set<String> untyped = new TreeSet<>(eventTypesSeen);
        untyped.removeAll(SPEC.typedEventTypes());
        // The spec's TrajectoryEvent would accept any type; the emulator should emit what H emits.
        assertEquals(Set.of(), untyped);
    }

    @Test
    void theEveryEventScriptIsInTheSpecsShapes() {
        String id = emulator.createDemoSession();
        clock.tick(2);
        emulator.faults().add(Faults.Rule.on("GET /api/v2/sessions/{id}/changes", new Faults.Fault.EveryEventType(), 1));
        RawH.Answer a = call("GET", base(id) + "/changes?from_index=0", null);
        assertTrue(a.body().path("new_events").size() > 15, "one of every type: " + a.body().path("new_events").size());
        call("GET", base(id) + "/events?page=1&size=200", null);
        assertEquals(Set.of(), difference(eventTypesSeen, SPEC.typedEventTypes()));
    }

    @Test
    void aScreenshotResourceRedirectsWithNoBodyAndAnUnknownOneIs404() {
        String id = emulator.createDemoSession();
        String url = "";
        for (int i = 0; i < 10 && url.isEmpty(); i++) {
            clock.tick(1);
            for (JsonNode e : call("GET", base(id) + "/events?page=1&size=200", null).body().path("items")) {
                if (e.path("data").path("image").path("type").asText().equals("url")) {
                    url = e.path("data").path("image").path("source").asText();
                }
            }
        }
        assertTrue(url.startsWith(emulator.baseUrl() + base(id) + "/resources/"), "a url screenshot: " + url);
        RawH.Answer redirect = call("GET", url.substring(emulator.baseUrl().length()), null);
        assertEquals(302, redirect.status());
        assertTrue(redirect.raw().headers().firstValue("Location").orElseThrow().startsWith("http://localhost:"));
        assertEquals(404, call("GET", base(id) + "/resources/screenshots/no-such.png", null).status());
        assertEquals(404, call("GET", base(UNKNOWN_ID) + "/resources/screenshots/step-1.png", null).status());
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    // ---- refusals ----------------------------------------------------------------------------------

    static Stream<Arguments> idRoutes() {
        return Stream.of(
                Arguments.of("GET", "", null), Arguments.of("DELETE", "", null), Arguments.of("GET", "/status", null),
                Arguments.of("GET", "/changes", null), Arguments.of("GET", "/events", null),
                Arguments.of("POST", "/pause", null), Arguments.of("POST", "/resume", null), Arguments.of("POST", "/force_answer", null),
                Arguments.of("POST", "/messages", "{\"type\":\"user_message\",\"message\":\"hi\"}"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("idRoutes")
    void refusalsOnEverySessionRouteAreDeclaredOrDocumentedAndShapedSo(String method, String suffix, String body) {
        String id = emulator.createDemoSession();
        assertEquals(401, callWithAuth(method, base(id) + suffix, body, null).status());
        assertEquals(401, callWithAuth(method, base(id) + suffix, body, "Bearer hk-not-the-key").status());
        assertEquals(404, call(method, base(UNKNOWN_ID) + suffix, body).status());
        assertEquals(422, call(method, base("not-a-uuid") + suffix, body).status());
    }

    static Stream<Arguments> badRequests() {
        String big = "{\"type\":\"user_message\",\"message\":\"" + "x".repeat(5_000_001) + "\"}";
        return Stream.of(
                Arguments.of("POST", "/messages", "{oops", 422),
                Arguments.of("POST", "/messages", "", 422),
                Arguments.of("POST", "/messages", "{\"message\":\"no type\"}", 422),
                Arguments.of("POST", "/messages", "{\"type\":\"shout\",\"message\":\"hi\"}", 422),
                Arguments.of("POST", "/messages", "{\"type\":\"batch\",\"messages\":[]}", 422),
                Arguments.of("POST", "/messages", "{\"type\":\"user_message\",\"message\":\"hi\",\"images\":[\"http://x/a.png\"]}", 422),
                Arguments.of("POST", "/messages", big, 413),
                Arguments.of("GET", "/changes?wait_for_seconds=26", null, 422),
                Arguments.of("GET", "/changes?from_index=x", null, 422),
                Arguments.of("GET", "/changes?include_events=maybe", null, 422),
                Arguments.of("GET", "/events?size=0", null, 422),
                Arguments.of("GET", "/events?size=201", null, 422),
                Arguments.of("GET", "/events?sort=time", null, 422));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("badRequests")
    void badBodiesAndQueriesAreRefusedInTheSpecsShapes(String method, String suffix, String body, int status) {
        String id = emulator.createDemoSession();
        assertEquals(status, call(method, base(id) + suffix, body).status());
    }

    @Test
    void badCreateAndListRequestsAreRefusedInTheSpecsShapes() {
        assertEquals(422, call("POST", "/api/v2/sessions", "{\"messages\":\"no agent\"}").status());
        assertEquals(422, call("POST", "/api/v2/sessions", "{\"agent\":\"a\",\"idle_timeout_s\":0}").status());
        assertEquals(422, call("POST", "/api/v2/sessions", "[1]").status());
        assertEquals(422, call("GET", "/api/v2/sessions?page=0", null).status());
        assertEquals(422, call("GET", "/api/v2/sessions?size=101", null).status());
        assertEquals(401, callWithAuth("GET", "/api/v2/sessions", null, null).status());
        assertEquals(401, callWithAuth("GET", "/api/v2/sessions/quota", null, null).status());
    }

    /** The other way round: what the spec allows, the emulator must not refuse. */
    static Stream<String> queriesTheSpecAllows() {
        return Stream.of(
                "/changes?from_index=0&limit=0", "/changes?limit=1&wait_for_seconds=0", "/changes?wait_for_seconds=25&from_index=0",
                "/changes?include_events=false", "/events?page=1&size=1", "/events?size=200&sort=timestamp",
                "/events?sort=-timestamp&type=AgentEvent");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queriesTheSpecAllows")
    void queriesTheSpecAllowsAreNotRefused(String suffix) {
        String id = emulator.createDemoSession();
        clock.tick(2);
        String pathAndQuery = base(id) + suffix;
        assertEquals(List.of(), SPEC.checkRequest(new Request("GET", pathAndQuery.split("\\?")[0],
                OpenApiContract.parseQuery(pathAndQuery.split("\\?")[1]), java.util.Map.of("Authorization", "Bearer x"), "")),
                "the example itself fits the spec");
        assertNotEquals(422, call("GET", pathAndQuery, null).status());
    }

    @Test
    void listQueriesTheSpecAllowsAreNotRefused() {
        create("{\"agent\":\"web-surfer\",\"messages\":\"hello\"}");
        List<String> queries = new ArrayList<>(List.of("", "?page=1&size=1", "?size=100", "?sort=created_at",
                "?sort=-created_at", "?status=running&status=pending", "?search=hello"));
        for (String q : queries) {
            assertEquals(200, call("GET", "/api/v2/sessions" + q, null).status(), q);
        }
        assertEquals(1, call("GET", "/api/v2/sessions?status=running&status=pending", null).body().path("total").asInt(),
                "a repeated status is a list of statuses");
        String unused = UUID.randomUUID().toString();
        assertEquals(0, call("GET", "/api/v2/sessions?search=" + unused, null).body().path("total").asInt());
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 297) + "...";
    }
}
