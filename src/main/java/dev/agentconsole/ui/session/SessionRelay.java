package dev.agentconsole.ui.session;

import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionInfo;
import dev.agentconsole.agent.SessionSnapshot;
import dev.agentconsole.session.ConnectionState;
import dev.agentconsole.session.Delivery;
import dev.agentconsole.session.DeliveryState;
import dev.agentconsole.session.SessionController;
import dev.agentconsole.ui.Formats;
import dev.agentconsole.ui.chat.TranscriptViewModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one session's controller reports, from its threads, applied to the session model on the UI
 * thread; reports of an older binding (a {@code generation} ago) are dropped.
 */
final class SessionRelay implements SessionController.Listener {

    private final SessionViewModel s;
    private final long gen;
    private Integer lastSteps;
    private BigDecimal lastCost;

    SessionRelay(SessionViewModel session, long gen) {
        this.s = session;
        this.gen = gen;
    }

    private void onUi(Runnable r) {
        s.ctx.ui().execute(() -> {
            if (gen == s.reading.generation) {
                r.run();
            }
        });
    }

    @Override
    public void onEvents(List<AgentEvent> events) {
        onUi(() -> {
            apply(events, false);
            s.arrived(events.stream().filter(SessionRelay::isRow).count());
        });
    }

    /** An event the operator reads as a row of its own (status lines, metrics and bookkeeping are not news). */
    private static boolean isRow(AgentEvent e) {
        return !(e instanceof AgentEvent.StatusChange || e instanceof AgentEvent.Metrics || e instanceof AgentEvent.LiveView
                || e instanceof AgentEvent.Note || e instanceof AgentEvent.Message m && m.fromOperator());
    }

    private void apply(List<AgentEvent> events, boolean history) {
        s.transcript.setPhase(TranscriptViewModel.Phase.LOADED);
        s.transcript.addEvents(events);
        s.working.events(events);
        s.needs.whole(() -> events.forEach(this::see), history);
    }

    /** What one event changes besides the transcript: status, metrics, the tile's last line and picture, the inbox. */
    private void see(AgentEvent e) {
        if (e instanceof AgentEvent.LiveView l) {
            s.liveViewUrl.set(l.url());
        } else if (e instanceof AgentEvent.Metrics m) {
            showMetrics(m.steps(), m.costUsd());
        } else if (e instanceof AgentEvent.StatusChange c && c.status() != AgentStatus.UNKNOWN) {
            s.agentStatus.set(c.status());
            s.statusLabel.set(c.status().label());
        } else if (e instanceof AgentEvent.Question q) {
            s.lastLine.set(SessionTitle.flat(q.text()));
            s.needs.asked(q.text(), true, q.at());
        } else if (e instanceof AgentEvent.Answer a) {
            s.lastLine.set(SessionTitle.flat(a.text()));
            s.needs.asked(a.text(), a.asksTheOperator(), a.at());
        } else if (e instanceof AgentEvent.Thought t) {
            s.lastLine.set(SessionTitle.flat(t.text()));
        } else if (e instanceof AgentEvent.Message m) {
            if (m.fromOperator()) {
                s.title.offerTask(m.text());
            }
            s.lastLine.set((m.fromOperator() ? "You: " : "") + SessionTitle.flat(m.text()));
        } else if (e instanceof AgentEvent.Observation o) {
            o.image().ifPresent(s.lastPicture::set);
        } else if (e instanceof AgentEvent.Failure f) {
            s.lastLine.set(SessionTitle.flat(f.message()));
            s.needs.failed(f.message());
        }
    }

    @Override
    public void onHistory(List<AgentEvent> history) {
        onUi(() -> {
            apply(history, true);
            s.transcript.addNote("history: " + history.size() + (history.size() == 1 ? " event" : " events") + " stored earlier");
        });
    }

    @Override
    public void onOlderHistory(List<AgentEvent> older) {
        onUi(() -> s.transcript.prependEvents(older));
    }

    @Override
    public void onRestored(Delivery delivery) {
        onUi(() -> {
            s.transcript.restoreDelivery(delivery);
            s.needs.delivery(delivery);
        });
    }

    @Override
    public void onCaughtUp(int count, boolean afterRestart) {
        onUi(() -> {
            s.transcript.setPhase(TranscriptViewModel.Phase.LOADED);
            s.transcript.addNote((afterRestart ? "resumed, " : "reconnected, ") + count + (count == 1 ? " new event" : " new events"));
        });
    }

