package dev.agentconsole.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What moves the scripted agents: each tick lets every running session take one step.
 * The app and the CLI use {@link Ticking}; tests use {@link Manual} and tick when they choose.
 */
public sealed interface ScriptClock extends AutoCloseable {

    Instant now();

    /** Starts calling {@code onTick}; called once by the emulator. */
    void start(Runnable onTick);

    @Override
    void close();

    static Ticking ticking(Duration period) {
        return new Ticking(period);
    }

    static Manual manual() {
        return new Manual();
    }

    /** A step every {@code period} on a daemon thread. */
    final class Ticking implements ScriptClock {
        private final Duration period;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "emulator-clock");
            t.setDaemon(true);
            return t;
        });

        private Ticking(Duration period) {
            this.period = period;
        }

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void start(Runnable onTick) {
            timer.scheduleAtFixedRate(onTick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    /** Time stands still until a test calls {@link #tick} or {@link #advance}. */
    final class Manual implements ScriptClock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-01T09:00:00Z"));
        private volatile Runnable onTick = () -> { };

        private Manual() {}

        @Override
        public Instant now() {
            return now.get();
        }

        @Override
        public void start(Runnable onTick) {
            this.onTick = onTick;
        }

        /** Lets every running session take {@code steps} steps, one second apart. */
        public void tick(int steps) {
            for (int i = 0; i < steps; i++) {
                now.updateAndGet(t -> t.plusSeconds(1));
                onTick.run();
            }
        }

        public void advance(Duration duration) {
            now.updateAndGet(t -> t.plus(duration));
            onTick.run();
        }

        @Override
        public void close() {
            onTick = () -> { };
        }
    }
}
