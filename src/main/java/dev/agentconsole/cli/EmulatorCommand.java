package dev.agentconsole.cli;

import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ScriptClock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = {"Serves the agent emulator (H Agent Platform v2 API) on a loopback port until stopped.",
                "Prints its base URL, its demo token and a ready demo session."})
final class EmulatorCommand implements Callable<Integer> {

    /** Set this to fix the demo token across restarts (scripts); otherwise a fresh one is made. */
    static final String TOKEN_VARIABLE = "AGENT_CONSOLE_EMULATOR_TOKEN";

    @ParentCommand
    RootCommand parent;

    @Option(names = "--port", paramLabel = "N", description = "Loopback port to listen on (default 8377; 0 = any free port).")
    int port = 8377;

    @Option(names = "--step-ms", paramLabel = "MS", description = "Milliseconds between the scripted agents' steps (default 900).")
    long stepMillis = 900;

    @Override
    public Integer call() throws InterruptedException {
        CliContext ctx = parent.context();
        if (port < 0 || port > 65535) {
            throw new dev.agentconsole.agent.InvalidInputException("--port must be 0 to 65535, got " + port);
        }
        if (stepMillis < 1 || stepMillis > 60_000) {
            throw new dev.agentconsole.agent.InvalidInputException("--step-ms must be 1 to 60000, got " + stepMillis);
        }
        String token = ctx.environment().getOrDefault(TOKEN_VARIABLE, "");
        Emulator emulator;
        try {
            emulator = Emulator.start(port, token.isBlank() ? Emulator.newToken() : token.strip(),
                    ScriptClock.ticking(Duration.ofMillis(stepMillis)));
        } catch (java.io.UncheckedIOException e) {
            throw new dev.agentconsole.agent.InvalidInputException(e.getMessage() + " (is another emulator running? try --port 0)");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        String session = emulator.createDemoSession();
        ctx.out().println("Agent emulator (H Agent Platform v2) serving at " + emulator.baseUrl());
        ctx.out().println("token:        " + emulator.token());
        ctx.out().println("demo session: " + session);
        ctx.out().println();
        ctx.out().println("Try, in another terminal:");
        ctx.out().println("  export HAI_API_KEY=" + emulator.token());
        ctx.out().println("  agent-console watch --provider hcompany --base-url " + emulator.baseUrl() + " --session " + session);
        ctx.out().println("  agent-console send  --provider hcompany --base-url " + emulator.baseUrl() + " --session " + session
                + " \"the cheaper one, please\"");
        ctx.out().println();
        ctx.out().println("Stop with Ctrl+C.");
        ctx.out().flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
