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

    @Test
    void batchLinesKeepASeparatorWhenTheAgentQuotesThem() {
        assertEquals("\u201ccheck June 15-20 / prefer a ryokan / the cheaper one\u201d.",
                DemoAgent.quoted("check June 15-20\nprefer a ryokan\nthe cheaper one"));
    }

    @Test
    void aFollowUpAfterTheBookingIsAnsweredWithTheBookingNotAnEchoOfIt() {
        DemoAgent agent = new DemoAgent();
        agent.task("Book a hotel in Kyoto");
        while (agent.next().isPresent()) {
            // up to the question
        }
        agent.reply("the cheaper one", 0);
        DemoAgent.Beat last = null;
        for (var beat = agent.next(); beat.isPresent(); beat = agent.next()) {
            last = beat.get();
        }
        assertEquals("success", ((DemoAgent.Beat.Finish) last).outcome());

        agent.reply("what is the confirmation number?", 0);
        String answer = null;
        String thought = null;
        for (var beat = agent.next(); beat.isPresent(); beat = agent.next()) {
            if (beat.get() instanceof DemoAgent.Beat.Finish f) {
                answer = f.answer().asText();
            } else if (beat.get() instanceof DemoAgent.Beat.Think t) {
                thought = t.reasoning();
            }
        }
        assertEquals("Your booking stands: Sakura Inn, June 15-20, 5 nights at $140 (total $700), confirmation SK-4821. "
                + "This demo cannot change a booking, so nothing was changed. Anything else?", answer);
        org.junit.jupiter.api.Assertions.assertTrue(thought.contains("\u201cwhat is the confirmation number?\u201d"), thought);
    }
}
