package dev.agentconsole.store;

import java.util.List;

/** What the composer holds for one session: the text, the start URL, the caller id and the queue. */
public record Draft(String text, String startUrl, String callerId, List<String> queue) {

    public static final Draft EMPTY = new Draft("", "", "", List.of());

    public Draft {
        text = text == null ? "" : text;
        startUrl = startUrl == null ? "" : startUrl;
        callerId = callerId == null ? "" : callerId;
        queue = List.copyOf(queue);
    }

    public boolean isEmpty() {
        return text.isEmpty() && startUrl.isEmpty() && callerId.isEmpty() && queue.isEmpty();
    }
}
