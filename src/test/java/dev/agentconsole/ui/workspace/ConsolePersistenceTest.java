package dev.agentconsole.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.session.ConnectionState;
import dev.agentconsole.session.DeliveryState;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.store.Store;
import dev.agentconsole.ui.EmulatorConnector;
import dev.agentconsole.ui.UiThread;
import dev.agentconsole.ui.chat.TranscriptEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the window keeps across restarts: drafts, recent sessions, history, messages waiting for a key. */
class ConsolePersistenceTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path data;
    Emulator emulator;
    UiThread ui;
    ExecutorService io;
    EmulatorConnector connector;
    WorkspaceViewModel vm;

    @BeforeEach
    void start() {
        emulator = Emulator.start(0, ScriptClock.ticking(Duration.ofMillis(15)));
        ui = new UiThread();
        io = Executors.newCachedThreadPool();
        openConsole();
    }

    /** A console process starting on the data folder: its own store and view model. */
    private void openConsole() {
        connector = new EmulatorConnector(emulator, Store.open(data));
        vm = ui.call(() -> new WorkspaceViewModel(connector, ui, io, Instant::now, dev.agentconsole.ui.workspace.Notifier.NONE));
    }

    private void closeConsole() {
        ui.run(vm::close);
        connector.close(); // closes the store, writing what is pending
    }

    @AfterEach
    void stop() {
        closeConsole();
        ui.close();
        io.shutdownNow();
        emulator.close();
    }

    private void bind(Provider provider, String session, boolean withToken) {
        ui.run(() -> {
            vm.form().providerProperty().set(provider);
            vm.form().tokenProperty().set(withToken ? emulator.token() : "");
            vm.form().sessionTextProperty().set(session);
            vm.form().connect();
        });
    }

    /** The transcript, from the test's thread. */
    private List<TranscriptEntry> rows() {
        return ui.call(this::rowsOnUi);
    }

    /** The transcript, inside a condition (those run on the UI thread already). */
    private List<TranscriptEntry> rowsOnUi() {
        return List.copyOf(vm.front().transcript().entries());
    }

    @Test
    void theDraftComesBackAfterARestartAndEachSessionKeepsItsOwn() {
        String a = emulator.createDemoSession();
        String b = emulator.createDemoSession();
        bind(Provider.DEMO, a, false);
        ui.await("a is live", WAIT, () -> vm.front() != null && vm.front().stateProperty().get() == ConnectionState.LIVE);
        ui.run(() -> {
            vm.front().composer().textProperty().set("a queued line for A");
            vm.front().composer().addToQueue();
            vm.front().composer().textProperty().set("half a thought for A");
            vm.front().composer().startUrlProperty().set("https://a.example");
        });
        closeConsole();

        openConsole();
        bind(Provider.DEMO, a, false);
        ui.await("A's draft is back", WAIT, () -> vm.front() != null && "half a thought for A".equals(vm.front().composer().textProperty().get()));
        ui.run(() -> assertEquals("https://a.example", vm.front().composer().startUrlProperty().get()));

        ui.run(() -> assertEquals(List.of("a queued line for A"), vm.front().composer().queue()));
        bind(Provider.DEMO, b, false);
        ui.await("B starts empty", WAIT, () -> vm.front() != null && vm.front().composer().textProperty().get().isEmpty() && vm.front().composer().queue().isEmpty());
        ui.run(() -> vm.front().composer().textProperty().set("B's own words"));
        bind(Provider.DEMO, a, false);
        ui.await("back to A's draft", WAIT, () -> vm.front() != null && "half a thought for A".equals(vm.front().composer().textProperty().get()));
        bind(Provider.DEMO, b, false);
        ui.await("and B's", WAIT, () -> vm.front() != null && "B's own words".equals(vm.front().composer().textProperty().get()));
    }

    @Test
    void recentSessionsAreRememberedAcrossRestarts() {
        String a = emulator.createDemoSession();
        bind(Provider.DEMO, a, false);
        ui.await("live", WAIT, () -> vm.front() != null && vm.front().stateProperty().get() == ConnectionState.LIVE);
        closeConsole();
        openConsole();
        ui.await("the recent list holds it", WAIT, () -> vm.form().recentSessions().contains(a));
    }

    @Test
    void reopeningShowsTheHistoryAtOnceWithNothingDoubledAndReadingGoesOn() {
        String a = emulator.createDemoSession();
        bind(Provider.DEMO, a, false);
        ui.await("the agent asks", WAIT, () -> rowsOnUi().stream().anyMatch(TranscriptEntry.Question.class::isInstance)
                && vm.front().agentStatusProperty().get() == AgentStatus.IDLE);
        long before = rows().stream().filter(r -> r.key().startsWith("e")).count();
        closeConsole();

        openConsole();
        bind(Provider.DEMO, a, false);
        ui.await("history shown", WAIT, () -> rowsOnUi().stream().anyMatch(r -> r instanceof TranscriptEntry.Note n
                && n.text().startsWith("history: ")));
        ui.await("caught up", WAIT, () -> rowsOnUi().stream().anyMatch(r -> r instanceof TranscriptEntry.Note n
                && n.text().startsWith("resumed, ")));
        List<TranscriptEntry> after = rows();
        Set<String> keys = new HashSet<>();
        after.forEach(r -> assertTrue(keys.add(r.key()), "shown twice: " + r));
        assertTrue(after.stream().filter(r -> r.key().startsWith("e")).count() >= before, "nothing missed");

        ui.run(() -> {
            vm.front().composer().textProperty().set("the closer one");
            vm.front().send();
        });
        ui.await("the agent answers after the restart", WAIT, () -> rowsOnUi().stream()
                .anyMatch(r -> r instanceof TranscriptEntry.Answer ans && ans.text().contains("Hotel Gion")));
    }

    @Test
    void aDemoSessionEndsWithItsProcessButItsHistoryStaysReadable() {
        String a = emulator.createDemoSession();
        bind(Provider.DEMO, a, false);
        ui.await("the agent asks", WAIT, () -> rowsOnUi().stream().anyMatch(TranscriptEntry.Question.class::isInstance));
        closeConsole();
        emulator.close();
        emulator = Emulator.start(0, ScriptClock.ticking(Duration.ofMillis(15))); // the next run's demo emulator

        openConsole();
        bind(Provider.DEMO, a, false);
        ui.await("ended, and said why", WAIT, () -> rowsOnUi().stream().anyMatch(r -> r instanceof TranscriptEntry.Note n
                && n.text().startsWith("This demo session ended")));
        assertTrue(rows().stream().anyMatch(TranscriptEntry.Question.class::isInstance), "the history is there");
        ui.run(() -> assertEquals(ConnectionState.ENDED, vm.front().stateProperty().get()));
    }

    @Test
    void storedMessagesWaitVisiblyForTheKeyAndGoOutOnceItIsTyped() {
        String session = emulator.createDemoSession();
        SessionKey key = SessionKey.of(Provider.HCOMPANY, session);
        Store store = connector.store();
        store.enqueue(store.newDeliveryId(), key, new Outgoing.Single(OutgoingMessage.text("queued before the restart")),
                DeliveryState.QUEUED.name(), 0).join();

        bind(Provider.HCOMPANY, session, false);
        ui.await("waiting for the key", WAIT, () -> rowsOnUi().stream().anyMatch(r -> r instanceof TranscriptEntry.Operator o
                && o.state() == DeliveryState.WAITING));
        ui.run(() -> assertTrue(vm.front().noticeProperty().get().contains("1 message waits"), vm.front().noticeProperty().get()));
        assertEquals(0, emulator.receivedMessages(session).size(), "nothing is sent without a key");

        bind(Provider.HCOMPANY, session, true);
        ui.await("sent once the key is there", WAIT, () -> emulator.receivedMessages(session).size() == 1);
        ui.await("and seen", WAIT, () -> rowsOnUi().stream().anyMatch(r -> r instanceof TranscriptEntry.Operator o
                && o.state() == DeliveryState.SEEN));
        assertEquals("queued before the restart", emulator.receivedMessages(session).get(0).text());
    }

    @Test
    void aDamagedDatabaseIsSaidInTheWindowAndTheConsoleStillWorks() throws Exception {
        closeConsole();
        Files.writeString(data.resolve(Store.FILE_NAME), "not a database ".repeat(500));
        openConsole();
        ui.run(() -> assertTrue(vm.storeWarning().messageProperty().get().contains("damaged"),
                vm.storeWarning().messageProperty().get()));
        String a = emulator.createDemoSession();
        bind(Provider.DEMO, a, false);
        ui.await("live", WAIT, () -> vm.front() != null && vm.front().stateProperty().get() == ConnectionState.LIVE);
        ui.run(() -> {
            assertTrue(vm.storeWarning().messageProperty().get().contains("kept aside"),
                    "binding a session does not wipe it: " + vm.storeWarning().messageProperty().get());
            assertTrue(vm.storeWarning().savingProperty().get(), "a fresh file was started: it saves");
            vm.storeWarning().dismiss();
            assertEquals("", vm.storeWarning().messageProperty().get(), "the operator dismisses it");
        });
    }

    @Test
    void aSecondConsoleOnTheSameFolderSaysItSavesNothingAndEveryMessageRowSaysSo() throws Exception {
        // the first console holds the folder; this one starts beside it
        closeConsole();
        Store first = Store.open(data);
        try {
            openConsole();
            ui.run(() -> {
                assertFalse(vm.storeWarning().savingProperty().get());
                assertTrue(vm.storeWarning().messageProperty().get().contains("Another Agent Console"),
                        vm.storeWarning().messageProperty().get());
            });
            String a = emulator.createDemoSession();
            bind(Provider.DEMO, a, false);
            ui.await("live", WAIT, () -> vm.front() != null && vm.front().stateProperty().get() == ConnectionState.LIVE);
            ui.run(() -> {
                assertTrue(vm.storeWarning().messageProperty().get().contains("nothing new is saved"),
                        "still in view after binding: " + vm.storeWarning().messageProperty().get());
                vm.front().composer().textProperty().set("remember this");
                vm.front().send();
            });
            ui.await("the row says it is not saved", WAIT, () -> rowsOnUi().stream().anyMatch(r ->
                    r instanceof TranscriptEntry.Operator o && o.unsaved() && o.lines().equals(List.of("remember this"))));
        } finally {
            closeConsole();
            first.close();
            openConsole(); // for stop()
        }
    }
}
