package dev.agentconsole.bench;

import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.Faults;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.ui.EmulatorConnector;
import dev.agentconsole.ui.ImageLoader;
import dev.agentconsole.ui.Theme;
import dev.agentconsole.ui.workspace.WorkspaceView;
import dev.agentconsole.ui.workspace.WorkspaceViewModel;
import dev.agentconsole.ui.workspace.StagedWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * How long the FX thread takes to run a task posted to it, every 5 ms, while the console starts,
 * while it sends 50 messages, and while the server stalls for 4 s on sends and reads. A value
 * over 16 ms means the FX thread was blocked for a frame. Prints RESULT lines and exits.
 */
public final class ResponsivenessBench {

    private ResponsivenessBench() {}

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The console window against an in-process emulator, with a watchdog on the FX thread. */
    public static final class App extends Application {

        private volatile List<Double> phase = new ArrayList<>();
        private volatile boolean watching = true;
        private Emulator emulator;
        private EmulatorConnector connector;

        /** The emulator stands for a remote server: it starts off the FX thread, as the app's does. */
        @Override
        public void init() {
            if (!bare()) {
                emulator = Emulator.start(0, ScriptClock.ticking(Duration.ofMillis(100)));
                connector = new EmulatorConnector(emulator);
            }
            Thread watchdog = new Thread(this::watch, "fx-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }

        /** Argument "bare": the baseline, BareWindow's window under the same watchdog, start-up only. */
        private boolean bare() {
            return getParameters().getRaw().contains("bare");
        }

        @Override
        public void start(Stage stage) {
            if (bare()) {
                stage.setScene(new Scene(new StackPane(new Label("bare window")), StagedWindow.WIDTH, StagedWindow.HEIGHT));
                stage.show();
                Thread script = new Thread(() -> {
                    try {
                        Thread.sleep(3000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    report("startup");
                    watching = false;
                    Platform.runLater(Platform::exit);
                }, "bench-script");
                script.setDaemon(true);
                script.start();
                return;
            }
            new Theme().apply();
            // The same two-step start as the app: a shell first, the view built on a worker thread.
            StagedWindow.show(stage, ui -> {
                WorkspaceViewModel vm = new WorkspaceViewModel(connector, ui,
                        Executors.newCachedThreadPool(r -> {
                            Thread t = new Thread(r, "io");
                            t.setDaemon(true);
                            return t;
                        }), Instant::now, dev.agentconsole.ui.workspace.Notifier.NONE);
                this.vm = vm;
                return new WorkspaceView(vm, (url, whenNot) -> { }, new SimpleBooleanProperty(false));
            }, view -> {
                vm.form().newSession();
                runScript(vm);
            }, failure -> { // no view, no phases: say so and end, rather than leave the harness waiting
                System.out.println("FAILED the window could not be opened: " + failure);
                System.exit(1);
            });
        }

        private volatile WorkspaceViewModel vm;

        private void runScript(WorkspaceViewModel vm) {
            Thread script = new Thread(() -> {
                try {
                    Thread.sleep(3000);
                    report("startup");
                    for (int i = 0; i < 50; i++) {
                        int n = i;
                        Platform.runLater(() -> {
                            vm.front().composer().textProperty().set("instruction " + n);
                            vm.front().send();
                        });
                        Thread.sleep(20);
                    }
                    Thread.sleep(1500);
                    report("sending");
                    emulator.faults().add(Faults.Rule.on("POST /api/v2/sessions/{id}/messages",
                            new Faults.Fault.Delay(Duration.ofSeconds(4)), 3));
                    emulator.faults().add(Faults.Rule.on("GET /api/v2/sessions/{id}/status",
                            new Faults.Fault.Delay(Duration.ofSeconds(4)), 3));
                    for (int i = 0; i < 3; i++) {
                        int n = i;
                        Platform.runLater(() -> {
                            vm.front().composer().textProperty().set("during the stall " + n);
                            vm.front().send();
                            vm.front().pauseOrResume();
                        });
                        Thread.sleep(300);
                    }
                    Thread.sleep(5000);
                    report("stall");
                    emulator.faults().clear();
                    for (int i = 0; i < 3; i++) {
                        Platform.runLater(() -> vm.front().composer().attachments().addPixels("pasted image",
                                () -> dev.agentconsole.attach.TestImages.screenshot(3840, 2160)));
                        Thread.sleep(300);
                    }
                    Thread.sleep(3000);
                    report("attaching");
                    watching = false;
                    Platform.runLater(() -> {
                        vm.close();
                        connector.close();
                        emulator.close();
                        Platform.exit();
                    });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-script");
            script.setDaemon(true);
            script.start();
        }

        private void watch() {
            while (watching) {
                CountDownLatch ran = new CountDownLatch(1);
                long t0 = System.nanoTime();
                Platform.runLater(ran::countDown);
                try {
                    if (ran.await(30, TimeUnit.SECONDS)) {
                        phase.add((System.nanoTime() - t0) / 1e6);
                    }
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void report(String name) {
            List<Double> done = phase;
            phase = new ArrayList<>();
            double[] v = done.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (v.length == 0) {
                return;
            }
            System.out.printf(Locale.ROOT, "RESULT phase=%s samples=%d p50-ms=%.2f p99-ms=%.2f max-ms=%.2f over16=%d%n", name, v.length,
                    v[v.length / 2], v[Math.min(v.length - 1, (int) (v.length * 0.99))], v[v.length - 1],
                    java.util.Arrays.stream(v).filter(x -> x > 16).count());
            System.out.flush();
        }
    }

}
