package dev.agentconsole.ui.workspace;

import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.store.Store;
import dev.agentconsole.ui.EmulatorConnector;
import dev.agentconsole.ui.FxTesting;
import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.Theme;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The real window on a stage, against its own emulator, for the window tests; closed after each test. */
final class TestWindow implements AutoCloseable {

    static final int WIDTH = 1200;
    static final int HEIGHT = 800;

    final Emulator emulator;
    final EmulatorConnector connector;
    final ExecutorService io = Executors.newCachedThreadPool();
    final WorkspaceViewModel vm;
    final WorkspaceView view;
    /** What opening a link does; by default, nothing (as if a browser took it). */
    final java.util.concurrent.atomic.AtomicReference<dev.agentconsole.ui.LinkOpener> links =
            new java.util.concurrent.atomic.AtomicReference<>((url, whenNot) -> { });
    /** Every link the window asked to open. */
    final java.util.List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

    private TestWindow(Stage stage, ScriptClock clock, Store store) {
        emulator = Emulator.start(0, clock);
        connector = new EmulatorConnector(emulator, store);
        new Theme().apply();
        vm = new WorkspaceViewModel(connector, Platform::runLater, io, Instant::now, Notifier.NONE);
        view = new WorkspaceView(vm, (url, whenNot) -> {
            opened.add(url);
            links.get().open(url, whenNot);
        }, new SimpleBooleanProperty(false));
        Scene scene = new Scene(view, WIDTH, HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(TestWindow.class.getResource(Styles.STYLESHEET)).toExternalForm());
        view.installKeys(scene);
        stage.setScene(scene);
        stage.show();
    }

    /** On the FX thread (a TestFX {@code @Start} method). */
    static TestWindow show(Stage stage, ScriptClock clock) {
        return new TestWindow(stage, clock, Store.inMemory());
    }

    /** As {@link #show(Stage, ScriptClock)}, on the given store. */
    static TestWindow show(Stage stage, ScriptClock clock, Store store) {
        return new TestWindow(stage, clock, store);
    }

    /** Binds the window to a fresh demo session on its emulator; returns the session id. */
    String bindDemoSession() {
        String session = emulator.createDemoSession();
        vm.form().sessionTextProperty().set(session);
        vm.form().connect();
        return session;
    }

    /** The view of the session in front (the one the window tests look at). */
    dev.agentconsole.ui.session.SessionView front() throws Exception {
        return fx(() -> view.frontView().orElseThrow());
    }

    static <T> T fx(Callable<T> read) throws Exception {
        return FxTesting.fx(read);
    }

    static void waitFor(String what, Callable<Boolean> condition) {
        FxTesting.waitFor(what, condition);
    }

    @Override
    public void close() throws Exception {
        fx(() -> {
            vm.close();
            return null;
        });
        io.shutdownNow();
        connector.close();
        emulator.close();
    }
}
