package dev.agentconsole.store;

import dev.agentconsole.agent.AgentEvent;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How text is cut into what the full-text index holds, done here in Java so that the index, the
 * query and the highlighting in a snippet agree exactly (SQLite's tokenizer then only splits on
 * the spaces we put).
 *
 * <p>Words are runs of letters, digits and marks, folded: compatibility forms (full-width Latin,
 * ligatures), case, and marks (Latin accents, Arabic harakat and hamza seats, Hebrew points)
 * taken off, and the Arabic tatweel dropped, so "cafe" finds "Café" and "كتاب" finds "كِتَابٌ".
 * Chinese, Japanese and Korean are written without spaces between words, so their runs are
 * indexed as overlapping pairs of characters ("予算について" as 予算 算に につ つい いて), which finds
 * any part of two or more characters; the last character of each run is kept in a column of its
 * own, so one character finds it too. Thai, Lao, Khmer are not cut into words (a run is one word).
 */
final class SearchText {

    /** The event kinds the index holds. */
    static final List<String> KINDS = List.of("Message", "Thought", "Action", "Question", "Answer");

    private SearchText() {}

    /**
     * One piece of a text: a word, or one character of a run written without spaces.
     *
     * @param start  where it starts in the original text
     * @param end    where it ends in the original text
     * @param folded the form the index holds
     * @param cjk    a character of a run without spaces
     */
    record Unit(int start, int end, String folded, boolean cjk) {}

    /** What the index holds of a text: the words and character pairs in order, and the last character of each run. */
    record Indexed(String body, String tail) {
        boolean isEmpty() {
            return body.isBlank() && tail.isBlank();
        }
    }

    /** The searchable text of an event of a kind the index holds, else empty. */
    static Optional<String> of(AgentEvent e) {
        if (e instanceof AgentEvent.Message m) {
            return Optional.of(m.text());
        }
        if (e instanceof AgentEvent.Thought t) {
            return Optional.of(join(t.text(), t.content(), String.join("\n", t.actions())));
        }
        if (e instanceof AgentEvent.Action a) {
            return Optional.of(join(a.tool(), a.arguments()));
        }
        if (e instanceof AgentEvent.Question q) {
            return Optional.of(q.text());
        }
        if (e instanceof AgentEvent.Answer a) {
            return Optional.of(a.text());
        }
        return Optional.empty();
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                if (b.length() > 0) {
                    b.append('\n');
                }
                b.append(p);
            }
        }
        return b.toString();
    }

    /** The text's words and characters, in order. */
    static List<Unit> units(String text) {
        List<Unit> units = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (isCjk(cp)) {
                String folded = fold(text.substring(i, i + width));
                if (!folded.isEmpty()) {
                    units.add(new Unit(i, i + width, folded, true));
                }
                i += width;
            } else if (isWordPart(cp)) {
                int start = i;
                while (i < n) {
                    int c = text.codePointAt(i);
                    if (!isWordPart(c) || isCjk(c)) {
                        break;
                    }
                    i += Character.charCount(c);
                }
                String folded = fold(text.substring(start, i));
                if (!folded.isEmpty()) {
                    units.add(new Unit(start, i, folded, false));
                }
            } else {
                i += width;
            }
        }
        return units;
    }

    /** The index's form of a text. */
    static Indexed index(String text) {
        StringBuilder body = new StringBuilder();
        StringBuilder tail = new StringBuilder();
        List<Unit> units = units(text);
        int i = 0;
        while (i < units.size()) {
            Unit u = units.get(i);
            if (!u.cjk()) {
                space(body).append(u.folded());
                i++;
                continue;
            }
            int end = runEnd(units, i);
            if (end - i == 1) {
                space(body).append(u.folded());
            } else {
                for (int k = i; k < end - 1; k++) {
                    space(body).append(units.get(k).folded()).append(units.get(k + 1).folded());
                }
                space(tail).append(units.get(end - 1).folded());
            }
            i = end;
        }
        return new Indexed(body.toString(), tail.toString());
    }

    /** Where the run of adjacent characters without spaces that starts at {@code from} ends (exclusive). */
    static int runEnd(List<Unit> units, int from) {
        int end = from + 1;
        while (end < units.size() && units.get(end).cjk() && units.get(end).start() == units.get(end - 1).end()) {
            end++;
        }
        return end;
    }

    private static StringBuilder space(StringBuilder b) {
        if (b.length() > 0) {
            b.append(' ');
        }
        return b;
    }

    /** Compatibility forms, case and marks folded; the tatweel dropped. */
    static String fold(String s) {
        if (isAscii(s)) {
            return s.toLowerCase(Locale.ROOT); // most words: nothing to normalize
        }
        String compatible = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(compatible, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
            if (!mark && cp != 0x0640) {
                b.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return Normalizer.normalize(b, Normalizer.Form.NFC);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Letters, digits, marks and private-use characters make words; everything else separates them. */
    static boolean isWordPart(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.NON_SPACING_MARK,
                    Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }

    /** Scripts written without spaces between words, and the long-vowel mark they use. */
    static boolean isCjk(int cp) {
        if (cp < 0x1100) {
            return false; // below Hangul Jamo: no script written without spaces (and most text is here)
        }
        if (cp == 0x30FC || cp == 0xFF70) {
            return true; // ー: script "common", but part of katakana words
        }
        if (!isWordPart(cp)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
