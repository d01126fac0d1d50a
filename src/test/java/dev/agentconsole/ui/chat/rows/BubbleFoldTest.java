package dev.agentconsole.ui.chat.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The "more" fold: only when it hides something worth a line of "more", cut at a word. */
class BubbleFoldTest {

    /** The demo's first thought: 199 characters, a line and a bit in a wide window. */
    static final String DEMO_THOUGHT = "The task: \u201cBook a hotel in Kyoto near Kiyomizu-dera for June 15-20, under $200 a "
            + "night.\u201d I'll search a booking site for hotels in Kyoto near Kiyomizu-dera for June 15-20, under $200 a night.";

    @Test
    void aThoughtALittleOverTheFoldedLengthIsShownWholeNotFoldedToHideHalfALine() {
        assertTrue(DEMO_THOUGHT.length() > 160, "longer than the old fold of 160 characters");
        assertFalse(Bubble.isLong(DEMO_THOUGHT));
        assertFalse(Bubble.isLong("one\ntwo\nthree\nfour\nfive\nsix"), "six short lines: folding would hide two");
    }

    @Test
    void aLongTextFoldsAtAWordAndHidesAtLeastALine() {
        String text = "word ".repeat(120).strip(); // 599 characters
        assertTrue(Bubble.isLong(text));
        String folded = Bubble.firstLines(text);
        assertTrue(folded.endsWith("word …"), folded);
        assertTrue(text.length() - (folded.length() - 2) >= Bubble.FOLD_HIDES_AT_LEAST, "hides " + (text.length() - folded.length()));
    }

    @Test
    void manyLinesFoldToTheirFirstLinesKeptAsLines() {
        String text = String.join("\n", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8");
        assertTrue(Bubble.isLong(text));
        assertEquals("a1\na2\na3\na4 …", Bubble.firstLines(text));
    }
}
