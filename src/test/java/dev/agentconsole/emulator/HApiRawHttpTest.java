package dev.agentconsole.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The emulator against raw HTTP carrying every bad input the real server refuses, answered with
 * the status and body the official spec gives (pydantic 422s, H's {"message"} errors).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HApiRawHttpTest {

    Emulator emulator;
    RawH raw;
    String session;
    String messages;

    @BeforeAll
    void start() {
        emulator = Emulator.start(0, ScriptClock.manual());
        raw = new RawH(emulator);
        session = emulator.createDemoSession();
        messages = "/api/v2/sessions/" + session + "/messages";
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    static Stream<Arguments> badMessageBodies() {
        String big = "{\"type\":\"user_message\",\"message\":\"" + "x".repeat(5_000_001) + "\"}";
        return Stream.of(
                Arguments.of("not JSON", "{oops", 422, "json_invalid"),
                Arguments.of("empty body", "", 422, "missing"),
                Arguments.of("a JSON array", "[1,2]", 422, "model_attributes_type"),
                Arguments.of("no type", "{\"message\":\"hi\"}", 422, "union_tag_not_found"),
                Arguments.of("unknown type", "{\"type\":\"shout\",\"message\":\"hi\"}", 422, "union_tag_invalid"),
                Arguments.of("no message", "{\"type\":\"user_message\"}", 422, "missing"),
                Arguments.of("message not a string", "{\"type\":\"user_message\",\"message\":42}", 422, "string_type"),
                Arguments.of("caller_id not a string", "{\"type\":\"user_message\",\"message\":\"hi\",\"caller_id\":1}", 422, "string_type"),
                Arguments.of("images not a list", "{\"type\":\"user_message\",\"message\":\"hi\",\"images\":\"x\"}", 422, "list_type"),
                Arguments.of("image not a data URI", "{\"type\":\"user_message\",\"message\":\"hi\",\"images\":[\"http://x/a.png\"]}", 422, "value_error"),
                Arguments.of("image with broken base64", "{\"type\":\"user_message\",\"message\":\"hi\",\"images\":[\"data:image/png;base64,@@@\"]}", 422, "value_error"),
                Arguments.of("empty batch", "{\"type\":\"batch\",\"messages\":[]}", 422, "too_short"),
                Arguments.of("batch without messages", "{\"type\":\"batch\"}", 422, "missing"),
                Arguments.of("batch with an extra field", "{\"type\":\"batch\",\"messages\":[{\"message\":\"a\"}],\"x\":1}", 422, "extra_forbidden"),
                Arguments.of("batch line without message", "{\"type\":\"batch\",\"messages\":[{\"type\":\"user_message\"}]}", 422, "missing"),
                Arguments.of("batch line of another type", "{\"type\":\"batch\",\"messages\":[{\"type\":\"batch\",\"message\":\"a\"}]}", 422, "literal_error"),
                Arguments.of("body over 5,000,000 bytes", big, 413, null));
    }

    @ParameterizedTest(name = "{0} -> {2} {3}")
    @MethodSource("badMessageBodies")
    void badMessageBodiesAreRefusedLikeTheRealServer(String what, String body, int status, String detailType) {
        int before = emulator.receivedMessages(session).size();
        RawH.Answer a = raw.call("POST", messages, body);
        assertEquals(status, a.status(), what + ": " + a.raw().body());
        if (detailType != null) {
            JsonNode first = a.body().path("detail").get(0);
            assertEquals(detailType, first.path("type").asText(), a.raw().body());
            assertTrue(first.path("loc").isArray() && first.path("msg").isTextual(), a.raw().body());
        } else {
            assertTrue(a.body().path("message").isTextual(), a.raw().body());
        }
        assertEquals(before, emulator.receivedMessages(session).size(), "nothing was delivered");
    }

    @Test
    void noTokenIs401WithAMessageAndAChallenge() {
        RawH.Answer a = raw.call("GET", "/api/v2/sessions/" + session, null, null);
        assertEquals(401, a.status());
        assertTrue(a.body().path("message").isTextual());
        assertEquals("Bearer", a.raw().headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void aWrongTokenIs401() {
        assertEquals(401, raw.call("POST", messages, "{\"type\":\"user_message\",\"message\":\"hi\"}", "Bearer hk-wrong").status());
        assertEquals(401, raw.call("POST", messages, "{\"type\":\"user_message\",\"message\":\"hi\"}", emulator.token()).status());
    }

    @Test
    void aMalformedSessionIdIs422OnThePathAndAnUnknownOneIs404() {
        RawH.Answer bad = raw.call("GET", "/api/v2/sessions/not-a-uuid/status", null);
        assertEquals(422, bad.status());
        assertEquals("uuid_parsing", bad.body().path("detail").get(0).path("type").asText());
        assertEquals("[\"path\",\"id\"]", bad.body().path("detail").get(0).path("loc").toString());
        RawH.Answer unknown = raw.call("POST", "/api/v2/sessions/00000000-0000-4000-8000-000000000000/messages",
                "{\"type\":\"user_message\",\"message\":\"hi\"}");
        assertEquals(404, unknown.status());
        assertEquals("Session not found", unknown.body().path("message").asText());
    }

    @Test
    void changesQueryParametersAreValidated() {
        String changes = "/api/v2/sessions/" + session + "/changes";
        assertEquals("greater_than_equal", detailType(raw.call("GET", changes + "?from_index=-1", null)));
        assertEquals("int_parsing", detailType(raw.call("GET", changes + "?from_index=abc", null)));
        assertEquals("less_than_equal", detailType(raw.call("GET", changes + "?wait_for_seconds=26", null)));
        assertEquals("bool_parsing", detailType(raw.call("GET", changes + "?include_events=maybe", null)));
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405() {
        assertEquals(404, raw.call("GET", "/api/v3/sessions", null).status());
        assertEquals(404, raw.call("GET", "/api/v2/sessions/" + session + "/nope", null).status());
        assertEquals(405, raw.call("PUT", "/api/v2/sessions/" + session + "/pause", null).status());
        assertEquals(405, raw.call("GET", messages, null).status());
    }

    @Test
    void createValidatesItsBody() {
        assertEquals("missing", detailType(raw.call("POST", "/api/v2/sessions", "{}")));
        assertEquals("greater_than", detailType(raw.call("POST", "/api/v2/sessions", "{\"agent\":\"a\",\"idle_timeout_s\":0}")));
        assertEquals("int_type", detailType(raw.call("POST", "/api/v2/sessions", "{\"agent\":\"a\",\"max_steps\":\"many\"}")));
    }

    @Test
    void aValidMessageIs202WithNoBodyAndIsEchoedIntoTheStream() {
        int before = emulator.receivedMessages(session).size();
        RawH.Answer a = raw.call("POST", messages, "{\"type\":\"user_message\",\"message\":\"the cheaper one\",\"caller_id\":\"ops\"}");
        assertEquals(202, a.status());
        assertNull(a.body());
        List<ReceivedMessage> got = emulator.receivedMessages(session);
        assertEquals(before + 1, got.size());
        assertEquals("the cheaper one", got.get(got.size() - 1).text());
        assertEquals("ops", got.get(got.size() - 1).callerId());
        JsonNode changes = raw.call("GET", "/api/v2/sessions/" + session + "/changes", null).body();
        JsonNode last = changes.path("new_events").get(changes.path("new_events").size() - 1);
        boolean echoed = false;
        for (JsonNode e : changes.path("new_events")) {
            echoed |= e.path("data").path("kind").asText().equals("message_event")
                    && e.path("data").path("caller_id").asText().equals("ops")
                    && e.path("data").path("content").get(0).asText().equals("the cheaper one");
        }
        assertTrue(echoed, changes.toString());
        assertTrue(last.has("timestamp") && last.has("type") && last.has("data"));
    }

    @Test
    void aCreateRepeatedWithTheSameIdempotencyKeyMakesOneSession() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        String body = "{\"agent\":\"demo-web-agent\",\"messages\":\"find a hotel\",\"idle_timeout_s\":60}";
        String[] ids = new String[2];
        for (int i = 0; i < 2; i++) {
            var r = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(emulator.baseUrl() + "/api/v2/sessions"))
                    .header("Authorization", "Bearer " + emulator.token()).header("Idempotency-Key", "key-123")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(201, r.statusCode());
            ids[i] = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("id").asText();
        }
        assertEquals(ids[0], ids[1]);
    }

    private static String detailType(RawH.Answer a) {
        assertEquals(422, a.status(), a.raw().body());
        return a.body().path("detail").get(0).path("type").asText();
    }
}
