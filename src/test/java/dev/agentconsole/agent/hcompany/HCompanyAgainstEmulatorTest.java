package dev.agentconsole.agent.hcompany;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentException;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.DataUris;
import dev.agentconsole.agent.EventFollower;
import dev.agentconsole.agent.EventPage;
import dev.agentconsole.agent.NewSession;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.Quota;
import dev.agentconsole.agent.SessionDetails;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.SessionSummary;
import dev.agentconsole.agent.SessionInfo;
import dev.agentconsole.agent.SessionSnapshot;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ScriptClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real H client against the real emulator: a whole conversation, and every command. */
class HCompanyAgainstEmulatorTest {

    Emulator emulator;
    ScriptClock.Manual clock;
    HTestSupport h;
    HCompanyBackend backend;

    @BeforeEach
    void start() {
        clock = ScriptClock.manual();
        emulator = Emulator.start(0, clock);
        h = new HTestSupport(HttpUrl.get(emulator.baseUrl()));
        // the support's backend has a test token; make one with the emulator's
        backend = new HCompanyBackend(dev.agentconsole.agent.Provider.DEMO,
                new dev.agentconsole.agent.http.Endpoint(HttpUrl.get(emulator.baseUrl()),
                        new dev.agentconsole.agent.http.ApiToken(emulator.token())), h.http);
    }

    @AfterEach
    void stop() {
        backend.close();
        h.close();
        emulator.close();
    }

    private SessionId newSession(Duration idleTimeout) {
        SessionInfo info = backend.create(new NewSession("demo-web-agent",
                Optional.of(OutgoingMessage.text(Emulator.DEMO_TASK)), Optional.ofNullable(idleTimeout)));
        return info.id();
    }

    private List<AgentEvent> drain(SessionId id, long[] position) {
        List<AgentEvent> got = new ArrayList<>();
        EventPage page;
        do {
            page = backend.events(id, position[0], Duration.ZERO);
            got.addAll(page.events());
            position[0] = page.next();
        } while (!page.events().isEmpty());
        return got;
    }

    private List<AgentEvent> runUntilSettled(SessionId id, long[] position) {
        List<AgentEvent> got = new ArrayList<>(drain(id, position));
        for (int i = 0; i < 20 && !backend.status(id).status().isSettled(); i++) {
            clock.tick(1);
            got.addAll(drain(id, position));
        }
        assertTrue(backend.status(id).status().isSettled(), "the agent settled");
        return got;
    }

