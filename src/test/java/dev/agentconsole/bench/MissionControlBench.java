package dev.agentconsole.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bars of the issue "Mission control", and those issue 4 left open, measured in one run.
 *
 * <p>A standalone emulator runs in its own process ({@code agent-console emulator --port 0 --step-ms 100}),
 * so the window's process holds the window alone, as it does for an operator bound to a remote
 * server. The real console ({@link MissionWindow}: {@code AgentConsole.main} with a watchdog on the FX
 * thread) starts in operator mode, H bound to that emulator; sessions are added the way operators
 * add them, by launching {@code agent-console --provider hcompany --base-url U --session S} again,
 * which hands the session to the running window over its data folder's socket. At 1, 5, 10 and 20
 * open sessions: RSS once settled, FX latency while every session streams, CPU at rest.
 *
 * <p>The restated bars of issue 4 are measured in the same run against baselines started the same
 * way: idle RSS in operator mode against {@link FloorWindow}; the whole view against {@link BareWindow}'s
 * first frame; start-up waits over 16 ms against a bare window under the same watchdog; the FX latency
 * of every phase {@link ResponsivenessBench} has.
 *
 * <p>The demo agent asks its question 5 steps after it starts, then waits. To keep a session
 * streaming, a feeder in this process posts a message to every session every {@value #MESSAGE_PERIOD_MS}
 * ms through the emulator's HTTP API; the agent answers each with a thought and a question
 * (2 steps of 100 ms), so it takes a step on about 2 of every 3 ticks.
 */
final class MissionControlBench {

    /** {@code -Dmission.quick=true}: a short pass through every part, to check the harness (its figures mean nothing). */
    static final boolean QUICK = Boolean.getBoolean("mission.quick");
    static final int[] STEPS = System.getProperty("mission.steps") != null
            ? java.util.Arrays.stream(System.getProperty("mission.steps").split(",")).mapToInt(Integer::parseInt).toArray()
            : QUICK ? new int[] {1, 2, 10} : new int[] {1, 5, 10, 20};
    /**
     * {@code -Dmission.only=growth}, {@code quiet}, {@code restated} or {@code latency}: that part alone, its figures printed and nothing written (for
     * trying a change; with {@code -Dmission.steps=1,10} it takes a few minutes).
     */
    static final String ONLY = System.getProperty("mission.only", "");
    static final long MESSAGE_PERIOD_MS = 300;
    static final String FEED_TEXT = "Any news on the search, please?";
    static final Duration SETTLE = Duration.ofSeconds(QUICK ? 2 : 8);
    static final Duration RAMP = Duration.ofSeconds(QUICK ? 1 : 3);
    static final Duration STREAM = Duration.ofSeconds(QUICK ? 5 : 20);
    static final Duration REST = Duration.ofSeconds(QUICK ? 5 : 30);
    static final int RSS_SAMPLES = QUICK ? 2 : 5;
    static final int ROUNDS = QUICK ? 1 : 5;
    static final int LATENCY_ROUNDS = QUICK ? 1 : 3;
    /** % of one core the rest of the machine may use while a step streams before the step is tried again. */
    static final double BUSY_MACHINE = 30;
    static final int STREAM_ATTEMPTS = 3;
    /** How long to wait for the rest of the machine to calm down before a round or a stream. */
    static final Duration QUIET_PATIENCE = Duration.ofSeconds(QUICK ? 10 : 120);
    static final long IDLE_MS = 8000;
    static final double FRAME_MS = 16;
    static final String TASK = "Book a hotel in Kyoto near Kiyomizu-dera for June 15-20, under $200 a night.";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CLOCK_TICKS = clockTicks();

    private final SearchBench.Rows rows;
    private final String javaBin;
    private final List<String> jvmOptions;
    private final String classPath;
    private final String classPathSaid;
    private final List<String> verdicts = new ArrayList<>();
    private final List<String> barRows = new ArrayList<>();

    private MissionControlBench(SearchBench.Rows rows, Path root, List<String> jvmOptions) {
        this.rows = rows;
        this.javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.jvmOptions = jvmOptions;
        Path jar = root.resolve("target/agent-console.jar");
        if (Files.exists(jar)) {
            classPath = jar + java.io.File.pathSeparator + root.resolve("target/test-classes");
            classPathSaid = "`target/agent-console.jar` (the shaded jar, as shipped) and `target/test-classes`";
        } else {
            classPath = System.getProperty("java.class.path");
            classPathSaid = "the harness's own class path (`target/classes`, `target/test-classes` and the Maven dependencies: "
                    + "no `target/agent-console.jar` was built)";
        }
    }

    /** Runs the section; returns its Markdown (a dated section for BENCHMARKS.md), or empty without a display. */
    static String run(SearchBench.Rows rows, Path root, List<String> jvmOptions) throws Exception {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            System.out.println("mission control skipped: no display (run under xvfb-run)");
            return "";
        }
        return new MissionControlBench(rows, root, jvmOptions).measure();
    }

    /** The windows' data folders, removed when the run ends. */
    private final List<Path> dataFolders = new ArrayList<>();

    private Path dataFolder(String prefix) throws IOException {
        Path p = Files.createTempDirectory(prefix);
        dataFolders.add(p);
        return p;
    }

    private void removeDataFolders() {
        for (Path folder : dataFolders) {
            try (var walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.out.println("could not remove " + folder + ": " + e.getMessage());
            }
        }
        dataFolders.clear();
    }

    private List<String> command(String... rest) {
        List<String> c = new ArrayList<>();
        c.add(javaBin);
        c.addAll(jvmOptions);
        c.addAll(List.of(rest));
        return c;
    }

    // ---- the run ------------------------------------------------------------------------------------------

    private String measure() throws Exception {
        try {
            return measureAll();
        } finally {
            removeDataFolders();
        }
    }

    private String measureAll() throws Exception {
        System.out.println("== mission control: many sessions in one window, against a standalone emulator");
        String loadBefore = loadAverage();
        long t0 = System.nanoTime();
        StringBuilder md = new StringBuilder();
        try (StandaloneEmulator emulator = StandaloneEmulator.start(command("-cp", classPath, "dev.agentconsole.AgentConsole",
                "emulator", "--port", "0", "--step-ms", "100"))) {
            switch (ONLY) {
                case "growth" -> {
                    System.out.println(growth(emulator).profile());
                    return "";
                }
                case "quiet" -> {
                    quietGrowth(emulator);
                    return "";
                }
                case "latency" -> {
                    Latency l = startupLatency(emulator);
                    l.operatorStartup().forEach(m -> System.out.println("operator start-up " + m));
                    l.bareStartup().forEach(m -> System.out.println("bare start-up " + m));
                    return "";
                }
                case "restated" -> {
                    Restated r = startupAndMemory(emulator);
                    System.out.printf(Locale.ROOT, "operator RSS %.0f, floor %.0f (%.2fx), bare %.0f; whole view %.0f ms, bare frame %.0f ms "
                                    + "(%.2fx)%n", r.operatorRss().median(), r.floorRss().median(),
                            r.operatorRss().median() / r.floorRss().median(), r.bareRss().median(), r.operatorReady().median(),
                            r.bareFrame().median(), r.operatorReady().median() / r.bareFrame().median());
                    return "";
                }
                default -> { }
            }
            Restated restated = startupAndMemory(emulator);
            double bareCpu = bareWindowAtRest();
            Latency latency = startupLatency(emulator);
            List<Quiet> quiet = quietGrowth(emulator);
            Growth growth = growth(emulator);
            String loadAfter = loadAverage();
            double minutes = (System.nanoTime() - t0) / 60e9;
            md.append(report(restated, bareCpu, latency, quiet, growth, loadBefore, loadAfter, minutes));
        }
        return md.toString();
    }

    /** What the rounds of separate launches measured. */
    private record Restated(Stats operatorRss, Stats demoRss, Stats floorRss, Stats floorTrimmedRss, Stats bareRss, Stats operatorFrame,
                            Stats operatorReady, Stats demoFrame, Stats demoReady, Stats bareFrame,
                            Map<String, long[]> oneSessionHistogram) {}

    /**
     * Rounds of four windows, interleaved, each started afresh (its own data folder): the console in
     * operator mode (one H session on the standalone emulator, its agent waiting at its question), the
     * console in demo mode, the bare window and the floor window. First frame, whole view, RSS 8 s later.
     */
    private Restated startupAndMemory(StandaloneEmulator emulator) throws Exception {
        System.out.println("-- start-up and idle RSS: operator mode, demo mode, bare window, floor window");
        Map<String, List<Double>> v = new LinkedHashMap<>();
        java.util.concurrent.atomic.AtomicReference<Map<String, long[]>> histogram = new java.util.concurrent.atomic.AtomicReference<>();
        for (int round = -1; round < ROUNDS; round++) {
            awaitQuiet(QUIET_PATIENCE, emulator.pid());
            Busy busy = new Busy(emulator.pid());
            String session = emulator.createSession();
            emulator.awaitIdle(List.of(session), Duration.ofSeconds(30));
            boolean last = round == ROUNDS - 1;
            double[] op = BenchmarkRunner.firstFrameAndRss(command("-Dagentconsole.reportFirstFrame=true", "-cp", classPath,
                            "dev.agentconsole.AgentConsole", "--provider", "hcompany", "--base-url", emulator.baseUrl(),
                            "--session", session, "--data-dir", dataFolder("mission-op").toString()),
                    emulator.keyEnvironment(), IDLE_MS, true, pid -> {
                        if (last) {
                            histogram.set(classHistogram(pid));
                        }
                    });
            double[] demo = BenchmarkRunner.firstFrameAndRss(command("-Dagentconsole.reportFirstFrame=true", "-cp", classPath,
                            "dev.agentconsole.AgentConsole", "--data-dir", dataFolder("mission-demo").toString()),
                    Map.of(), IDLE_MS, true, pid -> { });
            double[] bare = BenchmarkRunner.firstFrameAndRss(command("-cp", classPath, "dev.agentconsole.bench.BareWindow"),
                    Map.of(), IDLE_MS, false, pid -> { });
            double[] floor = BenchmarkRunner.firstFrameAndRss(command("-cp", classPath, "dev.agentconsole.bench.FloorWindow"),
                    Map.of(), IDLE_MS, false, pid -> { });
            double[] floorTrimmed = BenchmarkRunner.firstFrameAndRss(command("-Dfloor.trim=true", "-cp", classPath,
                    "dev.agentconsole.bench.FloorWindow"), Map.of(), IDLE_MS, false, pid -> { });
            System.out.printf(Locale.ROOT, "round %d: operator %.0f/%.0f ms %.0f MiB, demo %.0f/%.0f ms %.0f MiB, bare %.0f ms %.0f MiB, "
                            + "floor %.0f MiB, floor trimmed %.0f MiB%n", round, op[0], op[2], op[1], demo[0], demo[2], demo[1], bare[0],
                    bare[1], floor[1], floorTrimmed[1]);
            if (round < 0) {
                continue; // a warm-up round: the page cache, the JIT's files
            }
            if (busy.tooBusy("round " + round)) {
                round--;
                continue;
            }
            add(v, "op rss", op[1]);
            add(v, "op frame", op[0]);
            add(v, "op ready", op[2]);
            add(v, "demo rss", demo[1]);
            add(v, "demo frame", demo[0]);
            add(v, "demo ready", demo[2]);
            add(v, "bare rss", bare[1]);
            add(v, "bare frame", bare[0]);
            add(v, "floor rss", floor[1]);
            add(v, "floor trimmed rss", floorTrimmed[1]);
        }
        return new Restated(Stats.of(v.get("op rss")), Stats.of(v.get("demo rss")), Stats.of(v.get("floor rss")),
                Stats.of(v.get("floor trimmed rss")), Stats.of(v.get("bare rss")), Stats.of(v.get("op frame")), Stats.of(v.get("op ready")),
                Stats.of(v.get("demo frame")), Stats.of(v.get("demo ready")), Stats.of(v.get("bare frame")), histogram.get());
    }

    private static void add(Map<String, List<Double>> v, String key, double value) {
        v.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    /** CPU of a bare JavaFX window doing nothing, over the same 30 s: what a window at rest costs at least. */
    private double bareWindowAtRest() throws Exception {
        System.out.println("-- CPU at rest: a bare window");
        Process p = new ProcessBuilder(command("-cp", classPath, "dev.agentconsole.bench.BareWindow"))
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("first-frame-ms=")) {
                // waiting for its first frame
            }
            drain(out);
            Thread.sleep(SETTLE.toMillis());
            return cpuPercent(p.pid(), REST);
        } finally {
            stop(p);
        }
    }

    /** The watchdog's figures of several runs, per phase. */
    private record Latency(List<Map<String, String>> operatorStartup, List<Map<String, String>> bareStartup,
                           Map<String, List<Map<String, String>>> demoPhases) {}

    /**
     * Three rounds, interleaved: the console in operator mode under the watchdog for its first 3 s
     * ({@link MissionWindow}), the bare window under the same watchdog, and {@link ResponsivenessBench}'s
     * console (demo mode: start-up, sending, a stalled server, pasted screenshots).
     */
    private Latency startupLatency(StandaloneEmulator emulator) throws Exception {
        System.out.println("-- FX latency: start-up in operator mode, the bare window, ResponsivenessBench's phases");
        List<Map<String, String>> operator = new ArrayList<>();
        List<Map<String, String>> bare = new ArrayList<>();
        Map<String, List<Map<String, String>>> demo = new LinkedHashMap<>();
        for (int round = 0; round < LATENCY_ROUNDS; round++) {
            awaitQuiet(QUIET_PATIENCE, emulator.pid());
            Busy busy = new Busy(emulator.pid());
            String session = emulator.createSession();
            emulator.awaitIdle(List.of(session), Duration.ofSeconds(30));
            Map<String, String> op;
            try (WindowProcess w = WindowProcess.start(command("-Dagentconsole.reportFirstFrame=true", "-cp", classPath,
                    "dev.agentconsole.bench.MissionWindow", "--provider", "hcompany", "--base-url", emulator.baseUrl(),
                    "--session", session, "--data-dir", dataFolder("mission-start").toString()),
                    emulator.keyEnvironment())) {
                op = w.awaitResult("startup", Duration.ofSeconds(60));
            }
            List<Map<String, String>> b = new ArrayList<>();
            for (String line : lines(command("-cp", classPath, "dev.agentconsole.bench.ResponsivenessBench", "bare"))) {
                if (line.startsWith("RESULT phase=")) {
                    b.add(BenchmarkRunner.keyValues(line));
                }
            }
            List<Map<String, String>> d = new ArrayList<>();
            for (String line : lines(command("-cp", classPath, "dev.agentconsole.bench.ResponsivenessBench", "console"))) {
                if (line.startsWith("RESULT phase=")) {
                    d.add(BenchmarkRunner.keyValues(line));
                }
            }
            System.out.println("round " + round + ": operator start-up " + op);
            if (busy.tooBusy("latency round " + round)) {
                round--;
                continue;
            }
            operator.add(op);
            bare.addAll(b);
            d.forEach(kv -> demo.computeIfAbsent(kv.get("phase"), k -> new ArrayList<>()).add(kv));
        }
        return new Latency(operator, bare, demo);
    }

    /** One streaming window: the watchdog's figures, and the CPU the window, the emulator and the rest of the machine used. */
    private record Stream(Map<String, String> watchdog, double eventsPerSecond, double windowCpu, double emulatorCpu,
                          double xServerCpu, double others, Map<String, Double> threads, int attempt) {}

    /** One step of the growth: N sessions open. */
    private record Step(int sessions, double rssBefore, double rssAfter, int threads, double heapCommitted, double heapUsed,
                        Stream stream, int tries, double cpuAtRest, double emulatorCpuAtRest, long eventsAtEmulator,
                        long eventsReadByWindow, Map<String, Double> restThreads, Map<String, String> restPulses) {
        Map<String, String> watchdog() {
            return stream.watchdog();
        }

        Map<String, Double> streamingThreads() {
            return stream.threads();
        }
    }

    private record Growth(double viewReadyMs, Map<String, String> startup, List<Step> steps,
                          Map<String, long[]> histogram, String profile, Map<String, Integer> census, double blurredCpu,
                          Map<String, String> blurredPulses) {}

    /**
     * Every session streams for {@link #STREAM} (after {@link #RAMP}); the watchdog's waits over that time. When the
     * rest of the machine (other builds) used more than {@link #BUSY_MACHINE}% of a core meanwhile, the step is tried
     * again, at most {@link #STREAM_ATTEMPTS} times in all, and the quietest attempt is kept.
     */
    private Stream stream(WindowProcess w, StandaloneEmulator emulator, List<String> ids, int n, int attempt) throws Exception {
        long pid = w.pid();
        awaitQuiet(QUIET_PATIENCE, pid, emulator.pid());
        try (Feeder feeder = new Feeder(emulator, ids)) {
            feeder.start();
            Thread.sleep(RAMP.toMillis());
            w.report("ramp-" + n);
            long events0 = emulator.totalEvents(ids);
            Map<String, Long> threads0 = threadTicks(pid);
            long machine0 = machineBusyTicks();
            long own0 = ownTicks(pid, emulator.pid());
            long x0 = xServerTicks();
            long cpu0 = cpuTicks(pid);
            long emu0 = cpuTicks(emulator.pid());
            long t0 = System.nanoTime();
            Thread.sleep(STREAM.toMillis());
            Map<String, String> watchdog = w.report("stream-" + n);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long window = cpuTicks(pid) - cpu0;
            long emu = cpuTicks(emulator.pid()) - emu0;
            long x = xServerTicks() - x0;
            double others = Math.max(0, percent(machineBusyTicks() - machine0 - (ownTicks(pid, emulator.pid()) - own0), seconds));
            double eventsPerSecond = (emulator.totalEvents(ids) - events0) / seconds;
            Map<String, Double> threads = threadPercents(threads0, threadTicks(pid), seconds);
            return new Stream(watchdog, eventsPerSecond, percent(window, seconds), percent(emu, seconds), percent(x, seconds), others,
                    threads, attempt);
        }
    }

    /** A first session (added to {@code ids}), its agent at its question, and a window in operator mode bound to it. */
    private WindowProcess windowOnFirstSession(StandaloneEmulator emulator, List<String> ids, Path data) throws Exception {
        ids.add(emulator.createSession());
        emulator.awaitIdle(ids, Duration.ofSeconds(30));
        return WindowProcess.start(command("-Dagentconsole.reportFirstFrame=true", "-cp", classPath,
                "dev.agentconsole.bench.MissionWindow", "--provider", "hcompany", "--base-url", emulator.baseUrl(),
                "--session", ids.get(0), "--data-dir", data.toString()), emulator.keyEnvironment());
    }

    /** One window, growing from 1 to 20 sessions. */
    private Growth growth(StandaloneEmulator emulator) throws Exception {
        System.out.println("-- one window, 1 to 20 sessions");
        Path data = dataFolder("mission-growth");
        List<String> ids = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        try (WindowProcess w = windowOnFirstSession(emulator, ids, data)) {
            double ready = Double.parseDouble(w.awaitLine("view-ready-ms=", Duration.ofSeconds(60)).substring("view-ready-ms=".length()));
            Map<String, String> startup = w.awaitResult("startup", Duration.ofSeconds(60));
            long pid = w.pid();
            for (int n : STEPS) {
                while (ids.size() < n) {
                    String id = emulator.createSession();
                    handOver(emulator, id, data);
                    ids.add(id);
                }
                emulator.awaitIdle(ids, Duration.ofSeconds(60));
                Thread.sleep(SETTLE.toMillis());
                double before = settledRss(pid);
                int threads = (int) procStatus(pid, "Threads:");

                Stream stream = null;
                int tries = 0;
                for (int attempt = 1; attempt <= STREAM_ATTEMPTS; attempt++) {
                    tries = attempt;
                    Stream tried = stream(w, emulator, ids, n, attempt);
                    if (stream == null || tried.others() < stream.others()) {
                        stream = tried;
                    }
                    if (tried.others() <= BUSY_MACHINE) {
                        break;
                    }
                    System.out.printf(Locale.ROOT, "  %d sessions, attempt %d: the rest of the machine used %.0f%% of a core: again%n",
                            n, attempt, tried.others());
                    emulator.awaitIdle(ids, Duration.ofSeconds(60));
                    Thread.sleep(5000);
                }

                emulator.awaitIdle(ids, Duration.ofSeconds(60));
                Thread.sleep(5000);
                double after = settledRss(pid);
                long atEmulator = emulator.totalEvents(ids);
                long read = eventsRead(data);
                double[] heap = heapInfo(pid);

                w.command("off");
                Thread.sleep(3000);
                long emuRest0 = cpuTicks(emulator.pid());
                Map<String, Long> restThreads0 = threadTicks(pid);
                long restT0 = System.nanoTime();
                w.command("pulses");
                w.awaitResult("pulses", Duration.ofSeconds(30));
                double rest = cpuPercent(pid, REST);
                double restSeconds = (System.nanoTime() - restT0) / 1e9;
                w.command("pulses");
                Map<String, String> restPulses = w.awaitResult("pulses", Duration.ofSeconds(30));
                Map<String, Double> restThreads = threadPercents(restThreads0, threadTicks(pid), restSeconds);
                double emulatorRest = percent(cpuTicks(emulator.pid()) - emuRest0, restSeconds);
                w.command("on");

                Step step = new Step(n, before, after, threads, heap[0], heap[1], stream, tries, rest, emulatorRest, atEmulator, read,
                        restThreads, restPulses);
                steps.add(step);
                System.out.printf(Locale.ROOT, "%d sessions: RSS %.0f MiB settled, %.0f after streaming; %d threads; heap %.0f/%.0f MiB; "
                                + "stream %s; %.0f events/s; CPU streaming %.0f%% (emulator %.0f%%, others %.0f%%, attempt %d); at rest "
                                + "%.2f%% (emulator %.2f%%), %s pulses/s; events %d at the emulator, %d read by the window%n", n, before, after,
                        threads, heap[1], heap[0], stream.watchdog(), stream.eventsPerSecond(), stream.windowCpu(), stream.emulatorCpu(),
                        stream.others(), stream.attempt(), rest, emulatorRest, restPulses.get("per-second"), atEmulator, read);
            }
            Map<String, Integer> census = threadCensus(pid);
            // At rest with the keyboard focus off the text: what the caret's blinking costs (a diagnosis, after the steps).
            w.command("off");
            w.command("blur");
            Thread.sleep(3000);
            w.command("pulses");
            w.awaitResult("pulses", Duration.ofSeconds(30));
            double blurred = cpuPercent(pid, REST);
            w.command("pulses");
            Map<String, String> blurredPulses = w.awaitResult("pulses", Duration.ofSeconds(30));
            w.command("on");
            Map<String, long[]> histogram = classHistogram(pid);
            String profile = profile(pid, emulator, ids.subList(0, Math.min(10, ids.size())), data);
            return new Growth(ready, startup, steps, histogram, profile, census, blurred, blurredPulses);
        }
    }

    /** One step of the growth with nothing streamed. */
    private record Quiet(int sessions, double rss, double heapUsed, double heapCommitted, int threads) {}

    /**
     * A second window, growing from 1 to 20 sessions the same way, where nothing streams: each session
     * holds what its agent did before its question (12 events, one screenshot). What a session costs
     * by itself, without the events the first window's streams left behind or the heap they grew.
     */
    private List<Quiet> quietGrowth(StandaloneEmulator emulator) throws Exception {
        System.out.println("-- a second window, 1 to 20 sessions, nothing streaming");
        Path data = dataFolder("mission-quiet");
        List<String> ids = new ArrayList<>();
        List<Quiet> steps = new ArrayList<>();
        try (WindowProcess w = windowOnFirstSession(emulator, ids, data)) {
            w.awaitLine("view-ready-ms=", Duration.ofSeconds(60));
            w.awaitResult("startup", Duration.ofSeconds(60));
            w.command("off");
            for (int n : STEPS) {
                while (ids.size() < n) {
                    String id = emulator.createSession();
                    handOver(emulator, id, data);
                    ids.add(id);
                }
                emulator.awaitIdle(ids, Duration.ofSeconds(60));
                Thread.sleep(SETTLE.toMillis());
                double rss = settledRss(w.pid());
                double[] heap = heapInfo(w.pid());
                Quiet q = new Quiet(n, rss, heap[1], heap[0], (int) procStatus(w.pid(), "Threads:"));
                System.out.println("  " + q);
                steps.add(q);
            }
            quietHistogram = classHistogram(w.pid());
        }
        return steps;
    }

    /** The live heap of the window that grew with nothing streaming, at its end. */
    private Map<String, long[]> quietHistogram = Map.of();

    /** {@code agent-console --provider hcompany --base-url U --session S}: hands S to the window holding {@code data}. */
    private void handOver(StandaloneEmulator emulator, String session, Path data) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command("-cp", classPath, "dev.agentconsole.AgentConsole", "--provider", "hcompany",
                "--base-url", emulator.baseUrl(), "--session", session, "--data-dir", data.toString())).redirectErrorStream(true);
        pb.environment().putAll(emulator.keyEnvironment());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 || !out.contains("handed the session")) {
            throw new IllegalStateException("the second launch did not hand its session over: exit " + p.exitValue() + ", " + out.strip());
        }
    }

    // ---- the report ---------------------------------------------------------------------------------------

    private String report(Restated r, double bareCpu, Latency l, List<Quiet> quiet, Growth g, String loadBefore, String loadAfter,
                          double minutes) {
        StringBuilder md = new StringBuilder();
        md.append("## Mission control: many sessions in one window (measured ").append(LocalDate.now()).append(")\n\n");
        md.append("Written by `xvfb-run -a -s \"-screen 0 1400x900x24\" java -cp target/classes:target/test-classes:$(cat cp.txt) "
                + "dev.agentconsole.bench.BenchmarkRunner . mission` (after `mvn -B -o -q package -DskipTests` and `mvn -B -o -q "
                + "dependency:build-classpath -Dmdep.outputFile=cp.txt`; the full run, `-Pbench`, writes it too), ")
                .append(String.format(Locale.ROOT, "%.0f minutes", minutes))
                .append(", on ").append(BenchmarkRunner.machine()).append(". Load average (1, 5, 15 min) before: ").append(loadBefore)
                .append("; after: ").append(loadAfter).append(". Every process runs with the installed launcher's options (`")
                .append(String.join(" ", jvmOptions)).append("`) on ").append(classPathSaid).append(". Other builds share this "
                        + "machine: before each round and each stream the run waits (up to ").append(QUIET_PATIENCE.toSeconds())
                .append(" s) until the rest of the machine uses at most ").append(String.format(Locale.ROOT, "%.0f", BUSY_MACHINE))
                .append("% of a core, and does a round or a stream again when it was busier meanwhile")
                .append(redoneWhy.isEmpty() ? " (none was)" : ": " + String.join(", ", redoneWhy)).append(". The console gives back "
                        + "the heap a burst of work grew (`HeapTrim`: one concurrent collection 3 s after start-up and after sessions "
                        + "come or go, where the launcher's options allow it); the bare and floor windows are plain JavaFX "
                        + "applications and do not, but the idle RSS bar also sets the console against the floor window "
                        + "trimming itself the same way.\n\n");

        md.append("### What a session costs in memory: one window, 1 to 20 sessions, nothing streaming\n\n");
        md.append("The console in operator mode, H bound to a standalone emulator in its own process (`agent-console emulator "
                + "--port 0 --step-ms 100`); each further session is created through the emulator's HTTP API and handed to the "
                + "window by a second launch (`agent-console --provider hcompany --base-url U --session S`, which exits 0). Each "
                + "holds what its agent did before its question (12 events, one screenshot); nothing streams. RSS is the median of "
                + RSS_SAMPLES + " VmRSS readings 1 s apart, " + SETTLE.toSeconds() + " s after the new sessions' agents came to "
                + "their question.\n\n");
        md.append("| sessions | RSS settled | added per session since the step before | heap used / committed (`GC.heap_info`) "
                + "| threads |\n|---|---|---|---|---|\n");
        Quiet before = null;
        List<Double> quietEach = new ArrayList<>();
        for (Quiet q : quiet) {
            String added = "-";
            if (before != null) {
                double each = (q.rss() - before.rss()) / (q.sessions() - before.sessions());
                quietEach.add(each);
                added = String.format(Locale.ROOT, "%.1f MiB", each);
            }
            md.append(String.format(Locale.ROOT, "| %d | %.0f MiB | %s | %.0f / %.0f MiB | %d |\n", q.sessions(), q.rss(), added,
                    q.heapUsed(), q.heapCommitted(), q.threads()));
            before = q;
        }
        Quiet quietFirst = quiet.get(0);
        Quiet quietLast = quiet.get(quiet.size() - 1);
        double quietOverall = (quietLast.rss() - quietFirst.rss()) / (quietLast.sessions() - quietFirst.sessions());
        md.append(String.format(Locale.ROOT, "\nFrom 1 to %d sessions: %.1f MiB a session (%.0f → %.0f MiB); threads %d → %d. "
                        + "Threads with %d sessions, by kind: %s.\n\n", quietLast.sessions(), quietOverall, quietFirst.rss(),
                quietLast.rss(), quietFirst.threads(), quietLast.threads(), g.steps().get(g.steps().size() - 1).sessions(),
                census(g.census())));

        md.append("### One window, 1 to 20 sessions, every one streaming\n\n");
        md.append("The console in operator mode (`MissionWindow`: the real `AgentConsole.main`, with the FX watchdog), H bound to a "
                + "standalone emulator in its own process (`agent-console emulator --port 0 --step-ms 100`); each further session is "
                + "created through the emulator's HTTP API and handed to the window by a second launch "
                + "(`agent-console --provider hcompany --base-url U --session S`, exit 0). **Streaming**: the demo agent reaches its "
                + "question 5 steps (0.5 s) after it starts and then waits, so while a step is measured every session gets a message "
                + "every " + MESSAGE_PERIOD_MS + " ms (\"" + FEED_TEXT + "\", posted by the harness to the emulator) and its agent answers "
                + "each with a thought and a question: a step on about 2 of every 3 ticks of 100 ms, 6 events a round "
                + "(the message's echo, running, thought, metrics, the question, idle), the session's \"needs me\" state turning over "
                + "3 times a second. **At rest**: the feeder stopped, every agent idle at its question (the demo script settled), "
                + "the watchdog off; " + REST.toSeconds() + " s of utime+stime from /proc. RSS is the median of " + RSS_SAMPLES
                + " VmRSS readings 1 s apart, " + SETTLE.toSeconds() + " s after the new sessions' agents settled (before this step's "
                + "stream) and 5 s after the stream (after). *Added per session* is (RSS settled at this step − RSS after the "
                + "previous step's stream) ÷ sessions added: between those two readings only the sessions were added. FX latency: a "
                + "task posted to the FX thread every 5 ms, its wait, over " + STREAM.toSeconds() + " s of streaming (after "
                + RAMP.toSeconds() + " s of ramp).\n\n");
        md.append("| sessions | RSS settled | added per session | RSS after the stream | threads | heap used / committed | "
                + "FX wait while streaming: p50 / p99 / max (samples over 16 ms) | events/s into the window | pulses/s streaming "
                + "(at rest) | CPU while streaming: window (Xvfb; emulator; the rest of the machine) | CPU at rest: window (emulator), "
                + "% of one core |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        Step previous = null;
        List<Double> perSession = new ArrayList<>();
        for (Step s : g.steps()) {
            String added = "-";
            if (previous != null) {
                double each = (s.rssBefore() - previous.rssAfter()) / (s.sessions() - previous.sessions());
                perSession.add(each);
                added = String.format(Locale.ROOT, "%.1f MiB", each);
            }
            md.append(String.format(Locale.ROOT, "| %d | %.0f MiB | %s | %.0f MiB | %d | %.0f / %.0f MiB | %s / %s / %s ms (%s of %s) "
                            + "| %.0f | %s (%s) | %.0f%% (%.0f%%; %.0f%%; %.0f%%%s) | %.2f%% (%.2f%%) |\n", s.sessions(), s.rssBefore(), added, s.rssAfter(),
                    s.threads(), s.heapUsed(), s.heapCommitted(), s.watchdog().get("p50-ms"), s.watchdog().get("p99-ms"),
                    s.watchdog().get("max-ms"), s.watchdog().get("over16"), s.watchdog().get("samples"), s.stream().eventsPerSecond(),
                    s.watchdog().get("pulses-per-s"), s.restPulses().get("per-second"),
                    s.stream().windowCpu(), s.stream().xServerCpu(), s.stream().emulatorCpu(), s.stream().others(),
                    s.tries() > 1 ? ", the quietest of " + s.tries() + " tries" : "", s.cpuAtRest(),
                    s.emulatorCpuAtRest()));
            previous = s;
        }
        Step first = g.steps().get(0);
        Step last = g.steps().get(g.steps().size() - 1);
        double totalGrowth = 0;
        previous = null;
        for (Step s : g.steps()) {
            if (previous != null) {
                totalGrowth += s.rssBefore() - previous.rssAfter();
            }
            previous = s;
        }
        double overall = totalGrowth / (last.sessions() - first.sessions());
        md.append(String.format(Locale.ROOT, "\nAt rest the keyboard focus was on %s. Moved to the window's root after the steps "
                        + "(a diagnosis: no text control focused, no caret blinking), the same window with %d sessions at rest: %s pulses "
                        + "a second (%s with the focus on the composer) and %.2f%% of one core (%.2f%%).\n",
                last.restPulses().get("focus"), last.sessions(), g.blurredPulses().get("per-second"),
                last.restPulses().get("per-second"), g.blurredCpu(), last.cpuAtRest()));
        md.append(String.format(Locale.ROOT, "\nEvents: the window had read %d of the emulator's %d at the end (positions stored by the "
                + "window against the emulator's event counts). The bare window at rest, same run: %.2f%% of one core. This window's "
                + "start: whole view at %.0f ms, start-up FX wait p99 %s ms, %s of %s samples over 16 ms.\n\n",
                last.eventsReadByWindow(), last.eventsAtEmulator(), bareCpu, g.viewReadyMs(), g.startup().get("p99-ms"),
                g.startup().get("over16"), g.startup().get("samples")));

        md.append("### The bars\n\n");
        md.append("| bar | measured | baseline, same run | ratio | met |\n|---|---|---|---|---|\n");
        Step ten = g.steps().stream().filter(s -> s.sessions() == 10).findFirst().orElseThrow();
        double p99at10 = Double.parseDouble(ten.watchdog().get("p99-ms"));
        bar("FX latency p99 at 10 sessions, every one streaming ≤ 16 ms", ten.watchdog().get("p99-ms") + " ms (p50 "
                        + ten.watchdog().get("p50-ms") + ", max " + ten.watchdog().get("max-ms") + ", " + ten.watchdog().get("over16") + " of "
                        + ten.watchdog().get("samples") + " samples over 16 ms)", "16 ms (one frame at 60 Hz)",
                BenchmarkRunner.ratio(p99at10, FRAME_MS), p99at10 <= FRAME_MS);
        double worstStep = quietEach.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        double streamedWorst = perSession.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        bar("RSS added per session ≤ 8 MiB", String.format(Locale.ROOT, "%.1f MiB a session from 1 to %d, nothing streaming "
                                + "(%.0f → %.0f MiB); the largest step %.1f MiB. In the streaming window: %.1f MiB a session "
                                + "(%.0f → %.0f MiB, the largest step %.1f MiB); its streams (%,d events) added %.0f MiB more",
                        quietOverall, quietLast.sessions(), quietFirst.rss(), quietLast.rss(), worstStep, overall, first.rssBefore(),
                        last.rssBefore(), streamedWorst, last.eventsAtEmulator(), last.rssAfter() - first.rssBefore() - totalGrowth), "8 MiB",
                BenchmarkRunner.ratio(quietOverall, 8), quietOverall <= 8 && worstStep <= 8);
        bar("CPU with 10 sessions at rest ≤ 2% of one core", String.format(Locale.ROOT, "%.2f%% over %d s", ten.cpuAtRest(),
                REST.toSeconds()), String.format(Locale.ROOT, "2%%; the bare window at rest: %.2f%%", bareCpu),
                BenchmarkRunner.ratio(ten.cpuAtRest(), 2), ten.cpuAtRest() <= 2);
        bar("Idle RSS in operator mode (1 H session on the standalone emulator, 8 s after start) ≤ 1.15× the floor window",
                r.operatorRss().describe("MiB"), "`FloorWindow`: " + r.floorRss().describe("MiB") + "; the floor window "
                        + "trimming its heap as the console does (`-Dfloor.trim=true`): " + r.floorTrimmedRss().describe("MiB") + " ("
                        + BenchmarkRunner.ratio(r.operatorRss().median(), r.floorTrimmedRss().median()) + " of it); bare: "
                        + r.bareRss().describe("MiB") + "; demo mode: " + r.demoRss().describe("MiB") + " ("
                        + BenchmarkRunner.ratio(r.demoRss().median(), r.floorRss().median()) + ")",
                BenchmarkRunner.ratio(r.operatorRss().median(), r.floorRss().median()),
                r.operatorRss().median() <= 1.15 * r.floorRss().median());
        double opReady = r.operatorReady().median() / r.bareFrame().median();
        bar("Whole view in the window ≤ 2.0× the bare window's first frame, operator mode",
                r.operatorReady().describe("ms") + " (first frame " + r.operatorFrame().describe("ms") + ")",
                "the bare window's first frame: " + r.bareFrame().describe("ms"),
                BenchmarkRunner.ratio(r.operatorReady().median(), r.bareFrame().median()), opReady <= 2.0);
        double demoReady = r.demoReady().median() / r.bareFrame().median();
        bar("The same, demo mode (the emulator in the window's process; 2.50× on 2026-11-26)",
                r.demoReady().describe("ms") + " (first frame " + r.demoFrame().describe("ms") + ")",
                "the bare window's first frame: " + r.bareFrame().describe("ms"),
                BenchmarkRunner.ratio(r.demoReady().median(), r.bareFrame().median()), demoReady <= 2.0);
        long opOver = l.operatorStartup().stream().mapToLong(kv -> Long.parseLong(kv.get("over16"))).sum();
        long bareOver = l.bareStartup().stream().mapToLong(kv -> Long.parseLong(kv.get("over16"))).sum();
        bar("Start-up (first 3 s), operator mode: no more samples over 16 ms than the bare window", BenchmarkRunner.latency(
                        l.operatorStartup()), "the bare window, same watchdog: " + BenchmarkRunner.latency(l.bareStartup()),
                opOver + " vs " + bareOver, opOver <= bareOver);
        List<Map<String, String>> demoStart = l.demoPhases().getOrDefault("startup", List.of());
        long demoOver = demoStart.stream().mapToLong(kv -> Long.parseLong(kv.get("over16"))).sum();
        bar("The same, demo mode (`ResponsivenessBench`)", BenchmarkRunner.latency(demoStart),
                "the bare window (above)", demoOver + " vs " + bareOver, demoOver <= bareOver);
        // FX latency p99 in every phase: the operator start-up, each streaming step, ResponsivenessBench's phases.
        Map<String, Double> p99s = new LinkedHashMap<>();
        p99s.put("operator start-up (median of " + l.operatorStartup().size() + ")", medianP99(l.operatorStartup()));
        for (Step s : g.steps()) {
            p99s.put(s.sessions() + (s.sessions() == 1 ? " session" : " sessions") + " streaming",
                    Double.parseDouble(s.watchdog().get("p99-ms")));
        }
        l.demoPhases().forEach((phase, runs) -> p99s.put("demo " + phase + " (median of " + runs.size() + ")", medianP99(runs)));
        StringBuilder phases = new StringBuilder();
        boolean allUnder = true;
        double worst = 0;
        for (var e : p99s.entrySet()) {
            phases.append(phases.length() == 0 ? "" : "; ").append(e.getKey()).append(' ').append(Stats.fmt(e.getValue())).append(" ms");
            allUnder &= e.getValue() <= FRAME_MS;
            worst = Math.max(worst, e.getValue());
        }
        bar("FX latency p99 ≤ 16 ms in every phase", phases.toString(), "16 ms (one frame at 60 Hz)",
                BenchmarkRunner.ratio(worst, FRAME_MS) + " (worst)", allUnder);
        barRows.forEach(b -> md.append(b).append('\n'));
        md.append("\nFX latency phases of `ResponsivenessBench` (demo mode, the emulator in the window's process), same run:\n\n");
        l.demoPhases().forEach((phase, runs) -> md.append("- ").append(phase).append(": ").append(BenchmarkRunner.latency(runs))
                .append('\n'));

        md.append("\n### Where the CPU goes, 10 sessions (per thread, from /proc/PID/task; names with their numbers folded)\n\n");
        md.append("| thread | streaming, % of one core | at rest, % of one core |\n|---|---|---|\n");
        java.util.Set<String> names = new java.util.LinkedHashSet<>(top(ten.streamingThreads(), 10));
        names.addAll(top(ten.restThreads(), 6));
        for (String name : names) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f%% | %.2f%% |\n", name, ten.streamingThreads().getOrDefault(name, 0.0),
                    ten.restThreads().getOrDefault(name, 0.0)));
        }
        md.append(String.format(Locale.ROOT, "| all | %.1f%% | %.2f%% |\n",
                ten.streamingThreads().values().stream().mapToDouble(Double::doubleValue).sum(),
                ten.restThreads().values().stream().mapToDouble(Double::doubleValue).sum()));
        md.append("\n").append(g.profile());

        md.append("\n### What the memory is\n\n");
        md.append(histogramDiff(r.oneSessionHistogram(), quietHistogram, quietLast.sessions() - 1, "with nothing streamed (the "
                + "second window above, at its end)"));
        md.append("\n");
        md.append(histogramDiff(r.oneSessionHistogram(), g.histogram(), last.sessions() - 1, "at the end of the streaming "
                + "window, the events they streamed included"));
        md.append("\n**Verdict**: ").append(String.join("; ", verdicts)).append(".\n");
        return md.toString();
    }

    private void bar(String name, String measured, String baseline, String ratio, boolean met) {
        barRows.add("| " + name + " | " + measured + " | " + baseline + " | " + ratio + " | " + (met ? "yes" : "**no**") + " |");
        verdicts.add((met ? "met: " : "missed: ") + name);
        rows.row(name, measured, baseline, ratio + (met ? " (met)" : " (missed)"));
    }

    private static String census(Map<String, Integer> census) {
        return String.join(", ", census.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> "`" + e.getKey() + "` " + e.getValue()).toList());
    }

    private static double medianP99(List<Map<String, String>> runs) {
        return Stats.of(runs.stream().map(kv -> Double.parseDouble(kv.get("p99-ms"))).toList()).median();
    }

    /**
     * The classes whose live bytes grew most from a window with one idle session (the last operator-mode
     * round) to the window with 20 after their streams, per added session (events included).
     */
    private static String histogramDiff(Map<String, long[]> one, Map<String, long[]> many, int added, String which) {
        if (one == null || many == null || one.isEmpty() || many.isEmpty()) {
            return "(no class histogram: jcmd failed)\n";
        }
        long[] oneTotal = one.getOrDefault("Total", new long[2]);
        long[] manyTotal = many.getOrDefault("Total", new long[2]);
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Live heap (`jcmd PID GC.class_histogram`, after a full GC): %.1f MiB with 1 idle session "
                        + "(the last operator-mode round of the restated bars), %.1f MiB with %d sessions %s: %.2f MiB a session. "
                        + "The classes that grew most:\n\n",
                oneTotal[1] / 1048576.0, manyTotal[1] / 1048576.0, added + 1, which, (manyTotal[1] - oneTotal[1]) / 1048576.0 / added));
        md.append("| class | instances, 1 → ").append(added + 1).append(" sessions | bytes, 1 → ").append(added + 1)
                .append(" | growth per added session |\n|---|---|---|---|\n");
        List<Map.Entry<String, long[]>> grown = new ArrayList<>(many.entrySet());
        grown.removeIf(e -> e.getKey().equals("Total"));
        grown.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) ->
                e.getValue()[1] - one.getOrDefault(e.getKey(), new long[2])[1]).reversed());
        for (var e : grown.subList(0, Math.min(12, grown.size()))) {
            long[] a = one.getOrDefault(e.getKey(), new long[2]);
            long[] b = e.getValue();
            md.append(String.format(Locale.ROOT, "| `%s` | %,d → %,d | %.2f → %.2f MiB | %.1f KiB |\n", e.getKey(), a[0], b[0],
                    a[1] / 1048576.0, b[1] / 1048576.0, (b[1] - a[1]) / 1024.0 / added));
        }
        return md.toString();
    }

    private static List<String> top(Map<String, Double> m, int n) {
        return m.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(n)
                .map(Map.Entry::getKey).toList();
    }

    // ---- a profile of the FX thread (JFR), after the measured steps -------------------------------------

    /**
     * JFR in the window ({@code settings=profile}: a Java stack every 10 ms of each running thread) while
     * {@code streaming} sessions stream for the same time as a measured step, then at rest. Not part of
     * any figure above: it runs after them, and JFR costs a little itself.
     */
    private String profile(long pid, StandaloneEmulator emulator, List<String> streaming, Path data) throws Exception {
        Path streamFile = data.resolve("streaming.jfr");
        Path restFile = data.resolve("rest.jfr");
        jcmd(pid, "JFR.configure stackdepth=256"); // JavaFX's layout nests deeply; 64 frames cut most stacks
        jcmd(pid, "JFR.start name=mission-stream settings=profile filename=" + streamFile);
        try (Feeder feeder = new Feeder(emulator, streaming)) {
            feeder.start();
            Thread.sleep(STREAM.toMillis());
        }
        jcmd(pid, "JFR.stop name=mission-stream");
        emulator.awaitIdle(streaming, Duration.ofSeconds(60));
        Thread.sleep(3000);
        jcmd(pid, "JFR.start name=mission-rest settings=profile filename=" + restFile);
        Thread.sleep(REST.toMillis());
        jcmd(pid, "JFR.stop name=mission-rest");
        StringBuilder md = new StringBuilder();
        md.append("Profile (JFR `settings=profile`, after the measured steps, not counted in them), ").append(streaming.size())
                .append(" sessions streaming for ").append(STREAM.toSeconds()).append(" s, the others at rest:\n\n");
        md.append(JfrSummary.of(streamFile).markdown(12));
        md.append("\nThe same window with every session at rest, ").append(REST.toSeconds()).append(" s:\n\n");
        md.append(JfrSummary.of(restFile).markdown(8));
        return md.toString();
    }

    // ---- /proc, jcmd ------------------------------------------------------------------------------------

    /** CPU ticks (utime + stime) by thread name, numbers folded ({@code io-12} and {@code io-3} are {@code io-#}). */
    static Map<String, Long> threadTicks(long pid) {
        Map<String, Long> ticks = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = JfrSummary.fold(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name + "\t" + task.getFileName(), Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended
                }
            }
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    /** How many threads of each kind (names folded) the process has. */
    static Map<String, Integer> threadCensus(long pid) {
        Map<String, Integer> census = new java.util.TreeMap<>();
        threadTicks(pid).keySet().forEach(key -> census.merge(key.substring(0, key.indexOf('\t')), 1, Integer::sum));
        return census;
    }

    /** % of one core by thread name over {@code seconds}, from two {@link #threadTicks} readings (threads new since count whole). */
    static Map<String, Double> threadPercents(Map<String, Long> before, Map<String, Long> after, double seconds) {
        Map<String, Double> byName = new HashMap<>();
        after.forEach((key, t) -> {
            long used = t - before.getOrDefault(key, 0L);
            byName.merge(key.substring(0, key.indexOf('\t')), percent(used, seconds), Double::sum);
        });
        return byName;
    }

    private static double settledRss(long pid) throws Exception {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < RSS_SAMPLES; i++) {
            if (i > 0) {
                Thread.sleep(1000);
            }
            v.add(procStatus(pid, "VmRSS:") / 1024.0);
        }
        return Stats.of(v).median();
    }

    /** A number from /proc/PID/status (kB for sizes). */
    static long procStatus(long pid, String key) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith(key)).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElseThrow();
    }

    /**
     * Waits (at most {@code patience}) until the rest of the machine, everything but {@code own} processes and this
     * one, uses at most {@link #BUSY_MACHINE}% of a core over 3 s: other builds share this machine's 2 cores.
     * Returns what the rest used over the last 3 s.
     */
    static double awaitQuiet(Duration patience, long... own) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        double others;
        do {
            long machine0 = machineBusyTicks();
            long own0 = ownTicks(own);
            long t0 = System.nanoTime();
            Thread.sleep(3000);
            others = percent(machineBusyTicks() - machine0 - (ownTicks(own) - own0), (System.nanoTime() - t0) / 1e9);
            if (others <= BUSY_MACHINE) {
                return others;
            }
            System.out.printf(Locale.ROOT, "  the rest of the machine uses %.0f%% of a core: waiting%n", others);
        } while (System.nanoTime() < deadline);
        return others;
    }

    /** Rounds done again because the rest of the machine was busy meanwhile; at most {@link #REDOS} in all. */
    private int redone;
    private final List<String> redoneWhy = new ArrayList<>();
    static final int REDOS = 6;

    /** What the rest of the machine used from its making on: this process and its children (once ended), {@code own} and Xvfb excepted. */
    private final class Busy {
        private final long[] own;
        private final long machine0;
        private final long own0;
        private final long t0 = System.nanoTime();

        Busy(long... own) {
            this.own = own;
            this.machine0 = machineBusyTicks();
            this.own0 = ownTicks(own);
        }

        double others() {
            return Math.max(0, percent(machineBusyTicks() - machine0 - (ownTicks(own) - own0), (System.nanoTime() - t0) / 1e9));
        }

        /** Whether to do the round again: the rest of the machine was busy, and redos are left. */
        boolean tooBusy(String what) {
            double others = others();
            if (others <= BUSY_MACHINE || redone >= REDOS) {
                return false;
            }
            redone++;
            redoneWhy.add(String.format(Locale.ROOT, "%s (the rest of the machine: %.0f%% of a core)", what, others));
            System.out.printf(Locale.ROOT, "  %s: the rest of the machine used %.0f%% of a core: again%n", what, others);
            return true;
        }
    }

    /** The X server(s) the windows draw on (xvfb-run's): their work is the windows', not the rest of the machine's. */
    static List<Long> xServers() {
        List<Long> pids = new ArrayList<>();
        try (var procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(p -> {
                try {
                    if (Files.readString(p.resolve("comm")).strip().equals("Xvfb")) {
                        pids.add(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException gone) {
                    // ended
                }
            });
        } catch (IOException e) {
            return pids;
        }
        return pids;
    }

    private static long xServerTicks() {
        long t = 0;
        for (long x : xServers()) {
            try {
                t += cpuTicks(x);
            } catch (IOException | RuntimeException gone) {
                // ended
            }
        }
        return t;
    }

    static long ownTicks(long... own) {
        long t = 0;
        try {
            for (long x : xServers()) {
                t += cpuTicks(x);
            }
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            for (int i = 11; i <= 14; i++) {
                t += Long.parseLong(f[i]); // utime, stime, and those of the children this process has waited for
            }
            for (long pid : own) {
                t += cpuTicks(pid);
            }
        } catch (IOException | RuntimeException gone) {
            // a process ended
        }
        return t;
    }

    /** Busy ticks of the whole machine (all cores), from /proc/stat: everything but idle and iowait. */
    static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]); // user nice system (idle iowait) irq softirq steal
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** utime + stime of the whole process, in clock ticks. */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15, counted from the state (field 3)
    }

    private static double cpuPercent(long pid, Duration over) throws Exception {
        long c0 = cpuTicks(pid);
        long t0 = System.nanoTime();
        Thread.sleep(over.toMillis());
        return percent(cpuTicks(pid) - c0, (System.nanoTime() - t0) / 1e9);
    }

    static double percent(long ticks, double seconds) {
        return 100.0 * ticks / CLOCK_TICKS / seconds;
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return p.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return 100;
        }
    }

    private String jcmd(long pid, String what) {
        try {
            List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid)));
            c.addAll(List.of(what.split(" ")));
            Process p = new ProcessBuilder(c).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? out : "";
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    /** {committed, used} heap in MiB ({@code GC.heap_info}: no collection). */
    private double[] heapInfo(long pid) {
        Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(jcmd(pid, "GC.heap_info"));
        return m.find() ? new double[] {Long.parseLong(m.group(1)) / 1024.0, Long.parseLong(m.group(2)) / 1024.0}
                : new double[] {Double.NaN, Double.NaN};
    }

    /** Class name -> {instances, bytes}, and "Total"; a full GC first (live objects only). */
    private Map<String, long[]> classHistogram(long pid) {
        Map<String, long[]> h = new HashMap<>();
        Pattern row = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
        Pattern total = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");
        for (String line : jcmd(pid, "GC.class_histogram").split("\n")) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                h.put(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
                continue;
            }
            Matcher t = total.matcher(line);
            if (t.find()) {
                h.put("Total", new long[] {Long.parseLong(t.group(1)), Long.parseLong(t.group(2))});
            }
        }
        return h;
    }

    /** Positions the window has stored, over its sessions: what it has read of the emulator's events. */
    private static long eventsRead(Path data) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("console.db"));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COALESCE(SUM(next_position), 0) FROM sessions")) {
            return r.next() ? r.getLong(1) : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static List<String> lines(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return List.of(out.split("\n"));
    }

    private static void drain(BufferedReader out) {
        Thread t = new Thread(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // the process ended
            }
        }, "drain");
        t.setDaemon(true);
        t.start();
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    // ---- the processes -------------------------------------------------------------------------------------

    /** A window process the harness talks to: its output lines kept, commands on its standard input. */
    static final class WindowProcess implements AutoCloseable {
        private final Process process;
        /** Every line it printed; a line is taken by the first {@link #awaitLine} it answers, in whatever order they came. */
        private final List<String> lines = new ArrayList<>();
        private boolean ended;
        private final OutputStream in;

        private WindowProcess(Process process) {
            this.process = process;
            this.in = process.getOutputStream();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.contains("Exception") || line.contains("SEVERE") || line.contains("rror:")) {
                            System.out.println("  window: " + line);
                        }
                        synchronized (lines) {
                            lines.add(line);
                            lines.notifyAll();
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
                synchronized (lines) {
                    ended = true;
                    lines.notifyAll();
                }
            }, "window-output");
            reader.setDaemon(true);
            reader.start();
        }

        static WindowProcess start(List<String> command, Map<String, String> env) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().putAll(env);
            return new WindowProcess(pb.start());
        }

        long pid() {
            return process.pid();
        }

        String awaitLine(String prefix, Duration patience) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            synchronized (lines) {
                while (true) {
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i).startsWith(prefix)) {
                            return lines.remove(i);
                        }
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || ended) {
                        throw new IllegalStateException("the window printed no '" + prefix + "' line in " + patience.toSeconds()
                                + " s" + (process.isAlive() ? "" : " (it exited " + process.exitValue() + ")"));
                    }
                    lines.wait(Math.max(1, left / 1_000_000));
                }
            }
        }

        Map<String, String> awaitResult(String phase, Duration patience) throws InterruptedException {
            return BenchmarkRunner.keyValues(awaitLine("RESULT phase=" + phase + " ", patience));
        }

        void command(String line) throws IOException {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        /** The watchdog's samples since the last report, as phase {@code name}. */
        Map<String, String> report(String name) throws IOException, InterruptedException {
            command("report " + name);
            return awaitResult(name, Duration.ofSeconds(30));
        }

        @Override
        public void close() throws InterruptedException {
            stop(process);
        }
    }

    /**
     * {@code agent-console emulator} in its own process: the base URL and the demo token read from what it
     * prints (the token is kept in memory for the window's environment and the API calls, never printed).
     */
    static final class StandaloneEmulator implements AutoCloseable {
        private final Process process;
        private final String baseUrl;
        private final String token;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        private StandaloneEmulator(Process process, String baseUrl, String token) {
            this.process = process;
            this.baseUrl = baseUrl;
            this.token = token;
        }

        static StandaloneEmulator start(List<String> command) throws Exception {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String baseUrl = null;
            String token = null;
            String line;
            while ((baseUrl == null || token == null) && (line = out.readLine()) != null) {
                if (line.contains(" serving at ")) {
                    baseUrl = line.substring(line.indexOf(" serving at ") + " serving at ".length()).strip();
                } else if (line.startsWith("token:")) {
                    token = line.substring("token:".length()).strip();
                }
            }
            if (baseUrl == null || token == null) {
                p.destroyForcibly();
                throw new IllegalStateException("the emulator printed no base URL or token");
            }
            drain(out);
            return new StandaloneEmulator(p, baseUrl, token);
        }

        String baseUrl() {
            return baseUrl;
        }

        long pid() {
            return process.pid();
        }

        /** What a window (or a launch) on this emulator needs in its environment. */
        Map<String, String> keyEnvironment() {
            return Map.of("HAI_API_KEY", token);
        }

        /** POST /api/v2/sessions with the demo task and an idle timeout (the agent waits at its question, never ends). */
        String createSession() throws Exception {
            JsonNode body = call("POST", "/api/v2/sessions",
                    "{\"agent\":\"mission-bench\",\"messages\":" + JSON.writeValueAsString(TASK) + ",\"idle_timeout_s\":3600}");
            return body.path("id").asText();
        }

        void message(String session, String text) throws Exception {
            call("POST", "/api/v2/sessions/" + session + "/messages",
                    "{\"type\":\"user_message\",\"message\":" + JSON.writeValueAsString(text) + "}");
        }

        String status(String session) throws Exception {
            return call("GET", "/api/v2/sessions/" + session + "/status", null).path("status").asText();
        }

        long totalEvents(List<String> sessions) throws Exception {
            long total = 0;
            for (String s : sessions) {
                total += call("GET", "/api/v2/sessions/" + s + "/events?size=1", null).path("total").asLong();
            }
            return total;
        }

        /** Until every agent waits at its question. */
        void awaitIdle(List<String> sessions, Duration patience) throws Exception {
            long deadline = System.nanoTime() + patience.toNanos();
            for (String s : sessions) {
                while (!status(s).equals("idle")) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("session " + s + " did not come to rest: " + status(s));
                    }
                    Thread.sleep(100);
                }
            }
        }

        private JsonNode call(String method, String path, String body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token);
            if (body != null) {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + r.statusCode());
            }
            return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        }

        @Override
        public void close() throws InterruptedException {
            stop(process);
        }
    }

    /** Posts a message to each session every {@link #MESSAGE_PERIOD_MS} ms, spread evenly, until closed. */
    static final class Feeder implements AutoCloseable {
        private final StandaloneEmulator emulator;
        private final List<String> sessions;
        private final Thread thread;
        private volatile boolean running = true;
        private volatile Exception failure;

        Feeder(StandaloneEmulator emulator, List<String> sessions) {
            this.emulator = emulator;
            this.sessions = List.copyOf(sessions);
            this.thread = new Thread(this::feed, "feeder");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void feed() {
            long gap = MESSAGE_PERIOD_MS * 1_000_000 / sessions.size();
            long next = System.nanoTime();
            int i = 0;
            while (running) {
                try {
                    emulator.message(sessions.get(i), FEED_TEXT);
                    i = (i + 1) % sessions.size();
                    next += gap;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    failure = e;
                    return;
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(5000);
            if (failure != null) {
                throw new IllegalStateException("the feeder failed", failure);
            }
        }
    }
}
