package dev.agentconsole.agent.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentException;
import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.hcompany.HCompanyBackend;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A key goes only to its endpoint's hosts. Two loopback recorders stand for two machines
 * ({@link TwoHosts}): the API on {@code 127.0.0.1} and "another host" reached as {@code localhost}.
 * What the other recorder received proves what left.
 */
class KeyHostsTest {

    static final String TOKEN = "hk-hosts-test-0123456789";
    static final SessionId SESSION = SessionId.parse("3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b");

    TwoHosts hosts;
    MockWebServer api;
    MockWebServer elsewhere;
    HttpStack http;

    @BeforeEach
    void start() throws Exception {
        hosts = new TwoHosts();
        api = hosts.api;
        elsewhere = hosts.elsewhere;
        http = hosts.http;
    }

    @AfterEach
    void stop() {
        hosts.close();
    }

    private HttpCaller caller() {
        return hosts.caller();
    }

    private HttpUrl api(String path) {
        return hosts.api(path);
    }

    private HttpUrl elsewhere(String path) {
        return hosts.elsewhere(path);
    }

    private Endpoint endpoint(HttpUrl base, String... names) {
        return TwoHosts.endpoint(base, TOKEN, names);
    }

    private HCompanyBackend h(Endpoint endpoint) {
        return new HCompanyBackend(Provider.HCOMPANY, endpoint, http, caller());
    }

