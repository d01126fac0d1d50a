package dev.agentconsole.ui.chat.rows;

import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.chat.TranscriptEntry;
import dev.agentconsole.ui.chat.TranscriptRow;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

/**
 * One row of the transcript: shows its row's entry and follows it while bound to it (a delivery
 * moving on is redrawn in this cell alone).
 *
 * <p>Every kind of row is drawn by the same small node tree (a status line, or a {@link Bubble}
 * with a caption, body lines, actions, thumbnails, a footer and buttons): the bubble's kind is a
 * pseudo-class, and the parts a kind does not use are hidden. The list reuses a cell for rows of any
 * kind while it scrolls and re-measures, and every CSS pass walks the cell's whole tree, hidden parts
 * included: a tree per kind made each pass walk eight, and swapping trees in and out re-matched
 * their CSS from scratch. What each kind puts in the bubble lives in its {@link RowKind}.
 */
public final class EntryCell extends ListCell<TranscriptRow> {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final RowContext context;
    private TranscriptRow bound;
    private final InvalidationListener entryChanged = o -> {
        if (bound != null) {
            showEntry(bound.entry());
        }
    };
    /** Weak, so a cell the list threw away while bound is not kept alive by its row. */
    private final WeakInvalidationListener weakEntryChanged = new WeakInvalidationListener(entryChanged);
    /** The entry this cell's graphic shows; entries are immutable, so the same one needs no redraw. */
    private TranscriptEntry rendered;

    private final Label statusLabel = new Label();
    private final HBox statusLine;
    private final Bubble bubble;

    public EntryCell(RowContext context) {
        this.context = context;
        setAccessibleRole(AccessibleRole.LIST_ITEM);
        prefWidthProperty().bind(context.list().widthProperty().subtract(24));

        Separator l = new Separator();
        Separator r = new Separator();
        HBox.setHgrow(l, Priority.ALWAYS);
        HBox.setHgrow(r, Priority.ALWAYS);
        statusLine = new HBox(l, statusLabel, r);
        statusLine.getStyleClass().add(Styles.STATUS_LINE);

        bubble = new Bubble(context, this::redraw);
        for (Node n : List.of(statusLine, bubble.bubbleRow)) {
            n.managedProperty().bind(n.visibleProperty());
        }
        setGraphic(new StackPane(statusLine, bubble.bubbleRow));
        getGraphic().setVisible(false);
    }

    @Override
    protected void updateItem(TranscriptRow row, boolean empty) {
        super.updateItem(row, empty);
        TranscriptRow next = empty ? null : row;
        if (bound != next) {
            if (bound != null) {
                bound.entryProperty().removeListener(weakEntryChanged);
            }
            bound = next;
            if (bound != null) {
                bound.entryProperty().addListener(weakEntryChanged);
            }
        }
        showEntry(bound == null ? null : bound.entry());
    }

    private void showEntry(TranscriptEntry entry) {
        setText(null);
        SearchMarks.of(context.list()).apply(this, entry == null ? null : entry.key()); // before the early return: marks change alone
        if (entry == rendered) {
            return; // the list re-asks every visible cell on each change; most rows did not change
        }
        rendered = entry;
        // An empty cell keeps its graphic, hidden: setting it again would re-parent it.
        getGraphic().setVisible(entry != null);
        setAccessibleText(entry == null ? null : entry.copyText());
        if (entry == null || entry instanceof TranscriptEntry.Status) {
            bubble.setThumbnails("", List.of()); // lets go of pictures it no longer shows
        }
        if (entry == null) {
            return;
        }
        boolean status = entry instanceof TranscriptEntry.Status;
        statusLine.setVisible(status);
        bubble.bubbleRow.setVisible(!status);
        if (entry instanceof TranscriptEntry.Status s) {
            statusLabel.setText(s.label() + " · " + TIME.format(s.at()));
            return;
        }
        bubble.reset(entry instanceof TranscriptEntry.Operator);
        bubble.setThumbnails(entry.key(), RowKinds.show(entry, bubble));
    }

    /** The operator opened or closed a fold: draw the row again and let the list measure its new height. */
    private void redraw() {
        TranscriptEntry entry = rendered;
        rendered = null;
        showEntry(entry);
        context.list().refresh();
    }
}
