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

    /** The commands chat knows; any other line starting with {@code /} is refused, never sent. */
    static final java.util.List<String> COMMANDS = java.util.List.of("/pause", "/resume", "/force", "/stop", "/quit");

    int run() {
        ctx.out().println("Commands while the agent waits: a message, " + String.join(", ", COMMANDS)
                + " (a message that starts with / is typed //).");
        EventFollower follower = new EventFollower(backend, session, 0, Duration.ofSeconds(20));
        boolean autopilotUsed = false;
        boolean sent = false;
        PendingTools pending = new PendingTools();
        while (true) {
            // after a message, "settled" is only believed once the agent moved (it applies it at its next
            // step); a command takes effect at once, so its state is the answer
            SessionSnapshot state = follower.followUntilSettled(event -> {
                printer.print(event);
                pending.accept(event);
            }, sent);
            sent = false;
            if (state.status() == AgentStatus.AWAITING_TOOL_RESULTS) {
                ctx.out().println("-- " + pending.explanation() + ".");
            }
            if (state.status() == AgentStatus.PAUSED) {
                ctx.out().println("-- the agent is paused: /resume goes on (a message resumes it too).");
            }
            if (state.status().isTerminal()) {
                ctx.out().println("-- the session is " + state.statusLabel() + state.error().map(e -> ": " + e).orElse("")
                        + ". " + afterTheEnd() + " Or /quit.");
            }
            String line = prompt();
            if (line == null) {
                if (autopilot && !autopilotUsed && !state.status().isTerminal()) {
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
                continue;
            }
            try {
                if (command.startsWith("/") && !command.startsWith("//")) {
                    if (command.equals("/quit") || command.equals("/exit")) {
                        return ExitCodes.OK;
                    }
                    command(command);
                } else if (state.status().isTerminal() && restartCosts() && !confirmRestart()) {
                    ctx.out().println("-- not sent.");
                } else {
                    String text = command.startsWith("//") ? line.stripLeading().substring(1) : line;
                    OutgoingMessage m = OutgoingMessage.text(text);
                    backend.send(session, new Outgoing.Single(callerId.map(m::withCallerId).orElse(m)));
                    sent = true;
                }
            } catch (InvalidInputException | AgentException e) {
                ctx.err().println("not sent: " + e.getMessage());
                ctx.err().flush();
            }
        }
    }

    private void command(String command) {
        switch (command) {
            case "/pause" -> backend.pause(session);
            case "/resume" -> backend.resume(session);
            case "/stop" -> backend.stop(session);
            case "/force" -> backend.forceAnswer().orElseThrow(() ->
                    new InvalidInputException(backend.provider().displayName() + " cannot force an answer")).forceAnswer(session);
            default -> throw new InvalidInputException("'" + command + "' is not a command: the commands are "
                    + String.join(", ", COMMANDS) + "; to send a message that starts with /, type // (//" + command.substring(1) + ")");
        }
    }

    /** H: a message to an ended session restarts it, which may cost budget (a 402); AGI takes it as a new task. */
    private boolean restartCosts() {
        return backend.forceAnswer().isPresent(); // the H API (and the demo, which speaks it)
    }

    private String afterTheEnd() {
        return restartCosts() ? "A message restarts it (and may cost budget): you will be asked first."
                : "A message starts a new task.";
    }

    private boolean confirmRestart() {
        ctx.out().print("Sending restarts the session, which may cost budget. Send it? [y/N] ");
        ctx.out().flush();
        String answer = readLine();
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }

    private String prompt() {
        ctx.out().print("you> ");
        ctx.out().flush();
        return readLine();
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
