package dev.agentconsole.ui.chat.rows;

import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.chat.TranscriptEntry;
import java.util.List;

/** A message from another caller, with its pictures. */
final class MessageRow implements RowKind<TranscriptEntry.Message> {

    @Override
    public Class<TranscriptEntry.Message> type() {
        return TranscriptEntry.Message.class;
    }

    @Override
    public List<String> show(TranscriptEntry.Message m, Bubble b) {
        b.setKind(Styles.MESSAGE);
        b.caption.setText((m.callerId().isEmpty() ? "Message" : m.callerId()) + " · " + EntryCell.TIME.format(m.at()));
        b.setLines(List.of(m.text()), false);
        return m.images();
    }
}
