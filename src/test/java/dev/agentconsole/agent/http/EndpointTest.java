package dev.agentconsole.agent.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.Provider;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EndpointTest {

    static final ApiToken TOKEN = new ApiToken("hk-secret-value");

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8377", "http://localhost:1", "http://[::1]:9", "http://127.5.6.7", "https://agp.eu.hcompany.ai"})
    void aTokenMayGoOverHttpsOrToLoopback(String url) {
        assertDoesNotThrow(() -> new Endpoint(HttpUrl.get(url), TOKEN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://agp.eu.hcompany.ai", "http://10.0.0.5:8377", "http://192.168.1.2", "http://localhost.evil.com",
            "http://evil.localhost:8080", "http://a.b.localhost", "http://localhost./"})
    void aTokenNeverGoesOverPlainHttpElsewhere(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Endpoint(HttpUrl.get(url), TOKEN));
        assertTrue(e.getMessage().contains("refusing to send an API key over plain http"));
        assertFalse(e.getMessage().contains("hk-secret-value"));
    }

    @Test
    void tokensComeFromTheFirstVariableSetAndNeverPrint() {
        assertEquals(Optional.of(new ApiToken("a")), ApiToken.fromEnvironment(Provider.HCOMPANY, Map.of("HAI_API_KEY", "a", "H_API_KEY", "b")));
        assertEquals(Optional.of(new ApiToken("b")), ApiToken.fromEnvironment(Provider.HCOMPANY, Map.of("HAI_API_KEY", " ", "H_API_KEY", "b")));
        assertEquals(Optional.empty(), ApiToken.fromEnvironment(Provider.HCOMPANY, Map.of()));
        assertFalse(TOKEN.toString().contains("secret"));
        assertEquals("x ‹redacted› y", TOKEN.redactFrom("x hk-secret-value y"));
    }

    @Test
    void baseUrlsAreCheckedWithSpecificMessages() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Endpoint.parseBaseUrl("")).getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Endpoint.parseBaseUrl("agp.eu.hcompany.ai")).getMessage()
                .contains("not an http:// or https:// URL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Endpoint.parseBaseUrl("https://x.io/?a=1")).getMessage()
                .contains("query"));
    }

    @org.junit.jupiter.api.Test
    void localhostIsAnsweredWithTheLoopbackAddressesWithoutAskingTheResolver() throws Exception {
        var addresses = HttpStack.lookup("LocalHost");
        org.junit.jupiter.api.Assertions.assertFalse(addresses.isEmpty());
        addresses.forEach(a -> org.junit.jupiter.api.Assertions.assertTrue(a.isLoopbackAddress(), a.toString()));
    }
}
