package dev.agentconsole.ui.workspace;

import dev.agentconsole.ui.session.Confirmation;
import dev.agentconsole.ui.session.SessionViewModel;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Every open session at once, for when things go wrong: "Pause all" at once (a pause loses nothing),
 * "Stop all" after one question for all of them. Toolkit-free; the UI thread only.
 */
public final class WallCommands {

    private final List<SessionViewModel> sessions;
    private final ReadOnlyObjectWrapper<Confirmation> confirmation = new ReadOnlyObjectWrapper<>();

    WallCommands(List<SessionViewModel> sessions) {
        this.sessions = sessions;
    }

    /** The question before Stop all, or null. */
    public ReadOnlyObjectProperty<Confirmation> confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

    /** Pauses every session that can be paused now; says how many were. */
    public int pauseAll() {
        return (int) List.copyOf(sessions).stream().filter(SessionViewModel::pause).count();
    }

    /** Asks once, then stops every session that can be stopped now. */
    public void requestStopAll() {
        long n = sessions.stream().filter(s -> s.canStopProperty().get()).count();
        if (n == 0) {
            return;
        }
        confirmation.set(new Confirmation("Stop " + (n == 1 ? "the 1 agent" : "all " + n + " agents") + " that can be stopped? "
                + "H sessions end (a later message restarts them); AGI tasks are cancelled.", List.of(
                new Confirmation.Choice("Stop all", true, () -> List.copyOf(sessions).forEach(SessionViewModel::stop)),
                new Confirmation.Choice("Cancel", false, null))));
    }

    public void choose(Confirmation.Choice choice) {
        confirmation.set(null);
        if (choice.action() != null) {
            choice.action().run();
        }
    }

    public void dismiss() {
        confirmation.set(null);
    }
}
