package dev.agentconsole.agent.http;

import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Runs one logical request through {@link RetryPolicy}: maps answers to {@link AgentError}s,
 * tells a clean network failure from an uncertain one, and tracks calls in flight so a backend
 * can cancel them all when its session is closed.
 */
public final class HttpCaller {

    /** Whether a request the server may already have read can be sent again. */
    public enum Repeat {
        /** Reads, and writes that are idempotent (DELETE, pause, a create with an idempotency key). */
        SAFE,
        /** Messages: a second copy would be a duplicate instruction to the agent. */
        ONCE
    }

    /** A successful (2xx) answer. */
    public record Answer(int code, Headers headers, byte[] body) {}

    /** Makes something of a read's answer; an answer it finds cut short is asked for again. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Answer answer) throws CutShortAnswer;
    }

    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final long MAX_ERROR_BODY = 64 * 1024;

    private final RetryPolicy policy;
    private final ErrorDecoder decoder;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Clock clock;
    private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public HttpCaller(RetryPolicy policy, ErrorDecoder decoder, Sleeper sleeper, RandomGenerator random, Clock clock) {
        this.policy = policy;
        this.decoder = decoder;
        this.sleeper = sleeper;
        this.random = random;
        this.clock = clock;
    }

    public static HttpCaller standard(ErrorDecoder decoder) {
        return new HttpCaller(RetryPolicy.standard(), decoder, d -> Thread.sleep(d.toMillis()),
                RandomGenerator.getDefault(), Clock.systemUTC());
    }

    public Answer call(OkHttpClient client, Request request, Repeat repeat) {
        return exchange(client, request, repeat, answer -> answer);
    }

    /**
     * A read: safe to repeat, so an answer {@code reader} finds cut short is asked again like one
     * whose connection dropped, within the same attempts and backoff.
     */
    public <T> T read(OkHttpClient client, Request request, Reader<T> reader) {
        return exchange(client, request, Repeat.SAFE, reader);
    }

    private <T> T exchange(OkHttpClient client, Request request, Repeat repeat, Reader<T> reader) {
        for (int attempt = 1; ; attempt++) {
            if (closed) {
                throw new CancellationException("the session was closed");
            }
            RequestProgress progress = new RequestProgress();
            Call call = client.newCall(request.newBuilder().tag(RequestProgress.class, progress).build());
            inFlight.add(call);
            Duration wait;
            try (Response response = Calls.execute(call)) {
                int code = response.code();
                if (response.isSuccessful()) {
                    ResponseBody body = response.body();
                    return reader.read(new Answer(code, response.headers(), body.bytes()));
                }
                Optional<Duration> retryAfter = RetryPolicy.parseRetryAfter(response.header("Retry-After"), clock.instant());
                AgentError error = decoder.decode(code, response.peekBody(MAX_ERROR_BODY).bytes(), retryAfter, redactionFor(request));
                boolean again = RetryPolicy.isRetryableStatus(code) && attempt < policy.maxAttempts()
                        && retryAfter.map(d -> d.compareTo(policy.maxRetryAfter()) <= 0).orElse(true);
                if (!again) {
                    throw new AgentException(error);
                }
                wait = retryAfter.isPresent() ? retryAfter.get() : policy.backoff(attempt, random);
            } catch (IOException e) {
                if (call.isCanceled() || closed || Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("cancelled: " + request.method() + " " + request.url().encodedPath());
                }
                if (e instanceof KeyWithheldException withheld) {
                    throw new AgentException(withheld.error()); // asking again would be refused again
                }
                boolean written = progress.written();
                if (written && repeat == Repeat.ONCE) {
                    throw new AgentException(new AgentError.Uncertain(describe(e)));
                }
                if (attempt >= policy.maxAttempts()) {
                    // only a request safe to repeat gets here written: its answer lost is no answer, not "may have arrived"
                    throw new AgentException(written ? new AgentError.NoAnswer(attempt, describe(e))
                            : new AgentError.Network(describe(e)));
                }
                wait = policy.backoff(attempt, random);
            } finally {
                inFlight.remove(call);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting to retry");
            }
        }
    }

    /**
     * A server that echoes the key back in an error must not put it into our messages, in whatever
     * form it echoes it: the decoder redacts the body after decoding it.
     */
    private static Redaction redactionFor(Request request) {
        String auth = request.header("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || auth.length() <= 7) {
            return Redaction.NONE;
        }
        return Redaction.of(auth.substring(7));
    }

    /** Cancels every call in flight and refuses new ones. */
    public void close() {
        closed = true;
        inFlight.forEach(Call::cancel);
    }

    /** A short cause without any header (so never a token). */
    static String describe(IOException e) {
        if (e instanceof CutShortAnswer) {
            return e.getMessage();
        }
        String kind;
        if (e instanceof UnknownHostException) {
            kind = "unknown host";
        } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            kind = "connection refused";
        } else if (e instanceof InterruptedIOException) {
            kind = "timed out";
        } else {
            kind = "connection failed";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? kind : kind + " (" + m + ")";
    }
}
