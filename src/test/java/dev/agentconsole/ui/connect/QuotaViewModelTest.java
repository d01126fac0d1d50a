package dev.agentconsole.ui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentException;
import dev.agentconsole.agent.Quota;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The quota shown before New, without the toolkit. */
class QuotaViewModelTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:30:00Z");
    static final Quota.Reading READING = new Quota.Reading(
            Optional.of(new Quota.SessionSlots("org", 10, 7, 3)),
            Optional.of(new Quota.TokenBudget(Optional.of(5_000_000L), Optional.of(4_200_000L), Optional.of(800_000L),
                    Optional.of(Instant.parse("2026-11-23T00:00:00Z")), Optional.of(Instant.parse("2026-11-24T00:00:00Z")))));

    final Queue<Runnable> io = new ArrayDeque<>();
    final QuotaViewModel vm = new QuotaViewModel(Runnable::run, io::add, () -> NOW, ZoneOffset.UTC);

    private void runIo() {
        while (!io.isEmpty()) {
            io.poll().run();
        }
    }

    @Test
    void freeSlotsAndTokensLeftAreOneLine() {
        vm.refresh(() -> Optional.of(READING));
        runIo();
        assertEquals(QuotaViewModel.State.LOADED, vm.stateProperty().get());
        assertEquals("3 of 10 session slots free · 800,000 of 5,000,000 tokens left until 24 Nov 00:00",
                vm.summaryProperty().get());
    }

    @Test
    void aProviderWithoutQuotaShowsNothing() {
        vm.refresh(Optional::empty);
        runIo();
        assertEquals(QuotaViewModel.State.NONE, vm.stateProperty().get());
        assertEquals("", vm.summaryProperty().get());
    }

    @Test
    void refreshesWhileOneIsInFlightBecomeOneMoreReadWithTheNewestSettings() {
        AtomicInteger reads = new AtomicInteger();
        vm.refresh(() -> {
            reads.incrementAndGet();
            throw new AgentException(new AgentError.Unauthorized("bad key"));
        });
        for (int i = 0; i < 5; i++) { // a key typed character by character
            vm.refresh(() -> {
                reads.incrementAndGet();
                return Optional.of(READING);
            });
        }
        runIo();
        assertEquals(2, reads.get());
        assertEquals(QuotaViewModel.State.LOADED, vm.stateProperty().get(), "the first, older answer is not shown");
    }

    @Test
    void settingsChangingAsOneAreReadOnceAfterAndNeverHalfWay() {
        java.util.List<String> read = new java.util.ArrayList<>();
        String[] host = {"demo"};
        vm.holding(() -> {
            host[0] = "default host"; // the provider changes, and its default host comes with it
            vm.refresh(() -> {
                read.add("half way: " + host[0]);
                return Optional.empty();
            });
            host[0] = "the operator's host";
        }, () -> vm.refresh(() -> {
            read.add(host[0]);
            return Optional.of(READING);
        }));
        runIo();
        assertEquals(java.util.List.of("the operator's host"), read);

        vm.holding(() -> vm.refresh(Optional::empty), null);
        runIo();
        assertEquals(1, read.size(), "held with nothing to read after: nothing read");
        assertEquals(QuotaViewModel.State.LOADED, vm.stateProperty().get());
    }

    @Test
    void aReadThatFailsSaysWhy() {
        vm.refresh(() -> {
            throw new AgentException(new AgentError.Unauthorized("bad key"));
        });
        runIo();
        assertEquals(QuotaViewModel.State.FAILED, vm.stateProperty().get());
        assertTrue(vm.problemProperty().get().contains("unauthorized"), vm.problemProperty().get());
    }

    @Test
    void aTokenBudgetWithNoLimitSaysSo() {
        Quota.Reading unlimited = new Quota.Reading(Optional.empty(), Optional.of(new Quota.TokenBudget(Optional.empty(),
                Optional.of(1234L), Optional.empty(), Optional.of(NOW), Optional.empty())));
        assertEquals("no token budget set (1,234 used)", QuotaViewModel.describe(unlimited, NOW, ZoneOffset.UTC));
    }
}
