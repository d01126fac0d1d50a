package dev.agentconsole.agent.hcompany;

import dev.agentconsole.agent.Provider;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import okhttp3.HttpUrl;

/** Builds an H client whose retry waits are recorded instead of slept. */
final class HTestSupport {

    static final String TOKEN = "hk-test-0123456789abcdef";
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    final HttpStack http;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final HCompanyBackend backend;

    HTestSupport(HttpUrl baseUrl) {
        this(baseUrl, new HttpStack(Duration.ofSeconds(2), Duration.ofSeconds(2)));
    }

    HTestSupport(HttpUrl baseUrl, HttpStack http) {
        this.http = http;
        HttpCaller caller = new HttpCaller(RetryPolicy.standard(), new ErrorDecoder(http.json()), sleeps::add,
                RandomGenerator.of("L64X128MixRandom"), Clock.fixed(NOW, ZoneOffset.UTC));
        this.backend = new HCompanyBackend(Provider.HCOMPANY, new Endpoint(baseUrl, new ApiToken(TOKEN)), http, caller);
    }

    void close() {
        backend.close();
        http.close();
    }
}
