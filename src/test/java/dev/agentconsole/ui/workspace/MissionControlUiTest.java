package dev.agentconsole.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ReceivedMessage;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.session.ConnectionState;
import dev.agentconsole.ui.FxTesting;
import dev.agentconsole.ui.session.SessionViewModel;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Mission control in the real window: three sessions of the emulator, one of which asks; the inbox
 * shows it, a reply typed into the inbox reaches that session's route, and switching with the keys
 * keeps what each composer holds.
 */
@ExtendWith(ApplicationExtension.class)
class MissionControlUiTest {

    TestWindow window;
    Emulator emulator;
    WorkspaceViewModel vm;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, ScriptClock.ticking(Duration.ofMillis(15)));
        emulator = window.emulator;
        vm = window.vm;
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private void bindAgi(String id) throws Exception {
        TestWindow.fx(() -> {
            vm.form().providerProperty().set(Provider.AGI);
            vm.form().tokenProperty().set(emulator.token());
            vm.form().sessionTextProperty().set(id);
            vm.form().connect();
            return null;
        });
        TestWindow.waitFor("live", () -> vm.front() != null && vm.front().id().value().equals(id)
                && vm.front().stateProperty().get() == ConnectionState.LIVE);
    }

    @Test
    void theInboxShowsTheQuestionAndAReplyTypedThereReachesThatSession(FxRobot robot) throws Exception {
        String asking = TestWindow.fx(window::bindDemoSession);
        String a = emulator.createAgiSession();
        String b = emulator.createAgiSession();
        bindAgi(a);
        bindAgi(b);
        TestWindow.waitFor("the inbox names the waiting agent", () -> robot.lookup("#inboxSummary").tryQueryAs(Label.class)
                .map(l -> FxTesting.shownWithAllItsParents(l) && "1 agent is waiting for you".equals(l.getText())).orElse(false));
        TestWindow.waitFor("its question in the inbox", () -> robot.lookup(".inbox-item .inbox-text").queryAllAs(Label.class).stream()
                .anyMatch(l -> FxTesting.shownWithAllItsParents(l) && l.getText().contains("Which one should I book")));
        assertEquals(3, TestWindow.fx(() -> robot.lookup(".sidebar-item").queryAll().size()));

        assertEquals(1, robot.lookup(".inbox-item").match(FxTesting::shownWithAllItsParents).queryAll().size(),
                "one card shown: the other sessions' cards, if any, are hidden");
        robot.clickOn(robot.lookup(".inbox-reply").match(FxTesting::shownWithAllItsParents).<javafx.scene.Node>query())
                .write("the cheaper one").type(KeyCode.ENTER);
        TestWindow.waitFor("the reply at the demo session's route", () -> emulator.receivedMessages(asking).stream()
                .map(ReceivedMessage::text).toList().equals(List.of("the cheaper one")));
        assertEquals(List.of(), emulator.receivedMessages(a));
        assertEquals(List.of(), emulator.receivedMessages(b));
        assertEquals(b, TestWindow.fx(() -> vm.front().id().value()), "the session in front stays in front");
    }

    @Test
    void switchingWithTheKeysKeepsEachComposersDraft(FxRobot robot) throws Exception {
        bindAgi(emulator.createAgiSession());
        bindAgi(emulator.createAgiSession());
        bindAgi(emulator.createAgiSession());
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        robot.clickOn("#messageInput").write("draft one");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        TestWindow.waitFor("the second session in front", () -> vm.front() == vm.sessions().get(1));
        robot.clickOn("#messageInput").write("draft two");
        robot.press(KeyCode.CONTROL).type(KeyCode.TAB).release(KeyCode.CONTROL); // on to the third
        TestWindow.waitFor("the third session in front", () -> vm.front() == vm.sessions().get(2));
        assertEquals("", composerText(robot));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT, KeyCode.CONTROL);
        TestWindow.waitFor("back to the second", () -> vm.front() == vm.sessions().get(1));
        assertEquals("draft two", composerText(robot));
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        TestWindow.waitFor("the first", () -> vm.front() == vm.sessions().get(0));
        assertEquals("draft one", composerText(robot));

        robot.press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
        TestWindow.waitFor("the first closed, the window still open", () -> vm.sessions().size() == 2
                && robot.lookup("#messageInput").tryQuery().isPresent());
        assertEquals("draft two", composerText(robot), "the one beside it comes forward");
    }

    @Test
    void aSessionMovedInTheListKeepsItsView() throws Exception {
        bindAgi(emulator.createAgiSession());
        bindAgi(emulator.createAgiSession());
        Object before = TestWindow.fx(() -> window.view.frontView().orElseThrow());
        TestWindow.fx(() -> {
            vm.move(vm.front(), -1); // to the top: taken out of the list and put back
            return null;
        });
        assertEquals(before, TestWindow.fx(() -> window.view.frontView().orElseThrow()), "the view in front stays");
        TestWindow.fx(() -> {
            vm.showNumber(2);
            vm.showNumber(1);
            return null;
        });
        assertEquals(before, TestWindow.fx(() -> window.view.frontView().orElseThrow()),
                "and is the one that comes back (its place in the transcript, its pictures), not one built again");
    }

    @Test
    void theComposersScrollPanesKeepNoBitmapOfTheirViewport(FxRobot robot) throws Exception {
        bindAgi(emulator.createAgiSession());
        TestWindow.waitFor("the composer", () -> robot.lookup("#messageInput").tryQuery().isPresent());
        List<javafx.scene.Node> viewports = TestWindow.fx(() -> List.copyOf(robot.lookup("#composerScroll").query().lookupAll(".viewport")));
        assertTrue(viewports.size() >= 2, "the composer's own and its message field's: " + viewports);
        assertTrue(TestWindow.fx(() -> viewports.stream().noneMatch(javafx.scene.Node::isCache)),
                "JavaFX's skin caches them; each cached bitmap stays with a session's view, shown or not");
    }

    @Test
    void aSessionIsRenamedInPlaceAndTheWallOpensOne(FxRobot robot) throws Exception {
        bindAgi(emulator.createAgiSession());
        bindAgi(emulator.createAgiSession());
        robot.doubleClickOn("#sessionItem1");
        TestWindow.waitFor("the title as a field", () -> robot.lookup("#renameField").tryQuery().isPresent());
        TextField field = robot.lookup("#renameField").queryAs(TextField.class);
        TestWindow.fx(() -> {
            field.setText("checkout flow");
            field.fireEvent(new javafx.event.ActionEvent());
            return null;
        });
        SessionViewModel first = TestWindow.fx(() -> vm.sessions().get(0));
        assertEquals("checkout flow", TestWindow.fx(() -> first.title().get()));

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        TestWindow.waitFor("the wall", () -> robot.lookup("#wall").tryQuery().map(FxTesting::shownWithAllItsParents).orElse(false));
        assertEquals(2, TestWindow.fx(() -> robot.lookup(".tile").queryAll().size()));
        robot.clickOn(robot.lookup(".tile").queryAll().iterator().next());
        TestWindow.waitFor("the first session in front", () -> vm.front() == first && !vm.wallShownProperty().get());
    }

    @Test
    void ctrlTThenEnterOnAnEmptyFieldOpensANewDemoSessionBesideTheFirst(FxRobot robot) throws Exception {
        TestWindow.fx(window::bindDemoSession);
        TestWindow.waitFor("the first session", () -> vm.sessions().size() == 1 && robot.lookup("#messageInput").tryQuery().isPresent());
        robot.clickOn("#messageInput");
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.type(KeyCode.BACK_SPACE).type(KeyCode.ENTER);
        TestWindow.waitFor("a second session, in front", () -> vm.sessions().size() == 2 && vm.front() == vm.sessions().get(1));
    }

    private static String composerText(FxRobot robot) throws Exception {
        return TestWindow.fx(() -> robot.lookup("#messageInput").queryAs(TextArea.class).getText());
    }
}