    private static RecordedRequest taken(MockWebServer server) throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request arrived");
        }
        return r;
    }

    private static MockResponse redirect(int code, HttpUrl to) {
        return TwoHosts.redirect(code, to);
    }

    // (a) redirects

    @Test
    void aMessageRedirectedToAnotherHostIsRefusedNamingItAndThatHostGetsNoRequestAtAll() throws Exception {
        api.enqueue(redirect(307, elsewhere("/api/v2/sessions/" + SESSION + "/messages")));
        HCompanyBackend h = h(endpoint(api("/")));
        try {
            AgentException e = assertThrows(AgentException.class,
                    () -> h.send(SESSION, new Outgoing.Single(OutgoingMessage.text("book the cheaper one"))));
            AgentError.KeyWithheld withheld = assertInstanceOf(AgentError.KeyWithheld.class, e.error());
            assertEquals("localhost", withheld.host());
            assertEquals("the API key was not sent to localhost: the server redirected (HTTP 307) to localhost, which is not"
                    + " among this profile's hosts (127.0.0.1): not followed", withheld.summary());
            assertFalse(withheld.summary().contains(TOKEN));
        } finally {
            h.close();
        }
        assertEquals("Bearer " + TOKEN, taken(api).getHeaders().get("Authorization"), "the API itself got the key");
        assertEquals(0, elsewhere.getRequestCount(), "the other host got no request: neither the key nor the message");
    }

    @Test
    void aReadRedirectedToAnotherHostIsRefusedOnceNotRetried() {
        api.enqueue(redirect(302, elsewhere("/status")));
        api.enqueue(redirect(302, elsewhere("/status")));
        HCompanyBackend h = h(endpoint(api("/")));
        try {
            AgentException e = assertThrows(AgentException.class, () -> h.status(SESSION));
            assertTrue(e.error().summary().contains("redirected (HTTP 302) to localhost"), e.error().summary());
        } finally {
            h.close();
        }
        assertEquals(1, api.getRequestCount(), "asking again would be refused again");
        assertEquals(0, elsewhere.getRequestCount());
    }

    @Test
    void aRedirectToAnotherOfTheProfilesHostsIsFollowedButWithoutTheKey() throws Exception {
        // the list says where the key MAY go; it never makes OkHttp forward it across hosts
        api.enqueue(redirect(302, elsewhere("/api/v2/sessions/" + SESSION + "/status")));
        elsewhere.enqueue(new MockResponse.Builder().code(200).body("{\"status\":\"running\"}").build());
        HCompanyBackend h = h(endpoint(api("/"), "127.0.0.1", "localhost"));
        try {
            assertEquals("running", h.status(SESSION).statusLabel());
        } finally {
            h.close();
        }
        assertEquals("Bearer " + TOKEN, taken(api).getHeaders().get("Authorization"));
        assertNull(taken(elsewhere).getHeaders().get("Authorization"));
    }

    @Test
    void aRedirectChainThatLeavesTheHostsOnItsSecondHopIsRefusedToo() throws Exception {
        MockWebServer third = new MockWebServer();
        third.start(InetAddress.getByName("127.0.0.1"), 0);
        try {
            api.enqueue(redirect(302, elsewhere("/hop")));
            elsewhere.enqueue(redirect(302, HttpUrl.get("http://127.0.0.2:" + third.getPort() + "/status")));
            Endpoint endpoint = endpoint(api("/"), "127.0.0.1", "localhost");
            Request request = endpoint.authorized(endpoint.url("status")).get().build();
            AgentException e = assertThrows(AgentException.class, () -> caller().call(http.client(api("/")), request, HttpCaller.Repeat.SAFE));
            assertEquals("127.0.0.2", assertInstanceOf(AgentError.KeyWithheld.class, e.error()).host());
            assertEquals(0, third.getRequestCount());
        } finally {
            third.close();
        }
    }

    @Test
    void anAuthenticatorThatPutsTheKeyBackForAnotherHostIsStoppedBeforeItWritesAByte() throws Exception {
        // a download follows its redirect to storage without the key; storage answers 401, and an
        // authenticator (the console has none) would put the key back on the retry
        api.enqueue(redirect(302, elsewhere("/bucket/shot.png?X-Amz-Signature=abc")));
        elsewhere.enqueue(new MockResponse.Builder().code(401).build());
        elsewhere.enqueue(new MockResponse.Builder().code(200).body("leaked").build());
        Endpoint endpoint = endpoint(api("/"));
        okhttp3.OkHttpClient reAdding = http.client(api("/")).newBuilder()
                .authenticator((route, response) -> response.request().newBuilder()
                        .header("Authorization", endpoint.token().authorizationHeader()).build())
                .build();
        Request download = endpoint.authorizedDownload(endpoint.url("resources", "shot.png")).get().build();
        KeyWithheldException e = assertThrows(KeyWithheldException.class, () -> Calls.execute(reAdding.newCall(download)).close());
        assertEquals("localhost", e.host());
        assertEquals("localhost is not among this profile's hosts (127.0.0.1)", e.getMessage());
        assertNull(taken(elsewhere).getHeaders().get("Authorization"), "the redirect itself went without the key");
        assertEquals(1, elsewhere.getRequestCount(), "the authenticator's retry never reached the other host");
    }

    @Test
    void anAuthorizationHeaderNoEndpointPutThereIsRefusedBeforeConnecting() {
        Request handMade = new Request.Builder().url(elsewhere("/x")).header("Authorization", "Bearer " + TOKEN).build();
        KeyWithheldException e = assertThrows(KeyWithheldException.class,
                () -> Calls.execute(http.client(handMade.url()).newCall(handMade)).close());
        assertTrue(e.getMessage().contains("no endpoint put there"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
        assertEquals(0, elsewhere.getRequestCount());
    }

    @Test
    void anEndpointWillNotPutItsKeyOnARequestToAnotherHost() {
        Endpoint endpoint = endpoint(api("/"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> endpoint.authorized(elsewhere("/x").newBuilder()));
        assertEquals("the API key is not put on a request to localhost: localhost is not among this profile's hosts (127.0.0.1)",
                e.getMessage());
    }

    // (b) a base URL outside the hosts

    @Test
    void aBaseUrlOutsideTheProfilesHostsIsRefusedAtConstructionBeforeAnyByte() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> endpoint(elsewhere("/"), "127.0.0.1"));
        assertEquals("the base URL's host localhost is not among this profile's hosts (127.0.0.1): the key is not sent there",
                e.getMessage());
        assertEquals(0, elsewhere.getRequestCount());
        assertEquals("the base URL's host api.example.com is not among this profile's hosts (agp.eu.hcompany.ai): the key"
                + " is not sent there", assertThrows(InvalidInputException.class,
                () -> new Endpoint(HttpUrl.get("https://api.example.com"), new ApiToken(TOKEN), Set.of("agp.eu.hcompany.ai")))
                .getMessage());
    }

    // (c) the allowed hosts

    @Test
    void requestsToTheAllowedHostsCarryTheKey() throws Exception {
        api.enqueue(new MockResponse.Builder().code(202).build());
        elsewhere.enqueue(new MockResponse.Builder().code(202).build());
        for (Endpoint endpoint : List.of(endpoint(api("/")), endpoint(elsewhere("/"), "127.0.0.1", "LocalHost"))) {
            HCompanyBackend h = h(endpoint);
            try {
                h.pause(SESSION);
            } finally {
                h.close();
            }
        }
        assertEquals("Bearer " + TOKEN, taken(api).getHeaders().get("Authorization"));
        assertEquals("Bearer " + TOKEN, taken(elsewhere).getHeaders().get("Authorization"));
    }

    @Test
    void everyClientTheStackHandsOutCarriesTheGuard() {
        HttpUrl remote = HttpUrl.get("https://agp.eu.hcompany.ai");
        for (okhttp3.OkHttpClient client : List.of(http.client(api("/")), http.readerClient(api("/")),
                http.client(remote), http.readerClient(remote))) {
            assertTrue(client.interceptors().contains(KeyHostGuard.BEFORE_CONNECTING));
            assertTrue(client.networkInterceptors().contains(KeyHostGuard.EVERY_HOP));
        }
    }

    // the list itself

    @Test
    void theDefaultIsExactlyTheBaseUrlsHost() {
        assertEquals(Set.of("agp.eu.hcompany.ai"), new Endpoint(HttpUrl.get("https://AGP.eu.hcompany.ai/x"), new ApiToken(TOKEN)).keyHosts());
        assertEquals(Set.of("::1"), new Endpoint(HttpUrl.get("http://[0:0:0:0:0:0:0:1]:9"), new ApiToken(TOKEN)).keyHosts());
    }

    @Test
    void hostsAreNamesOrAddressesInTheFormRequestsNameThem() {
        assertEquals(List.of("api.example.com", "::1", "127.0.0.1", "xn--bcher-kva.example"),
                List.copyOf(Endpoint.normalizeHosts(List.of("API.Example.COM", " [::1] ", "127.0.0.1", "bücher.example", "api.example.com"))));
        for (String bad : List.of("https://api.example.com", "api.example.com:443", "*.example.com", "api.example.com/v2",
                "user@api.example.com", "api example.com", "api.example.com.", "api_x.example.com", "[api.example.com]")) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Endpoint.normalizeHosts(List.of(bad)), bad);
            assertTrue(e.getMessage().startsWith("'" + bad + "' is not a host name or IP address"), e.getMessage());
        }
        assertTrue(assertThrows(InvalidInputException.class, () -> Endpoint.normalizeHosts(List.of(" "))).getMessage().contains("empty"));
        assertTrue(assertThrows(InvalidInputException.class, () -> Endpoint.normalizeHosts(List.of())).getMessage().contains("no host"));
    }

    @Test
    void aProfileIsCheckedBeforeItIsSavedInTheWordsTheEndpointWouldUse() {
        HttpUrl base = HttpUrl.get("https://agp.eu.hcompany.ai");
        assertEquals(java.util.Optional.empty(), Endpoint.problemWithHosts(base, List.of("AGP.eu.hcompany.ai", "staging.hcompany.ai")));
        assertEquals(java.util.Optional.of("the base URL's host agp.eu.hcompany.ai is not among this profile's hosts"
                + " (staging.hcompany.ai): the key is not sent there"), Endpoint.problemWithHosts(base, List.of("staging.hcompany.ai")));
        assertTrue(Endpoint.problemWithHosts(base, List.of("agp.eu.hcompany.ai:443")).orElseThrow().contains("not a host name"));
        assertTrue(Endpoint.problemWithHosts(HttpUrl.get("http://agp.eu.hcompany.ai"), List.of("agp.eu.hcompany.ai")).orElseThrow()
                .startsWith("refusing to send an API key over plain http to agp.eu.hcompany.ai"));
    }
}
