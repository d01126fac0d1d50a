package dev.agentconsole.ui.session;

import dev.agentconsole.ui.Formats;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.ui.Icons;
import dev.agentconsole.ui.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The details popover's content: agent, status, times, cost and its split, each model's tokens and
 * cost, and the subagent sessions as links that bind the window to them.
 */
final class SessionDetailsView extends VBox {

    SessionDetailsView(SessionDetailsViewModel vm) {
        super(8);
        setId("sessionDetails");
        setPadding(new Insets(10, 12, 10, 12));
        setPrefWidth(460);

        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        facts.addRow(0, caption("Agent"), value("detailsAgent", vm.agentProperty()));
        facts.addRow(1, caption("Status"), value("detailsStatus", vm.statusProperty()));
        facts.addRow(2, caption("Times"), value("detailsTimes", vm.timesProperty()));
        facts.addRow(3, caption("Cost"), value("detailsCost", vm.costProperty()));

        GridPane usage = new GridPane();
        usage.setId("detailsUsage");
        usage.setHgap(12);
        usage.setVgap(2);
        Runnable fillUsage = () -> {
            usage.getChildren().clear();
            if (vm.usage().isEmpty()) {
                return;
            }
            usage.addRow(0, caption("Model"), caption("Input"), caption("Output"), caption("Reasoning"), caption("Cost"));
            int r = 1;
            for (SessionDetailsViewModel.UsageRow u : vm.usage()) {
                usage.addRow(r++, new Label(u.model()), new Label(u.input()), new Label(u.output()), new Label(u.reasoning()),
                        new Label(u.cost()));
            }
        };
        vm.usage().addListener((ListChangeListener<SessionDetailsViewModel.UsageRow>) c -> fillUsage.run());
        fillUsage.run();

        VBox subagents = new VBox(2);
        subagents.setId("detailsSubagents");
        Runnable fillSubagents = () -> {
            subagents.getChildren().clear();
            if (vm.subagents().isEmpty()) {
                return;
            }
            subagents.getChildren().add(caption("Subagent sessions"));
            for (SessionId id : vm.subagents()) {
                Hyperlink open = new Hyperlink(id.value());
                open.setId("subagent-" + id.value());
                open.setTooltip(new Tooltip("Open this subagent's session in the window"));
                open.setOnAction(e -> vm.open(id));
                subagents.getChildren().add(open);
            }
        };
        vm.subagents().addListener((ListChangeListener<SessionId>) c -> fillSubagents.run());
        fillSubagents.run();

        Label state = new Label();
        state.setId("detailsState");
        state.setWrapText(true);
        state.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.stateProperty().get()) {
            case LOADING -> "Reading the session's details…";
            case FAILED -> vm.problemProperty().get();
            case NOT_LOADED -> "No session is bound.";
            case LOADED -> "";
        }, vm.stateProperty(), vm.problemProperty()));
        state.visibleProperty().bind(state.textProperty().isNotEmpty());
        state.managedProperty().bind(state.visibleProperty());
        state.getStyleClass().add(Styles.CAPTION);
        vm.stateProperty().addListener((o, was, now) -> {
            state.getStyleClass().removeAll(Styles.CAPTION, Styles.NOTICE);
            state.getStyleClass().add(now == SessionDetailsViewModel.State.FAILED ? Styles.NOTICE : Styles.CAPTION);
        });

        Button refresh = new Button("Refresh", Icons.of(Feather.REFRESH_CW));
        refresh.setId("detailsRefreshButton");
        refresh.setTooltip(new Tooltip("Read the details again"));
        refresh.setOnAction(e -> vm.refresh());
        refresh.disableProperty().bind(vm.stateProperty().isEqualTo(SessionDetailsViewModel.State.LOADING)
                .or(vm.stateProperty().isEqualTo(SessionDetailsViewModel.State.NOT_LOADED)));

        Node[] shown = {facts, usage, subagents};
        for (Node n : shown) {
            n.visibleProperty().bind(vm.stateProperty().isEqualTo(SessionDetailsViewModel.State.LOADED));
            n.managedProperty().bind(n.visibleProperty());
        }
        getChildren().addAll(state, facts, usage, subagents, refresh);
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.CAPTION);
        return l;
    }

    private static Label value(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(360);
        l.textProperty().bind(text);
        return l;
    }
}
