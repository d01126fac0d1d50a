package dev.agentconsole.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the operator typed into a search field, as an FTS5 expression and as a matcher for the
 * same words in a text (for snippets and highlighting).
 *
 * <p>Every word is searched for literally: quotes group words into a phrase, and nothing else is
 * syntax (AND, OR, NOT, NEAR, *, ^, :, parentheses and stray quotes are text), so no input can make
 * the expression invalid. All words must occur; the last one may be the start of a word (the
 * operator may still be typing it), unless it is quoted or followed by a space.
 */
public final class SearchQuery {

    /** One word or phrase: the index's tokens in order, the last one perhaps a prefix. */
    private record Term(List<String> tokens, boolean prefix, boolean singleCharacter) {}

    private final String typed;
    private final List<Term> terms;

    private SearchQuery(String typed, List<Term> terms) {
        this.typed = typed;
        this.terms = terms;
    }

    public static SearchQuery parse(String typed) {
        String text = typed == null ? "" : typed;
        List<String> raw = new ArrayList<>();
        List<Boolean> quoted = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int close = text.indexOf('"', i + 1);
                int end = close < 0 ? text.length() : close;
                raw.add(text.substring(i + 1, end));
                quoted.add(true);
                i = end + 1;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') {
                    end++;
                }
                raw.add(text.substring(i, end));
                quoted.add(false);
                i = end;
            }
        }
        boolean stillTyping = !text.isEmpty() && !Character.isWhitespace(text.charAt(text.length() - 1));
        List<Term> terms = new ArrayList<>();
        for (int t = 0; t < raw.size(); t++) {
            List<SearchText.Unit> units = SearchText.units(raw.get(t));
            if (units.isEmpty()) {
                continue; // punctuation alone: nothing to look for
            }
            boolean last = t == raw.size() - 1;
            terms.add(term(units, last && stillTyping && !quoted.get(t)));
        }
        return new SearchQuery(text, List.copyOf(terms));
    }

    /** The index's tokens for one word or phrase (pairs for runs without spaces, as {@link SearchText#index}). */
    private static Term term(List<SearchText.Unit> units, boolean typing) {
        List<String> tokens = new ArrayList<>();
        boolean endsInSingle = false;
        int i = 0;
        while (i < units.size()) {
            SearchText.Unit u = units.get(i);
            if (!u.cjk()) {
                tokens.add(u.folded());
                endsInSingle = false;
                i++;
                continue;
            }
            int end = SearchText.runEnd(units, i);
            if (end - i == 1) {
                tokens.add(u.folded());
                endsInSingle = true;
            } else {
                for (int k = i; k < end - 1; k++) {
                    tokens.add(units.get(k).folded() + units.get(k + 1).folded());
                }
                endsInSingle = false;
            }
            i = end;
        }
        // one character of a run is the start of a pair, or a run's last character (the tail column)
        boolean single = tokens.size() == 1 && endsInSingle;
        return new Term(List.copyOf(tokens), typing || endsInSingle, single);
    }

    /** Nothing searchable was typed. */
    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** What was typed. */
    public String typed() {
        return typed;
    }

    /** The FTS5 expression over the body and tail columns, or empty when nothing searchable was typed. */
    Optional<String> expression() {
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (Term t : terms) {
            parts.add(quote(String.join(" ", t.tokens())) + (t.prefix() ? "*" : ""));
        }
        return Optional.of("{body tail} : (" + String.join(" AND ", parts) + ")");
    }

    /** An FTS5 string: in double quotes, a quote inside doubled. */
    static String quote(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Whether every word occurs in {@code text}, as the index would find it. */
    public boolean matches(String text) {
        if (terms.isEmpty()) {
            return false;
        }
        List<SearchText.Unit> units = SearchText.units(text);
        List<Token> stream = tokens(units);
        for (Term t : terms) {
            if (find(t, units, stream).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Where the words occur in {@code text}, in order of place (for highlighting). */
    public List<SearchHit.Mark> marks(String text) {
        List<SearchText.Unit> units = SearchText.units(text);
        List<Token> stream = tokens(units);
        List<SearchHit.Mark> marks = new ArrayList<>();
        for (Term t : terms) {
            marks.addAll(find(t, units, stream));
        }
        marks.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        List<SearchHit.Mark> merged = new ArrayList<>();
        for (SearchHit.Mark m : marks) {
            SearchHit.Mark last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && m.start() <= last.end()) {
                merged.set(merged.size() - 1, new SearchHit.Mark(last.start(), Math.max(last.end(), m.end())));
            } else {
                merged.add(m);
            }
        }
        return merged;
    }

    /** A token of the body column, with where it came from in the text. */
    private record Token(String text, int start, int end) {}

    private static List<Token> tokens(List<SearchText.Unit> units) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < units.size()) {
            SearchText.Unit u = units.get(i);
            if (!u.cjk()) {
                out.add(new Token(u.folded(), u.start(), u.end()));
                i++;
                continue;
            }
            int end = SearchText.runEnd(units, i);
            if (end - i == 1) {
                out.add(new Token(u.folded(), u.start(), u.end()));
            } else {
                for (int k = i; k < end - 1; k++) {
                    SearchText.Unit a = units.get(k);
                    SearchText.Unit b = units.get(k + 1);
                    out.add(new Token(a.folded() + b.folded(), a.start(), b.end()));
                }
            }
            i = end;
        }
        return out;
    }

    private static List<SearchHit.Mark> find(Term t, List<SearchText.Unit> units, List<Token> stream) {
        List<SearchHit.Mark> found = new ArrayList<>();
        if (t.singleCharacter()) {
            String c = t.tokens().get(0);
            for (SearchText.Unit u : units) {
                if (u.cjk() && u.folded().equals(c)) {
                    found.add(new SearchHit.Mark(u.start(), u.end()));
                }
            }
            return found;
        }
        int k = t.tokens().size();
        for (int i = 0; i + k <= stream.size(); i++) {
            boolean all = true;
            for (int j = 0; j < k && all; j++) {
                String want = t.tokens().get(j);
                String have = stream.get(i + j).text();
                all = j == k - 1 && t.prefix() ? have.startsWith(want) : have.equals(want);
            }
            if (all) {
                found.add(new SearchHit.Mark(stream.get(i).start(), stream.get(i + k - 1).end()));
            }
        }
        return found;
    }

    /**
     * About {@code width} characters of {@code text} around the first place the words occur, on
     * one line, with the words marked ("…" where it was cut).
     */
    public SearchHit.Snippet snippet(String text, int width) {
        List<SearchHit.Mark> marks = marks(text);
        int first = marks.isEmpty() ? 0 : marks.get(0).start();
        int start = Math.max(0, first - width / 3);
        if (start > 0) {
            int space = text.indexOf(' ', start);
            if (space >= 0 && space < first && space - start < 15) {
                start = space + 1;
            }
        }
        int end = Math.min(text.length(), start + width);
        if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
            end++;
        }
        String prefix = start > 0 ? "…" : "";
        StringBuilder b = new StringBuilder(prefix);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            b.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
        }
        if (end < text.length()) {
            b.append('…');
        }
        List<SearchHit.Mark> shown = new ArrayList<>();
        for (SearchHit.Mark m : marks) {
            if (m.end() > start && m.start() < end) {
                shown.add(new SearchHit.Mark(Math.max(m.start(), start) - start + prefix.length(),
                        Math.min(m.end(), end) - start + prefix.length()));
            }
        }
        return new SearchHit.Snippet(b.toString(), List.copyOf(shown));
    }

    @Override
    public String toString() {
        return typed;
    }
}
