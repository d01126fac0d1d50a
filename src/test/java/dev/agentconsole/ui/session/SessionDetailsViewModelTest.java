package dev.agentconsole.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentException;
import dev.agentconsole.agent.SessionDetails;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.SessionSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The details popover's model without the toolkit. */
class SessionDetailsViewModelTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:30:00Z");
    static final SessionId ID = SessionId.parse("3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b");
    static final SessionId CHILD = SessionId.parse("0b0e2c4a-1111-4e5f-9b6a-7c8d9e0f1a2b");

    final List<SessionId> opened = new ArrayList<>();
    final SessionDetailsViewModel vm = new SessionDetailsViewModel(Runnable::run, Runnable::run, () -> NOW, ZoneOffset.UTC,
            opened::add);

    private static Optional<BigDecimal> usd(String v) {
        return Optional.of(new BigDecimal(v));
    }

    private static SessionDetails details(SessionDetails.Cost cost, List<SessionDetails.ModelUsage> usage) {
        return new SessionDetails(ID, "acme/orchestrator", Optional.of(Instant.parse("2026-11-23T10:00:00Z")),
                Optional.of(Instant.parse("2026-11-23T10:00:03Z")), Optional.empty(),
                new SessionSnapshot(dev.agentconsole.agent.AgentStatus.IDLE, "idle", Optional.of(7), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.of("success")), usage, cost, List.of(CHILD));
    }

    @Test
    void costSplitAndUsagePerModelUseOnePrecisionAndExactCounts() {
        SessionDetails.Cost total = new SessionDetails.Cost(usd("0.0108"), usd("0.0024"), usd("0.0036"), usd("0.0168"));
        vm.load(() -> details(total, List.of(new SessionDetails.ModelUsage("holo-2", 80_500_000, 1200, 300,
                new SessionDetails.Cost(usd("80.50000000"), usd("0.006"), usd("0.0009"), usd("80.5069"))))));
        assertEquals(SessionDetailsViewModel.State.LOADED, vm.stateProperty().get());
        assertEquals("acme/orchestrator", vm.agentProperty().get());
        assertEquals("idle · 7 steps · outcome success", vm.statusProperty().get());
        assertEquals("created 23 Nov 10:00 · started 23 Nov 10:00", vm.timesProperty().get());
        assertEquals("$0.0168 (input $0.0108 · output $0.0024 · reasoning $0.0036)", vm.costProperty().get());
        assertEquals(new SessionDetailsViewModel.UsageRow("holo-2", "80,500,000", "1,200", "300", "$80.5069"), vm.usage().get(0));
    }

    @Test
    void anUnpricedModelIsSaidUnpricedNotFree() {
        vm.load(() -> details(SessionDetails.Cost.UNKNOWN, List.of(new SessionDetails.ModelUsage("holo-2-mini", 900, 40, 0,
                SessionDetails.Cost.UNKNOWN))));
        assertEquals("unpriced: a model has no price", vm.costProperty().get());
        assertEquals("unpriced", vm.usage().get(0).cost());
    }

    @Test
    void aListedSubagentOpensAndNothingElseDoes() {
        vm.load(() -> details(SessionDetails.Cost.UNKNOWN, List.of()));
        assertEquals(List.of(CHILD), vm.subagents());
        vm.open(ID);
        vm.open(CHILD);
        assertEquals(List.of(CHILD), opened);
    }

    @Test
    void aFailedReadSaysWhyAndRefreshReadsAgain() {
        int[] calls = {0};
        vm.load(() -> {
            if (calls[0]++ == 0) {
                throw new AgentException(new AgentError.NotFound("Session not found"));
            }
            return details(SessionDetails.Cost.UNKNOWN, List.of());
        });
        assertEquals(SessionDetailsViewModel.State.FAILED, vm.stateProperty().get());
        assertTrue(vm.problemProperty().get().contains("session not found"), vm.problemProperty().get());
        vm.refresh();
        assertEquals(SessionDetailsViewModel.State.LOADED, vm.stateProperty().get());
    }
}
