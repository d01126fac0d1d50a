package dev.agentconsole.session;

/**
 * Outbox states (DESIGN.md): QUEUED -> SENDING -> ACCEPTED -> SEEN, or FAILED, or UNCERTAIN; DROPPED
 * by the operator. WAITING is how a stored QUEUED message shows while no API key is at hand (the
 * key lives in memory only): it is sent once the session is connected.
 */
public enum DeliveryState {
    QUEUED, SENDING, ACCEPTED, SEEN, FAILED, UNCERTAIN, DROPPED, WAITING;

    /** The operator may resend it. */
    public boolean resendable() {
        return this == FAILED || this == UNCERTAIN;
    }
}
