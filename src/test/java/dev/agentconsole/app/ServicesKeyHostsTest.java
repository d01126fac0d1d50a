package dev.agentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionId;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile's hosts passed through the composition root: a {@code --base-url} elsewhere never gets a byte. */
class ServicesKeyHostsTest {

    static final String KEY = "hk-services-hosts-0123456789";

    @TempDir
    Path data;
    MockWebServer recorder;
    Services services;

    @BeforeEach
    void start() throws Exception {
        recorder = new MockWebServer();
        recorder.start(InetAddress.getByName("127.0.0.1"), 0);
        services = new Services(Map.of("HAI_API_KEY", KEY, "AGI_API_KEY", KEY), Optional.of(data));
    }

    @AfterEach
    void stop() {
        services.close();
        recorder.close();
    }

    @Test
    void aBaseUrlOutsideTheProfilesHostsIsRefusedBeforeAnyByteLeaves() {
        Optional<String> baseUrl = Optional.of("http://localhost:" + recorder.getPort());
        for (Provider provider : List.of(Provider.HCOMPANY, Provider.AGI)) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> services.open(provider, baseUrl, Optional.empty(), List.of("127.0.0.1", "agp.eu.hcompany.ai")));
            assertEquals("the base URL's host localhost is not among this profile's hosts (127.0.0.1, agp.eu.hcompany.ai):"
                    + " the key is not sent there", e.getMessage());
            assertFalse(e.getMessage().contains(KEY));
        }
        assertEquals(0, recorder.getRequestCount());
    }

    @Test
    void aBaseUrlAmongTheHostsGetsTheKeyAndWithoutHostsOnlyTheBaseUrlsOwn() throws Exception {
        recorder.enqueue(new MockResponse.Builder().code(202).build());
        recorder.enqueue(new MockResponse.Builder().code(202).build());
        SessionId session = SessionId.parse("3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b");
        Optional<String> baseUrl = Optional.of("http://localhost:" + recorder.getPort());
        AgentBackend listed = services.open(Provider.HCOMPANY, baseUrl, Optional.empty(), List.of("127.0.0.1", "LOCALHOST"));
        AgentBackend unlisted = services.open(Provider.HCOMPANY, baseUrl, Optional.empty());
        try {
            listed.pause(session);
            unlisted.pause(session);
        } finally {
            listed.close();
            unlisted.close();
        }
        for (int i = 0; i < 2; i++) {
            assertEquals("Bearer " + KEY, recorder.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"));
        }
    }

    @Test
    void aHostListThatIsNotOneIsRefusedNamingTheEntry() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> services.open(Provider.AGI,
                Optional.of("https://api.agi.tech"), Optional.empty(), List.of("https://api.agi.tech")));
        assertEquals("'https://api.agi.tech' is not a host name or IP address: write only the host, such as api.example.com"
                + " (no scheme, port, path or wildcard)", e.getMessage());
    }
}
