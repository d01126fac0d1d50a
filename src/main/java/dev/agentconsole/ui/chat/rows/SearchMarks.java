package dev.agentconsole.ui.chat.rows;

import java.util.Collection;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ListView;

/**
 * Which rows of a transcript match the search in view, and which match is the current one: cells
 * show them as the pseudo-classes {@code :search-match} and {@code :search-current}. Kept in the
 * list's properties, so the cells find it through the list they already know.
 */
public final class SearchMarks {

    private static final Object KEY = SearchMarks.class;
    private static final PseudoClass MATCH = PseudoClass.getPseudoClass("search-match");
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("search-current");

    private Set<String> matches = Set.of();
    private String current;

    private SearchMarks() {}

    /** The marks of this list (made on first use). */
    public static SearchMarks of(ListView<?> list) {
        return (SearchMarks) list.getProperties().computeIfAbsent(KEY, k -> new SearchMarks());
    }

    /** Marks these rows (by key), {@code current} (or null) as the one in view. */
    public void set(Collection<String> keys, String current) {
        this.matches = Set.copyOf(keys);
        this.current = current;
    }

    /** Shows on {@code cell} whether the row {@code key} (null: an empty cell) matches. */
    void apply(Node cell, String key) {
        cell.pseudoClassStateChanged(MATCH, key != null && matches.contains(key));
        cell.pseudoClassStateChanged(CURRENT, key != null && key.equals(current));
    }
}
