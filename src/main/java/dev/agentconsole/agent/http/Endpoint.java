package dev.agentconsole.agent.http;

import dev.agentconsole.agent.InvalidInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * A provider's base URL with its token and the hosts that token may be sent to, checked once: a
 * token only travels over https, or over plain http to this machine (the emulator on loopback),
 * and only to one of {@code keyHosts} (by default exactly the base URL's host; a profile may name
 * more). The hosts are names or IP literals, lower-cased, without port or scheme: a key allowed to
 * {@code api.example.com} may go there on any port, over https (or over http if it is loopback).
 *
 * <p>{@link HttpStack} enforces both rules again on the wire, for every hop of every request that
 * carries the key (redirects and authenticators included): see {@link KeyHostGuard}.
 */
public record Endpoint(HttpUrl baseUrl, ApiToken token, Set<String> keyHosts) {

    /** The one name a key may travel to over plain http; it is pinned to the loopback address. */
    public static final String LOCALHOST = "localhost";

    /** Letters, digits and inner hyphens, dot-separated (IDNs arrive here as punycode); no trailing dot. */
    private static final Pattern HOST_NAME =
            Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    /**
     * @throws InvalidInputException when the token would travel over plain http to another machine, a
     *                               host is not a host, or the base URL's host is not among {@code keyHosts}
     */
    public Endpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(keyHosts, "keyHosts");
        plainHttpProblem(baseUrl).ifPresent(p -> {
            throw new InvalidInputException(p);
        });
        keyHosts = normalizeHosts(keyHosts);
        if (!keyHosts.contains(baseUrl.host())) {
            throw new InvalidInputException(notAmong("the base URL's host " + baseUrl.host(), keyHosts)
                    + ": the key is not sent there");
        }
    }

    /** The key may go to the base URL's host only. */
    public Endpoint(HttpUrl baseUrl, ApiToken token) {
        this(baseUrl, token, Set.of(Objects.requireNonNull(baseUrl, "baseUrl").host()));
    }

    /**
     * What is wrong with a profile's base URL and hosts, in the words {@link #Endpoint} would throw, or
     * empty when an endpoint can be made of them: for checking a profile before it is saved.
     */
    public static Optional<String> problemWithHosts(HttpUrl baseUrl, Collection<String> hosts) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Optional<String> plain = plainHttpProblem(baseUrl);
        if (plain.isPresent()) {
            return plain;
        }
        Set<String> normal;
        try {
            normal = normalizeHosts(hosts);
        } catch (InvalidInputException e) {
            return Optional.of(e.getMessage());
        }
        if (!normal.contains(baseUrl.host())) {
            return Optional.of(notAmong("the base URL's host " + baseUrl.host(), normal) + ": the key is not sent there");
        }
        return Optional.empty();
    }

    /**
     * The hosts in the form requests name them ({@link HttpUrl#host()}: lower case, punycode, IPv6
     * without brackets, in canonical form), in the order given, without repeats.
     *
     * @throws InvalidInputException naming the first entry that is not a plain host name or IP literal
     *                               (a port, a scheme, a path, a wildcard), or when there is none
     */
    public static Set<String> normalizeHosts(Collection<String> hosts) {
        Objects.requireNonNull(hosts, "hosts");
        Set<String> out = new LinkedHashSet<>();
        for (String host : hosts) {
            out.add(normalizeHost(host));
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("the profile names no host its key may be sent to: name at least the base URL's host");
        }
        return Collections.unmodifiableSet(out);
    }

    private static String normalizeHost(String entry) {
        String h = entry == null ? "" : entry.strip();
        if (h.isEmpty()) {
            throw new InvalidInputException("a host of the profile is empty: write a host name such as api.example.com");
        }
        String notAHost = "'" + h + "' is not a host name or IP address: write only the host, such as api.example.com"
                + " (no scheme, port, path or wildcard)";
        boolean bracketed = h.startsWith("[") && h.endsWith("]");
        String inner = bracketed ? h.substring(1, h.length() - 1) : h;
        boolean ipv6 = inner.indexOf(':') != inner.lastIndexOf(':'); // host:port has one colon, an IPv6 literal two or more
        if (!ipv6 && (bracketed || inner.contains(":"))) {
            throw new InvalidInputException(notAHost);
        }
        if (inner.chars().anyMatch(c -> c == '/' || c == '@' || c == '?' || c == '#' || c == '*' || c == '%' || c == '['
                || c == ']' || c == '\\' || Character.isWhitespace(c))) {
            throw new InvalidInputException(notAHost);
        }
        HttpUrl parsed = HttpUrl.parse("http://" + (ipv6 ? "[" + inner + "]" : inner) + "/");
        if (parsed == null) {
            throw new InvalidInputException(notAHost);
        }
        String host = parsed.host();
        if (!ipv6 && !HOST_NAME.matcher(host).matches()) {
            throw new InvalidInputException(notAHost);
        }
        return host;
    }

    private static Optional<String> plainHttpProblem(HttpUrl baseUrl) {
        if (baseUrl.isHttps() || isLoopback(baseUrl.host())) {
            return Optional.empty();
        }
        return Optional.of("refusing to send an API key over plain http to " + baseUrl.host()
                + ": use https://, or http:// only for this machine (localhost, 127.0.0.1, ::1)");
    }

    /** Whether the key may be sent to {@code host} (as {@link HttpUrl#host()} names it). */
    public boolean allowsKeyTo(String host) {
        return keyHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /** "{@code what} is not among this profile's hosts (a, b)". */
    static String notAmong(String what, Set<String> hosts) {
        return what + " is not among this profile's hosts (" + String.join(", ", hosts) + ")";
    }

    /** Parses a base URL the operator typed, with a specific message when it is not one. */
    public static HttpUrl parseBaseUrl(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the base URL is empty: expected e.g. https://agp.eu.hcompany.ai");
        }
        HttpUrl url = HttpUrl.parse(text.strip());
        if (url == null) {
            throw new IllegalArgumentException("the base URL '" + text.strip()
                    + "' is not an http:// or https:// URL");
        }
        if (url.querySize() > 0 || url.fragment() != null) {
            throw new IllegalArgumentException("the base URL must not carry a query or fragment: '" + text.strip() + "'");
        }
        return url;
    }

    /**
     * Literal loopback addresses ({@code 127.0.0.0/8}, {@code ::1}) and the name {@code localhost},
     * which {@link HttpStack} never asks DNS or the hosts file about (it connects to the loopback
     * address itself). No other name counts, however it resolves today: a hosts entry or a DNS answer
     * could point {@code anything.localhost} at another machine, and the key with it.
     */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals(LOCALHOST)) {
            return true;
        }
        boolean ipv4Literal = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6Literal = h.contains(":");
        if (!ipv4Literal && !ipv6Literal) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * A request to {@code url} carrying this endpoint's token and asking for JSON: an API call. A
     * redirect to a host outside {@link #keyHosts} is refused, not followed ({@link KeyHostGuard}).
     *
     * @throws IllegalArgumentException if {@code url} is not one the key may go to (a bug: callers build
     *                                  it from {@link #url})
     */
    public okhttp3.Request.Builder authorized(HttpUrl.Builder url) {
        return keyCarrying(url.build(), KeyHostGuard.Redirects.REFUSE_ELSEWHERE).header("Accept", "application/json");
    }

    /**
     * A request to {@code url} carrying this endpoint's token whose answer may redirect to another host
     * (H's {@code /resources} answer with a presigned URL on the storage host): the redirect is
     * followed, and OkHttp drops the key on the way, so the other host never sees it.
     */
    public okhttp3.Request.Builder authorizedDownload(HttpUrl.Builder url) {
        return keyCarrying(url.build(), KeyHostGuard.Redirects.FOLLOW_WITHOUT_KEY);
    }

    private okhttp3.Request.Builder keyCarrying(HttpUrl url, KeyHostGuard.Redirects redirects) {
        KeyHostGuard.problemWith(url, this).ifPresent(p -> {
            throw new IllegalArgumentException("the API key is not put on a request to " + url.host() + ": " + p);
        });
        return new okhttp3.Request.Builder().url(url)
                .header("Authorization", token.authorizationHeader())
                .tag(KeyHostGuard.Binding.class, new KeyHostGuard.Binding(this, redirects));
    }

    /** {@code base + segments}, each segment escaped. */
    public HttpUrl.Builder url(String... segments) {
        HttpUrl.Builder b = baseUrl.newBuilder();
        for (String s : segments) {
            b.addPathSegment(s);
        }
        return b;
    }
}
