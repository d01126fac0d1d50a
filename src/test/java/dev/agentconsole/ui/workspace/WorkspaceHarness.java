package dev.agentconsole.ui.workspace;

import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.ui.EmulatorConnector;
import dev.agentconsole.ui.UiThread;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The console's ViewModel without the toolkit, against a ticking emulator through the real clients. */
final class WorkspaceHarness implements AutoCloseable {

    final Emulator emulator = Emulator.start(0, ScriptClock.ticking(Duration.ofMillis(15)));
    final EmulatorConnector connector = new EmulatorConnector(emulator);
    final UiThread ui = new UiThread();
    final ExecutorService io = Executors.newCachedThreadPool();
    final WorkspaceViewModel vm = ui.call(() -> new WorkspaceViewModel(connector, ui, io, Instant::now, Notifier.NONE));

    @Override
    public void close() {
        ui.run(vm::close);
        ui.close();
        io.shutdownNow();
        connector.close();
        emulator.close();
    }
}
