package dev.agentconsole.agent.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * A provider's base URL with its token, checked once: a token only travels over https, or over
 * plain http to this machine (the emulator on loopback).
 */
public record Endpoint(HttpUrl baseUrl, ApiToken token) {

    /** The one name a key may travel to over plain http; it is pinned to the loopback address. */
    public static final String LOCALHOST = "localhost";

    public Endpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        if (!baseUrl.isHttps() && !isLoopback(baseUrl.host())) {
            throw new IllegalArgumentException("refusing to send an API key over plain http to "
                    + baseUrl.host() + ": use https://, or http:// only for this machine (localhost, 127.0.0.1, ::1)");
        }
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

    /** A request to {@code url} carrying this endpoint's token and asking for JSON. */
    public okhttp3.Request.Builder authorized(HttpUrl.Builder url) {
        return new okhttp3.Request.Builder().url(url.build())
                .header("Authorization", token.authorizationHeader())
                .header("Accept", "application/json");
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