    @Override
    public void onSnapshot(SessionSnapshot snapshot) {
        onUi(() -> {
            s.agentStatus.set(snapshot.status());
            s.statusLabel.set(snapshot.statusLabel());
            if (snapshot.steps().isPresent() || snapshot.costUsd().isPresent()) {
                showMetrics(snapshot.steps(), snapshot.costUsd());
            }
            s.refreshAbilities();
        });
    }

    @Override
    public void onConnection(ConnectionState next, Optional<AgentError> cause) {
        onUi(() -> {
            ConnectionState was = s.state.get();
            s.state.set(next);
            if (next == ConnectionState.ENDED) {
                s.transcript.setPhase(TranscriptViewModel.Phase.LOADED); // nothing more will come
            }
            if (next == ConnectionState.LIVE && was == ConnectionState.CONNECTING) {
                fetchLiveView();
            }
            if (next == ConnectionState.RECONNECTING && was != ConnectionState.RECONNECTING) {
                cause.ifPresent(c -> s.transcript.addError("connection lost, reconnecting: " + c.summary()));
            } else if (next == ConnectionState.ENDED && s.provider() == Provider.DEMO
                    && cause.filter(AgentError.NotFound.class::isInstance).isPresent()) {
                s.transcript.addNote("This demo session ended with the console that ran it: what is shown is its "
                        + "stored history. Press New for a fresh one.");
            } else if (next == ConnectionState.ENDED) {
                cause.ifPresent(c -> {
                    s.transcript.addError(c.summary());
                    s.needs.failed(c.summary());
                });
            }
            s.refreshAbilities();
        });
    }

    @Override
    public void onDelivery(Delivery delivery) {
        onUi(() -> {
            s.transcript.updateDelivery(delivery);
            s.needs.delivery(delivery);
            if (delivery.state() == DeliveryState.SENDING) {
                s.needs.operatorSpoke();
            }
            if (delivery.state() == DeliveryState.FAILED) {
                giveBack(delivery);
            }
        });
    }

    @Override
    public void onCommandFailed(String command, AgentError error) {
        onUi(() -> {
            s.transcript.addError(command + " failed: " + error.summary());
            s.needs.commandFailed(error);
        });
    }

    @Override
    public void onContact(Instant at) {
        onUi(() -> {
            s.reading.lastContact = s.ctx.clock().get();
            s.stale.set(false);
            if (s.state.get() == ConnectionState.LIVE) {
                s.transcript.setPhase(TranscriptViewModel.Phase.LOADED); // a read answered (the first comes after the status)
            }
        });
    }

    /**
     * A refused message comes back into an empty composer, so the operator can fix and resend it
     * (its row keeps the cause and a Retry as well).
     */
    private void giveBack(Delivery delivery) {
        List<OutgoingMessage> lines = delivery.outgoing().messages();
        if (delivery.outgoing() instanceof Outgoing.Batch && lines.size() > 1) {
            s.composer.restoreQueue(lines.stream().map(OutgoingMessage::text).toList());
        } else {
            s.composer.restoreText(lines.get(0).text());
        }
    }

    private void fetchLiveView() {
        SessionController c = s.controller();
        if (c == null) {
            return;
        }
        s.ctx.io().execute(() -> {
            try {
                SessionInfo info = c.backend().session(c.session());
                info.liveViewUrl().ifPresent(u -> onUi(() -> s.liveViewUrl.set(u)));
                onUi(() -> s.title.offerAgent(info.agent()));
            } catch (RuntimeException e) {
                // the live view link and the agent's name are conveniences; the transcript already shows connection trouble
            }
        });
    }

    /** Steps and cost come from different places (status, metrics events): each keeps the last value it had. */
    private void showMetrics(Optional<Integer> steps, Optional<BigDecimal> cost) {
        steps.ifPresent(n -> lastSteps = n);
        steps.ifPresent(s.working::steps);
        cost.ifPresent(c -> lastCost = c);
        StringBuilder b = new StringBuilder();
        if (lastSteps != null) {
            b.append(lastSteps).append(lastSteps == 1 ? " step" : " steps");
        }
        if (lastCost != null) {
            b.append(b.length() > 0 ? " · " : "").append(Formats.usd(lastCost));
        }
        s.metrics.set(b.toString());
    }
}
