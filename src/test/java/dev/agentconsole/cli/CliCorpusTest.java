package dev.agentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.app.profiles.Profile;
import dev.agentconsole.app.profiles.Profiles;
import dev.agentconsole.attach.TestImages;
import dev.agentconsole.corpus.Expected;
import dev.agentconsole.corpus.Sent;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ReceivedMessage;
import dev.agentconsole.emulator.ScriptClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@link CliCorpus}: each command line in-process against the emulator, each row with fresh
 * sessions, checking its exit code, the words that name the problem, what the emulator received
 * (nothing at all, or the message exactly once), and that no output carries a raw control
 * character or the key.
 */
class CliCorpusTest {

    @TempDir
    static Path dir;

    static Emulator emulator;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(0, ScriptClock.manual());
        Files.write(dir.resolve("empty.png"), new byte[0]);
        Files.writeString(dir.resolve("notes.png"), "these are my notes, not a picture");
        Files.writeString(dir.resolve("notes"), "private notes: the safe code is 4711");
        Files.writeString(dir.resolve("args"), "--session 3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b hi");
        Files.writeString(dir.resolve("drawing.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Files.createDirectories(dir.resolve("folder.png"));
        try (RandomAccessFile big = new RandomAccessFile(dir.resolve("huge.png").toFile(), "rw")) {
            big.setLength(200L * 1024 * 1024); // sparse: refused from its size, never read
        }
        byte[] png = TestImages.encode(TestImages.screenshot(400, 300), "png");
        Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, 100));
        Files.write(dir.resolve("giant.png"), TestImages.pngHeaderOnly(30_000, 30_000));
        byte[] jpeg = TestImages.encode(TestImages.screenshot(400, 300), "jpg");
        Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        Files.write(dir.resolve("still.gif"), TestImages.encode(TestImages.screenshot(320, 200), "gif"));
        // profiles: "emu" names the emulator; files to import
        Profiles.load(dir).add(Profile.of("emu", Provider.HCOMPANY, emulator.baseUrl()));
        String entry = "{\"name\":\"%s\",\"provider\":\"agi\",\"baseUrl\":\"https://api.agi.tech\"%s}";
        Files.writeString(dir.resolve("leaky.json"), "{\"version\":1,\"profiles\":[" + String.format(entry, "team", "") + ","
                + String.format(entry, "leak", ",\"token\":\"agi-live-123\"") + "]}");
        Files.writeString(dir.resolve("team.json"), "{\"version\":1,\"profiles\":[" + String.format(entry, "EMU", "") + "]}");
        if (isLinux()) {
            assertEquals(0, new ProcessBuilder("mkfifo", dir.resolve("fifo").toString()).start().waitFor());
        }
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static boolean isLinux() {
        return System.getProperty("os.name", "").startsWith("Linux");
    }

    static Stream<CliRow> rows() {
        return CliCorpus.rows().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    @Timeout(60) // a guard: a row that hangs (an emulator that starts, a FIFO opened) fails instead of stalling the build
    void eachCommandLineHasItsOutcome(CliRow row) throws IOException {
        Assumptions.assumeTrue(isLinux() || !(row.command().contains("/dev/") || row.command().contains("/proc/")
                || row.command().contains("{dir}/fifo")), "Linux's special files");
        String hid = emulator.createDemoSession();
        String agiid = emulator.createAgiSession();
        Map<String, String> values = Map.of("url", emulator.baseUrl(), "hid", hid, "agiid", agiid, "dir", dir.toString(),
                "token", emulator.token());
        Map<String, String> env = new HashMap<>(Map.of("HAI_API_KEY", emulator.token(), "AGI_API_KEY", emulator.token(),
                "AGENT_CONSOLE_DEMO_STEP_MS", "30"));
        row.env().forEach((k, v) -> {
            if (v == null) {
                env.remove(k);
            } else {
                env.put(k, CorpusCommand.fill(v, values));
            }
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(env, new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(CorpusCommand.bytes(row.stdin().map(s -> CorpusCommand.fill(s, values)).orElse(""))),
                (provider, baseUrl, session, callerId, profile, dataDir, smoke) -> {
                    out.write("window: " + provider.map(p -> p.cliName()).orElse("demo") + ", "
                            + session.map(s -> "session " + s).orElse("no session") + "\n");
                    return ExitCodes.OK;
                });
        List<byte[]> argv = CorpusCommand.arguments(row.command(), values);
        long requestsBefore = emulator.requestCount();
        int code = row.command().contains("\\x") ? Cli.run(argv, context)
                : Cli.run(argv.stream().map(a -> new String(a, StandardCharsets.UTF_8)).toArray(String[]::new), context);

        Expected expected = row.expected();
        String shown = "stdout: " + out + "\nstderr: " + err;
        assertEquals(expected.exit().getAsInt(), code, shown);
        assertTrue((out + "\n" + err).contains(CorpusCommand.fill(expected.says(), values)),
                "expected '" + expected.says() + "' in\n" + shown);
        CliTerminalEscapesTest.assertNoControls(out.toString());
        CliTerminalEscapesTest.assertNoControls(err.toString());
        assertFalse((out + err.toString()).contains(emulator.token()), "the key is never printed");
        List<ReceivedMessage> received = new ArrayList<>(emulator.receivedMessages(hid));
        received.addAll(emulator.receivedMessages(agiid));
        if (expected.sent() == Sent.NOTHING) {
            assertEquals(requestsBefore, emulator.requestCount(), "nothing reached the server\n" + shown);
        } else {
            List<String> texts = received.stream().map(ReceivedMessage::text).toList();
            List<String> want = expected.arrives().stream().map(t -> CorpusCommand.fill(t, values)).toList();
            assertEquals(want.isEmpty() ? 1 : want.size(), texts.size(), "arrived once: " + texts);
            if (!want.isEmpty()) {
                assertEquals(want, texts);
            }
        }
    }
}
