package dev.agentconsole.agent.http;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.random.RandomGenerator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;

/**
 * Two loopback recorders that stand for two machines, for the tests of where a key may go: the API
 * on {@code 127.0.0.1} and "another host" reached as {@code localhost}. HttpStack pins that name to
 * the loopback address, so it lands on a recorder bound to 127.0.0.1, yet to OkHttp and to the rule
 * it is a different host. What the other recorder received proves what left. One HTTP stack with
 * 2 s timeouts goes with them; {@link #close} stops all three.
 */
public final class TwoHosts implements AutoCloseable {

    public final MockWebServer api = new MockWebServer();
    public final MockWebServer elsewhere = new MockWebServer();
    public final HttpStack http = new HttpStack(Duration.ofSeconds(2), Duration.ofSeconds(2));

    public TwoHosts() throws IOException {
        try {
            api.start(InetAddress.getByName("127.0.0.1"), 0);
            elsewhere.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The API's recorder under its address (MockWebServer's own url() says localhost). */
    public HttpUrl api(String path) {
        return HttpUrl.get("http://127.0.0.1:" + api.getPort() + path);
    }

    /** The other recorder under the other name. */
    public HttpUrl elsewhere(String path) {
        return HttpUrl.get("http://localhost:" + elsewhere.getPort() + path);
    }

    /** {@code token} for {@code base}; with no hosts named, the base URL's host alone. */
    public static Endpoint endpoint(HttpUrl base, String token, String... hosts) {
        return hosts.length == 0 ? new Endpoint(base, new ApiToken(token)) : new Endpoint(base, new ApiToken(token), Set.of(hosts));
    }

    /** Retries without waiting; one per backend (closing a backend closes its caller). */
    public HttpCaller caller() {
        return new HttpCaller(RetryPolicy.standard(), new ErrorDecoder(http.json()), d -> { },
                RandomGenerator.of("L64X128MixRandom"), Clock.systemUTC());
    }

    public static MockResponse redirect(int code, HttpUrl to) {
        return new MockResponse.Builder().code(code).addHeader("Location", to.toString()).build();
    }

    @Override
    public void close() {
        http.close();
        api.close();
        elsewhere.close();
    }
}
