package dev.agentconsole.emulator;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting on a session's monitor until something arrives: long polls and event streams. */
final class Monitors {

    private Monitors() {}

    /**
     * Waits on {@code monitor} (whose lock the caller holds) until {@code ready} holds or the time
     * is up; the session calls {@code notifyAll()} whenever it appends.
     *
     * @return whether {@code ready} holds
     */
    static boolean awaitUntil(Object monitor, BooleanSupplier ready, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!ready.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            monitor.wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
