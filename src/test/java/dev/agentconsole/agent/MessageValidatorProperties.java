package dev.agentconsole.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The validators, over generated input: the limits are counted one way and every refusal says why. */
class MessageValidatorProperties {

    static final MessageRules TEN_THOUSAND = new MessageRules(10_000, 0, false, false, 2_000, false);
    final MessageValidator limited = new MessageValidator(TEN_THOUSAND, "AGI");
    final MessageValidator h = new MessageValidator(new MessageRules(0, 5_000_000, true, true, 0, true), "H");

    @Provide
    Arbitrary<String> whiteSpace() {
        return Arbitraries.of(' ', '\t', '\n', '\r', '\u2003', '\u3000', '\u000B', '\u000C')
                .list().ofMinSize(1).ofMaxSize(50)
                .map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat));
    }

    @Property
    void textOfOnlyWhiteSpaceIsAlwaysRefused(@ForAll("whiteSpace") String blank) {
        Optional<String> problem = h.textProblem(blank);
        assertTrue(problem.isPresent());
        assertTrue(problem.get().contains("white space"), problem.get());
    }

    @Property
    void anyTextWithALetterAndNoBrokenCharacterPassesH(@ForAll @StringLength(max = 300) String any, @ForAll char letter) {
        String text = any + "a";
        if (MessageValidator.firstLoneSurrogate(text) < 0) {
            assertEquals(Optional.empty(), h.textProblem(text));
        }
    }

    @Property
    void theLimitCountsCodePointsNotUtf16Units(@ForAll @IntRange(min = 1, max = 12_000) int codePoints) {
        String text = "🏯".repeat(codePoints); // one code point, two UTF-16 units
        Optional<String> problem = limited.textProblem(text);
        if (codePoints <= 10_000) {
            assertEquals(Optional.empty(), problem);
        } else {
            assertTrue(problem.isPresent());
            assertTrue(problem.get().contains(String.format("%,d over", codePoints - 10_000)), problem.get());
        }
    }

    @Property
    void aLoneSurrogateAnywhereIsRefusedWithItsPosition(@ForAll @StringLength(min = 0, max = 40) String prefix,
                                                        @ForAll @IntRange(min = 0xD800, max = 0xDFFF) int surrogate) {
        String clean = prefix.codePoints().filter(cp -> cp < 0xD800 || cp > 0xDFFF)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString() + "x";
        String text = clean + (char) surrogate;
        Optional<String> problem = h.textProblem(text);
        assertTrue(problem.isPresent());
        assertTrue(problem.get().contains("position " + (clean.length() + 1)), problem.get());
    }

    @Property
    void startUrlsOtherThanHttpAreRefused(@ForAll("schemes") String scheme) {
        Optional<String> problem = MessageValidator.startUrlProblem(scheme + "://example.com/x", 2_000);
        assertEquals(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"), problem.isEmpty(), scheme);
    }

    @Provide
    Arbitrary<String> schemes() {
        return Arbitraries.of("http", "https", "HTTPS", "ftp", "file", "javascript", "data", "ws", "chrome");
    }

    @Property
    void startUrlsLongerThanTheLimitSayByHowMuch(@ForAll @IntRange(min = 0, max = 3_000) int pathLength) {
        String url = "https://example.com/" + "p".repeat(pathLength);
        Optional<String> problem = MessageValidator.startUrlProblem(url, 2_000);
        assertEquals(url.length() > 2_000, problem.isPresent());
        problem.ifPresent(p -> assertTrue(p.contains(String.format("%,d over", url.length() - 2_000)), p));
    }

    @Property
    void aBatchNamesTheLineThatIsWrong(@ForAll @IntRange(min = 2, max = 20) int size, @ForAll @IntRange(min = 0, max = 19) int bad) {
        int badLine = bad % size;
        List<OutgoingMessage> lines = new java.util.ArrayList<>();
        for (int i = 0; i < size; i++) {
            lines.add(OutgoingMessage.text(i == badLine ? "   " : "line " + i));
        }
        Optional<String> problem = h.problemWith(new Outgoing.Batch(lines));
        assertTrue(problem.orElseThrow().startsWith("line " + (badLine + 1) + " of the batch"), problem.get());
    }

    @Example
    void anEmptyBatchIsRefused() {
        assertTrue(h.problemWith(new Outgoing.Batch(List.of())).orElseThrow().contains("batch is empty"));
    }

    @Example
    void imagesAreRefusedWhereTheProviderTakesNone() {
        Optional<String> p = limited.problemWith(OutgoingMessage.text("x").withImages(List.of("data:image/png;base64,AAAA")));
        assertEquals(Optional.of("AGI takes no images: remove the 1 attachment to send this message"), p);
    }

    @Property
    void sessionIdsAreExactlyCanonicalUuids(@ForAll @StringLength(max = 40) String any) {
        boolean isUuid;
        try {
            java.util.UUID parsed = java.util.UUID.fromString(any);
            isUuid = any.length() == 36 && parsed.toString().equalsIgnoreCase(any);
        } catch (IllegalArgumentException e) {
            isUuid = false;
        }
        assertEquals(isUuid, SessionId.isValid(any) && any.strip().equals(any), any);
        if (!SessionId.isValid(any)) {
            assertTrue(SessionId.problemWith(any) != null);
        }
    }

    @Property
    void everyRandomUuidIsASessionIdAndRoundTrips(@ForAll("uuids") java.util.UUID uuid) {
        assertEquals(uuid.toString(), SessionId.parse("  " + uuid.toString().toUpperCase() + " ").value());
    }

    @Provide
    Arbitrary<java.util.UUID> uuids() {
        return Arbitraries.create(java.util.UUID::randomUUID);
    }
}
