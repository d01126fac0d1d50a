package dev.agentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ReceivedMessage;
import dev.agentconsole.emulator.ScriptClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The message from standard input ({@code send -}) and chat's lines are decoded strictly: broken UTF-8 is refused with its offset. */
@org.junit.jupiter.api.Timeout(60) // a guard against a hang, not a measurement
class CliUtf8InputTest {

    Emulator emulator;
    String session;
    Map<String, String> env;

    @BeforeEach
    void start() {
        emulator = Emulator.start(0, ScriptClock.ticking(java.time.Duration.ofMillis(20)));
        session = emulator.createDemoSession();
        env = Map.of("HAI_API_KEY", emulator.token());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private CliRun run(byte[] stdin, String command, String... rest) {
        List<String> args = new java.util.ArrayList<>(List.of(command, "--provider", "hcompany", "--base-url", emulator.baseUrl(),
                "--session", session));
        args.addAll(List.of(rest));
        return CliRun.withBytes(env, stdin, args.toArray(String[]::new));
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] concat(String head, byte[] middle, String tail) {
        byte[] h = head.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(h, h.length + middle.length + t.length);
        System.arraycopy(middle, 0, all, h.length, middle.length);
        System.arraycopy(t, 0, all, h.length + middle.length, t.length);
        return all;
    }

    @Test
    void theMessageIsReadFromStandardInputWithADash() {
        CliRun r = run("two lines\nof text\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "send", "-");
        assertEquals(0, r.code(), r.err());
        assertEquals("two lines\nof text", emulator.receivedMessages(session).get(0).text());
    }

    @Test
    void aBatchFromStandardInputIsOneLinePerLine() {
        CliRun r = run("first\r\nsecond\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "send", "--batch", "-");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("first", "second"), emulator.receivedMessages(session).stream().map(ReceivedMessage::text).toList());
    }

    @Test
    void brokenUtf8OnStandardInputIsRefusedWithItsOffset() {
        CliRun r = run(concat("hello ", bytes(0xc3, 0x28), " there"), "send", "-");
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("standard input is not valid UTF-8 at byte offset 6"), r.err());
        assertEquals(0, emulator.receivedMessages(session).size());
    }

    @Test
    void aDashWithOtherWordsIsRefused() {
        CliRun r = run(new byte[0], "send", "look", "-");
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("'-' reads the message from standard input"), r.err());
        assertEquals(0, emulator.receivedMessages(session).size());
    }

    @Test
    void aBrokenLineInChatIsNotSentAndTheNextOneIs() {
        CliRun r = run(concat("", bytes(0xff), "\nthe closer one\n/quit\n"), "chat");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("not sent: the line is not valid UTF-8 at byte offset 0"), r.err());
        assertEquals(List.of("the closer one"), emulator.receivedMessages(session).stream().map(ReceivedMessage::text).toList());
    }
}
