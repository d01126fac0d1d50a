package dev.agentconsole.store;

import java.util.List;

/**
 * What the composer holds for one session: the text, the start URL, the caller id, the queue and
 * the attached images (data URIs, as attached: they are fitted again when they come back).
 */
public record Draft(String text, String startUrl, String callerId, List<String> queue, List<String> images) {

    public static final Draft EMPTY = new Draft("", "", "", List.of(), List.of());

    public Draft {
        text = text == null ? "" : text;
        startUrl = startUrl == null ? "" : startUrl;
        callerId = callerId == null ? "" : callerId;
        queue = List.copyOf(queue);
        images = List.copyOf(images);
    }

    public Draft(String text, String startUrl, String callerId, List<String> queue) {
        this(text, startUrl, callerId, queue, List.of());
    }

    /** Holds something typed or attached (a caller id alone is a setting, not content). */
    public boolean hasContent() {
        return !text.isEmpty() || !startUrl.isEmpty() || !queue.isEmpty() || !images.isEmpty();
    }

    public boolean isEmpty() {
        return text.isEmpty() && startUrl.isEmpty() && callerId.isEmpty() && queue.isEmpty() && images.isEmpty();
    }
}
