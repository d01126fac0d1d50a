package dev.agentconsole.ui.workspace;

import dev.agentconsole.store.Store;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the operator must know about the store, kept in view: why nothing (new) is saved (a damaged
 * file set aside, a newer schema, a read-only folder, another console holding it), and any write
 * that failed since. Binding a session never clears it; only the operator does ({@link #dismiss}).
 * Whether the store saves at all stays visible for as long as it does not.
 */
public final class StoreWarning {

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving;
    private final ReadOnlyStringWrapper notSavingReason = new ReadOnlyStringWrapper("");

    public StoreWarning(Store store, Executor ui) {
        saving = new ReadOnlyBooleanWrapper(store.mode() == Store.Mode.SAVING);
        store.notice().ifPresent(n -> {
            message.set(n);
            notSavingReason.set(n);
        });
        if (!saving.get() && notSavingReason.get().isEmpty()) {
            notSavingReason.set("This console keeps nothing after it closes.");
        }
        store.onTrouble(trouble -> ui.execute(() -> message.set(trouble)));
    }

    /** The warning to show until dismissed; empty when there is none. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** False when what the operator sends now is not kept (read-only or memory-only store). */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Why nothing is saved, for the status line's tooltip (empty while saving). */
    public ReadOnlyStringProperty notSavingReasonProperty() {
        return notSavingReason.getReadOnlyProperty();
    }

    /** The operator read it; the status line still says when nothing is saved. */
    public void dismiss() {
        message.set("");
    }
}
