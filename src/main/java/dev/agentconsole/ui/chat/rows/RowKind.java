package dev.agentconsole.ui.chat.rows;

import dev.agentconsole.ui.chat.TranscriptEntry;
import java.util.List;

/**
 * How one kind of entry fills the cell's shared bubble. The bubble comes with every part hidden but
 * the caption; a kind turns on what it shows. One class per kind: adding a kind is one new class
 * and its line in {@link RowKinds}.
 *
 * @param <E> the entry it draws
 */
interface RowKind<E extends TranscriptEntry> {

    Class<E> type();

    /** Fills {@code bubble} for {@code entry}; returns the pictures to show as thumbnails. */
    List<String> show(E entry, Bubble bubble);
}
