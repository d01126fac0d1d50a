package dev.agentconsole.ui.workspace;

import dev.agentconsole.ui.session.Confirmation;
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
import dev.agentconsole.ui.connect.QuotaViewModel;
import dev.agentconsole.ui.session.SessionDetailsViewModel;
import dev.agentconsole.ui.connect.SessionListViewModel;
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
class WorkspaceViewModelTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    Emulator emulator;
    EmulatorConnector connector;
    UiThread ui;
    ExecutorService io;
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T10:00:00Z"));
    WorkspaceViewModel vm;

    @BeforeEach
    void start() {
        emulator = Emulator.start(0, ScriptClock.ticking(Duration.ofMillis(15)));
        connector = new EmulatorConnector(emulator);
        ui = new UiThread();
        io = Executors.newCachedThreadPool();
        vm = ui.call(() -> new WorkspaceViewModel(connector, ui, io, now::get, dev.agentconsole.ui.workspace.Notifier.NONE));
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
        return vm.front().transcript().entries().stream().anyMatch(type::isInstance);
    }

    private TranscriptEntry.Operator operatorRow() {
        return vm.front().transcript().entries().stream().filter(TranscriptEntry.Operator.class::isInstance)
                .map(TranscriptEntry.Operator.class::cast).reduce((a, b) -> b).orElseThrow();
    }

    private void demoUntilQuestion() {
        ui.run(vm.form()::newSession);
        ui.await("the demo agent asks", WAIT, () -> vm.front() != null && has(TranscriptEntry.Question.class) && vm.front().agentStatusProperty().get() == AgentStatus.IDLE);
    }

    private void bind(Provider provider, String session) {
        ui.run(() -> {
            vm.form().providerProperty().set(provider);
            vm.form().tokenProperty().set(emulator.token());
            vm.form().sessionTextProperty().set(session);
            vm.form().connect();
        });
        ui.await("live", WAIT, () -> vm.front() != null && vm.front().stateProperty().get() == ConnectionState.LIVE);
    }

    @Test
    void aNewDemoSessionGoesLiveAndTheAgentsQuestionAppears() {
        demoUntilQuestion();
        ui.run(() -> {
            assertEquals(ConnectionState.LIVE, vm.front().stateProperty().get());
            assertEquals("idle", vm.front().statusLabelProperty().get());
            assertTrue(vm.front().canPauseProperty().get());
            assertTrue(vm.front().canForceAnswerProperty().get());
            assertTrue(vm.front().canSendProperty().get());
            assertFalse(vm.front().liveViewUrlProperty().get().isEmpty());
            assertTrue(vm.front().metricsProperty().get().contains("steps"), vm.front().metricsProperty().get());
            assertEquals(1, vm.form().recentSessions().size());
        });
    }

    @Test
    void sendingClearsTheComposerAndTheRowMovesToSeenWithoutADoubleFromTheEcho() {
        demoUntilQuestion();
        ui.run(() -> {
            vm.front().composer().textProperty().set("the cheaper one");
            vm.front().send();
            assertEquals("", vm.front().composer().textProperty().get());
        });
        ui.await("seen", WAIT, () -> has(TranscriptEntry.Operator.class) && operatorRow().state() == DeliveryState.SEEN);
        ui.await("the booking", WAIT, () -> vm.front() != null && vm.front().transcript().entries().stream()
                .anyMatch(e -> e instanceof TranscriptEntry.Answer a && a.text().contains("Sakura Inn")));
        ui.run(() -> assertFalse(has(TranscriptEntry.Message.class), "the echo is not shown as a second row"));
        String session = vm.front().id().value();
        assertEquals(List.of("the cheaper one"), emulator.receivedMessages(session).stream().map(ReceivedMessage::text).toList());
    }

    @Test
    void aMalformedSessionIdIsExplainedAndNothingConnects() {
        ui.run(() -> {
            vm.form().providerProperty().set(Provider.HCOMPANY);
            vm.form().sessionTextProperty().set("1234");
            assertTrue(vm.form().sessionProblemProperty().get().contains("not a UUID"));
            vm.form().connect();
            assertNull(vm.front(), "no session opened");
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
            vm.form().providerProperty().set(Provider.HCOMPANY);
            vm.form().tokenProperty().set(emulator.token());
            vm.form().sessionTextProperty().set("00000000-0000-4000-8000-000000000000");
            vm.form().connect();
        });
        ui.await("ended", WAIT, () -> vm.front() != null && vm.front().stateProperty().get() == ConnectionState.ENDED);
        ui.run(() -> {
            assertTrue(vm.front().transcript().entries().stream()
                    .anyMatch(e -> e instanceof TranscriptEntry.Error err && err.message().contains("session not found")));
            assertFalse(vm.front().canSendProperty().get());
        });
    }

    @Test
    void threeQueuedLinesBecomeOneHBatch() {
        demoUntilQuestion();
        int before = emulator.messageBodies().size();
        ui.run(() -> {
            for (String line : List.of("first", "second", "third")) {
                vm.front().composer().textProperty().set(line);
                assertTrue(vm.front().composer().addToQueue());
            }
            vm.front().composer().moveQueued(2, -1);
            assertEquals(List.of("first", "third", "second"), vm.front().composer().queue());
            vm.front().sendQueue();
            assertTrue(vm.front().composer().queue().isEmpty());
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
            assertTrue(vm.front().composer().startUrlAcceptedProperty().get());
            vm.front().composer().startUrlProperty().set("https://booking.example");
            for (String line : List.of("one", "two", "three")) {
                vm.front().composer().textProperty().set(line);
                vm.front().composer().addToQueue();
            }
            vm.front().sendQueue();
        });
        ui.await("three arrived", WAIT, () -> emulator.receivedMessages(session).size() == 3);
        assertEquals(List.of("{\"message\":\"one\",\"start_url\":\"https://booking.example\"}", "{\"message\":\"two\"}",
                "{\"message\":\"three\"}"), emulator.messageBodies());
    }

    @Test
    void stopAsksFirstAndThenEndsTheHSession() {
        demoUntilQuestion();
        ui.run(() -> {
            vm.front().requestStop();
            assertNotNull(vm.front().confirmationProperty().get());
            vm.front().dismissConfirmation();
            assertNull(vm.front().confirmationProperty().get());
            vm.front().requestStop();
            vm.front().choose(vm.front().confirmationProperty().get().choices().get(0));
        });
        ui.await("interrupted", WAIT, () -> vm.front() != null && vm.front().agentStatusProperty().get() == AgentStatus.INTERRUPTED);
        ui.run(() -> {
            assertFalse(vm.front().canStopProperty().get());
            assertFalse(vm.front().canPauseProperty().get());
        });
    }

    @Test
    void aMessageToAFinishedHSessionAsksBeforeRestartingIt() {
        demoUntilQuestion();
        ui.run(() -> {
            vm.front().requestStop();
            vm.front().choose(vm.front().confirmationProperty().get().choices().get(0));
        });
        ui.await("interrupted", WAIT, () -> vm.front() != null && vm.front().agentStatusProperty().get() == AgentStatus.INTERRUPTED);
        String session = ui.call(() -> vm.front().id().value());
        ui.run(() -> {
            vm.front().composer().textProperty().set("start again, cheaper");
            vm.front().send();
            Confirmation c = vm.front().confirmationProperty().get();
            assertTrue(c.message().contains("restarts it"), c.message());
            assertEquals("start again, cheaper", vm.front().composer().textProperty().get(), "nothing is lost while it asks");
            vm.front().choose(c.choices().get(0));
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
        vm = ui.call(() -> new WorkspaceViewModel(connector, ui, io, now::get, dev.agentconsole.ui.workspace.Notifier.NONE));
        String session = emulator.createAgiSession();
        bind(Provider.AGI, session);
        ui.run(() -> {
            vm.front().composer().textProperty().set(Emulator.DEMO_TASK);
            vm.front().send();
        });
        ui.await("running", WAIT, () -> vm.front() != null && vm.front().agentStatusProperty().get() == AgentStatus.RUNNING);
        ui.run(() -> {
            vm.front().composer().textProperty().set("actually, find flights");
            vm.front().send();
            Confirmation c = vm.front().confirmationProperty().get();
            assertNotNull(c, "asks while the task runs");
            assertEquals(3, c.choices().size());
            assertEquals("actually, find flights", vm.front().composer().textProperty().get());
            vm.front().choose(c.choices().get(1)); // stop, then send as a new task
        });
        ui.await("both arrived", WAIT, () -> emulator.receivedMessages(session).size() == 2);
        assertEquals(1, emulator.requestCount("POST /v1/sessions/{id}/cancel"));
    }

    @Test
    void pauseAndResumeReachTheAgent() {
        demoUntilQuestion();
        String session = ui.call(() -> vm.front().id().value());
        ui.run(() -> vm.front().pauseOrResume());
        ui.await("paused", WAIT, () -> vm.front() != null && vm.front().agentStatusProperty().get() == AgentStatus.PAUSED);
        assertEquals(Optional.of("paused"), emulator.sessionStatus(session));
        ui.run(() -> assertTrue(vm.front().canResumeProperty().get()));
        ui.run(() -> vm.front().pauseOrResume());
        ui.await("idle again", WAIT, () -> vm.front() != null && vm.front().agentStatusProperty().get() == AgentStatus.IDLE);
    }

    @Test
    void anUncertainSendOffersResendAndDropAndResendIsTheOperatorsCall() {
        demoUntilQuestion();
        String session = ui.call(() -> vm.front().id().value());
        emulator.faults().add(Faults.Rule.on("POST /api/v2/sessions/{id}/messages", new Faults.Fault.DropAfterRead(), 1));
        ui.run(() -> {
            vm.front().composer().textProperty().set("did this arrive?");
            vm.front().send();
        });
        ui.await("seen or uncertain", WAIT, () -> has(TranscriptEntry.Operator.class)
                && (operatorRow().state() == DeliveryState.UNCERTAIN || operatorRow().state() == DeliveryState.SEEN));
        // the echo can turn it SEEN: the message did arrive. If still uncertain, the operator may resend.
        if (ui.call(() -> operatorRow().state()) == DeliveryState.UNCERTAIN) {
            ui.run(() -> vm.front().drop(operatorRow().deliveryId()));
            // the echo may still win the race: a message seen by the agent stays seen, never dropped
            try {
                ui.await("dropped, or seen after all", WAIT, () -> operatorRow().state() == DeliveryState.DROPPED
                        || operatorRow().state() == DeliveryState.SEEN);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; rows: " + ui.call(() -> vm.front().transcript().entries().stream().filter(r -> !(r instanceof TranscriptEntry.Observation)).map(r -> r.getClass().getSimpleName() + (r instanceof TranscriptEntry.Operator o ? o.state() + "" + o.cause() : "")).toList()), e);
            }
        }
        assertEquals(1, emulator.receivedMessages(session).size(), "never sent twice on its own");
    }

    @Test
    void aSilentServerMarksTheSessionStale() {
        demoUntilQuestion();
        ui.run(() -> {
            vm.front().checkStale();
            assertFalse(vm.front().staleProperty().get());
            now.set(now.get().plus(dev.agentconsole.ui.session.SessionViewModel.STALE_AFTER).plusSeconds(1));
            vm.front().checkStale();
            assertTrue(vm.front().staleProperty().get());
        });
    }

    @Test
    void disconnectKeepsWhatWasTyped() {
        demoUntilQuestion();
        ui.run(() -> {
            vm.front().composer().textProperty().set("half-written instruction");
            vm.front().detach();
            assertEquals(ConnectionState.DISCONNECTED, vm.front().stateProperty().get());
            assertEquals("half-written instruction", vm.front().composer().textProperty().get());
            assertFalse(vm.front().canSendProperty().get());
        });
    }

    // ---- the session bar's reads: the picker, the details, the quota ------------------------------

    private SessionListViewModel.State listState() {
        return vm.form().list().stateProperty().get();
    }

    @Test
    void thePickerListsTheDemoSessionsAndEveryLoadEndsEvenWhenNothingChanged() {
        demoUntilQuestion();
        String session = ui.call(() -> vm.front().id().value());
        for (int i = 0; i < 2; i++) {
            ui.run(vm.form()::loadSessions);
            ui.await("listed", WAIT, () -> listState() == SessionListViewModel.State.LOADED);
        }
        ui.run(() -> {
            SessionListViewModel.Row row = vm.form().list().rows().get(0);
            assertEquals(session, row.id().value());
            assertTrue(row.title().startsWith("idle · demo-web-agent"), row.title());
            assertTrue(row.caption().contains("created ") && row.caption().contains("last activity "), row.caption());
        });
    }

    @Test
    void aProviderWithNoSessionsListsNothingRatherThanLoadingForever() {
        ui.run(() -> {
            vm.form().providerProperty().set(Provider.AGI);
            vm.form().tokenProperty().set(emulator.token());
            vm.form().loadSessions();
        });
        ui.await("listed", WAIT, () -> listState() != SessionListViewModel.State.LOADING);
        ui.run(() -> {
            assertEquals(SessionListViewModel.State.LOADED, listState());
            assertTrue(vm.form().list().rows().isEmpty());
        });
    }

    @Test
    void aRefusedListShowsTheErrorAndRetryListsAgain() {
        emulator.createDemoSession();
        emulator.faults().add(Faults.Rule.on("GET /api/v2/sessions", new Faults.Fault.Status(403, Optional.empty()), 1));
        ui.run(vm.form()::loadSessions);
        ui.await("failed", WAIT, () -> listState() == SessionListViewModel.State.FAILED);
        ui.run(() -> {
            assertTrue(vm.form().list().problemProperty().get().contains("forbidden"), vm.form().list().problemProperty().get());
            vm.form().list().retry();
        });
        ui.await("listed on retry", WAIT, () -> listState() == SessionListViewModel.State.LOADED);
        ui.run(() -> assertEquals(1, vm.form().list().rows().size()));
    }

    @Test
    void detailsShowUsageAndCostAndASubagentOpensInTheWindow() {
        demoUntilQuestion();
        String parent = ui.call(() -> vm.front().id().value());
        String child = emulator.createSubagentSession(parent);
        SessionDetailsViewModel details = vm.front().details();
        ui.run(vm.front()::loadDetails);
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
        ui.await("the subagent bound", WAIT, () -> vm.front() != null && child.equals(vm.front().id().value())
                && vm.front().stateProperty().get() == ConnectionState.LIVE);
        ui.run(() -> {
            assertEquals(SessionDetailsViewModel.State.NOT_LOADED, vm.front().details().stateProperty().get(),
                    "the parent's details are not shown for the subagent");
            assertEquals(2, vm.sessions().size(), "the subagent opens beside its parent");
        });
    }

    @Test
    void theQuotaBeforeNewCountsTheSessionJustCreated() {
        QuotaViewModel quota = vm.form().quota();
        ui.run(() -> vm.form().select(Provider.DEMO, Optional.empty())); // as the window does once it knows where the form points
        ui.await("the quota", WAIT, () -> quota.summaryProperty().get().startsWith("100 of 100 session slots free"));
        demoUntilQuestion();
        ui.await("one slot fewer", WAIT, () -> quota.summaryProperty().get().startsWith("99 of 100 session slots free"));
        ui.run(() -> assertTrue(quota.summaryProperty().get().contains("tokens left until"), quota.summaryProperty().get()));
    }

    @Test
    void aNewSessionRefusedForBudgetSaysWhatTheQuotaIsNow() {
        emulator.faults().add(Faults.Rule.on("POST /api/v2/sessions", new Faults.Fault.Status(402, Optional.empty()), 1));
        ui.run(vm.form()::newSession);
        ui.await("refused", WAIT, () -> vm.form().noticeProperty().get().contains("402"));
        ui.run(() -> assertTrue(vm.form().noticeProperty().get().contains("quota now: 100 of 100 session slots free"),
                vm.form().noticeProperty().get()));
    }
}
