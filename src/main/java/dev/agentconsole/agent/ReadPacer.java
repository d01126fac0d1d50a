package dev.agentconsole.agent;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps a reader polite on any server. A long poll may legally come back at once with nothing new
 * (H's {@code /changes} answering an empty 200 or a 204 without waiting, a proxy cutting the wait
 * short), and a reader that simply reads again spins. After a read that brought nothing new, the
 * next read starts no sooner than an interval that doubles while nothing changes, from
 * {@link #FIRST} up to {@link #MOST}; time the server already spent waiting counts toward it, so a
 * real long poll is never slowed. Anything new, or the operator acting ({@link #wake()}), starts
 * over at full speed.
 *
 * <p>Thread-safe: a reader thread {@linkplain #pause paces}, any thread may wake it.
 */
public final class ReadPacer {

    public static final Duration FIRST = Duration.ofMillis(500);
    public static final Duration MOST = Duration.ofSeconds(3);

    private final Duration first;
    private final Duration most;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private Duration interval = Duration.ZERO;
    private long wakes;

    public ReadPacer() {
        this(FIRST, MOST);
    }

    public ReadPacer(Duration first, Duration most) {
        if (first.isNegative() || first.isZero() || most.compareTo(first) < 0) {
            throw new IllegalArgumentException("the first interval must be positive and at most the longest");
        }
        this.first = first;
        this.most = most;
    }

    /**
     * Records how a read went and says how long to wait before the next one.
     *
     * @param somethingNew the read brought events (or a change the reader acts on)
     * @param took         how long the read itself took (a long poll's wait on the server)
     * @param asked        how long the read asked the server to wait (zero: a plain look)
     */
    public Duration next(boolean somethingNew, Duration took, Duration asked) {
        lock.lock();
        try {
            if (somethingNew || (!asked.isZero() && took.compareTo(asked.dividedBy(2)) >= 0)) {
                // news, or a server that really held the long poll: nothing to slow down
                interval = Duration.ZERO;
                return Duration.ZERO;
            }
            interval = interval.isZero() ? first : min(most, interval.multipliedBy(2));
            Duration left = interval.minus(took);
            return left.isNegative() ? Duration.ZERO : left;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records a read and waits as {@link #next} says, cut short by a {@link #wake()} from the moment
     * the read was recorded (a wake while the reader is between the two is not lost).
     *
     * @throws CancellationException when the thread is interrupted while waiting
     */
    public void pause(boolean somethingNew, Duration took, Duration asked) {
        long since;
        Duration wait;
        lock.lock();
        try {
            since = wakes;
            wait = next(somethingNew, took, asked);
        } finally {
            lock.unlock();
        }
        if (!wait.isZero()) {
            awaitWake(since, wait);
        }
    }

    /** How many times the operator acted so far: hand it to {@link #awaitWake(long, Duration)} to miss none. */
    public long generation() {
        lock.lock();
        try {
            return wakes;
        } finally {
            lock.unlock();
        }
    }

    /** The operator acted (sent, paused, resumed...): read again at once and at full speed. */
    public void wake() {
        lock.lock();
        try {
            interval = Duration.ZERO;
            wakes++;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits up to {@code most} for the operator to act after {@code since} ({@link #generation()});
     * returns at once when they already did.
     *
     * @return whether the operator acted
     * @throws CancellationException when the thread is interrupted while waiting
     */
    public boolean awaitWake(long since, Duration most) {
        lock.lock();
        try {
            long nanos = most.toNanos();
            while (nanos > 0 && wakes == since) {
                nanos = woken.awaitNanos(nanos);
            }
            return wakes != since;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("stopped waiting");
        } finally {
            lock.unlock();
        }
    }

    /** The interval the last quiet read set (zero after something new). */
    public Duration interval() {
        lock.lock();
        try {
            return interval;
        } finally {
            lock.unlock();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** For callers that measure a read: the time since {@code startNanos} ({@link System#nanoTime()}). */
    public static Duration since(long startNanos) {
        return Duration.ofNanos(Math.max(0, System.nanoTime() - startNanos));
    }
}
