package dev.agentconsole.ui.chat;

import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The live "working" row at the end of the transcript: shown while the agent runs (starting, queued
 * or running), with its current step, how long this run has taken and the last thing it did; gone
 * once it waits (for the operator, paused) or ends. Toolkit-free; the UI thread only; {@link #tick()}
 * every second or so moves the time on.
 */
public final class WorkingViewModel {

    private static final int ACTION_CHARS = 90;

    private final Supplier<Instant> clock;
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private AgentStatus status = AgentStatus.UNKNOWN;
    private Instant since = Instant.EPOCH;
    /** Steps as the server counts them (H metrics), when it says. */
    private Integer serverSteps;
    /** Steps seen in this run (thoughts), for a server that does not count them. */
    private int seenSteps;
    private String lastAction = "";

    public WorkingViewModel(Supplier<Instant> clock) {
        this.clock = clock;
    }

    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** "Working · step 4 · 0:12 · navigate {…}" */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The agent's status moved on; a run that starts counts its time from now. */
    public void status(AgentStatus next) {
        boolean wasWorking = working(status);
        status = next;
        if (working(next) && !wasWorking) {
            since = clock.get();
            seenSteps = 0;
            lastAction = "";
        }
        update();
    }

    /** The server's step count (H's metrics). */
    public void steps(int n) {
        serverSteps = n;
        update();
    }

    /** New events: each thought is a step, its last action (or what it said) the last thing done. */
    public void events(List<AgentEvent> events) {
        for (AgentEvent e : events) {
            if (e instanceof AgentEvent.Thought t) {
                seenSteps++;
                String did = !t.actions().isEmpty() ? t.actions().get(t.actions().size() - 1)
                        : !t.content().isBlank() ? t.content() : t.text();
                if (!did.isBlank()) {
                    lastAction = did.strip().replaceAll("\\s+", " ");
                }
            } else if (e instanceof AgentEvent.Action a) {
                lastAction = (a.tool() + " " + a.arguments()).strip();
            }
        }
        update();
    }

    /** The clock moved: the elapsed time is written again. */
    public void tick() {
        if (shown.get()) {
            update();
        }
    }

    /** Let go of the session: nothing is working. */
    public void clear() {
        status = AgentStatus.UNKNOWN;
        serverSteps = null;
        seenSteps = 0;
        lastAction = "";
        update();
    }

    private static boolean working(AgentStatus s) {
        return s == AgentStatus.RUNNING || s == AgentStatus.PENDING || s == AgentStatus.QUEUED || s == AgentStatus.INITIALIZING;
    }

    private void update() {
        boolean on = working(status);
        shown.set(on);
        if (!on) {
            text.set("");
            return;
        }
        StringBuilder s = new StringBuilder(status == AgentStatus.RUNNING ? "Working" : "Starting");
        int step = serverSteps != null ? serverSteps : seenSteps;
        if (step > 0) {
            s.append(" · step ").append(step);
        }
        long seconds = Math.max(0, Duration.between(since, clock.get()).toSeconds());
        s.append(" · ").append(seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60));
        if (!lastAction.isEmpty()) {
            s.append(" · ").append(lastAction.length() > ACTION_CHARS ? lastAction.substring(0, ACTION_CHARS - 1) + "…" : lastAction);
        }
        text.set(s.toString());
    }
}
