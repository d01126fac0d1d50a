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

    public boolean acceptsStartUrl() {
        return maxStartUrlChars > 0;
    }
}
