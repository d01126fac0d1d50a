package dev.agentconsole.ui.chat;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A place in the transcript that keeps its identity while what it shows changes (a delivery
 * moving from sending to seen). The list's structure changes only when rows come or go: ListViewSkin
 * answers any replaced item by rebuilding every visible cell, and a burst of sends moves each
 * delivery through three or four states.
 */
public final class TranscriptRow {

    private final ReadOnlyObjectWrapper<TranscriptEntry> entry;

    TranscriptRow(TranscriptEntry entry) {
        this.entry = new ReadOnlyObjectWrapper<>(this, "entry", entry);
    }

    public String key() {
        return entry.get().key();
    }

    public TranscriptEntry entry() {
        return entry.get();
    }

    public ReadOnlyObjectProperty<TranscriptEntry> entryProperty() {
        return entry.getReadOnlyProperty();
    }

    void update(TranscriptEntry next) {
        entry.set(next);
    }
}