    private static <T> List<T> only(List<AgentEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void theAgentWorksAsksAndBranchesOnTheOperatorsReply() {
        SessionId id = newSession(Duration.ofHours(1));
        long[] pos = {0};
        List<AgentEvent> first = runUntilSettled(id, pos);
        assertEquals(AgentStatus.IDLE, backend.status(id).status());
        assertTrue(only(first, AgentEvent.Thought.class).size() >= 2);
        assertEquals(1, only(first, AgentEvent.Observation.class).size());
        String screenshot = only(first, AgentEvent.Observation.class).get(0).image().orElseThrow();
        assertTrue(screenshot.startsWith(emulator.baseUrl() + "/api/v2/sessions/" + id + "/resources/"),
                "served as the platform serves them: a url image behind /resources: " + screenshot);
        assertTrue(only(first, AgentEvent.LiveView.class).get(0).url().startsWith(emulator.baseUrl()));
        AgentEvent.Answer question = only(first, AgentEvent.Answer.class).get(0);
        assertTrue(question.text().contains("Which one should I book"), question.text());

        backend.send(id, new Outgoing.Single(OutgoingMessage.text("the one near the temple")));
        List<AgentEvent> second = runUntilSettled(id, pos);
        AgentEvent.Message echo = only(second, AgentEvent.Message.class).get(0);
        assertTrue(echo.fromOperator());
        assertEquals("the one near the temple", echo.text());
        AgentEvent.Answer booked = only(second, AgentEvent.Answer.class).get(0);
        assertTrue(booked.structured());
        assertTrue(booked.text().contains("Hotel Gion"), booked.text());
        assertEquals(Optional.of("success"), booked.outcome());
        assertEquals(Optional.of("success"), backend.status(id).outcome());
    }

    @Test
    void theCheaperReplyTakesTheOtherBranch() {
        SessionId id = newSession(Duration.ofHours(1));
        long[] pos = {0};
        runUntilSettled(id, pos);
        backend.send(id, new Outgoing.Single(OutgoingMessage.text("Cheaper please")));
        AgentEvent.Answer booked = only(runUntilSettled(id, pos), AgentEvent.Answer.class).get(0);
        assertTrue(booked.text().contains("Sakura Inn"), booked.text());
    }

    @Test
    void aReplyThatChoosesNothingIsAskedAgain() {
        SessionId id = newSession(Duration.ofHours(1));
        long[] pos = {0};
        runUntilSettled(id, pos);
        backend.send(id, new Outgoing.Single(OutgoingMessage.text("what is the weather like?")));
        List<AgentEvent> events = runUntilSettled(id, pos);
        assertTrue(only(events, AgentEvent.Thought.class).get(0).text().contains("what is the weather like?"));
        assertTrue(only(events, AgentEvent.Answer.class).get(0).text().startsWith("Sorry, I need a choice"));
        assertEquals(AgentStatus.IDLE, backend.status(id).status());
    }

    @Test
    void aBatchArrivesAsOneRequestAndIsEchoedInOrder() {
        SessionId id = newSession(Duration.ofHours(1));
        long[] pos = {0};
        runUntilSettled(id, pos);
        long before = emulator.requestCount("POST /api/v2/sessions/{id}/messages");
        backend.send(id, new Outgoing.Batch(List.of(OutgoingMessage.text("one"), OutgoingMessage.text("two"),
                OutgoingMessage.text("three"))));
        assertEquals(before + 1, emulator.requestCount("POST /api/v2/sessions/{id}/messages"));
        List<String> echoed = only(drain(id, pos), AgentEvent.Message.class).stream().map(AgentEvent.Message::text).toList();
        assertEquals(List.of("one", "two", "three"), echoed);
    }

    @Test
    void anAttachedImageArrivesByteForByte() {
        SessionId id = newSession(Duration.ofHours(1));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};
        String uri = DataUris.encodeImage(png);
        backend.send(id, new Outgoing.Single(OutgoingMessage.text("this button").withImages(List.of(uri))));
        var received = emulator.receivedMessages(id.value());
        assertEquals(1, received.size());
        assertEquals(List.of(uri), received.get(0).images());
        assertTrue(java.util.Arrays.equals(png, DataUris.decode(received.get(0).images().get(0)).bytes()));
    }

    @Test
    void pauseHoldsTheAgentAndResumeLetsItGoOn() {
        SessionId id = newSession(Duration.ofHours(1));
        long[] pos = {0};
        clock.tick(2);
        drain(id, pos);
        backend.pause(id);
        assertEquals(AgentStatus.PAUSED, backend.status(id).status());
        long held = pos[0];
        clock.tick(10);
        List<AgentEvent> whilePaused = drain(id, pos);
        assertEquals(1, whilePaused.size(), "only the status change: " + whilePaused);
        assertEquals(AgentStatus.PAUSED, assertInstanceOf(AgentEvent.StatusChange.class, whilePaused.get(0)).status());
        assertEquals(held + 1, pos[0]);
        backend.resume(id);
        assertEquals(AgentStatus.RUNNING, backend.status(id).status());
        clock.tick(1);
        assertTrue(drain(id, pos).size() >= 2, "the agent moved on after resume");
    }

    @Test
    void stopEndsTheSessionInterruptedAndItCannotBePausedAfter() {
        SessionId id = newSession(Duration.ofHours(1));
        clock.tick(2);
        backend.stop(id);
        assertEquals(AgentStatus.INTERRUPTED, backend.status(id).status());
        backend.stop(id); // stopping twice is harmless
        AgentError e = assertThrows(AgentException.class, () -> backend.pause(id)).error();
        assertEquals(400, assertInstanceOf(AgentError.Invalid.class, e).status());
        assertTrue(e.summary().contains("interrupted"), e.summary());
    }

    @Test
    void forceAnswerMakesTheAgentAnswerNowWithAPartialOutcome() {
        SessionId id = newSession(Duration.ofHours(1));
        long[] pos = {0};
        clock.tick(2);
        drain(id, pos);
        backend.forceAnswer().orElseThrow().forceAnswer(id);
        AgentEvent.Answer answer = only(drain(id, pos), AgentEvent.Answer.class).get(0);
        assertEquals(Optional.of("partial"), answer.outcome());
        assertEquals(AgentStatus.IDLE, backend.status(id).status());
    }

