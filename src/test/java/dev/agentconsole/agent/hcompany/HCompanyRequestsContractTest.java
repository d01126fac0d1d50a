package dev.agentconsole.agent.hcompany;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.agentconsole.agent.NewSession;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.contract.OpenApiContract;
import dev.agentconsole.contract.OpenApiContract.Request;
import dev.agentconsole.contract.OpenApiContract.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request shape the real H client writes, captured on the wire and checked against the
 * official spec: operation, path and query parameters, headers, body. The canned answers the
 * client is fed are checked too, so no fixture teaches it a shape H never sends.
 */
class HCompanyRequestsContractTest {

    static final OpenApiContract SPEC = OpenApiContract.h();
    static final SessionId SESSION = SessionId.parse("3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b");
    static final String PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAghBC7QAAAABJRU5ErkJggg==";
    static final String JPEG = "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQ==";

    static final String SESSION_BODY = """
            {"id":"3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b","request":{"agent":"web-surfer","messages":"book a hotel"},
             "status":{"status":"running","error":null,"error_code":null,"outcome":null,"steps":2,"usage_per_model":[],
                       "subagent_session_ids":[]},
             "agent_view_url":"https://agp.eu.hcompany.ai/sessions/3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b",
             "latest_answer":null,"created_at":"2026-11-23T10:00:00Z","started_at":"2026-11-23T10:00:01Z","finished_at":null}""";
    static final String STATUS_BODY = """
            {"status":"idle","error":null,"error_code":null,"outcome":"success","steps":7,
             "usage_per_model":[{"name":"holo","input_tokens":1800,"output_tokens":120,"reasoning_tokens":300}],
             "subagent_session_ids":[]}""";
    static final String CHANGES_BODY = """
            {"status":"running","started_at":"2026-11-23T10:00:01Z","finished_at":null,"error":null,"error_code":null,
             "new_events":[{"type":"AgentStartedEvent","data":{},"timestamp":"2026-11-23T10:00:01Z"},
                           {"type":"AgentEvent","data":{"kind":"policy_event","reasoning_content":"Open the site","content":null,
                            "tool_reqs":[{"tool_name":"navigate","args":{"url":"https://booking.example"},"id":"call_1"}]},
                            "timestamp":"2026-11-23T10:00:02Z"}],
             "answer":null,"outcome":null,"metrics":{"steps":1,"cost_per_model":[],"total_cost":0.0042}}""";
    static final String LIST_BODY = """
            {"items":[{"id":"3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b","agent":"web-surfer","status":"idle",
                       "agent_view_url":null,"first_message":{"type":"user_message","message":"book a hotel"},
                       "created_at":"2026-11-23T10:00:00Z","started_at":null,"finished_at":null}],
             "total":1,"page":1}""";

