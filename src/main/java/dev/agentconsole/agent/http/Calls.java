package dev.agentconsole.agent.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import okhttp3.Call;
import okhttp3.Response;

/** How the application runs an OkHttp call. */
public final class Calls {

    private Calls() {}

    /**
     * {@link Call#execute()}, except that the checked {@link InterruptedException} OkHttp's Kotlin
     * code lets through (the thread was interrupted while it waited for a connection: a reader being
     * closed) comes out as the {@link InterruptedIOException} a Java caller handles, the flag kept.
     */
    public static Response execute(Call call) throws IOException {
        try {
            return call.execute();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception interrupted) { // nothing else checked can get here
            Thread.currentThread().interrupt();
            InterruptedIOException e = new InterruptedIOException("interrupted while connecting");
            e.initCause(interrupted);
            throw e;
        }
    }
}
