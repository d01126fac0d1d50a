package dev.agentconsole.bench;

import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.store.Store;
import dev.agentconsole.ui.EmulatorConnector;
import dev.agentconsole.ui.ImageLoader;
import dev.agentconsole.ui.Theme;
import dev.agentconsole.ui.workspace.WorkspaceView;
import dev.agentconsole.ui.workspace.WorkspaceViewModel;
import dev.agentconsole.ui.workspace.StagedWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;

/**
 * A session with 100,000 events in the store: the time from binding the window to it until the
 * newest stored row is on screen (read from SQLite, decoded, turned into rows, laid out).
 * Prints a RESULT line and exits. The store is filled, and the window laid out, before the clock
 * starts: it times binding an open window to the session, as the operator does.
 */
public final class HistoryBench {

    static final int EVENTS = 100_000;

    private HistoryBench() {}

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The JavaFX application (kept apart from main, as in the other window benchmarks). */
    public static final class App extends Application {

        private Emulator emulator;
        private EmulatorConnector connector;
        private String session;
        private volatile WorkspaceViewModel vm;

        @Override
        public void init() throws Exception {
            emulator = Emulator.start(0, ScriptClock.manual());
            session = emulator.createDemoSession();
            Path dir = Files.createTempDirectory("history-bench");
            Store store = Store.open(dir);
            SessionKey key = SessionKey.of(Provider.DEMO, session);
            List<AgentEvent> page = new ArrayList<>();
            Instant t = Instant.parse("2026-11-23T10:00:00Z");
            for (int i = 0; i < EVENTS; i++) {
                page.add(event(i, t.plusSeconds(i)));
                if (page.size() == 1000) {
                    store.append(key, page, i + 1).join();
                    page = new ArrayList<>();
                }
            }
            connector = new EmulatorConnector(emulator, store);
            System.gc(); // the fill's garbage is not the session's to collect
        }

        static AgentEvent event(int i, Instant at) {
            return switch (i % 6) {
                case 0 -> new AgentEvent.Thought(i, at, "Step " + i + ": the listing shows three options; the second one matches "
                        + "the operator's budget, so I will open it and check the dates before going further.",
                        List.of("click {\"selector\":\"#item-" + i + "\"}"));
                case 1 -> new AgentEvent.Message(i, at, "user", true, "Instruction " + i + ": prefer the cheaper option", List.of());
                case 2 -> new AgentEvent.StatusChange(i, at, i % 12 == 2 ? AgentStatus.RUNNING : AgentStatus.IDLE,
                        i % 12 == 2 ? "running" : "idle");
                case 3 -> new AgentEvent.Observation(i, at, Optional.of("Search results page " + i + ": 14 hotels"), Optional.empty());
                case 4 -> new AgentEvent.Answer(i, at, "{\n  \"row\" : " + i + ",\n  \"hotel\" : \"Sakura Inn\"\n}", true,
                        Optional.of("success"));
                default -> new AgentEvent.Note(i, at, "navigated to https://booking.example/page/" + i);
            };
        }

        @Override
        public void start(Stage stage) {
            new Theme().apply();
            StagedWindow.show(stage, ui -> {
                vm = new WorkspaceViewModel(connector, ui, Executors.newCachedThreadPool(r -> {
                    Thread th = new Thread(r, "io");
                    th.setDaemon(true);
                    return th;
                }), Instant::now, dev.agentconsole.ui.workspace.Notifier.NONE);
                return new WorkspaceView(vm, (url, whenNot) -> { }, new SimpleBooleanProperty(false));
            }, view -> {
                // the window's own first layout is not part of opening a session: let it settle first
                javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1.5));
                settle.setOnFinished(e -> open(view, stage.getScene()));
                settle.play();
            }, failure -> { // no view, nothing to time: say so and end, rather than leave the harness waiting
                System.out.println("FAILED the window could not be opened: " + failure);
                System.exit(1);
            });
        }

        private void open(WorkspaceView view, Scene scene) {
            long t0 = System.nanoTime();
            long[] newestShown = {0};
            boolean[] done = {false};
            String newestKey = "e" + (EVENTS - 1) + ":";
            scene.addPostLayoutPulseListener(() -> {
                var rows = vm.front().transcript().entries();
                VirtualFlow<?> flow = (VirtualFlow<?>) view.frontView().orElseThrow().transcript().list().lookup(".virtual-flow");
                if (done[0] || flow == null || flow.getFirstVisibleCell() == null) {
                    return;
                }
                int first = flow.getFirstVisibleCell().getIndex();
                int last = flow.getLastVisibleCell().getIndex();
                boolean newestOnScreen = false;
                for (int i = Math.max(0, first); i <= last && i < rows.size(); i++) {
                    newestOnScreen |= rows.get(i).key().startsWith(newestKey);
                }
                if (newestShown[0] == 0 && newestOnScreen) {
                    newestShown[0] = System.nanoTime();
                }
                if (newestShown[0] != 0 && newestOnScreen && rows.size() >= EVENTS) {
                    done[0] = true;
                    System.out.printf(Locale.ROOT, "RESULT open-ms=%.1f all-ms=%.1f rows=%d%n", (newestShown[0] - t0) / 1e6,
                            (System.nanoTime() - t0) / 1e6, rows.size());
                    System.out.flush();
                    Platform.runLater(() -> {
                        vm.close();
                        connector.close();
                        emulator.close();
                        Platform.exit();
                    });
                }
            });
            vm.form().providerProperty().set(Provider.DEMO);
            vm.form().sessionTextProperty().set(session);
            vm.form().connect();
        }
    }
}
