package dev.agentconsole.ui.session;

import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.session.ConnectionState;
import dev.agentconsole.session.SessionController;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * What the operator can do to one session now, from how reading it stands and the agent's status:
 * the {@code canX} of each command. Stop is not offered for an AGI agent that is done with its task
 * (the session takes the next message as a new task). Toolkit-free.
 */
final class SessionAbilities {

    final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper(false);
    final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper(false);
    final ReadOnlyBooleanWrapper canStop = new ReadOnlyBooleanWrapper(false);
    final ReadOnlyBooleanWrapper canForceAnswer = new ReadOnlyBooleanWrapper(false);
    final ReadOnlyBooleanWrapper canSend = new ReadOnlyBooleanWrapper(false);

    /** @param c the controller reading the session, or null while none is attached */
    void refresh(SessionController c, ConnectionState s, AgentStatus a, Provider provider) {
        boolean bound = c != null;
        boolean reachable = bound && (s == ConnectionState.LIVE || s == ConnectionState.RECONNECTING || s == ConnectionState.CONNECTING);
        canSend.set(bound && s != ConnectionState.ENDED);
        canPause.set(reachable && !a.isTerminal() && a != AgentStatus.PAUSED && a != AgentStatus.UNKNOWN);
        canResume.set(reachable && a == AgentStatus.PAUSED);
        boolean agiIdle = provider == Provider.AGI
                && (a == AgentStatus.FINISHED || a == AgentStatus.READY || a == AgentStatus.COMPLETED);
        canStop.set(reachable && !a.isTerminal() && a != AgentStatus.UNKNOWN && !agiIdle);
        canForceAnswer.set(reachable && c.backend().forceAnswer().isPresent() && !a.isTerminal() && a != AgentStatus.UNKNOWN);
    }
}
