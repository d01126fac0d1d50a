package dev.agentconsole.app;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.session.DeliveryState;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.ui.chat.TranscriptEntry;
import dev.agentconsole.ui.workspace.WorkspaceViewModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The console without its pixels, in a process of its own, for the crash test: the real
 * composition root, store, session controller and view model, with a single thread standing in
 * for the FX thread. {@code send N}: binds an H session, queues N messages, then types a draft.
 * {@code resume}: binds the same session again and waits until no message is queued or sending.
 * Prints what it did on stdout, one fact per line; the test reads the outbox from the store.
 *
 * <p>Arguments: {@code send|resume baseUrl token sessionId dataDir [count]}.
 */
public final class ConsoleProcess {

    static final String DRAFT = "a draft typed just before the crash";
    private static final Set<DeliveryState> SETTLED = Set.of(DeliveryState.ACCEPTED, DeliveryState.SEEN,
            DeliveryState.UNCERTAIN, DeliveryState.FAILED, DeliveryState.DROPPED);

    private ConsoleProcess() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "ui"));
        ExecutorService io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "io");
            t.setDaemon(true);
            return t;
        });
        Services services = new Services(Map.of("HAI_API_KEY", args[2]), Optional.of(Path.of(args[4])));
        WorkspaceViewModel vm = on(ui, () -> new WorkspaceViewModel(services, ui, io, Instant::now, dev.agentconsole.ui.workspace.Notifier.NONE));
        on(ui, () -> {
            vm.form().providerProperty().set(Provider.HCOMPANY);
            vm.form().baseUrlProperty().set(args[1]);
            vm.form().sessionTextProperty().set(args[3]);
            vm.form().connect();
            return null;
        });
        waitFor(ui, () -> vm.front().canSendProperty().get(), "connected");
        if (mode.equals("send")) {
            int count = Integer.parseInt(args[5]);
            on(ui, () -> {
                for (int i = 1; i <= count; i++) {
                    vm.front().composer().textProperty().set("message " + i);
                    vm.front().send();
                }
                vm.front().composer().textProperty().set(DRAFT);
                return null;
            });
            System.out.println("QUEUED " + count);
            Thread.sleep(Long.MAX_VALUE); // killed by the test
        }
        // resume: the restored messages are sent; wait until the outbox holds none queued or on the wire
        SessionKey key = SessionKey.of(Provider.HCOMPANY, args[3]);
        waitFor(ui, () -> operatorRows(vm).size() > 0 && operatorRows(vm).stream().allMatch(o -> SETTLED.contains(o.state()))
                && services.store().outbox(key, List.of(DeliveryState.QUEUED.name(), DeliveryState.SENDING.name())).isEmpty(),
                "settled");
        Thread.sleep(1500); // echoes of the last ones
        System.out.println("DRAFT " + on(ui, () -> vm.front().composer().textProperty().get()));
        on(ui, () -> {
            vm.close();
            return null;
        });
        services.close();
        System.out.println("DONE");
        System.exit(0);
    }

    private static List<TranscriptEntry.Operator> operatorRows(WorkspaceViewModel vm) {
        return vm.front().transcript().entries().stream().filter(e -> e instanceof TranscriptEntry.Operator)
                .map(e -> (TranscriptEntry.Operator) e).toList();
    }

    private static <T> T on(ExecutorService ui, Callable<T> work) throws Exception {
        return ui.submit(work).get();
    }

    private static void waitFor(ExecutorService ui, Callable<Boolean> condition, String what) throws Exception {
        long end = System.nanoTime() + 60_000_000_000L;
        while (!on(ui, condition)) {
            if (System.nanoTime() > end) {
                System.out.println("TIMEOUT " + what);
                System.exit(3);
            }
            Thread.sleep(50);
        }
    }
}
