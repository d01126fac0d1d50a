package dev.agentconsole.ui.chat.rows;

import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.chat.TranscriptEntry;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every kind of bubble row, found by its entry's class (status lines are not bubbles: the cell draws them). */
final class RowKinds {

    private static final Map<Class<?>, RowKind<?>> BY_TYPE = Stream.of(
                    new OperatorRow(), new ThoughtRow(), new ToolResultRow(), new QuestionRow(), new AnswerRow(),
                    new ObservationRow(), new MessageRow(), new ErrorRow(), new StepRow(), new NoteRow(), new OtherRow())
            .collect(Collectors.toUnmodifiableMap(RowKind::type, Function.identity()));

    private RowKinds() {}

    /** Fills {@code bubble} for {@code entry}; returns the pictures to show. */
    static List<String> show(TranscriptEntry entry, Bubble bubble) {
        RowKind<?> kind = BY_TYPE.get(entry.getClass());
        if (kind == null) {
            // A kind with no row class yet: its text, never nothing.
            bubble.setKind(Styles.OTHER);
            bubble.caption.setText(entry.getClass().getSimpleName() + " · " + EntryCell.TIME.format(entry.at()));
            bubble.setFolded(entry.key(), List.of(entry.copyText()), false);
            return List.of();
        }
        return showAs(kind, entry, bubble);
    }

    private static <E extends TranscriptEntry> List<String> showAs(RowKind<E> kind, TranscriptEntry entry, Bubble bubble) {
        return kind.show(kind.type().cast(entry), bubble);
    }
}
