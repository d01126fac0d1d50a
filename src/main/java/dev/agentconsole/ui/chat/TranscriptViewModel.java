package dev.agentconsole.ui.chat;

import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.session.Delivery;
import dev.agentconsole.session.DeliveryState;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The transcript's rows. Agent events become rows once each (by position); a delivery is one
 * row that changes state in place; the agent's echo of a message this console sent is not shown
 * twice. Called on the UI thread only.
 */
public final class TranscriptViewModel {

    private final ObservableList<TranscriptRow> list = FXCollections.observableArrayList();
    private final ObservableList<TranscriptRow> readOnly = FXCollections.unmodifiableObservableList(list);
    private final List<TranscriptEntry> current = new AbstractList<>() {
        @Override
        public TranscriptEntry get(int index) {
            return list.get(index).entry();
        }

        @Override
        public int size() {
            return list.size();
        }
    };
    /** Counts the times the transcript started over (another session, or none): what keyed its rows is void. */
    private final ReadOnlyLongWrapper cleared = new ReadOnlyLongWrapper(this, "cleared");

    /** Moves on each time the transcript starts over for another session (or none). */
    public ReadOnlyLongProperty clearedProperty() {
        return cleared.getReadOnlyProperty();
    }

    /** Counts every change: rows added or removed, and rows whose entry changed in place. */
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final Map<String, Integer> indexByKey = new HashMap<>();
    /** Lines this console sent whose echo has not come yet: caller + text -> count. */
    private final Map<String, Integer> echoesToHide = new HashMap<>();
    /** Whether what the operator sends is kept by the store (false: read-only or memory-only). */
    private boolean saving = true;
    /** The tool calls of the newest step: what an agent awaiting tool results waits on. */
    private List<String> lastActions = List.of();
    private long lastPosition = -1;
    private long localSeq;
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(UNBOUND_TEXT);

    static final String UNBOUND_TEXT = "Connect to a session, or start a demo, to see the agent at work.";
    static final String LOADING_TEXT = "Loading the session…";
    static final String EMPTY_TEXT = "Nothing has happened in this session yet.";

    /** Where the window stands with its session, for what an empty transcript says. */
    public enum Phase { UNBOUND, LOADING, LOADED }

    /** What an empty transcript says: connect, loading (until the first read answers), or nothing yet. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public void setPhase(Phase phase) {
        placeholder.set(switch (phase) {
            case UNBOUND -> UNBOUND_TEXT;
            case LOADING -> LOADING_TEXT;
            case LOADED -> EMPTY_TEXT;
        });
    }

    /** The rows, for the list: it changes when rows come or go, not when a row's entry changes. */
    public ObservableList<TranscriptRow> rows() {
        return readOnly;
    }

    /** What each row shows now, in order (a live, read-only view). */
    public List<TranscriptEntry> entries() {
        return current;
    }

    /** Moves on at every change to the transcript, in place or not: one thing to watch for "anything new". */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Rows for new events; an event at a position already shown is ignored. */
    public void addEvents(List<AgentEvent> events) {
        List<TranscriptEntry> rows = new ArrayList<>();
        for (AgentEvent e : events) {
            if (e.position() <= lastPosition && !(e instanceof AgentEvent.StatusChange)) {
                continue;
            }
            lastPosition = Math.max(lastPosition, e.position());
            TranscriptEntry row = toEntry(e);
            if (row != null) {
                rows.add(row);
            }
        }
        addAll(rows); // one change for the list, however many rows (a stored history can hold 100,000)
    }

    private TranscriptEntry toEntry(AgentEvent e) {
        String key = "e" + e.position() + ":" + e.getClass().getSimpleName();
        if (e instanceof AgentEvent.Thought t) {
            lastActions = t.actions();
            return new TranscriptEntry.Thought(key, t.at(), t.text(), t.content(), t.actions(), t.validationErrors());
        }
        if (e instanceof AgentEvent.ToolResult r) {
            return new TranscriptEntry.ToolResult(key, r.at(), r.call(), r.result(), r.truncated(), r.artifactPath());
        }
        if (e instanceof AgentEvent.Step s) {
            return new TranscriptEntry.Step(key, s.at(), s.title(), lines(s.details()));
        }
        if (e instanceof AgentEvent.Action a) {
            return new TranscriptEntry.Thought(key, a.at(), "", List.of((a.tool() + " " + a.arguments()).strip()));
        }
        if (e instanceof AgentEvent.Question q) {
            return new TranscriptEntry.Question(key, q.at(), q.text());
        }
        if (e instanceof AgentEvent.Answer a) {
            if (a.asksTheOperator()) {
                return new TranscriptEntry.Question(key, a.at(), a.text());
            }
            return new TranscriptEntry.Answer(key, a.at(), a.text(), a.structured(), a.outcome(), Optional.empty());
        }
        if (e instanceof AgentEvent.Message m) {
            String echo = m.callerId() + "\u0000" + m.text();
            Integer pending = echoesToHide.get(echo);
            if (pending != null) {
                if (pending == 1) {
                    echoesToHide.remove(echo);
                } else {
                    echoesToHide.put(echo, pending - 1);
                }
                return null;
            }
            return new TranscriptEntry.Message(key, m.at(), m.callerId(), m.text(), m.images());
        }
        if (e instanceof AgentEvent.Observation o) {
            return new TranscriptEntry.Observation(key, o.at(), o.text(), o.image(), lines(o.details()));
        }
        if (e instanceof AgentEvent.StatusChange s && s.status() == AgentStatus.AWAITING_TOOL_RESULTS) {
            return awaitingToolResults(key + s.rawStatus(), s.at(), s.details().isEmpty() ? lastActions : s.details());
        }
        if (e instanceof AgentEvent.StatusChange s) {
            String label = s.status() == AgentStatus.UNKNOWN ? s.rawStatus() : s.status().label();
            return new TranscriptEntry.Status(key + s.rawStatus(), s.at(),
                    s.details().isEmpty() ? label : label + " · " + String.join(" · ", s.details()));
        }
        if (e instanceof AgentEvent.Failure f) {
            return new TranscriptEntry.Error(key, f.at(), f.message() + f.code().map(c -> " (" + c + ")").orElse(""),
                    lines(f.details()), Optional.empty());
        }
        if (e instanceof AgentEvent.Note n) {
            return new TranscriptEntry.Note(key, n.at(), n.text());
        }
        if (e instanceof AgentEvent.LiveView l) {
            return new TranscriptEntry.Note(key, l.at(), "live view: " + l.url());
        }
        if (e instanceof AgentEvent.Metrics) {
            return null; // shown in the session bar, not as rows
        }
        if (e instanceof AgentEvent.Other o) {
            return new TranscriptEntry.Other(key, o.at(), o.type(), o.rawJson());
        }
        return null;
    }

