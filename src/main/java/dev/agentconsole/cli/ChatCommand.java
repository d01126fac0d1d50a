package dev.agentconsole.cli;

import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.app.Services;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"A conversation with a session in the terminal: shows what the agent does until it waits, "
                + "then reads your reply (/pause, /resume, /force, /stop, /quit).",
                "With no input at all, the demo answers the agent's question once by itself."})
final class ChatCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand parent;

    @Mixin
    TargetOptions target;

    @Mixin
    DataFolderOption data;

    @Option(names = "--caller-id", paramLabel = "ID", description = "H caller_id for the messages you type.")
    String callerId;

    @Override
    public Integer call() {
        CliContext context = parent.context();
        target.useProfile(data.folder(parent), context.err());
        Optional<SessionId> session = target.sessionId();
        if (callerId != null && callerId.isBlank()) {
            throw new InvalidInputException("--caller-id is blank: leave it out for normal operator input");
        }
        try (Services services = new Services(context.environment())) {
            Services.Connection connection = target.connect(services, context.err());
            AgentBackend backend = connection.backend();
            SessionId id = session.orElseGet(() -> parent.createDemoSession(backend));
            connection.emulator().ifPresentOrElse(
                    e -> context.out().println("Demo session " + id + " on the embedded emulator at " + e.baseUrl()),
                    () -> context.out().println("Session " + id + " on " + backend.provider().displayName()));
            EventPrinter printer = new EventPrinter(context.out(), false, services.http().json());
            return new TerminalConversation(backend, id, context, printer, target.callerId(callerId),
                    connection.emulator().isPresent()).run();
        }
    }
}
