package dev.agentconsole.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The AGI side of the emulator against raw HTTP: the documented validation of POST /message, and the routes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgiApiRawHttpTest {

    Emulator emulator;
    RawH raw;
    String session;
    String message;

    @BeforeAll
    void start() {
        emulator = Emulator.start(0, ScriptClock.manual());
        raw = new RawH(emulator);
        session = emulator.createAgiSession();
        message = "/v1/sessions/" + session + "/message";
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("not JSON", "{nope", "json_invalid"),
                Arguments.of("no message", "{\"start_url\":\"https://a.example\"}", "missing"),
                Arguments.of("empty message", "{\"message\":\"\"}", "string_too_short"),
                Arguments.of("message not a string", "{\"message\":[\"a\"]}", "string_type"),
                Arguments.of("10,001 code points", "{\"message\":\"" + "🏯".repeat(10_001) + "\"}", "string_too_long"),
                Arguments.of("a lone surrogate", "{\"message\":\"bad \\ud800 char\"}", "string_unicode"),
                Arguments.of("an extra field", "{\"message\":\"hi\",\"images\":[]}", "extra_forbidden"),
                Arguments.of("start_url not http", "{\"message\":\"hi\",\"start_url\":\"ftp://files.example\"}", "url_scheme"),
                Arguments.of("start_url over 2,000", "{\"message\":\"hi\",\"start_url\":\"https://a.example/" + "p".repeat(2_000) + "\"}",
                        "string_too_long"),
                Arguments.of("start_url not a string", "{\"message\":\"hi\",\"start_url\":5}", "string_type"));
    }

    @ParameterizedTest(name = "{0} -> 422 {2}")
    @MethodSource("badBodies")
    void badMessagesAreRefusedAsDocumented(String what, String body, String type) {
        RawH.Answer a = raw.call("POST", message, body);
        assertEquals(422, a.status(), a.raw().body());
        assertEquals(type, a.body().path("detail").get(0).path("type").asText(), a.raw().body());
        assertEquals(0, emulator.receivedMessages(session).size());
    }

    @Test
    void invalidUtf8BytesAreRefused() throws Exception {
        byte[] body = {'{', '"', 'm', 'e', 's', 's', 'a', 'g', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + message))
                .header("Authorization", "Bearer " + emulator.token()).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(422, r.statusCode(), r.body());
        assertEquals(0, emulator.receivedMessages(session).size());
    }

    @Test
    void exactlyTenThousandCodePointsAreAccepted() {
        String other = emulator.createAgiSession();
        RawH.Answer a = raw.call("POST", "/v1/sessions/" + other + "/message", "{\"message\":\"" + "🏯".repeat(10_000) + "\"}");
        assertEquals(200, a.status(), a.raw().body());
        assertTrue(a.body().path("success").asBoolean());
        assertEquals("Message sent successfully", a.body().path("message").asText());
    }

    @Test
    void authAndUnknownSessionsAndRoutes() {
        assertEquals(401, raw.call("GET", "/v1/sessions", null, null).status());
        assertEquals(401, raw.call("GET", "/v1/sessions", null, "Bearer nope").status());
        assertEquals(404, raw.call("POST", "/v1/sessions/00000000-0000-4000-8000-000000000000/message", "{\"message\":\"hi\"}").status());
        assertEquals(404, raw.call("GET", "/v1/sessions/" + session + "/teleport", null).status());
        assertEquals(405, raw.call("GET", message, null).status());
        assertEquals("int_parsing", raw.call("GET", "/v1/sessions/" + session + "/messages?after_id=x", null)
                .body().path("detail").get(0).path("type").asText());
    }

    @Test
    void sessionsAreListedAsABareArrayAndCreatedReady() {
        RawH.Answer created = raw.call("POST", "/v1/sessions", "{\"agent_name\":\"agi-0-fast\"}");
        assertEquals(201, created.status());
        assertEquals("ready", created.body().path("status").asText());
        assertTrue(created.body().path("vnc_url").asText().startsWith(emulator.baseUrl()));
        RawH.Answer list = raw.call("GET", "/v1/sessions", null);
        assertTrue(list.body().isArray() && list.body().size() >= 2);
        assertEquals(400, raw.call("POST", "/v1/sessions", "{\"agent_name\":\"agi-99\"}").status());
    }

    @Test
    void navigateValidatesTheUrlAndAnswersTheCurrentOne() {
        RawH.Answer ok = raw.call("POST", "/v1/sessions/" + session + "/navigate", "{\"url\":\"https://www.apple.com\"}");
        assertEquals("https://www.apple.com", ok.body().path("current_url").asText());
        assertEquals(422, raw.call("POST", "/v1/sessions/" + session + "/navigate", "{\"url\":\"javascript:alert(1)\"}").status());
    }
}
