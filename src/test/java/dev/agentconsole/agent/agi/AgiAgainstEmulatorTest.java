package dev.agentconsole.agent.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.EventFollower;
import dev.agentconsole.agent.LiveEvents;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.http.ApiToken;
import dev.agentconsole.agent.http.Endpoint;
import dev.agentconsole.agent.http.ErrorDecoder;
import dev.agentconsole.agent.http.HttpCaller;
import dev.agentconsole.agent.http.HttpStack;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.Faults;
import dev.agentconsole.emulator.ScriptClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real AGI client against the real emulator: the question, the branches, pause, cancel, and SSE. */
class AgiAgainstEmulatorTest {

    Emulator emulator;
    HttpStack http;
    AgiBackend agi;

    @BeforeEach
    void start() {
        emulator = Emulator.start(0, ScriptClock.ticking(Duration.ofMillis(15)));
        emulator.heartbeatEvery(Duration.ofMillis(100));
        http = new HttpStack();
        agi = new AgiBackend(new Endpoint(HttpUrl.get(emulator.baseUrl()), new ApiToken(emulator.token())), http,
                HttpCaller.standard(new ErrorDecoder(http.json())), Duration.ofMillis(20));
    }

    @AfterEach
    void stop() {
        agi.close();
        http.close();
        emulator.close();
    }

    private List<AgentEvent> follow(SessionId id, EventFollower follower, boolean afterCommand) {
        List<AgentEvent> seen = new CopyOnWriteArrayList<>();
        follower.followUntilSettled(seen::add, afterCommand);
        return seen;
    }

    @Test
    void theAgentAsksWaitsForInputAndBranchesOnTheAnswer() {
        SessionId id = SessionId.parse(emulator.createAgiDemoSession());
        EventFollower follower = new EventFollower(agi, id, 0, Duration.ofSeconds(2));
        List<AgentEvent> first = follow(id, follower, true);
        assertEquals(AgentStatus.WAITING_FOR_INPUT, agi.status(id).status());
        assertTrue(first.get(first.size() - 1) instanceof AgentEvent.Question q && q.text().contains("Which one should I book"));

        agi.send(id, new Outgoing.Single(OutgoingMessage.text("the closer one").withStartUrl("https://booking.example/gion")));
        List<AgentEvent> second = follow(id, follower, true);
        assertTrue(second.get(0) instanceof AgentEvent.Message m && m.fromOperator() && m.text().equals("the closer one"));
        AgentEvent.Answer done = (AgentEvent.Answer) second.get(second.size() - 1);
        assertTrue(done.structured() && done.text().contains("Hotel Gion"), done.text());
        assertEquals(AgentStatus.FINISHED, agi.status(id).status());
        var shot = agi.screenshots().orElseThrow().take(id);
        assertTrue(shot.dataUri().startsWith("data:image/jpeg;base64,"));
    }

    @Test
    void pauseShowsAsPausedAndCancelKeepsTheSessionForTheNextTask() throws Exception {
        SessionId id = SessionId.parse(emulator.createAgiSession());
        agi.send(id, new Outgoing.Single(OutgoingMessage.text(Emulator.DEMO_TASK)));
        agi.pause(id);
        assertEquals(AgentStatus.PAUSED, agi.status(id).status());
        int before = agi.events(id, 0, Duration.ZERO).events().size();
        Thread.sleep(150);
        assertEquals(before, agi.events(id, 0, Duration.ZERO).events().size(), "a paused agent takes no steps");
        agi.resume(id);
        agi.stop(id);
        assertEquals(AgentStatus.FINISHED, agi.status(id).status());
        agi.send(id, new Outgoing.Single(OutgoingMessage.text("Find a ryokan instead")));
        EventFollower follower = new EventFollower(agi, id, 0, Duration.ofSeconds(2));
        List<AgentEvent> all = follow(id, follower, true);
        assertTrue(all.stream().anyMatch(e -> e instanceof AgentEvent.Note n && n.text().contains("cancelled")));
        assertEquals(AgentStatus.WAITING_FOR_INPUT, agi.status(id).status(), "the new task ran to its question");
    }

    /** Collects what a live stream delivers. */
    static final class Collector implements LiveEvents.Listener {
        final List<AgentEvent> events = new CopyOnWriteArrayList<>();
        final AtomicInteger heartbeats = new AtomicInteger();
        final CountDownLatch ended = new CountDownLatch(1);
        volatile String endReason;

