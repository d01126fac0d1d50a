package dev.agentconsole.bench;

import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.hcompany.HCompanyBackend;
import dev.agentconsole.agent.http.ApiToken;
import dev.agentconsole.agent.http.Endpoint;
import dev.agentconsole.agent.http.HttpStack;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ReceivedMessage;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.session.FaultSoak;
import dev.agentconsole.session.SessionController;
import dev.agentconsole.store.Store;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark on this machine and rewrites BENCHMARKS.md. Each figure is measured next
 * to its baseline in the same run, and reported as a median with its spread and as a ratio.
 * Run with {@code mvn -B -Pbench -DskipTests verify}.
 */
public final class BenchmarkRunner {

    private final Path root;
    /** When the run began: the file says how long a full run takes. */
    private final long started = System.nanoTime();
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Whole sections of BENCHMARKS.md (name -> Markdown) that a section writes beside the table. */
    private final Map<String, String> blocks = new java.util.LinkedHashMap<>();

    /** The installed launcher's JVM options: every process measured here runs the way the installed app does. */
    private final List<String> launcherOptions;

    private BenchmarkRunner(Path root) throws IOException {
        this.root = root;
        this.launcherOptions = PackagedApps.launcherOptions(root);
    }

    /** {@code java}, the launcher's JVM options, then the rest. */
    private List<String> javaCommand(String java, String... rest) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(launcherOptions);
        command.addAll(List.of(rest));
        return command;
    }

    /**
     * {@code ROOT [SECTION,...]}: with sections named, runs only those and prints, leaving BENCHMARKS.md alone,
     * except that a section with a section of its own there (mission) replaces that one.
     */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
        java.util.Set<String> only = args.length > 1 ? java.util.Set.of(args[1].split(",")) : java.util.Set.of();
        BenchmarkRunner runner = new BenchmarkRunner(root);
        Map<String, Section> sections = new java.util.LinkedHashMap<>();
        sections.put("encoding", runner::encoding);
        sections.put("latency", runner::latencyAndBatch);
        sections.put("cli", runner::cliAgainstCurl);
        sections.put("store", runner::store);
        sections.put("polling", runner::polling);
        sections.put("screenshot", runner::screenshot);
        sections.put("window", runner::window);
        sections.put("installer", runner::installer);
        sections.put("search", () -> SearchBench.run(runner::row, root));
        sections.put("mission", () -> runner.blocks.put("mission",
                MissionControlBench.run(runner::row, root, runner.launcherOptions)));
        for (String name : only) {
            if (!sections.containsKey(name)) {
                throw new IllegalArgumentException("no section " + name + "; the sections: " + sections.keySet());
            }
        }
        for (var e : sections.entrySet()) {
            if (only.isEmpty() || only.contains(e.getKey())) {
                e.getValue().run();
            }
        }
        if (only.isEmpty()) {
            runner.write();
        } else {
            runner.spliceBlocks();
        }
    }

    private static String blockStart(String name) {
        return "<!-- " + name + ": written by BenchmarkRunner's section '" + name + "'; a run of it replaces what stands "
                + "between these marks -->";
    }

    private static String blockEnd(String name) {
        return "<!-- end of " + name + " -->";
    }

    private static String block(String name, String markdown) {
        return blockStart(name) + "\n\n" + markdown.strip() + "\n\n" + blockEnd(name) + "\n";
    }

    /** A section run alone: its own section of BENCHMARKS.md is replaced (or added at the end); the rest stays. */
    private void spliceBlocks() throws IOException {
        Path file = root.resolve("BENCHMARKS.md");
        for (var b : blocks.entrySet()) {
            if (b.getValue().isBlank()) {
                continue;
            }
            String md = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
            int start = md.indexOf(blockStart(b.getKey()));
            int end = md.indexOf(blockEnd(b.getKey()));
            String replacement = block(b.getKey(), b.getValue());
            if (start >= 0 && end > start) {
                int after = md.indexOf('\n', end);
                md = md.substring(0, start) + replacement + (after < 0 ? "" : md.substring(after + 1));
            } else {
                md = md.stripTrailing() + "\n\n" + replacement;
            }
            Files.writeString(file, md);
            System.out.println("wrote the section '" + b.getKey() + "' of " + file);
        }
    }

    private interface Section {
        void run() throws Exception;
    }

    // ---- JSON encoding of a 5 MB image message (JMH) ------------------------------------------

    private void encoding() throws RunnerException {
        System.out.println("== JMH: encoding a 5 MB image message");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(EncodeBenchmark.class.getName())
                .forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(8).measurementTime(TimeValue.seconds(1))
                .jvmArgs("-Xms1g", "-Xmx1g")
                .build()).run();
        Stats encode = null;
        Stats copy = null;
        for (RunResult r : results) {
            var s = r.getPrimaryResult().getStatistics();
            double[] values = new double[(int) s.getN()];
            var it = s.getRawData();
            int i = 0;
            while (it.hasNext()) {
                var e = it.next();
                for (int k = 0; k < e.getValue() && i < values.length; k++) {
                    values[i++] = e.getKey();
                }
            }
            Stats stats = Stats.of(values);
            if (r.getParams().getBenchmark().endsWith("encodeFiveMegabyteMessage")) {
                encode = stats;
            } else {
                copy = stats;
            }
        }
        EncodeBenchmark probe = new EncodeBenchmark();
        probe.setUp();
        int bodyBytes = probe.bodyLength();
        probe.tearDown();
        row(String.format(Locale.ROOT, "JSON encoding of a message with a 3.7 MB image (body %,d bytes), per message", bodyBytes),
                encode.describe("ms"),
                "copying the same bytes once: " + copy.describe("ms"), ratio(encode.median(), copy.median()));
    }

    // ---- requests a second while nothing happens (polite readers) -------------------------------

    private void polling() throws Exception {
        System.out.println("== polling: requests a second per session while nothing happens");
        Duration eagerRun = Duration.ofSeconds(10);
        List<Double> window = new ArrayList<>();
        List<Double> watch = new ArrayList<>();
        List<Double> unpaced = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            window.add(PollingBench.requestsPerSecond(PollingBench.WINDOW, true, eagerRun));
            watch.add(PollingBench.requestsPerSecond(PollingBench.WATCH, true, eagerRun));
            unpaced.add(PollingBench.requestsPerSecond(PollingBench.UNPACED, true, eagerRun));
        }
        Stats w = Stats.of(window);
        Stats c = Stats.of(watch);
        Stats u = Stats.of(unpaced);
        row("Requests a second, one session, the window's reader against an eager server (`/changes` answers an empty 200 at once; the bar: 4)",
                w.describe("/s"), "the reader's loop before pacing, same server: " + u.describe("/s"), ratio(w.median(), u.median()));
        row("Requests a second, one session, `watch` (EventFollower) against the same eager server (the bar: 4)",
                c.describe("/s"), "the reader's loop before pacing: " + u.describe("/s"), ratio(c.median(), u.median()));
        Duration restRun = Duration.ofSeconds(45);
        double rest = PollingBench.requestsPerSecond(PollingBench.WINDOW, false, restRun);
        double restBefore = PollingBench.requestsPerSecond(PollingBench.UNPACED, false, restRun);
        row("Requests a second, one session, the window's reader against the emulator at rest (20 s long polls), over 45 s",
                String.format(Locale.ROOT, "%.3f/s (n=1)", rest),
                String.format(Locale.ROOT, "the reader's loop before pacing: %.3f/s (n=1)", restBefore), ratio(rest, restBefore));
    }

    // ---- in-process latency and the 1,000-line batch ---------------------------------------------

    private void latencyAndBatch() throws Exception {
        System.out.println("== in-process: submit to arrival, and 1,000 lines as one batch");
        try (Emulator emulator = Emulator.start(0, ScriptClock.manual()); HttpStack http = new HttpStack()) {
            HCompanyBackend backend = new HCompanyBackend(Provider.DEMO,
                    new Endpoint(HttpUrl.get(emulator.baseUrl()), new ApiToken(emulator.token())), http);
            HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            int warmup = 300;
            int measured = 2000;
            List<Double> client = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            for (int round = 0; round < warmup + measured; round++) {
                SessionId session = SessionId.parse(emulator.createDemoSession());
                long t0 = System.nanoTime();
                backend.send(session, new Outgoing.Single(OutgoingMessage.text("latency " + round)));
                double viaClient = arrivalMicros(emulator, session, t0);
                String uri = emulator.baseUrl() + "/api/v2/sessions/" + session + "/messages";
                HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
                        .header("Authorization", "Bearer " + emulator.token()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"user_message\",\"message\":\"raw " + round + "\"}"))
                        .build();
                long t1 = System.nanoTime();
                jdk.send(request, HttpResponse.BodyHandlers.discarding());
                double viaJdk = arrivalMicros(emulator, session, t1);
                if (round >= warmup) {
                    client.add(viaClient);
                    raw.add(viaJdk);
                }
            }
            Stats c = Stats.of(client);
            Stats r = Stats.of(raw);
            row("Submit to arrival at the emulator, console client (validate, encode, OkHttp), p50",
                    Stats.fmt(c.median()) + " µs (p99 " + Stats.fmt(c.percentile(99)) + " µs, n=" + c.n() + ")",
                    "the JDK's HttpClient posting the same JSON: p50 " + Stats.fmt(r.median()) + " µs, p99 "
                            + Stats.fmt(r.percentile(99)) + " µs", ratio(c.median(), r.median()) + " (p99 "
                            + ratio(c.percentile(99), r.percentile(99)) + ")");

            List<OutgoingMessage> lines = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                lines.add(OutgoingMessage.text("queued instruction number " + i + ": check the next listing and note its price"));
            }
            List<Double> batch = new ArrayList<>();
            List<Double> singles = new ArrayList<>();
            for (int round = 0; round < 12; round++) {
                SessionId a = SessionId.parse(emulator.createDemoSession());
                long t0 = System.nanoTime();
                backend.send(a, new Outgoing.Batch(lines));
                double took = (System.nanoTime() - t0) / 1e6;
                if (emulator.receivedMessages(a.value()).size() != 1000) {
                    throw new IllegalStateException("the batch did not arrive whole");
                }
                if (round >= 2) {
                    batch.add(took);
                }
                if (round % 3 == 0) {
                    SessionId b = SessionId.parse(emulator.createDemoSession());
                    long s0 = System.nanoTime();
                    for (OutgoingMessage line : lines) {
                        backend.send(b, new Outgoing.Single(line));
                    }
                    if (round > 0) {
                        singles.add((System.nanoTime() - s0) / 1e6);
                    }
                }
            }
            Stats bs = Stats.of(batch);
            Stats ss = Stats.of(singles);
            row("1,000 queued lines sent as one H batch (encode, send, 202)", bs.describe("ms"),
                    "the same 1,000 lines as 1,000 single messages: " + ss.describe("ms"), ratio(bs.median(), ss.median()));
            backend.close();
        }
    }

    private static double arrivalMicros(Emulator emulator, SessionId session, long start) {
        List<ReceivedMessage> got = emulator.receivedMessages(session.value());
        return (got.get(got.size() - 1).arrivalNanos() - start) / 1e3;
    }

    // ---- whole program: the CLI against curl ---------------------------------------------------------

    private void cliAgainstCurl() throws Exception {
        System.out.println("== processes: agent-console send vs curl");
        Path jar = root.resolve("target/agent-console.jar");
        if (!Files.exists(jar)) {
            notes.add("CLI vs curl skipped: target/agent-console.jar is missing (run through the bench profile's verify).");
            return;
        }
        if (!commandExists("curl")) {
            notes.add("CLI vs curl skipped: curl is not installed (apt-get install curl).");
            return;
        }
        try (Emulator emulator = Emulator.start(0, ScriptClock.manual())) {
            String session = emulator.createDemoSession();
            Path headers = Files.createTempFile("bench-headers", ".txt");
            Files.writeString(headers, "Authorization: Bearer " + emulator.token() + "\nContent-Type: application/json\n");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<Double> cli = new ArrayList<>();
            List<Double> curl = new ArrayList<>();
            int runs = 15;
            for (int i = -2; i < runs; i++) {
                double a = timeProcess(javaCommand(java, "-jar", jar.toString(), "send", "--provider", "hcompany", "--base-url",
                        emulator.baseUrl(), "--session", session, "message " + i), Map.of("HAI_API_KEY", emulator.token()));
                double b = timeProcess(List.of("curl", "-sS", "-o", "/dev/null", "-w", "", "-X", "POST", "-H", "@" + headers,
                        "--data", "{\"type\":\"user_message\",\"message\":\"curl " + i + "\"}",
                        emulator.baseUrl() + "/api/v2/sessions/" + session + "/messages"), Map.of());
                if (i >= 0) {
                    cli.add(a);
                    curl.add(b);
                }
            }
            Files.deleteIfExists(headers);
            int expected = 2 * (runs + 2);
            if (emulator.receivedMessages(session).size() != expected) {
                throw new IllegalStateException("expected " + expected + " messages, got " + emulator.receivedMessages(session).size());
            }
            Stats c = Stats.of(cli);
            Stats u = Stats.of(curl);
            row("`agent-console send` to the standalone emulator, per message, JVM start included", c.describe("ms"),
                    "curl sending the same message: " + u.describe("ms"), ratio(c.median(), u.median()));
        }
    }

    private static double timeProcess(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        int code = p.waitFor();
        double ms = (System.nanoTime() - t0) / 1e6;
        if (code != 0) {
            throw new IllegalStateException(command.get(0) + " exited " + code + ": " + new String(out, StandardCharsets.UTF_8));
        }
        return ms;
    }

    private static boolean commandExists(String name) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + name).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    // ---- the store: what it adds to a send, and the fault soak -----------------------------------------

    private void store() throws Exception {
        System.out.println("== the store: send overhead, fault soak");
        Path dir = Files.createTempDirectory("bench-store");
        try (Emulator emulator = Emulator.start(0, ScriptClock.manual()); HttpStack http = new HttpStack();
             Store onDisk = Store.open(dir); Store inMemory = Store.inMemory()) {
            List<Double> disk = new ArrayList<>();
            List<Double> memory = new ArrayList<>();
            try (SessionController withDisk = controller(emulator, http, onDisk);
                 SessionController withMemory = controller(emulator, http, inMemory)) {
                for (int round = 0; round < 100 + 400; round++) {
                    double d = sendAndWait(emulator, withDisk, "disk " + round);
                    double m = sendAndWait(emulator, withMemory, "memory " + round);
                    if (round >= 100) {
                        disk.add(d);
                        memory.add(m);
                    }
                }
            }
            Stats sd = Stats.of(disk);
            Stats sm = Stats.of(memory);
            row("A send through the session with the outbox on disk (SQLite WAL, synchronous=FULL): call to arrival",
                    sd.describe("ms"), "the same with the store in memory: " + sm.describe("ms") + String.format(Locale.ROOT,
                            "; the disk adds %.2f ms", sd.median() - sm.median()), ratio(sd.median(), sm.median()));
        }
        FaultSoak.Result r = FaultSoak.run(1000, Files.createTempDirectory("bench-soak"), 11);
        row("Fault soak: 1,000 messages queued at once under injected faults",
                String.format(Locale.ROOT, "%d lost, %d duplicates, %d uncertain (%d that arrived, %d cut by a refusal "
                                + "window before reaching the server); %d arrived exactly once; %d failed; %.0f s",
                        r.lost(), r.duplicates(), r.everUncertain(), r.uncertainArrived(), r.uncertainNotArrived(),
                        r.arrivedOnce(), r.failed(), r.millis() / 1000.0),
                String.format(Locale.ROOT, "faults injected: %d drops after read, %d × 503 + Retry-After, %d × 500, "
                        + "%d refused-connection windows, %d status reads stalled past the timeout",
                        r.dropsInjected(), r.status503(), r.status500(), r.refusals(), r.stalls()),
                "uncertain that arrived = drops: " + (r.uncertainArrived() == r.dropsInjected() ? "yes" : "NO"));
    }

    private static SessionController controller(Emulator emulator, HttpStack http, Store store) {
        HCompanyBackend backend = new HCompanyBackend(Provider.DEMO,
                new Endpoint(HttpUrl.get(emulator.baseUrl()), new ApiToken(emulator.token())), http);
        SessionController c = new SessionController(backend, SessionId.parse(emulator.createDemoSession()),
                new SessionController.Listener() {
                    public void onEvents(List<dev.agentconsole.agent.AgentEvent> events) { }

                    public void onSnapshot(dev.agentconsole.agent.SessionSnapshot snapshot) { }

                    public void onConnection(dev.agentconsole.session.ConnectionState state,
                                             java.util.Optional<dev.agentconsole.agent.AgentError> cause) { }

                    public void onDelivery(dev.agentconsole.session.Delivery delivery) { }

                    public void onCommandFailed(String command, dev.agentconsole.agent.AgentError error) { }
                }, java.time.Duration.ofSeconds(20), store);
        c.start();
        return c;
    }

    /** Milliseconds from {@code send} to the emulator having the message. */
    private static double sendAndWait(Emulator emulator, SessionController c, String text) throws InterruptedException {
        long t0 = System.nanoTime();
        c.send(new Outgoing.Single(OutgoingMessage.text(text)));
        while (true) {
            List<ReceivedMessage> got = emulator.receivedMessages(c.session().value());
            if (!got.isEmpty() && got.get(got.size() - 1).text().equals(text)) {
                return (got.get(got.size() - 1).arrivalNanos() - t0) / 1e6;
            }
            Thread.sleep(0, 200_000);
        }
    }

    // ---- a 4K screenshot to a data URI ------------------------------------------------------------------

    private void screenshot() throws Exception {
        System.out.println("== a 3840 x 2160 screenshot to a data URI");
        String cp = root.resolve("target/agent-console.jar") + java.io.File.pathSeparator + root.resolve("target/test-classes");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Double> ours = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> oursHeap = new ArrayList<>();
        List<Double> plainHeap = new ArrayList<>();
        double raw = 0;
        long oursBytes = 0;
        long plainBytes = 0;
        for (int i = 0; i < 3; i++) {
            Map<String, Double> r = results(javaCommand(java, "-Djava.awt.headless=true", "-cp", cp,
                    "dev.agentconsole.bench.ScreenshotBench"));
            ours.add(r.get("ours-ms"));
            plain.add(r.get("plain-ms"));
            oursHeap.add(r.get("ours-heap-mib"));
            plainHeap.add(r.get("plain-heap-mib"));
            raw = r.get("raw-mib");
            oursBytes = r.get("ours-bytes").longValue();
            plainBytes = r.get("plain-bytes").longValue();
        }
        Stats o = Stats.of(ours);
        Stats p = Stats.of(plain);
        row(String.format(Locale.ROOT, "A 3840 × 2160 text-heavy screenshot, pixels to a ready PNG data URI (%,d bytes)", oursBytes),
                o.describe("ms") + " (median of 3 processes' medians of 15)",
                String.format(Locale.ROOT, "plain ImageIO PNG + Base64 (%,d bytes): ", plainBytes) + p.describe("ms"),
                ratio(o.median(), p.median()));
        Stats oh = Stats.of(oursHeap);
        row("The same: peak heap above what was in use before", oh.describe("MiB") + String.format(Locale.ROOT,
                        " = %.2f × the raw image (%.1f MiB)", oh.median() / raw, raw),
                "plain ImageIO + Base64: " + Stats.of(plainHeap).describe("MiB"), ratio(oh.median(), Stats.of(plainHeap).median()));
    }

    // ---- the window: start-up, memory, 100,000 rows, a responsive FX thread ----------------------------

    private void window() throws Exception {
        System.out.println("== the window (needs a display: xvfb-run)");
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            notes.add("Window figures skipped: no display. Run the benchmarks as `xvfb-run -a -s \"-screen 0 1400x900x24\" mvn -B -Pbench -DskipTests verify`.");
            return;
        }
        Path jar = root.resolve("target/agent-console.jar");
        String cp = jar + java.io.File.pathSeparator + root.resolve("target/test-classes");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        List<Double> consoleFrame = new ArrayList<>();
        List<Double> consoleReady = new ArrayList<>();
        List<Double> bareFrame = new ArrayList<>();
        List<Double> consoleRss = new ArrayList<>();
        List<Double> bareRss = new ArrayList<>();
        List<Double> floorRss = new ArrayList<>();
        for (int i = -1; i < 7; i++) {
            double[] c = firstFrameAndRss(javaCommand(java, "-Dagentconsole.reportFirstFrame=true", "-cp", cp,
                    "dev.agentconsole.AgentConsole"), 8000, true);
            double[] b = firstFrameAndRss(javaCommand(java, "-cp", cp, "dev.agentconsole.bench.BareWindow"), 8000);
            double[] f = firstFrameAndRss(javaCommand(java, "-cp", cp, "dev.agentconsole.bench.FloorWindow"), 8000);
            if (i >= 0) {
                consoleFrame.add(c[0]);
                consoleReady.add(c[2]);
                consoleRss.add(c[1]);
                bareFrame.add(b[0]);
                bareRss.add(b[1]);
                floorRss.add(f[1]);
            }
        }
        Stats cf = Stats.of(consoleFrame);
        Stats bf = Stats.of(bareFrame);
        row("Process start to the first frame, demo mode (window, emulator, demo session)", cf.describe("ms"),
                "a bare JavaFX window, same JDK, flags and class path: " + bf.describe("ms"), ratio(cf.median(), bf.median()));
        row("Process start to the whole view in the window (the shell's content built, styled and laid out), demo mode",
                Stats.of(consoleReady).describe("ms"), "the bare window's first frame: " + bf.describe("ms"),
                ratio(Stats.of(consoleReady).median(), bf.median()));
        Stats cr = Stats.of(consoleRss);
        Stats br = Stats.of(bareRss);
        row("Idle RSS 8 s after start, demo session open (the agent waiting)", cr.describe("MiB"),
                "the bare window: " + br.describe("MiB"), ratio(cr.median(), br.median()));
        Stats fr = Stats.of(floorRss);
        row("Idle RSS 8 s after start, the prescribed parts with no product code (`bench/FloorWindow`: AtlantaFX, Ikonli, "
                + "standard controls, HTTP server, OkHttp, Jackson, SQLite)", fr.describe("MiB"),
                "the bare window: " + br.describe("MiB"), ratio(fr.median(), br.median()));
        row("Idle RSS 8 s after start, the console (above) against those prescribed parts alone", cr.describe("MiB"),
                "the floor window: " + fr.describe("MiB"), ratio(cr.median(), fr.median()));

        List<Double> open = new ArrayList<>();
        List<Double> openPlain = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> p99Plain = new ArrayList<>();
        List<Double> max = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Double> c = results(javaCommand(java, "-cp", cp, "dev.agentconsole.bench.TranscriptBench", "console"));
            Map<String, Double> p = results(javaCommand(java, "-cp", cp, "dev.agentconsole.bench.TranscriptBench", "plain"));
            open.add(c.get("open-ms"));
            openPlain.add(p.get("open-ms"));
            p99.add(c.get("pulse-p99-ms"));
            max.add(c.get("pulse-max-ms"));
            p99Plain.add(p.get("pulse-p99-ms"));
        }
        Stats o = Stats.of(open);
        Stats op = Stats.of(openPlain);
        row("100,000 transcript rows: window shown at the newest row", o.describe("ms"),
                "a ListView of 100,000 strings, default cells: " + op.describe("ms"), ratio(o.median(), op.median()));
        Stats pp = Stats.of(p99);
        Stats ppp = Stats.of(p99Plain);
        row("100,000 rows, scrolling end to end (300 wheel steps, then a 600-pulse thumb drag): FX work per pulse, p99",
                pp.describe("ms") + "; max per run " + Stats.of(max).describe("ms"),
                "the plain ListView: " + ppp.describe("ms"), ratio(pp.median(), ppp.median()));

        List<Double> history = new ArrayList<>();
        List<Double> historyAll = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Double> h = results(javaCommand(java, "-cp", cp, "dev.agentconsole.bench.HistoryBench"));
            history.add(h.get("open-ms"));
            historyAll.add(h.get("all-ms"));
        }
        Stats hs = Stats.of(history);
        row("A session with 100,000 stored events: the open window bound to it, until its newest stored row is on screen",
                hs.describe("ms") + "; all 100,000 rows in the list: " + Stats.of(historyAll).describe("ms"),
                "100,000 rows from memory (above): " + o.describe("ms"), ratio(hs.median(), o.median()));

        // Three processes: one run's p99 and max swing by 2x from run to run on this machine.
        Map<String, List<Map<String, String>>> phases = new java.util.LinkedHashMap<>();
        List<Map<String, String>> bareStart = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (String variant : List.of("console", "bare")) {
                Process proc = new ProcessBuilder(javaCommand(java, "-cp", cp, "dev.agentconsole.bench.ResponsivenessBench", variant))
                        .redirectErrorStream(true).start();
                for (String line : new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith("RESULT phase=")) {
                        Map<String, String> kv = keyValues(line);
                        if (variant.equals("bare")) {
                            bareStart.add(kv);
                        } else {
                            phases.computeIfAbsent(kv.get("phase"), k -> new ArrayList<>()).add(kv);
                        }
                    }
                }
                int exit = proc.waitFor();
                if (exit != 0) {
                    notes.add("A ResponsivenessBench run (" + variant + ") exited with " + exit + ": its figures are missing from the rows.");
                }
            }
        }
        String bareStartup = "16 ms (one frame at 60 Hz); a bare JavaFX window's first 3 s, same watchdog: "
                + latency(bareStart);
        for (var e : phases.entrySet()) {
            row("FX thread latency (a task posted every 5 ms) while " + switch (e.getKey()) {
                case "startup" -> "the window starts (first 3 s)";
                case "sending" -> "50 messages are sent in 1 s";
                case "attaching" -> "three 3840 × 2160 screenshots are pasted and fitted";
                default -> "the server stalls 4 s on sends and status";
            }, latency(e.getValue()), e.getKey().equals("startup") ? bareStartup : "16 ms (one frame at 60 Hz)", "-");
        }
    }

    /** The watchdog's waits over several runs: medians of each run's p99 and max, and the samples over a frame. */
    static String latency(List<Map<String, String>> runs) {
        Stats waitP99 = Stats.of(runs.stream().map(kv -> Double.parseDouble(kv.get("p99-ms"))).toList());
        Stats waitMax = Stats.of(runs.stream().map(kv -> Double.parseDouble(kv.get("max-ms"))).toList());
        long over = runs.stream().mapToLong(kv -> Long.parseLong(kv.get("over16"))).sum();
        long samples = runs.stream().mapToLong(kv -> Long.parseLong(kv.get("samples"))).sum();
        return "p99 " + waitP99.describe("ms") + "; max " + waitMax.describe("ms") + String.format(Locale.ROOT,
                " (worst run %s ms); %d of %d samples over 16 ms", Stats.fmt(waitMax.percentile(100)), over, samples);
    }

    // ---- the installed app (.deb) against a bare window packaged the same way -----------------------------

    private void installer() throws Exception {
        System.out.println("== the installer (needs mvn -B -Pdist package first, root for apt-get, and a display)");
        java.util.Optional<Path> deb = PackagedApps.builtDeb(root);
        if (deb.isEmpty()) {
            notes.add("Installer figures skipped: no .deb in target/dist. Run `mvn -B -Pdist package -DskipTests` first "
                    + "(or `-Pdist,bench` together).");
            return;
        }
        double mb = Files.size(deb.get()) / 1_000_000.0;
        row("The .deb (`mvn -B -Pdist package`: jlink'd runtime, app jar, class list for CDS)",
                String.format(Locale.ROOT, "%.1f MB (%,d bytes)", mb, Files.size(deb.get())), "the bar: 40 MB", ratio(mb, 40));
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank() || !"root".equals(System.getProperty("user.name"))) {
            notes.add("Installed-app figures skipped: they need a display (xvfb-run) and root (apt-get installs the .deb).");
            return;
        }
        boolean wasInstalled = Files.exists(PackagedApps.INSTALLED_LAUNCHER);
        PackagedApps.install(deb.get());
        Path bare = PackagedApps.bareWindow(root);
        String app = PackagedApps.INSTALLED_LAUNCHER.toString();
        Map<String, List<Double>> frame = new java.util.LinkedHashMap<>();
        Map<String, List<Double>> rss = new java.util.LinkedHashMap<>();
        Path data = Files.createTempDirectory("bench-installed");
        try {
            for (int i = -1; i < 6; i++) {
                for (boolean cds : new boolean[] {true, false}) {
                    String options = "-Dagentconsole.reportFirstFrame=true" + (cds ? "" : " -Xshare:off");
                    Map<String, String> env = Map.of("JAVA_TOOL_OPTIONS", options);
                    double[] a = launch(List.of(app, "--data-dir=" + data.resolve("run" + i + cds)), env, 8000, true);
                    double[] b = launch(List.of(bare.toString()), env, 8000, false);
                    if (i >= 0) {
                        String key = cds ? "with CDS" : "without CDS";
                        frame.computeIfAbsent("app " + key, k -> new ArrayList<>()).add(a[0]);
                        frame.computeIfAbsent("app view " + key, k -> new ArrayList<>()).add(a[2]);
                        frame.computeIfAbsent("bare " + key, k -> new ArrayList<>()).add(b[0]);
                        rss.computeIfAbsent("app " + key, k -> new ArrayList<>()).add(a[1]);
                        rss.computeIfAbsent("bare " + key, k -> new ArrayList<>()).add(b[1]);
                    }
                }
            }
        } finally {
            if (!wasInstalled) {
                PackagedApps.remove();
            }
        }
        for (String key : List.of("with CDS", "without CDS")) {
            Stats af = Stats.of(frame.get("app " + key));
            Stats bf = Stats.of(frame.get("bare " + key));
            row("Installed launcher (`/opt/agent-console/bin/agent-console`, demo mode) to the first frame, " + key,
                    af.describe("ms"), "a bare JavaFX window packaged the same way, " + key + ": " + bf.describe("ms"),
                    ratio(af.median(), bf.median()));
        }
        for (String key : List.of("with CDS", "without CDS")) {
            Stats av = Stats.of(frame.get("app view " + key));
            Stats bf = Stats.of(frame.get("bare " + key));
            row("Installed app (demo mode): the whole view in the window, " + key + " (the restated bar of issue 19, as "
                            + "installed: at most 2.0× the bare window's first frame)", av.describe("ms"),
                    "the packaged bare window's first frame, " + key + ": " + bf.describe("ms"), ratio(av.median(), bf.median()));
        }
        for (String key : List.of("with CDS", "without CDS")) {
            Stats ar = Stats.of(rss.get("app " + key));
            Stats br = Stats.of(rss.get("bare " + key));
            row("Installed app, idle RSS 8 s after start, demo session open, " + key, ar.describe("MiB"),
                    "the packaged bare window, " + key + ": " + br.describe("MiB"), ratio(ar.median(), br.median()));
        }
        Stats with = Stats.of(frame.get("app with CDS"));
        Stats without = Stats.of(frame.get("app without CDS"));
        row("What the CDS archive saves the installed app at start-up", with.describe("ms"),
                "the same launcher with -Xshare:off: " + without.describe("ms"), ratio(with.median(), without.median()));
    }

    /**
     * Starts a packaged launcher with {@code env}; returns the wall-clock time from spawning it to its
     * first-frame line (so the native launcher's own work counts), VmRSS after {@code idleMs}, and with
     * {@code viewReady} the time to its view-ready line (the whole view in the window; NaN without).
     */
    private static double[] launch(List<String> command, Map<String, String> env, long idleMs, boolean viewReady) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        var reader = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        double frame = Double.NaN;
        double ready = Double.NaN;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("first-frame-ms=")) {
                frame = (System.nanoTime() - t0) / 1e6;
            } else if (line.startsWith("view-ready-ms=")) {
                ready = (System.nanoTime() - t0) / 1e6;
            }
            if (!Double.isNaN(frame) && (!viewReady || !Double.isNaN(ready))) {
                break;
            }
        }
        double rssMiB = idleRss(p, reader, idleMs);
        if (Double.isNaN(frame) || viewReady && Double.isNaN(ready)) {
            throw new IllegalStateException(command + " printed no first-frame or view-ready line");
        }
        return new double[] {frame, rssMiB, ready};
    }

    /** Drains the output, waits {@code idleMs}, reads the process's VmRSS, stops it. */
    private static double idleRss(Process p, java.io.BufferedReader reader, long idleMs) throws Exception {
        return idleRss(p, reader, idleMs, pid -> { });
    }

    /** The same, with a look at the process (by pid) after its RSS is read and before it is stopped. */
    static double idleRss(Process p, java.io.BufferedReader reader, long idleMs,
                          java.util.function.LongConsumer beforeStop) throws Exception {
        Thread drain = new Thread(() -> {
            try {
                reader.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // the process ended
            }
        });
        drain.setDaemon(true);
        drain.start();
        Thread.sleep(idleMs);
        double rssMiB = Files.readAllLines(Path.of("/proc/" + p.pid() + "/status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024.0).orElse(Double.NaN);
        beforeStop.accept(p.pid());
        p.destroy();
        if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return rssMiB;
    }

    /** Starts a window, reads its first-frame line, waits {@code idleMs}, reads VmRSS, stops it. */
    private static double[] firstFrameAndRss(List<String> command, long idleMs) throws Exception {
        return firstFrameAndRss(command, idleMs, false);
    }

    /** {first frame, RSS, and with {@code viewReady} the console's view in the window} in ms and MiB. */
    private static double[] firstFrameAndRss(List<String> command, long idleMs, boolean viewReady) throws Exception {
        return firstFrameAndRss(command, Map.of(), idleMs, viewReady, pid -> { });
    }

    /** The same with {@code env} added to the process's environment, and a look at it before it is stopped. */
    static double[] firstFrameAndRss(List<String> command, Map<String, String> env, long idleMs, boolean viewReady,
                                     java.util.function.LongConsumer beforeStop) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        var reader = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        double frame = Double.NaN;
        double ready = Double.NaN;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("first-frame-ms=")) {
                frame = Double.parseDouble(line.substring("first-frame-ms=".length()));
            } else if (line.startsWith("view-ready-ms=")) {
                ready = Double.parseDouble(line.substring("view-ready-ms=".length()));
            }
            if (!Double.isNaN(frame) && (!viewReady || !Double.isNaN(ready))) {
                break;
            }
        }
        double rssMiB = idleRss(p, reader, idleMs, beforeStop);
        if (Double.isNaN(frame) || (viewReady && Double.isNaN(ready))) {
            throw new IllegalStateException(command + " printed no first-frame or view-ready line");
        }
        return new double[] {frame, rssMiB, ready};
    }

    private static Map<String, Double> results(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, Double> out = new java.util.HashMap<>();
        for (String line : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("RESULT ")) {
                keyValues(line).forEach((k, v) -> out.put(k, Double.parseDouble(v)));
            }
        }
        p.waitFor();
        return out;
    }

    static Map<String, String> keyValues(String line) {
        Map<String, String> kv = new java.util.LinkedHashMap<>();
        for (String part : line.substring("RESULT ".length()).trim().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                kv.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return kv;
    }

    // ---- the report ---------------------------------------------------------------------------------------

    private void row(String figure, String measured, String baseline, String ratio) {
        rows.add("| " + figure + " | " + measured + " | " + baseline + " | " + ratio + " |");
        System.out.println(figure + ": " + measured + " | " + baseline + " | " + ratio);
    }

    static String ratio(double a, double b) {
        return String.format(Locale.ROOT, "%.2f×", a / b);
    }

    private void write() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        long minutes = Math.round((System.nanoTime() - started) / 60e9);
        md.append("Rewritten by `xvfb-run -a -s \"-screen 0 1400x900x24\" mvn -B -Pdist,bench -DskipTests verify` as root (")
                .append(minutes).append("\nminutes, this run; without a display the window figures are skipped, without `-Pdist` and root the installer's).\n");
        md.append("Every figure is measured next to its\n");
        md.append("baseline in the same run, on the machine below; a ratio is figure ÷ baseline (medians). Nothing here\n");
        md.append("is a timed test: the suite never fails on speed.\n\n");
        md.append("Measured on ").append(LocalDate.now()).append(": ").append(machine()).append("\n\n");
        md.append("| figure | median (spread) | baseline, same run | ratio |\n|---|---|---|---|\n");
        rows.forEach(r -> md.append(r).append('\n'));
        md.append("\nHow each is measured:\n\n");
        md.append("- **Encoding**: JMH, 1 fork, 3 × 1 s warm-up, 8 × 1 s measurement; the spread is over iterations. The\n"
                + "  baseline copies the finished body once: the least any encoder must do.\n");
        md.append("- **Submit to arrival**: 300 warm-up rounds, then 2,000; each round sends one message with the console's\n"
                + "  client and one with the JDK's HttpClient to the in-process emulator (loopback), timed from the call to\n"
                + "  the moment the emulator has parsed the request.\n");
        md.append("- **Batch**: 1,000 lines of ~80 characters as one `batch` request (10 timed rounds after 2 warm-ups)\n"
                + "  against the same lines as 1,000 requests (3 timed rounds).\n");
        md.append("- **CLI vs curl**: a new process per message (2 warm-ups, then 15 interleaved runs each); the console's\n"
                + "  figure includes JVM start-up, option parsing, validation and the HTTPS-ready client.\n");
        md.append("- **Window start-up and memory**: 1 warm-up round, then 7 interleaved rounds of the console (`AgentConsole`,\n"
                + "  demo mode) and a bare JavaFX window (`bench/BareWindow`) on the same class path under Xvfb; the first\n"
                + "  frame is the first post-layout pulse, timed from the JVM's start; RSS is read from /proc 8 s after start.\n"
                + "  A third window in the same rounds, `bench/FloorWindow`, is the floor the prescribed stack sets: AtlantaFX's\n"
                + "  theme, Ikonli icons and the standard controls the console is made of, with the libraries it cannot start\n"
                + "  without used once each (an HTTP server on loopback, OkHttp calling it, Jackson, SQLite in a WAL file).\n");
        md.append("- **100,000 rows**: `bench/TranscriptBench`, 3 runs each of the real transcript and a plain ListView; the\n"
                + "  FX work of a pulse is the time from its pre-layout to its post-layout listener (CSS, layout, cells).\n");
        md.append("- **Polling**: `bench/PollingBench`: one H session on the in-process emulator where nothing happens (its\n"
                + "  clock stands still); requests to `/changes` and `/status` counted by the emulator over 10 s (3 rounds,\n"
                + "  interleaved) with the `eager` fault on `/changes`, and over 45 s at rest. The baseline is the window's\n"
                + "  read loop as it was before pacing, run in the same process: `/changes`, then `/status` after every read\n"
                + "  that brought nothing.\n");
        md.append("- **Search and export**: `bench/SearchBench`: one session of 100,000 events (`bench/SearchCorpus`: the\n"
                + "  mix of a real run, 40 to 80 words each from a 6,000-word vocabulary) stored, then turned into an older\n"
                + "  file (no index, schema 2); indexing it is timed in a fresh JVM per round (3), from opening to the last\n"
                + "  chunk; searches are 10 queries × 10 rounds after 2 warm-ups (the best 50 hits with snippets and session\n"
                + "  names); JSON export reads the session from the store and writes the file (4 rounds after 1); the replay\n"
                + "  opens in Debian's headless chromium (6 rounds after 1), timed by the page's own clock from navigation\n"
                + "  start to the end of its script, after a forced layout (rows are `content-visibility: auto`: those out\n"
                + "  of view are laid out as they scroll in).\n");
        md.append("- **Store**: 100 warm-up rounds, then 400; each round sends one message through a `SessionController` whose\n"
                + "  store is a file (WAL, synchronous=FULL: the row is on disk before the first byte is sent) and one through a\n"
                + "  controller whose store is in memory, to the in-process emulator, one at a time.\n");
        md.append("- **Fault soak**: `session/FaultSoak`: 1,000 messages queued at once through the real controller and store;\n"
                + "  after every 8 arrivals one fault at random (drop after read, 503 with Retry-After: 1, two 500s, a 300 ms\n"
                + "  refused-connection window from a proxy, a status read stalled 2.5 s against a 2 s timeout). Lost = neither\n"
                + "  arrived nor flagged; uncertain = deliveries that were ever UNCERTAIN.\n");
        md.append("- **Stored history**: `bench/HistoryBench` fills a store with 100,000 events and opens the window (both\n"
                + "  before the clock), then binds the window to the session and times until the newest stored row is on\n"
                + "  screen (the newest 500 are read first, the rest follow above 0.4 s later), and until all rows are in the\n"
                + "  list; 3 runs.\n");
        md.append("- **Screenshot**: `bench/ScreenshotBench`, 3 processes, each 5 warm-up and 15 timed rounds of the console's path\n"
                + "  (`Attachment.fromPixels` -> `ImageFitter` -> data URI: `FastPng`, Sub filter, fastest deflate, bands on\n"
                + "  all cores) interleaved with `ImageIO.write(png)` + Base64; heap is the sum of the heap pools' peaks after\n"
                + "  a GC, less what was in use (an upper bound).\n");
        md.append("- **Installer**: needs `mvn -B -Pdist package` first (or `-Pdist,bench`), root and a display. The .deb is\n"
                + "  installed with apt-get (its postinst builds the CDS archive); a bare JavaFX window is packaged the same way\n"
                + "  (same jlink'd runtime, jpackage app image, a CDS archive dumped from its own class list). 1 warm-up, then 6\n"
                + "  interleaved runs of each, with the archive and with `JAVA_TOOL_OPTIONS=-Xshare:off`; the first frame is\n"
                + "  wall-clock from spawning the launcher to its first-frame line, the whole view the same to its view-ready\n"
                + "  line (the demo session's view in the window, after the shell); RSS is read from /proc 8 s after start.\n");
        md.append("- **FX thread latency**: `bench/ResponsivenessBench` posts a task to the FX thread every 5 ms from a\n"
                + "  watchdog thread and records how long it waits, while the real window runs against the emulator; 3 processes,\n"
                + "  the medians of their p99 and max. Start-up's baseline is a bare JavaFX window under the same watchdog\n"
                + "  (`ResponsivenessBench bare`, 3 processes interleaved): the wait for JavaFX's own first window.\n");
        md.append("- **JVM options**: every process above that starts the console, its window or its baseline runs with the\n"
                + "  installed launcher's options (`--java-options` in `packaging/jpackage.args`: " + String.join(" ", launcherOptions)
                + "); the in-process figures (encoding, submit to arrival, batch, store, fault soak) run in the harness's JVM.\n");
        notes.forEach(n -> md.append("\n").append(n).append('\n'));
        blocks.forEach((name, markdown) -> {
            if (!markdown.isBlank()) {
                md.append("\n").append(block(name, markdown));
            }
        });
        Files.writeString(root.resolve("BENCHMARKS.md"), md.toString());
        System.out.println("wrote " + root.resolve("BENCHMARKS.md"));
    }

    static String machine() {
        String cpu = "unknown CPU";
        String memory = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> String.format(Locale.ROOT, ", %.0f GiB",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).orElse("");
        } catch (IOException | RuntimeException ignored) {
            // not Linux: the processor count and JVM still say enough
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + ")" + memory + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }
}
