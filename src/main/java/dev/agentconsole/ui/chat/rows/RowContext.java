package dev.agentconsole.ui.chat.rows;

import dev.agentconsole.ui.ImageLoader;
import dev.agentconsole.ui.chat.TranscriptView;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.ListView;

/**
 * What every row of one transcript shares: its list (width, re-measuring), the buttons' actions,
 * which rows the operator opened, and the pictures.
 */
public record RowContext(ListView<?> list, TranscriptView.Actions actions, Set<String> expanded, ImageLoader images,
                         Enlarger enlarger) {

    /** Shows a thumbnail's picture large, near {@code owner}. */
    @FunctionalInterface
    public interface Enlarger {
        void enlarge(String key, String uri, Node owner);
    }
}
