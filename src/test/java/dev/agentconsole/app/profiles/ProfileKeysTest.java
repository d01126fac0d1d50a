package dev.agentconsole.app.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.http.ApiToken;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The environment wins, then the keychain; each says where the key came from, never the key. */
class ProfileKeysTest {

    static final Profile H = Profile.of("prod", Provider.HCOMPANY, "https://agp.eu.hcompany.ai");
    static final Profile AGI = Profile.of("agi", Provider.AGI, "https://api.agi.tech");
    final InMemoryKeySource keychain = new InMemoryKeySource().put("prod", "hk-from-keychain");

    @Test
    void theEnvironmentWinsAndNamesItsVariable() {
        ProfileKeys keys = new ProfileKeys(Map.of("H_API_KEY", "hk-env-2", "HAI_API_KEY", "  "), keychain);
        ProfileKeys.Found found = keys.keyFor(H).orElseThrow();
        assertEquals(new ApiToken("hk-env-2"), found.token());
        assertEquals("env H_API_KEY", found.origin().label());
        assertEquals("env H_API_KEY", keys.originOf(H).label());
        ProfileKeys first = new ProfileKeys(Map.of("H_API_KEY", "hk-env-2", "HAI_API_KEY", "hk-env-1"), keychain);
        assertEquals("env HAI_API_KEY", first.originOf(H).label());
    }

    @Test
    void theKeychainAnswersWhenTheEnvironmentHasNone() {
        ProfileKeys keys = new ProfileKeys(Map.of("AGI_API_KEY", "agi-env"), keychain);
        assertEquals(new ApiToken("hk-from-keychain"), keys.keyFor(H).orElseThrow().token());
        assertEquals("keychain", keys.originOf(H).label());
        assertEquals("keychain", keys.originOf(H.withName("PROD")).label(), "asked by the profile's name, whatever its case");
    }

    @Test
    void neitherIsMissingAndTheDemoNeedsNone() {
        ProfileKeys keys = new ProfileKeys(Map.of(), name -> java.util.Optional.empty());
        assertEquals(Optional.empty(), keys.keyFor(AGI));
        assertEquals("missing", keys.originOf(AGI).label());
        assertEquals("not needed", keys.originOf(Profile.DEMO).label());
        assertEquals(Optional.empty(), keys.keyFor(Profile.DEMO));
    }

    @Test
    void aKeychainThatFailsIsReportedAsUnavailableInAList() {
        ProfileKeys keys = new ProfileKeys(Map.of(), name -> {
            throw new IllegalStateException("no D-Bus");
        });
        assertEquals("keychain unavailable", keys.originOf(H).label());
    }

    @Test
    void aBadKeyIsRefusedNamingItsSourceNeverItself() {
        InvalidInputException env = assertThrows(InvalidInputException.class,
                () -> new ProfileKeys(Map.of("HAI_API_KEY", "hk-se cret"), keychain).keyFor(H));
        assertTrue(env.getMessage().contains("HAI_API_KEY has a space at character 6"), env.getMessage());
        InvalidInputException stored = assertThrows(InvalidInputException.class,
                () -> new ProfileKeys(Map.of(), new InMemoryKeySource().put("prod", "hk-sé")).keyFor(H));
        assertTrue(stored.getMessage().contains("the keychain's key for profile 'prod' has a character that is not ASCII"),
                stored.getMessage());
        assertFalse(stored.getMessage().contains("hk-s"));
    }
}
