package dev.agentconsole.ui.chat.rows;

import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.chat.TranscriptEntry;
import java.util.List;

/** An event of a type this version does not know: its type, and its JSON as it came (folding when long). */
final class OtherRow implements RowKind<TranscriptEntry.Other> {

    @Override
    public Class<TranscriptEntry.Other> type() {
        return TranscriptEntry.Other.class;
    }

    @Override
    public List<String> show(TranscriptEntry.Other other, Bubble b) {
        b.setKind(Styles.OTHER);
        b.caption.setText("Event " + other.type() + " · " + EntryCell.TIME.format(other.at()));
        b.setFolded(other.key(), List.of(other.raw()), true);
        return List.of();
    }
}
