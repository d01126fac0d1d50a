package dev.agentconsole.agent.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Which client an endpoint gets: plain http for loopback, a TLS variant for https, one pool and dispatcher. */
class HttpStackTest {

    private static final HttpUrl LOOPBACK = HttpUrl.get("http://127.0.0.1:8080");
    private static final HttpUrl REMOTE = HttpUrl.get("https://agp.eu.hcompany.ai");

    @Test
    void anHttpEndpointGetsTheCleartextClientWithNoTrustStoreLoaded() {
        try (HttpStack http = new HttpStack()) {
            OkHttpClient client = http.client(LOOPBACK);
            assertEquals(java.util.List.of(ConnectionSpec.CLEARTEXT), client.connectionSpecs());
            assertThrows(IllegalStateException.class, client::sslSocketFactory); // "CLEARTEXT-only client"
        }
    }

    @Test
    void anHttpsEndpointGetsOneTlsVariantSharingPoolDispatcherAndSettings() {
        try (HttpStack http = new HttpStack()) {
            OkHttpClient plain = http.client(LOOPBACK);
            OkHttpClient tls = http.client(REMOTE);
            OkHttpClient tlsReader = http.readerClient(REMOTE);

            assertTrue(tls.connectionSpecs().contains(ConnectionSpec.MODERN_TLS));
            assertTrue(tls.sslSocketFactory() != null);
            assertSame(tls, http.client(HttpUrl.get("https://api.agi.tech")), "built once");
            assertSame(plain.dispatcher(), tls.dispatcher());
            assertSame(plain.connectionPool(), tlsReader.connectionPool());
            assertFalse(tls.retryOnConnectionFailure());
            assertFalse(tls.followSslRedirects());
            assertEquals(plain.readTimeoutMillis(), tls.readTimeoutMillis());
            assertEquals(HttpStack.READER_READ_TIMEOUT.toMillis(), tlsReader.readTimeoutMillis());
        }
    }
}