    @Test
    void withoutAnIdleTimeoutTheSessionCompletesWhenItAnswersAndAMessageRestartsIt() {
        SessionId id = newSession(null);
        long[] pos = {0};
        runUntilSettled(id, pos);
        assertEquals(AgentStatus.COMPLETED, backend.status(id).status());
        backend.send(id, new Outgoing.Single(OutgoingMessage.text("cheaper")));
        assertEquals(AgentStatus.RUNNING, backend.status(id).status());
    }

    @Test
    void anIdleSessionCompletesWhenItsIdleTimeoutRunsOut() {
        SessionId id = newSession(Duration.ofMinutes(5));
        long[] pos = {0};
        runUntilSettled(id, pos);
        clock.advance(Duration.ofMinutes(6));
        assertEquals(AgentStatus.COMPLETED, backend.status(id).status());
    }

    @Test
    void theFollowerStopsWhenTheAgentWaitsAndResumesWhereItLeftOff() throws Exception {
        SessionId id = newSession(Duration.ofHours(1));
        clock.tick(5);
        EventFollower follower = new EventFollower(backend, id, 0, Duration.ofSeconds(1));
        List<AgentEvent> seen = new ArrayList<>();
        SessionSnapshot end = follower.followUntilSettled(seen::add);
        assertEquals(AgentStatus.IDLE, end.status());
        long position = follower.position();
        assertEquals(position, seen.size());
        backend.send(id, new Outgoing.Single(OutgoingMessage.text("cheaper")));
        CompletableFuture<SessionSnapshot> next = CompletableFuture.supplyAsync(() -> follower.followUntilSettled(seen::add, true));
        for (int i = 0; i < 10 && !next.isDone(); i++) {
            clock.tick(1);
            Thread.sleep(50);
        }
        assertEquals(AgentStatus.IDLE, next.get(10, TimeUnit.SECONDS).status());
        List<Long> positions = seen.stream().map(AgentEvent::position).toList();
        for (int i = 0; i < positions.size(); i++) {
            assertEquals(i, positions.get(i), "nothing missed, nothing doubled");
        }
    }

    @Test
    void aLongPollReturnsAsSoonAsTheAgentMoves() throws Exception {
        SessionId id = newSession(Duration.ofHours(1));
        CompletableFuture<EventPage> poll = CompletableFuture.supplyAsync(() -> backend.events(id, 0, Duration.ofSeconds(20)));
        Thread.sleep(200);
        assertTrue(!poll.isDone(), "the poll waits while nothing happens");
        long t0 = System.nanoTime();
        clock.tick(1);
        EventPage page = poll.get(5, TimeUnit.SECONDS);
        assertTrue(!page.events().isEmpty());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void anUnknownSessionIsNotFoundAndTheListShowsTheNewOnes() {
        SessionId a = newSession(Duration.ofHours(1));
        SessionId b = newSession(Duration.ofHours(1));
        AgentError e = assertThrows(AgentException.class,
                () -> backend.status(SessionId.parse("00000000-0000-4000-8000-000000000000"))).error();
        assertInstanceOf(AgentError.NotFound.class, e);
        List<SessionId> listed = backend.list(1, 10).stream().map(s -> s.id()).toList();
        assertTrue(listed.containsAll(List.of(a, b)));
        SessionInfo info = backend.session(a);
        assertEquals("demo-web-agent", info.agent());
        assertTrue(info.liveViewUrl().isPresent());
    }

    @Test
    void aUrlScreenshotIsFetchedWithTheKeyAndItsStorageRedirectNeverSeesIt() throws Exception {
        SessionId id = newSession(Duration.ofHours(1));
        String url = only(runUntilSettled(id, new long[] {0}), AgentEvent.Observation.class).get(0).image().orElseThrow();
        var image = backend.image(url);
        assertEquals(Optional.of("image/png"), image.mediaType());
        assertEquals((byte) 0x89, image.bytes()[0], "PNG bytes");
        assertEquals('P', image.bytes()[1]);
        assertEquals(1, emulator.storageRequests(), "the 302 was followed to the storage host");
        assertEquals(0, emulator.storageRequestsWithAuthorization(), "the key never crossed to the storage host");
    }

    @Test
    void withoutTheKeyTheResourceIsRefusedAsAPlainImageLoaderWouldBe() throws Exception {
        SessionId id = newSession(Duration.ofHours(1));
        String url = only(runUntilSettled(id, new long[] {0}), AgentEvent.Observation.class).get(0).image().orElseThrow();
        java.net.http.HttpResponse<Void> keyless = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertEquals(401, keyless.statusCode());
    }

    @Test
    void aStorageRequestCarryingTheKeyIsCaughtAndRefused() throws Exception {
        SessionId id = newSession(Duration.ofHours(1));
        String url = only(runUntilSettled(id, new long[] {0}), AgentEvent.Observation.class).get(0).image().orElseThrow();
        java.net.http.HttpClient raw = java.net.http.HttpClient.newHttpClient(); // does not follow redirects
        java.net.http.HttpResponse<Void> redirect = raw.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Authorization", "Bearer " + emulator.token()).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertEquals(302, redirect.statusCode());
        String presigned = redirect.headers().firstValue("Location").orElseThrow();
        assertTrue(presigned.startsWith("http://localhost:"), "another host name than the API's: " + presigned);
        java.net.http.HttpResponse<Void> leaked = raw.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(presigned))
                .header("Authorization", "Bearer " + emulator.token()).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertEquals(400, leaked.statusCode(), "S3 refuses a second auth mechanism");
        assertEquals(1, emulator.storageRequestsWithAuthorization());
    }

