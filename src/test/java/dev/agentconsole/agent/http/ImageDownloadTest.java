package dev.agentconsole.agent.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Images named by URL: the key goes to the API's own origin only, and never across a redirect to another host. */
class ImageDownloadTest {

    static final String TOKEN = "hk-image-test-0123456789";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};

    MockWebServer api;
    MockWebServer storage;
    HttpStack http;
    ImageDownload download;

    @BeforeEach
    void start() throws Exception {
        api = new MockWebServer();
        api.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        storage = new MockWebServer();
        storage.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        http = new HttpStack();
        download = new ImageDownload(new Endpoint(apiUrl("/"), new ApiToken(TOKEN)), http);
    }

    @AfterEach
    void stop() {
        http.close();
        api.close();
        storage.close();
    }

    /** The API under its address: MockWebServer's own url() names it localhost, the storage host's name here. */
    private okhttp3.HttpUrl apiUrl(String path) {
        return okhttp3.HttpUrl.get("http://127.0.0.1:" + api.getPort() + path);
    }

    private static MockResponse png() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "image/png").body(new Buffer().write(PNG)).build();
    }

    private static RecordedRequest taken(MockWebServer server) throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request arrived");
        }
        return r;
    }

    @Test
    void theApisOwnResourceGetsTheKeyAndItsRedirectToAnotherHostDoesNot() throws Exception {
        // the same address under another name: a different host to OkHttp, as S3 is to the platform, and
        // outside the endpoint's hosts (127.0.0.1 only): a download follows it, without the key
        String presigned = "http://localhost:" + storage.getPort() + "/bucket/shot.png?X-Amz-Signature=abc";
        api.enqueue(new MockResponse.Builder().code(302).addHeader("Location", presigned).build());
        storage.enqueue(png());
        var image = download.fetch(apiUrl("/api/v2/sessions/s/resources/screenshots/shot.png").toString());
        assertEquals(PNG.length, image.bytes().length);
        assertEquals("Bearer " + TOKEN, taken(api).getHeaders().get("Authorization"));
        assertNull(taken(storage).getHeaders().get("Authorization"), "the storage host never sees the key");
    }

    @Test
    void anImageOnAnotherOriginIsFetchedWithoutTheKey() throws Exception {
        storage.enqueue(png());
        download.fetch(storage.url("/cdn/shot.png").toString());
        assertNull(taken(storage).getHeaders().get("Authorization"));
    }

    @Test
    void refusalsAndNonImagesSayWhatWentWrong() {
        api.enqueue(new MockResponse.Builder().code(401).body("{\"message\":\"Invalid key\"}").build());
        AgentException unauthorized = assertThrows(AgentException.class, () -> download.fetch(apiUrl("/a.png").toString()));
        assertInstanceOf(AgentError.Unauthorized.class, unauthorized.error());
        api.enqueue(new MockResponse.Builder().code(404).build());
        AgentException gone = assertThrows(AgentException.class, () -> download.fetch(apiUrl("/b.png").toString()));
        assertTrue(gone.error().summary().contains("gone"), gone.error().summary());
        api.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html").body("<html>login</html>").build());
        AgentException html = assertThrows(AgentException.class, () -> download.fetch(apiUrl("/c.png").toString()));
        assertTrue(html.error().summary().contains("not an image"), html.error().summary());
        AgentException notUrl = assertThrows(AgentException.class, () -> download.fetch("file:///etc/passwd"));
        assertTrue(notUrl.error().summary().contains("not an http"), notUrl.error().summary());
    }
}
