package dev.agentconsole.app;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.app.instance.Listening;
import dev.agentconsole.app.instance.OpenRequest;
import dev.agentconsole.ui.AppIcon;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.ui.Theme;
import dev.agentconsole.ui.workspace.Notifier;
import dev.agentconsole.ui.workspace.StagedWindow;
import dev.agentconsole.ui.workspace.WorkspaceView;
import dev.agentconsole.ui.workspace.WorkspaceViewModel;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The window. Options arrive as {@code --provider=P}, {@code --base-url=U}, {@code --session=S},
 * {@code --caller-id=C}, {@code --profile=NAME}, {@code --data-dir=D} (checked by the CLI before launch; with a
 * profile, provider, base URL and caller id are already the profile's). With no session, the demo opens a
 * fresh demo session; a real provider waits for the operator to pick or paste one.
 */
public final class ConsoleApp extends Application {

    private Services services;
    private Settings settings;
    private ExecutorService io;
    private volatile WorkspaceViewModel vm;
    /**
     * The 5 s clock for stale marks and waiting times. Not a Timeline: while any JavaFX animation runs, the
     * toolkit pulses 60 times a second, so an idle window would wake the FX and render threads for nothing.
     */
    private ScheduledExecutorService ticker;
    private WorkspaceView view;
    private Notifier notifier = Notifier.NONE;
    /**
     * The smoke run's verdict, read by {@link #launch} once the toolkit has exited. Static because
     * JavaFX makes the Application instance itself and hands nothing back from {@code launch}.
     */
    private static final java.util.concurrent.atomic.AtomicInteger exitCode = new java.util.concurrent.atomic.AtomicInteger();
    /** Where later launches on this data folder hand their sessions in (none for a smoke run); static like exitCode. */
    private static volatile Optional<Listening> instance = Optional.empty();

    /** Counted down once the toolkit started by {@link #startToolkitEarly} is up (or failed). */
    private static final java.util.concurrent.CountDownLatch earlyStart = new java.util.concurrent.CountDownLatch(1);
    private static volatile boolean startingEarly;
    private static volatile RuntimeException earlyStartFailure;

    /**
     * Starts the JavaFX toolkit on its own thread while the command line is still being parsed
     * (picocli takes ~90 ms, the toolkit ~250 ms: the window's first frame no longer waits for
     * both in turn). {@link #launch} then waits for it; JavaFX's launcher uses a running toolkit.
     */
    public static void startToolkitEarly() {
        quietClassPathWarning();
        startingEarly = true;
        Thread starter = new Thread(() -> {
            try {
                Platform.startup(() -> { });
            } catch (RuntimeException e) {
                earlyStartFailure = e; // no display, say: launch() reports it
            } finally {
                earlyStart.countDown();
            }
        }, "fx-early-start");
        starter.setDaemon(true);
        starter.start();
    }

    /** Held so the logger (and the filter set on it) outlives the call: java.util.logging keeps loggers weakly. */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    /**
     * The console runs JavaFX from the class path on purpose (it is not a module: DESIGN.md), and
     * JavaFX says "Unsupported JavaFX configuration" about that at every start, on the operator's
     * terminal. Only that one message is dropped; every other record of JavaFX's logger (and of
     * its children, such as CSS warnings) still shows.
     */
    static void quietClassPathWarning() {
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    }

    /**
     * Starts the JavaFX application and returns when the window closed: 0, or with {@code smoke}
     * what {@link SmokeRun} found. Requests from {@code listening} are served once the view is built.
     */
    public static int launch(Optional<Provider> provider, Optional<String> baseUrl, Optional<String> session,
                             Optional<String> callerId, Optional<String> profile, Optional<java.nio.file.Path> dataDir,
                             boolean smoke, Optional<Listening> listening) {
        instance = listening;
        java.util.List<String> args = new java.util.ArrayList<>();
        provider.ifPresent(p -> args.add("--provider=" + p.cliName()));
        baseUrl.ifPresent(u -> args.add("--base-url=" + u));
        session.ifPresent(s -> args.add("--session=" + s));
        callerId.ifPresent(c -> args.add("--caller-id=" + c));
        profile.ifPresent(p -> args.add("--profile=" + p));
        dataDir.ifPresent(d -> args.add("--data-dir=" + d.toAbsolutePath()));
        if (smoke) {
            args.add("--smoke=true");
        }
        exitCode.set(0);
        quietClassPathWarning();
        if (startingEarly) {
            awaitEarlyStart();
        }
        Application.launch(ConsoleApp.class, args.toArray(String[]::new));
        return exitCode.get();
    }

    @Override
    public void init() {
        services = new Services(System.getenv(),
                Optional.ofNullable(getParameters().getNamed().get("data-dir")).map(java.nio.file.Path::of));
        settings = Settings.load(services.dataFolder()); // here, off the FX thread, before the first frame
        notifier = dev.agentconsole.app.notify.Notifiers.forThisDesktop(System.getenv()); // connects on first use
        AtomicInteger n = new AtomicInteger();
        io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "io-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void start(Stage stage) {
        Theme theme = new Theme();
        theme.darkProperty().set(settings.dark());
        theme.apply();
        theme.darkProperty().addListener((o, was, dark) -> saveSetting(() -> settings.saveDark(dark)));
        stage.setTitle("Agent Console");
        stage.getIcons().setAll(AppIcon.forStage());
        stage.setMinWidth(760);
        stage.setMinHeight(520);
        WindowPlacement.restore(stage, settings.window());
        Map<String, String> options = getParameters().getNamed();
        Scene scene = StagedWindow.show(stage, ui -> {
            vm = new WorkspaceViewModel(services, ui, io, Instant::now, notifier);
            // the named session's view is built, styled and laid out here with the window's, off the FX thread
            Optional.ofNullable(options.get("session")).map(SessionId::parse).ifPresent(id -> vm.reserve(
                    Optional.ofNullable(options.get("provider")).map(Provider::fromCli).orElse(Provider.DEMO), id,
                    Optional.ofNullable(options.get("base-url"))));
            return new WorkspaceView(vm, new SystemBrowser(io), theme.darkProperty());
        }, built -> {
            view = built;
            bind(stage);
            report(stage.getScene(), "view-ready-ms");
        }, failure -> {
            if (Boolean.parseBoolean(options.get("smoke"))) { // the window says why; a smoke run ends with it, not at its limit
                endSmoke(stage, "the window could not be opened: "
                        + (failure.getMessage() == null ? failure : failure.getMessage()));
            } else {
                // later launches on this folder would be answered and then see nothing: they bring this window,
                // which says why, forward instead
                instance.ifPresent(l -> l.onRequest(r -> Platform.runLater(() -> {
                    stage.setIconified(false);
                    stage.toFront();
                    stage.requestFocus();
                })));
            }
        });
        if (Boolean.parseBoolean(options.get("smoke"))) {
            // the run's own limit starts once the window is ready; this one covers a window that never gets there
            java.time.Duration readyWithin = SMOKE_LIMIT.multipliedBy(2);
            javafx.animation.PauseTransition notReady = new javafx.animation.PauseTransition(
                    javafx.util.Duration.millis(readyWithin.toMillis()));
            notReady.setOnFinished(e -> {
                if (view == null) {
                    endSmoke(stage, "the window was not ready within " + readyWithin.toSeconds() + " s");
                }
            });
            notReady.play();
        }
        reportFirstFrame(scene);
        WindowPlacement.remember(stage, bounds -> saveSetting(() -> settings.saveWindow(bounds)));
    }

    /** A smoke run that cannot go on: says why, exits 1. */
    private static void endSmoke(Stage stage, String why) {
        System.out.println("smoke: failed: " + why);
        System.out.flush();
        exitCode.set(SmokeRun.FAILED);
        stage.close();
        Platform.exit();
    }

    /** On the io executor; a folder that cannot be written costs the next start this choice, nothing more. */
    private void saveSetting(Runnable save) {
        try {
            io.execute(() -> {
                try {
                    save.run();
                } catch (UncheckedIOException e) {
                    System.getLogger("settings").log(System.Logger.Level.WARNING, e.getMessage());
                }
            });
        } catch (RejectedExecutionException closing) {
            // the window is closing: the last place was saved when it came to rest
        }
    }

    private static void awaitEarlyStart() {
        boolean interrupted = false;
        while (true) {
            try {
                earlyStart.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (earlyStartFailure != null) {
            throw earlyStartFailure;
        }
    }

    /**
     * Once the view is in the window: the clock for stale marks and waiting times, the sessions the
     * last run left open, then what the options ask for (a session, a new demo one, or the provider's list).
     */
    private void bind(Stage stage) {
        vm.doNotDisturbProperty().set(settings.doNotDisturb());
        vm.doNotDisturbProperty().addListener((o, was, on) -> saveSetting(() -> settings.saveDoNotDisturb(on)));
        vm.onRaise(() -> {
            stage.setIconified(false);
            stage.show();
            stage.toFront();
            stage.requestFocus();
        });
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "clock");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> Platform.runLater(vm::tick), 5, 5, TimeUnit.SECONDS);
        HeapTrim trim = HeapTrim.forThisJvm(ticker, TRIM_AFTER);
        trim.afterBurst(); // start-up
        vm.sessions().addListener((javafx.collections.ListChangeListener<Object>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved()) {
                    trim.afterBurst(); // a session's view built and its history read, or a session let go
                }
            }
        });
        int[] waiting = {0};
        vm.inbox().waiting().addListener((javafx.collections.ListChangeListener<Object>) c -> {
            if (c.getList().size() > waiting[0]) {
                trim.afterBurst(); // an agent came to rest, waiting for the operator: what its run grew can go
            }
            waiting[0] = c.getList().size();
        });

        Map<String, String> options = getParameters().getNamed();
        Provider provider = Optional.ofNullable(options.get("provider")).map(Provider::fromCli).orElse(Provider.DEMO);
        Optional<SessionId> session = Optional.ofNullable(options.get("session")).map(SessionId::parse);
        Optional<String> baseUrl = Optional.ofNullable(options.get("base-url"));
        boolean smoke = Boolean.parseBoolean(options.get("smoke"));
        Runnable openAndListen = () -> {
            if (session.isPresent() || provider != Provider.DEMO || smoke || vm.sessions().isEmpty()) {
                vm.open(provider, baseUrl, session); // no session named: the demo starts one, another provider lists its own
            } else {
                vm.form().refreshQuota(); // the form's first quota read, now that it points where it will
            }
            if (smoke) {
                new SmokeRun(vm, view, SMOKE_LIMIT, System.out, code -> {
                    exitCode.set(code);
                    stage.close();
                    Platform.exit();
                }).start();
            }
            // later launches' requests wait until the saved set is back: one naming a saved session finds it there
            instance.ifPresent(l -> l.onRequest(r -> Platform.runLater(() -> handOver(stage, r))));
        };
        Runnable start = () -> {
            // after the profile's own: the command line's caller id (the CLI gave the profile's when none was typed)
            Optional.ofNullable(options.get("caller-id")).ifPresent(vm.form().callerIdProperty()::set);
            if (smoke) {
                openAndListen.run(); // the smoke run checks the session it opens, never one the last run left open
            } else {
                vm.restore(session.map(id -> SessionKey.of(provider, id.value())), restored -> openAndListen.run());
            }
        };
        // --profile: the form opens through the profile (its hosts, its key) and the session wears its name
        Optional.ofNullable(options.get("profile")).ifPresentOrElse(name -> vm.form().useProfile(name, start), start);
    }

    /**
     * A later launch's request: the window comes forward and opens (or brings forward) the session
     * named, beside those open. One that names none (the desktop menu's) only brings the window
     * forward when sessions are open; on an empty window it starts as a first launch would.
     */
    private void handOver(Stage stage, OpenRequest r) {
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
        if (r.session().isEmpty() && !vm.sessions().isEmpty()) {
            return;
        }
        vm.openLaunched(r.provider().orElse(Provider.DEMO), r.baseUrl(), r.session().map(SessionId::parse), r.profile(),
                r.callerId());
    }

    /** This long after start-up, and after the last session came or went, the heap the burst grew is given back (HeapTrim). */
    private static final java.time.Duration TRIM_AFTER = java.time.Duration.ofSeconds(3);

    /** Generous for a cold start on a slow CI machine; the emulator replies within a few seconds. */
    private static final java.time.Duration SMOKE_LIMIT = java.time.Duration.ofSeconds(90);

    /**
     * With {@code -Dagentconsole.reportFirstFrame=true}, prints how long after the JVM started the
     * first frame was laid out: what the start-up benchmark reads.
     */
    static void reportFirstFrame(Scene scene) {
        report(scene, "first-frame-ms");
    }

    /**
     * With {@code -Dagentconsole.reportFirstFrame=true}, prints {@code name=ms} at the end of the
     * scene's next layout pass: the first frame (the shell), and again once the view is in the window.
     * The time is taken on the FX thread; the JVM's start is looked up and the line printed on a thread
     * of its own, in order: the first lookup loads the management classes (40 to 70 ms), and the
     * benchmark that reads these lines watches the FX thread at that moment.
     */
    private static void report(Scene scene, String name) {
        if (!Boolean.getBoolean("agentconsole.reportFirstFrame")) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            long at = System.currentTimeMillis();
            scene.removePostLayoutPulseListener(once[0]);
            StartUpReports.print(() -> {
                System.out.println(name + "=" + (at - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()));
                System.out.flush();
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Prints {@link #report}'s lines, one after another; made only when asked for. */
    private static final class StartUpReports {
        private static final java.util.concurrent.Executor PRINTER = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "start-up-report");
            t.setDaemon(true);
            return t;
        });

        static void print(Runnable line) {
            PRINTER.execute(line);
        }
    }

    @Override
    public void stop() {
        instance.ifPresent(Listening::stopListening); // launches from now on wait for this process to end
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (vm != null) {
            vm.close();
        }
        notifier.close();
        io.shutdown();
        services.close();
    }
}