    @Test
    void detailsShowEachModelsTokensTheCostSplitAndTheSubagents() {
        SessionId id = newSession(Duration.ofHours(1));
        runUntilSettled(id, new long[] {0});
        String child = emulator.createSubagentSession(id.value());
        SessionDetails d = backend.details(id);
        assertEquals("demo-web-agent", d.agent());
        assertTrue(d.startedAt().isPresent() && d.createdAt().isPresent());
        assertEquals(List.of("holo-emulated", "holo-emulated-vision"),
                d.usage().stream().map(SessionDetails.ModelUsage::model).toList());
        assertTrue(d.usage().stream().allMatch(u -> u.inputTokens() > 0 && u.cost().total().isPresent()));
        BigDecimal parts = d.cost().input().orElseThrow().add(d.cost().output().orElseThrow())
                .add(d.cost().reasoning().orElseThrow());
        assertEquals(0, parts.compareTo(d.cost().total().orElseThrow()), "the split adds up to the total");
        BigDecimal perModel = d.usage().stream().map(u -> u.cost().total().orElseThrow()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, perModel.compareTo(d.cost().total().orElseThrow()), "the models add up to the total");
        assertEquals(List.of(SessionId.parse(child)), d.subagents());
        assertEquals("demo-price-checker", backend.details(SessionId.parse(child)).agent(), "a subagent opens like any session");
    }

    @Test
    void quotaCountsActiveSessionsAndTheTokensTheyUsed() {
        Quota quota = backend.quota().orElseThrow();
        Quota.Reading before = quota.read();
        assertEquals(Optional.of(0L), before.tokens().orElseThrow().used());
        SessionId id = newSession(Duration.ofHours(1));
        runUntilSettled(id, new long[] {0});
        Quota.Reading after = quota.read();
        assertEquals(before.sessions().orElseThrow().available() - 1, after.sessions().orElseThrow().available());
        Quota.TokenBudget tokens = after.tokens().orElseThrow();
        long used = backend.details(id).usage().stream()
                .mapToLong(u -> u.inputTokens() + u.outputTokens() + u.reasoningTokens()).sum();
        assertEquals(Optional.of(used), tokens.used());
        assertEquals(Optional.of(tokens.limit().orElseThrow() - used), tokens.remaining());
        assertTrue(tokens.windowStart().orElseThrow().isBefore(tokens.windowEnd().orElseThrow()));
    }

    @Test
    void theListTellsWhenEachSessionLastDidSomething() {
        SessionId id = newSession(Duration.ofHours(1));
        SessionSummary fresh = backend.list(1, 10).get(0);
        assertEquals(Optional.empty(), fresh.lastActivityAt(), "nothing happened yet");
        runUntilSettled(id, new long[] {0});
        SessionSummary worked = backend.list(1, 10).get(0);
        assertEquals(id, worked.id());
        assertTrue(worked.lastActivityAt().isPresent() && worked.startedAt().isPresent());
    }
}
