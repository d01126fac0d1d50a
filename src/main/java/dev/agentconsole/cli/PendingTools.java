package dev.agentconsole.cli;

import dev.agentconsole.agent.AgentEvent;
import java.util.List;
import java.util.function.Consumer;

/**
 * Remembers the newest step's tool calls as events go by, so a session that ends up awaiting tool
 * results can say what it waits on: this console runs no tools, so only the operator can move it on.
 */
final class PendingTools implements Consumer<AgentEvent> {

    private List<String> calls = List.of();

    @Override
    public void accept(AgentEvent event) {
        if (event instanceof AgentEvent.Thought t) {
            calls = t.actions();
        }
    }

    /** One sentence, without a full stop: what the agent waits for, and what the operator can do. */
    String explanation() {
        return "the agent waits for the results of tools it asked its client to run"
                + (calls.isEmpty() ? "" : " (" + String.join("; ", calls) + ")")
                + "; this console does not run tools: send a message to go on without them, or stop the session";
    }
}
