package dev.agentconsole.ui.workspace;

import dev.agentconsole.ui.session.NeedsMe;
import dev.agentconsole.ui.session.SessionViewModel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * When a desktop notification goes out: a session starts to need the operator (or needs them for
 * another reason) while it is not the one in front of them, its notifications are not muted, and
 * do-not-disturb is off. One per session per change; taken back once the session no longer waits.
 * The text names the session's title and what it waits for, never an id or a key. Toolkit-free.
 */
final class Alerts {

    private final Notifier notifier;
    private final BooleanSupplier operatorLooksAt;
    private final BooleanProperty doNotDisturb = new SimpleBooleanProperty(false);
    private final Map<String, SessionViewModel> byRef = new HashMap<>();
    private final Map<SessionViewModel, String> refs = new HashMap<>();
    private final Set<SessionViewModel> muted = new HashSet<>();
    private final Map<SessionViewModel, Long> pending = new HashMap<>();
    private final java.util.concurrent.Executor ui;
    private int next;
    private long changes;
    /** Waits out {@link #SETTLE} on its own daemon thread; the decision is taken back on the UI thread. */
    private final java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors
            .newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "notification-timer");
                t.setDaemon(true);
                return t;
            });

    /**
     * How long a wait must stand before the desktop hears of it: the status often comes a moment
     * before the question that explains it, and the operator should get one notification with the
     * question, not a vague one replaced at once.
     */
    static final java.time.Duration SETTLE = java.time.Duration.ofMillis(400);

    /**
     * @param operatorLooksAt true when the window has the focus (a session in front of a focused window
     *                        is seen: no notification for it)
     * @param focus           what a click on a notification does (on the UI thread)
     */
    Alerts(Notifier notifier, BooleanSupplier operatorLooksAt, Consumer<SessionViewModel> focus,
           java.util.concurrent.Executor ui) {
        this.notifier = notifier;
        this.operatorLooksAt = operatorLooksAt;
        this.ui = ui;
        notifier.onClicked(ref -> ui.execute(() -> {
            SessionViewModel s = byRef.get(ref);
            if (s != null) {
                focus.accept(s);
            }
        }));
    }

    BooleanProperty doNotDisturbProperty() {
        return doNotDisturb;
    }

    boolean isMuted(SessionViewModel s) {
        return muted.contains(s);
    }

    void setMuted(SessionViewModel s, boolean mute) {
        if (mute) {
            muted.add(s);
            notifier.withdraw(ref(s));
        } else {
            muted.remove(s);
        }
    }

    /** Follows one session from now on. */
    void follow(SessionViewModel s) {
        s.needsMeProperty().addListener((o, was, now) -> changed(s, now));
    }

    /** Sessions closed in the window: a timer that fires late shows nothing for them. */
    private final Set<SessionViewModel> forgotten = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    void close() {
        timer.shutdownNow();
    }

    void forget(SessionViewModel s) {
        forgotten.add(s);
        pending.remove(s);
        String ref = refs.remove(s);
        if (ref != null) {
            byRef.remove(ref);
            notifier.withdraw(ref);
        }
        muted.remove(s);
    }

    private void changed(SessionViewModel s, NeedsMe now) {
        long change = ++changes;
        pending.put(s, change);
        if (now == null) {
            notifier.withdraw(ref(s));
            return;
        }
        try {
            timer.schedule(() -> ui.execute(() -> settled(s, change)), SETTLE.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // the window is closing
        }
    }

    /** The wait stood still for {@link #SETTLE}: tell the desktop, unless the operator sees it or asked for quiet. */
    private void settled(SessionViewModel s, long change) {
        NeedsMe now = s.needsMeProperty().get();
        if (forgotten.contains(s) || !Long.valueOf(change).equals(pending.get(s)) || now == null) {
            return; // closed, changed again since (a later timer decides), or it no longer waits
        }
        pending.remove(s);
        boolean seen = s.isInFront() && operatorLooksAt.getAsBoolean();
        if (seen || muted.contains(s) || doNotDisturb.get()) {
            return;
        }
        if (s.needsMeFromHistory()) {
            return; // a wait read back from the store (the console restarted): it was the operator's news before
        }
        notifier.show(ref(s), title(now), s.title().withoutId() + "\n" + words(now));
    }

    /**
     * What the notification says of the wait: the agent's own words for a question or an answer; for
     * trouble, fixed words (the server's message can name the session's id, which must not leave the window).
     */
    static String words(NeedsMe n) {
        return switch (n.reason()) {
            case QUESTION, ANSWERED, TOOL_RESULTS, NOT_DELIVERED -> n.text();
            case ENDED_WITH_ERROR -> "It stopped with an error: open it to see what happened.";
            case OUT_OF_BUDGET -> "The provider refused for want of budget: open it to see the quota.";
        };
    }

    static String title(NeedsMe n) {
        return switch (n.reason()) {
            case QUESTION -> "An agent asks you something";
            case ANSWERED -> "An agent answered and waits for you";
            case TOOL_RESULTS -> "An agent waits for tool results";
            case NOT_DELIVERED -> "A message was not delivered";
            case ENDED_WITH_ERROR -> "An agent stopped with an error";
            case OUT_OF_BUDGET -> "An agent is out of budget";
        };
    }

    /** An opaque reference per session: the notifier may keep it, so it carries no id. */
    private String ref(SessionViewModel s) {
        return refs.computeIfAbsent(s, k -> {
            String r = "session-" + (++next);
            byRef.put(r, k);
            return r;
        });
    }
}
