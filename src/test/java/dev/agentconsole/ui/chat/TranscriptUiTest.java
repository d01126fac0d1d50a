package dev.agentconsole.ui.chat;

import static dev.agentconsole.ui.FxTesting.fx;
import static dev.agentconsole.ui.FxTesting.shownWithAllItsParents;
import static dev.agentconsole.ui.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.session.Delivery;
import dev.agentconsole.session.DeliveryState;
import dev.agentconsole.ui.FxTesting;
import dev.agentconsole.ui.ImageLoader;
import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.Theme;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The transcript on its own: a row whose entry changes is redrawn in its own cell, with no scroll. */
@ExtendWith(ApplicationExtension.class)
class TranscriptUiTest {

    final TranscriptViewModel model = new TranscriptViewModel();
    final Delivery delivery = new Delivery(7, new Outgoing.Single(OutgoingMessage.text("take the cheaper one")),
            DeliveryState.QUEUED, Optional.empty(), 1);

    @Start
    void start(Stage stage) {
        new Theme().apply();
        model.addEvents(List.of(new AgentEvent.Thought(0, Instant.now(), "Looking at the listing", List.of())));
        model.updateDelivery(delivery);
        TranscriptView view = new TranscriptView(model, new TranscriptView.Actions(q -> { }, id -> { }, id -> { }), new ImageLoader());
        view.getStyleClass().add(Styles.ROOT);
        Scene scene = new Scene(view, 900, 600);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource(Styles.STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** The delivery label of the operator's row, as shown (a cell keeps other kinds' nodes, hidden). */
    private static Label shownState(FxRobot robot) {
        return robot.lookup(".transcript .delivery").queryAllAs(Label.class).stream().filter(FxTesting::shownWithAllItsParents)
                .findFirst().orElseThrow(() -> new AssertionError("no delivery state on screen"));
    }

    private static ListCell<?> cellOf(Node node) {
        Node n = node;
        while (!(n instanceof ListCell<?>)) {
            n = n.getParent();
        }
        return (ListCell<?>) n;
    }

    @Test
    void aDeliveryMovingOnIsRedrawnInTheSameCell(FxRobot robot) throws Exception {
        waitFor("the queued row", () -> "queued".equals(shownState(robot).getText()));
        ListCell<?> cell = fx(() -> (ListCell<?>) cellOf(shownState(robot)));

        fx(() -> {
            model.updateDelivery(delivery.with(DeliveryState.SENDING, Optional.empty()));
            return null;
        });
        waitFor("sending", () -> "sending…".equals(shownState(robot).getText()));
        fx(() -> {
            model.updateDelivery(delivery.with(DeliveryState.FAILED, Optional.of(new dev.agentconsole.agent.AgentError.Network("connection reset by the test"))));
            return null;
        });
        waitFor("failed with its cause", () -> "failed".equals(shownState(robot).getText())
                && robot.lookup(".transcript .problem").queryAllAs(Label.class).stream()
                        .anyMatch(l -> shownWithAllItsParents(l) && l.getText().contains("connection reset by the test")));

        ListCell<?> after = fx(() -> cellOf(shownState(robot)));
        assertSame(cell, after, "the list kept its cells");
        assertEquals(Integer.valueOf(2), fx(() -> model.rows().size()));
    }

    /** Rows of seven kinds in turn, so that scrolling hands each cell rows of every kind. */
    private static List<TranscriptEntry> mixedRows(int n) {
        List<TranscriptEntry> rows = new ArrayList<>();
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        String longThought = "The listing shows three hotels; ".repeat(16);
        for (int i = 0; i < n; i++) {
            String key = "m" + i;
            rows.add(switch (i % 6) {
                case 0 -> new TranscriptEntry.Question(key, at, "Question " + i + ": which one?");
                case 1 -> new TranscriptEntry.Operator(key, at, 100 + i, List.of("take the cheaper one " + i), List.of(),
                        Optional.of("https://example.com/" + i), Optional.empty(), DeliveryState.FAILED, Optional.of("refused " + i));
                case 2 -> new TranscriptEntry.Thought(key, at, longThought + i, List.of("click #item-" + i));
                case 3 -> new TranscriptEntry.Status(key, at, "running");
                case 4 -> i % 12 == 4 ? new TranscriptEntry.Note(key, at, "navigated to page " + i)
                        : new TranscriptEntry.Answer(key, at, "{\n  \"row\" : " + i + "\n}", true, Optional.of("success"), Optional.empty());
                default -> new TranscriptEntry.Operator(key, at, 100 + i, List.of("first " + i, "second " + i), List.of(),
                        Optional.empty(), Optional.empty(), DeliveryState.SEEN, Optional.empty());
            });
        }
        return rows;
    }

    private static boolean shows(ListCell<?> cell, String selector) {
        return cell.lookupAll(selector).stream().anyMatch(FxTesting::shownWithAllItsParents);
    }

    /** What each cell on screen shows that its row's kind does not have (or lacks that it has). */
    private static List<String> mismatches(ListView<?> list) {
        List<String> wrong = new ArrayList<>();
        for (Node n : list.lookupAll(".list-cell")) {
            if (!(n instanceof ListCell<?> cell) || !cell.isVisible() || !(cell.getItem() instanceof TranscriptRow row)) {
                continue;
            }
            TranscriptEntry e = row.entry();
            boolean failedOperator = e instanceof TranscriptEntry.Operator o && o.state() == DeliveryState.FAILED;
            check(wrong, e, "Reply", shows(cell, ".reply"), e instanceof TranscriptEntry.Question);
            check(wrong, e, "delivery state", shows(cell, ".delivery"), e instanceof TranscriptEntry.Operator);
            check(wrong, e, "cause", shows(cell, ".problem"), failedOperator
                    || e instanceof TranscriptEntry.Thought t && !t.problems().isEmpty());
            check(wrong, e, "more/less", shows(cell, ".hyperlink"), e instanceof TranscriptEntry.Thought t && t.text().length() > 160);
            check(wrong, e, "status line", shows(cell, ".status-line"), e instanceof TranscriptEntry.Status);
            check(wrong, e, "bubble", shows(cell, ".bubble"), !(e instanceof TranscriptEntry.Status));
            boolean mono = cell.lookupAll(".body").stream().anyMatch(b -> FxTesting.shownWithAllItsParents(b)
                    && b.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass(Styles.MONO)));
            check(wrong, e, "monospaced body", mono, e instanceof TranscriptEntry.Answer a && a.structured());
        }
        return wrong;
    }

