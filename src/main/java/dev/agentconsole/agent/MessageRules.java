package dev.agentconsole.agent;

/**
 * A provider's limits on what the operator may send, as reference section 3 counts them.
 *
 * @param maxTextCodePoints longest message text in Unicode code points, 0 for no limit
 * @param maxBodyBytes      largest serialized request body in bytes, 0 for no limit
 * @param maxStartUrlChars  longest start URL, 0 when start URLs are not accepted
 * @param nativeBatch       a batch travels as one request (H) rather than one per line (AGI)
 */
public record MessageRules(int maxTextCodePoints, long maxBodyBytes, boolean acceptsImages,
                           boolean acceptsCallerId, int maxStartUrlChars, boolean nativeBatch) {

    /** The image budget when a provider sets no body limit. */
    public static final long DEFAULT_IMAGE_BUDGET = 4_900_000;

    public boolean acceptsStartUrl() {
        return maxStartUrlChars > 0;
    }

    /**
     * What the images of one request may take as data URIs: the request's limit less room for the
     * text and the JSON around it (a message longer than that room is refused with its size).
     */
    public long imageBudgetBytes() {
        return maxBodyBytes <= 0 ? DEFAULT_IMAGE_BUDGET : Math.max(0, maxBodyBytes - 100_000);
    }
}
