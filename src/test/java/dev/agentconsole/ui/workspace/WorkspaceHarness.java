package dev.agentconsole.ui.workspace;

import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.ui.EmulatorConnector;
import dev.agentconsole.ui.UiThread;
import dev.agentconsole.ui.connect.Connector;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** The console's ViewModel without the toolkit, against a ticking emulator through the real clients. */
final class WorkspaceHarness implements AutoCloseable {

    final Emulator emulator = Emulator.start(0, ScriptClock.ticking(Duration.ofMillis(15)));
    final Connector connector;
    final UiThread ui = new UiThread();
    final ExecutorService io = Executors.newCachedThreadPool();
    final WorkspaceViewModel vm;
    private final AutoCloseable closeConnector;

    WorkspaceHarness() {
        this(EmulatorConnector::new);
    }

    /** With the connector {@code connect} makes for the emulator (one that records, say); closed with the harness. */
    <C extends Connector & AutoCloseable> WorkspaceHarness(Function<Emulator, C> connect) {
        C made = connect.apply(emulator);
        connector = made;
        closeConnector = made;
        vm = ui.call(() -> new WorkspaceViewModel(connector, ui, io, Instant::now, Notifier.NONE));
    }

    @Override
    public void close() {
        ui.run(vm::close);
        ui.close();
        io.shutdownNow();
        try {
            closeConnector.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        emulator.close();
    }
}
