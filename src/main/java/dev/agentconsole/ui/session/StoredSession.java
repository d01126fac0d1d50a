package dev.agentconsole.ui.session;

import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.session.Delivery;
import dev.agentconsole.session.DeliveryState;
import dev.agentconsole.store.Store;
import java.util.List;

/**
 * A session shown from the store alone, while no backend can be had (no key yet): its history, and
 * its outbox, with what was still to be sent marked as waiting (it goes once the session is connected).
 */
final class StoredSession {

    private StoredSession() {}

    /**
     * Reads on io, shows on the UI thread unless the session was bound (or let go) since {@code gen}.
     *
     * @param why what is missing, without a full stop: "No API key for H: type it ... and press Connect"
     */
    static void load(SessionViewModel s, long gen, String why) {
        s.ctx.io().execute(() -> {
            try {
                Store store = s.ctx.store().get();
                List<AgentEvent> history = store.history(s.key());
                List<Delivery> waiting = store.outbox(s.key(), List.of(DeliveryState.QUEUED.name(), DeliveryState.SENDING.name(),
                        DeliveryState.ACCEPTED.name(), DeliveryState.UNCERTAIN.name(), DeliveryState.FAILED.name()))
                        .stream().map(row -> {
                            DeliveryState state = DeliveryState.valueOf(row.state());
                            DeliveryState shown = state == DeliveryState.QUEUED || state == DeliveryState.SENDING
                                    ? DeliveryState.WAITING : state;
                            return new Delivery(row.id(), row.outgoing(), shown,
                                    row.cause().map(AgentError.Stored::new), row.attempts());
                        }).toList();
                s.ctx.ui().execute(() -> {
                    if (gen != s.reading.generation) {
                        return;
                    }
                    s.transcript.addEvents(history);
                    waiting.forEach(s.transcript::restoreDelivery);
                    long count = waiting.stream().filter(d -> d.state() == DeliveryState.WAITING).count();
                    s.notice.set(why + (count == 0 ? "." : "; " + count + (count == 1 ? " message waits" : " messages wait")
                            + " and will be sent then."));
                });
            } catch (RuntimeException e) {
                s.ctx.ui().execute(() -> s.notice.set("the stored session could not be read: " + e.getMessage()));
            }
        });
    }
}
