package dev.agentconsole.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentconsole.contract.OpenApiContract.Request;
import dev.agentconsole.contract.OpenApiContract.Response;
import dev.agentconsole.contract.OpenApiContract.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The harness itself: a checker that found nothing because it checked nothing would pass every
 * contract test. Each kind of violation is caught here, next to a valid exchange that is not.
 */
class OpenApiContractTest {

    static final OpenApiContract SPEC = OpenApiContract.h();
    static final String ID = "3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b";
    static final String SESSION = "/api/v2/sessions/" + ID;
    static final Map<String, String> AUTH = Map.of("Authorization", "Bearer hk-test", "Content-Type", "application/json");

    static Request post(String path, String body) {
        return new Request("POST", path, Map.of(), AUTH, body);
    }

    static Request get(String path, Map<String, List<String>> query) {
        return new Request("GET", path, query, AUTH, "");
    }

    static List<Violation> answer(String method, String path, int status, String body) {
        return SPEC.checkResponse(Request.of(method, path), new Response(status, body.isEmpty() ? null : "application/json", body));
    }

    static void assertCaught(List<Violation> violations, String expectedPart) {
        assertFalse(violations.isEmpty(), "expected a violation about " + expectedPart);
        assertTrue(violations.toString().contains(expectedPart), violations.toString());
    }

    // ---- the valid controls --------------------------------------------------------------------

    @Test
    void validRequestsAndAnswersHaveNoViolations() {
        assertEquals(List.of(), SPEC.checkRequest(post(SESSION + "/messages", "{\"type\":\"user_message\",\"message\":\"hi\"}")));
        assertEquals(List.of(), SPEC.checkRequest(get(SESSION + "/changes", Map.of("from_index", List.of("3"),
                "wait_for_seconds", List.of("25")))));
        assertEquals(List.of(), answer("GET", SESSION + "/status", 200, "{\"status\":\"queued\",\"steps\":2}"));
        assertEquals(List.of(), answer("POST", SESSION + "/pause", 202, ""));
        assertEquals(List.of(), answer("GET", SESSION + "/changes", 204, ""));
    }

    @Test
    void aLiteralPathSegmentWinsOverATemplate() {
        assertEquals("GET /api/v2/sessions/quota", SPEC.operation("GET", "/api/v2/sessions/quota").orElseThrow().toString());
        assertEquals("GET /api/v2/sessions/{id}", SPEC.operation("GET", SESSION).orElseThrow().toString());
    }

    // ---- requests ------------------------------------------------------------------------------

    @Test
    void aBodyMissingARequiredFieldIsAViolation() {
        assertCaught(SPEC.checkRequest(post(SESSION + "/messages", "{\"type\":\"user_message\"}")), "message");
        assertCaught(SPEC.checkRequest(post("/api/v2/sessions", "{\"messages\":\"hi\"}")), "agent");
    }

    @Test
    void aWrongDiscriminatorValueOrNoneAtAllIsAViolation() {
        assertCaught(SPEC.checkRequest(post(SESSION + "/messages", "{\"type\":\"shout\",\"message\":\"hi\"}")), "shout");
        assertCaught(SPEC.checkRequest(post(SESSION + "/messages", "{\"message\":\"hi\"}")), "discriminator property 'type'");
        assertCaught(SPEC.checkRequest(post(SESSION + "/messages", "{\"type\":\"batch\",\"messages\":[{\"type\":\"batch\",\"message\":\"a\"}]}")),
                "user_message");
    }

    @Test
    void aWrongTypeOrAnExtraFieldWhereNoneIsAllowedIsAViolation() {
        assertCaught(SPEC.checkRequest(post(SESSION + "/messages", "{\"type\":\"user_message\",\"message\":42}")), "/message");
        assertCaught(SPEC.checkRequest(post(SESSION + "/messages", "{\"type\":\"batch\",\"messages\":[{\"message\":\"a\"}],\"x\":1}")),
                "'x'");
        assertCaught(SPEC.checkRequest(post("/api/v2/sessions", "{\"agent\":\"a\",\"idle_timeout_s\":0}")), "idle_timeout_s");
    }

    @Test
    void anUndeclaredQueryParameterIsAViolation() {
        assertCaught(SPEC.checkRequest(get("/api/v2/sessions", Map.of("order_by", List.of("created_at")))), "query order_by");
    }

    @Test
    void aQueryValueOutsideItsSchemaIsAViolation() {
        assertCaught(SPEC.checkRequest(get(SESSION + "/changes", Map.of("wait_for_seconds", List.of("26")))), "wait_for_seconds");
        assertCaught(SPEC.checkRequest(get(SESSION + "/changes", Map.of("from_index", List.of("abc")))), "from_index");
        assertCaught(SPEC.checkRequest(get(SESSION + "/changes", Map.of("include_events", List.of("maybe")))), "include_events");
        assertCaught(SPEC.checkRequest(get(SESSION + "/changes", Map.of("from_index", List.of("1", "2")))), "not an array");
        assertCaught(SPEC.checkRequest(get("/api/v2/sessions", Map.of("sort", List.of("newest")))), "sort");
        assertCaught(SPEC.checkRequest(get("/api/v2/sessions", Map.of("status", List.of("running", "sleeping")))), "sleeping");
        // The array form itself is fine: a repeated key is a list.
        assertEquals(List.of(), SPEC.checkRequest(get("/api/v2/sessions", Map.of("status", List.of("running", "idle")))));
    }

