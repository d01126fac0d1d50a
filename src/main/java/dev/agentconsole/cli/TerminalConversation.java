package dev.agentconsole.cli;

import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.AgentException;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.EventFollower;
import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.SessionSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A conversation with one session in the terminal: shows what the agent does until it waits
 * for the operator, then reads a reply. With no input at all (stdin closed), the demo answers
 * the agent's question once by itself so the branching conversation still plays out.
 */
final class TerminalConversation {

    static final String AUTOPILOT_REPLY = "The cheaper one, please.";

    private final AgentBackend backend;
    private final SessionId session;
    private final CliContext ctx;
    private final EventPrinter printer;
    private final Optional<String> callerId;
    private final boolean autopilot;
    private final Utf8Lines lines;

    TerminalConversation(AgentBackend backend, SessionId session, CliContext ctx, EventPrinter printer,
                         Optional<String> callerId, boolean autopilot) {
        this.backend = backend;
        this.session = session;
        this.ctx = ctx;
        this.printer = printer;
        this.callerId = callerId;
        this.autopilot = autopilot;
        this.lines = new Utf8Lines(ctx.in());
    }

    int run() {
        ctx.out().println("Commands while the agent waits: a message, /pause, /resume, /force, /stop, /quit.");
        EventFollower follower = new EventFollower(backend, session, 0, Duration.ofSeconds(20));
        boolean autopilotUsed = false;
        boolean acted = false;
        PendingTools pending = new PendingTools();
        while (true) {
            SessionSnapshot state = follower.followUntilSettled(event -> {
                printer.print(event);
                pending.accept(event);
            }, acted);
            if (state.status() == AgentStatus.AWAITING_TOOL_RESULTS) {
                ctx.out().println("-- " + pending.explanation() + ".");
            }
            if (state.status().isTerminal()) {
                ctx.out().println("-- the session is " + state.statusLabel() + state.error().map(e -> ": " + e).orElse("")
                        + ". Type a message to restart it, or /quit.");
            }
            ctx.out().print("you> ");
            ctx.out().flush();
            String line = readLine();
            if (line == null) {
                if (autopilot && !autopilotUsed) {
                    autopilotUsed = true;
                    line = AUTOPILOT_REPLY;
                    ctx.out().println(line + "   (no input: the demo answers for you)");
                } else {
                    ctx.out().println();
                    return ExitCodes.OK;
                }
            }
            String command = line.strip();
            if (command.isEmpty()) {
                acted = false;
                continue;
            }
            acted = true;
            try {
                switch (command) {
                    case "/quit", "/exit" -> {
                        return ExitCodes.OK;
                    }
                    case "/pause" -> backend.pause(session);
                    case "/resume" -> backend.resume(session);
                    case "/stop" -> backend.stop(session);
                    case "/force" -> backend.forceAnswer().orElseThrow(() ->
                            new InvalidInputException(backend.provider().displayName() + " cannot force an answer"))
                            .forceAnswer(session);
                    default -> {
                        OutgoingMessage m = OutgoingMessage.text(line);
                        backend.send(session, new Outgoing.Single(callerId.map(m::withCallerId).orElse(m)));
                    }
                }
            } catch (InvalidInputException | AgentException e) {
                acted = false;
                ctx.err().println("not sent: " + e.getMessage());
                ctx.err().flush();
            }
        }
    }

    /** The next line, or null at the end; a line that is not UTF-8 is refused here and the one after it read. */
    private String readLine() {
        while (true) {
            try {
                return lines.next();
            } catch (InvalidInputException e) {
                ctx.err().println("not sent: " + e.getMessage());
                ctx.err().flush();
                ctx.out().print("you> ");
                ctx.out().flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
