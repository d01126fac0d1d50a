package dev.agentconsole.ui.chat.rows;

import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.chat.TranscriptEntry;
import java.util.List;

/** The agent's answer, whole (structured answers in monospace), with its outcome and error code. */
final class AnswerRow implements RowKind<TranscriptEntry.Answer> {

    @Override
    public Class<TranscriptEntry.Answer> type() {
        return TranscriptEntry.Answer.class;
    }

    @Override
    public List<String> show(TranscriptEntry.Answer a, Bubble b) {
        b.setKind(Styles.ANSWER);
        b.caption.setText("Answer" + a.outcome().map(x -> " · " + x).orElse("")
                + a.errorCode().map(c -> " · " + c).orElse("") + " · " + EntryCell.TIME.format(a.at()));
        b.setLines(List.of(a.text()), a.structured());
        return List.of();
    }
}