    private static void check(List<String> wrong, TranscriptEntry e, String part, boolean shown, boolean expected) {
        if (shown != expected) {
            wrong.add(e.key() + " (" + e.getClass().getSimpleName() + ") " + (shown ? "shows" : "lacks") + " its " + part);
        }
    }

    @Test
    void aCellReusedForRowsOfOtherKindsShowsOnlyWhatEachKindHas(FxRobot robot) throws Exception {
        ListView<?> list = robot.lookup("#transcript").queryAs(ListView.class);
        fx(() -> {
            model.addAll(mixedRows(90));
            return null;
        });
        readBack(robot);
        for (int target : List.of(0, 45, 91, 12, 70, 3)) {
            fx(() -> {
                list.scrollTo(target);
                return null;
            });
            waitFor("row " + target + " on screen", () -> fx(() -> list.lookupAll(".list-cell").stream()
                    .anyMatch(n -> n instanceof ListCell<?> c && c.isVisible() && c.getIndex() == target)));
            robot.sleep(50); // one more pulse: the rows around it are laid out too
            assertEquals(List.of(), fx(() -> mismatches(list)), "after scrolling to row " + target);
        }
    }

    @Test
    void aLongThoughtOpensWithMoreAndClosesWithLess(FxRobot robot) throws Exception {
        String text = "I compared the three listings by price, distance and reviews. ".repeat(8) + "The end.";
        fx(() -> {
            model.addEvents(List.of(new AgentEvent.Thought(5, Instant.now(), text, List.of())));
            return null;
        });
        waitFor("the toggle", () -> toggle(robot) != null && "more".equals(toggle(robot).getText()));
        assertTrue(fx(() -> shownBodies(robot).stream().noneMatch(t -> t.contains("The end."))), "closed: the first lines only");
        fx(() -> {
            toggle(robot).fire();
            return null;
        });
        waitFor("opened", () -> "less".equals(toggle(robot).getText()) && shownBodies(robot).contains(text));
        fx(() -> {
            toggle(robot).fire();
            return null;
        });
        waitFor("closed again", () -> "more".equals(toggle(robot).getText()) && !shownBodies(robot).contains(text));
    }

    private static Hyperlink toggle(FxRobot robot) throws Exception {
        return fx(() -> robot.lookup(".transcript .hyperlink").queryAllAs(Hyperlink.class).stream()
                .filter(FxTesting::shownWithAllItsParents).findFirst().orElse(null));
    }

    private static List<String> shownBodies(FxRobot robot) throws Exception {
        return fx(() -> robot.lookup(".transcript .body").queryAllAs(Label.class).stream()
                .filter(FxTesting::shownWithAllItsParents).map(Label::getText).toList());
    }

    /**
     * The operator goes back up the transcript (Home in the list), as before reading old rows: from
     * then on the window no longer keeps the newest row in view, and the test may scroll anywhere.
     */
    private static void readBack(FxRobot robot) throws Exception {
        fx(() -> {
            robot.lookup("#transcript").query().requestFocus();
            return null;
        });
        robot.type(javafx.scene.input.KeyCode.HOME);
        robot.sleep(100);
    }

    /** Every text shown in the cell of row {@code index}, once it is on screen. */
    private static String shownText(FxRobot robot, ListView<?> list, int index) throws Exception {
        fx(() -> {
            list.scrollTo(index);
            return null;
        });
        waitFor("row " + index + " on screen", () -> fx(() -> cellAt(list, index) != null));
        robot.sleep(50); // one more pulse: the cell is laid out with its entry
        return fx(() -> cellAt(list, index).lookupAll(".label").stream()
                .filter(n -> n instanceof Label && shownWithAllItsParents(n))
                .map(n -> ((Label) n).getText()).collect(java.util.stream.Collectors.joining("\n")));
    }

