package dev.agentconsole.session;

import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentException;
import dev.agentconsole.agent.EventPage;
import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.LiveEvents;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.ReadPacer;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.SessionSnapshot;
import dev.agentconsole.store.OutboxRow;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * One bound session: a reader that follows its events for as long as it is bound (reconnecting
 * with backoff through network faults), an ordered sender, and the operator's commands. All work
 * happens on its own daemon threads; the listener is called on them, never on the FX thread.
 * It owns the backend and closes it.
 *
 * <p>With the store: every outgoing message is committed before its first byte is sent and every
 * state change is saved; every event is stored with the position after it. Starting again shows
 * the stored history, resumes reading where it stopped, sends what was still queued (in order)
 * and turns what was being sent into UNCERTAIN for the operator to resend or drop.
 */
public final class SessionController implements AutoCloseable {

    /** What the controller reports. Called on background threads. */
    public interface Listener {
        void onEvents(List<AgentEvent> events);

        /** The newest stored events, once, before anything new. */
        default void onHistory(List<AgentEvent> history) {
            onEvents(history);
        }

        /** The rest of a long stored history, older than what {@link #onHistory} gave, once it is read. */
        default void onOlderHistory(List<AgentEvent> older) {
        }

        /** A delivery read back from the store (QUEUED ones are being sent again). */
        default void onRestored(Delivery delivery) {
            onDelivery(delivery);
        }

        /** The reader caught up after a restart or a network drop: {@code count} events came in the meantime. */
        default void onCaughtUp(int count, boolean afterRestart) {
        }

        void onSnapshot(SessionSnapshot snapshot);

        void onConnection(ConnectionState state, Optional<AgentError> cause);

        void onDelivery(Delivery delivery);

        /** A pause, resume, stop or force answer failed. */
        void onCommandFailed(String command, AgentError error);

