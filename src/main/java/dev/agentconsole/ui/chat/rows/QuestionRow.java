package dev.agentconsole.ui.chat.rows;

import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.chat.TranscriptEntry;
import java.util.List;

/** The agent asks and waits: highlighted, with Reply. */
final class QuestionRow implements RowKind<TranscriptEntry.Question> {

    @Override
    public Class<TranscriptEntry.Question> type() {
        return TranscriptEntry.Question.class;
    }

    @Override
    public List<String> show(TranscriptEntry.Question q, Bubble b) {
        b.setKind(Styles.QUESTION);
        b.caption.setText("Question · " + EntryCell.TIME.format(q.at()));
        b.setLines(List.of(q.text()), false);
        b.reply().setVisible(true);
        b.reply().setOnAction(e -> b.context.actions().reply().accept(q.text()));
        return List.of();
    }
}
