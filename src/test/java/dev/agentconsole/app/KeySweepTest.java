package dev.agentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.cli.Cli;
import dev.agentconsole.cli.CliContext;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.Faults;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.session.ConnectionState;
import dev.agentconsole.session.DeliveryState;
import dev.agentconsole.store.Store;
import dev.agentconsole.ui.EmulatorConnector;
import dev.agentconsole.ui.UiThread;
import dev.agentconsole.ui.chat.TranscriptEntry;
import dev.agentconsole.ui.workspace.WorkspaceViewModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep: the CLI and the window work against the emulator with one distinctive key, including
 * a server that echoes the key back escaped, URL-encoded and in base64 (the {@code echo-key}
 * fault); then every file the console wrote, all its output and its log lines are searched for the
 * key in every form. Zero hits.
 */
class KeySweepTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final String MESSAGES = "POST /api/v2/sessions/{id}/messages";

    @TempDir
    Path data;

    final String key = "hk-sweep-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    final List<String> output = new ArrayList<>();

    /** The forms the key could be found in: whole, its random part, URL-encoded, and in base64 at every alignment. */
    private List<String> forms() {
        List<String> forms = new ArrayList<>(List.of(key, key.substring("hk-sweep-".length()),
                java.net.URLEncoder.encode(key, StandardCharsets.UTF_8)));
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[shift + bytes.length];
            System.arraycopy(bytes, 0, shifted, shift, bytes.length);
            String b64 = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            forms.add(b64.substring(shift == 0 ? 0 : 4, b64.length() - 4));
        }
        return forms;
    }

    private String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new CliContext(Map.of("HAI_API_KEY", key, "AGI_API_KEY", key),
                new PrintWriter(out, true), new PrintWriter(err, true), new java.io.ByteArrayInputStream(new byte[0])));
        output.add(out.toString());
        output.add(err.toString());
        return code + "\n" + out + "\n" + err;
    }

    @Test
    void noFileOutputOrLogOfTheConsoleHoldsTheKeyInAnyForm() throws Exception {
        PrintStream realErr = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8)); // the console's log lines
        try (Emulator emulator = Emulator.start(0, key, ScriptClock.ticking(Duration.ofMillis(15)))) {
            String h = emulator.createDemoSession();
            String agi = emulator.createAgiDemoSession();
            String url = emulator.baseUrl();

            // the CLI: send and watch on both APIs, then a server that echoes the key back
            cli("send", "--provider", "hcompany", "--base-url", url, "--session", h, "the cheaper one");
            cli("watch", "--provider", "hcompany", "--base-url", url, "--session", h);
            cli("send", "--provider", "agi", "--base-url", url, "--session", agi, "the closer one");
            cli("watch", "--provider", "agi", "--base-url", url, "--session", agi);
            cli("watch", "--json", "--provider", "hcompany", "--base-url", url, "--session", h);
            emulator.faults().add(Faults.Rule.on(MESSAGES, new Faults.Fault.EchoKey(), 1));
            String refused = cli("send", "--provider", "hcompany", "--base-url", url, "--session", h, "again");
            assertTrue(refused.contains(dev.agentconsole.agent.http.ApiToken.REDACTED), "the echo reached the CLI's error: " + refused);
            emulator.faults().add(Faults.Rule.on("POST /v1/sessions/{id}/message", new Faults.Fault.EchoKey(), 1));
            cli("send", "--provider", "agi", "--base-url", url, "--session", agi, "again");

            // the window: bound to H with the key typed in, a message sent, then one the server refuses with the echo
            UiThread ui = new UiThread();
            ExecutorService io = Executors.newCachedThreadPool();
            try (EmulatorConnector connector = new EmulatorConnector(emulator, Store.open(data))) {
                WorkspaceViewModel vm = ui.call(() -> new WorkspaceViewModel(connector, ui, io, Instant::now, dev.agentconsole.ui.workspace.Notifier.NONE));
                ui.run(() -> {
                    vm.form().providerProperty().set(Provider.HCOMPANY);
                    vm.form().tokenProperty().set(key);
                    vm.form().sessionTextProperty().set(h);
                    vm.form().connect();
                });
                ui.await("live", WAIT, () -> vm.front() != null && vm.front().stateProperty().get() == ConnectionState.LIVE);
                ui.run(() -> {
                    vm.front().composer().textProperty().set("book it");
                    vm.front().send();
                });
                ui.await("seen", WAIT, () -> operatorRows(vm).stream().anyMatch(o -> o.state() == DeliveryState.SEEN));
                emulator.faults().add(Faults.Rule.on(MESSAGES, new Faults.Fault.EchoKey(), 1));
                ui.run(() -> {
                    vm.front().composer().textProperty().set("and the receipt");
                    vm.front().send();
                });
                ui.await("refused with the echo", WAIT, () -> operatorRows(vm).stream()
                        .anyMatch(o -> o.state() == DeliveryState.FAILED && o.cause().orElse("").contains(dev.agentconsole.agent.http.ApiToken.REDACTED)));
                ui.run(() -> vm.front().transcript().entries().forEach(e -> output.add(e.copyText() + " " + e)));
                ui.run(vm::close);
            } finally {
                io.shutdownNow();
                ui.close();
            }
        } finally {
            System.setErr(realErr);
        }
        output.add(logs.toString(StandardCharsets.UTF_8));

        List<String> hits = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().startsWith(Store.FILE_NAME)), "the store wrote: " + files);
        for (Path file : files) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            forms().stream().filter(bytes::contains).forEach(form -> hits.add(file.getFileName() + " holds " + form));
        }
        for (String text : output) {
            forms().stream().filter(text::contains).forEach(form -> hits.add("output holds " + form + ": " + text));
        }
        assertEquals(List.of(), hits);
    }

    private static List<TranscriptEntry.Operator> operatorRows(WorkspaceViewModel vm) {
        return vm.front().transcript().entries().stream().filter(TranscriptEntry.Operator.class::isInstance)
                .map(TranscriptEntry.Operator.class::cast).toList();
    }

}
