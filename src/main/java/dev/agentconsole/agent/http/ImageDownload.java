package dev.agentconsole.agent.http;

import dev.agentconsole.agent.AgentBackend.FetchedImage;
import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Fetches an image an event names by URL (H's platform screenshots: {@code /resources/{bucket}/{key}},
 * which needs the key and answers 302 to a presigned URL on the storage host). The key goes only to
 * the provider's own origin; OkHttp drops the {@code Authorization} header when a redirect changes
 * host (kept that way on purpose: the storage host must never see the key, even one among the
 * profile's hosts), {@link KeyHostGuard} refuses any hop that would carry it outside them, and an
 * https to http redirect is not followed at all ({@link HttpStack}). One attempt: the window offers Retry.
 */
public final class ImageDownload {

    /** Larger answers are refused before they fill the memory: a screenshot is a few MB at most. */
    public static final long MAX_BYTES = 25L * 1024 * 1024;
    /** The whole fetch, redirect and body included. */
    static final java.time.Duration CALL_TIMEOUT = java.time.Duration.ofSeconds(60);

    private final Endpoint endpoint;
    private final HttpStack http;

    public ImageDownload(Endpoint endpoint, HttpStack http) {
        this.endpoint = endpoint;
        this.http = http;
    }

    /** Whether a request to {@code url} may carry the key: the same scheme, host and port as the API. */
    boolean sameOrigin(HttpUrl url) {
        HttpUrl base = endpoint.baseUrl();
        return url.scheme().equals(base.scheme()) && url.host().equalsIgnoreCase(base.host()) && url.port() == base.port();
    }

    public FetchedImage fetch(String address) {
        HttpUrl url = HttpUrl.parse(address);
        if (url == null) {
            throw new AgentException(new AgentError.Unexpected(0, "the image address is not an http(s) URL"));
        }
        Request request = (sameOrigin(url) ? endpoint.authorizedDownload(url.newBuilder())
                : new Request.Builder().url(url)).header("Accept", "image/*").get().build();
        Call call = http.client(url).newCall(request);
        call.timeout().timeout(CALL_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS); // a host that drips holds no thread for long
        try (Response response = Calls.execute(call)) {
            if (!response.isSuccessful()) {
                throw new AgentException(refusal(response));
            }
            ResponseBody body = response.body();
            String type = Optional.ofNullable(body.contentType()).map(t -> t.type() + "/" + t.subtype()).orElse("");
            if (!type.isEmpty() && !type.startsWith("image/") && !type.equals("application/octet-stream")) {
                throw new AgentException(new AgentError.Unexpected(response.code(), "the answer is not an image (" + type + ")"));
            }
            if (body.contentLength() > MAX_BYTES) {
                throw new AgentException(new AgentError.Unexpected(response.code(), tooLarge()));
            }
            try (InputStream in = body.byteStream()) {
                byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new AgentException(new AgentError.Unexpected(response.code(), tooLarge()));
                }
                return new FetchedImage(bytes, type.startsWith("image/") ? Optional.of(type) : Optional.empty());
            }
        } catch (IOException e) {
            if (call.isCanceled() || Thread.currentThread().isInterrupted()) {
                throw new CancellationException("cancelled: image");
            }
            if (e instanceof KeyWithheldException withheld) {
                throw new AgentException(withheld.error());
            }
            throw new AgentException(new AgentError.Network(HttpCaller.describe(e)));
        }
    }

    private static AgentError refusal(Response response) {
        int code = response.code();
        if (response.isRedirect()) {
            // only an https -> http hop stops here: a key-carrying client does not follow it
            return new AgentError.Unexpected(code, "the image redirects to a plain http address; not followed");
        }
        return switch (code) {
            case 401 -> new AgentError.Unauthorized("the key was refused for this image");
            case 403 -> new AgentError.Forbidden("this key may not see this image");
            case 404, 410 -> new AgentError.NotFound("the image is gone (HTTP " + code + ")");
            default -> new AgentError.Unexpected(code, "the image could not be fetched");
        };
    }

    private static String tooLarge() {
        return "the image is larger than " + MAX_BYTES / (1024 * 1024) + " MB";
    }
}