    private static ListCell<?> cellAt(ListView<?> list, int index) {
        return list.lookupAll(".list-cell").stream()
                .filter(n -> n instanceof ListCell<?> c && c.isVisible() && c.getIndex() == index && c.getItem() != null)
                .map(n -> (ListCell<?>) n).findFirst().orElse(null);
    }

    @Test
    void aRowOfEveryKindShowsEveryPartOfItsEvent(FxRobot robot) throws Exception {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        List<AgentEvent.Detail> noDetails = List.of();
        java.util.Map<AgentEvent, List<String>> events = new java.util.LinkedHashMap<>();
        events.put(new AgentEvent.Thought(10, at, "the second is cheaper", "I pick the second",
                List.of("click {\"x\":80520750.98346955} (id call_1)", "type {\"text\":\"Kyoto\"}", "scroll", "wait"),
                List.of("unknown tool 'tap'")), List.of("the second is cheaper", "I pick the second", "80520750.98346955",
                "call_1", "Kyoto", "scroll", "wait", "unknown tool 'tap'"));
        events.put(new AgentEvent.ToolResult(11, at, "read_page {\"url\":\"https://a.example\"} (id call_9)", "3 hotels",
                true, Optional.of("/out/page.html")), List.of("read_page", "call_9", "3 hotels", "truncated", "/out/page.html"));
        events.put(new AgentEvent.Step(12, at, "file download", List.of(new AgentEvent.Detail("path", "/r.pdf"),
                new AgentEvent.Detail("size bytes", "48213"))), List.of("file download", "path: /r.pdf", "size bytes: 48213"));
        events.put(new AgentEvent.Step(13, at, "start requested", noDetails), List.of("start requested"));
        events.put(new AgentEvent.Failure(14, at, "element not found", Optional.empty(), List.of(
                new AgentEvent.Detail("origin", "executor"), new AgentEvent.Detail("tool req", "click {\"selector\":\"#buy\"}"))),
                List.of("element not found", "origin: executor", "#buy"));
        events.put(new AgentEvent.Observation(15, at, Optional.of("the results page"), Optional.empty(),
                List.of(new AgentEvent.Detail("type", "screenshot"))), List.of("the results page", "type: screenshot"));
        events.put(new AgentEvent.StatusChange(16, at, dev.agentconsole.agent.AgentStatus.AWAITING_TOOL_RESULTS,
                "awaiting_tool_results", List.of("lookup_crm {\"id\":7}")), List.of("lookup_crm {\"id\":7}"));
        events.put(new AgentEvent.Message(17, at, "planner", false, "look at row 2", List.of()), List.of("planner", "look at row 2"));
        events.put(new AgentEvent.Answer(18, at, "{\n  \"price\" : 80520750.98346955\n}", true, Optional.of("success")),
                List.of("80520750.98346955", "success"));
        events.put(new AgentEvent.Answer(19, at, "Which dates?", false, Optional.empty()), List.of("Which dates?"));
        events.put(new AgentEvent.Note(20, at, "agent finished: timed_out"), List.of("agent finished: timed_out"));
        events.put(new AgentEvent.LiveView(21, at, "https://live.example/v/1"), List.of("https://live.example/v/1"));
        events.put(new AgentEvent.Other(22, at, "FutureEvent", "{\"type\":\"FutureEvent\",\"x\":1}"),
                List.of("FutureEvent", "\"x\":1"));
        ListView<?> list = robot.lookup("#transcript").queryAs(ListView.class);
        int first = fx(() -> {
            int size = model.rows().size();
            model.addEvents(List.copyOf(events.keySet()));
            return size;
        });
        readBack(robot);
        int row = first;
        for (var e : events.entrySet()) {
            String shown = shownText(robot, list, row++);
            for (String part : e.getValue()) {
                assertTrue(shown.contains(part), e.getKey().getClass().getSimpleName() + " shows '" + part + "': " + shown);
            }
        }
    }

    @Test
    void aLongToolResultFoldsAndOpensWhole(FxRobot robot) throws Exception {
        String result = "{\n" + "  \"hotel\" : \"Kyo Inn\",\n".repeat(12) + "  \"end\" : true\n}";
        fx(() -> {
            model.addEvents(List.of(new AgentEvent.ToolResult(30, Instant.now(), "read_page", result, false, Optional.empty())));
            return null;
        });
        waitFor("the toggle", () -> toggle(robot) != null && "more".equals(toggle(robot).getText()));
        assertTrue(fx(() -> !shownBodies(robot).contains(result)), "closed: the first line only");
        fx(() -> {
            toggle(robot).fire();
            return null;
        });
        waitFor("opened whole", () -> "less".equals(toggle(robot).getText()) && shownBodies(robot).contains(result));
    }
}
