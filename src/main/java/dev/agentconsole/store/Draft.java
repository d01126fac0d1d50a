package dev.agentconsole.store;

import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
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

    /**
     * What the composer holds once {@code sent} went out, as the composer empties itself: a single
     * message takes the typed text and the pictures, a batch takes the queue. Only a draft that holds
     * exactly what was sent is emptied (the composer sends its text as typed): "yes" typed after
     * "yes please" went out is the operator's next message, and is kept.
     */
    public Draft afterSending(Outgoing sent) {
        if (sent instanceof Outgoing.Batch batch) {
            List<String> lines = batch.messages().stream().map(OutgoingMessage::text).toList();
            return !queue.isEmpty() && queue.equals(lines) ? new Draft(text, startUrl, callerId, List.of(), images) : this;
        }
        OutgoingMessage m = sent.messages().get(0);
        boolean holdsIt = text.isEmpty() ? !images.isEmpty() && images.size() == m.images().size() && m.text().isEmpty()
                : text.equals(m.text());
        return holdsIt ? new Draft("", startUrl, callerId, queue, List.of()) : this;
    }

    public boolean isEmpty() {
        return text.isEmpty() && startUrl.isEmpty() && callerId.isEmpty() && queue.isEmpty() && images.isEmpty();
    }
}
