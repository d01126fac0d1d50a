package dev.agentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.AgentConsole;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ScriptClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The JVM decodes argv before {@code main}, turning broken UTF-8 into U+FFFD; on Linux the console
 * reads its own raw arguments from /proc/self/cmdline instead. Real processes, real bytes (a shell's
 * printf puts them in argv; Java cannot).
 */
@EnabledOnOs(OS.LINUX)
class CliRawArgumentsProcessTest {

    Emulator emulator;
    String session;

    @BeforeEach
    void start() {
        emulator = Emulator.start(0, ScriptClock.manual());
        session = emulator.createDemoSession();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    record Result(int code, String out, String err) {}

    /** {@code send} with the message made by printf from {@code printfFormat} (octal escapes), under {@code locale}. */
    private Result send(String locale, String printfFormat) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "exec \"$@\" \"$(printf '" + printfFormat + "')\"", "sh",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                AgentConsole.class.getName(), "send", "--provider", "hcompany", "--base-url", emulator.baseUrl(),
                "--session", session));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("HAI_API_KEY", emulator.token());
        pb.environment().put("LC_ALL", locale);
        pb.environment().remove("DISPLAY");
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the console exits");
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aBrokenByteInAnArgumentIsRefusedWithItsOffsetAndNothingIsSent() throws Exception {
        Result r = send("C.UTF-8", "bad \\377 byte");
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("not valid UTF-8 at byte offset 4"), r.err());
        assertEquals(0, emulator.receivedMessages(session).size());
    }

    @Test
    void aCesu8SurrogateIsRefused() throws Exception {
        Result r = send("C.UTF-8", "smile \\355\\240\\275\\355\\270\\200");
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("at byte offset 6") && r.err().contains("surrogate"), r.err());
        assertEquals(0, emulator.receivedMessages(session).size());
    }

    @Test
    void validUtf8ArrivesWholeEvenUnderTheCLocale() throws Exception {
        Result r = send("C", "caf\\303\\251 \\346\\235\\261\\344\\272\\254");
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("café 東京", emulator.receivedMessages(session).get(0).text());
    }
}
