package dev.agentconsole.ui.chat.rows;

import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.chat.TranscriptEntry;
import java.util.ArrayList;
import java.util.List;

/** What the agent saw: its text, the picture as a thumbnail, and what came with it (kind, metadata). */
final class ObservationRow implements RowKind<TranscriptEntry.Observation> {

    @Override
    public Class<TranscriptEntry.Observation> type() {
        return TranscriptEntry.Observation.class;
    }

    @Override
    public List<String> show(TranscriptEntry.Observation o, Bubble b) {
        b.setKind(Styles.OBSERVATION);
        b.caption.setText("Saw · " + EntryCell.TIME.format(o.at()));
        List<String> texts = new ArrayList<>(o.text().stream().toList());
        texts.addAll(o.details());
        b.setFolded(o.key(), texts, false);
        return o.image().stream().toList();
    }
}
