package dev.agentconsole.ui.chat.rows;

import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.chat.TranscriptEntry;
import java.util.List;

/** A log line or bookkeeping note: small, no caption. */
final class NoteRow implements RowKind<TranscriptEntry.Note> {

    @Override
    public Class<TranscriptEntry.Note> type() {
        return TranscriptEntry.Note.class;
    }

    @Override
    public List<String> show(TranscriptEntry.Note n, Bubble b) {
        b.setKind(Styles.NOTE);
        b.caption.setVisible(false);
        b.setLines(List.of(n.text()), false);
        return List.of();
    }
}
