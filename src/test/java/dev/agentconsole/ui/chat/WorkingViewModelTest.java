package dev.agentconsole.ui.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentStatus;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The "working" row: while the agent runs, its step, the time this run took and its last action; gone when it waits. */
class WorkingViewModelTest {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
    final WorkingViewModel working = new WorkingViewModel(now::get);

    @Test
    void whileTheAgentRunsTheRowSaysItsStepTimeAndLastActionAndGoesWhenItWaits() {
        assertFalse(working.shownProperty().get());
        working.status(AgentStatus.RUNNING);
        assertTrue(working.shownProperty().get());
        assertEquals("Working · 0:00", working.textProperty().get());

        working.events(List.of(new AgentEvent.Thought(3, now.get(), "Opening the booking site", "", 
                List.of("navigate {\"url\":\"https://booking.example/search?city=Kyoto\"} (id call_4)"), List.of())));
        now.set(now.get().plusSeconds(75));
        working.tick();
        assertEquals("Working · step 1 · 1:15 · navigate {\"url\":\"https://booking.example/search?city=Kyoto\"} (id call_4)",
                working.textProperty().get());

        working.steps(4); // the server's count wins
        assertTrue(working.textProperty().get().startsWith("Working · step 4 · 1:15"), working.textProperty().get());

        working.status(AgentStatus.IDLE);
        assertFalse(working.shownProperty().get());
        assertEquals("", working.textProperty().get());
    }

    @Test
    void aNewRunCountsItsTimeFromItsStartAndPausedHidesTheRow() {
        working.status(AgentStatus.RUNNING);
        now.set(now.get().plusSeconds(40));
        working.status(AgentStatus.PAUSED);
        assertFalse(working.shownProperty().get());
        now.set(now.get().plusSeconds(300));
        working.status(AgentStatus.RUNNING);
        assertEquals("Working · 0:00", working.textProperty().get());
    }
}
