package dev.agentconsole.agent.http;

import java.io.IOException;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The wire's side of {@link Endpoint}'s rules, on every client {@link HttpStack} hands out. Installed
 * twice: as an application interceptor it checks a call's first request before any connection is
 * opened; as a network interceptor it checks every hop OkHttp makes by itself (redirects, an
 * authenticator's retry) after the connection is open and before a byte of the request is written.
 *
 * <ul>
 *   <li>A request carrying an {@code Authorization} header goes only to a host of the {@link Endpoint}
 *       that put it there, and over plain http only to loopback. A header no endpoint put there is
 *       refused wherever it goes.</li>
 *   <li>An API call ({@link Endpoint#authorized}) answered with a redirect to a host outside the
 *       endpoint's hosts fails before OkHttp connects there: the other host gets no request at all
 *       (a 307/308 would re-send the body too, and its 401 would blame a key it never saw).</li>
 *   <li>A download ({@link Endpoint#authorizedDownload}) follows such a redirect; OkHttp drops the
 *       {@code Authorization} header when a redirect changes scheme, host or port (kept that way on
 *       purpose), and the first rule stops anything that would put it back.</li>
 * </ul>
 * A refusal is a {@link KeyWithheldException} naming the host; nothing of the key is in it.
 */
final class KeyHostGuard implements Interceptor {

    /** What an endpoint's request does with a redirect that leaves its hosts. */
    enum Redirects { REFUSE_ELSEWHERE, FOLLOW_WITHOUT_KEY }

    /** The tag {@link Endpoint} puts on every request it authorizes; redirects and retries keep it. */
    record Binding(Endpoint endpoint, Redirects redirects) {}

    static final KeyHostGuard BEFORE_CONNECTING = new KeyHostGuard(false);
    static final KeyHostGuard EVERY_HOP = new KeyHostGuard(true);

    private final boolean network;

    private KeyHostGuard(boolean network) {
        this.network = network;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Binding binding = request.tag(Binding.class);
        if (request.header("Authorization") != null) {
            Optional<String> problem = binding == null
                    ? Optional.of("a request to " + request.url().host() + " carries an Authorization header that no endpoint put"
                            + " there: not sent")
                    : problemWith(request.url(), binding.endpoint());
            if (problem.isPresent()) {
                throw new KeyWithheldException(request.url().host(), 0, problem.get());
            }
        }
        Response response = chain.proceed(request);
        if (network && binding != null && binding.redirects() == Redirects.REFUSE_ELSEWHERE && response.isRedirect()) {
            String location = response.header("Location");
            HttpUrl next = location == null ? null : request.url().resolve(location);
            if (next != null && !binding.endpoint().allowsKeyTo(next.host())) {
                int code = response.code();
                response.close();
                throw new KeyWithheldException(next.host(), code, "the server redirected (HTTP " + code + ") to "
                        + Endpoint.notAmong(next.host() + ", which", binding.endpoint().keyHosts()) + ": not followed");
            }
        }
        return response;
    }

    /** Why {@code url} may not receive {@code endpoint}'s key, or empty. */
    static Optional<String> problemWith(HttpUrl url, Endpoint endpoint) {
        if (!endpoint.allowsKeyTo(url.host())) {
            return Optional.of(Endpoint.notAmong(url.host(), endpoint.keyHosts()));
        }
        if (!url.isHttps() && !Endpoint.isLoopback(url.host())) {
            return Optional.of("refusing to send an API key over plain http to " + url.host() + ": only to this machine");
        }
        return Optional.empty();
    }
}
