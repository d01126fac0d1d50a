package dev.agentconsole.cli;

import dev.agentconsole.agent.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Text that must be UTF-8, decoded strictly: a broken sequence is refused with its byte offset
 * (counted from 0) and what is wrong with it, never turned into U+FFFD and sent. Java's decoder
 * already refuses overlong forms, encoded surrogates (CESU-8) and anything past U+10FFFF.
 */
final class StrictUtf8 {

    private StrictUtf8() {}

    /** The first broken sequence: where it starts (byte offset from 0) and how many bytes it takes. */
    record Broken(int at, int length) {}

    /** Empty when {@code bytes} are all UTF-8. */
    static java.util.Optional<Broken> check(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1); // UTF-8 never gives more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (!result.isError()) {
            return java.util.Optional.empty();
        }
        int at = in.position();
        return java.util.Optional.of(new Broken(at, Math.max(1, Math.min(result.length(), bytes.length - at))));
    }

    /** @param what how the operator knows this text, e.g. "standard input" */
    static String decode(byte[] bytes, String what) {
        check(bytes).ifPresent(broken -> {
            throw new InvalidInputException(describe(bytes, broken, what));
        });
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static String describe(byte[] bytes, Broken broken, String what) {
        return String.format(Locale.ROOT, "%s is not valid UTF-8 at byte offset %d (%s: %s)", what, broken.at(),
                hex(bytes, broken.at(), broken.length()), reason(bytes, broken.at()));
    }

    /** Up to {@code max} characters before {@code at}, decoded, then the bad byte as {@code \xNN}: what the operator typed, nearly. */
    static String preview(byte[] bytes, int at, int max) {
        String before = new String(bytes, 0, at, StandardCharsets.UTF_8);
        if (before.length() > max) {
            before = "…" + before.substring(before.length() - max);
        }
        return before + String.format(Locale.ROOT, "\\x%02x", bytes[at] & 0xff) + (at + 1 < bytes.length ? "…" : "");
    }

    private static String hex(byte[] bytes, int at, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = at; i < at + length; i++) {
            s.append(s.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02x", bytes[i] & 0xff));
        }
        return s.toString();
    }

    private static String reason(byte[] bytes, int at) {
        int b0 = bytes[at] & 0xff;
        int b1 = at + 1 < bytes.length ? bytes[at + 1] & 0xff : -1;
        if (b0 == 0xed && b1 >= 0xa0 && b1 <= 0xbf) {
            return "an encoded UTF-16 surrogate, as CESU-8 or Java's modified UTF-8 write them";
        }
        if (b0 >= 0x80 && b0 <= 0xbf) {
            return "a continuation byte with no lead byte";
        }
        if (b0 == 0xc0 || b0 == 0xc1 || (b0 == 0xe0 && b1 >= 0x80 && b1 <= 0x9f) || (b0 == 0xf0 && b1 >= 0x80 && b1 <= 0x8f)) {
            return "an overlong encoding";
        }
        if (b0 >= 0xf5 || (b0 == 0xf4 && b1 >= 0x90)) {
            return b0 >= 0xf8 ? "a byte UTF-8 never uses" : "a character past U+10FFFF";
        }
        return "a sequence cut short";
    }
}
