package dev.agentconsole.agent.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A key a server echoes back is taken out after decoding, whatever form the echo takes. */
class RedactionTest {

    static final String KEY = "sk/SEC/0123456789abcdef+xyz";
    final Redaction redaction = Redaction.of(KEY);
    final ObjectMapper json = new ObjectMapper();

    private static String unicodeEscaped(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(String.format("\\u%04x", c)));
        return b.toString();
    }

    private void assertClean(String shown) {
        assertFalse(shown.contains(KEY), shown);
        assertFalse(shown.contains("0123456789abcdef"), "no recognisable part of the key: " + shown);
    }

    @Test
    void jsonEscapesAreDecodedBeforeTheKeyIsLookedFor() throws Exception {
        String slashes = KEY.replace("/", "\\/");
        for (String echoed : new String[] {slashes, unicodeEscaped(KEY), "sk\\/SEC\\/" + unicodeEscaped("0123456789abcdef+xyz")}) {
            JsonNode tree = json.readTree("{\"message\":\"invalid key: " + echoed + "\",\"detail\":[{\"msg\":\"" + echoed + "\"}]}");
            assertClean(redaction.apply(tree).toString());
            assertTrue(tree.path("message").asText().contains(ApiToken.REDACTED));
        }
    }

    @Test
    void escapedEchoesInTextThatIsNotJsonAreCaughtToo() {
        assertClean(redaction.apply("<html>bad key " + KEY.replace("/", "\\/") + "</html>"));
        assertClean(redaction.apply("bad key " + unicodeEscaped(KEY)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 7})
    void aKeyInsideBase64IsCaughtAtAnyAlignment(int before) {
        String payload = "x".repeat(before) + "Authorization: Bearer " + KEY + " and more";
        for (Base64.Encoder encoder : new Base64.Encoder[] {Base64.getEncoder(), Base64.getUrlEncoder()}) {
            String echoed = encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
            String shown = redaction.apply("{\"token\":\"" + echoed + "\"}");
            assertTrue(shown.contains(ApiToken.REDACTED), shown);
            String left = shown.replace(ApiToken.REDACTED, "");
            assertFalse(decodesToKey(left), "what is left does not decode to the key");
        }
    }

    private static boolean decodesToKey(String text) {
        for (String part : text.split("[^A-Za-z0-9+/=_-]")) {
            try {
                if (new String(Base64.getMimeDecoder().decode(part), StandardCharsets.ISO_8859_1).contains("0123456789")) {
                    return true;
                }
            } catch (IllegalArgumentException notBase64) {
                // not a base64 run
            }
        }
        return false;
    }

    @Test
    void urlEncodedEchoesAreCaught() {
        assertClean(redaction.apply("https://evil.example/?k=" + URLEncoder.encode(KEY, StandardCharsets.UTF_8)));
        StringBuilder every = new StringBuilder();
        KEY.chars().forEach(c -> every.append(String.format("%%%02X", c)));
        assertClean(redaction.apply("k=" + every));
    }

    @Test
    void textWithoutTheKeyIsLeftAsItIs() {
        String text = "a 50% discount \\ and \\u00e9t\\u00e9 stay as written";
        assertEquals(text, redaction.apply(text));
        assertEquals(text, Redaction.NONE.apply(text));
    }

    @Test
    void anErrorBodyEchoingTheKeyIsRedactedOnceDecoded() {
        var error = new ErrorDecoder(json).decode(400, ("{\"message\":\"key " + KEY.replace("/", "\\/") + " is not valid\"}")
                .getBytes(StandardCharsets.UTF_8), Optional.empty(), redaction);
        assertClean(error.summary());
        assertTrue(error.summary().contains(ApiToken.REDACTED), error.summary());
    }
}
