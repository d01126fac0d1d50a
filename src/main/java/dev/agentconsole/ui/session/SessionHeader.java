package dev.agentconsole.ui.session;

import atlantafx.base.controls.Popover;
import dev.agentconsole.ui.CompactRow;
import dev.agentconsole.ui.Icons;
import dev.agentconsole.ui.LinkFallback;
import dev.agentconsole.ui.LinkOpener;
import dev.agentconsole.ui.Styles;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * One session's status and controls, above its transcript: the agent's status, the connection,
 * the stale and not-saving marks, steps and cost; pause / resume, answer now, stop, details and
 * the live view. Narrower than its words, the row turns compact ({@link CompactRow}).
 */
public final class SessionHeader extends VBox {

    private final CompactRow controls = new CompactRow();

    /**
     * @param saving   false when nothing sent is kept (the store's state)
     * @param notSavingWhy why nothing is saved, for the mark's tooltip
     */
    public SessionHeader(SessionViewModel vm, LinkOpener openInBrowser, ObservableBooleanValue saving,
                         ObservableStringValue notSavingWhy) {
        getStyleClass().add(Styles.HEADER);
        Label chip = new Label();
        chip.setId("statusChip");
        chip.getStyleClass().addAll(Styles.STATUS_CHIP, Styles.statusClass(vm.statusLabelProperty().get()));
        chip.textProperty().bind(vm.statusLabelProperty());
        vm.statusLabelProperty().addListener((o, was, now) -> {
            chip.getStyleClass().removeIf(c -> c.startsWith("status-") && !c.equals(Styles.STATUS_CHIP));
            chip.getStyleClass().add(Styles.statusClass(now));
        });
        chip.setAccessibleText("Agent status");
        Label connectionState = new Label();
        connectionState.setId("connectionState");
        connectionState.getStyleClass().add(Styles.CAPTION);
        connectionState.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.stateProperty().get()) {
            case DISCONNECTED -> "not connected";
            case CONNECTING -> "connecting…";
            case LIVE -> "live";
            case RECONNECTING -> "reconnecting…";
            case ENDED -> "ended";
        }, vm.stateProperty()));
        Label stale = new Label("stale", Icons.of(Feather.ALERT_TRIANGLE));
        stale.setId("staleMark");
        stale.getStyleClass().add(Styles.STALE);
        stale.setTooltip(new Tooltip("No answer from the server for a minute: what you see may be out of date"));
        stale.visibleProperty().bind(vm.staleProperty());
        stale.managedProperty().bind(stale.visibleProperty());
        Label notSaving = new Label("not saving", Icons.of(Feather.HARD_DRIVE));
        notSaving.setId("notSavingMark");
        notSaving.getStyleClass().add(Styles.STALE);
        Tooltip why = new Tooltip();
        why.textProperty().bind(notSavingWhy);
        why.setWrapText(true);
        why.setMaxWidth(420);
        notSaving.setTooltip(why);
        notSaving.setAccessibleText("Nothing you send is saved: it will be lost if the console closes");
        notSaving.visibleProperty().bind(Bindings.createBooleanBinding(() -> !saving.get(), saving));
        notSaving.managedProperty().bind(notSaving.visibleProperty());
        Label profile = new Label();
        profile.setId("sessionProfile");
        profile.getStyleClass().add("profile-chip");
        profile.setTooltip(new Tooltip("The profile this session was opened with"));
        Runnable mark = () -> dev.agentconsole.ui.ProfileMark.chip(profile, vm.title().profileProperty().get(),
                vm.title().colourProperty().get());
        vm.title().profileProperty().addListener((o, was, now) -> mark.run());
        mark.run();
        Label metrics = new Label();
        metrics.setId("metricsLabel");
        metrics.getStyleClass().add(Styles.METRICS);
        metrics.textProperty().bind(vm.metricsProperty());

        Button pause = new Button();
        pause.setId("pauseButton");
        pause.graphicProperty().bind(Bindings.when(vm.canResumeProperty()).then(Icons.of(Feather.PLAY)).otherwise(Icons.of(Feather.PAUSE)));
        pause.textProperty().bind(Bindings.when(vm.canResumeProperty()).then("Resume").otherwise("Pause"));
        pause.setTooltip(new Tooltip("Pause or resume the agent (Ctrl+Shift+P)"));
        pause.setOnAction(e -> vm.pauseOrResume());
        pause.disableProperty().bind(vm.canPauseProperty().or(vm.canResumeProperty()).not());
        Button force = new Button("Answer now", Icons.of(Feather.ZAP));
        force.setId("forceAnswerButton");
        force.setTooltip(new Tooltip("Answer now: make the agent answer with what it has (H only)"));
        force.setOnAction(e -> vm.forceAnswer());
        force.disableProperty().bind(vm.canForceAnswerProperty().not());
        Button stop = new Button("Stop", Icons.of(Feather.SQUARE));
        stop.setId("stopButton");
        stop.getStyleClass().add("danger");
        stop.setTooltip(new Tooltip("Stop the agent, after asking (Ctrl+Shift+X)"));
        stop.setOnAction(e -> vm.requestStop());
        stop.disableProperty().bind(vm.canStopProperty().not());
        Button live = new Button("Live view", Icons.of(Feather.EXTERNAL_LINK));
        live.setId("liveViewButton");
        live.setTooltip(new Tooltip("Live view: open the agent's browser in your web browser"));
        live.setOnAction(e -> LinkFallback.open(openInBrowser, vm.liveViewUrlProperty().get(), live, "The live view"));
        live.disableProperty().bind(vm.liveViewUrlProperty().isEmpty());
        Button details = new Button("Details", Icons.of(Feather.BAR_CHART_2));
        details.setId("detailsButton");
        details.setTooltip(new Tooltip("Details: agent, times, usage and cost per model, subagent sessions"));
        Popover detailsPopover = new Popover(new SessionDetailsView(vm.details()));
        detailsPopover.setTitle("Session details");
        detailsPopover.setHeaderAlwaysVisible(true);
        detailsPopover.setArrowLocation(Popover.ArrowLocation.TOP_RIGHT);
        details.setOnAction(e -> {
            vm.loadDetails();
            detailsPopover.show(details);
        });
        details.disableProperty().bind(vm.canSendProperty().not());
        vm.inFrontProperty().addListener((o, was, front) -> detailsPopover.hide()); // e.g. a subagent was opened

        controls.setParts(List.of(chip, profile, connectionState, stale, notSaving, metrics), List.of(pause, force, stop, details, live));
        controls.getStyleClass().add(Styles.CONTROL_ROW);
        getChildren().add(controls);
    }

    /** True while the control row (status, pause, answer now, stop, live view) shows icons for words. */
    public ReadOnlyBooleanProperty controlRowCompactProperty() {
        return controls.compactProperty();
    }
}
