package dev.agentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ScriptClock;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input at the command line: each case exits 2 with a message that names the problem, and
 * the emulator it points at receives nothing at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliBadInputTest {

    @TempDir
    static Path files;

    static Emulator emulator;
    static String url;
    static String session;
    static String agiSession;
    static Map<String, String> env;

    @BeforeAll
    static void start() throws IOException {
        emulator = Emulator.start(0, ScriptClock.manual());
        url = emulator.baseUrl();
        session = emulator.createDemoSession();
        agiSession = emulator.createAgiSession();
        env = Map.of("HAI_API_KEY", emulator.token(), "AGI_API_KEY", emulator.token());
        Files.write(files.resolve("empty.png"), new byte[0]);
        Files.writeString(files.resolve("notes.png"), "these are my notes, not a picture");
        Files.writeString(files.resolve("drawing.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Files.createDirectories(files.resolve("folder.png"));
        try (RandomAccessFile big = new RandomAccessFile(files.resolve("huge.png").toFile(), "rw")) {
            big.setLength(200L * 1024 * 1024); // sparse: refused from its size, never read
        }
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static String[] h(String... rest) {
        List<String> args = new ArrayList<>(List.of("send", "--provider", "hcompany", "--base-url", url, "--session", session));
        args.addAll(List.of(rest));
        return args.toArray(String[]::new);
    }

    static String img(String name) {
        return files.resolve(name).toString();
    }

    static Stream<Arguments> cases() {
        String sid = session;
        return Stream.of(
                Arguments.of("blank message", h("   "), "only white space"),
                Arguments.of("empty message", h(""), "the message is empty"),
                Arguments.of("broken character", h("bad \uD800 char"), "lone UTF-16 surrogate"),
                Arguments.of("no message at all", h(), "Missing required parameter: 'MESSAGE'"),
                Arguments.of("unknown option", h("--bogus", "hi"), "Unknown option: '--bogus'"),
                Arguments.of("malformed session id", new String[] {"send", "--provider", "hcompany", "--base-url", url,
                        "--session", "3f2b8c1e-0a4d-4e5f-9b6a", "hi"}, "is not a UUID"),
                Arguments.of("session id with a bad character", new String[] {"send", "--provider", "hcompany", "--base-url", url,
                        "--session", "3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2z", "hi"}, "only hex digits"),
                Arguments.of("missing session", new String[] {"send", "--provider", "hcompany", "--base-url", url, "hi"},
                        "--session is required"),
                Arguments.of("unknown provider", new String[] {"send", "--provider", "openai", "hi"}, "unknown provider 'openai'"),
                Arguments.of("session with the demo", new String[] {"send", "--session", sid, "hi"},
                        "--session does not go with --provider demo"),
                Arguments.of("base URL with the demo", new String[] {"send", "--base-url", url, "hi"},
                        "--base-url does not go with --provider demo"),
                Arguments.of("token over plain http to another host", new String[] {"send", "--provider", "hcompany",
                        "--base-url", "http://agents.example.com", "--session", sid, "hi"}, "refusing to send an API key over plain http"),
                Arguments.of("base URL that is no URL", new String[] {"send", "--provider", "hcompany",
                        "--base-url", "agp.eu.hcompany.ai", "--session", sid, "hi"}, "is not an http:// or https:// URL"),
                Arguments.of("base URL with a query", new String[] {"send", "--provider", "hcompany",
                        "--base-url", url + "/?debug=1", "--session", sid, "hi"}, "must not carry a query"),
                Arguments.of("blank caller id", h("--caller-id", " ", "hi"), "--caller-id is blank"),
                Arguments.of("blank line in a batch", h("--batch", "first", "  ", "third"), "line 2 of the batch"),
                Arguments.of("image that does not exist", h("--image", img("missing.png"), "hi"), "does not exist"),
                Arguments.of("empty image file", h("--image", img("empty.png"), "hi"), "is empty (0 bytes)"),
                Arguments.of("text file named .png", h("--image", img("notes.png"), "hi"), "is not an image the console can send"),
                Arguments.of("SVG image", h("--image", img("drawing.svg"), "hi"), "is an SVG drawing"),
                Arguments.of("folder as image", h("--image", img("folder.png"), "hi"), "is a folder"),
                Arguments.of("200 MB image", h("--image", img("huge.png"), "hi"), "the largest file the console reads is 50 MB"),
                Arguments.of("a message over H's request limit", h("x".repeat(5_000_001)), "over H's limit of 5,000,000"),
                Arguments.of("negative --from", new String[] {"watch", "--provider", "hcompany", "--base-url", url, "--session", sid,
                        "--from", "-1"}, "--from must be 0 or more"),
                Arguments.of("port out of range", new String[] {"emulator", "--port", "70000"}, "--port must be 0 to 65535"),
                Arguments.of("an image on AGI", new String[] {"send", "--provider", "agi", "--base-url", url, "--session", agiSession,
                        "--image", "src/test/resources/images/small.png", "look"}, "AGI takes no images"),
                Arguments.of("a start URL on H", h("--start-url", "https://booking.example", "go"), "H takes no start URL"),
                Arguments.of("a start URL that is not http", new String[] {"send", "--provider", "agi", "--base-url", url,
                        "--session", agiSession, "--start-url", "file:///etc/passwd", "go"}, "must begin with http:// or https://"),
                Arguments.of("a message over AGI's 10,000", new String[] {"send", "--provider", "agi", "--base-url", url,
                        "--session", agiSession, "x".repeat(10_001)}, "1 over AGI's limit of 10,000"),
                Arguments.of("a bad fault spec", new String[] {"emulator", "--port", "0", "--fault", "explode"}, "--fault: unknown key 'explode'"),
                Arguments.of("demo pace that is no number", new String[] {"watch"}, "AGENT_CONSOLE_DEMO_STEP_MS must be"),
                Arguments.of("watch without session", new String[] {"watch", "--provider", "hcompany", "--base-url", url},
                        "--session is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputExitsTwoWithASpecificMessageAndSendsNothing(String what, String[] args, String expected) {
        long before = emulator.requestCount();
        Map<String, String> environment = new java.util.HashMap<>(env);
        environment.put("AGENT_CONSOLE_DEMO_STEP_MS", what.startsWith("demo pace") ? "fast" : "");
        CliRun run = CliRun.of(environment, args);
        assertEquals(ExitCodes.BAD_INPUT, run.code(), what + "\nstdout: " + run.out() + "\nstderr: " + run.err());
        assertTrue(run.err().contains(expected), what + ": expected '" + expected + "' in\n" + run.err());
        assertEquals(before, emulator.requestCount(), what + ": nothing reaches the server");
        assertFalse(run.err().contains(emulator.token()), "the token is never printed");
        assertEquals(0, emulator.receivedMessages(session).size());
        assertEquals(0, emulator.receivedMessages(agiSession).size());
    }

    @ParameterizedTest(name = "no token in {0}")
    @MethodSource("tokenlessEnvironments")
    void aMissingTokenNamesTheVariablesToSet(String what, Map<String, String> environment) {
        CliRun run = CliRun.of(environment, h("hi"));
        assertEquals(ExitCodes.BAD_INPUT, run.code());
        assertTrue(run.err().contains("set HAI_API_KEY (or H_API_KEY) in the environment"), run.err());
        assertEquals(0, emulator.receivedMessages(session).size());
    }

    static Stream<Arguments> tokenlessEnvironments() {
        return Stream.of(Arguments.of("an empty environment", Map.of()),
                Arguments.of("a blank HAI_API_KEY", Map.of("HAI_API_KEY", "  ")),
                Arguments.of("only the AGI key", Map.of("AGI_API_KEY", "agi-123")));
    }

    @org.junit.jupiter.api.Test
    void aMissingAgiTokenNamesAgiApiKey() {
        CliRun run = CliRun.of(Map.of("HAI_API_KEY", "hk-1"), "send", "--provider", "agi", "--base-url", url, "--session", agiSession, "hi");
        assertEquals(ExitCodes.BAD_INPUT, run.code());
        assertTrue(run.err().contains("set AGI_API_KEY in the environment"), run.err());
    }
}