    /** One request the client makes: the canned answer, and how to make the client send it. */
    record Shape(String name, int status, String answer, Consumer<HCompanyBackend> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Shape shape(String name, int status, String answer, Consumer<HCompanyBackend> call) {
        return new Shape(name, status, answer, call);
    }

    static OutgoingMessage text(String s) {
        return OutgoingMessage.text(s);
    }

    /** Every request shape of the client: a new route is one line here. */
    static Stream<Shape> shapes() {
        return Stream.of(
                shape("single message", 202, "", b -> b.send(SESSION, new Outgoing.Single(text("Focus on hotels near the temple")))),
                shape("single message with a caller id", 202, "",
                        b -> b.send(SESSION, new Outgoing.Single(text("from the supervisor").withCallerId("supervisor")))),
                shape("single message with images", 202, "",
                        b -> b.send(SESSION, new Outgoing.Single(text("click this").withImages(List.of(PNG, JPEG))))),
                shape("single message with images and a caller id", 202, "",
                        b -> b.send(SESSION, new Outgoing.Single(text("this one").withImages(List.of(PNG)).withCallerId("qa")))),
                shape("single message in many scripts", 202, "",
                        b -> b.send(SESSION, new Outgoing.Single(text("Réserve 京都 🏯 \"quoted\" \\ back\nnew line")))),
                shape("batch of one", 202, "", b -> b.send(SESSION, new Outgoing.Batch(List.of(text("only line"))))),
                shape("batch with images and caller ids", 202, "", b -> b.send(SESSION, new Outgoing.Batch(List.of(
                        text("first"), text("second").withImages(List.of(PNG)), text("third").withCallerId("ops"))))),
                shape("create with the agent only", 201, SESSION_BODY,
                        b -> b.create(new NewSession("web-surfer", Optional.empty(), Optional.empty()))),
                shape("create with a first message and an idle timeout", 201, SESSION_BODY,
                        b -> b.create(new NewSession("web-surfer", Optional.of(text("book a hotel")), Optional.of(Duration.ofHours(1))))),
                shape("create with a first message carrying images and a caller id", 201, SESSION_BODY,
                        b -> b.create(new NewSession("web-surfer", Optional.of(text("like this").withImages(List.of(PNG))
                                .withCallerId("ops")), Optional.of(Duration.ofMinutes(5))))),
                shape("list, first page", 200, LIST_BODY, b -> b.list(1, 20)),
                shape("list with a page and size out of range", 200, LIST_BODY, b -> b.list(0, 1000)),
                shape("session", 200, SESSION_BODY, b -> b.session(SESSION)),
                shape("status", 200, STATUS_BODY, b -> b.status(SESSION)),
                shape("pause", 202, "", b -> b.pause(SESSION)),
                shape("resume", 202, "", b -> b.resume(SESSION)),
                shape("force answer", 202, "", b -> b.forceAnswer().orElseThrow().forceAnswer(SESSION)),
                shape("stop", 204, "", b -> b.stop(SESSION)),
                shape("changes, long poll from the start", 200, CHANGES_BODY, b -> b.events(SESSION, 0, Duration.ofSeconds(20))),
                shape("changes, a look from further on with nothing new", 204, "", b -> b.events(SESSION, 42, Duration.ZERO)),
                shape("changes, a wait longer than the spec allows", 204, "", b -> b.events(SESSION, 3, Duration.ofMinutes(5))));
    }

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void everyRequestShapeTheClientMakesFitsTheSpec(Shape shape) throws Exception {
        MockResponse.Builder answer = new MockResponse.Builder().code(shape.status());
        if (!shape.answer().isEmpty()) {
            answer.addHeader("Content-Type", "application/json").body(shape.answer());
        }
        server.enqueue(answer.build());
        shape.call().accept(h.backend);
        Request request = captured();
        assertEquals(List.of(), SPEC.checkRequest(request), shape.name() + ": " + request);
        assertEquals(List.of(), SPEC.checkResponse(request, new Response(shape.status(),
                shape.answer().isEmpty() ? null : "application/json", shape.answer())), "the canned answer fits the spec too");
    }

    @Test
    void aScreenshotResourceIsRequestedAsTheSpecDeclaresIt() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "image/png")
                .body(new okio.Buffer().write(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).build());
        h.backend.image(server.url("/api/v2/sessions/" + SESSION + "/resources/screenshots/step-3.png").toString());
        Request request = captured();
        assertEquals(List.of(), SPEC.checkRequest(request), request.toString());
        assertEquals("GET /api/v2/sessions/{id}/resources/{bucket}/{key}",
                SPEC.operation(request.method(), request.path()).orElseThrow().toString());
    }

    @Test
    void detailsAndQuotaAreRequestedAsTheSpecDeclaresThem() throws Exception {
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String path = r.getUrl().encodedPath();
                String body = path.endsWith("/status") ? STATUS_BODY : path.endsWith("/changes") ? CHANGES_BODY
                        : path.endsWith("/sessions/quota") ? "{\"scope\":\"user\",\"limit\":10,\"active\":1,\"available\":9}"
                        : path.endsWith("/quota/tokens") ? "{\"limit\":null,\"used\":null,\"remaining\":null,"
                                + "\"window_start\":\"2026-11-23T00:00:00Z\",\"window_end\":null}"
                        : SESSION_BODY;
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
            }
        });
        h.backend.details(SESSION);
        h.backend.quota().orElseThrow().read();
        int requests = server.getRequestCount();
        for (int i = 0; i < requests; i++) {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            Request request = asRequest(r);
            assertEquals(List.of(), SPEC.checkRequest(request), request.toString());
        }
    }

    @Test
    void listLeavesSortingToTheSpecsDefaultNewestFirst() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(LIST_BODY).build());
        h.backend.list(2, 50);
        Request request = captured();
        assertEquals(Map.of("page", List.of("2"), "size", List.of("50")), request.query());
        assertEquals("[\"-created_at\"]", defaultOf("sort"), "the spec's default is the order the list wants");
    }

    private static String defaultOf(String parameter) {
        for (var p : SPEC.at("/paths/~1api~1v2~1sessions/get/parameters")) {
            if (p.path("name").asText().equals(parameter)) {
                return p.path("schema").path("default").toString();
            }
        }
        return "";
    }

    private Request captured() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(r, "no request arrived");
        assertFalse(server.getRequestCount() > 1, "one call, one request");
        return asRequest(r);
    }

    private static Request asRequest(RecordedRequest r) {
        assertNotNull(r, "no request arrived");
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String name : r.getUrl().queryParameterNames()) {
            query.put(name, r.getUrl().queryParameterValues(name));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        r.getHeaders().names().forEach(n -> headers.put(n, r.getHeaders().get(n)));
        String body = r.getBody() == null ? "" : r.getBody().utf8();
        return new Request(r.getMethod(), r.getUrl().encodedPath(), query, headers, body);
    }
}
