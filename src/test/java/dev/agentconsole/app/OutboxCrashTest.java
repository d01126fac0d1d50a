package dev.agentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.Faults;
import dev.agentconsole.emulator.ReceivedMessage;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.store.OutboxRow;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.store.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's crash test: the console queues 100 messages, is killed with SIGKILL in the middle of
 * sending, and starts again on the same data folder. Every message ends ACCEPTED or SEEN exactly
 * once, or UNCERTAIN; the emulator sees no duplicate the console did not flag; none is lost; the
 * draft typed before the kill is back.
 */
class OutboxCrashTest {

    private static final int COUNT = 100;

    @TempDir
    Path data;

    @Test
    void aKilledConsoleLosesNothingAndSendsNothingTwiceUnflagged() throws Exception {
        try (Emulator emulator = Emulator.start(0, ScriptClock.ticking(Duration.ofMillis(50)))) {
            String session = emulator.createDemoSession();
            // each send takes a while, so the kill lands in the middle of them
            emulator.faults().add(Faults.Rule.on("POST /api/v2/sessions/{id}/messages",
                    new Faults.Fault.Delay(Duration.ofMillis(40)), Integer.MAX_VALUE));

            Process first = start("send", emulator, session, String.valueOf(COUNT));
            BufferedReader out = reader(first);
            assertEquals("QUEUED " + COUNT, readLineStartingWith(out, "QUEUED"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (emulator.receivedMessages(session).size() < 30 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            int beforeKill = emulator.receivedMessages(session).size();
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            first.waitFor(10, TimeUnit.SECONDS);
            assertTrue(beforeKill >= 30 && beforeKill < COUNT, "killed in the middle of sending: " + beforeKill);

            Process second = start("resume", emulator, session);
            BufferedReader again = reader(second);
            String draft = null;
            List<String> lines = new ArrayList<>();
            for (String line = again.readLine(); line != null && !line.equals("DONE"); line = again.readLine()) {
                lines.add(line);
                if (line.startsWith("DRAFT ")) {
                    draft = line.substring(6);
                }
            }
            assertTrue(second.waitFor(30, TimeUnit.SECONDS), "the second run ends");
            assertEquals(0, second.exitValue(), String.join("\n", lines));
            // the outbox as the console left it on disk
            Map<String, String> states = new HashMap<>();
            try (Store store = Store.open(data)) {
                for (OutboxRow row : store.outbox(SessionKey.of(Provider.HCOMPANY, session),
                        List.of("QUEUED", "SENDING", "ACCEPTED", "SEEN", "FAILED", "UNCERTAIN", "DROPPED"))) {
                    assertEquals(null, states.put(row.outgoing().messages().get(0).text(), row.state()), "one row per message");
                }
            }

            List<ReceivedMessage> received = emulator.receivedMessages(session);
            Map<String, Integer> arrivals = new HashMap<>();
            received.forEach(m -> arrivals.merge(m.text(), 1, Integer::sum));
            int uncertain = 0;
            for (int i = 1; i <= COUNT; i++) {
                String text = "message " + i;
                String state = states.get(text);
                assertTrue(state != null, "lost: " + text + "\n" + String.join("\n", lines));
                int arrived = arrivals.getOrDefault(text, 0);
                if (state.equals("UNCERTAIN")) {
                    uncertain++;
                    assertTrue(arrived <= 1, text + " arrived " + arrived + " times");
                } else {
                    assertTrue(state.equals("ACCEPTED") || state.equals("SEEN"), text + " ended " + state);
                    assertEquals(1, arrived, text + " arrived exactly once");
                }
            }
            assertEquals(0, emulator.duplicateCount(), "no duplicate at all: an uncertain one is the operator's to resend");
            assertTrue(uncertain <= 1, "at most the one on the wire at the kill is uncertain: " + uncertain);
            System.out.printf("crash test: %d of %d arrived before the kill; after the restart: %d uncertain, 0 lost, "
                    + "%d duplicates%n", beforeKill, COUNT, uncertain, emulator.duplicateCount());
            assertEquals(ConsoleProcess.DRAFT, draft, "the draft typed before the kill is back");
        }
    }

    private Process start(String mode, Emulator emulator, String session, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ConsoleProcess.class.getName(),
                mode, emulator.baseUrl(), emulator.token(), session, data.toString()));
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectError(data.resolve(mode + ".err").toFile()).start();
    }

    private static BufferedReader reader(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    private static String readLineStartingWith(BufferedReader in, String prefix) throws Exception {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        return null;
    }
}
