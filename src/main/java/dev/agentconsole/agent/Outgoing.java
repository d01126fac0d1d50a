package dev.agentconsole.agent;

import java.util.List;

/** What one press of "send" delivers: a single message, or queued lines as one batch. */
public sealed interface Outgoing {

    List<OutgoingMessage> messages();

    record Single(OutgoingMessage message) implements Outgoing {
        @Override
        public List<OutgoingMessage> messages() {
            return List.of(message);
        }
    }

    /** Lines processed in order. H sends them as one request; AGI one request per line. */
    record Batch(List<OutgoingMessage> messages) implements Outgoing {
        public Batch {
            messages = List.copyOf(messages);
        }
    }
}