    @Test
    void aPathParameterOutsideItsSchemaIsAViolation() {
        assertCaught(SPEC.checkRequest(get("/api/v2/sessions/not-a-uuid/status", Map.of())), "path id");
    }

    @Test
    void anOperationTheSpecDoesNotHaveIsAViolation() {
        assertCaught(SPEC.checkRequest(new Request("PUT", SESSION + "/pause", Map.of(), AUTH, "")), "no operation");
        assertCaught(SPEC.checkRequest(get("/api/v2/session/" + ID, Map.of())), "no operation");
    }

    @Test
    void aMissingBearerOrABodyWhereNoneIsTakenIsAViolation() {
        assertCaught(SPEC.checkRequest(new Request("POST", SESSION + "/pause", Map.of(), Map.of(), "")), "HTTPBearer");
        assertCaught(SPEC.checkRequest(post(SESSION + "/pause", "{}")), "takes no body");
        assertCaught(SPEC.checkRequest(new Request("POST", SESSION + "/messages", Map.of(),
                Map.of("Authorization", "Bearer k", "Content-Type", "text/plain"), "hi")), "text/plain");
    }

    // ---- responses -----------------------------------------------------------------------------

    @Test
    void anAnswerMissingARequiredFieldOrWithAWrongEnumOrTypeIsAViolation() {
        assertCaught(answer("GET", SESSION + "/status", 200, "{\"steps\":2}"), "status");
        assertCaught(answer("GET", SESSION + "/status", 200, "{\"status\":\"sleeping\"}"), "sleeping");
        assertCaught(answer("GET", SESSION + "/status", 200, "{\"status\":\"running\",\"steps\":\"2\"}"), "/steps");
        assertCaught(answer("GET", SESSION, 200, "{\"id\":\"" + ID + "\",\"request\":{\"agent\":\"a\"},\"status\":{\"status\":\"running\"},"
                + "\"created_at\":\"yesterday\"}"), "created_at");
    }

    @Test
    void anUndeclaredStatusIsAViolationUnlessTheDocsDocumentIt() {
        assertCaught(answer("GET", SESSION + "/status", 500, "{\"message\":\"boom\"}"), "not declared");
        assertCaught(answer("POST", SESSION + "/pause", 200, ""), "not declared");
        assertEquals(List.of(), answer("GET", SESSION + "/status", 404, "{\"message\":\"Session not found\"}"));
        assertCaught(answer("GET", SESSION + "/status", 404, "{\"error\":\"not found\"}"), "documented error body");
    }

    @Test
    void aBodyWhereTheSpecDeclaresNoneOrNoBodyWhereItDeclaresOneIsAViolation() {
        assertCaught(answer("POST", SESSION + "/messages", 202, "{\"ok\":true}"), "declares no body");
        assertCaught(answer("GET", SESSION + "/status", 200, ""), "got none");
        assertCaught(SPEC.checkResponse(Request.of("GET", SESSION + "/status"), new Response(200, "text/html", "<p>")), "text/html");
    }

    @Test
    void aMalformedEventInChangesIsAViolationThoughTheCatchAllEventSchemaWouldTakeIt() {
        String badThought = "{\"type\":\"AgentEvent\",\"data\":{\"kind\":\"policy_event\",\"content\":3},\"timestamp\":\"2026-01-01T00:00:00Z\"}";
        // The spec's SessionEvent is anyOf [typed events, TrajectoryEvent]: on its own it says yes.
        assertEquals(List.of(), SPEC.validate("/components/schemas/SessionEvent", badThought));
        assertCaught(answer("GET", SESSION + "/changes", 200, "{\"status\":\"running\",\"new_events\":[" + badThought + "]}"),
                "new_events/0");
        assertCaught(answer("GET", SESSION + "/events", 200, "{\"items\":[" + badThought + "],\"total\":1,\"page\":1}"), "items/0");
    }

    @Test
    void anEventWithAWrongKindOrStatusIsAViolation() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertCaught(SPEC.checkEvent(json.readTree("{\"type\":\"AgentEvent\",\"data\":{\"kind\":\"nope\"},\"timestamp\":\"2026-01-01T00:00:00Z\"}")),
                "nope");
        assertCaught(SPEC.checkEvent(json.readTree("{\"type\":\"AgentRunStatusChangeEvent\",\"data\":{\"status\":\"idle\"},"
                + "\"timestamp\":\"2026-01-01T00:00:00Z\"}")), "idle");
        assertCaught(SPEC.checkEvent(json.readTree("{\"type\":\"EmulatorMysteryEvent\",\"data\":{}}")), "timestamp");
        assertEquals(List.of(), SPEC.checkEvent(json.readTree("{\"type\":\"EmulatorMysteryEvent\",\"data\":{},"
                + "\"timestamp\":\"2026-01-01T00:00:00Z\"}")), "an untyped event only has to be a TrajectoryEvent");
    }

    // ---- the allow-list ------------------------------------------------------------------------

    @Test
    void everyAllowListEntryIsStillNeededByTheSpecInUse() {
        assertFalse(SpecDeviations.UNDECLARED_STATUSES.isEmpty());
        for (SpecDeviations.UndeclaredStatus s : SpecDeviations.UNDECLARED_STATUSES) {
            OpenApiContract.Operation op = SPEC.operation(s.example())
                    .orElseThrow(() -> new AssertionError(s.example() + " is no longer in the spec: pick another example"));
            assertFalse(SPEC.declares(op, s.status()), "the spec (" + SPEC.specVersion() + ") now declares " + s.status()
                    + " for " + op + ": drop this entry from SpecDeviations and check the body against the spec");
        }
    }
}
