package dev.agentconsole.agent;

import java.util.List;
import java.util.Optional;

/**
 * One read of the agent's stream.
 *
 * @param next     the position to read from next time
 * @param snapshot the session's state as reported with this read, when the provider sends one
 */
public record EventPage(List<AgentEvent> events, long next, Optional<SessionSnapshot> snapshot) {

    public EventPage {
        events = List.copyOf(events);
    }

    public static EventPage nothingNew(long from) {
        return new EventPage(List.of(), from, Optional.empty());
    }
}
