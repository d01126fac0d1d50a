package dev.agentconsole.bench;

import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.hcompany.HCompanyBackend;
import dev.agentconsole.agent.http.ApiToken;
import dev.agentconsole.agent.http.Endpoint;
import dev.agentconsole.agent.http.HttpStack;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JSON encoding of a message carrying a screenshot that brings the body to just under H's
 * 5,000,000-byte limit, against copying the same number of bytes once (the floor any encoder
 * pays to produce the body).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EncodeBenchmark {

    private HttpStack http;
    private HCompanyBackend backend;
    private Outgoing message;
    private byte[] body;

    @Setup(Level.Trial)
    public void setUp() {
        http = new HttpStack();
        backend = new HCompanyBackend(Provider.HCOMPANY, new Endpoint(HttpUrl.get("https://bench.invalid"),
                new ApiToken("hk-bench")), http);
        byte[] image = new byte[3_700_000];
        new Random(7).nextBytes(image);
        image[0] = (byte) 0x89;
        String uri = "data:image/png;base64," + Base64.getEncoder().encodeToString(image);
        message = new Outgoing.Single(OutgoingMessage.text("Click the blue button in this screenshot").withImages(List.of(uri)));
        body = backend.encode(message);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        backend.close();
        http.close();
    }

    @Benchmark
    public byte[] encodeFiveMegabyteMessage() {
        return backend.encode(message);
    }

    @Benchmark
    public byte[] copyTheSameBytesOnce() {
        return Arrays.copyOf(body, body.length);
    }

    int bodyLength() {
        return body.length;
    }
}
