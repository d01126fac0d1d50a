package dev.agentconsole.ui.session;

import dev.agentconsole.agent.Outgoing;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Messages the operator chose to hold while the agent is paused ("Queue until I resume"): they go
 * out, in order, when the agent is resumed, and go back into the composer if the session ends or
 * the window lets go of it first, so nothing typed is lost. Toolkit-free; the UI thread only.
 */
public final class HeldMessages {

    private final List<Outgoing> held = new ArrayList<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    /** What the window says while messages are held; empty when none are. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public boolean isEmpty() {
        return held.isEmpty();
    }

    /** How many lines are held. */
    int count() {
        return held.stream().mapToInt(o -> o.messages().size()).sum();
    }

    void hold(Outgoing outgoing) {
        held.add(outgoing);
        update();
    }

    /** Every held message, in the order held; none are held afterwards. */
    List<Outgoing> takeAll() {
        List<Outgoing> all = List.copyOf(held);
        held.clear();
        update();
        return all;
    }

    private void update() {
        int lines = held.stream().mapToInt(o -> o.messages().size()).sum();
        String first = held.isEmpty() ? "" : held.get(0).messages().get(0).text().strip().replaceAll("\\s+", " ");
        summary.set(held.isEmpty() ? "" : (lines == 1 ? "1 message" : lines + " messages") + " held (\u201c"
                + (first.length() > 60 ? first.substring(0, 57) + "…" : first) + "\u201d" + (lines > 1 ? " and more" : "")
                + "): " + (lines == 1 ? "it goes" : "they go") + " out when you resume the agent.");
    }
}
