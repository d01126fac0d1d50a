package dev.agentconsole.app.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NotificationTextTest {

    @Test
    void markupInTheBodyIsShownAsTextNotRead() {
        assertEquals("&lt;a href=\"https://evil.example\"&gt;click&lt;/a&gt; &amp;amp; &lt;img src=x/&gt;",
                NotificationText.markupBody("<a href=\"https://evil.example\">click</a> &amp; <img src=x/>"));
    }

    @Test
    void aPlainBodyKeepsItsCharactersAndLines() {
        assertEquals("a < b & c\nsecond line", NotificationText.plainBody("a < b & c\r\nsecond line"));
    }

    @Test
    void controlCharactersBecomeSpacesAndTheSummaryIsOneLine() {
        assertEquals("An agent\u00a0waits  for you", NotificationText.summary("An agent\u00a0waits\n\tfor you\u0000"));
        assertEquals("bell  nul  esc [31mred", NotificationText.plainBody("bell\u0007 nul\u0000 esc\u001b[31mred"));
        assertEquals("c1  del", NotificationText.plainBody("c1\u009b del\u007f"));
    }

    @Test
    void aLongBodyIsCutToTheLimitWithAnEllipsis() {
        String cut = NotificationText.plainBody("word ".repeat(200));
        assertTrue(cut.endsWith("\u2026"), cut);
        assertTrue(cut.codePointCount(0, cut.length()) <= NotificationText.BODY_LIMIT, cut);
        assertEquals("short", NotificationText.plainBody("short"));
        String exact = "y".repeat(NotificationText.BODY_LIMIT);
        assertEquals(exact, NotificationText.plainBody(exact), "at the limit nothing is cut");
    }

    @Test
    void cuttingCountsCodePointsAndNeverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00";
        String cut = NotificationText.plainBody(emoji.repeat(NotificationText.BODY_LIMIT + 5));
        assertEquals(NotificationText.BODY_LIMIT, cut.codePointCount(0, cut.length()));
        assertEquals(emoji.repeat(NotificationText.BODY_LIMIT - 1) + "\u2026", cut);
        String almost = NotificationText.plainBody("a" + emoji.repeat(NotificationText.BODY_LIMIT));
        almost.codePoints().forEach(cp -> assertFalse(Character.isSurrogate((char) cp) && cp < 0x10000,
                "a lone surrogate in " + almost));
    }

    @Test
    void theBodyIsCutBeforeItIsEscapedSoNoEntityIsCutInHalf() {
        String body = "x".repeat(NotificationText.BODY_LIMIT - 2) + "&&&&";
        assertEquals("x".repeat(NotificationText.BODY_LIMIT - 2) + "&amp;\u2026", NotificationText.markupBody(body));
    }

    @Test
    void aMissingTextIsEmpty() {
        assertEquals("", NotificationText.summary(null));
        assertEquals("", NotificationText.markupBody(null));
    }

    @Test
    void aLongSummaryIsCutToOneLine() {
        String cut = NotificationText.summary("An agent is waiting ".repeat(20));
        assertTrue(cut.codePointCount(0, cut.length()) <= NotificationText.SUMMARY_LIMIT);
        assertTrue(cut.endsWith("\u2026"));
    }
}
