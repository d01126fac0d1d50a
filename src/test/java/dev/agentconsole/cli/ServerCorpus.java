package dev.agentconsole.cli;

import static dev.agentconsole.cli.ExitCodes.NETWORK;
import static dev.agentconsole.cli.ExitCodes.OK;
import static dev.agentconsole.cli.ExitCodes.REFUSED;
import static dev.agentconsole.corpus.Sent.NOTHING;
import static dev.agentconsole.corpus.Sent.ONCE;

import dev.agentconsole.corpus.Expected;
import dev.agentconsole.corpus.Sent;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The server's answers and what {@code send} and {@code watch} must make of each (run by
 * {@link ServerCorpusTest}). Most rows are {@code emulator --fault} specs; a few need words no
 * emulator says (terminal escapes, odd bodies, huge answers) and script an H server instead.
 */
public final class ServerCorpus {

    static final String H_SEND = ",route=POST /api/v2/sessions/{id}/messages";
    static final String H_CHANGES = ",route=GET /api/v2/sessions/{id}/changes";
    static final String H_STATUS = ",route=GET /api/v2/sessions/{id}/status";
    static final String AGI_SEND = ",route=POST /v1/sessions/{id}/message";
    static final String AGI_MESSAGES = ",route=GET /v1/sessions/{id}/messages";
    static final String AGI_STATUS = ",route=GET /v1/sessions/{id}/status";
    static final String ALWAYS = ",times=-1";
    /** Control characters a hostile server might send: OSC 0 (title), CSI 2J (clear), OSC 52 (clipboard), C1 CSI, BEL. */
    static final String HOSTILE = "\"\\u001b]0;owned\\u0007 \\u001b[2J \\u001b]52;c;aGk=\\u0007 \\u009b31m\"";

    private ServerCorpus() {}

