package dev.agentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.DataUris;
import dev.agentconsole.attach.TestImages;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ReceivedMessage;
import dev.agentconsole.emulator.ScriptClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code send --image} takes the window's way: the whole image is checked, and it is fitted into the request as the window fits it. */
class CliImageTest {

    @TempDir
    Path dir;

    Emulator emulator;
    String session;
    Map<String, String> env;

    @BeforeEach
    void start() {
        emulator = Emulator.start(0, ScriptClock.manual());
        session = emulator.createDemoSession();
        env = Map.of("HAI_API_KEY", emulator.token());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private CliRun sendWith(String image) {
        return CliRun.of(env, "send", "--provider", "hcompany", "--base-url", emulator.baseUrl(), "--session", session,
                "--image", image, "look at this");
    }

    private void assertRefused(CliRun run, String expected) {
        assertEquals(ExitCodes.BAD_INPUT, run.code(), run.out() + run.err());
        assertTrue(run.err().contains(expected), "expected '" + expected + "' in: " + run.err());
        assertEquals(0, emulator.receivedMessages(session).size(), "nothing sent");
    }

    @Test
    void aPngCutShortIsRefused() throws Exception {
        byte[] png = TestImages.encode(TestImages.screenshot(400, 300), "png");
        Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, 100));
        assertRefused(sendWith(cut.toString()), "is damaged or cut short");
    }

    @Test
    void aPngWhoseHeaderClaimsThirtyThousandSquaredIsRefusedBeforeDecoding() throws Exception {
        Path huge = Files.write(dir.resolve("huge.png"), TestImages.pngHeaderOnly(30_000, 30_000));
        assertRefused(sendWith(huge.toString()), "30,000 × 30,000 pixels: too large to open safely");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aDeviceIsNotARegularFile() {
        assertRefused(sendWith("/dev/urandom"), "is not a regular file");
        assertRefused(sendWith("/dev/null"), "is not a regular file");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void processMemoryIsNotARegularFile() {
        assertRefused(sendWith("/proc/self/mem"), "is not a regular file");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFifoIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("pipe.png");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertRefused(sendWith(fifo.toString()), "is not a regular file"); // opening it would wait for a writer forever
    }

    @Test
    void aPngThatFitsIsStillSentByteForByte() throws Exception {
        Path png = Path.of("src/test/resources/images/small.png");
        CliRun run = sendWith(png.toString());
        assertEquals(0, run.code(), run.err());
        List<ReceivedMessage> got = emulator.receivedMessages(session);
        assertArrayEquals(Files.readAllBytes(png), DataUris.decode(got.get(0).images().get(0)).bytes());
    }

    @Test
    void aGifIsReencodedAsTheWindowDoesAndTheOutputSaysSo() throws Exception {
        Path gif = Files.write(dir.resolve("still.gif"), TestImages.encode(TestImages.screenshot(320, 200), "gif"));
        CliRun run = sendWith(gif.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("still.gif: re-encoded as PNG"), run.err());
        String uri = emulator.receivedMessages(session).get(0).images().get(0);
        assertTrue(uri.startsWith("data:image/png;base64,") || uri.startsWith("data:image/jpeg;base64,"), uri.substring(0, 30));
        assertFalse(run.out().contains("re-encoded"), "stdout keeps its one line: " + run.out());
    }
}
