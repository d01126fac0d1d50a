package dev.agentconsole.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The object store H's {@code /resources} redirect to, as the emulator serves it: presigned URLs on
 * another host name ({@code localhost} where the API is {@code 127.0.0.1}), like S3 behind the real
 * platform. Like S3 it refuses a request that carries an {@code Authorization} header beside the
 * signature, and it counts them: a client that forwards the API key across hosts is caught.
 */
final class Storage {

    /** The first path segment of every presigned URL. */
    static final String PREFIX = "storage";

    private final int port;
    private final byte[] secret = new byte[32];
    private final Function<String, Optional<HSession>> sessions;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong withAuthorization = new AtomicLong();

    Storage(int port, Function<String, Optional<HSession>> sessions) {
        this.port = port;
        this.sessions = sessions;
        new SecureRandom().nextBytes(secret);
    }

    /** A presigned URL for one object, on the storage host name. */
    String presign(String sessionId, String bucket, String key) {
        String path = "/" + PREFIX + "/" + sessionId + "/" + bucket + "/" + key;
        return "http://localhost:" + port + path + "?X-Amz-Expires=300&X-Amz-Signature=" + sign(path);
    }

    /** Requests the store answered or refused. */
    long requests() {
        return requests.get();
    }

    /** Requests that arrived with an {@code Authorization} header: a key forwarded across hosts. */
    long requestsWithAuthorization() {
        return withAuthorization.get();
    }

    /** Answers {@code GET /storage/{session}/{bucket}/{key}?...}; writes the whole answer itself. */
    void handle(HttpExchange exchange, List<String> parts, java.util.Map<String, String> query) throws IOException {
        requests.incrementAndGet();
        if (exchange.getRequestHeaders().containsKey("Authorization")) {
            withAuthorization.incrementAndGet();
            answer(exchange, 400, "application/xml", ("<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism "
                    + "allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the "
                    + "Authorization header should be specified</Message></Error>").getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!exchange.getRequestMethod().equals("GET") || parts.size() != 4) {
            answer(exchange, 404, "application/xml", "<Error><Code>NoSuchKey</Code></Error>".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String path = "/" + String.join("/", parts);
        String signature = query.getOrDefault("X-Amz-Signature", "");
        if (!MessageDigest.isEqual(sign(path).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            answer(exchange, 403, "application/xml", "<Error><Code>SignatureDoesNotMatch</Code></Error>".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Optional<DemoPicture> picture = sessions.apply(parts.get(1)).flatMap(s -> s.screenshot(parts.get(2), parts.get(3)));
        if (picture.isEmpty()) {
            answer(exchange, 404, "application/xml", "<Error><Code>NoSuchKey</Code></Error>".getBytes(StandardCharsets.UTF_8));
            return;
        }
        answer(exchange, 200, "image/png", Base64.getDecoder().decode(picture.get().pngBase64()));
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private String sign(String path) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(path.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