    public static List<ServerRow> rows() {
        return List.of(
                // H: what a send gets back
                h("400 to a send", "send hello", REFUSED, "invalid (HTTP 400)", NOTHING, "status=400" + H_SEND),
                h("401 to a send", "send hello", REFUSED, "unauthorized: the API key was refused", NOTHING, "status=401" + H_SEND),
                h("402 to a send", "send hello", REFUSED, "budget exhausted (HTTP 402)", NOTHING, "status=402" + H_SEND),
                h("403 to a send", "send hello", REFUSED, "forbidden", NOTHING, "status=403" + H_SEND),
                h("404 to a send", "send hello", REFUSED, "session not found", NOTHING, "status=404" + H_SEND),
                h("409 to a send", "send hello", REFUSED, "conflict (HTTP 409)", NOTHING, "status=409" + H_SEND),
                h("413 to a send", "send hello", REFUSED, "invalid (HTTP 413)", NOTHING, "status=413" + H_SEND),
                h("418 to a send", "send hello", REFUSED, "unexpected answer from the server (HTTP 418)", NOTHING,
                        "status=418" + H_SEND),
                h("422 to a send", "send hello", REFUSED, "invalid (HTTP 422)", NOTHING, "status=422" + H_SEND),
                h("301 with nowhere to go", "send hello", REFUSED, "(HTTP 301)", NOTHING, "status=301" + H_SEND),
                h("429 that never ends", "send hello", NETWORK, "the server is busy, try again later", NOTHING,
                        "status=429,retry-after=0" + H_SEND + ALWAYS),
                h("429 once", "send hello", OK, "accepted", ONCE, "status=429" + H_SEND),
                h("429 asking for two minutes", "send hello", NETWORK, "it asks for 120 s", NOTHING,
                        "status=429,retry-after=120" + H_SEND),
                h("503 until a date long past", "send hello", OK, "accepted", ONCE,
                        "status=503,retry-after=\"Tue, 01 Jan 2019 00:00:00 GMT\"" + H_SEND),
                h("503 until a date far ahead", "send hello", NETWORK, "server unavailable (HTTP 503)", NOTHING,
                        "status=503,retry-after=\"Fri, 31 Dec 2100 23:59:59 GMT\"" + H_SEND),
                h("408 once", "send hello", OK, "accepted", ONCE, "status=408" + H_SEND),
                h("500 once", "send hello", OK, "accepted", ONCE, "status=500" + H_SEND),
                h("500 that never ends", "send hello", NETWORK, "server unavailable (HTTP 500)", NOTHING,
                        "status=500,retry-after=0" + H_SEND + ALWAYS),
                h("501 that never ends", "send hello", NETWORK, "(HTTP 501)", NOTHING, "status=501,retry-after=0" + H_SEND + ALWAYS),
                h("502 that never ends", "send hello", NETWORK, "(HTTP 502)", NOTHING, "status=502,retry-after=0" + H_SEND + ALWAYS),
                h("503 twice", "send hello", OK, "accepted", ONCE, "status=503,retry-after=0" + H_SEND + ",times=2"),
                h("504 that never ends", "send hello", NETWORK, "(HTTP 504)", NOTHING, "status=504,retry-after=0" + H_SEND + ALWAYS),
                h("dropped after the send was read", "send hello", NETWORK, "uncertain", ONCE, "drop" + H_SEND),
                h("a batch dropped after it was read", "send --batch one two", NETWORK, "uncertain", ONCE, "drop" + H_SEND)
                        .arriving("one", "two"),
                h("a slow answer to a send", "send hello", OK, "accepted", ONCE, "delay-ms=200" + H_SEND),
                h("a dripped answer to a send", "send hello", OK, "accepted", ONCE, "slow-body=5" + H_SEND),
                h("JSON cut short on a send's empty answer", "send hello", OK, "accepted", ONCE, "malformed-json" + H_SEND),
                // AGI: what a send gets back
                agi("400 to an AGI send", "send hello", REFUSED, "invalid (HTTP 400)", NOTHING, "status=400" + AGI_SEND),
                agi("401 to an AGI send", "send hello", REFUSED, "unauthorized", NOTHING, "status=401" + AGI_SEND),
                agi("404 to an AGI send", "send hello", REFUSED, "session not found", NOTHING, "status=404" + AGI_SEND),
                agi("429 that never ends on AGI", "send hello", NETWORK, "rate limited (HTTP 429)", NOTHING,
                        "status=429,retry-after=0" + AGI_SEND + ALWAYS),
                agi("503 once on AGI", "send hello", OK, "accepted", ONCE, "status=503,retry-after=0" + AGI_SEND),
                agi("AGI send dropped after it was read", "send hello", NETWORK, "uncertain", ONCE, "drop" + AGI_SEND),
                agi("AGI's answer to a send cut short", "send hello", OK, "accepted", ONCE, "malformed-json" + AGI_SEND),
                agi("an AGI batch whose first line is refused", "send --batch one two", REFUSED,
                        "no line was accepted; line 1 of 2 failed", NOTHING, "status=422" + AGI_SEND),
                agi("an AGI batch whose first line is dropped", "send --batch one two", NETWORK, "line 2 was not sent", ONCE,
                        "drop" + AGI_SEND).arriving("one"),
                // H: what a read gets back
                h("500 once to a read", "watch", OK, "is idle", NOTHING, "status=500" + H_CHANGES),
                h("503 to every read", "watch", NETWORK, "server unavailable (HTTP 503)", NOTHING,
                        "status=503,retry-after=0" + H_CHANGES + ALWAYS),
                h("429 to every read", "watch", NETWORK, "rate limited (HTTP 429)", NOTHING,
                        "status=429,retry-after=0" + H_CHANGES + ALWAYS),
                h("401 to a read", "watch", REFUSED, "unauthorized", NOTHING, "status=401" + H_CHANGES),
                h("404 to a read", "watch", REFUSED, "session not found", NOTHING, "status=404" + H_CHANGES),
                h("JSON cut short once", "watch", OK, "is idle", NOTHING, "malformed-json" + H_CHANGES),
                h("JSON cut short every time", "watch", NETWORK, "cut short", NOTHING, "malformed-json" + H_CHANGES + ALWAYS),
                h("a read dropped once", "watch", OK, "is idle", NOTHING, "drop" + H_CHANGES),
                h("a read dropped every time", "watch", NETWORK, "did not answer whole in 4 tries", NOTHING,
                        "drop" + H_CHANGES + ALWAYS),
                h("a read dripped slowly", "watch", OK, "is idle", NOTHING, "slow-body=1" + H_CHANGES),
                h("a slow read", "watch", OK, "is idle", NOTHING, "delay-ms=300" + H_CHANGES),
                h("an unknown event", "watch", OK, "EmulatorMysteryEvent", NOTHING, "unknown-event" + H_CHANGES),
                h("an unknown event as JSON", "watch --json", OK, "\"type\":\"EmulatorMysteryEvent\"", NOTHING,
                        "unknown-event" + H_CHANGES),
                h("every event H defines", "watch", OK, "is idle", NOTHING, "every-event" + H_CHANGES),
                h("an eager long poll", "watch", OK, "is idle", NOTHING, "eager" + H_CHANGES + ALWAYS),
                h("503 once to the status", "watch", OK, "is idle", NOTHING, "status=503,retry-after=0" + H_STATUS),
                h("the status cut short once", "watch", OK, "is idle", NOTHING, "malformed-json" + H_STATUS),
                h("the status dropped once", "watch", OK, "is idle", NOTHING, "drop" + H_STATUS),
                h("404 to the status", "watch", REFUSED, "session not found", NOTHING, "status=404" + H_STATUS),
                // AGI: what a read gets back
                agi("AGI messages cut short once", "watch", OK, "is finished", NOTHING, "malformed-json" + AGI_MESSAGES),
                agi("AGI messages cut short every time", "watch", NETWORK, "cut short", NOTHING,
                        "malformed-json" + AGI_MESSAGES + ALWAYS),
                agi("AGI messages dropped every time", "watch", NETWORK, "did not answer whole", NOTHING,
                        "drop" + AGI_MESSAGES + ALWAYS),
                agi("an unknown AGI message", "watch", OK, "MYSTERY", NOTHING, "unknown-event" + AGI_MESSAGES),
                agi("403 to an AGI read", "watch", REFUSED, "forbidden", NOTHING, "status=403" + AGI_MESSAGES),
                agi("500 once to an AGI read", "watch", OK, "is finished", NOTHING, "status=500,retry-after=0" + AGI_MESSAGES),
                agi("the AGI status dropped once", "watch", OK, "is finished", NOTHING, "drop" + AGI_STATUS),
                // words and bodies no emulator says
                scripted("escapes in a thought", s -> s.thought(HOSTILE), "watch", OK, "\\e]0;owned\\x07 \\e[2J", NOTHING),
                scripted("escapes in the final status", s -> s.status("failed", HOSTILE), "watch", OK,
                        "is failed: \\e]0;owned\\x07", NOTHING),
                scripted("C1 controls in JSON lines", s -> s.thought(HOSTILE), "watch --json", OK, "\\u009b31m", NOTHING),
                scripted("escapes in an unknown event's type", s -> s.event("{\"type\":\"Mystery\\u001b[31m\",\"data\":{}}"),
                        "watch", OK, "Mystery\\e[31m", NOTHING),
                scripted("escapes in a refusal", s -> s.answer("POST messages", FakeH.status(400, "{\"message\":" + HOSTILE + "}")),
                        "send hello", REFUSED, "\\e]52;c;aGk=\\x07", NOTHING),
                scripted("a plain-text 503 with a bell", s -> s.answer("POST messages", times(4, () -> FakeH.status(503,
                        "busy\u0007 \u001b[5m"))), "send hello", NETWORK, "busy\\x07 \\e[5m", NOTHING),
                scripted("a refusal one megabyte long", s -> s.answer("POST messages", FakeH.status(400,
                        "{\"message\":\"" + "no ".repeat(350_000) + "\"}")), "send hello", REFUSED, "invalid (HTTP 400)", NOTHING),
                scripted("two thousand thoughts in one answer", ServerCorpus::manyThoughts, "watch", OK, "thought 1999", NOTHING),
                scripted("an HTML page once instead of JSON", s -> s.answer("GET changes", FakeH.json("<html>proxy</html>")),
                        "watch", OK, "is idle", NOTHING),
                scripted("an HTML page every time", s -> s.answer("GET changes", times(4, () -> FakeH.json("<html>proxy</html>"))),
                        "watch", NETWORK, "the answer is not JSON (it stops being JSON at byte 0", NOTHING),
                scripted("whole JSON of the wrong shape", s -> s.answer("GET changes", FakeH.json("[1, 2]")), "watch", REFUSED,
                        "not the JSON H documents", NOTHING),
                scripted("an empty 200 to a read", s -> s.answer("GET changes", FakeH.json("")), "watch", OK, "is idle", NOTHING),
                scripted("402 with the budget in detail", s -> s.answer("POST messages", FakeH.status(402,
                        "{\"message\":\"Token budget exhausted\",\"detail\":{\"limit\":100,\"used\":100}}")),
                        "send hello", REFUSED, "used 100 of 100", NOTHING),
                scripted("422 with a list of details", s -> s.answer("POST messages", FakeH.status(422,
                        "{\"detail\":[{\"loc\":[\"body\",\"message\"],\"msg\":\"too long\",\"type\":\"value_error\"}]}")),
                        "send hello", REFUSED, "too long", NOTHING),
                scripted("a 202 with a body no one asked for", s -> s.answer("POST messages", FakeH.status(202, "{\"x\":")),
                        "send hello", OK, "accepted", ONCE));
    }

    private static ServerRow h(String name, String command, int exit, String says, Sent sent, String... faults) {
        return new ServerRow(name, new ServerRow.Server.Emulated(false, Arrays.asList(faults)), command,
                Expected.exit(exit, says, sent));
    }

    private static ServerRow agi(String name, String command, int exit, String says, Sent sent, String... faults) {
        return new ServerRow(name, new ServerRow.Server.Emulated(true, Arrays.asList(faults)), command,
                Expected.exit(exit, says, sent));
    }

    private static ServerRow scripted(String name, Consumer<FakeH> script, String command, int exit, String says, Sent sent) {
        return new ServerRow(name, new ServerRow.Server.Scripted(script), command, Expected.exit(exit, says, sent));
    }

    /** The same answer {@code n} times over, each its own (a body is read once). */
    private static mockwebserver3.MockResponse[] times(int n, java.util.function.Supplier<mockwebserver3.MockResponse> answer) {
        return java.util.stream.Stream.generate(answer).limit(n).toArray(mockwebserver3.MockResponse[]::new);
    }

    private static void manyThoughts(FakeH server) {
        for (int i = 0; i < 2000; i++) {
            server.thought("\"" + "a long line of reasoning ".repeat(40) + "thought " + i + "\"");
        }
    }
}
