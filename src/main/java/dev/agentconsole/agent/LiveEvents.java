package dev.agentconsole.agent;

import java.time.Instant;

/** A pushed event stream for one session (AGI's SSE). Events may repeat across reconnects: ids dedupe them. */
public interface LiveEvents {

    /** Starts streaming events after {@code afterPosition}; close the subscription to stop. */
    Subscription open(SessionId session, long afterPosition, Listener listener);

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Called on the stream's thread, never the FX thread. */
    interface Listener {
        void onEvent(AgentEvent event);

        /** The server said it is alive (about every 30 s on AGI); a long silence means stale. */
        default void onHeartbeat(Instant at) {
        }

        /** The stream ended for good ({@code done}/{@code error}, or closed by us); no reconnect follows. */
        default void onEnded(String reason) {
        }

        /** The stream failed and gave up reconnecting. */
        default void onFailure(AgentError error) {
        }
    }
}
