package dev.agentconsole.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.session.ConnectionState;
import dev.agentconsole.ui.EmulatorConnector;
import dev.agentconsole.ui.UiThread;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The window's part of the bad-input corpus: what an operator can type into the ViewModels (session
 * id, base URL, key, message, start URL, caller id, queue lines), each with the visible error it
 * must get and "nothing sent". Rows are data: add one to {@link #rows()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class WindowBadInputCorpusTest {

    /** The rows' names, for the corpus as a whole ({@code corpus/CorpusSizeTest}). */
    public static java.util.List<String> rowNames() {
        return rows().map(Row::toString).toList();
    }

    static final Duration WAIT = Duration.ofSeconds(10);

    /** Where the operator types, and what the window does with it. */
    enum Field { SESSION_ID, BASE_URL, KEY, MESSAGE, QUEUE_LINE, START_URL, CALLER_ID }

    /** One bad input: the provider it is typed for, the field, the value, and a words the error must contain. */
    record Row(String name, Provider provider, Field field, String value, String says) {
        @Override
        public String toString() {
            return provider + " " + field + ": " + name;
        }
    }

    static Row row(String name, Provider p, Field f, String value, String says) {
        return new Row(name, p, f, value, says);
    }

    static final String UUID_TEXT = "3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b";

    static Stream<Row> rows() {
        Provider h = Provider.HCOMPANY;
        Provider agi = Provider.AGI;
        return Stream.of(
                // ---- session id: refused before anything is sent
                row("not a UUID", h, Field.SESSION_ID, "not-a-session", "UUID"),
                row("a UUID cut short", h, Field.SESSION_ID, "3f2b8c1e-0a4d-4e5f-9b6a", "UUID"),
                row("a UUID with a space inside", h, Field.SESSION_ID, "3f2b8c1e-0a4d 4e5f-9b6a-7c8d9e0f1a2b", "UUID"),
                row("a UUID with a letter past f", agi, Field.SESSION_ID, "3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2g", "UUID"),
                row("SQL", h, Field.SESSION_ID, "'; DROP TABLE outbox; --", "UUID"),
                row("ten thousand characters", agi, Field.SESSION_ID, "a".repeat(10_000), "UUID"),
                row("a control character", h, Field.SESSION_ID, UUID_TEXT + "\u0007", "UUID"),
                row("an emoji", agi, Field.SESSION_ID, "🙂" + UUID_TEXT, "UUID"),
                row("unicode dashes", h, Field.SESSION_ID, UUID_TEXT.replace('-', '\u2010'), "UUID"),
                // ---- base URL (the key must never go over plain http elsewhere)
                row("plain http to another machine", h, Field.BASE_URL, "http://agp.eu.hcompany.ai", "plain http"),
                row("plain http to a private address", agi, Field.BASE_URL, "http://192.168.1.20:8080", "plain http"),
                row("plain http to a *.localhost name", h, Field.BASE_URL, "http://evil.localhost:8080", "plain http"),
                row("not a URL", h, Field.BASE_URL, "agp.eu.hcompany.ai", "not an http"),
                row("ftp", agi, Field.BASE_URL, "ftp://api.agi.tech", "not an http"),
                row("javascript", h, Field.BASE_URL, "javascript:alert(1)", "not an http"),
                row("a query", h, Field.BASE_URL, "https://agp.eu.hcompany.ai/?token=x", "query"),
                row("a fragment", agi, Field.BASE_URL, "https://api.agi.tech/#x", "fragment"),
                // ---- key typed into the field
                row("a line break inside", h, Field.KEY, "hk-abc\ndef", "line break at character 7"),
                row("a non-ASCII letter", agi, Field.KEY, "hk-ключ", "not ASCII"),
                row("a no-break space", h, Field.KEY, "hk-abc\u00a0def", "not ASCII"),
                row("a space inside", agi, Field.KEY, "hk-abc def", "a space at character 7"),
                row("a control character", agi, Field.KEY, "hk-abc\u0001def", "control character"),
                // ---- the message
                row("empty", h, Field.MESSAGE, "", "empty"),
                row("only spaces and newlines", agi, Field.MESSAGE, "  \n\t ", "white space"),
                row("over AGI's 10,000 characters", agi, Field.MESSAGE, "x".repeat(10_001), "10,000"),
                row("a lone surrogate (not valid UTF-8)", agi, Field.MESSAGE, "half \uD83D of a face", "UTF-8"),
                row("over H's 5,000,000-byte request", h, Field.MESSAGE, "y".repeat(5_000_001), "5,000,000 bytes"),
                row("multi-byte text over H's request", h, Field.MESSAGE, "é".repeat(2_500_001), "5,000,000 bytes"),
                // ---- queue lines
                row("a blank line", h, Field.QUEUE_LINE, "   ", "white space"),
                row("a queue line over AGI's limit", agi, Field.QUEUE_LINE, "z".repeat(10_001), "10,000"),
                // ---- start URL (AGI)
                row("ftp start URL", agi, Field.START_URL, "ftp://example.com/file", "http"),
                row("javascript start URL", agi, Field.START_URL, "javascript:alert(1)", "http"),
                row("a start URL with no host", agi, Field.START_URL, "https://", "not a valid URL"),
                row("a start URL over 2,000 characters", agi, Field.START_URL, "https://example.com/" + "p".repeat(2_000), "2,000"),
                row("a start URL with spaces", agi, Field.START_URL, "https://example .com", "not a valid URL"),
                // ---- caller id (H)
                row("a caller id with a newline", h, Field.CALLER_ID, "ops\nroot", "control character"),
                row("a caller id with a tab", h, Field.CALLER_ID, "ops\troot", "control character"));
    }

    Emulator emulator;
    EmulatorConnector connector;
    UiThread ui;
    ExecutorService io;

    @BeforeAll
    void start() {
        emulator = Emulator.start(0, ScriptClock.manual());
        connector = new EmulatorConnector(emulator);
        ui = new UiThread();
        io = Executors.newCachedThreadPool();
    }

    @AfterAll
    void stop() {
        ui.close();
        io.shutdownNow();
        connector.close();
        emulator.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachBadInputGetsAVisibleErrorAndNothingIsSent(Row row) {
        WorkspaceViewModel vm = ui.call(() -> new WorkspaceViewModel(connector, ui, io, Instant::now, dev.agentconsole.ui.workspace.Notifier.NONE));
        long before = emulator.requestCount();
        try {
            String session = row.provider() == Provider.AGI ? emulator.createAgiSession() : emulator.createDemoSession();
            boolean needsBinding = row.field().ordinal() >= Field.MESSAGE.ordinal();
            ui.run(() -> {
                vm.form().providerProperty().set(row.provider());
                vm.form().baseUrlProperty().set(row.field() == Field.BASE_URL ? row.value() : emulator.baseUrl());
                vm.form().tokenProperty().set(row.field() == Field.KEY ? row.value() : emulator.token());
                vm.form().sessionTextProperty().set(row.field() == Field.SESSION_ID ? row.value() : session);
                vm.form().connect();
            });
            if (needsBinding) {
                ui.await("live", WAIT, () -> vm.front() != null && vm.front().stateProperty().get() == ConnectionState.LIVE);
                before = emulator.requestCount("POST /api/v2/sessions/{id}/messages") + emulator.requestCount("POST /v1/sessions/{id}/message");
                ui.run(() -> {
                    switch (row.field()) {
                        case MESSAGE -> vm.front().composer().textProperty().set(row.value());
                        case QUEUE_LINE -> vm.front().composer().textProperty().set(row.value());
                        case START_URL -> {
                            vm.front().composer().textProperty().set("go there");
                            vm.front().composer().startUrlProperty().set(row.value());
                        }
                        case CALLER_ID -> {
                            vm.front().composer().textProperty().set("from ops");
                            vm.front().composer().callerIdProperty().set(row.value());
                        }
                        default -> throw new IllegalStateException();
                    }
                    if (row.field() == Field.QUEUE_LINE) {
                        vm.front().composer().addToQueue();
                    } else {
                        vm.front().send();
                    }
                });
                String problem = ui.call(() -> vm.front().composer().problemProperty().get());
                assertTrue(problem.toLowerCase().contains(row.says().toLowerCase()), row + " says: '" + problem + "'");
                long sends = emulator.requestCount("POST /api/v2/sessions/{id}/messages") + emulator.requestCount("POST /v1/sessions/{id}/message");
                assertEquals(before, sends, "nothing sent");
                assertEquals(0, emulator.receivedMessages(session).size(), "nothing arrived");
                if (row.field() != Field.QUEUE_LINE) {
                    assertEquals(row.value(), ui.call(() -> field(vm, row.field())), "what was typed is kept");
                }
            } else {
                ui.await("an error", WAIT, () -> !visibleError(vm).isEmpty() && !vm.form().busyProperty().get());
                String error = ui.call(() -> visibleError(vm));
                assertTrue(error.toLowerCase().contains(row.says().toLowerCase()), row + " says: '" + error + "'");
                assertTrue(ui.call(() -> vm.front() == null || vm.front().stateProperty().get() != ConnectionState.LIVE), "not bound");
                assertEquals(0, emulator.receivedMessages(session).size(), "nothing sent");
            }
        } finally {
            ui.run(vm::close);
        }
    }

    private static String field(WorkspaceViewModel vm, Field f) {
        return switch (f) {
            case MESSAGE -> vm.front().composer().textProperty().get();
            case START_URL -> vm.front().composer().startUrlProperty().get();
            case CALLER_ID -> vm.front().composer().callerIdProperty().get();
            default -> "";
        };
    }

    /** What the window shows: the session field's problem, or the notice under the bar. */
    private static String visibleError(WorkspaceViewModel vm) {
        String session = vm.form().sessionProblemProperty().get();
        return session != null && !session.isEmpty() ? session : vm.form().noticeProperty().get();
    }

}
