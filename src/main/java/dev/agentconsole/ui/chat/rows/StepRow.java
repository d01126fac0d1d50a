package dev.agentconsole.ui.chat.rows;

import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.chat.TranscriptEntry;
import java.util.List;

/** A step of the run (flow change, file moved, start request): small, its title then its details. */
final class StepRow implements RowKind<TranscriptEntry.Step> {

    @Override
    public Class<TranscriptEntry.Step> type() {
        return TranscriptEntry.Step.class;
    }

    @Override
    public List<String> show(TranscriptEntry.Step s, Bubble b) {
        b.setKind(Styles.STEP);
        b.caption.setText(s.title() + " · " + EntryCell.TIME.format(s.at()));
        b.setFolded(s.key(), s.details(), false);
        return List.of();
    }
}
