package dev.agentconsole.agent.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A key bound for this machine never goes through a proxy, whatever the system's proxy settings say. */
class LoopbackDirectTest {

    static final Proxy CORPORATE = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.corp.example", 3128));

    final ProxySelector everythingThroughTheProxy = new ProxySelector() {
        @Override
        public List<Proxy> select(URI uri) {
            return List.of(CORPORATE);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        }
    };

    @Test
    void loopbackGoesDirectAndEverythingElseAsTheSystemSays() {
        HttpStack.LoopbackDirect selector = new HttpStack.LoopbackDirect(everythingThroughTheProxy);
        for (String local : List.of("http://localhost:8080/api", "http://127.0.0.1:1/", "http://[::1]:9/")) {
            assertEquals(List.of(Proxy.NO_PROXY), selector.select(URI.create(local)), local);
        }
        assertEquals(List.of(CORPORATE), selector.select(URI.create("https://agp.eu.hcompany.ai/api")));
        assertEquals(List.of(CORPORATE), selector.select(URI.create("http://evil.localhost/")), "a name is no loopback");
    }
}
