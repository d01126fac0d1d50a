package dev.agentconsole.ui.chat.rows;

import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.chat.TranscriptEntry;
import java.util.List;

/** What a tool returned: the call, the result (folding when long), whether it was cut and where the whole of it is. */
final class ToolResultRow implements RowKind<TranscriptEntry.ToolResult> {

    @Override
    public Class<TranscriptEntry.ToolResult> type() {
        return TranscriptEntry.ToolResult.class;
    }

    @Override
    public List<String> show(TranscriptEntry.ToolResult r, Bubble b) {
        b.setKind(Styles.TOOL_RESULT);
        b.caption.setText("Result" + (r.truncated() ? " · truncated" : "") + " · " + EntryCell.TIME.format(r.at()));
        b.setActions(List.of(r.call()));
        b.setFolded(r.key(), List.of(r.result(), r.artifactPath().map(p -> "whole output: " + p).orElse("")), true);
        return List.of();
    }
}