        /** The server answered a read: the session is not stale. */
        default void onContact(Instant at) {
        }
    }

    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** A read that says nothing of the session's state (H's 204) asks for it at most this often. */
    static final Duration STATUS_REFRESH = Duration.ofSeconds(15);
    /** After the push stream ended on a settled session, how often to look for messages sent from elsewhere. */
    static final Duration SETTLED_LOOK = Duration.ofSeconds(10);
    /** How many of the newest stored events show before the rest of a long history is read. */
    static final int HISTORY_FIRST = 500;
    /** How long the newest stored rows have the window to themselves before the older ones follow. */
    static final Duration OLDER_HISTORY_DELAY = Duration.ofMillis(400);
    /** How many messages seen before the first unsettled one still compete for stored echoes on a restart. */
    static final int SEEN_BEFORE_CRASH = 50;

    private final AgentBackend backend;
    private final SessionId session;
    private final Listener listener;
    private final Duration longPoll;
    private final ExecutorService sender;
    private final ExecutorService commands;
    private final Thread reader;
    private final Store store;
    private final SessionKey key;
    private final Map<Long, Delivery> deliveries = new ConcurrentHashMap<>();
    /** Completes once the store's records are restored, with whether there were any. */
    private final java.util.concurrent.CompletableFuture<Boolean> restored = new java.util.concurrent.CompletableFuture<>();
    /** Outbox writes not yet awaited by the sender. */
    private final Map<Long, java.util.concurrent.CompletableFuture<Boolean>> committed = new ConcurrentHashMap<>();
    /** Lines sent and not yet echoed, in send order: delivery id and the line. */
    private final List<PendingLine> awaitingEcho = new ArrayList<>();
    private final ReadPacer pacer = new ReadPacer();
    /** Status reads are numbered before they are made; the newest shown wins ({@link #applyStatus}). */
    private final java.util.concurrent.atomic.AtomicLong statusSeq = new java.util.concurrent.atomic.AtomicLong();
    private long shownStatusSeq;
    private final java.util.concurrent.atomic.AtomicBoolean refreshQueued = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean running = true;
    private volatile long position;
    /** The server has answered since binding; and whether the last read failed. */
    private volatile boolean live;
    private volatile boolean wasDown;
    /** When the session's state was last read or reported ({@link System#nanoTime()}). */
    private volatile long lastStatus = System.nanoTime();

    /** A sent line waiting for its echo, which can only come at {@code from} or later. */
    private record PendingLine(long deliveryId, String callerId, String text, long from) {}

    public SessionController(AgentBackend backend, SessionId session, Listener listener, Duration longPoll, Store store) {
        this.backend = backend;
        this.session = session;
        this.listener = listener;
        this.longPoll = longPoll;
        this.store = store;
        this.key = SessionKey.of(backend.provider(), session.value());
        this.sender = whileBusy(daemon("sender-" + session));
        this.commands = whileBusy(daemon("commands-" + session));
        this.reader = daemon("reader-" + session).newThread(this::read);
    }

    public SessionId session() {
        return session;
    }

    public AgentBackend backend() {
        return backend;
    }

    /**
     * Starts: first, on the sender's thread, what the store holds is restored (so messages queued
     * in an earlier run go out before any new one); then the reader follows the session from the
     * stored position.
     */
    public void start() {
        long before = store.peekNextDeliveryId(); // rows from earlier runs (or earlier controllers) only
        sender.execute(() -> {
            List<Long> toSend = new ArrayList<>();
            try {
                restored.complete(restore(before, toSend));
            } catch (RuntimeException e) {
                restored.complete(false);
                listener.onCommandFailed("restore from the store", new AgentError.Stored(e.getMessage()));
            }
            // the reader goes on meanwhile; these go out first, in order, ahead of anything new
            toSend.forEach(this::deliver);
        });
        reader.start();
    }

    // ---- reading -------------------------------------------------------------------------------

    private void read() {
        try {
            follow();
        } catch (RuntimeException e) {
            // a fault of this client, not of the network: say so instead of leaving the window "connecting"
            if (running) {
                listener.onConnection(ConnectionState.ENDED, Optional.of(new AgentError.Unexpected(0,
                        "the console could not read the session: " + e.getMessage())));
            }
        }
    }

    private void follow() {
        listener.onConnection(ConnectionState.CONNECTING, Optional.empty());
        boolean resumed;
        try {
            resumed = restored.get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            return; // closing
        }
        try {
            readStatus();
            listener.onContact(Instant.now());
            // the server answered: live now, not only when the first long poll returns (an idle agent can take 20 s)
            listener.onConnection(ConnectionState.LIVE, Optional.empty());
            live = true;
        } catch (AgentException e) {
            if (endsTheSession(e.error())) {
                listener.onConnection(ConnectionState.ENDED, Optional.of(e.error()));
                return;
            }
        } catch (CancellationException e) {
            return;
        }
        try {
            if (backend.liveEvents().isEmpty() || !live) {
                poll(resumed, false);
            } else if (poll(resumed, true)) {
                // the push stream failed for good: read by polling for as long as the session is bound
                poll(false, false);
            }
        } catch (CancellationException e) {
            // closing
        }
    }

    /**
     * Reads by polling, paced so that a server answering "nothing new" at once is not hammered.
     *
     * @param untilCaughtUp only catch up (no long poll), then hand over to the push stream
     * @return false when the session ended or the controller closed; with {@code untilCaughtUp}, what
     *         {@link #stream()} returns
     */
    private boolean poll(boolean resumed, boolean untilCaughtUp) {
        int failures = 0;
        // after a restart or a dropped connection: count what came in the meantime, until caught up
        int catchingUp = resumed ? 0 : -1;
        boolean afterRestart = resumed;
        while (running) {
            try {
                if (catchingUp < 0 && untilCaughtUp) {
                    return stream();
                }
                // catching up: read without waiting until a read comes back empty, then say how much came
                long readSeq = statusSeq.incrementAndGet();
                long started = System.nanoTime();
                EventPage page = backend.events(session, position, catchingUp >= 0 ? Duration.ZERO : longPoll);
                java.time.Duration took = ReadPacer.since(started);
                contact();
                failures = 0;
                if (!page.events().isEmpty()) {
                    arrived(page.events(), page.next());
                }
                if (catchingUp >= 0) {
                    catchingUp += page.events().size();
                    if (page.events().isEmpty()) {
                        listener.onCaughtUp(catchingUp, afterRestart);
                        catchingUp = -1;
                    }
                }
                position = page.next();
                if (page.snapshot().isPresent()) {
                    applyStatus(readSeq, page.snapshot().get());
                } else if (ReadPacer.since(lastStatus).compareTo(STATUS_REFRESH) >= 0) {
                    // the read said nothing of the state (H's 204): ask now and then, never in step with every read
                    readStatus();
                }
                if (catchingUp < 0) {
                    pacer.pause(!page.events().isEmpty(), took, longPoll);
                }
            } catch (AgentException e) {
                if (!running) {
                    return false;
                }
                if (endsTheSession(e.error())) {
                    listener.onConnection(ConnectionState.ENDED, Optional.of(e.error()));
                    return false;
                }
                failures++;
                if (live && catchingUp < 0) {
                    catchingUp = 0; // once back, count what came in the meantime
                    afterRestart = false;
                }
                wasDown = true;
                listener.onConnection(ConnectionState.RECONNECTING, Optional.of(e.error()));
                if (!sleep(backoff(failures))) {
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * Reads the provider's push stream (AGI's SSE) for lower latency. After the agent's {@code done} or
     * {@code error} the stream is not reopened until the operator acts (reference section 3); meanwhile
     * a slow look now and then catches messages sent from elsewhere.
     *
     * @return true when the stream failed for good and polling should take over; false when closing
     */
    private boolean stream() {
        LiveEvents stream = backend.liveEvents().orElseThrow();
        while (running) {
            long actedBefore = pacer.generation(); // a send while the stream is open must not be missed after it ends
            java.util.concurrent.CompletableFuture<String> over = new java.util.concurrent.CompletableFuture<>();
            LiveEvents.Subscription subscription = stream.open(session, position, new LiveEvents.Listener() {
                @Override
                public void onEvent(AgentEvent event) {
                    streamed(event);
                }

                @Override
                public void onHeartbeat(Instant at) {
                    listener.onContact(at);
                }

                @Override
                public void onEnded(String reason) {
                    over.complete(reason);
                }

                @Override
                public void onFailure(AgentError error) {
                    wasDown = true;
                    listener.onConnection(ConnectionState.RECONNECTING, Optional.of(error));
                    over.complete(null);
                }
            });
            String reason = null;
            try {
                while (running) {
                    try {
                        reason = over.get(STATUS_REFRESH.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                        break;
                    } catch (java.util.concurrent.TimeoutException quiet) {
                        refreshStatus(); // the stream carries no state of its own: look now and then
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (java.util.concurrent.ExecutionException e) {
                reason = null;
            } finally {
                subscription.close();
            }
            if (reason == null) {
                return running; // failed (or halted): polling takes over while running
            }
            if (!running) {
                return false;
            }
            try {
                readStatus();
                // settled: wait for the operator (an act since the stream opened counts), looking in now and then
                while (running && !pacer.awaitWake(actedBefore, SETTLED_LOOK)) {
                    EventPage page = backend.events(session, position, Duration.ZERO);
                    contact();
                    if (!page.events().isEmpty()) {
                        arrived(page.events(), page.next());
                        position = page.next();
                        break;
                    }
                }
            } catch (AgentException e) {
                if (endsTheSession(e.error())) {
                    listener.onConnection(ConnectionState.ENDED, Optional.of(e.error()));
                    return false;
                }
                listener.onConnection(ConnectionState.RECONNECTING, Optional.of(e.error()));
                return running;
            }
        }
        return false;
    }

    /** One event from the push stream: a state change is passed on as it is; the rest is stored first. */
    private void streamed(AgentEvent event) {
        if (!running) {
            return;
        }
        contact();
        if (event instanceof AgentEvent.StatusChange change && event.position() <= position) {
            // paused/resumed carry no position of their own: nothing to store, the state is what matters
            applyStatus(statusSeq.incrementAndGet(), SessionSnapshot.of(change.status().name().toLowerCase(java.util.Locale.ROOT)));
            listener.onEvents(List.of(event));
            return;
        }
        long next = Math.max(position, event.position());
        arrived(List.of(event), next);
        position = next;
        if (event instanceof AgentEvent.Question || event instanceof AgentEvent.Message) {
            refreshStatus(); // the agent now waits, or takes up the operator's message
        }
    }

    /**
     * Reads the session's state once, off the reader's thread (a push stream carries none). Asks
     * that arrive while one is waiting to run are one read.
     */
    private void refreshStatus() {
        if (!refreshQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            commands.execute(() -> {
                refreshQueued.set(false);
                try {
                    readStatus();
                } catch (AgentException | CancellationException e) {
                    // the next look, or the reader, reports what is wrong
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            refreshQueued.set(false);
        }
    }

    /** Reads the session's state now, on the calling thread, and shows it unless something newer came meanwhile. */
    private void readStatus() {
        long seq = statusSeq.incrementAndGet();
        applyStatus(seq, backend.status(session));
    }

    /**
     * Shows a state read with sequence number {@code seq} (taken before the read), unless a state read
     * later was shown already: the reader, the stream and the commands read it on different threads,
     * and a slow or retried read must not put an older state back.
     */
    private void applyStatus(long seq, SessionSnapshot snapshot) {
        synchronized (statusSeq) {
            if (seq < shownStatusSeq) {
                return;
            }
            shownStatusSeq = seq;
            lastStatus = System.nanoTime();
            listener.onSnapshot(snapshot);
        }
    }

    private void arrived(List<AgentEvent> events, long next) {
        store.append(key, events, next);
        matchEchoes(events);
        listener.onEvents(events);
    }

    private void contact() {
        listener.onContact(Instant.now());
        if (!live || wasDown) {
            listener.onConnection(ConnectionState.LIVE, Optional.empty());
            live = true;
        }
        wasDown = false;
    }

    /**
     * Shows what the store holds for this session and picks up where the last run stopped.
     *
     * @return whether there was anything to resume from
     */
    private boolean restore(long before, List<Long> toSend) {
        // the newest events first, so a long history opens at its end at once; the rest follows below
        long tail = store.tailStart(key, HISTORY_FIRST);
        List<AgentEvent> newest = store.historyAfter(key, tail == Long.MIN_VALUE ? Long.MIN_VALUE : tail - 1);
        position = Math.max(position, store.position(key));
        if (!newest.isEmpty()) {
            listener.onHistory(newest);
        }
        // read-only (another console holds the folder, or a newer one wrote it): its outbox is not
        // this console's to send, and nothing sent here could be recorded
        List<OutboxRow> rows = store.mode() == Store.Mode.READ_ONLY ? List.of()
                : store.outbox(key, List.of(DeliveryState.QUEUED.name(), DeliveryState.SENDING.name(),
                        DeliveryState.ACCEPTED.name(), DeliveryState.UNCERTAIN.name(), DeliveryState.FAILED.name()))
                .stream().filter(row -> row.id() < before).toList();
        List<Delivery> restoredRows = new ArrayList<>();
        List<PendingLine> stillAwaited = new ArrayList<>();
        for (OutboxRow row : rows) {
            DeliveryState state = DeliveryState.valueOf(row.state());
            Optional<AgentError> cause = row.cause().map(AgentError.Stored::new);
            if (state == DeliveryState.SENDING) {
                state = DeliveryState.UNCERTAIN; // it was on the wire when the console stopped
                cause = Optional.of(new AgentError.Uncertain("the console stopped while sending it"));
            }
            Delivery d = new Delivery(row.id(), row.outgoing(), state, cause, row.attempts());
            restoredRows.add(d);
            if (state == DeliveryState.ACCEPTED || state == DeliveryState.UNCERTAIN) {
                for (OutgoingMessage m : d.outgoing().messages()) {
                    stillAwaited.add(new PendingLine(d.id(), m.callerId().orElse("user"), m.text(), row.sentAfter()));
                }
            }
        }
        // echoes the last run stored but did not get to match: those messages were seen. Messages
        // seen already take their own echoes first (the same words sent twice must not count twice).
        long earliest = stillAwaited.stream().mapToLong(PendingLine::from).min().orElse(Long.MAX_VALUE);
        java.util.Set<Long> seenInHistory = java.util.Set.of();
        if (!stillAwaited.isEmpty()) {
            long firstAwaited = stillAwaited.stream().mapToLong(PendingLine::deliveryId).min().orElseThrow();
            List<PendingLine> lines = new ArrayList<>();
            for (OutboxRow seen : store.outbox(key, List.of(DeliveryState.SEEN.name()))) {
                if (seen.id() >= firstAwaited - SEEN_BEFORE_CRASH && seen.id() < before) {
                    for (OutgoingMessage m : seen.outgoing().messages()) {
                        lines.add(new PendingLine(seen.id(), m.callerId().orElse("user"), m.text(), seen.sentAfter()));
                    }
                }
            }
            lines.addAll(stillAwaited);
            lines.sort(java.util.Comparator.comparingLong(PendingLine::deliveryId));
            java.util.Set<Long> matched = matchStoredEchoes(lines, store.historyAfter(key,
                    Math.min(earliest, lines.get(0).from()) - 1));
            java.util.Set<Long> awaitedIds = new java.util.HashSet<>();
            stillAwaited.forEach(l -> awaitedIds.add(l.deliveryId()));
            matched.retainAll(awaitedIds);
            seenInHistory = matched;
        }
        for (int i = 0; i < restoredRows.size(); i++) {
            Delivery d = restoredRows.get(i);
            if (seenInHistory.contains(d.id())) {
                d = d.with(DeliveryState.SEEN, Optional.empty());
            }
            deliveries.put(d.id(), d);
            if (!d.state().name().equals(rows.get(i).state())) {
                save(d);
            }
            if (d.state() == DeliveryState.SEEN) {
                continue; // the history shows it, as the agent's echo
            }
            if (d.state() == DeliveryState.ACCEPTED || d.state() == DeliveryState.UNCERTAIN) {
                awaitEcho(d, rows.get(i).sentAfter());
            }
            if (d.state() == DeliveryState.QUEUED) {
                toSend.add(d.id());
            }
            listener.onRestored(d);
        }
        if (tail != Long.MIN_VALUE) {
            // the rest a moment later, off the sender: the newest rows get the first frames to themselves
            // (a 100,000-row list arriving before them held the newest on screen back by half a second)
            java.util.concurrent.CompletableFuture.runAsync(() -> {
                if (!running) {
                    return;
                }
                List<AgentEvent> older = store.historyBetween(key, Long.MIN_VALUE, tail);
                if (!older.isEmpty() && running) {
                    listener.onOlderHistory(older);
                }
            }, java.util.concurrent.CompletableFuture.delayedExecutor(OLDER_HISTORY_DELAY.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS));
        }
        return !newest.isEmpty() || !rows.isEmpty();
    }

    /** The deliveries all of whose lines have an echo in {@code history} (in send order, at or after the line's position). */
    private static java.util.Set<Long> matchStoredEchoes(List<PendingLine> awaited, List<AgentEvent> history) {
        List<PendingLine> open = new ArrayList<>(awaited);
        for (AgentEvent e : history) {
            if (e instanceof AgentEvent.Message m) {
                for (Iterator<PendingLine> it = open.iterator(); it.hasNext(); ) {
                    PendingLine line = it.next();
                    if (line.text().equals(m.text()) && line.callerId().equals(m.callerId()) && m.position() >= line.from()) {
                        it.remove();
                        break;
                    }
                }
            }
        }
        java.util.Set<Long> seen = new java.util.HashSet<>();
        awaited.forEach(line -> seen.add(line.deliveryId()));
        open.forEach(line -> seen.remove(line.deliveryId()));
        return seen;
    }

    private static boolean endsTheSession(AgentError error) {
        return error instanceof AgentError.NotFound || error instanceof AgentError.Unauthorized
                || error instanceof AgentError.Forbidden;
    }

    static Duration backoff(int failures) {
        long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(failures - 1, 5));
        return Duration.ofSeconds(seconds);
    }

    private boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** The agent's stream echoes operator messages: match them, in send order, on caller id and text. */
    private void matchEchoes(List<AgentEvent> events) {
        synchronized (awaitingEcho) {
            for (AgentEvent e : events) {
                if (!(e instanceof AgentEvent.Message m)) {
                    continue;
                }
                for (Iterator<PendingLine> it = awaitingEcho.iterator(); it.hasNext(); ) {
                    PendingLine line = it.next();
                    if (line.text().equals(m.text()) && line.callerId().equals(m.callerId()) && m.position() >= line.from()) {
                        it.remove();
                        long id = line.deliveryId();
                        if (awaitingEcho.stream().noneMatch(p -> p.deliveryId() == id)) {
                            transition(id, d -> d.state() == DeliveryState.DROPPED || d.state() == DeliveryState.FAILED
                                    ? d : d.with(DeliveryState.SEEN, Optional.empty()));
                        }
                        break;
                    }
                }
            }
        }
    }

    // ---- sending -------------------------------------------------------------------------------

    /** Queues a send; the returned delivery is QUEUED and moves on through {@link Listener#onDelivery}. */
    public Delivery send(Outgoing outgoing) {
        Delivery d = queue(outgoing);
        pacer.wake();
        sender.execute(() -> deliver(d.id()));
        return d;
    }

    /** A new QUEUED delivery, handed to the store before anything else can happen to it. */
    private Delivery queue(Outgoing outgoing) {
        Delivery d = new Delivery(store.newDeliveryId(), outgoing, DeliveryState.QUEUED, Optional.empty(), 1);
        deliveries.put(d.id(), d);
        committed.put(d.id(), store.enqueue(d.id(), key, outgoing, DeliveryState.QUEUED.name(), position));
        listener.onDelivery(d);
        return d;
    }

    /** Stops the current task (AGI) and then sends, in that order, on the sender's thread. */
    public Delivery stopThenSend(Outgoing outgoing) {
        Delivery d = queue(outgoing);
        pacer.wake();
        sender.execute(() -> {
            try {
                backend.stop(session);
            } catch (AgentException e) {
                listener.onCommandFailed("stop", e.error());
            } catch (CancellationException e) {
                return;
            }
            deliver(d.id());
        });
        return d;
    }

    /** Sends a FAILED or UNCERTAIN delivery again (the operator's decision). */
    public void resend(long deliveryId) {
        if (transition(deliveryId, d -> d.state().resendable() ? d.resent() : d)) {
            pacer.wake();
            sender.execute(() -> deliver(deliveryId));
        }
    }

    /** The operator gives up on a FAILED or UNCERTAIN delivery. */
    public void drop(long deliveryId) {
        synchronized (awaitingEcho) {
            if (transition(deliveryId, d -> d.state().resendable() ? d.with(DeliveryState.DROPPED, d.cause()) : d)) {
                awaitingEcho.removeIf(p -> p.deliveryId() == deliveryId);
            }
        }
    }

    private void deliver(long id) {
        Delivery d = deliveries.get(id);
        if (d == null || d.state() != DeliveryState.QUEUED || !running) {
            return;
        }
        java.util.concurrent.CompletableFuture<Boolean> saved = committed.remove(id);
        if (saved != null) {
            saved.join(); // committed before the first byte leaves (a failed save was reported; send anyway)
        }
        transition(id, now -> now.with(DeliveryState.SENDING, Optional.empty()));
        // SENDING must be on disk before the first byte: after a crash, a row still QUEUED is sent
        // again, so one that may have gone out must say so (it comes back UNCERTAIN)
        store.flushed().join();
        awaitEcho(d, position);
        try {
            backend.send(session, d.outgoing());
            transition(id, now -> now.state() == DeliveryState.SENDING ? now.with(DeliveryState.ACCEPTED, Optional.empty()) : now);
            pacer.wake(); // the echo is due now: read at full speed (the wake at queueing came before the message existed)
            if (backend.liveEvents().isPresent()) {
                refreshStatus(); // a push stream says nothing of the task the message started
            }
        } catch (AgentException e) {
            AgentError error = e.error();
            boolean uncertain = error instanceof AgentError.Uncertain
                    || error instanceof AgentError.BatchStopped b && b.cause() instanceof AgentError.Uncertain;
            if (!uncertain) {
                synchronized (awaitingEcho) {
                    awaitingEcho.removeIf(p -> p.deliveryId() == id);
                }
            }
            // the echo can come before the error: a message the agent saw stays seen (the cause is kept for the record)
            transition(id, now -> now.with(now.state() == DeliveryState.SEEN ? DeliveryState.SEEN
                    : uncertain ? DeliveryState.UNCERTAIN : DeliveryState.FAILED, Optional.of(error)));
        } catch (InvalidInputException e) {
            synchronized (awaitingEcho) {
                awaitingEcho.removeIf(p -> p.deliveryId() == id);
            }
            transition(id, now -> now.with(DeliveryState.FAILED, Optional.of(new AgentError.Invalid(0, e.getMessage(), List.of()))));
        } catch (CancellationException e) {
            // closing: the delivery stays where it was
        }
    }

    private void awaitEcho(Delivery d, long from) {
        synchronized (awaitingEcho) {
            awaitingEcho.removeIf(p -> p.deliveryId() == d.id());
            for (OutgoingMessage m : d.outgoing().messages()) {
                awaitingEcho.add(new PendingLine(d.id(), m.callerId().orElse("user"), m.text(), from));
            }
        }
    }

    /**
     * Moves a delivery on, saves it and reports it, as one step: the sender, the reader (echoes)
     * and the operator change deliveries from different threads, and the last report must be the
     * last state.
     *
     * @return whether it changed
     */
    private boolean transition(long id, java.util.function.UnaryOperator<Delivery> next) {
        synchronized (deliveries) {
            Delivery now = deliveries.get(id);
            if (now == null) {
                return false;
            }
            Delivery then = next.apply(now);
            if (then.equals(now)) {
                return false;
            }
            deliveries.put(id, then);
            save(then);
            listener.onDelivery(then);
            return true;
        }
    }

    private void save(Delivery d) {
        store.update(d.id(), d.state().name(), d.cause().map(AgentError::summary), d.attempts());
    }

    // ---- commands -------------------------------------------------------------------------------

    public void pause() {
        command("pause", () -> backend.pause(session));
    }

    public void resume() {
        command("resume", () -> backend.resume(session));
    }

    public void stop() {
        command("stop", () -> backend.stop(session));
    }

    public void forceAnswer() {
        backend.forceAnswer().ifPresent(f -> command("force answer", () -> f.forceAnswer(session)));
    }

    private void command(String name, Runnable action) {
        pacer.wake();
        commands.execute(() -> {
            try {
                action.run();
                readStatus();
            } catch (AgentException e) {
                listener.onCommandFailed(name, e.error());
            } catch (CancellationException e) {
                // closing
            }
        });
    }

    /**
     * Stops taking anything new off the queue at once (a send on the wire finishes). Cheap: the UI
     * calls it before binding again, so a controller still closing in the background cannot send a
     * queued message that the next one restores and sends too.
     */
    public void halt() {
        running = false;
    }

    /** Stops reading and sending, cancels calls in flight, and waits briefly for the threads. */
    @Override
    public void close() {
        running = false;
        backend.close();
        sender.shutdownNow();
        commands.shutdownNow();
        reader.interrupt();
        try {
            reader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long a sending or command thread waits for more work before it ends (the next task starts another). */
    static final java.time.Duration IDLE_THREAD = java.time.Duration.ofSeconds(10);

    /**
     * One thread, tasks in order, as {@code newSingleThreadExecutor}, but the thread ends when idle: operators send
     * seconds or minutes apart, and a window of twenty sessions kept twenty sending threads for nothing. No core
     * thread: every task goes through the queue, so one given as the idle thread ends still runs after those before it.
     */
    private static ExecutorService whileBusy(java.util.concurrent.ThreadFactory threads) {
        return new java.util.concurrent.ThreadPoolExecutor(0, 1, IDLE_THREAD.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(), threads);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
