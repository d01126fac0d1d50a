package dev.agentconsole.ui.session;

import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.Quota;
import dev.agentconsole.agent.SessionId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the session bar asks the provider besides the bound session's events: the picker's list,
 * the details popover and the quota shown before New. Each is its own small model; this one only
 * says where their reads go, through a {@link Lease} the console takes on the UI thread.
 */
public final class SessionBarViewModel {

    /**
     * A backend for what the window was set to when the lease was taken: the bound session's own
     * (left open), or one opened for the call and closed after it.
     *
     * @param provider the provider the window is set to
     * @param bound    the bound session's backend and id, when a session is bound
     */
    public record Lease(Provider provider, Optional<Bound> bound, Supplier<AgentBackend> opener) {

        public record Bound(AgentBackend backend, SessionId session) {}

        /** With the bound backend when it speaks to the chosen provider, else a fresh one. Blocks. */
        <T> T call(Function<AgentBackend, T> call) {
            Optional<AgentBackend> same = bound.map(Bound::backend).filter(b -> b.provider() == provider);
            return same.isPresent() ? call.apply(same.get()) : fresh(call);
        }

        /** Always a fresh backend: the URL or key typed since binding count. Blocks. */
        <T> T fresh(Function<AgentBackend, T> call) {
            try (AgentBackend backend = opener.get()) {
                return call.apply(backend);
            }
        }
    }

    private final Supplier<Lease> lease;
    private final SessionListViewModel list;
    private final SessionDetailsViewModel details;
    private final QuotaViewModel quota;

    /**
     * @param lease  takes a lease on the UI thread (the reads use it on {@code io})
     * @param opener binds the window to another session (a subagent picked in the details)
     */
    public SessionBarViewModel(Executor ui, Executor io, Supplier<Instant> clock, ZoneId zone, Supplier<Lease> lease,
                               Consumer<SessionId> opener) {
        this.lease = lease;
        this.list = new SessionListViewModel(ui, io, clock, zone);
        this.details = new SessionDetailsViewModel(ui, io, clock, zone, opener);
        this.quota = new QuotaViewModel(ui, io, clock, zone);
    }

    public SessionListViewModel list() {
        return list;
    }

    public SessionDetailsViewModel details() {
        return details;
    }

    public QuotaViewModel quota() {
        return quota;
    }

    /** Lists the chosen provider's sessions, newest first (one page of 50). */
    public void loadSessions() {
        Lease l = lease.get();
        list.load(() -> l.call(b -> b.list(1, 50)));
    }

    /** Reads the bound session's details; nothing to read when none is bound. */
    public void loadDetails() {
        lease.get().bound().ifPresent(b -> details.load(() -> b.backend().details(b.session())));
    }

    /** Reads the quota again: the provider, URL or key changed, or a session was created. */
    public void refreshQuota() {
        Lease l = lease.get();
        quota.refresh(() -> l.fresh(b -> b.quota().map(Quota::read)));
    }

    /** The chosen provider changed: the list was the other provider's. */
    public void providerChanged() {
        list.clear();
        refreshQuota();
    }

    /** The window bound a session (new or picked), or let go of one. */
    public void boundChanged(boolean bound) {
        details.clear();
        if (bound) {
            refreshQuota(); // a new session takes a slot
        }
    }

    /** Called on the io thread when starting work was refused: the quota now, for a 402 or 429, in words. */
    public String explainRefusal(AgentError error, AgentBackend backend) {
        return quota.explainRefusal(error, backend);
    }
}
