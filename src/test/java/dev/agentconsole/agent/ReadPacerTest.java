package dev.agentconsole.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReadPacerTest {

    private static Duration ms(long n) {
        return Duration.ofMillis(n);
    }

    @Test
    void quietReadsBackOffTowardsTheLongestIntervalAndNewsResetsIt() {
        ReadPacer pacer = new ReadPacer(ms(500), ms(3000));
        assertEquals(ms(500), pacer.next(false, Duration.ZERO, Duration.ZERO));
        assertEquals(ms(1000), pacer.next(false, Duration.ZERO, Duration.ZERO));
        assertEquals(ms(2000), pacer.next(false, Duration.ZERO, Duration.ZERO));
        assertEquals(ms(3000), pacer.next(false, Duration.ZERO, Duration.ZERO));
        assertEquals(ms(3000), pacer.next(false, Duration.ZERO, Duration.ZERO));
        assertEquals(Duration.ZERO, pacer.next(true, Duration.ZERO, Duration.ZERO));
        assertEquals(ms(500), pacer.next(false, Duration.ZERO, Duration.ZERO), "after news, quiet starts over");
    }

    @Test
    void aServerThatWaitedCountsTowardsTheInterval() {
        ReadPacer pacer = new ReadPacer(ms(500), ms(3000));
        assertEquals(ms(200), pacer.next(false, ms(300), Duration.ZERO));
        assertEquals(Duration.ZERO, pacer.next(false, Duration.ofSeconds(20), Duration.ZERO), "a read that took longer than the interval waits no more");
    }

    @Test
    void theOperatorActingCutsAWaitShortAndResetsTheInterval() throws Exception {
        ReadPacer pacer = new ReadPacer(ms(10_000), ms(10_000));
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> pacer.pause(false, Duration.ZERO, Duration.ZERO));
        while (pacer.interval().isZero()) {
            Thread.onSpinWait();
        }
        pacer.wake();
        waiting.get(5, TimeUnit.SECONDS);
        assertEquals(Duration.ZERO, pacer.interval());
    }

    @Test
    void awaitWakeSaysWhetherTheOperatorActed() {
        ReadPacer pacer = new ReadPacer();
        assertTrue(!pacer.awaitWake(pacer.generation(), ms(1)), "no act: the wait runs out");
    }

    @Test
    void aWakeBeforeTheWaitBeginsIsNotLost() {
        ReadPacer pacer = new ReadPacer(ms(10_000), ms(10_000));
        long before = pacer.generation();
        pacer.wake(); // the operator acts while the reader is still between its read and its wait
        assertTrue(pacer.awaitWake(before, ms(10_000)), "returns at once: the act is counted");
    }

    @Test
    void aServerThatHeldTheLongPollResetsTheInterval() {
        ReadPacer pacer = new ReadPacer(ms(500), ms(3000));
        pacer.next(false, Duration.ZERO, Duration.ofSeconds(20));
        pacer.next(false, Duration.ZERO, Duration.ofSeconds(20));
        assertEquals(ms(1000), pacer.interval());
        assertEquals(Duration.ZERO, pacer.next(false, Duration.ofSeconds(20), Duration.ofSeconds(20)),
                "a quiet 20 s long poll is the server working as it should: the next read goes at once");
        assertEquals(Duration.ZERO, pacer.interval());
    }
}
