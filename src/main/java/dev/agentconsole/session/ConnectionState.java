package dev.agentconsole.session;

/** How the console stands with the bound session: the one state enum the window derives its controls from. */
public enum ConnectionState {
    /** Not bound to a session. */
    DISCONNECTED,
    /** Reaching the session for the first time. */
    CONNECTING,
    /** Reading the session's events. */
    LIVE,
    /** The last read failed; trying again with backoff. */
    RECONNECTING,
    /** The session cannot be read any more (not found, no access) or the operator disconnected. */
    ENDED
}
