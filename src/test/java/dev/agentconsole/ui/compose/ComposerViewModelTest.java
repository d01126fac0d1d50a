package dev.agentconsole.ui.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.MessageRules;
import dev.agentconsole.agent.Outgoing;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The composer's live validation, count and queue, without the toolkit. */
class ComposerViewModelTest {

    static final MessageRules H = new MessageRules(0, 5_000_000, true, true, 0, true);
    static final MessageRules AGI = new MessageRules(10_000, 0, false, false, 2_000, false);

    @Test
    void theCountFollowsTheProvidersLimitInCodePoints() {
        ComposerViewModel c = new ComposerViewModel();
        c.setRules(AGI, "AGI");
        c.textProperty().set("京都🏯");
        assertEquals("3 / 10,000", c.countProperty().get());
        c.setRules(H, "H");
        assertEquals("3 characters", c.countProperty().get());
    }

    @Test
    void theProblemShowsInlineBeforeSendingAndNothingIsCleared() {
        ComposerViewModel c = new ComposerViewModel();
        c.setRules(AGI, "AGI");
        c.textProperty().set("x".repeat(10_002));
        assertEquals("the message is 10,002 characters, 2 over AGI's limit of 10,000", c.problemProperty().get());
        assertTrue(c.message().isEmpty());
        assertEquals(10_002, c.textProperty().get().length());
        c.textProperty().set("fine");
        assertEquals("", c.problemProperty().get());
    }

    @Test
    void theStartUrlIsOnlyForAgiAndIsValidated() {
        ComposerViewModel c = new ComposerViewModel();
        c.setRules(H, "H");
        assertFalse(c.startUrlAcceptedProperty().get());
        c.setRules(AGI, "AGI");
        assertTrue(c.startUrlAcceptedProperty().get());
        c.textProperty().set("go");
        c.startUrlProperty().set("ftp://x.example");
        assertTrue(c.problemProperty().get().contains("http:// or https://"), c.problemProperty().get());
        c.startUrlProperty().set("https://x.example");
        Outgoing out = c.message().orElseThrow();
        assertEquals("https://x.example", out.messages().get(0).startUrl().orElseThrow());
    }

    @Test
    void theCallerIdTravelsOnHOnly() {
        ComposerViewModel c = new ComposerViewModel();
        c.setRules(H, "H");
        c.callerIdProperty().set("ops");
        c.textProperty().set("hello");
        assertEquals("ops", c.message().orElseThrow().messages().get(0).callerId().orElseThrow());
        c.setRules(AGI, "AGI");
        assertTrue(c.message().orElseThrow().messages().get(0).callerId().isEmpty());
    }

    @Test
    void theQueueAddsEditsMovesRemovesAndRefusesBlankLines() {
        ComposerViewModel c = new ComposerViewModel();
        c.setRules(H, "H");
        c.textProperty().set("   ");
        assertFalse(c.addToQueue());
        assertEquals("   ", c.textProperty().get(), "a refused line stays in the input");
        for (String s : List.of("a", "b", "c")) {
            c.textProperty().set(s);
            assertTrue(c.addToQueue());
        }
        assertEquals("", c.textProperty().get());
        c.editQueued(1, "B");
        c.moveQueued(0, 1);
        c.removeQueued(2);
        assertEquals(List.of("B", "a"), c.queue());
        Outgoing batch = c.batch().orElseThrow();
        assertTrue(batch instanceof Outgoing.Batch);
        c.queueSent();
        assertTrue(c.queue().isEmpty());
    }

    @Test
    void aReplyQuotesTheQuestionAndKeepsWhatWasTyped() {
        ComposerViewModel c = new ComposerViewModel();
        c.textProperty().set("draft");
        c.replyTo("Which hotel?");
        assertEquals("Which hotel?", c.quotedProperty().get());
        assertEquals("draft", c.textProperty().get());
        c.sent();
        assertEquals("", c.quotedProperty().get());
    }

    @Test
    void theQueueSaysOneLineAndThreeLinesNotLineS() {
        ComposerViewModel c = new ComposerViewModel();
        c.setRules(H, "H");
        c.textProperty().set("check June 15-20");
        c.addToQueue();
        assertEquals("Queue · 1 line, double-click to edit", c.queueTitleProperty().get());
        c.textProperty().set("prefer a ryokan");
        c.addToQueue();
        c.textProperty().set("the cheaper one");
        c.addToQueue();
        assertEquals("Queue · 3 lines, double-click to edit", c.queueTitleProperty().get());
    }
}
