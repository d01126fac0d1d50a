package dev.agentconsole.ui.session;

import dev.agentconsole.store.Store;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * What every session model of a window shares: the UI thread's executor ({@code Platform::runLater}
 * in the app, a test thread in tests), the io executor for network and disk, the clock and the store.
 * Both executors drop work once shut down: the window is closing, and a late reply has nothing left to update.
 */
public record SessionContext(Executor ui, Executor io, Supplier<Instant> clock, Supplier<Store> store) {

    public SessionContext {
        ui = whileOpen(ui);
        io = whileOpen(io);
    }

    private static Executor whileOpen(Executor executor) {
        return task -> {
            try {
                executor.execute(task);
            } catch (RejectedExecutionException closing) {
                // shut down: nothing waits for this any more
            }
        };
    }
}
