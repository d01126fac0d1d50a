package dev.agentconsole.agent;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message the operator sends.
 *
 * @param images   data URIs ({@code data:image/png;base64,...}); only providers whose rules accept images
 * @param callerId H's {@code caller_id}; empty means the server default ("user")
 * @param startUrl AGI's {@code start_url}; empty when not set
 */
public record OutgoingMessage(String text, List<String> images, Optional<String> callerId,
                              Optional<String> startUrl) {

    public OutgoingMessage {
        Objects.requireNonNull(text, "text");
        images = List.copyOf(images);
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(startUrl, "startUrl");
    }

    public static OutgoingMessage text(String text) {
        return new OutgoingMessage(text, List.of(), Optional.empty(), Optional.empty());
    }

    public OutgoingMessage withImages(List<String> dataUris) {
        return new OutgoingMessage(text, dataUris, callerId, startUrl);
    }

    public OutgoingMessage withCallerId(String id) {
        return new OutgoingMessage(text, images, Optional.ofNullable(id), startUrl);
    }

    public OutgoingMessage withStartUrl(String url) {
        return new OutgoingMessage(text, images, callerId, Optional.ofNullable(url));
    }
}
