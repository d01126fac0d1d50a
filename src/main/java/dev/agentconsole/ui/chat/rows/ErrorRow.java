package dev.agentconsole.ui.chat.rows;

import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.chat.TranscriptEntry;
import java.util.ArrayList;
import java.util.List;

/** Something failed: the message, then its details (origin, tool, trace, info), folding when long. */
final class ErrorRow implements RowKind<TranscriptEntry.Error> {

    @Override
    public Class<TranscriptEntry.Error> type() {
        return TranscriptEntry.Error.class;
    }

    @Override
    public List<String> show(TranscriptEntry.Error err, Bubble b) {
        b.setKind(Styles.ERROR);
        b.caption.setText("Error · " + EntryCell.TIME.format(err.at()));
        List<String> texts = new ArrayList<>(List.of(err.message()));
        texts.addAll(err.details());
        b.setFolded(err.key(), texts, false);
        return List.of();
    }
}
