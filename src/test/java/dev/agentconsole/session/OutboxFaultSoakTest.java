package dev.agentconsole.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fault soak, small enough for every build (the benchmark runs it with 1,000 messages). */
class OutboxFaultSoakTest {

    @TempDir
    Path data;

    @Test
    void underDropsRefusalsRetriesAndStallsNothingIsLostAndOnlyDropsAreUncertain() throws Exception {
        FaultSoak.Result r = FaultSoak.run(160, data, 7);
        System.out.println("fault soak: " + r);
        assertEquals(0, r.lost(), "lost messages: " + r);
        assertEquals(0, r.duplicates(), "duplicates: " + r);
        assertEquals(r.dropsInjected(), r.uncertainArrived(), "uncertain and arrived = drops after read: " + r);
        assertTrue(r.uncertainNotArrived() <= r.refusals(), "at most one request cut per refusal window: " + r);
        assertTrue(r.dropsInjected() + r.status503() + r.status500() + r.refusals() + r.stalls() >= 10,
                "faults were injected: " + r);
    }
}
