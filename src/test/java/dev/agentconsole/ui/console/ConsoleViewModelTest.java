package dev.agentconsole.ui.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.Faults;
import dev.agentconsole.emulator.ReceivedMessage;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.session.ConnectionState;
import dev.agentconsole.session.DeliveryState;
import dev.agentconsole.ui.EmulatorConnector;
import dev.agentconsole.ui.UiThread;
import dev.agentconsole.ui.chat.TranscriptEntry;
import dev.agentconsole.ui.session.QuotaViewModel;
import dev.agentconsole.ui.session.SessionDetailsViewModel;
import dev.agentconsole.ui.session.SessionListViewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's ViewModel without the toolkit, against the real emulator through the real clients. */
class ConsoleViewModelTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    Emulator emulator;
    EmulatorConnector connector;
    UiThread ui;
    ExecutorService io;
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T10:00:00Z"));
    ConsoleViewModel vm;

    @BeforeEach
    void start() {
        emulator = Emulator.start(0, ScriptClock.ticking(Duration.ofMillis(15)));
        connector = new EmulatorConnector(emulator);
        ui = new UiThread();
        io = Executors.newCachedThreadPool();
        vm = ui.call(() -> new ConsoleViewModel(connector, ui, io, now::get));
    }

    @AfterEach
    void stop() {
        ui.run(vm::close);
        ui.close();
        io.shutdownNow();
        connector.close();
        emulator.close();
    }

    private boolean has(Class<? extends TranscriptEntry> type) {
        return vm.transcript().entries().stream().anyMatch(type::isInstance);
    }

    private TranscriptEntry.Operator operatorRow() {
        return vm.transcript().entries().stream().filter(TranscriptEntry.Operator.class::isInstance)
                .map(TranscriptEntry.Operator.class::cast).reduce((a, b) -> b).orElseThrow();
    }

    private void demoUntilQuestion() {
        ui.run(vm::newSession);
        ui.await("the demo agent asks", WAIT, () -> has(TranscriptEntry.Question.class) && vm.agentStatusProperty().get() == AgentStatus.IDLE);
    }

    private void bind(Provider provider, String session) {
        ui.run(() -> {
            vm.providerProperty().set(provider);
            vm.tokenProperty().set(emulator.token());
            vm.sessionTextProperty().set(session);
            vm.connect();
        });
        ui.await("live", WAIT, () -> vm.stateProperty().get() == ConnectionState.LIVE);
    }

    @Test
    void aNewDemoSessionGoesLiveAndTheAgentsQuestionAppears() {
        demoUntilQuestion();
        ui.run(() -> {
            assertEquals(ConnectionState.LIVE, vm.stateProperty().get());
            assertEquals("idle", vm.statusLabelProperty().get());
            assertTrue(vm.canPauseProperty().get());
            assertTrue(vm.canForceAnswerProperty().get());
            assertTrue(vm.canSendProperty().get());
            assertFalse(vm.liveViewUrlProperty().get().isEmpty());
            assertTrue(vm.metricsProperty().get().contains("steps"), vm.metricsProperty().get());
            assertEquals(1, vm.recentSessions().size());
        });
    }

    @Test
    void sendingClearsTheComposerAndTheRowMovesToSeenWithoutADoubleFromTheEcho() {
        demoUntilQuestion();
        ui.run(() -> {
            vm.composer().textProperty().set("the cheaper one");
            vm.send();
            assertEquals("", vm.composer().textProperty().get());
        });
        ui.await("seen", WAIT, () -> has(TranscriptEntry.Operator.class) && operatorRow().state() == DeliveryState.SEEN);
        ui.await("the booking", WAIT, () -> vm.transcript().entries().stream()
                .anyMatch(e -> e instanceof TranscriptEntry.Answer a && a.text().contains("Sakura Inn")));
        ui.run(() -> assertFalse(has(TranscriptEntry.Message.class), "the echo is not shown as a second row"));
        String session = vm.boundSessionProperty().get();
        assertEquals(List.of("the cheaper one"), emulator.receivedMessages(session).stream().map(ReceivedMessage::text).toList());
    }

    @Test
    void aMalformedSessionIdIsExplainedAndNothingConnects() {
        ui.run(() -> {
            vm.providerProperty().set(Provider.HCOMPANY);
            vm.sessionTextProperty().set("1234");
            assertTrue(vm.sessionProblemProperty().get().contains("not a UUID"));
            vm.connect();
            assertEquals(ConnectionState.DISCONNECTED, vm.stateProperty().get());
        });
        // the quota shown before New is read at start; no session is asked about
        for (String route : List.of("GET /api/v2/sessions/{id}", "GET /api/v2/sessions/{id}/status",
                "GET /api/v2/sessions/{id}/changes")) {
            assertEquals(0, emulator.requestCount(route), route);
        }
    }

    @Test
    void anUnknownSessionEndsWithSessionNotFoundInTheTranscript() {
        ui.run(() -> {
            vm.providerProperty().set(Provider.HCOMPANY);
            vm.tokenProperty().set(emulator.token());
            vm.sessionTextProperty().set("00000000-0000-4000-8000-000000000000");
            vm.connect();
        });
        ui.await("ended", WAIT, () -> vm.stateProperty().get() == ConnectionState.ENDED);
        ui.run(() -> {
            assertTrue(vm.transcript().entries().stream()
                    .anyMatch(e -> e instanceof TranscriptEntry.Error err && err.message().contains("session not found")));
            assertFalse(vm.canSendProperty().get());
        });
    }

    @Test
    void threeQueuedLinesBecomeOneHBatch() {
        demoUntilQuestion();
        int before = emulator.messageBodies().size();
        ui.run(() -> {
            for (String line : List.of("first", "second", "third")) {
                vm.composer().textProperty().set(line);
                assertTrue(vm.composer().addToQueue());
            }
            vm.composer().moveQueued(2, -1);
            assertEquals(List.of("first", "third", "second"), vm.composer().queue());
            vm.sendQueue();
            assertTrue(vm.composer().queue().isEmpty());
        });
        ui.await("accepted", WAIT, () -> has(TranscriptEntry.Operator.class)
                && operatorRow().state().compareTo(DeliveryState.ACCEPTED) >= 0);
        List<String> bodies = emulator.messageBodies();
        assertEquals(before + 1, bodies.size());
        assertEquals("{\"type\":\"batch\",\"messages\":[{\"type\":\"user_message\",\"message\":\"first\"},"
                + "{\"type\":\"user_message\",\"message\":\"third\"},{\"type\":\"user_message\",\"message\":\"second\"}]}",
                bodies.get(bodies.size() - 1));
    }

    @Test
    void onAgiTheQueueGoesOutLineByLineAndTheStartUrlAsStartUrl() {
        String session = emulator.createAgiSession();
        bind(Provider.AGI, session);
        ui.run(() -> {
            assertTrue(vm.composer().startUrlAcceptedProperty().get());
            vm.composer().startUrlProperty().set("https://booking.example");
            for (String line : List.of("one", "two", "three")) {
                vm.composer().textProperty().set(line);
                vm.composer().addToQueue();
            }
            vm.sendQueue();
        });
        ui.await("three arrived", WAIT, () -> emulator.receivedMessages(session).size() == 3);
        assertEquals(List.of("{\"message\":\"one\",\"start_url\":\"https://booking.example\"}", "{\"message\":\"two\"}",
                "{\"message\":\"three\"}"), emulator.messageBodies());
    }

    @Test
    void stopAsksFirstAndThenEndsTheHSession() {
        demoUntilQuestion();
        ui.run(() -> {
            vm.requestStop();
            assertNotNull(vm.confirmationProperty().get());
            vm.dismissConfirmation();
            assertNull(vm.confirmationProperty().get());
            vm.requestStop();
            vm.choose(vm.confirmationProperty().get().choices().get(0));
        });
        ui.await("interrupted", WAIT, () -> vm.agentStatusProperty().get() == AgentStatus.INTERRUPTED);
        ui.run(() -> {
            assertFalse(vm.canStopProperty().get());
            assertFalse(vm.canPauseProperty().get());
        });
    }

    @Test
    void aMessageToAFinishedHSessionAsksBeforeRestartingIt() {
        demoUntilQuestion();
        ui.run(() -> {
            vm.requestStop();
            vm.choose(vm.confirmationProperty().get().choices().get(0));
        });
        ui.await("interrupted", WAIT, () -> vm.agentStatusProperty().get() == AgentStatus.INTERRUPTED);
        String session = ui.call(() -> vm.boundSessionProperty().get());
        ui.run(() -> {
            vm.composer().textProperty().set("start again, cheaper");
            vm.send();
            Confirmation c = vm.confirmationProperty().get();
            assertTrue(c.message().contains("restarts it"), c.message());
            assertEquals("start again, cheaper", vm.composer().textProperty().get(), "nothing is lost while it asks");
            vm.choose(c.choices().get(0));
        });
        ui.await("sent", WAIT, () -> emulator.receivedMessages(session).size() == 1);
    }

    @Test
    void aMessageWhileAnAgiTaskRunsOffersToSteerOrStopFirst() {
        // a clock that stands still keeps the task running for as long as the test needs
        emulator.close();
        connector.close();
        emulator = Emulator.start(0, ScriptClock.manual());
        connector = new EmulatorConnector(emulator);
        ui.run(vm::close);
        vm = ui.call(() -> new ConsoleViewModel(connector, ui, io, now::get));
        String session = emulator.createAgiSession();
        bind(Provider.AGI, session);
        ui.run(() -> {
            vm.composer().textProperty().set(Emulator.DEMO_TASK);
            vm.send();
        });
        ui.await("running", WAIT, () -> vm.agentStatusProperty().get() == AgentStatus.RUNNING);
        ui.run(() -> {
            vm.composer().textProperty().set("actually, find flights");
            vm.send();
            Confirmation c = vm.confirmationProperty().get();
            assertNotNull(c, "asks while the task runs");
            assertEquals(3, c.choices().size());
            assertEquals("actually, find flights", vm.composer().textProperty().get());
            vm.choose(c.choices().get(1)); // stop, then send as a new task
        });
        ui.await("both arrived", WAIT, () -> emulator.receivedMessages(session).size() == 2);
        assertEquals(1, emulator.requestCount("POST /v1/sessions/{id}/cancel"));
    }

    @Test
    void pauseAndResumeReachTheAgent() {
        demoUntilQuestion();
        String session = ui.call(() -> vm.boundSessionProperty().get());
        ui.run(vm::pauseOrResume);
        ui.await("paused", WAIT, () -> vm.agentStatusProperty().get() == AgentStatus.PAUSED);
        assertEquals(Optional.of("paused"), emulator.sessionStatus(session));
        ui.run(() -> assertTrue(vm.canResumeProperty().get()));
        ui.run(vm::pauseOrResume);
        ui.await("idle again", WAIT, () -> vm.agentStatusProperty().get() == AgentStatus.IDLE);
    }

    @Test
    void anUncertainSendOffersResendAndDropAndResendIsTheOperatorsCall() {
        demoUntilQuestion();
        String session = ui.call(() -> vm.boundSessionProperty().get());
        emulator.faults().add(Faults.Rule.on("POST /api/v2/sessions/{id}/messages", new Faults.Fault.DropAfterRead(), 1));
        ui.run(() -> {
            vm.composer().textProperty().set("did this arrive?");
            vm.send();
        });
        ui.await("seen or uncertain", WAIT, () -> has(TranscriptEntry.Operator.class)
                && (operatorRow().state() == DeliveryState.UNCERTAIN || operatorRow().state() == DeliveryState.SEEN));
        // the echo can turn it SEEN: the message did arrive. If still uncertain, the operator may resend.
        if (ui.call(() -> operatorRow().state()) == DeliveryState.UNCERTAIN) {
            ui.run(() -> vm.drop(operatorRow().deliveryId()));
            // the echo may still win the race: a message seen by the agent stays seen, never dropped
            try {
                ui.await("dropped, or seen after all", WAIT, () -> operatorRow().state() == DeliveryState.DROPPED
                        || operatorRow().state() == DeliveryState.SEEN);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; rows: " + ui.call(() -> vm.transcript().entries().stream().filter(r -> !(r instanceof TranscriptEntry.Observation)).map(r -> r.getClass().getSimpleName() + (r instanceof TranscriptEntry.Operator o ? o.state() + "" + o.cause() : "")).toList()), e);
            }
        }
        assertEquals(1, emulator.receivedMessages(session).size(), "never sent twice on its own");
    }

    @Test
    void aSilentServerMarksTheSessionStale() {
        demoUntilQuestion();
        ui.run(() -> {
            vm.checkStale();
            assertFalse(vm.staleProperty().get());
            now.set(now.get().plus(ConsoleViewModel.STALE_AFTER).plusSeconds(1));
            vm.checkStale();
            assertTrue(vm.staleProperty().get());
        });
    }

    @Test
    void disconnectKeepsWhatWasTyped() {
        demoUntilQuestion();
        ui.run(() -> {
            vm.composer().textProperty().set("half-written instruction");
            vm.disconnect();
            assertEquals(ConnectionState.DISCONNECTED, vm.stateProperty().get());
            assertEquals("half-written instruction", vm.composer().textProperty().get());
            assertFalse(vm.canSendProperty().get());
        });
    }

    // ---- the session bar's reads: the picker, the details, the quota ------------------------------

    private SessionListViewModel.State listState() {
        return vm.bar().list().stateProperty().get();
    }

    @Test
    void thePickerListsTheDemoSessionsAndEveryLoadEndsEvenWhenNothingChanged() {
        demoUntilQuestion();
        String session = ui.call(() -> vm.boundSessionProperty().get());
        for (int i = 0; i < 2; i++) {
            ui.run(vm.bar()::loadSessions);
            ui.await("listed", WAIT, () -> listState() == SessionListViewModel.State.LOADED);
        }
        ui.run(() -> {
            SessionListViewModel.Row row = vm.bar().list().rows().get(0);
            assertEquals(session, row.id().value());
            assertTrue(row.title().startsWith("idle · demo-web-agent"), row.title());
            assertTrue(row.caption().contains("created ") && row.caption().contains("last activity "), row.caption());
        });
    }

    @Test
    void aProviderWithNoSessionsListsNothingRatherThanLoadingForever() {
        ui.run(() -> {
            vm.providerProperty().set(Provider.AGI);
            vm.tokenProperty().set(emulator.token());
            vm.bar().loadSessions();
        });
        ui.await("listed", WAIT, () -> listState() != SessionListViewModel.State.LOADING);
        ui.run(() -> {
            assertEquals(SessionListViewModel.State.LOADED, listState());
            assertTrue(vm.bar().list().rows().isEmpty());
        });
    }

    @Test
    void aRefusedListShowsTheErrorAndRetryListsAgain() {
        emulator.createDemoSession();
        emulator.faults().add(Faults.Rule.on("GET /api/v2/sessions", new Faults.Fault.Status(403, Optional.empty()), 1));
        ui.run(vm.bar()::loadSessions);
        ui.await("failed", WAIT, () -> listState() == SessionListViewModel.State.FAILED);
        ui.run(() -> {
            assertTrue(vm.bar().list().problemProperty().get().contains("forbidden"), vm.bar().list().problemProperty().get());
            vm.bar().list().retry();
        });
        ui.await("listed on retry", WAIT, () -> listState() == SessionListViewModel.State.LOADED);
        ui.run(() -> assertEquals(1, vm.bar().list().rows().size()));
    }

    @Test
    void detailsShowUsageAndCostAndASubagentOpensInTheWindow() {
        demoUntilQuestion();
        String parent = ui.call(() -> vm.boundSessionProperty().get());
        String child = emulator.createSubagentSession(parent);
        SessionDetailsViewModel details = vm.bar().details();
        ui.run(vm.bar()::loadDetails);
        ui.await("details", WAIT, () -> details.stateProperty().get() == SessionDetailsViewModel.State.LOADED);
        ui.run(() -> {
            assertEquals("demo-web-agent", details.agentProperty().get());
            assertEquals(List.of("holo-emulated", "holo-emulated-vision"),
                    details.usage().stream().map(SessionDetailsViewModel.UsageRow::model).toList());
            assertTrue(details.costProperty().get().matches("\\$\\d+\\.\\d{4} \\(input .*reasoning .*\\)"),
                    details.costProperty().get());
            assertTrue(details.timesProperty().get().contains("started"), details.timesProperty().get());
            details.open(details.subagents().get(0));
        });
        ui.await("the subagent bound", WAIT, () -> child.equals(vm.boundSessionProperty().get())
                && vm.stateProperty().get() == ConnectionState.LIVE);
        ui.run(() -> assertEquals(SessionDetailsViewModel.State.NOT_LOADED, details.stateProperty().get(),
                "the parent's details are not shown for the subagent"));
    }

    @Test
    void theQuotaBeforeNewCountsTheSessionJustCreated() {
        QuotaViewModel quota = vm.bar().quota();
        ui.await("the quota", WAIT, () -> quota.summaryProperty().get().startsWith("100 of 100 session slots free"));
        demoUntilQuestion();
        ui.await("one slot fewer", WAIT, () -> quota.summaryProperty().get().startsWith("99 of 100 session slots free"));
        ui.run(() -> assertTrue(quota.summaryProperty().get().contains("tokens left until"), quota.summaryProperty().get()));
    }

    @Test
    void aNewSessionRefusedForBudgetSaysWhatTheQuotaIsNow() {
        emulator.faults().add(Faults.Rule.on("POST /api/v2/sessions", new Faults.Fault.Status(402, Optional.empty()), 1));
        ui.run(vm::newSession);
        ui.await("refused", WAIT, () -> vm.noticeProperty().get().contains("402"));
        ui.run(() -> assertTrue(vm.noticeProperty().get().contains("quota now: 100 of 100 session slots free"),
                vm.noticeProperty().get()));
    }
}
