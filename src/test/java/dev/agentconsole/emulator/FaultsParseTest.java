package dev.agentconsole.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.hcompany.HCompanyBackend;
import dev.agentconsole.agent.http.ApiToken;
import dev.agentconsole.agent.http.Endpoint;
import dev.agentconsole.agent.http.ErrorDecoder;
import dev.agentconsole.agent.http.HttpCaller;
import dev.agentconsole.agent.http.HttpStack;
import dev.agentconsole.agent.http.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code emulator --fault} spec: every value it can carry, and the ones it refuses. */
class FaultsParseTest {

    static final String DATE = "Wed, 21 Oct 2026 07:28:00 GMT";

    @Test
    void anHttpDateRetryAfterIsCarriedWholeInQuotes() {
        Faults.Rule rule = Faults.parse("status=503,retry-after=\"" + DATE + "\",route=POST /api/v2/sessions/{id}/messages,times=2");
        assertEquals(new Faults.Fault.Status(503, Optional.of(DATE)), rule.fault());
        assertEquals("POST /api/v2/sessions/{id}/messages", rule.route());
        assertEquals(2, rule.times());
    }

    @Test
    void quotesMayHoldAnyValue() {
        assertEquals("GET /v1/sessions/{id}/status", Faults.parse("drop,route=\"GET /v1/sessions/{id}/status\"").route());
        assertEquals(new Faults.Fault.Status(429, Optional.of("7")), Faults.parse("status=429, retry-after=\"7\"").fault());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "delay-ms=-5                       | delay-ms must be 0 or more, got -5",
            "slow-body=-1                      | slow-body must be 1 ms or more, got -1",
            "slow-body=0                       | slow-body must be 1 ms or more, got 0",
            "drop,times=0                      | times must be 1 or more, or -1 for every request, got 0",
            "drop,times=-2                     | times must be 1 or more, or -1 for every request, got -2",
            "status=503,retry-after=\"unclosed | an unclosed quote",
            "status=99                         | status must be 100 to 599, got 99",
            "status=abc                        | is not a whole number",
            "status=503,retry-after=-3         | retry-after must be whole seconds (0 or more) or an HTTP date",
            "status=503,retry-after=soon       | retry-after must be whole seconds (0 or more) or an HTTP date",
            "drop,bogus=1                      | unknown key 'bogus'",
            "explode                           | unknown key 'explode'",
            "route=*,times=2                   | no fault kind"})
    void aBadSpecIsRefusedWithWhatIsWrong(String spec, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Faults.parse(spec.strip()));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void theClientWaitsUntilTheHttpDateAnEmulatorFaultCarries() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(3).atZone(ZoneOffset.UTC));
        List<Duration> sleeps = new CopyOnWriteArrayList<>();
        try (Emulator emulator = Emulator.start(0, ScriptClock.manual());
             HttpStack http = new HttpStack(Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            emulator.faults().add(Faults.parse("status=503,retry-after=\"" + inThreeSeconds
                    + "\",route=POST /api/v2/sessions/{id}/messages"));
            HttpCaller caller = new HttpCaller(RetryPolicy.standard(), new ErrorDecoder(http.json()), sleeps::add,
                    RandomGenerator.of("L64X128MixRandom"), Clock.fixed(now, ZoneOffset.UTC));
            String session = emulator.createDemoSession();
            try (HCompanyBackend h = new HCompanyBackend(Provider.HCOMPANY,
                    new Endpoint(HttpUrl.get(emulator.baseUrl()), new ApiToken(emulator.token())), http, caller)) {
                h.send(SessionId.parse(session), new Outgoing.Single(OutgoingMessage.text("after the date")));
            }
            assertEquals(List.of(Duration.ofSeconds(3)), sleeps, "waited until the date, not a backoff");
            assertEquals(1, emulator.receivedMessages(session).size());
        }
    }
}
