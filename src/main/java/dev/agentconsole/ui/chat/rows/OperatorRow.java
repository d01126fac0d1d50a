package dev.agentconsole.ui.chat.rows;

import dev.agentconsole.session.DeliveryState;
import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.chat.TranscriptEntry;
import java.util.ArrayList;
import java.util.List;

/** What the operator sent: numbered lines of a batch, the start URL, the delivery state with Retry / Drop. */
final class OperatorRow implements RowKind<TranscriptEntry.Operator> {

    /** Said on every message a store that cannot save took: the operator must not believe it kept. */
    static final String NOT_SAVED = "not saved: will be lost if the console closes";

    @Override
    public Class<TranscriptEntry.Operator> type() {
        return TranscriptEntry.Operator.class;
    }

    @Override
    public List<String> show(TranscriptEntry.Operator o, Bubble b) {
        b.setKind(Styles.OPERATOR);
        b.caption.setText((o.batch() ? "You · batch of " + o.lines().size() : "You")
                + o.callerId().map(c -> " as " + c).orElse("") + " · " + EntryCell.TIME.format(o.at()));
        List<String> numbered = o.lines();
        if (o.batch()) {
            numbered = new ArrayList<>(o.lines().size());
            for (int i = 0; i < o.lines().size(); i++) {
                numbered.add((i + 1) + ". " + o.lines().get(i));
            }
        }
        b.setLines(numbered, false);
        o.startUrl().ifPresent(u -> {
            b.startUrl().setVisible(true);
            b.startUrl().setText("start at " + u);
        });
        b.footer().setVisible(true);
        Bubble.showState(b.state, o.state());
        boolean retry = o.state().resendable();
        if (retry) {
            o.cause().ifPresent(b::setProblem);
        } else if (o.unsaved()) {
            b.setProblem(NOT_SAVED);
        }
        b.resend.setVisible(retry);
        b.drop.setVisible(retry);
        b.resend.setText(o.state() == DeliveryState.UNCERTAIN ? "Resend (may duplicate)" : "Retry");
        b.resend.setOnAction(e -> b.context.actions().resend().accept(o.deliveryId()));
        b.drop.setOnAction(e -> b.context.actions().drop().accept(o.deliveryId()));
        return o.images();
    }
}
