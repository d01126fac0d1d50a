package dev.agentconsole.agent;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The port every provider implements. All calls block the calling thread (never the FX thread)
 * and fail with {@link AgentException} (a server or network fault) or
 * {@link InvalidInputException} (refused before the wire). An operation a provider lacks is an
 * empty {@code Optional}, so callers see it in the type rather than at run time.
 */
public interface AgentBackend extends AutoCloseable {

    Provider provider();

    /** The limits messages are validated against before sending. */
    MessageRules rules();

    /** Why {@code outgoing} cannot be sent as it is, or empty when it can. Nothing is sent. */
    Optional<String> problemWith(Outgoing outgoing);

    /** Sends one message or a batch. Validates first; an invalid one never reaches the wire. */
    void send(SessionId session, Outgoing outgoing);

    /**
     * Reads what happened since {@code from}, waiting up to {@code wait} for something new
     * (a long poll). An empty page means nothing new yet.
     */
    EventPage events(SessionId session, long from, Duration wait);

    SessionSnapshot status(SessionId session);

    SessionInfo session(SessionId session);

    /** Who runs the session, its times, usage, cost and subagents: what the details popover shows. */
    SessionDetails details(SessionId session);

    void pause(SessionId session);

    void resume(SessionId session);

    /** H: cancels the session (it ends interrupted). AGI: cancels the current task. */
    void stop(SessionId session);

    /** Makes the agent answer now with what it has (H only). */
    Optional<ForceAnswer> forceAnswer();

    /** A pushed event stream with lower latency than {@link #events} (AGI's SSE), where the provider has one. */
    Optional<LiveEvents> liveEvents();

    /** The agent's browser as a picture right now (AGI), where the provider offers it. */
    Optional<Screenshots> screenshots();

    /**
     * An image an event names by URL (H's platform screenshots), fetched with the key only from the
     * provider's own origin; storage on another host never sees it. Never call it on the FX thread.
     */
    FetchedImage image(String url);

    /** Free session slots and the token budget (H), where the provider tells them. */
    Optional<Quota> quota();

    SessionInfo create(NewSession request);

    /** The newest sessions first, one page of at most {@code size}. */
    List<SessionSummary> list(int page, int size);

    /** Cancels this backend's calls in flight; the shared HTTP client stays open. */
    @Override
    void close();

    @FunctionalInterface
    interface ForceAnswer {
        void forceAnswer(SessionId session);
    }

    @FunctionalInterface
    interface Screenshots {
        Screenshot take(SessionId session);
    }

    /** An image's bytes as fetched, and its media type when the server named an image type. */
    record FetchedImage(byte[] bytes, Optional<String> mediaType) {}

    /** A screenshot of the agent's browser: a data URI, and the page it shows. */
    record Screenshot(String dataUri, String url, String title) {}
}
