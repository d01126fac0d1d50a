package dev.agentconsole.agent.http;

/** Attached to one attempt as an OkHttp tag; set once the request was fully written. */
final class RequestProgress {
    private volatile boolean written;

    void markWritten() {
        written = true;
    }

    boolean written() {
        return written;
    }
}
