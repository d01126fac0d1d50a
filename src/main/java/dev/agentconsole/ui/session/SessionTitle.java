package dev.agentconsole.ui.session;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionId;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A session's name in the sidebar: the one the operator gave it, else the first line of its task
 * (the first message the operator sent), else the agent's name with the provider and the start of
 * its id. Toolkit-free.
 */
public final class SessionTitle {

    /** Longer titles are cut: the sidebar has one line for them. */
    static final int MAX = 80;

    private final ReadOnlyStringWrapper given = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper task = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper agent = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper profile = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper colour = new ReadOnlyStringWrapper("");
    private final String fallback;
    private final String anonymous;
    private final StringBinding shown;

    SessionTitle(Provider provider, SessionId id) {
        String v = id.value();
        fallback = provider.displayName() + " session " + (v.length() > 8 ? v.substring(0, 8) : v);
        anonymous = "A session on " + provider.displayName();
        shown = Bindings.createStringBinding(() -> !given.get().isEmpty() ? given.get()
                : !task.get().isEmpty() ? task.get() : !agent.get().isEmpty() ? agent.get() + " · " + fallback : fallback,
                given, task, agent);
    }

    /** What the sidebar shows. */
    public StringBinding shownBinding() {
        return shown;
    }

    public String get() {
        return shown.get();
    }

    /** As {@link #get()}, but never with a part of the id (for text that leaves the window: notifications). */
    public String withoutId() {
        return !given.get().isEmpty() ? given.get() : !task.get().isEmpty() ? task.get()
                : !agent.get().isEmpty() ? agent.get() + " on " + anonymous.substring("A session on ".length()) : anonymous;
    }

    /** The profile it was opened with ("" for none): shown beside it, in its colour, so production never looks like the demo. */
    public ReadOnlyStringProperty profileProperty() {
        return profile.getReadOnlyProperty();
    }

    /** The profile's colour id ("blue", "red", ...; "" for none). */
    public ReadOnlyStringProperty colourProperty() {
        return colour.getReadOnlyProperty();
    }

    /** Opened through a profile: its name and colour mark the session. */
    public void markProfile(String name, String colourId) {
        profile.set(name == null ? "" : name);
        colour.set(colourId == null ? "" : colourId);
    }

    /** The operator's own title; empty when they gave none. */
    public ReadOnlyStringProperty givenProperty() {
        return given.getReadOnlyProperty();
    }

    /** The operator renamed it; an empty name goes back to the task's first line. */
    public void rename(String name) {
        given.set(oneLine(name));
    }

    /** The task it was created with, or the first message the operator sent; only the first counts. */
    public void offerTask(String text) {
        if (task.get().isEmpty()) {
            task.set(oneLine(text));
        }
    }

    /** The agent that runs it, as the provider names it: the title while no task is known. */
    void offerAgent(String name) {
        agent.set(oneLine(name));
    }

    /** All of a text on one line (a structured answer's JSON too), cut for a tile. */
    static String flat(String text) {
        if (text == null) {
            return "";
        }
        String line = text.codePoints().map(c -> Character.isWhitespace(c) || Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()
                .replaceAll(" +", " ").strip();
        return line.length() > 200 ? line.substring(0, line.offsetByCodePoints(0, Math.min(line.codePointCount(0, line.length()),
                199))) + "…" : line;
    }

    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().lines().findFirst().orElse("").strip();
        line = line.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return line.length() > MAX ? line.substring(0, line.offsetByCodePoints(0, Math.min(line.codePointCount(0, line.length()),
                MAX - 1))) + "…" : line;
    }
}
