package dev.agentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ScriptClock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A key that cannot go in a header is refused before anything is sent, naming its variable and what is wrong, never showing it. */
class CliApiKeyTest {

    static Emulator emulator;
    static String hSession;
    static String agiSession;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(0, ScriptClock.manual());
        hSession = emulator.createDemoSession();
        agiSession = emulator.createAgiSession();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("HAI_API_KEY", "hk-secret\nsecond-line", "HAI_API_KEY has a line break at character 10"),
                Arguments.of("HAI_API_KEY", "hk-secret\r\n-more", "HAI_API_KEY has a line break at character 10"),
                Arguments.of("HAI_API_KEY", "hk-sécret", "HAI_API_KEY has a character that is not ASCII at character 5"),
                Arguments.of("HAI_API_KEY", "hk-secret\u200b", "HAI_API_KEY has a character that is not ASCII at character 10"),
                Arguments.of("HAI_API_KEY", "hk-sec ret", "HAI_API_KEY has a space at character 7"),
                Arguments.of("HAI_API_KEY", "hk-sec\tret", "HAI_API_KEY has a tab at character 7"),
                Arguments.of("HAI_API_KEY", "hk-sec\u0007ret", "HAI_API_KEY has a control character at character 7"),
                Arguments.of("H_API_KEY", "hk-sécret", "H_API_KEY has a character that is not ASCII at character 5"),
                Arguments.of("AGI_API_KEY", "agi\nkey", "AGI_API_KEY has a line break at character 4"),
                Arguments.of("AGI_API_KEY", "agi-ключ", "AGI_API_KEY has a character that is not ASCII at character 5"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("keys")
    void aKeyThatCannotGoInAHeaderIsNamedAndNothingIsSent(String variable, String key, String expected) {
        boolean agi = variable.startsWith("AGI");
        long before = emulator.requestCount();
        CliRun run = CliRun.of(Map.of(variable, key), "send", "--provider", agi ? "agi" : "hcompany", "--base-url",
                emulator.baseUrl(), "--session", agi ? agiSession : hSession, "hello");
        assertEquals(ExitCodes.BAD_INPUT, run.code(), run.out() + run.err());
        assertTrue(run.err().contains(expected), "expected '" + expected + "' in: " + run.err());
        assertEquals(before, emulator.requestCount(), "nothing reached the server");
        for (String part : key.split("[\\s\u200b\u0007]")) {
            assertFalse(part.length() > 3 && run.err().contains(part), "no part of the key is shown: " + run.err());
        }
    }
}
