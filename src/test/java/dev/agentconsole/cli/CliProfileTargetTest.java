package dev.agentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ReceivedMessage;
import dev.agentconsole.emulator.ScriptClock;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --profile NAME} on send, watch, chat and the window: the profile's server, caller id and key; exit 2 when it is not there. */
class CliProfileTargetTest {

    @TempDir
    Path data;

    Emulator emulator;
    String session;

    @BeforeEach
    void start() {
        emulator = Emulator.start(0, ScriptClock.ticking(Duration.ofMillis(20)));
        session = emulator.createDemoSession();
        CliRun add = CliRun.of(Map.of(), "profile", "add", "emu", "--provider", "hcompany", "--base-url", emulator.baseUrl(),
                "--caller-id", "ops-desk", "--agent", "emu-agent", "--data-dir", data.toString());
        assertEquals(0, add.code(), add.err());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private Map<String, String> key() {
        return Map.of("HAI_API_KEY", emulator.token());
    }

    @Test
    void sendWithAProfileReachesItsBaseUrlWithItsCallerId() {
        CliRun run = CliRun.of(key(), "send", "--profile", "EMU", "--session", session, "--data-dir", data.toString(), "hello");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("accepted: 1 message"), run.out());
        assertTrue(run.err().contains("profile 'emu': the key comes from HAI_API_KEY (the environment wins over the keychain)"),
                run.err());
        List<ReceivedMessage> received = emulator.receivedMessages(session);
        assertEquals(1, received.size());
        assertEquals("hello", received.get(0).text());
        assertEquals("ops-desk", received.get(0).callerId());
        assertFalse((run.out() + run.err()).contains(emulator.token()));
    }

    @Test
    void theCommandsOwnCallerIdWinsOverTheProfiles() {
        CliRun run = CliRun.of(key(), "--data-dir", data.toString(), "send", "--profile", "emu", "--session", session,
                "--caller-id", "night-shift", "hi");
        assertEquals(0, run.code(), run.err());
        assertEquals("night-shift", emulator.receivedMessages(session).get(0).callerId());
    }

    @Test
    void watchWithAProfileReadsFromItsBaseUrl() {
        CliRun run = CliRun.of(key(), "watch", "--profile", "emu", "--session", session, "--data-dir", data.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Which one should I book"), run.out());
    }

    @Test
    void withoutAKeyTheProfileIsNamedAndNothingIsSent() {
        long before = emulator.requestCount();
        CliRun run = CliRun.of(Map.of(), "send", "--profile", "emu", "--session", session, "--data-dir", data.toString(), "hi");
        assertEquals(ExitCodes.BAD_INPUT, run.code(), run.err());
        assertTrue(run.err().contains("no API key for profile 'emu' (H Agent Platform): set HAI_API_KEY (or H_API_KEY)"),
                run.err());
        assertEquals(before, emulator.requestCount());
    }

    @Test
    void anUnknownProfileIsBadInputOnEveryCommand() {
        for (String command : List.of("send", "watch", "chat")) {
            List<String> args = new ArrayList<>(List.of(command, "--profile", "nope", "--session", session,
                    "--data-dir", data.toString()));
            if (command.equals("send")) {
                args.add("hi");
            }
            CliRun run = CliRun.of(key(), args.toArray(String[]::new));
            assertEquals(ExitCodes.BAD_INPUT, run.code(), command + ": " + run.err());
            assertTrue(run.err().contains("no profile named 'nope' (see: agent-console profile list)"), run.err());
        }
        assertTrue(emulator.receivedMessages(session).isEmpty());
    }

    @Test
    void aProfileDoesNotGoWithAProviderOrABaseUrl() {
        CliRun provider = CliRun.of(key(), "send", "--profile", "emu", "--provider", "hcompany", "--session", session,
                "--data-dir", data.toString(), "hi");
        assertEquals(ExitCodes.BAD_INPUT, provider.code());
        assertTrue(provider.err().contains("--profile does not go with --provider"), provider.err());
        CliRun base = CliRun.of(key(), "watch", "--profile", "emu", "--base-url", "https://agp.hcompany.ai", "--session", session,
                "--data-dir", data.toString());
        assertEquals(ExitCodes.BAD_INPUT, base.code());
        assertTrue(base.err().contains("--profile does not go with --base-url"), base.err());
    }

    @Test
    void theDemoProfileIsTheDemo() {
        CliRun run = CliRun.of(Map.of("AGENT_CONSOLE_DEMO_STEP_MS", "30"), "send", "--profile", "demo", "--data-dir",
                data.toString(), "hi");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("demo session"), run.err());
    }

    record Opened(Optional<Provider> provider, Optional<String> baseUrl, Optional<String> callerId, Optional<String> profile,
                  Optional<Path> dataDir) {}

    @Test
    void theWindowIsToldTheProfileWithItsProviderBaseUrlAndCallerId() {
        List<Opened> opened = new ArrayList<>();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(Map.of("DISPLAY", ":0"), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true), new ByteArrayInputStream(new byte[0]),
                (provider, baseUrl, s, callerId, profile, dataDir, smoke) -> {
                    opened.add(new Opened(provider, baseUrl, callerId, profile, dataDir));
                    return 0;
                });
        assertEquals(0, Cli.run(new String[] {"--profile=Emu", "--data-dir=" + data}, context), err.toString());
        assertEquals(List.of(new Opened(Optional.of(Provider.HCOMPANY), Optional.of(emulator.baseUrl()), Optional.of("ops-desk"),
                Optional.of("emu"), Optional.of(data))), opened);
        assertEquals(ExitCodes.BAD_INPUT, Cli.run(new String[] {"--profile=nope", "--data-dir=" + data}, context));
        assertTrue(err.toString().contains("no profile named 'nope'"), err.toString());
        assertEquals(1, opened.size(), "the window did not open");
    }
}
