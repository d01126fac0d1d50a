package dev.agentconsole.agent;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Reads a session's events until it settles (waits for the operator, or ends): long-poll, and
 * when the stream says settled or has nothing new, drain what is left without waiting and ask
 * the authoritative status. Positions carry over, so a follower can be resumed from
 * {@link #position()} with nothing missed and nothing doubled.
 */
public final class EventFollower {

    private final AgentBackend backend;
    private final SessionId session;
    private final Duration wait;
    private final ReadPacer pacer;
    private volatile long position;

    public EventFollower(AgentBackend backend, SessionId session, long from, Duration wait) {
        this(backend, session, from, wait, new ReadPacer());
    }

    public EventFollower(AgentBackend backend, SessionId session, long from, Duration wait, ReadPacer pacer) {
        this.backend = backend;
        this.session = session;
        this.position = from;
        this.wait = wait;
        this.pacer = pacer;
    }

    public long position() {
        return position;
    }

    /** Delivers every event to {@code sink} until the session settles; returns its final state. */
    public SessionSnapshot followUntilSettled(Consumer<AgentEvent> sink) {
        return followUntilSettled(sink, false);
    }

    /**
     * @param afterCommand the operator just sent or commanded something: a "settled" status is
     *                     only believed once the session was seen moving (or one long poll passed
     *                     quietly), since a server may apply a message at the agent's next step
     */
    public SessionSnapshot followUntilSettled(Consumer<AgentEvent> sink, boolean afterCommand) {
        boolean sawMovement = !afterCommand;
        Duration nextWait = Duration.ZERO; // the first read only looks, so a settled session ends at once
        long quietSince = System.nanoTime();
        while (true) {
            checkInterrupted();
            long started = System.nanoTime();
            EventPage page = read(nextWait, sink);
            Duration took = ReadPacer.since(started);
            boolean quiet = page.events().isEmpty();
            if (!quiet) {
                quietSince = System.nanoTime();
            }
            // "a long poll passed quietly" needs that much quiet time, however eagerly the server answered
            sawMovement |= page.events().stream().anyMatch(e -> e instanceof AgentEvent.StatusChange s && !s.status().isSettled())
                    || page.snapshot().map(s -> !s.status().isSettled()).orElse(false)
                    || (quiet && !nextWait.isZero() && ReadPacer.since(quietSince).compareTo(nextWait) >= 0);
            boolean maybeSettled = quiet || page.snapshot().map(s -> s.status().isSettled()).orElse(false);
            if (maybeSettled && sawMovement) {
                // a quiet read already found nothing left; after news, drain without waiting
                if (!quiet) {
                    while (!read(Duration.ZERO, sink).events().isEmpty()) {
                        checkInterrupted();
                    }
                }
                SessionSnapshot status = backend.status(session);
                if (status.status().isSettled()) {
                    return status;
                }
            }
            if (!nextWait.isZero() || !quiet) {
                pacer.pause(!quiet, took, nextWait); // never spin on a server that answers "nothing new" at once
            }
            nextWait = wait;
        }
    }

    /** One read: delivers what came and moves the position past it. */
    public EventPage read(Duration waitFor, Consumer<AgentEvent> sink) {
        EventPage page = backend.events(session, position, waitFor);
        page.events().forEach(sink);
        position = page.next();
        return page;
    }

    private static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("stopped following the session");
        }
    }
}
