package dev.agentconsole.cli;

import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.NewSession;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.emulator.Emulator;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "agent-console", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = {"A console for operators who steer live web agents (H Agent Platform v2, AGI Inc v1).",
                "With no command: the window, bound to the session given (default: a fresh demo session on "
                        + "the embedded emulator; with --provider hcompany or agi and no --session, pick one in the window)."},
        footer = {"", "Environment: HAI_API_KEY (else H_API_KEY) for --provider hcompany, AGI_API_KEY for --provider agi. "
                + "Keys are never taken on the command line."})
final class RootCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    TargetOptions target;

    @Option(names = "--caller-id", paramLabel = "ID", description = "H caller_id for the messages you type.")
    String callerId;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the outbox, drafts and history are kept "
            + "(default: the OS's data folder; on Linux:%n~/.local/share/agentconsole).")
    java.nio.file.Path dataDir;

    @Option(names = "--smoke", description = "Check an installation end to end: open the window, send a message through "
            + "the composer, wait for the agent's reply, close; exit 0, or 1 with the reason. Uses the session the other "
            + "options name (default: a demo session).")
    boolean smoke;

    RootCommand(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    @Override
    public Integer call() {
        target.useProfile(dataDir != null ? dataDir : dev.agentconsole.app.Services.standardDataDir(), context.err());
        Optional<SessionId> session = target.sessionIdIfGiven();
        if (callerId != null && callerId.isBlank()) {
            throw new InvalidInputException("--caller-id is blank: leave it out for normal operator input");
        }
        target.baseUrl().ifPresent(dev.agentconsole.agent.http.Endpoint::parseBaseUrl);
        if (!hasDisplay(context.environment())) {
            throw new InvalidInputException("no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset): "
                    + "use 'agent-console chat' for a conversation in the terminal");
        }
        return context.window().open(Optional.of(target.provider()), target.baseUrl(), session.map(SessionId::value),
                target.callerId(callerId), target.profileName(), Optional.ofNullable(dataDir), smoke);
    }

    static boolean hasDisplay(java.util.Map<String, String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || "Monocle".equals(System.getProperty("glass.platform"))) {
            return true;
        }
        return !env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
    }

    /** A fresh demo session on the connection's emulator, announced on {@code err}. */
    SessionId createDemoSession(dev.agentconsole.app.Services.Connection connection, java.io.PrintWriter err) {
        SessionId fresh = createDemoSession(connection.backend());
        err.println("demo session " + fresh + " on " + connection.emulator().orElseThrow().baseUrl());
        return fresh;
    }

    /** A fresh demo session, created through the API like any other. */
    SessionId createDemoSession(AgentBackend backend) {
        return backend.create(new NewSession("demo-web-agent", Optional.of(OutgoingMessage.text(Emulator.DEMO_TASK)),
                Optional.of(Duration.ofHours(1)))).id();
    }
}
