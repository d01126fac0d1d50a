package dev.agentconsole.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Gives back the heap a burst of work grew. Start-up (loading the classes, matching the CSS, building the
 * first views) allocates about 190 MB in two seconds, and opening a session builds its view and reads its
 * history; G1 grows the heap for such a burst and keeps it, two to five times what the window goes on to use,
 * for as long as the window stays open; so do streaming sessions. 3 s after start-up, after the last of the
 * sessions that came or went (a session opened: its view built, its history read by then as a rule), and after
 * an agent came to rest waiting for the operator, one concurrent collection with a tight free-space limit
 * lets G1 shrink the heap to what it holds plus about 10%. The limit is the
 * JVM's own for that collection only, and put back at once: held tight throughout, G1 collected so often while
 * ten sessions streamed that it took 12 points more CPU and the FX thread's p99 went 10 -> 20 ms. Nothing runs
 * at rest or because sessions stream: only after those moments (one that comes while others stream costs them
 * one concurrent cycle, a few milliseconds of pauses).
 *
 * <p>Only with G1 and when the launcher asks for explicit collections to run concurrently
 * ({@code -XX:+ExplicitGCInvokesConcurrent}, packaging/jpackage.args): the FX thread then waits for nothing
 * longer than G1's short pauses. Run any other way (a plain {@code java -jar}), the JVM would stop every
 * thread for a full collection, so nothing is asked.
 */
public final class HeapTrim {

    /** The free share of the heap G1 may keep after a trim (10%: what it holds plus 11%; 30% left idle RSS at 1.20x the floor, 10% 1.13x). */
    static final String TIGHT_MAX_FREE = "10";
    static final String TIGHT_MIN_FREE = "5";

    private final ScheduledExecutorService timer;
    private final Duration quiet;
    private final Supplier<Optional<Runnable>> collector;
    /** Asked on the timer's thread, once: the JVM's management classes load there, not on the FX thread. */
    private Optional<Runnable> collect;
    private ScheduledFuture<?> pending;

    /**
     * @param collector what trims, asked for on {@code timer}'s thread when the first trim is due (empty: nothing
     *                  is asked of this JVM); it runs there, and the thread waits for it
     */
    HeapTrim(ScheduledExecutorService timer, Duration quiet, Supplier<Optional<Runnable>> collector) {
        this.timer = timer;
        this.quiet = quiet;
        this.collector = collector;
    }

    /** The trim this JVM allows (see the class comment), on {@code timer}. */
    static HeapTrim forThisJvm(ScheduledExecutorService timer, Duration quiet) {
        return new HeapTrim(timer, quiet, HeapTrim::collector);
    }

    /** A burst happened: trim once nothing more has happened for the quiet time (a later call moves it on). */
    synchronized void afterBurst() {
        if (pending != null) {
            pending.cancel(false);
        }
        try {
            pending = timer.schedule(this::trim, quiet.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            pending = null; // the window is closing
        }
    }

    /** On the timer's thread. */
    private void trim() {
        if (collect == null) {
            collect = collector.get();
        }
        collect.ifPresent(Runnable::run);
    }

    /**
     * A tight concurrent collection where this JVM runs one (G1, concurrent explicit collections); else empty.
     * Public for the benchmarks' floor window, which trims itself the same way to be measured both ways.
     */
    public static Optional<Runnable> collector() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            boolean concurrent = on(vm, "UseG1GC") && on(vm, "ExplicitGCInvokesConcurrent") && !on(vm, "DisableExplicitGC");
            return concurrent ? Optional.of(() -> collectTightly(vm)) : Optional.empty();
        } catch (RuntimeException | LinkageError noManagement) {
            return Optional.empty(); // a runtime without jdk.management: the heap stays as G1 sized it
        }
    }

    private static boolean on(HotSpotDiagnosticMXBean vm, String flag) {
        return Boolean.parseBoolean(vm.getVMOption(flag).getValue());
    }

    /**
     * One concurrent cycle with the free-space limits tightened (G1 resizes the heap at its remark), then the
     * limits as they were. System.gc() returns when the cycle has ended. The minimum goes down before the
     * maximum and comes back after it: the JVM refuses a minimum above the maximum.
     */
    static void collectTightly(HotSpotDiagnosticMXBean vm) {
        String min = vm.getVMOption("MinHeapFreeRatio").getValue();
        String max = vm.getVMOption("MaxHeapFreeRatio").getValue();
        try {
            lower(vm, "MinHeapFreeRatio", min, TIGHT_MIN_FREE);
            lower(vm, "MaxHeapFreeRatio", max, TIGHT_MAX_FREE);
            System.gc();
        } finally {
            try {
                vm.setVMOption("MaxHeapFreeRatio", max);
            } finally {
                vm.setVMOption("MinHeapFreeRatio", min);
            }
        }
    }

    private static void lower(HotSpotDiagnosticMXBean vm, String flag, String was, String to) {
        if (Integer.parseInt(was) > Integer.parseInt(to)) {
            vm.setVMOption(flag, to);
        }
    }
}
