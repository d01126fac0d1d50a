package dev.agentconsole.session;

/** Outbox states (DESIGN.md): QUEUED -> SENDING -> ACCEPTED -> SEEN, or FAILED, or UNCERTAIN; DROPPED by the operator. */
public enum DeliveryState {
    QUEUED, SENDING, ACCEPTED, SEEN, FAILED, UNCERTAIN, DROPPED;

    /** The operator may resend it. */
    public boolean resendable() {
        return this == FAILED || this == UNCERTAIN;
    }
}
