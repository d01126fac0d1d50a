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
        assertEquals(ms(500), pacer.next(false, Duration.ZERO));
        assertEquals(ms(1000), pacer.next(false, Duration.ZERO));
        assertEquals(ms(2000), pacer.next(false, Duration.ZERO));
        assertEquals(ms(3000), pacer.next(false, Duration.ZERO));
        assertEquals(ms(3000), pacer.next(false, Duration.ZERO));
        assertEquals(Duration.ZERO, pacer.next(true, Duration.ZERO));
        assertEquals(ms(500), pacer.next(false, Duration.ZERO), "after news, quiet starts over");
    }

    @Test
    void aServerThatWaitedCountsTowardsTheInterval() {
        ReadPacer pacer = new ReadPacer(ms(500), ms(3000));
        assertEquals(ms(200), pacer.next(false, ms(300)));
        assertEquals(Duration.ZERO, pacer.next(false, Duration.ofSeconds(20)), "a real long poll is never slowed");
    }

    @Test
    void theOperatorActingCutsAWaitShortAndResetsTheInterval() throws Exception {
        ReadPacer pacer = new ReadPacer(ms(10_000), ms(10_000));
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> pacer.pause(false, Duration.ZERO));
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
        assertTrue(!pacer.awaitWake(ms(1)));
    }
}
