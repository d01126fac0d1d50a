package dev.agentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.Provider;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** With no command the window opens; what it is told comes from the options, checked first. */
class CliWindowOptionsTest {

    record Opened(Optional<Provider> provider, Optional<String> baseUrl, Optional<String> session) {}

    final List<Opened> opened = new ArrayList<>();
    final StringWriter err = new StringWriter();

    private int run(String... args) {
        CliContext context = new CliContext(Map.of("HAI_API_KEY", "hk-1", "AGI_API_KEY", "agi-1", "DISPLAY", ":0"),
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), new ByteArrayInputStream(new byte[0]),
                (provider, baseUrl, session, callerId, profile, dataDir, smoke) -> {
                    opened.add(new Opened(provider, baseUrl, session));
                    return 0;
                });
        return Cli.run(args, context);
    }

    @Test
    void aRealProviderWithoutASessionOpensTheWindowToPickOne() {
        assertEquals(0, run("--provider", "hcompany"), err.toString());
        assertEquals(List.of(new Opened(Optional.of(Provider.HCOMPANY), Optional.empty(), Optional.empty())), opened);
    }

    @Test
    void agiWithABaseUrlAndNoSessionOpensTheWindowToo() {
        assertEquals(0, run("--provider=agi", "--base-url=http://127.0.0.1:8377"), err.toString());
        assertEquals(List.of(new Opened(Optional.of(Provider.AGI), Optional.of("http://127.0.0.1:8377"), Optional.empty())), opened);
    }

    @Test
    void aSessionGivenIsStillCheckedBeforeTheWindowOpens() {
        assertEquals(ExitCodes.BAD_INPUT, run("--provider", "hcompany", "--session", "not-a-uuid"));
        assertTrue(err.toString().contains("is not a UUID"), err.toString());
        assertTrue(opened.isEmpty());
    }

    @Test
    void theDemoStillRefusesASession() {
        assertEquals(ExitCodes.BAD_INPUT, run("--session", "3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b"));
        assertTrue(err.toString().contains("--session does not go with --provider demo"), err.toString());
        assertTrue(opened.isEmpty());
    }

    @Test
    void sendStillNeedsASession() {
        assertEquals(ExitCodes.BAD_INPUT, run("send", "--provider", "hcompany", "hi"));
        assertTrue(err.toString().contains("--session is required with --provider hcompany"), err.toString());
    }
}
