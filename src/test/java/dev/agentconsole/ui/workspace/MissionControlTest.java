package dev.agentconsole.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ReceivedMessage;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.session.ConnectionState;
import dev.agentconsole.store.Store;
import dev.agentconsole.ui.EmulatorConnector;
import dev.agentconsole.ui.UiThread;
import dev.agentconsole.ui.session.NeedsMe;
import dev.agentconsole.ui.session.SessionViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several sessions in one window, without the toolkit: the inbox, replying from it, switching with
 * each draft kept, the keys' moves, Pause all / Stop all, the notifications and the set restored at
 * the next start. Two AGI sessions stay ready (they need nobody); the demo session asks a question.
 */
class MissionControlTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path data;
    Emulator emulator;
    EmulatorConnector connector;
    UiThread ui;
    ExecutorService io;
    WorkspaceViewModel vm;
    final RecordingNotifier notifier = new RecordingNotifier();
    boolean focused = true;

    /** What the workspace asked of the desktop. */
    static final class RecordingNotifier implements Notifier {
        final List<String> shown = new CopyOnWriteArrayList<>();
        final List<String> withdrawn = new CopyOnWriteArrayList<>();
        Consumer<String> clicked;

        @Override
        public void show(String sessionRef, String title, String body) {
            shown.add(sessionRef + "|" + title + "|" + body);
        }

        @Override
        public void withdraw(String sessionRef) {
            withdrawn.add(sessionRef);
        }

        @Override
        public void onClicked(Consumer<String> handler) {
            clicked = handler;
        }

        @Override
        public void close() {
        }
    }

    @BeforeEach
    void start() {
        emulator = Emulator.start(0, ScriptClock.ticking(Duration.ofMillis(15)));
        connector = new EmulatorConnector(emulator, Store.open(data));
        ui = new UiThread();
        io = Executors.newCachedThreadPool();
        vm = open();
    }

    private WorkspaceViewModel open() {
        return open(w -> { });
    }

    /** A window on the same folder; {@code before} runs before the saved set is read back. */
    private WorkspaceViewModel open(Consumer<WorkspaceViewModel> before) {
        return open(before, Optional.empty());
    }

    /** As the console starts: {@code named} is the session its options name, left for them to bind. */
    private WorkspaceViewModel open(Consumer<WorkspaceViewModel> before, Optional<dev.agentconsole.store.SessionKey> named) {
        WorkspaceViewModel w = ui.call(() -> new WorkspaceViewModel(connector, ui, io, Instant::now, notifier));
        ui.run(() -> w.windowFocusedProperty().set(focused));
        ui.run(() -> before.accept(w));
        int[] restored = {-1};
        ui.run(() -> w.restore(named, n -> restored[0] = n));
        ui.await("restored", WAIT, () -> restored[0] >= 0);
        return w;
    }

    @AfterEach
    void stop() {
        ui.run(vm::close);
        ui.close();
        io.shutdownNow();
        connector.close();
        emulator.close();
    }

    private SessionViewModel bindAgi(String id) {
        ui.run(() -> {
            vm.form().providerProperty().set(Provider.AGI);
            vm.form().tokenProperty().set(emulator.token());
            vm.form().sessionTextProperty().set(id);
            vm.form().connect();
        });
        ui.await("live", WAIT, () -> vm.front() != null && vm.front().id().value().equals(id)
                && vm.front().stateProperty().get() == ConnectionState.LIVE);
        return ui.call(vm::front);
    }

    private SessionViewModel newDemo() {
        int before = ui.call(() -> vm.sessions().size());
        ui.run(() -> {
            vm.form().providerProperty().set(Provider.DEMO);
            vm.form().newSession();
        });
        ui.await("the demo session open", WAIT, () -> vm.sessions().size() == before + 1);
        return ui.call(() -> vm.sessions().get(before));
    }

    /** Two AGI sessions and a demo one, with the demo's question in the inbox. */
    private List<SessionViewModel> threeWithAQuestion() {
        SessionViewModel a = bindAgi(emulator.createAgiSession());
        SessionViewModel b = bindAgi(emulator.createAgiSession());
        SessionViewModel c = newDemo();
        ui.await("the demo agent asks", WAIT, () -> c.needsMeProperty().get() != null);
        return List.of(a, b, c);
    }

    @Test
    void theInboxShowsTheSessionThatAsksAndAReplyFromItReachesThatSessionOnly() {
        List<SessionViewModel> s = threeWithAQuestion();
        SessionViewModel asking = s.get(2);
        ui.run(() -> vm.show(s.get(0))); // the operator looks at another session
        ui.run(() -> assertEquals(0, s.get(0).unreadProperty().get(), "the session in front has nothing unread"));
        ui.run(() -> {
            assertEquals(List.of(asking), vm.inbox().waiting());
            assertEquals("1 agent is waiting for you", vm.inbox().summaryProperty().get());
            NeedsMe why = asking.needsMeProperty().get();
            assertTrue(why.text().contains("Which one should I book"), why.text());
            assertNotNull(asking.waitingSinceProperty().get());
        });
        assertEquals(Optional.empty(), ui.call(() -> asking.reply("the cheaper one")));
        ui.await("the reply reaches the demo session", WAIT,
                () -> emulator.receivedMessages(asking.id().value()).stream().map(ReceivedMessage::text).toList()
                        .equals(List.of("the cheaper one")));
        assertEquals(List.of(), emulator.receivedMessages(s.get(0).id().value()), "nothing went to the session in front");
        ui.await("what it does meanwhile counts as unread", WAIT, () -> asking.unreadProperty().get() > 0);
        assertEquals(List.of(), emulator.receivedMessages(s.get(1).id().value()));
        ui.run(() -> assertSame(s.get(0), vm.front(), "replying from the inbox does not switch sessions"));
    }

    @Test
    void severalWaitingAreCountedTheLongestWaitFirst() {
        SessionViewModel first = newDemo();
        ui.await("the first asks", WAIT, () -> first.needsMeProperty().get() != null);
        SessionViewModel second = newDemo();
        ui.await("the second asks", WAIT, () -> second.needsMeProperty().get() != null);
        ui.run(() -> vm.move(second, -1)); // the sidebar's order is the operator's; the inbox's is the waits'
        ui.run(() -> {
            assertEquals(List.of(first, second), vm.inbox().waiting());
            assertEquals("2 agents are waiting for you", vm.inbox().summaryProperty().get());
        });
    }

    @Test
    void switchingKeepsEachSessionsDraftQueueAndStartUrl() {
        SessionViewModel a = bindAgi(emulator.createAgiSession());
        SessionViewModel b = bindAgi(emulator.createAgiSession());
        ui.run(() -> {
            vm.show(a);
            a.composer().textProperty().set("for A");
            a.composer().startUrlProperty().set("https://a.example/");
            vm.show(b);
            b.composer().textProperty().set("line for B");
            b.composer().addToQueue();
            b.composer().textProperty().set("for B");
            vm.showNumber(1);
            assertSame(a, vm.front());
            assertEquals("for A", vm.front().composer().textProperty().get());
            assertEquals("https://a.example/", vm.front().composer().startUrlProperty().get());
            vm.showNumber(2);
            assertEquals("for B", vm.front().composer().textProperty().get());
            assertEquals(List.of("line for B"), vm.front().composer().queue());
        });
        connector.store().flushed().join();
        assertEquals("for A", connector.store().draft(a.key()).orElseThrow().text(), "saved under its own session");
        assertEquals("for B", connector.store().draft(b.key()).orElseThrow().text());
    }

    @Test
    void numbersTabAndCloseMoveBetweenSessions() {
        SessionViewModel a = bindAgi(emulator.createAgiSession());
        SessionViewModel b = bindAgi(emulator.createAgiSession());
        SessionViewModel c = bindAgi(emulator.createAgiSession());
        ui.run(() -> {
            vm.showNumber(2);
            assertSame(b, vm.front());
            vm.showNumber(9); // fewer than nine: nothing moves
            assertSame(b, vm.front());
            vm.cycle(1);
            assertSame(c, vm.front());
            vm.cycle(1);
            assertSame(a, vm.front(), "round the list");
            vm.cycle(-1);
            assertSame(c, vm.front());
            vm.closeFront();
            assertEquals(List.of(a, b), vm.sessions());
            assertSame(b, vm.front(), "the one beside it comes forward");
            assertEquals(ConnectionState.DISCONNECTED, c.stateProperty().get(), "a closed session stops reading");
            vm.closeFront();
            vm.closeFront();
            assertNull(vm.front());
        });
    }

    @Test
    void theSetItsOrderTitlesAndTheOneInFrontComeBackAtTheNextStart() {
        SessionViewModel a = bindAgi(emulator.createAgiSession());
        SessionViewModel b = bindAgi(emulator.createAgiSession());
        SessionViewModel c = bindAgi(emulator.createAgiSession());
        ui.run(() -> {
            vm.move(c, -2); // c, a, b
            b.title().rename("the one to watch");
            vm.setMuted(a, true);
            vm.show(a);
        });
        ui.run(vm::close);
        connector.store().flushed().join();

        vm = open(); // the next start: the key is typed again (it lives in memory only), so they wait for it
        ui.run(() -> {
            assertEquals(List.of(c.key(), a.key(), b.key()), vm.sessions().stream().map(SessionViewModel::key).toList(),
                    "saved: " + connector.store().workspace());
            assertEquals(a.key(), vm.front().key());
            assertEquals("the one to watch", vm.sessions().get(2).title().get());
            assertTrue(vm.isMuted(vm.sessions().get(1)), "saved: " + connector.store().workspace());
        });
        ui.await("they wait for the key, and say so", WAIT, () -> vm.front().noticeProperty().get().contains("No API key"));
    }

    /** The set c, a, b saved with b titled, a muted and a in front; then this window closes. */
    private List<SessionViewModel> savedSetOfThree() {
        SessionViewModel a = bindAgi(emulator.createAgiSession());
        SessionViewModel b = bindAgi(emulator.createAgiSession());
        SessionViewModel c = bindAgi(emulator.createAgiSession());
        ui.run(() -> {
            vm.move(c, -2);
            b.title().rename("the one to watch");
            vm.setMuted(a, true);
            vm.show(a);
        });
        ui.run(vm::close);
        connector.store().flushed().join();
        return List.of(c, a, b);
    }

    @Test
    void aSessionNamedAtStartIsInTheWindowAtOnceThenTakesItsSavedPlaceTitleAndWayOfBinding() {
        List<SessionViewModel> saved = savedSetOfThree();
        SessionViewModel b = saved.get(2);
        SessionViewModel[] reserved = new SessionViewModel[1];
        vm = open(w -> { // the command line names b: it is in the window before the saved set is read
            w.reserve(Provider.AGI, b.id(), Optional.empty());
            assertEquals(List.of(b.key()), w.sessions().stream().map(SessionViewModel::key).toList());
            reserved[0] = w.front();
            w.form().callerIdProperty().set("ops-7"); // --caller-id, set after the reservation as the console does
        }, Optional.of(b.key()));
        ui.run(() -> {
            assertEquals(saved.stream().map(SessionViewModel::key).toList(), vm.sessions().stream().map(SessionViewModel::key).toList(),
                    "in the saved order");
            assertSame(reserved[0], vm.sessions().get(2), "the same session (its view stays), not a second one");
            assertSame(reserved[0], vm.front(), "the one named stays in front");
            assertEquals("the one to watch", vm.front().title().get());
            vm.open(Provider.AGI, Optional.empty(), Optional.of(b.id())); // what the options then ask
        });
        // bound as a saved session is: from its own place, with a key at hand (none was typed in this run), not
        // through the form (which would take its id into the session field)
        ui.await("it waits for the key, and says so", WAIT, () -> vm.front().noticeProperty().get().contains("No API key"));
        ui.run(() -> {
            assertSame(reserved[0], vm.front());
            assertEquals("", vm.form().sessionTextProperty().get(), "bound again from its own place, not through the form");
            assertEquals("ops-7", vm.front().composer().callerIdProperty().get(), "the caller id the options gave");
        });
    }

    @Test
    void aSessionNamedAtStartThatWasNotSavedComesAfterTheSavedSetAndBindsThroughTheForm() {
        List<SessionViewModel> saved = savedSetOfThree();
        String d = emulator.createAgiSession();
        SessionViewModel[] reserved = new SessionViewModel[1];
        vm = open(w -> {
            w.reserve(Provider.AGI, dev.agentconsole.agent.SessionId.parse(d), Optional.empty());
            reserved[0] = w.front();
            w.form().callerIdProperty().set("ops-7");
        }, Optional.of(dev.agentconsole.store.SessionKey.of(Provider.AGI, d)));
        ui.run(() -> {
            assertEquals(4, vm.sessions().size());
            assertEquals(saved.stream().map(SessionViewModel::key).toList(),
                    vm.sessions().subList(0, 3).stream().map(SessionViewModel::key).toList(), "the saved set first, in its order");
            assertSame(reserved[0], vm.sessions().get(3));
            assertSame(reserved[0], vm.front());
            vm.form().tokenProperty().set(emulator.token());
            vm.open(Provider.AGI, Optional.empty(), Optional.of(dev.agentconsole.agent.SessionId.parse(d)));
        });
        ui.await("live, through the form's key", WAIT, () -> reserved[0].stateProperty().get() == ConnectionState.LIVE);
        ui.run(() -> {
            assertEquals(4, vm.sessions().size(), "no second one");
            assertSame(reserved[0], vm.front());
            assertEquals(d, vm.form().sessionTextProperty().get(), "through the form");
            assertEquals("ops-7", vm.front().composer().callerIdProperty().get(), "with the caller id the options gave");
        });
    }

    @Test
    void aSessionNamedAtStartAtAnotherBaseUrlThanTheSavedOneIsLetGoForTheSavedOne() {
        List<SessionViewModel> saved = savedSetOfThree();
        SessionViewModel b = saved.get(2);
        SessionViewModel[] reserved = new SessionViewModel[1];
        vm = open(w -> {
            w.reserve(Provider.AGI, b.id(), Optional.of("http://127.0.0.1:9/elsewhere"));
            reserved[0] = w.front();
        }, Optional.of(b.key()));
        ui.run(() -> {
            assertEquals(saved.stream().map(SessionViewModel::key).toList(), vm.sessions().stream().map(SessionViewModel::key).toList());
            assertFalse(vm.sessions().contains(reserved[0]), "let go");
            assertEquals(emulator.baseUrl(), vm.sessions().get(2).baseUrl(), "the saved one, at its own base URL");
            assertEquals(saved.get(1).key(), vm.front().key(), "and the saved one in front, in front");
        });
    }

    @Test
    void aBackgroundSessionThatStartsToWaitNotifiesOnceWithoutItsIdAndAClickBringsItForward() throws InterruptedException {
        SessionViewModel a = bindAgi(emulator.createAgiSession());
        SessionViewModel c = newDemo();
        ui.run(() -> vm.show(a));
        ui.await("the demo agent asks", WAIT, () -> c.needsMeProperty().get() != null);
        ui.await("a notification", WAIT, () -> !notifier.shown.isEmpty());
        String shown = notifier.shown.get(0);
        assertTrue(shown.contains("waits for you") || shown.contains("asks you"), shown);
        assertTrue(shown.contains("Book a hotel in Kyoto") || shown.contains("demo-web-agent"), shown);
        assertFalse(shown.contains(c.id().value()), "no id in the text: " + shown);
        assertFalse(shown.contains(c.id().value().substring(0, 8)), "not even a part of it: " + shown);
        Thread.sleep(Alerts.SETTLE.toMillis() * 2);
        assertEquals(1, notifier.shown.size(), "one per change: " + notifier.shown);

        String ref = shown.substring(0, shown.indexOf('|'));
        notifier.clicked.accept(ref);
        ui.await("the session in front", WAIT, () -> vm.front() == c);
    }

    /** Two sessions; the first goes to the background, set up by {@code setUp}, then both ask. */
    private void bothAskWith(Consumer<SessionViewModel> setUp) throws InterruptedException {
        SessionViewModel background = bindAgi(emulator.createAgiSession());
        ui.run(() -> setUp.accept(background));
        SessionViewModel inFront = newDemo(); // shown, in a focused window
        ui.await("it asks", WAIT, () -> inFront.needsMeProperty().get() != null);
        ui.run(() -> assertSame(inFront, vm.front()));
        Thread.sleep(Alerts.SETTLE.toMillis() * 3); // past the moment one would have gone out
        ui.run(() -> { });
    }

    @Test
    void noNotificationForTheSessionInFrontOfAFocusedWindow() throws InterruptedException {
        bothAskWith(s -> { });
        assertEquals(List.of(), notifier.shown);
    }

    @Test
    void noNotificationForAMutedSession() throws InterruptedException {
        SessionViewModel muted = newDemo();
        ui.run(() -> vm.setMuted(muted, true));
        bindAgi(emulator.createAgiSession()); // the muted one goes to the background
        ui.await("the muted one asks", WAIT, () -> muted.needsMeProperty().get() != null);
        Thread.sleep(Alerts.SETTLE.toMillis() * 3);
        ui.run(() -> { });
        assertEquals(List.of(), notifier.shown);
    }

    @Test
    void noNotificationUnderDoNotDisturb() throws InterruptedException {
        ui.run(() -> vm.doNotDisturbProperty().set(true));
        SessionViewModel quiet = newDemo();
        bindAgi(emulator.createAgiSession());
        ui.await("the quiet one asks", WAIT, () -> quiet.needsMeProperty().get() != null);
        Thread.sleep(Alerts.SETTLE.toMillis() * 3);
        ui.run(() -> { });
        assertEquals(List.of(), notifier.shown);
    }

    @Test
    void aWaitReadBackFromTheStoreAtTheNextStartIsNotNotifiedAgainAndKeepsItsAge() throws InterruptedException {
        String h = emulator.createDemoSession(); // an H session on the emulator, bound as H with the emulator's key
        ui.run(() -> {
            vm.form().providerProperty().set(Provider.HCOMPANY);
            vm.form().tokenProperty().set(emulator.token());
            vm.form().sessionTextProperty().set(h);
            vm.form().connect();
        });
        ui.await("it asks", WAIT, () -> vm.front() != null && vm.front().needsMeProperty().get() != null);
        Instant asked = ui.call(() -> vm.front().waitingSinceProperty().get());
        ui.run(vm::close);
        connector.store().flushed().join();
        Thread.sleep(1100);

        notifier.shown.clear();
        focused = false; // the operator is elsewhere: a new wait would be notified
        vm = open(w -> {
            w.form().providerProperty().set(Provider.HCOMPANY);
            w.form().tokenProperty().set(emulator.token());
        });
        ui.await("read back, it still waits", WAIT, () -> vm.front() != null && vm.front().needsMeProperty().get() != null);
        Thread.sleep(Alerts.SETTLE.toMillis() * 3);
        ui.run(() -> { });
        assertEquals(List.of(), notifier.shown, "the same question after a restart is not news");
        Instant since = ui.call(() -> vm.front().waitingSinceProperty().get());
        assertTrue(!since.isAfter(asked.plusMillis(500)), "it has waited since it asked: " + since + " vs " + asked);
    }

    @Test
    void aKeyTypedForAWaitingSessionBindsEverySessionOfItsProviderThatWaits() {
        SessionViewModel a = bindAgi(emulator.createAgiSession());
        SessionViewModel b = bindAgi(emulator.createAgiSession());
        ui.run(vm::close);
        connector.store().flushed().join();
        vm = open(); // no key at hand: both wait for one
        ui.await("both wait for a key", WAIT, () -> vm.sessions().size() == 2
                && vm.sessions().stream().allMatch(s -> s.keyNeededProperty().get()));
        ui.run(() -> vm.connectWithKey(vm.sessions().get(0), emulator.token()));
        ui.await("both live", WAIT, () -> vm.sessions().stream()
                .allMatch(s -> s.stateProperty().get() == ConnectionState.LIVE && !s.keyNeededProperty().get()));
        ui.run(() -> assertEquals(List.of(a.key(), b.key()), vm.sessions().stream().map(SessionViewModel::key).toList()));
    }

    @Test
    void closingASessionWithAHeldMessageAsksFirstAndCancelKeepsItOpen() {
        SessionViewModel c = newDemo();
        ui.await("it asks", WAIT, () -> c.needsMeProperty().get() != null);
        ui.run(c::pauseOrResume);
        ui.await("paused", WAIT, () -> c.agentStatusProperty().get() == AgentStatus.PAUSED);
        ui.run(() -> {
            c.composer().textProperty().set("hold this");
            c.send();
            c.choose(c.confirmationProperty().get().choices().get(1)); // queue until I resume
            vm.closeFront();
            assertNotNull(c.confirmationProperty().get(), "a held message: it asks");
            assertTrue(c.confirmationProperty().get().message().contains("not gone out"), c.confirmationProperty().get().message());
            c.choose(c.confirmationProperty().get().choices().get(1)); // keep it open
            assertEquals(List.of(c), vm.sessions());
            vm.closeFront();
            c.choose(c.confirmationProperty().get().choices().get(0)); // close anyway
            assertEquals(List.of(), vm.sessions());
        });
        connector.store().flushed().join();
        assertEquals("hold this", connector.store().draft(c.key()).orElseThrow().text(), "the held words wait in its draft");
    }

    @Test
    void aReplyFromTheInboxThatMustAskFirstWaitsInTheComposerSoCancelLosesNothing() {
        SessionViewModel c = newDemo();
        ui.await("it asks", WAIT, () -> c.needsMeProperty().get() != null);
        ui.run(c::pauseOrResume);
        ui.await("paused", WAIT, () -> c.agentStatusProperty().get() == AgentStatus.PAUSED);
        ui.run(() -> {
            assertEquals(Optional.empty(), c.reply("the cheaper one"));
            assertNotNull(c.confirmationProperty().get(), "a paused agent: it asks first");
            c.dismissConfirmation();
            assertEquals("the cheaper one", c.composer().textProperty().get(), "the reply waits in the composer");
            assertTrue(c.reply(" ").isPresent(), "an empty reply is refused with words");
            String tooLong = c.reply("x".repeat(6_000_000)).orElse("");
            assertTrue(tooLong.contains("limit"), "so is one over the limit: " + tooLong);
        });
        assertEquals(List.of(), emulator.receivedMessages(c.id().value()));
    }

    @Test
    void stopAllAsksOnceThenStopsEverySessionThatCanBeStopped() {
        List<SessionViewModel> s = threeWithAQuestion();
        ui.run(() -> {
            vm.wall().requestStopAll();
            assertNotNull(vm.wall().confirmationProperty().get());
            assertTrue(vm.wall().confirmationProperty().get().message().startsWith("Stop"), vm.wall().confirmationProperty().get().message());
            vm.wall().choose(vm.wall().confirmationProperty().get().choices().get(0));
        });
        ui.await("the demo session stopped", WAIT, () -> s.get(2).agentStatusProperty().get() == AgentStatus.INTERRUPTED
                || s.get(2).agentStatusProperty().get().isTerminal());
    }
}
