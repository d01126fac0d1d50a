package dev.agentconsole.agent.http;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CancellationException;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/**
 * A reader interrupted while OkHttp waits for its connection (closing the window does that) ends
 * with a cancellation, not with an InterruptedException that Kotlin let past the Java signature.
 */
class HttpCallerInterruptTest {

    @Test
    void anInterruptWhileConnectingIsACancellationAndTheFlagStaysSet() throws IOException {
        try (HttpStack http = new HttpStack();
             ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            HttpUrl url = HttpUrl.get("http://127.0.0.1:" + listening.getLocalPort() + "/api/v2/sessions");
            HttpCaller caller = HttpCaller.standard(new ErrorDecoder(http.json()));
            Thread.currentThread().interrupt();
            try {
                assertThrows(CancellationException.class, () ->
                        caller.call(http.client(url), new Request.Builder().url(url).build(), HttpCaller.Repeat.SAFE));
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller's loop");
            } finally {
                Thread.interrupted();
            }
        }
    }
}
