package dev.agentconsole.ui.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.session.Delivery;
import dev.agentconsole.session.DeliveryState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How agent events and deliveries become transcript rows. */
class TranscriptViewModelTest {

    static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void anEventAtAPositionAlreadyShownIsNotShownAgain() {
        TranscriptViewModel t = new TranscriptViewModel();
        t.addEvents(List.of(new AgentEvent.Thought(0, T, "a", List.of()), new AgentEvent.Thought(1, T, "b", List.of())));
        t.addEvents(List.of(new AgentEvent.Thought(1, T, "b", List.of()), new AgentEvent.Thought(2, T, "c", List.of())));
        assertEquals(List.of("a", "b", "c"), t.entries().stream().map(TranscriptEntry::copyText).toList());
    }

    @Test
    void anHAnswerWithoutOutcomeIsTheAgentAsking() {
        TranscriptViewModel t = new TranscriptViewModel();
        t.addEvents(List.of(new AgentEvent.Answer(0, T, "Which one?", false, Optional.empty()),
                new AgentEvent.Answer(1, T, "{\n  \"hotel\" : \"x\"\n}", true, Optional.of("success"))));
        assertInstanceOf(TranscriptEntry.Question.class, t.entries().get(0));
        assertEquals(Optional.of("success"), assertInstanceOf(TranscriptEntry.Answer.class, t.entries().get(1)).outcome());
    }

    @Test
    void aDeliveryIsOneRowThatChangesInPlaceAndItsEchoIsNotDoubled() {
        TranscriptViewModel t = new TranscriptViewModel();
        Outgoing out = new Outgoing.Single(OutgoingMessage.text("hi"));
        Delivery d = new Delivery(7, out, DeliveryState.QUEUED, Optional.empty(), 1);
        t.updateDelivery(d);
        t.updateDelivery(d.with(DeliveryState.SENDING, Optional.empty()));
        t.addEvents(List.of(new AgentEvent.Message(0, T, "user", true, "hi", List.of()),
                new AgentEvent.StatusChange(1, T, AgentStatus.RUNNING, "running")));
        t.updateDelivery(d.with(DeliveryState.SEEN, Optional.empty()));
        assertEquals(2, t.entries().size());
        assertEquals(DeliveryState.SEEN, assertInstanceOf(TranscriptEntry.Operator.class, t.entries().get(0)).state());
        assertInstanceOf(TranscriptEntry.Status.class, t.entries().get(1));
    }

    @Test
    void aDeliveryMovingOnChangesItsRowsEntryNotTheList() {
        TranscriptViewModel t = new TranscriptViewModel();
        Delivery d = new Delivery(7, new Outgoing.Single(OutgoingMessage.text("hi")), DeliveryState.QUEUED, Optional.empty(), 1);
        t.updateDelivery(d);
        TranscriptRow row = t.rows().get(0);
        List<String> listChanges = new java.util.ArrayList<>();
        t.rows().addListener((javafx.collections.ListChangeListener<TranscriptRow>) c -> listChanges.add(c.toString()));
        List<DeliveryState> seenByRow = new java.util.ArrayList<>();
        row.entryProperty().addListener((o, was, now) -> seenByRow.add(((TranscriptEntry.Operator) now).state()));
        long before = t.revisionProperty().get();

        t.updateDelivery(d.with(DeliveryState.SENDING, Optional.empty()));
        t.updateDelivery(d.with(DeliveryState.SEEN, Optional.empty()));

        assertEquals(List.of(), listChanges, "a ListView rebuilds every visible cell when an item is replaced");
        assertEquals(List.of(DeliveryState.SENDING, DeliveryState.SEEN), seenByRow);
        assertEquals(before + 2, t.revisionProperty().get());
        assertEquals(row, t.rows().get(0));
    }

    @Test
    void aMessageFromElsewhereIsShown() {
        TranscriptViewModel t = new TranscriptViewModel();
        t.addEvents(List.of(new AgentEvent.Message(0, T, "supervisor", false, "check prices", List.of())));
        assertEquals("check prices", assertInstanceOf(TranscriptEntry.Message.class, t.entries().get(0)).text());
    }

    @Test
    void unknownEventsAreKeptAsTheyCame() {
        TranscriptViewModel t = new TranscriptViewModel();
        t.addEvents(List.of(new AgentEvent.Other(0, T, "Mystery", "{\"x\":1}")));
        assertEquals("Mystery {\"x\":1}", t.entries().get(0).copyText());
    }

    @Test
    void awaitingToolResultsNamesThePendingCallsAndSaysThisConsoleRunsNoTools() {
        TranscriptViewModel t = new TranscriptViewModel();
        t.addEvents(List.of(new AgentEvent.Thought(0, T, "", List.of("read_file {\"path\":\"a.txt\"}", "list_dir {}")),
                new AgentEvent.StatusChange(1, T, AgentStatus.AWAITING_TOOL_RESULTS, "awaiting_tool_results")));
        TranscriptEntry.Step waiting = assertInstanceOf(TranscriptEntry.Step.class, t.entries().get(1));
        assertEquals("Waiting for tool results", waiting.title());
        assertEquals(List.of("pending: read_file {\"path\":\"a.txt\"}", "pending: list_dir {}"), waiting.details().subList(0, 2));
        assertEquals(true, waiting.details().get(2).contains("does not run tools"));
    }
}
