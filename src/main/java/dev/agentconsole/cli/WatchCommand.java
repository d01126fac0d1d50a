package dev.agentconsole.cli;

import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.EventFollower;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.SessionSnapshot;
import dev.agentconsole.app.Services;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Prints each event of a session as it arrives, until the session settles "
                + "(waits for the operator, or ends).",
                "Exit codes: 0 settled, 2 bad input, 3 refused by the server, 4 no answer (network, busy or unavailable after retries)."})
final class WatchCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand parent;

    @Mixin
    TargetOptions target;

    @Mixin
    DataFolderOption data;

    @Option(names = "--json", description = "One JSON object per event and line, for scripts.")
    boolean json;

    @Option(names = "--from", paramLabel = "N", description = "Start at this event position (default 0: everything).")
    long from;

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        target.useProfile(data.folder(parent), ctx.err());
        Optional<SessionId> session = target.sessionId();
        if (from < 0) {
            throw new dev.agentconsole.agent.InvalidInputException("--from must be 0 or more, got " + from);
        }
        try (Services services = new Services(ctx.environment())) {
            Services.Connection connection = target.connect(services, ctx.err());
            AgentBackend backend = connection.backend();
            SessionId id = session.orElseGet(() -> parent.createDemoSession(connection, ctx.err()));
            EventPrinter printer = new EventPrinter(ctx.out(), json, services.http().json());
            EventFollower follower = new EventFollower(backend, id, from, Duration.ofSeconds(20));
            PendingTools pending = new PendingTools();
            SessionSnapshot end = follower.followUntilSettled(event -> {
                printer.print(event);
                pending.accept(event);
            });
            ctx.err().println("session " + id + " is " + end.statusLabel()
                    + end.error().map(e -> ": " + e).orElse("")
                    + (end.status() == AgentStatus.AWAITING_TOOL_RESULTS ? ": " + pending.explanation() : "")
                    + " (next position " + follower.position() + ")");
            ctx.err().flush();
            return ExitCodes.OK;
        }
    }
}
