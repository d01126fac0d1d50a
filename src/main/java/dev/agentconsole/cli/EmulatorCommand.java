package dev.agentconsole.cli;

import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.Faults;
import java.util.ArrayList;
import java.util.List;
import dev.agentconsole.emulator.ScriptClock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = {"Serves the agent emulator (H Agent Platform v2 and AGI Inc v1 APIs) on a loopback port until stopped.",
                "Prints its base URL, its demo token and a ready demo session for each API."})
final class EmulatorCommand implements Callable<Integer> {

    /** Set this to fix the demo token across restarts (scripts); otherwise a fresh one is made. */
    static final String TOKEN_VARIABLE = "AGENT_CONSOLE_EMULATOR_TOKEN";

    @ParentCommand
    RootCommand parent;

    @Option(names = "--port", paramLabel = "N", description = "Loopback port to listen on (default 8377; 0 = any free port).")
    int port = 8377;

    @Option(names = "--step-ms", paramLabel = "MS", description = "Milliseconds between the scripted agents' steps (default 900).")
    long stepMillis = 900;

    @Option(names = "--heartbeat-ms", paramLabel = "MS", description = "Milliseconds between SSE heartbeats on AGI streams (default 30000).")
    long heartbeatMillis = 30_000;

    @Option(names = "--fault", paramLabel = "SPEC", description = {
            "Inject a fault; repeatable. SPEC is comma-separated: one of status=N[,retry-after=S|HTTP-date], delay-ms=N, "
                    + "slow-body[=MS], drop, malformed-json, unknown-event, every-event, sse-close, eager, echo-key; then route=METHOD PATH (default *), "
                    + "session=ID, times=N (default 1, -1 for every request). A value in double quotes may hold commas.",
            "e.g. --fault 'status=503,retry-after=2,route=POST /api/v2/sessions/{id}/messages,times=2'",
            "or   --fault 'status=429,retry-after=\"Wed, 21 Oct 2026 07:28:00 GMT\"'"})
    List<String> faults = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        CliContext ctx = parent.context();
        if (port < 0 || port > 65535) {
            throw new dev.agentconsole.agent.InvalidInputException("--port must be 0 to 65535, got " + port);
        }
        if (stepMillis < 1 || stepMillis > 60_000) {
            throw new dev.agentconsole.agent.InvalidInputException("--step-ms must be 1 to 60000, got " + stepMillis);
        }
        if (heartbeatMillis < 10 || heartbeatMillis > 600_000) {
            throw new dev.agentconsole.agent.InvalidInputException("--heartbeat-ms must be 10 to 600000, got " + heartbeatMillis);
        }
        List<Faults.Rule> rules = new ArrayList<>();
        for (String spec : faults) {
            try {
                rules.add(Faults.parse(spec));
            } catch (IllegalArgumentException e) {
                throw new dev.agentconsole.agent.InvalidInputException("--fault: " + e.getMessage());
            }
        }
        String token = ctx.environment().getOrDefault(TOKEN_VARIABLE, "");
        dev.agentconsole.agent.http.ApiToken.problemWith(token.strip()).ifPresent(p -> { // clients could not send it
            throw new dev.agentconsole.agent.InvalidInputException(TOKEN_VARIABLE + " has " + p);
        });
        Emulator emulator;
        try {
            emulator = Emulator.start(port, token.isBlank() ? Emulator.newToken() : token.strip(),
                    ScriptClock.ticking(Duration.ofMillis(stepMillis)));
        } catch (java.io.UncheckedIOException e) {
            throw new dev.agentconsole.agent.InvalidInputException(e.getMessage() + " (is another emulator running? try --port 0)");
        }
        emulator.heartbeatEvery(Duration.ofMillis(heartbeatMillis));
        rules.forEach(emulator.faults()::add);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        String session = emulator.createDemoSession();
        String agiSession = emulator.createAgiDemoSession();
        ctx.out().println("Agent emulator (H Agent Platform v2 and AGI Inc v1) serving at " + emulator.baseUrl());
        ctx.out().println("token:            " + emulator.token());
        ctx.out().println("H demo session:   " + session);
        ctx.out().println("AGI demo session: " + agiSession);
        if (!rules.isEmpty()) {
            ctx.out().println("faults:           " + rules.size() + " rule(s) armed");
        }
        ctx.out().println();
        String me = Invocation.command(); // what works to paste: the launcher, or java -jar from the jar
        ctx.out().println("Try, in another terminal:");
        ctx.out().println("  export HAI_API_KEY=" + emulator.token());
        ctx.out().println("  " + me + " watch --provider hcompany --base-url " + emulator.baseUrl() + " --session " + session);
        ctx.out().println("  " + me + " send  --provider hcompany --base-url " + emulator.baseUrl() + " --session " + session
                + " \"the cheaper one, please\"");
        ctx.out().println("  AGI_API_KEY=" + emulator.token() + " " + me + " watch --provider agi --base-url "
                + emulator.baseUrl() + " --session " + agiSession);
        ctx.out().println();
        ctx.out().println("Stop with Ctrl+C.");
        ctx.out().flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
