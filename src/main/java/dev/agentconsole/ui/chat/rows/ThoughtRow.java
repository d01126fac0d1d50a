package dev.agentconsole.ui.chat.rows;

import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.chat.TranscriptEntry;
import java.util.List;

/** A step of the agent: reasoning and what it said (folding when long), every action, and what was not valid. */
final class ThoughtRow implements RowKind<TranscriptEntry.Thought> {

    @Override
    public Class<TranscriptEntry.Thought> type() {
        return TranscriptEntry.Thought.class;
    }

    @Override
    public List<String> show(TranscriptEntry.Thought t, Bubble b) {
        b.setKind(Styles.THOUGHT);
        b.caption.setVisible(false);
        b.setFolded(t.key(), List.of(t.text(), t.content()), false);
        b.setActions(t.actions());
        b.setProblem(t.problems().isEmpty() ? "" : "Not valid: " + String.join("\n", t.problems()));
        return List.of();
    }
}
