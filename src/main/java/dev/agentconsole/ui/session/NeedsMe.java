package dev.agentconsole.ui.session;

import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.session.ConnectionState;
import java.util.Optional;

/**
 * Why a session waits for the operator, and what to show them: the one rule the inbox, the
 * sidebar and the notifications all read (DESIGN.md, "Many sessions in one window").
 *
 * @param text what the inbox shows: the question, the answer, or what went wrong
 */
public record NeedsMe(Reason reason, String text) {

    /** In the order they win when several hold at once: trouble the operator must see first. */
    public enum Reason {
        OUT_OF_BUDGET("out of budget"),
        NOT_DELIVERED("message not delivered"),
        ENDED_WITH_ERROR("ended with an error"),
        QUESTION("asks you"),
        TOOL_RESULTS("waits for tool results"),
        ANSWERED("answered");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        /** A few words for a chip or a notification. */
        public String label() {
            return label;
        }
    }

    /**
     * What a session's state says. Each input is what the session model tracks as events come:
     *
     * @param asked       the last question or answer the agent put to the operator, if any
     * @param question    {@code asked} is a question (AGI's, or an H answer that asks), not a result
     * @param undelivered messages that failed, or may not have arrived (the operator must resend or drop)
     * @param ended       why reading ended or the agent failed, when it did
     * @param budget      the provider's refusal for want of budget, when it refused
     */
    public static Optional<NeedsMe> of(AgentStatus status, ConnectionState state, Optional<String> asked, boolean question,
                                       int undelivered, Optional<String> ended, Optional<String> budget) {
        if (budget.isPresent()) {
            return Optional.of(new NeedsMe(Reason.OUT_OF_BUDGET, budget.get()));
        }
        if (undelivered > 0) {
            return Optional.of(new NeedsMe(Reason.NOT_DELIVERED, undelivered == 1
                    ? "A message was not delivered: resend or drop it." : undelivered + " messages were not delivered: resend or drop them."));
        }
        if (ended.isPresent() && (state == ConnectionState.ENDED || isFailure(status))) {
            return Optional.of(new NeedsMe(Reason.ENDED_WITH_ERROR, ended.get()));
        }
        if (isFailure(status)) {
            return Optional.of(new NeedsMe(Reason.ENDED_WITH_ERROR, "The agent's session is " + status.label() + "."));
        }
        return switch (status) {
            case WAITING_FOR_INPUT -> Optional.of(new NeedsMe(Reason.QUESTION, asked.orElse("The agent asks you something.")));
            case AWAITING_TOOL_RESULTS -> Optional.of(new NeedsMe(Reason.TOOL_RESULTS,
                    "The agent waits for tool results, which this console does not run: send a message or stop it."));
            case IDLE -> Optional.of(question && asked.isPresent() ? new NeedsMe(Reason.QUESTION, asked.get())
                    : new NeedsMe(Reason.ANSWERED, asked.orElse("The agent answered and waits for you.")));
            default -> Optional.empty();
        };
    }

    private static boolean isFailure(AgentStatus s) {
        return s == AgentStatus.FAILED || s == AgentStatus.ERROR || s == AgentStatus.TIMED_OUT;
    }
}
