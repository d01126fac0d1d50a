package dev.agentconsole.ui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentException;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.SessionSummary;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The session picker's model without the toolkit: every load ends loaded or failed. */
class SessionListViewModelTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:30:00Z");
    static final SessionId A = SessionId.parse("3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b");

    final Queue<Runnable> io = new ArrayDeque<>();
    final Executor direct = Runnable::run;
    final SessionListViewModel vm = new SessionListViewModel(direct, io::add, () -> NOW, ZoneOffset.UTC);
    final List<SessionListViewModel.State> states = new ArrayList<>();

    SessionListViewModelTest() {
        vm.stateProperty().addListener((o, was, now) -> states.add(now));
    }

    private void runIo() {
        while (!io.isEmpty()) {
            io.poll().run();
        }
    }

    private static SessionSummary idle() {
        return new SessionSummary(A, "demo-web-agent", AgentStatus.IDLE, "idle", Optional.of("Book a hotel in Kyoto"),
                Optional.of(Instant.parse("2026-11-23T10:00:00Z")), Optional.of(Instant.parse("2026-11-23T10:00:02Z")),
                Optional.empty(), Optional.of(Instant.parse("2026-11-23T10:25:00Z")));
    }

    @Test
    void anEmptyListIsLoadedSoThePickerSaysNoSessionsInsteadOfLoading() {
        vm.load(List::of);
        assertEquals(SessionListViewModel.State.LOADING, vm.stateProperty().get());
        runIo();
        assertEquals(SessionListViewModel.State.LOADED, vm.stateProperty().get());
        assertTrue(vm.rows().isEmpty());
    }

    @Test
    void anUnchangedListStillEndsEachLoad() {
        vm.load(() -> List.of(idle()));
        runIo();
        vm.load(() -> List.of(idle()));
        runIo();
        assertEquals(List.of(SessionListViewModel.State.LOADING, SessionListViewModel.State.LOADED,
                SessionListViewModel.State.LOADING, SessionListViewModel.State.LOADED), states);
        assertEquals(1, vm.rows().size());
    }

    @Test
    void aFailureShowsTheServersWordsAndRetryListsAgain() {
        AtomicInteger calls = new AtomicInteger();
        vm.load(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new AgentException(new AgentError.Forbidden("this key may not list sessions"));
            }
            return List.of(idle());
        });
        runIo();
        assertEquals(SessionListViewModel.State.FAILED, vm.stateProperty().get());
        assertTrue(vm.problemProperty().get().contains("this key may not list sessions"), vm.problemProperty().get());
        assertTrue(vm.canRetryProperty().get());
        vm.retry();
        runIo();
        assertEquals(SessionListViewModel.State.LOADED, vm.stateProperty().get());
        assertEquals("", vm.problemProperty().get());
        assertFalse(vm.canRetryProperty().get());
        assertEquals(2, calls.get());
    }

    @Test
    void aLaterLoadWinsOverAnEarlierOneStillInFlight() {
        vm.load(() -> List.of(idle()));
        vm.load(List::of);
        runIo();
        assertEquals(SessionListViewModel.State.LOADED, vm.stateProperty().get());
        assertTrue(vm.rows().isEmpty(), "the older answer is dropped");
    }

    @Test
    void aRowShowsStatusAgentTaskCreatedAndLastActivity() {
        vm.load(() -> List.of(idle()));
        runIo();
        SessionListViewModel.Row row = vm.rows().get(0);
        assertEquals("idle · demo-web-agent · Book a hotel in Kyoto", row.title());
        assertEquals(A.value() + " · created 23 Nov 10:00 · last activity 5 min ago", row.caption());
    }

    @Test
    void aFinishedSessionSaysWhenItFinishedAndAnUnknownStatusIsShownAsTheServerSaidIt() {
        SessionSummary done = new SessionSummary(A, "", AgentStatus.UNKNOWN, "archived", Optional.empty(),
                Optional.of(Instant.parse("2025-01-02T08:00:00Z")), Optional.empty(),
                Optional.of(Instant.parse("2026-11-23T08:30:00Z")), Optional.of(Instant.parse("2026-11-23T08:30:00Z")));
        vm.load(() -> List.of(done));
        runIo();
        SessionListViewModel.Row row = vm.rows().get(0);
        assertEquals("archived · agent not named", row.title());
        assertEquals(A.value() + " · created 2 Jan 2025 08:00 · finished 2 h ago", row.caption());
    }
}
