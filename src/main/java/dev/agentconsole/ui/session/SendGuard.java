package dev.agentconsole.ui.session;

import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.Provider;
import java.util.List;
import java.util.Optional;

/**
 * What the window asks before an action with consequences, in words that say what really happens
 * on each provider (reference section 3): Stop on H ends the session {@code interrupted} and a later
 * message restarts it (which may cost budget); Stop on AGI cancels the task and the session takes
 * the next message as a new one; a message to a paused agent resumes it. Toolkit-free.
 */
final class SendGuard {

    /** What each choice of a send's question does. */
    record SendActions(Runnable send, Runnable stopThenSend, Runnable sendAndResume, Runnable hold) {
        /** For asking only whether a question would stand. */
        static final SendActions NONE = new SendActions(() -> { }, () -> { }, () -> { }, () -> { });
    }

    private SendGuard() {}

    /** The question to ask before sending to a session in status {@code s}, or empty: send at once. */
    static Optional<Confirmation> beforeSend(Provider p, AgentStatus s, SendActions a) {
        if (s == AgentStatus.PAUSED) {
            return Optional.of(new Confirmation("The agent is paused: sending resumes it. Or hold the message: it goes out "
                    + "when you resume (Resume, or Ctrl+Shift+P).", List.of(
                    new Confirmation.Choice("Send and resume", true, a.sendAndResume()),
                    new Confirmation.Choice("Queue until I resume", false, a.hold()),
                    new Confirmation.Choice("Cancel", false, null))));
        }
        if (p != Provider.AGI && s.isTerminal()) {
            return Optional.of(new Confirmation("The session is " + s.label() + ". A message restarts it, and that may use "
                    + "budget (the server can refuse with 402).", List.of(
                    new Confirmation.Choice("Send and restart", true, a.send()),
                    new Confirmation.Choice("Cancel", false, null))));
        }
        if (p == Provider.AGI && s == AgentStatus.RUNNING) {
            return Optional.of(new Confirmation("The agent is working on a task: this message steers it. To start a new "
                    + "task instead, stop the current one first.", List.of(
                    new Confirmation.Choice("Send to steer", true, a.send()),
                    new Confirmation.Choice("Stop, then send as a new task", false, a.stopThenSend()),
                    new Confirmation.Choice("Cancel", false, null))));
        }
        return Optional.empty();
    }

    /** The question before Stop: what stopping does on this provider, and what a message does after it. */
    static Confirmation beforeStop(Provider p, Runnable stop) {
        String what = p == Provider.AGI
                ? "Stop the agent's current task? The task is cancelled; the session stays open and takes your next "
                        + "message as a new task."
                : "Stop the agent? The session ends (it shows as interrupted). A message sent later restarts it, and "
                        + "that may use budget.";
        return new Confirmation(what, List.of(
                new Confirmation.Choice("Stop", true, stop),
                new Confirmation.Choice("Cancel", false, null)));
    }
}
