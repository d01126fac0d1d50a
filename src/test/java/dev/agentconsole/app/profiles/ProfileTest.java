package dev.agentconsole.app.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.Provider;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A profile that exists is valid: every rule refuses with a message that says what to fix. */
class ProfileTest {

    private static final String H = "https://agp.eu.hcompany.ai";

    private static Profile h(String name, String baseUrl, List<String> hosts) {
        return new Profile(name, Provider.HCOMPANY, baseUrl, Optional.empty(), Optional.empty(), hosts, null);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("empty name", (Runnable) () -> h("", H, List.of()), "a profile needs a name"),
                Arguments.of("blank name", (Runnable) () -> h("   ", H, List.of()), "a profile needs a name"),
                Arguments.of("41 characters", (Runnable) () -> h("x".repeat(41), H, List.of()), "is 41 characters long: at most 40"),
                Arguments.of("a slash", (Runnable) () -> h("prod/eu", H, List.of()), "holds '/'"),
                Arguments.of("a line break", (Runnable) () -> h("prod\neu", H, List.of()), "holds the character U+000A"),
                Arguments.of("a space around", (Runnable) () -> h(" prod", H, List.of()), "starts or ends with white space"),
                Arguments.of("a leading dash", (Runnable) () -> h("-prod", H, List.of()), "reads as an option"),
                Arguments.of("the demo's name", (Runnable) () -> h("DEMO", H, List.of()), "the built-in Demo profile's"),
                Arguments.of("the demo provider", (Runnable) () -> Profile.of("mine", Provider.DEMO, "http://127.0.0.1:8377"),
                        "the provider demo is only the built-in Demo profile"),
                Arguments.of("no URL", (Runnable) () -> h("prod", "agp.eu.hcompany.ai", List.of()), "is not an http:// or https:// URL"),
                Arguments.of("blank URL", (Runnable) () -> h("prod", " ", List.of()), "the base URL is empty"),
                Arguments.of("plain http away", (Runnable) () -> h("prod", "http://agents.example.com", List.of()),
                        "a key is never sent over plain http to agents.example.com"),
                Arguments.of("a query", (Runnable) () -> h("prod", H + "/?debug=1", List.of()), "must not carry a query"),
                Arguments.of("a password in the URL", (Runnable) () -> h("prod", "https://me:pw@agp.eu.hcompany.ai", List.of()),
                        "must not carry a user name or password"),
                Arguments.of("a scheme on a host", (Runnable) () -> h("prod", H, List.of("https://agp.eu.hcompany.ai")), "has a scheme"),
                Arguments.of("a port on a host", (Runnable) () -> h("prod", H, List.of("agp.eu.hcompany.ai:443")), "has a port"),
                Arguments.of("a port on an IPv6 host", (Runnable) () -> h("prod", H, List.of("[::1]:8377")), "has a port"),
                Arguments.of("a path on a host", (Runnable) () -> h("prod", H, List.of("agp.eu.hcompany.ai/api")), "more than a host name"),
                Arguments.of("a wildcard", (Runnable) () -> h("prod", H, List.of("*.hcompany.ai")), "has a wildcard"),
                Arguments.of("an underscore", (Runnable) () -> h("prod", H, List.of(H.substring(8), "a_b.example")), "is not a host name"),
                Arguments.of("a bad IPv4", (Runnable) () -> h("prod", H, List.of("300.1.1.1")), "is not an IPv4 address"),
                Arguments.of("an empty host", (Runnable) () -> h("prod", H, List.of(" ")), "a host is empty"),
                Arguments.of("the base host missing", (Runnable) () -> h("prod", H, List.of("agp.hcompany.ai")),
                        "the base URL's host agp.eu.hcompany.ai is not among the hosts"),
                Arguments.of("21 hosts", (Runnable) () -> h("prod", H, Stream.iterate(0, i -> i + 1).limit(21)
                        .map(i -> "h" + i + ".example").toList()), "at most 20"),
                Arguments.of("a caller id on AGI", (Runnable) () -> new Profile("agi", Provider.AGI, "https://api.agi.tech",
                        Optional.empty(), Optional.of("ops"), List.of(), null), "AGI takes no caller id"),
                Arguments.of("an agent with a tab", (Runnable) () -> new Profile("prod", Provider.HCOMPANY, H,
                        Optional.of("a\tb"), Optional.empty(), List.of(), null), "the agent has a control character"),
                Arguments.of("an unknown colour", (Runnable) () -> ProfileColour.parse("pink"),
                        "unknown colour 'pink': use one of gray, blue, green, amber, red or purple"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void eachRuleRefusesWithAMessageThatSaysWhatToFix(String name, Runnable make, String says) {
        InvalidInputException e = assertThrows(InvalidInputException.class, make::run);
        assertTrue(e.getMessage().contains(says), "expected '" + says + "' in: " + e.getMessage());
    }

    @Test
    void theDefaultsAreTheBaseUrlsHostAndTheProvidersColour() {
        Profile p = Profile.of("Prod EU", Provider.HCOMPANY, " https://AGP.EU.hcompany.ai/ ");
        assertEquals("https://agp.eu.hcompany.ai", p.baseUrl());
        assertEquals(List.of("agp.eu.hcompany.ai"), p.hosts());
        assertEquals(ProfileColour.BLUE, p.colour());
        assertEquals(ProfileColour.PURPLE, Profile.of("a", Provider.AGI, "https://api.agi.tech").colour());
        assertEquals(ProfileColour.GRAY, Profile.DEMO.colour());
    }

    @Test
    void hostsAreLowerCaseEachOnceAndInTheFormTheClientComparesThem() {
        Profile p = h("prod", "http://[::1]:8377/base/", List.of("[::1]", "Agp.EU.hcompany.ai", "agp.eu.hcompany.ai", "bücher.example",
                "127.0.0.1"));
        assertEquals(List.of("::1", "agp.eu.hcompany.ai", "xn--bcher-kva.example", "127.0.0.1"), p.hosts());
        assertEquals("http://[::1]:8377/base/", p.baseUrl());
        assertEquals("::1", p.baseHost());
    }

    @Test
    void plainHttpIsTakenForThisMachineOnly() {
        assertEquals(List.of("localhost"), h("local", "http://localhost:8377", List.of()).hosts());
        assertEquals(List.of("127.0.0.1"), h("loop", "http://127.0.0.1:8377", List.of()).hosts());
    }

    @Test
    void namesMayHoldLettersOfAnyScriptDigitsSpacesAndPunctuationOfThree() {
        assertEquals("Équipe prod_2.eu-west", h("Équipe prod_2.eu-west", H, List.of()).name());
        assertEquals("x".repeat(40), h("x".repeat(40), H, List.of()).name());
        assertEquals(Profile.key("PROD"), Profile.key("prod"));
    }

    @Test
    void blankAgentAndCallerIdMeanNone() {
        Profile p = new Profile("prod", Provider.HCOMPANY, H, Optional.of("  "), Optional.of(" ops "), List.of(), ProfileColour.RED);
        assertEquals(Optional.empty(), p.agent());
        assertEquals(Optional.of("ops"), p.callerId());
        assertEquals(ProfileColour.RED, p.colour());
        assertEquals(ProfileColour.GRAY, ProfileColour.parse("Grey"));
    }
}
