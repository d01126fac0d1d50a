package dev.agentconsole.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.emulator.Faults;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.ui.FxTesting;
import java.time.Duration;
import java.util.Optional;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The session picker, the details popover and the quota line in the real window, against the emulator. */
@ExtendWith(ApplicationExtension.class)
class SessionPickerUiTest {

    TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, ScriptClock.ticking(Duration.ofMillis(15)));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    /** A label shown anywhere (the menu and the popover are windows of their own) whose text starts so. */
    private static boolean shows(FxRobot robot, String start) {
        return robot.lookup(".label").queryAll().stream().filter(FxTesting::shownWithAllItsParents)
                .anyMatch(n -> n instanceof Labeled l && l.getText() != null && l.getText().startsWith(start));
    }

    private static javafx.scene.Node label(FxRobot robot, String start) {
        return robot.lookup(".label").queryAll().stream().filter(FxTesting::shownWithAllItsParents)
                .filter(n -> n instanceof Labeled l && l.getText() != null && l.getText().startsWith(start)).findFirst().orElseThrow();
    }

    private void bindAndWaitForTheQuestion(FxRobot robot) throws Exception {
        TestWindow.fx(window::bindDemoSession);
        TestWindow.waitFor("the agent's question", () -> window.vm.front() != null && "idle".equals(window.vm.front().statusLabelProperty().get()));
    }

    @Test
    void thePickerListsEachSessionWithStatusAgentAndLastActivityAndAPickBindsIt(FxRobot robot) throws Exception {
        bindAndWaitForTheQuestion(robot);
        String other = window.emulator.createDemoSession();
        robot.clickOn("#sessionsButton");
        TestWindow.waitFor("a row for the session picked", () -> shows(robot, other + " · created "));
        assertTrue(TestWindow.fx(() -> shows(robot, "idle · demo-web-agent")), "the bound session's row says idle and its agent");
        assertTrue(TestWindow.fx(() -> robot.lookup(".label").queryAll().stream().filter(FxTesting::shownWithAllItsParents)
                .anyMatch(n -> n instanceof Labeled l && l.getText() != null && l.getText().contains("last activity"))));
        robot.clickOn(TestWindow.fx(() -> label(robot, other + " · created ")));
        TestWindow.waitFor("the picked session bound", () -> window.vm.front() != null && other.equals(window.vm.front().id().value()));
    }

    @Test
    void aRefusedListShowsTheErrorAndRetryListsInTheOpenMenu(FxRobot robot) throws Exception {
        window.emulator.createDemoSession();
        window.emulator.faults().add(Faults.Rule.on("GET /api/v2/sessions", new Faults.Fault.Status(403, Optional.empty()), 1));
        robot.clickOn("#sessionsButton");
        TestWindow.waitFor("the error", () -> shows(robot, "could not list sessions: forbidden"));
        robot.clickOn("#retrySessionsButton");
        TestWindow.waitFor("the session listed", () -> shows(robot, "pending · demo-web-agent")
                || shows(robot, "running · demo-web-agent") || shows(robot, "idle · demo-web-agent"));
        assertTrue(TestWindow.fx(() -> robot.lookup("#sessionsButton").queryAs(MenuButton.class).isShowing()),
                "Retry keeps the menu open");
    }

    @Test
    void anEmptyListSaysNoSessionsYet(FxRobot robot) throws Exception {
        TestWindow.fx(() -> {
            window.vm.form().providerProperty().set(Provider.AGI);
            window.vm.form().tokenProperty().set(window.emulator.token());
            return null;
        });
        robot.clickOn("#sessionsButton");
        TestWindow.waitFor("the empty list", () -> shows(robot, "No sessions yet"));
    }

    @Test
    void theDetailsPopoverShowsUsageAndCostAndOpensASubagent(FxRobot robot) throws Exception {
        bindAndWaitForTheQuestion(robot);
        String child = window.emulator.createSubagentSession(window.vm.front().id().value());
        robot.clickOn("#detailsButton");
        TestWindow.waitFor("the details", () -> "demo-web-agent".equals(
                robot.lookup("#detailsAgent").queryLabeled().getText()));
        TestWindow.waitFor("a row per model", () -> shows(robot, "holo-emulated-vision"));
        String cost = TestWindow.fx(() -> robot.lookup("#detailsCost").queryLabeled().getText());
        assertTrue(cost.matches("\\$\\d+\\.\\d{4} \\(input .*\\)"), cost);
        robot.clickOn("#subagent-" + child);
        TestWindow.waitFor("the subagent bound", () -> window.vm.front() != null && child.equals(window.vm.front().id().value()));
    }

    @Test
    void theQuotaShowsBeforeNewAndCountsTheSessionCreated(FxRobot robot) throws Exception {
        TestWindow.fx(() -> { // as the window does once it knows where the form points
            window.vm.form().select(Provider.DEMO, Optional.empty());
            return null;
        });
        TestWindow.waitFor("the quota line", () -> robot.lookup("#quotaLabel").queryLabeled().getText()
                .startsWith("Quota: 100 of 100 session slots free"));
        robot.clickOn("#newSessionButton");
        TestWindow.waitFor("one slot fewer", () -> robot.lookup("#quotaLabel").queryLabeled().getText()
                .startsWith("Quota: 99 of 100 session slots free"));
        assertEquals(true, TestWindow.fx(() -> robot.lookup("#newSessionButton").queryButton().getTooltip().getText()
                .contains("Quota: 99 of 100")));
    }
}
