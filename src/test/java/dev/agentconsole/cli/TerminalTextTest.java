package dev.agentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** How control characters look on a terminal line, written whole or piece by piece. */
class TerminalTextTest {

    @Test
    void everyControlHasAVisibleFormAndLayoutStays() {
        assertEquals("\\e[2J \\x07 \\x00 \\x7f".replace("\\x7f", "\\u007f"), TerminalText.escape("\u001b[2J \u0007 \u0000 \u007f"));
        assertEquals("\\u009b31m \\u0085", TerminalText.escape("\u009b31m \u0085"));
        assertEquals("a\n\tb\r\nc", TerminalText.escape("a\n\tb\r\nc"));
        assertEquals("over\\rwrite", TerminalText.escape("over\rwrite"));
        assertEquals("café ✓ 東京", TerminalText.escape("café ✓ 東京"));
    }

    @Test
    void aLineEndSplitAcrossWritesStaysALineEndAndALoneReturnIsShown() {
        StringWriter sink = new StringWriter();
        PrintWriter safe = TerminalText.safe(new PrintWriter(sink));
        safe.print("one\r");
        safe.print("\ntwo\r");
        safe.flush();
        safe.print("three\u001b]0;t\u0007");
        safe.flush();
        assertEquals("one\r\ntwo\\rthree\\e]0;t\\x07", sink.toString());
    }
}
