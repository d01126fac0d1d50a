package dev.agentconsole.agent.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The one {@link OkHttpClient} and the one {@link ObjectMapper} of the application. Its variants
 * come from {@code newBuilder()} and share its pool and dispatcher: readers get a long read
 * timeout, and https endpoints a TLS variant built on first use. The root client speaks plain
 * http only, because OkHttp loads the system's trust store (about 9 MB and 250 classes) when a
 * client with TLS is built, and the demo, talking to its emulator on loopback, never needs it.
 * {@link #close()} shuts the dispatcher's non-daemon threads and the pool down so the JVM exits.
 * Every variant carries {@link KeyHostGuard}: a key goes only to its {@link Endpoint}'s hosts.
 */
public final class HttpStack implements AutoCloseable {

    /** Longer than H's longest long-poll (25 s) plus a margin for a slow network. */
    public static final Duration READER_READ_TIMEOUT = Duration.ofSeconds(45);

    private final OkHttpClient client;
    private final OkHttpClient readerClient;
    private final ObjectMapper json;
    private TlsClients tls;

    public HttpStack() {
        this(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    public HttpStack(Duration connectTimeout, Duration readTimeout) {
        this(connectTimeout, readTimeout, new ConnectionPool());
    }

    /**
     * A stack that opens a new connection for every request, as behind a proxy that closes them:
     * the fault soak uses it so that refused connections reach every request, not only the first.
     */
    public static HttpStack withoutConnectionReuse(Duration connectTimeout, Duration readTimeout) {
        return new HttpStack(connectTimeout, readTimeout, new ConnectionPool(0, 1, TimeUnit.SECONDS));
    }

    private HttpStack(Duration connectTimeout, Duration readTimeout, ConnectionPool pool) {
        this.client = new OkHttpClient.Builder()
                .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
                .connectionPool(pool)
                // OkHttp would otherwise silently re-send a POST the server already read.
                .retryOnConnectionFailure(false)
                // An https -> http redirect must never carry a token in the clear.
                .followSslRedirects(false)
                // The key goes only to its endpoint's hosts: checked before connecting, then on every hop.
                .addInterceptor(KeyHostGuard.BEFORE_CONNECTING)
                .addNetworkInterceptor(KeyHostGuard.EVERY_HOP)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .eventListenerFactory(WrittenMarker::new)
                .dns(HttpStack::lookup)
                .proxySelector(new LoopbackDirect(java.net.ProxySelector.getDefault()))
                .build();
        this.readerClient = client.newBuilder()
                .readTimeout(READER_READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .build();
        this.json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                // Numbers are shown as the server wrote them (80520750.98346955, not 8.05E7): read
                // as exact decimals, kept exact in trees, written without an exponent.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }

    /** For sends and commands to {@code baseUrl}: default read timeout, no silent retry. */
    public OkHttpClient client(HttpUrl baseUrl) {
        return baseUrl.isHttps() ? tls().client() : client;
    }

    /** For long polls and event streams from {@code baseUrl}. */
    public OkHttpClient readerClient(HttpUrl baseUrl) {
        return baseUrl.isHttps() ? tls().reader() : readerClient;
    }

    private record TlsClients(OkHttpClient client, OkHttpClient reader) {}

    /** The TLS variants, built on first use (off the FX thread: backends are opened on io). */
    private synchronized TlsClients tls() {
        if (tls == null) {
            List<ConnectionSpec> specs = List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT); // OkHttp's default
            tls = new TlsClients(client.newBuilder().connectionSpecs(specs).build(),
                    readerClient.newBuilder().connectionSpecs(specs).build());
        }
        return tls;
    }

    /**
     * The system's proxies, except for this machine: a key bound for {@code localhost} or a loopback
     * address goes straight there, never through a proxy (in clear text, to another machine).
     */
    static final class LoopbackDirect extends java.net.ProxySelector {
        private final java.net.ProxySelector system;

        LoopbackDirect(java.net.ProxySelector system) {
            this.system = system;
        }

        @Override
        public List<java.net.Proxy> select(java.net.URI uri) {
            if (uri.getHost() == null || Endpoint.isLoopback(uri.getHost().replace("[", "").replace("]", "")) || system == null) {
                return List.of(java.net.Proxy.NO_PROXY);
            }
            return system.select(uri);
        }

        @Override
        public void connectFailed(java.net.URI uri, java.net.SocketAddress address, IOException e) {
            if (system != null) {
                system.connectFailed(uri, address, e);
            }
        }
    }

    /**
     * The system's resolver, except for {@code localhost}: the one name a key may go to over plain
     * http is answered with the loopback addresses themselves, so no hosts entry or DNS server can
     * send it elsewhere.
     */
    static List<java.net.InetAddress> lookup(String host) throws java.net.UnknownHostException {
        if (host.equalsIgnoreCase(Endpoint.LOCALHOST)) {
            return List.of(java.net.InetAddress.getByAddress(Endpoint.LOCALHOST, new byte[] {127, 0, 0, 1}),
                    java.net.InetAddress.getByAddress(Endpoint.LOCALHOST, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
        }
        return okhttp3.Dns.SYSTEM.lookup(host);
    }

    public ObjectMapper json() {
        return json;
    }

    @Override
    public void close() {
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /**
     * Marks a request's {@link RequestProgress} once the whole request is on the wire: after the
     * body, or after the headers for a request without one. That moment decides whether a
     * failure is a clean network error or an uncertain send.
     */
    private static final class WrittenMarker extends EventListener {
        private final RequestProgress progress;

        WrittenMarker(Call call) {
            this.progress = call.request().tag(RequestProgress.class);
        }

        @Override
        public void requestHeadersEnd(Call call, okhttp3.Request request) {
            if (progress != null && request.body() == null) {
                progress.markWritten();
            }
        }

        @Override
        public void requestBodyEnd(Call call, long byteCount) {
            if (progress != null) {
                progress.markWritten();
            }
        }

        @Override
        public void requestFailed(Call call, IOException ioe) {
            // a failure while writing leaves the mark unset: the server cannot act on half a request
        }
    }
}
