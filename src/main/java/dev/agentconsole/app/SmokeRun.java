package dev.agentconsole.app;

import dev.agentconsole.session.ConnectionState;
import dev.agentconsole.session.DeliveryState;
import dev.agentconsole.ui.chat.TranscriptEntry;
import dev.agentconsole.ui.session.SessionViewModel;
import dev.agentconsole.ui.workspace.WorkspaceViewModel;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;

/**
 * {@code --smoke}: proves an installed console works end to end, through the real window and the
 * real client. Once the session is live it types a message into the composer and presses Send, then
 * waits until the agent has seen it and answered with a step of its own. Exit 0 then; 1 with the
 * reason on any failure (session problem, an error in the transcript, the message failed or is
 * uncertain, the session ended, or no reply within the limit). It follows the session in front.
 * Runs on the FX thread.
 */
public final class SmokeRun {

    /** Picked so the emulated agent answers it at any point of its script. */
    public static final String MESSAGE = "Smoke test: the cheaper one, please.";
    public static final int PASSED = 0;
    public static final int FAILED = 1;

    private final WorkspaceViewModel workspace;
    private final javafx.scene.Parent window;
    private SessionViewModel vm;
    private final PrintStream out;
    private final IntConsumer done;
    private final PauseTransition limit;
    private final PauseTransition lookAgain = new PauseTransition(javafx.util.Duration.millis(100));
    private final long startNanos = System.nanoTime();
    /** Errors already in the transcript (an earlier run's history) do not fail this run. */
    private final java.util.Set<TranscriptEntry> earlierErrors = new java.util.HashSet<>();
    private boolean sent;
    private boolean finished;

    /** @param window the window's root: the composer and Send are pressed there, as the operator would */
    public SmokeRun(WorkspaceViewModel workspace, javafx.scene.Parent window, Duration limit, PrintStream out, IntConsumer done) {
        this.workspace = workspace;
        this.window = window;
        this.out = out;
        this.done = done;
        this.limit = new PauseTransition(javafx.util.Duration.millis(limit.toMillis()));
        this.lookAgain.setOnFinished(e -> check());
        this.limit.setOnFinished(e -> fail("no reply from the agent within " + limit.toSeconds() + " s"
                + (sent ? "" : " (the session never became live)")));
    }

    public void start() {
        say("window open");
        limit.play();
        InvalidationListener check = o -> check();
        workspace.form().sessionProblemProperty().addListener(check);
        workspace.form().noticeProperty().addListener(check);
        workspace.frontProperty().addListener((o, was, now) -> follow(now, check));
        follow(workspace.front(), check);
    }

    private void follow(SessionViewModel session, InvalidationListener check) {
        if (session == null || session == vm || sent) {
            return;
        }
        vm = session;
        earlierErrors.clear();
        vm.transcript().entries().stream().filter(e -> e instanceof TranscriptEntry.Error).forEach(earlierErrors::add);
        vm.stateProperty().addListener(check);
        vm.transcript().revisionProperty().addListener(check);
        check();
    }

    private void check() {
        if (finished) {
            return;
        }
        String problem = !workspace.form().sessionProblemProperty().get().isEmpty()
                ? workspace.form().sessionProblemProperty().get() : workspace.form().noticeProperty().get();
        if (!problem.isEmpty()) {
            fail(problem);
            return;
        }
        if (vm == null) {
            return;
        }
        List<TranscriptEntry> entries = vm.transcript().entries();
        for (TranscriptEntry entry : entries) {
            if (entry instanceof TranscriptEntry.Error error && !earlierErrors.contains(error)) {
                fail(error.message());
                return;
            }
        }
        if (!sent && vm.stateProperty().get() == ConnectionState.LIVE) {
            if (!(window.lookup("#messageInput") instanceof javafx.scene.control.TextInputControl input)) {
                lookAgain.playFromStart(); // live before its view is in the window: look again shortly
                return;
            }
            sent = true;
            say("session live, sending through the composer");
            input.setText(MESSAGE);
            javafx.scene.control.ButtonBase send = (javafx.scene.control.ButtonBase) window.lookup("#sendButton");
            if (send.isDisabled()) {
                fail("the Send button is disabled while the session is live");
            } else {
                send.fire();
            }
            return;
        }
        if (!sent) {
            return;
        }
        int mine = -1;
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i) instanceof TranscriptEntry.Operator op && op.lines().contains(MESSAGE)) {
                mine = i;
                break;
            }
        }
        if (mine < 0) {
            return;
        }
        TranscriptEntry.Operator message = (TranscriptEntry.Operator) entries.get(mine);
        if (message.state() == DeliveryState.FAILED || message.state() == DeliveryState.UNCERTAIN) {
            fail("the message is " + message.state().name().toLowerCase(java.util.Locale.ROOT)
                    + message.cause().map(c -> ": " + c).orElse(""));
            return;
        }
        boolean replied = message.state() == DeliveryState.SEEN && entries.subList(mine + 1, entries.size()).stream()
                .anyMatch(e -> e instanceof TranscriptEntry.Thought || e instanceof TranscriptEntry.Answer
                        || e instanceof TranscriptEntry.Question);
        if (replied) {
            finish(PASSED, "the agent saw the message and replied");
        } else if (vm.stateProperty().get() == ConnectionState.ENDED) {
            fail("the session ended before the agent replied");
        }
    }

    private void fail(String reason) {
        finish(FAILED, "failed: " + reason);
    }

    private void finish(int code, String what) {
        if (finished) {
            return;
        }
        finished = true;
        limit.stop();
        say(what + " (" + (System.nanoTime() - startNanos) / 1_000_000 + " ms)");
        done.accept(code);
    }

    private void say(String line) {
        out.println("smoke: " + line);
        out.flush();
    }
}
