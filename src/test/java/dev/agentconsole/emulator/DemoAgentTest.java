package dev.agentconsole.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DemoAgentTest {

    @Test
    void aTaskThatEndsItsSentenceGetsNoSecondFullStop() {
        assertEquals("\u201cBook a hotel in Kyoto.\u201d", DemoAgent.quoted("Book a hotel in Kyoto."));
        assertEquals("\u201cCan you book it?\u201d", DemoAgent.quoted("Can you book it?"));
    }

    @Test
    void aTaskWithoutAStopGetsOneAfterTheQuote() {
        assertEquals("\u201cBook a hotel\u201d.", DemoAgent.quoted("Book a hotel\n"));
    }

    @Test
    void aLongTaskIsCutToOneLineWithAnEllipsis() {
        String quoted = DemoAgent.quoted("x".repeat(200));
        assertEquals("\u201c" + "x".repeat(117) + "...\u201d", quoted);
    }
}
