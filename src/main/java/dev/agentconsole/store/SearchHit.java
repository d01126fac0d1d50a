package dev.agentconsole.store;

import java.time.Instant;
import java.util.List;

/**
 * One stored event that matches a search, with a snippet of its text around the match.
 *
 * @param sessionTitle what names the session for a person: its first message (the task), or "" when it has none
 * @param kind         the event's kind as stored ({@code Message}, {@code Thought}, {@code Action}, ...)
 */
public record SearchHit(SessionKey session, String sessionTitle, long position, int ordinal, String kind, Instant at,
                        Snippet snippet) {

    /** A stretch of a text, {@code start} inclusive, {@code end} exclusive. */
    public record Mark(int start, int end) {}

    /** A line of text with the matched words marked. */
    public record Snippet(String text, List<Mark> marks) {
        public Snippet {
            marks = List.copyOf(marks);
        }

        /** The text with each match between {@code open} and {@code close} (the CLI's brackets). */
        public String marked(String open, String close) {
            StringBuilder b = new StringBuilder();
            int at = 0;
            for (Mark m : marks) {
                b.append(text, at, m.start()).append(open).append(text, m.start(), m.end()).append(close);
                at = m.end();
            }
            return b.append(text.substring(at)).toString();
        }
    }

    /** Where an event sits in its session, for finding it again in a transcript. */
    public record Place(long position, int ordinal, String kind) {}

    /** How far indexing the events stored before search existed has come. */
    public record Progress(long done, long total) {
        public boolean complete() {
            return done >= total;
        }
    }
}
