package dev.agentconsole.ui.connect;

import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionId;
import java.util.Optional;

/** Where the sessions the form names go: the workspace. Called on the UI thread. */
public interface SessionOpener {
    /** Brings the session forward when it is open and being read; false when it is not (then it is opened). */
    boolean showIfReading(Provider provider, SessionId id);

    /** No key for it yet: show what is stored of it, and say why it waits. */
    void waitForKey(Provider provider, SessionId id, String baseUrl, String why);

    /** Binding begins: show it at once, connecting. */
    void opening(Provider provider, SessionId id, String baseUrl);

    /**
     * The backend is ready: read the session through it (the opener owns it now).
     *
     * @param task the task it was created with, when it was created here (a title until the operator gives one)
     */
    void opened(Provider provider, SessionId id, String baseUrl, AgentBackend backend, Optional<String> task);

    /** Binding failed before any read, with the reason in words. */
    void failed(Provider provider, SessionId id, String baseUrl, String message);
}
