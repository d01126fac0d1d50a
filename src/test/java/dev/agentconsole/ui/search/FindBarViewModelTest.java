package dev.agentconsole.ui.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.session.Delivery;
import dev.agentconsole.session.DeliveryState;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.store.Store;
import dev.agentconsole.ui.chat.TranscriptViewModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FindBarViewModelTest {

    private static final SessionKey KEY = new SessionKey("hcompany", "6f1c1a52-3c7e-4a39-9d55-2b1f0f0e6a11");
    private static final Instant AT = Instant.parse("2026-11-23T07:00:00Z");

    /** A finder answering from a table, holding each answer until the test releases it. */
    private static final class HeldFinder implements FindBarViewModel.Finder {
        final Map<String, List<String>> answers = new HashMap<>();
        final List<CompletableFuture<List<String>>> pending = new ArrayList<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public CompletableFuture<List<String>> rowKeys(String query) {
            asked.add(query);
            CompletableFuture<List<String>> f = new CompletableFuture<>();
            pending.add(f);
            return f;
        }

        void answer(int i) {
            pending.get(i).complete(answers.getOrDefault(asked.get(i), List.of()));
        }
    }

    @Test
    void typingShowsTheCountAndNextAndPreviousWalkTheMatchesRoundTheEnds() {
        HeldFinder finder = new HeldFinder();
        finder.answers.put("budget", List.of("e1:Question", "e4:Message", "d2"));
        FindBarViewModel vm = new FindBarViewModel(finder, Runnable::run);
        vm.open();
        vm.queryProperty().set("budget");
        finder.answer(finder.asked.size() - 1);
        assertEquals("1 of 3", vm.countProperty().get());
        assertEquals("e1:Question", vm.currentProperty().get());
        vm.next();
        vm.next();
        assertEquals("3 of 3", vm.countProperty().get());
        assertEquals("d2", vm.currentProperty().get());
        vm.next();
        assertEquals("1 of 3", vm.countProperty().get(), "after the last, the first");
        vm.previous();
        assertEquals("3 of 3", vm.countProperty().get(), "before the first, the last");
        assertEquals(List.of("e1:Question", "e4:Message", "d2"), vm.matches());
    }

    @Test
    void anOlderQuerysLateAnswerIsDropped() {
        HeldFinder finder = new HeldFinder();
        finder.answers.put("bud", List.of("e1:Question", "e2:Thought"));
        finder.answers.put("budget", List.of("e1:Question"));
        FindBarViewModel vm = new FindBarViewModel(finder, Runnable::run);
        vm.open();
        vm.queryProperty().set("bud");
        vm.queryProperty().set("budget");
        finder.answer(finder.asked.indexOf("budget"));
        finder.answer(finder.asked.indexOf("bud"));
        assertEquals(List.of("e1:Question"), vm.matches());
        assertEquals("1 of 1", vm.countProperty().get());
    }

    @Test
    void noMatchSaysSoAndClosingClearsTheMarksButKeepsTheWords() {
        HeldFinder finder = new HeldFinder();
        FindBarViewModel vm = new FindBarViewModel(finder, Runnable::run);
        vm.open();
        vm.queryProperty().set("zeppelin");
        finder.answer(finder.asked.size() - 1);
        assertEquals("no match", vm.countProperty().get());
        assertNull(vm.currentProperty().get());
        vm.close();
        assertFalse(vm.showingProperty().get());
        assertTrue(vm.matches().isEmpty());
        assertEquals("zeppelin", vm.queryProperty().get(), "Esc never throws typed words away");
        vm.queryProperty().set("");
        vm.open();
        assertEquals("", vm.countProperty().get(), "nothing typed, nothing said");
    }

    @Test
    void theTranscriptFinderFindsStoredEventsThroughTheIndexAndTheOperatorsRowsInMemoryInTranscriptOrder() throws Exception {
        try (Store store = Store.inMemory()) {
            List<AgentEvent> events = List.of(new AgentEvent.Question(1, AT, "What budget per night?"),
                    new AgentEvent.Thought(2, AT, "The budget rules out the third", List.of("click {}")),
                    new AgentEvent.Note(3, AT, "budget note (notes are not indexed)"),
                    new AgentEvent.Message(4, AT, "user", true, "something else", List.of()));
            store.append(KEY, events, 5).join();
            TranscriptViewModel transcript = new TranscriptViewModel();
            transcript.addEvents(events);
            transcript.updateDelivery(new Delivery(7, new Outgoing.Single(OutgoingMessage.text("my budget is 200")),
                    DeliveryState.QUEUED, Optional.empty(), 0));
            TranscriptFinder finder = new TranscriptFinder(() -> store, () -> Optional.of(KEY), transcript::entries,
                    Runnable::run);
            assertEquals(List.of("e1:Question", "e2:Thought", "d7"), finder.rowKeys("budg").get());
            assertEquals(List.of("e2:Thought"), finder.rowKeys("third").get());
            TranscriptFinder unbound = new TranscriptFinder(() -> store, Optional::empty, transcript::entries, Runnable::run);
            assertEquals(List.of("d7"), unbound.rowKeys("budget").get(), "without a bound session only the console's own rows");
        }
    }
}