        @Override
        public void onEvent(AgentEvent event) {
            events.add(event);
        }

        @Override
        public void onHeartbeat(Instant at) {
            heartbeats.incrementAndGet();
        }

        @Override
        public void onEnded(String reason) {
            endReason = reason;
            ended.countDown();
        }
    }

    @Test
    void theStreamDeliversLiveAndHeartbeatsKeepItAliveWhileTheAgentWaits() throws Exception {
        SessionId id = SessionId.parse(emulator.createAgiDemoSession());
        Collector c = new Collector();
        try (LiveEvents.Subscription s = agi.liveEvents().orElseThrow().open(id, 0, c)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (c.events.stream().noneMatch(e -> e instanceof AgentEvent.Question) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(450);
            assertTrue(c.heartbeats.get() >= 2, "heartbeats while waiting: " + c.heartbeats.get());
            assertEquals(1, ((AgiEventStream) s).connections(), "no reconnects on a healthy stream");
        }
    }

    @Test
    void afterDoneTheStreamEndsAndDoesNotReconnect() throws Exception {
        SessionId id = SessionId.parse(emulator.createAgiDemoSession());
        Collector c = new Collector();
        AgiEventStream stream = (AgiEventStream) agi.liveEvents().orElseThrow().open(id, 0, c);
        try {
            while (c.events.stream().noneMatch(e -> e instanceof AgentEvent.Question)) {
                Thread.sleep(20);
            }
            agi.send(id, new Outgoing.Single(OutgoingMessage.text("cheaper")));
            assertTrue(c.ended.await(10, TimeUnit.SECONDS));
            assertEquals("done", c.endReason);
            Thread.sleep(300);
            assertEquals(1, stream.connections(), "no reconnect after done");
            assertTrue(c.events.get(c.events.size() - 1) instanceof AgentEvent.Answer);
        } finally {
            stream.close();
        }
    }

    @Test
    void aStreamClosedAfterEveryEventDeliversEachMessageExactlyOnce() throws Exception {
        SessionId id = SessionId.parse(emulator.createAgiDemoSession());
        emulator.faults().add(new Faults.Rule("GET /v1/sessions/{id}/events", java.util.Optional.of(id.value()),
                new Faults.Fault.SseCloseAfterEvent(), -1));
        Collector c = new Collector();
        AgiEventStream stream = (AgiEventStream) agi.liveEvents().orElseThrow().open(id, 0, c);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (c.events.stream().noneMatch(e -> e instanceof AgentEvent.Question) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            agi.send(id, new Outgoing.Single(OutgoingMessage.text("the cheaper one")));
            assertTrue(c.ended.await(20, TimeUnit.SECONDS), "the stream ends after done");
            List<Long> ids = c.events.stream().map(AgentEvent::position).toList();
            assertEquals(ids.stream().distinct().sorted().toList(), ids, "in order, none twice");
            assertEquals(agi.events(id, 0, Duration.ZERO).events().size(), ids.size(), "none missed");
            assertTrue(stream.connections() >= 3, "it reconnected after each close: " + stream.connections());
            assertEquals(stream.connections(), emulator.faults().injected(Faults.Fault.SseCloseAfterEvent.class));
        } finally {
            stream.close();
        }
    }

    @Test
    void aStreamThatKeepsFailingGivesUpInsteadOfStorming() throws Exception {
        SessionId id = SessionId.parse(emulator.createAgiDemoSession());
        emulator.faults().add(Faults.Rule.on("GET /v1/sessions/{id}/events", new Faults.Fault.Status(503, java.util.Optional.empty()), -1));
        CountDownLatch failed = new CountDownLatch(1);
        AgiEventStream stream = (AgiEventStream) agi.liveEvents().orElseThrow().open(id, 0, new LiveEvents.Listener() {
            @Override
            public void onEvent(AgentEvent event) {
            }

            @Override
            public void onFailure(dev.agentconsole.agent.AgentError error) {
                failed.countDown();
            }
        });
        try {
            assertTrue(failed.await(30, TimeUnit.SECONDS));
            assertEquals(AgiEventStream.MAX_FAILURES_IN_A_ROW, stream.connections());
        } finally {
            stream.close();
        }
    }
}
