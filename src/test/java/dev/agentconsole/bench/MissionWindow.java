package dev.agentconsole.bench;

import dev.agentconsole.AgentConsole;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * The real console, started through its real entry point ({@link AgentConsole#main}: options,
 * the data folder's single-instance socket, the window), with a watchdog on its FX thread: a task
 * posted every 5 ms, and how long it waited to run (what {@link ResponsivenessBench} measures).
 * Nothing else of the console is touched; the benchmark drives it from outside, as an operator's
 * launches and a remote server would.
 *
 * <p>The watchdog starts with the toolkit. Its first 3 s are printed as phase {@code startup}; after
 * that the harness names the phases on standard input, one command a line: {@code report NAME}
 * prints the samples since the last report as phase NAME and starts afresh; {@code off} stops
 * posting (so a CPU reading at rest counts the console alone) and {@code on} starts again, afresh;
 * {@code pulses} prints the window's pulses a second since the last report, and which node has the focus;
 * {@code blur} moves the keyboard focus to the window's root (a diagnosis: no caret blinks).
 */
public final class MissionWindow {

    static final long STARTUP_MS = 3000;

    private static final Object LOCK = new Object();
    private static List<Double> phase = new ArrayList<>();
    private static volatile boolean watching = true;
    /** Pulses of the window's scene (layout passes, each followed by a render) since the last report; the FX thread's. */
    private static final java.util.concurrent.atomic.AtomicLong pulses = new java.util.concurrent.atomic.AtomicLong();
    private static volatile long phaseStart = System.nanoTime();
    private static volatile boolean counting;

    private MissionWindow() {}

    public static void main(String[] args) {
        Thread watchdog = new Thread(MissionWindow::watch, "fx-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Thread commands = new Thread(MissionWindow::commands, "bench-commands");
        commands.setDaemon(true);
        commands.start();
        AgentConsole.main(args);
    }

    private static void watch() {
        long firstSample = 0;
        boolean startupReported = false;
        while (true) {
            if (!watching) {
                sleep(20);
                continue;
            }
            CountDownLatch ran = new CountDownLatch(1);
            long t0 = System.nanoTime();
            try {
                Platform.runLater(() -> {
                    countPulses();
                    ran.countDown();
                });
            } catch (IllegalStateException toolkitNotUpYet) {
                sleep(1);
                continue;
            }
            try {
                if (ran.await(30, TimeUnit.SECONDS)) {
                    double ms = (System.nanoTime() - t0) / 1e6;
                    synchronized (LOCK) {
                        phase.add(ms);
                    }
                }
            } catch (InterruptedException e) {
                return;
            }
            if (firstSample == 0) {
                firstSample = t0;
            }
            if (!startupReported && System.nanoTime() - firstSample >= STARTUP_MS * 1_000_000) {
                startupReported = true;
                report("startup");
            }
            sleep(5);
        }
    }

    /** Once the window is up: counts its scene's pulses (the FX thread). */
    private static void countPulses() {
        if (counting) {
            return;
        }
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w.getScene() != null) {
                w.getScene().addPostLayoutPulseListener(pulses::incrementAndGet);
                counting = true;
                return;
            }
        }
    }

    /** The class of the node with the keyboard focus (a text control's caret blinks: two pulses a second). */
    private static String focusOwner() {
        CountDownLatch done = new CountDownLatch(1);
        String[] name = {"none"};
        Platform.runLater(() -> {
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                if (w.getScene() != null && w.getScene().getFocusOwner() != null) {
                    name[0] = w.getScene().getFocusOwner().getClass().getSimpleName() + (w.isFocused() ? "" : "(window-unfocused)");
                }
            }
            done.countDown();
        });
        try {
            done.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return name[0];
    }

    private static void commands() {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = in.readLine()) != null) {
                String[] words = line.strip().split("\\s+", 2);
                switch (words[0]) {
                    case "report" -> report(words.length > 1 ? words[1] : "phase");
                    case "blur" -> Platform.runLater(() -> { // the keyboard focus off any text control: no caret blinks
                        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                            if (w.getScene() != null) {
                                w.getScene().getRoot().requestFocus();
                            }
                        }
                    });
                    case "pulses" -> { // pulses a second since the last report or "pulses", and where the focus is
                        double seconds = (System.nanoTime() - phaseStart) / 1e9;
                        phaseStart = System.nanoTime();
                        System.out.printf(Locale.ROOT, "RESULT phase=pulses per-second=%.2f focus=%s%n",
                                pulses.getAndSet(0) / seconds, focusOwner());
                        System.out.flush();
                    }
                    case "off" -> {
                        watching = false;
                        takeSamples();
                    }
                    case "on" -> {
                        takeSamples();
                        watching = true;
                    }
                    default -> { }
                }
            }
        } catch (IOException ignored) {
            // the harness went away
        }
    }

    private static List<Double> takeSamples() {
        synchronized (LOCK) {
            List<Double> done = phase;
            phase = new ArrayList<>();
            return done;
        }
    }

    /** Prints the samples since the last report, as {@link ResponsivenessBench} does, and starts afresh. */
    private static void report(String name) {
        double[] v = takeSamples().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double seconds = (System.nanoTime() - phaseStart) / 1e9;
        phaseStart = System.nanoTime();
        double pulsesPerSecond = pulses.getAndSet(0) / seconds;
        if (v.length == 0) {
            System.out.printf(Locale.ROOT, "RESULT phase=%s samples=0%n", name);
        } else {
            System.out.printf(Locale.ROOT, "RESULT phase=%s samples=%d p50-ms=%.2f p99-ms=%.2f max-ms=%.2f over16=%d pulses-per-s=%.1f%n",
                    name, v.length, v[v.length / 2], v[Math.min(v.length - 1, (int) (v.length * 0.99))], v[v.length - 1],
                    java.util.Arrays.stream(v).filter(x -> x > 16).count(), pulsesPerSecond);
        }
        System.out.flush();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
