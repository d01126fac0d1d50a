package dev.agentconsole.store;

import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.Outgoing;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the store keeps of one session, as stored: for exports, which must lose nothing.
 *
 * @param baseUrl      the server it was read from ("" when unknown)
 * @param nextPosition where reading would resume
 * @param openedAt     when the console last opened it (the epoch when it never did, e.g. events only)
 */
public record Archive(SessionKey key, String baseUrl, long nextPosition, Instant openedAt, List<Event> events,
                      List<Delivery> deliveries) {

    public Archive {
        events = List.copyOf(events);
        deliveries = List.copyOf(deliveries);
    }

    /**
     * One stored event: where it is, its kind and its stored JSON exactly, and decoded.
     *
     * @param body the stored JSON, unchanged
     */
    public record Event(long position, int ordinal, String kind, String body, AgentEvent event) {}

    /** One outbox row: the message with its images, and where its delivery stands. */
    public record Delivery(long id, Outgoing outgoing, String state, Optional<String> cause, int attempts, long sentAfter,
                           Instant createdAt, Instant updatedAt) {}
}
