package dev.agentconsole.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.session.ConnectionState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one rule of when a session waits for the operator, and why. */
class NeedsMeTest {

    private static Optional<NeedsMe> of(AgentStatus s, ConnectionState c) {
        return NeedsMe.of(s, c, Optional.empty(), false, 0, Optional.empty(), Optional.empty());
    }

    @Test
    void aWorkingOrSettledAgentNeedsNobody() {
        for (AgentStatus s : new AgentStatus[] {AgentStatus.RUNNING, AgentStatus.PENDING, AgentStatus.QUEUED, AgentStatus.READY,
                AgentStatus.PAUSED, AgentStatus.COMPLETED, AgentStatus.FINISHED, AgentStatus.INTERRUPTED, AgentStatus.UNKNOWN}) {
            assertEquals(Optional.empty(), of(s, ConnectionState.LIVE), s.name());
        }
    }

    @Test
    void aQuestionAnAnswerAndToolResultsEachWaitWithTheirText() {
        assertEquals(new NeedsMe(NeedsMe.Reason.QUESTION, "Which one?"), NeedsMe.of(AgentStatus.WAITING_FOR_INPUT,
                ConnectionState.LIVE, Optional.of("Which one?"), true, 0, Optional.empty(), Optional.empty()).orElseThrow());
        assertEquals(new NeedsMe(NeedsMe.Reason.QUESTION, "The closer one or the cheaper one?"), NeedsMe.of(AgentStatus.IDLE,
                ConnectionState.LIVE, Optional.of("The closer one or the cheaper one?"), true, 0, Optional.empty(),
                Optional.empty()).orElseThrow(), "H asks by answering without an outcome, then idles");
        assertEquals(NeedsMe.Reason.ANSWERED, NeedsMe.of(AgentStatus.IDLE, ConnectionState.LIVE, Optional.of("Done: booked."), false,
                0, Optional.empty(), Optional.empty()).orElseThrow().reason());
        NeedsMe tools = of(AgentStatus.AWAITING_TOOL_RESULTS, ConnectionState.LIVE).orElseThrow();
        assertEquals(NeedsMe.Reason.TOOL_RESULTS, tools.reason());
        assertTrue(tools.text().contains("does not run"), tools.text());
        assertEquals("The agent asks you something.", of(AgentStatus.WAITING_FOR_INPUT, ConnectionState.LIVE).orElseThrow().text(),
                "a question whose text was not seen still counts");
    }

    @Test
    void troubleWinsOverAQuestion() {
        NeedsMe budget = NeedsMe.of(AgentStatus.WAITING_FOR_INPUT, ConnectionState.LIVE, Optional.of("Which one?"), false, 1,
                Optional.empty(), Optional.of("out of budget (402)")).orElseThrow();
        assertEquals(NeedsMe.Reason.OUT_OF_BUDGET, budget.reason());
        NeedsMe undelivered = NeedsMe.of(AgentStatus.RUNNING, ConnectionState.LIVE, Optional.empty(), false, 2, Optional.empty(),
                Optional.empty()).orElseThrow();
        assertEquals(NeedsMe.Reason.NOT_DELIVERED, undelivered.reason());
        assertTrue(undelivered.text().startsWith("2 messages"), undelivered.text());
    }

    @Test
    void anErrorEndsTheWaitForNothingElse() {
        assertEquals(NeedsMe.Reason.ENDED_WITH_ERROR, NeedsMe.of(AgentStatus.UNKNOWN, ConnectionState.ENDED, Optional.empty(), false, 0,
                Optional.of("session not found"), Optional.empty()).orElseThrow().reason());
        assertEquals(NeedsMe.Reason.ENDED_WITH_ERROR, of(AgentStatus.FAILED, ConnectionState.LIVE).orElseThrow().reason());
        assertEquals(Optional.empty(), NeedsMe.of(AgentStatus.RUNNING, ConnectionState.LIVE, Optional.empty(), false, 0,
                Optional.of("a failure the agent got over"), Optional.empty()), "a failure event alone, the agent still working");
    }
}
