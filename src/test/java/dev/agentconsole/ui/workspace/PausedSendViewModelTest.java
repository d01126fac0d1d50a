package dev.agentconsole.ui.workspace;

import dev.agentconsole.ui.session.Confirmation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ReceivedMessage;
import dev.agentconsole.session.ConnectionState;
import dev.agentconsole.ui.UiThread;
import dev.agentconsole.ui.chat.TranscriptEntry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sending to a paused agent asks first ("Send and resume" / "Queue until I resume" / Cancel), held
 * messages go out on Resume and never get lost; Stop says what it does on each provider. Without
 * the toolkit, against the emulator.
 */
class PausedSendViewModelTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    final WorkspaceHarness harness = new WorkspaceHarness(); // JUnit makes a new one for every test
    final Emulator emulator = harness.emulator;
    final UiThread ui = harness.ui;
    final WorkspaceViewModel vm = harness.vm;

    @AfterEach
    void stop() {
        harness.close();
    }

    private String pausedAtTheQuestion() {
        ui.run(vm.form()::newSession);
        ui.await("the demo agent asks", WAIT, () -> vm.front() != null && vm.front().transcript().entries().stream().anyMatch(TranscriptEntry.Question.class::isInstance)
                && vm.front().agentStatusProperty().get() == AgentStatus.IDLE);
        ui.run(() -> vm.front().pauseOrResume());
        ui.await("paused", WAIT, () -> vm.front() != null && vm.front().agentStatusProperty().get() == AgentStatus.PAUSED);
        return ui.call(() -> vm.front().id().value());
    }

    private List<String> received(String session) {
        return emulator.receivedMessages(session).stream().map(ReceivedMessage::text).toList();
    }

    private Confirmation typeAndSend(String text) {
        return ui.call(() -> {
            vm.front().composer().textProperty().set(text);
            vm.front().send();
            return vm.front().confirmationProperty().get();
        });
    }

    @Test
    void sendingToAPausedAgentAsksFirstAndSendsNothingMeanwhile() throws Exception {
        String session = pausedAtTheQuestion();
        Confirmation asked = typeAndSend("the cheaper one");
        assertEquals(List.of("Send and resume", "Queue until I resume", "Cancel"),
                asked.choices().stream().map(Confirmation.Choice::label).toList());
        assertTrue(asked.message().contains("paused"), asked.message());
        Thread.sleep(300);
        assertEquals(List.of(), received(session));
        assertEquals(Optional.of("paused"), emulator.sessionStatus(session));

        ui.run(() -> vm.front().choose(asked.choices().get(2))); // Cancel
        assertEquals("the cheaper one", ui.call(() -> vm.front().composer().textProperty().get()), "nothing typed is lost");

        Confirmation again = typeAndSend("the cheaper one");
        ui.run(() -> vm.front().choose(again.choices().get(0))); // Send and resume
        ui.await("sent", WAIT, () -> received(session).equals(List.of("the cheaper one")));
        ui.await("running again", WAIT, () -> vm.front() != null && vm.front().agentStatusProperty().get() != AgentStatus.PAUSED);
    }

    @Test
    void queueUntilIResumeHoldsTheMessageAndResumeSendsIt() throws Exception {
        String session = pausedAtTheQuestion();
        Confirmation asked = typeAndSend("the cheaper one");
        ui.run(() -> vm.front().choose(asked.choices().get(1)));
        ui.run(() -> {
            assertEquals("", vm.front().composer().textProperty().get());
            assertEquals("1 message held (\u201cthe cheaper one\u201d): it goes out when you resume the agent.",
                    vm.front().held().summaryProperty().get());
        });
        Thread.sleep(500);
        assertEquals(List.of(), received(session), "held, not sent");
        assertEquals(Optional.of("paused"), emulator.sessionStatus(session));

        ui.run(() -> vm.front().pauseOrResume()); // Resume
        ui.await("sent on resume", WAIT, () -> received(session).equals(List.of("the cheaper one")));
        ui.run(() -> assertEquals("", vm.front().held().summaryProperty().get()));
        ui.await("the booking", WAIT, () -> vm.front() != null && vm.front().transcript().entries().stream()
                .anyMatch(e -> e instanceof TranscriptEntry.Answer a && a.text().contains("Sakura Inn")));
    }

    @Test
    void heldMessagesGoBackIntoTheComposerWhenTheWindowLetsGoOfTheSession() {
        String session = pausedAtTheQuestion();
        ui.run(() -> {
            vm.front().composer().textProperty().set("first");
            vm.front().composer().addToQueue();
            vm.front().composer().textProperty().set("second");
            vm.front().composer().addToQueue();
            vm.front().sendQueue();
            vm.front().choose(vm.front().confirmationProperty().get().choices().get(1)); // hold the batch
            vm.front().composer().textProperty().set("the cheaper one");
            vm.front().send();
            vm.front().choose(vm.front().confirmationProperty().get().choices().get(1)); // and this one
            assertEquals("3 messages held (\u201cfirst\u201d and more): they go out when you resume the agent.",
                    vm.front().held().summaryProperty().get());
            assertTrue(vm.front().composer().queue().isEmpty());

            vm.front().detach();

            assertEquals("", vm.front().held().summaryProperty().get());
            assertEquals(List.of("first", "second"), vm.front().composer().queue());
            assertEquals("the cheaper one", vm.front().composer().textProperty().get());
        });
        assertEquals(List.of(), received(session));
    }

    @Test
    void onAgiSendAndResumeAlsoResumes() {
        String agi = emulator.createAgiSession();
        ui.run(() -> {
            vm.form().providerProperty().set(Provider.AGI);
            vm.form().tokenProperty().set(emulator.token());
            vm.form().sessionTextProperty().set(agi);
            vm.form().connect();
        });
        ui.await("live", WAIT, () -> vm.front() != null && vm.front().stateProperty().get() == ConnectionState.LIVE);
        ui.run(() -> {
            vm.front().composer().textProperty().set("Book a hotel in Kyoto");
            vm.front().send();
            if (vm.front().confirmationProperty().get() != null) {
                vm.front().choose(vm.front().confirmationProperty().get().choices().get(0));
            }
        });
        ui.await("working", WAIT, () -> vm.front() != null && vm.front().canPauseProperty().get());
        ui.run(() -> vm.front().pauseOrResume());
        ui.await("paused", WAIT, () -> vm.front() != null && vm.front().agentStatusProperty().get() == AgentStatus.PAUSED);
        Confirmation asked = typeAndSend("the cheaper one");
        ui.run(() -> vm.front().choose(asked.choices().get(0)));
        ui.await("resumed", WAIT, () -> vm.front() != null && vm.front().agentStatusProperty().get() != AgentStatus.PAUSED);
        ui.await("the message there too (it goes on the sender's thread, the resume on its own)", WAIT,
                () -> received(agi).contains("the cheaper one"));
        assertNull(ui.call(() -> vm.front().confirmationProperty().get()));
    }

    @Test
    void heldMessagesGoOutBeforeTheOneSentWithSendAndResume() {
        String session = pausedAtTheQuestion();
        Confirmation first = typeAndSend("first, the cheaper one");
        ui.run(() -> vm.front().choose(first.choices().get(1))); // hold it
        Confirmation second = typeAndSend("then check breakfast");
        ui.run(() -> vm.front().choose(second.choices().get(0))); // Send and resume
        ui.await("both sent", WAIT, () -> received(session).size() == 2);
        assertEquals(List.of("first, the cheaper one", "then check breakfast"), received(session), "in the order typed");
    }

    @Test
    void anAgentResumedWhileTheQuestionStoodGetsTheMessageAtOnce() {
        String session = pausedAtTheQuestion();
        Confirmation asked = typeAndSend("the cheaper one");
        resumeElsewhere(session); // resumed from another client, before the operator answers the question
        ui.await("seen running", WAIT, () -> vm.front() != null && vm.front().agentStatusProperty().get() != AgentStatus.PAUSED);
        ui.run(() -> vm.front().choose(asked.choices().get(1))); // "Queue until I resume": there is nothing to wait for
        ui.await("sent at once", WAIT, () -> received(session).equals(List.of("the cheaper one")));
        ui.run(() -> assertEquals("", vm.front().held().summaryProperty().get(), "nothing stays held"));
    }

    /** Another client resumes the session (the raw API, as a second console or curl would). */
    private void resumeElsewhere(String session) {
        try {
            var answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(emulator.baseUrl() + "/api/v2/sessions/" + session + "/resume"))
                    .header("Authorization", "Bearer " + emulator.token())
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertEquals(202, answer.statusCode());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
