package dev.agentconsole.agent.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.Provider;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a key came from is named when it cannot be used; the key itself never is. */
class ApiTokenTest {

    @Test
    void theKeyFieldIsNamedForAKeyWithALineBreak() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new ApiToken("hk-abc\ndef", "the key field"));
        assertEquals("the key field has a line break at character 7: copy the key again, without it", e.getMessage());
    }

    @Test
    void surroundingWhiteSpaceIsNotPartOfTheKey() {
        assertEquals("Bearer hk-abc", new ApiToken("  hk-abc\n", "HAI_API_KEY").authorizationHeader());
    }

    @Test
    void aBadKeyIsStillSetForTheWindowWhichSaysWhatIsWrongOnConnect() {
        Map<String, String> env = Map.of("HAI_API_KEY", "hk-\u00e9");
        assertTrue(ApiToken.isSetIn(Provider.HCOMPANY, env));
        assertFalse(ApiToken.isSetIn(Provider.AGI, env));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ApiToken.fromEnvironment(Provider.HCOMPANY, env));
        assertTrue(e.getMessage().startsWith("HAI_API_KEY has a character that is not ASCII at character 4"), e.getMessage());
    }
}
