package dev.agentconsole.session;

import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.SessionSnapshot;
import java.util.List;
import java.util.Optional;

/** A controller listener that hears nothing: for tests and benchmarks that count what reaches the server. */
public final class QuietListener implements SessionController.Listener {

    public static final SessionController.Listener QUIET = new QuietListener();

    private QuietListener() {}

    public void onEvents(List<AgentEvent> events) { }

    public void onSnapshot(SessionSnapshot snapshot) { }

    public void onConnection(ConnectionState state, Optional<AgentError> cause) { }

    public void onDelivery(Delivery delivery) { }

    public void onCommandFailed(String command, AgentError error) { }
}
