package dev.agentconsole.agent.http;

import java.io.IOException;

/**
 * A 2xx answer whose body is not whole (JSON cut short, or not JSON at all): for a read, the same
 * as a connection that dropped mid-answer, so {@link HttpCaller#read} asks again.
 */
public final class CutShortAnswer extends IOException {
    public CutShortAnswer(String message) {
        super(message);
    }
}
