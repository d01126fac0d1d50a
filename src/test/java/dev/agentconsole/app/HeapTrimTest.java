package dev.agentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The heap is trimmed once after a burst, only where the collection cannot stop the FX thread for long, and a
 * trim gives back what the burst touched while the JVM's own limits stay as they were (a real JVM, started for it).
 */
class HeapTrimTest {

    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final AtomicInteger collections = new AtomicInteger();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    /** Waits until what the timer holds now has run. */
    private void drain(Duration past) throws Exception {
        Thread.sleep(past.toMillis());
        timer.submit(() -> { }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void burstsCloseTogetherAreTrimmedOnceWhenTheWindowIsQuiet() throws Exception {
        HeapTrim trim = new HeapTrim(timer, Duration.ofMillis(300), () -> Optional.of(collections::incrementAndGet));
        trim.afterBurst(); // start-up
        trim.afterBurst(); // a session opened
        trim.afterBurst(); // and another
        assertEquals(0, collections.get(), "nothing while the bursts go on");
        drain(Duration.ofMillis(600));
        assertEquals(1, collections.get());

        trim.afterBurst(); // a session closed later
        drain(Duration.ofMillis(600));
        assertEquals(2, collections.get());
    }

    @Test
    void whatTheJvmAllowsIsAskedOnTheTimersThreadNeverOnTheCallers() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Thread> askedOn = new java.util.concurrent.atomic.AtomicReference<>();
        HeapTrim trim = new HeapTrim(timer, Duration.ofMillis(50), () -> {
            askedOn.set(Thread.currentThread());
            return Optional.empty(); // a JVM that allows none
        });
        trim.afterBurst(); // on the FX thread in the app: the management classes must not load there
        assertEquals(null, askedOn.get());
        drain(Duration.ofMillis(200));
        assertTrue(askedOn.get() != null && askedOn.get() != Thread.currentThread(), "asked on the timer's thread");
    }

    @Test
    void aJvmWhoseExplicitCollectionsStopEveryThreadIsNotAsked() {
        boolean concurrent = Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("ExplicitGCInvokesConcurrent").getValue());
        assertEquals(concurrent, HeapTrim.collector().isPresent(), "the tests' JVM: a System.gc() would be a full collection");
    }

    @Test
    void aClosedTimerEndsTheTrimmingQuietly() {
        HeapTrim trim = new HeapTrim(timer, Duration.ofMillis(50), () -> Optional.of(collections::incrementAndGet));
        timer.shutdownNow();
        trim.afterBurst(); // the window is closing: no exception on the FX thread
        assertEquals(0, collections.get());
    }

    @Test
    void aTrimGivesBackWhatABurstTouchedAndLeavesTheLimitsAsTheyWere() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile("heap-trim", ".txt");
        Process p = new ProcessBuilder(java, "-XX:+UseG1GC", "-XX:+ExplicitGCInvokesConcurrent", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Burst.class.getName()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended, "the trimming JVM ended: " + out);
        assertEquals(0, p.exitValue(), out);
        List<String> words = Arrays.asList(out.strip().split("\\s+"));
        long before = Long.parseLong(words.get(words.indexOf("before") + 1));
        long after = Long.parseLong(words.get(words.indexOf("after") + 1));
        long live = Long.parseLong(words.get(words.indexOf("live") + 1));
        assertTrue(after < before / 2, "the heap shrank: " + out);
        assertTrue(after <= live * 2 + (16 << 20), "to what is live plus a margin: " + out);
        assertTrue(out.contains("limits 40 70"), "MinHeapFreeRatio and MaxHeapFreeRatio as they were: " + out);
    }

    /** A JVM that allocates a burst, then trims: the committed heap before and after, and the limits after. */
    public static final class Burst {
        static volatile Object sink;

        public static void main(String[] args) {
            byte[][] kept = new byte[16][];
            for (int i = 0; i < 3000; i++) { // about 300 MB allocated, 16 MB of it kept
                byte[] b = new byte[100_000];
                kept[i % kept.length] = b;
                sink = b;
            }
            var memory = ManagementFactory.getMemoryMXBean();
            long before = memory.getHeapMemoryUsage().getCommitted();
            HeapTrim.collector().orElseThrow().run();
            long after = memory.getHeapMemoryUsage().getCommitted();
            long live = memory.getHeapMemoryUsage().getUsed();
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            System.out.println("before " + before + " after " + after + " live " + live + " limits "
                    + vm.getVMOption("MinHeapFreeRatio").getValue() + " " + vm.getVMOption("MaxHeapFreeRatio").getValue()
                    + " kept " + kept.length);
        }
    }
}
