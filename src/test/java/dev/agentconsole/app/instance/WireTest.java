package dev.agentconsole.app.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The socket's wire form: what goes out comes back the same; what the receiver cannot accept is refused in words. */
class WireTest {

    static final String SESSION = "3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b";

    static Stream<OpenRequest> requests() {
        return Stream.of(
                OpenRequest.bare(),
                new OpenRequest(Optional.of(Provider.DEMO), Optional.empty(), Optional.empty(), Optional.empty()),
                new OpenRequest(Optional.of(Provider.AGI), Optional.empty(), Optional.of(SESSION), Optional.empty()),
                new OpenRequest(Optional.of(Provider.HCOMPANY), Optional.of("https://agp.eu.hcompany.ai/base/path"),
                        Optional.of(SESSION), Optional.of("night \"shift\" \\ café 東京 🚀")),
                new OpenRequest(Optional.of(Provider.HCOMPANY), Optional.of("http://127.0.0.1:8377"), Optional.empty(),
                        Optional.of("ops")),
                new OpenRequest(Optional.of(Provider.HCOMPANY), Optional.of("https://staging.example.com"), Optional.of(SESSION),
                        Optional.empty(), Optional.of("Staging \"EU\" 東京")));
    }

    @Test
    void aProfileNameWithAControlCharacterOrBlankIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OpenRequest(Optional.of(Provider.AGI), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("ops\u001b[2J")));
        assertThrows(IllegalArgumentException.class, () -> new OpenRequest(Optional.of(Provider.AGI), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("  ")));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void aRequestComesBackAsItWentOutOnOneLine(OpenRequest request) {
        byte[] line = Wire.encode(request);
        assertEquals('\n', line[line.length - 1]);
        byte[] withoutNewline = Arrays.copyOf(line, line.length - 1);
        assertFalse(new String(withoutNewline, StandardCharsets.UTF_8).contains("\n"));
        assertEquals(request, Wire.decode(withoutNewline));
    }

    @Test
    void aSessionIdIsNormalisedBeforeItTravels() {
        OpenRequest r = new OpenRequest(Optional.of(Provider.AGI), Optional.empty(), Optional.of(" " + SESSION.toUpperCase() + " "),
                Optional.empty());
        assertEquals(Optional.of(SESSION), r.session());
    }

    @Test
    void repliesSayOkOrWhyNot() {
        assertEquals(new Wire.Reply(true, Optional.empty()), Wire.decodeReply(strip(Wire.ok())));
        assertEquals(new Wire.Reply(false, Optional.of("no ?such thing")), Wire.decodeReply(strip(Wire.error("no \u001bsuch thing"))));
        assertEquals(new Wire.Reply(true, Optional.empty()), Wire.decodeReply(bytes("{\"ok\":true,\"v\":2,\"more\":[1]}")));
        assertThrows(IllegalArgumentException.class, () -> Wire.decodeReply(bytes("ok")));
        assertThrows(IllegalArgumentException.class, () -> Wire.decodeReply(bytes("{\"v\":1}")));
    }

    static Stream<Arguments> refused() {
        String s = "\"session\":\"" + SESSION + "\"";
        return Stream.of(
                Arguments.of("garbage", "not valid JSON"),
                Arguments.of("", "not a JSON object"),
                Arguments.of("[1,2]", "not a JSON object"),
                Arguments.of("\"agi\"", "not a JSON object"),
                Arguments.of("{\"v\":1,", "not valid JSON"),
                Arguments.of("{\"provider\":\"agi\"}", "no version field"),
                Arguments.of("{\"v\":2,\"provider\":\"agi\"}", "version 2 is not spoken here"),
                Arguments.of("{\"v\":\"1\"}", "'v' is not a small whole number"),
                Arguments.of("{\"v\":1.0}", "'v' is not a small whole number"),
                Arguments.of("{\"v\":99999999999}", "'v' is not a small whole number"),
                Arguments.of("{\"v\":1}{\"v\":1}", "more than one JSON value"),
                Arguments.of("{\"v\":1} x", "not valid JSON"),
                Arguments.of("{\"v\":1,\"v\":1}", "not valid JSON: Duplicate field 'v'"),
                Arguments.of("{\"v\":1,\"provider\":\"openai\"}", "unknown provider 'openai'"),
                Arguments.of("{\"v\":1,\"provider\":\"AGI\"," + s + "}", "unknown provider 'AGI'"),
                Arguments.of("{\"v\":1,\"provider\":7}", "'provider' is not a string"),
                Arguments.of("{\"v\":1,\"provider\":null}", "'provider' is not a string"),
                Arguments.of("{\"v\":1,\"provider\":\"agi\",\"session\":\"not-a-uuid\"}", "is not a UUID"),
                Arguments.of("{\"v\":1,\"provider\":\"agi\",\"session\":{\"id\":1}}", "'session' is not a string"),
                Arguments.of("{\"v\":1," + s + "}", "the demo takes no session id"),
                Arguments.of("{\"v\":1,\"provider\":\"agi\"," + s + ",\"apiKey\":\"sk-secret-123\"}", "unknown field 'apiKey'"),
                Arguments.of("{\"v\":1,\"provider\":\"agi\",\"session\":\"" + SESSION + "\\u0007\"}", "control character"),
                Arguments.of("{\"v\":1,\"provider\":\"hcompany\",\"callerId\":\"a\\u001b[2Jb\"}", "control character"),
                Arguments.of("{\"v\":1,\"provider\":\"hcompany\",\"callerId\":\"a\\u0085b\"}", "control character"),
                Arguments.of("{\"v\":1,\"provider\":\"hcompany\",\"callerId\":\"  \"}", "caller id is blank"),
                Arguments.of("{\"v\":1,\"provider\":\"hcompany\",\"baseUrl\":\"http://example.com\"}", "plain http"),
                Arguments.of("{\"v\":1,\"provider\":\"hcompany\",\"baseUrl\":\"ftp://example.com\"}", "not an http:// or https:// URL"),
                Arguments.of("{\"v\":1,\"provider\":\"hcompany\",\"baseUrl\":\"https://x.example/?key=1\"}", "query or fragment"),
                Arguments.of("{\"v\":1,\"provider\":\"hcompany\",\"baseUrl\":\"\"}", "base URL is empty"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void whatTheReceiverCannotAcceptIsRefusedInWords(String line, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Wire.decode(bytes(line)));
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertFalse(e.getMessage().contains("sk-secret-123"), "a key-like value is never echoed");
        assertTrue(e.getMessage().codePoints().noneMatch(Character::isISOControl), e.getMessage());
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] line = bytes("{\"v\":1,\"provider\":\"hcompany\",\"callerId\":\"ab\"}");
        line[line.length - 3] = (byte) 0xff;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Wire.decode(line)).getMessage().contains("not valid UTF-8"));
    }

    @Test
    void aLineOverTheLimitIsRefusedBothWays() {
        byte[] huge = new byte[Wire.MAX_BYTES + 1];
        Arrays.fill(huge, (byte) ' ');
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Wire.decode(huge)).getMessage().contains("longer than 8192"));
        OpenRequest tooBig = new OpenRequest(Optional.of(Provider.HCOMPANY), Optional.empty(), Optional.empty(),
                Optional.of("c".repeat(Wire.MAX_BYTES)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Wire.encode(tooBig)).getMessage().contains("longer than 8192"));
    }

    @Test
    void anErrorReplyIsOneShortLineWhateverTheReason() {
        byte[] reply = Wire.error("x".repeat(20_000) + "\n\r\u0000");
        assertTrue(reply.length < 1000);
        assertEquals(1, List.of(new String(reply, StandardCharsets.UTF_8).split("\n", -1)).size() - 1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] strip(byte[] line) {
        return Arrays.copyOf(line, line.length - 1);
    }
}