    /**
     * The agent waits for the results of tools it asked its client to run. This console runs none, so
     * the row says so and names the calls it waits on (as the event lists them, else the last step's),
     * and what the operator can do.
     */
    private TranscriptEntry awaitingToolResults(String key, Instant at, List<String> calls) {
        List<String> details = new ArrayList<>();
        calls.forEach(call -> details.add("pending: " + call));
        details.add("This console does not run tools: send a message to go on without their results, or Stop the session.");
        return new TranscriptEntry.Step(key, at, "Waiting for tool results", details);
    }

    private static List<String> lines(List<AgentEvent.Detail> details) {
        return details.stream().map(d -> d.label() + ": " + d.text()).toList();
    }

    /**
     * Rows for stored events older than every row shown (the rest of a long history, read after
     * its newest part): they go in at the top, in one change.
     */
    public void prependEvents(List<AgentEvent> older) {
        List<TranscriptEntry> rows = new ArrayList<>();
        for (AgentEvent e : older) {
            TranscriptEntry row = toEntry(e);
            if (row != null && !indexByKey.containsKey(row.key())) {
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        list.addAll(0, rows.stream().map(TranscriptRow::new).toList());
        indexByKey.clear();
        for (int i = 0; i < list.size(); i++) {
            indexByKey.put(list.get(i).key(), i);
        }
        changed(); // after the index: a listener may update a delivery
    }

    /** Whether messages sent from now on are kept; when not, their rows say they will be lost. */
    public void setSaving(boolean saving) {
        this.saving = saving;
    }

    /** A delivery appeared or moved on: its row is added or replaced in place. */
    public void updateDelivery(Delivery d) {
        String key = "d" + d.id();
        List<OutgoingMessage> lines = d.outgoing().messages();
        if (d.state() == DeliveryState.SENDING) {
            for (OutgoingMessage m : lines) {
                echoesToHide.merge(m.callerId().orElse("user") + "\u0000" + m.text(), 1, Integer::sum);
            }
        }
        Integer at = indexByKey.get(key);
        Instant when = at == null ? Instant.now() : list.get(at).entry().at();
        TranscriptEntry.Operator row = new TranscriptEntry.Operator(key, when, d.id(),
                lines.stream().map(OutgoingMessage::text).toList(),
                lines.stream().flatMap(m -> m.images().stream()).toList(),
                lines.isEmpty() ? Optional.empty() : lines.get(0).startUrl(),
                lines.isEmpty() ? Optional.empty() : lines.get(0).callerId(),
                d.state(), d.cause().map(c -> c.summary()), !saving);
        if (at == null) {
            add(row);
        } else {
            list.get(at).update(row); // in place: the list keeps its cells
            changed();
        }
    }

    /**
     * A delivery read back from the store: like {@link #updateDelivery}, and a message that may
     * still be echoed (accepted, uncertain, about to be sent) hides its echo too.
     */
    public void restoreDelivery(Delivery d) {
        if (d.state() == DeliveryState.ACCEPTED || d.state() == DeliveryState.UNCERTAIN) {
            for (OutgoingMessage m : d.outgoing().messages()) {
                echoesToHide.merge(m.callerId().orElse("user") + "\u0000" + m.text(), 1, Integer::sum);
            }
        }
        updateDelivery(d);
    }

    /** An error of the console's own (a command failed, the connection broke). */
    public void addError(String message) {
        add(new TranscriptEntry.Error("x" + (localSeq++), Instant.now(), message, Optional.empty()));
    }

    public void addNote(String text) {
        add(new TranscriptEntry.Note("x" + (localSeq++), Instant.now(), text));
    }

    /** Forgets everything: a new session is bound. */
    public void clear() {
        cleared.set(cleared.get() + 1);
        list.clear();
        changed();
        indexByKey.clear();
        echoesToHide.clear();
        lastPosition = -1;
    }

    private void add(TranscriptEntry row) {
        indexByKey.put(row.key(), list.size());
        list.add(new TranscriptRow(row));
        changed();
    }

    /** Adds many rows at once (history, benchmarks): one change event instead of one per row. */
    public void addAll(List<TranscriptEntry> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int base = list.size();
        for (int i = 0; i < rows.size(); i++) {
            indexByKey.put(rows.get(i).key(), base + i);
        }
        list.addAll(rows.stream().map(TranscriptRow::new).toList());
        changed();
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }
}
