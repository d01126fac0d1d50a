package dev.agentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Broken UTF-8, each kind, found at its byte offset and named. */
class StrictUtf8Test {

    static byte[] b(String head, int... tail) {
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(h, h.length + tail.length);
        for (int i = 0; i < tail.length; i++) {
            all[h.length + i] = (byte) tail[i];
        }
        return all;
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of(b("ab", 0xff), 2, "a byte UTF-8 never uses"),
                Arguments.of(b("", 0xc3, 0x28), 0, "a sequence cut short"),
                Arguments.of(b("x", 0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80), 1, "surrogate"),
                Arguments.of(b("", 0xc0, 0xaf), 0, "overlong"),
                Arguments.of(b("", 0xe0, 0x80, 0xaf), 0, "overlong"),
                Arguments.of(b("", 0xf4, 0x90, 0x80, 0x80), 0, "past U+10FFFF"),
                Arguments.of(b("é", 0x80), 2, "continuation byte with no lead byte"),
                Arguments.of(b("end ", 0xe2, 0x82), 4, "cut short"));
    }

    @ParameterizedTest
    @MethodSource("broken")
    void brokenUtf8IsRefusedAtItsOffset(byte[] bytes, int offset, String named) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> StrictUtf8.decode(bytes, "the text"));
        assertTrue(e.getMessage().startsWith("the text is not valid UTF-8 at byte offset " + offset + " ("), e.getMessage());
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    @Test
    void validTextOfEveryWidthPassesUnchanged() {
        String text = "ascii, café, 東京, 🙂, \u0000 and \uFEFF";
        assertEquals(text, StrictUtf8.decode(text.getBytes(StandardCharsets.UTF_8), "the text"));
    }

    @Test
    void rawArgumentsLineUpOnlyWithWhatTheJvmGaveMain() {
        byte[] cmdline = "java\0-cp\0x.jar\0Main\0send\0caf\u00e9\0".getBytes(StandardCharsets.UTF_8);
        List<byte[]> all = RawArguments.split(cmdline);
        Optional<List<byte[]>> ours = RawArguments.lineUp(all, new String[] {"send", "café"}, StandardCharsets.UTF_8);
        assertArrayEquals("café".getBytes(StandardCharsets.UTF_8), ours.orElseThrow().get(1));
        assertTrue(RawArguments.lineUp(all, new String[] {"send", "tea"}, StandardCharsets.UTF_8).isEmpty(),
                "a command line that is not ours is not used");
        assertTrue(RawArguments.lineUp(all, new String[] {"send", "caf\uFFFD\uFFFD"}, StandardCharsets.US_ASCII).isPresent(),
                "under the C locale the JVM saw U+FFFD where the bytes say é");
    }
}
