package dev.agentconsole.ui.session;

import atlantafx.base.controls.Popover;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.session.ConnectionState;
import dev.agentconsole.ui.Icons;
import dev.agentconsole.ui.LinkFallback;
import dev.agentconsole.ui.LinkOpener;
import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.console.ConsoleViewModel;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/**
 * The session bar: which provider and session the window is bound to, the key when the
 * environment has none, new session and the session picker; then the agent's status, the stale
 * mark, steps and cost, and the controls (pause / resume, force answer, stop, live view).
 * Each row narrower than its words need (the window beside a browser) turns compact: see {@link CompactRow}.
 */
public final class SessionBarView extends VBox {

    /** A button that keeps its words in a compact row. */
    static final String KEEPS_WORDS = "keeps-words";

    private final CompactRow connection = new CompactRow();
    private final CompactRow controls = new CompactRow();

    public SessionBarView(ConsoleViewModel vm, LinkOpener openInBrowser, BooleanProperty dark, Runnable showAbout) {
        getStyleClass().add(Styles.HEADER);

        Label title = new Label("Agent Console", Icons.of(Feather.TERMINAL));
        title.getStyleClass().add("title");

        ComboBox<Provider> provider = new ComboBox<>();
        provider.setId("providerChoice");
        provider.getItems().setAll(Provider.values());
        provider.valueProperty().bindBidirectional(vm.providerProperty());
        provider.setConverter(new StringConverter<>() {
            @Override
            public String toString(Provider p) {
                return p == null ? "" : p.displayName();
            }

            @Override
            public Provider fromString(String s) {
                return null;
            }
        });
        provider.setTooltip(new Tooltip("Who to talk to: the demo emulator, H Agent Platform, or AGI Inc"));
        provider.setAccessibleText("Provider");

        TextField baseUrl = new TextField();
        baseUrl.setId("baseUrlInput");
        baseUrl.setPromptText("base URL");
        baseUrl.setPrefColumnCount(16);
        baseUrl.textProperty().bindBidirectional(vm.baseUrlProperty());
        baseUrl.setTooltip(new Tooltip("The provider's base URL; plain http only to this machine"));
        baseUrl.setAccessibleText("Base URL");
        baseUrl.visibleProperty().bind(provider.valueProperty().isNotEqualTo(Provider.DEMO));
        baseUrl.managedProperty().bind(baseUrl.visibleProperty());

        ComboBox<String> session = new ComboBox<>(vm.recentSessions());
        session.setId("sessionInput");
        session.setEditable(true);
        session.setPromptText("session id (UUID), or New session");
        session.setPrefWidth(356); // a whole UUID in the default font
        session.getEditor().textProperty().bindBidirectional(vm.sessionTextProperty());
        session.setTooltip(new Tooltip("Paste a session id, or pick a recent one"));
        session.setAccessibleText("Session id");
        session.getEditor().setOnAction(e -> vm.connect());

        PasswordField token = new PasswordField();
        token.setId("tokenInput");
        token.setPromptText("API key");
        token.setPrefColumnCount(12);
        token.textProperty().bindBidirectional(vm.tokenProperty());
        token.setTooltip(new Tooltip("Your API key, kept in memory only (never written); set HAI_API_KEY or AGI_API_KEY to skip this"));
        token.setAccessibleText("API key, kept in memory only");
        token.visibleProperty().bind(vm.tokenNeededProperty());
        token.managedProperty().bind(token.visibleProperty());

        Button connect = new Button();
        connect.setId("connectButton");
        var unbound = vm.stateProperty().isEqualTo(ConnectionState.DISCONNECTED).or(vm.stateProperty().isEqualTo(ConnectionState.ENDED));
        connect.textProperty().bind(Bindings.when(unbound).then("Connect").otherwise("Disconnect"));
        // two icons, since a compact bar shows only the icon
        connect.graphicProperty().bind(Bindings.when(unbound).then(Icons.of(Feather.LINK_2)).otherwise(Icons.of(Feather.LOG_OUT)));
        Tooltip connectTip = new Tooltip();
        connectTip.textProperty().bind(Bindings.when(unbound).then("Connect: bind the window to the session")
                .otherwise("Disconnect: let go of the session (the agent keeps running)"));
        connect.setTooltip(connectTip);
        connect.setOnAction(e -> {
            ConnectionState s = vm.stateProperty().get();
            if (s == ConnectionState.DISCONNECTED || s == ConnectionState.ENDED) {
                vm.connect();
            } else {
                vm.disconnect();
            }
        });
        connect.disableProperty().bind(vm.busyProperty());

        TextField agent = new TextField();
        agent.setId("agentInput");
        agent.setPromptText("agent");
        agent.setPrefColumnCount(9);
        agent.textProperty().bindBidirectional(vm.agentNameProperty());
        agent.setTooltip(new Tooltip("The agent a new session runs (H: its name; AGI: agi-0 or agi-0-fast)"));
        agent.setAccessibleText("Agent for a new session");
        Button newSession = new Button("New", Icons.of(Feather.PLUS));
        newSession.setId("newSessionButton");
        Tooltip newTip = new Tooltip();
        QuotaViewModel quota = vm.bar().quota();
        newTip.textProperty().bind(Bindings.createStringBinding(() -> "New session: create one on the provider and bind to it"
                + (quota.summaryProperty().get().isEmpty() ? "" : "\nQuota: " + quota.summaryProperty().get())
                + (quota.problemProperty().get().isEmpty() ? "" : "\n" + quota.problemProperty().get()),
                quota.summaryProperty(), quota.problemProperty()));
        newSession.setTooltip(newTip);
        newTip.setOnShowing(e -> vm.bar().refreshQuota()); // the tokens used since the last read count too
        newSession.accessibleHelpProperty().bind(quota.summaryProperty());
        newSession.setOnAction(e -> vm.newSession());
        newSession.disableProperty().bind(vm.busyProperty());

        MenuButton sessions = new MenuButton(null, Icons.of(Feather.LIST));
        sessions.setId("sessionsButton");
        sessions.setTooltip(new Tooltip("The provider's sessions"));
        sessions.setAccessibleText("Pick one of the provider's sessions");
        sessions.setOnShowing(e -> vm.bar().loadSessions());
        SessionPickerMenu.fill(sessions, vm.bar().list(), id -> {
            vm.sessionTextProperty().set(id.value());
            vm.connect();
        });

        Label quotaLine = new Label(null, Icons.of(Feather.PIE_CHART));
        quotaLine.setId("quotaLabel");
        quotaLine.getStyleClass().add(Styles.CAPTION);
        quotaLine.textProperty().bind(Bindings.concat("Quota: ", quota.summaryProperty()));
        quotaLine.setTooltip(new Tooltip("What the account may still start and spend, read from the provider"));
        quotaLine.visibleProperty().bind(quota.summaryProperty().isNotEmpty());
        quotaLine.managedProperty().bind(quotaLine.visibleProperty());

        Label notice = new Label();
        notice.setId("noticeLabel");
        notice.getStyleClass().add(Styles.NOTICE);
        notice.textProperty().bind(Bindings.when(vm.sessionProblemProperty().isNotEmpty())
                .then(vm.sessionProblemProperty()).otherwise(vm.noticeProperty()));
        notice.setWrapText(true); // a line of its own under the row: in the row, a narrow window squeezed it to a column
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        ToggleButton theme = new ToggleButton(null, Icons.of(Feather.MOON));
        theme.setId("themeToggle");
        theme.getStyleClass().add("button-icon");
        theme.selectedProperty().bindBidirectional(dark);
        theme.setTooltip(new Tooltip("Dark theme"));
        theme.setAccessibleText("Dark theme");
        Button about = new Button(null, Icons.of(Feather.INFO));
        about.setId("aboutButton");
        about.getStyleClass().add("button-icon");
        about.setTooltip(new Tooltip("About Agent Console: version, Java, data folder (F1)"));
        about.setAccessibleText("About Agent Console");
        about.setOnAction(e -> showAbout.run());

        connection.setParts(List.of(title, provider, baseUrl, session, token, connect, agent, newSession, sessions),
                List.of(theme, about));
        connection.setFirstToGo(List.of(title)); // the window's title bar says it too
        // hints name Connect and New ("press Connect"): they look as they are named, even in a compact row
        connect.getStyleClass().add(KEEPS_WORDS);
        newSession.getStyleClass().add(KEEPS_WORDS);
        connection.getStyleClass().add(Styles.CONNECTION_ROW);

        // ---- status and controls ----
        Label chip = new Label();
        chip.setId("statusChip");
        chip.getStyleClass().add(Styles.STATUS_CHIP);
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
            case DISCONNECTED -> "";
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
        why.textProperty().bind(vm.storeWarning().notSavingReasonProperty());
        why.setWrapText(true);
        why.setMaxWidth(420);
        notSaving.setTooltip(why);
        notSaving.setAccessibleText("Nothing you send is saved: it will be lost if the console closes");
        notSaving.visibleProperty().bind(vm.storeWarning().savingProperty().not());
        notSaving.managedProperty().bind(notSaving.visibleProperty());
        Label session2 = new Label();
        session2.getStyleClass().add(Styles.CAPTION);
        session2.textProperty().bind(vm.boundSessionProperty());
        session2.visibleProperty().bind(controls.compactProperty().not()); // the id is in the field above
        session2.managedProperty().bind(session2.visibleProperty());
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
        Popover detailsPopover = new Popover(new SessionDetailsView(vm.bar().details()));
        detailsPopover.setTitle("Session details");
        detailsPopover.setHeaderAlwaysVisible(true);
        detailsPopover.setArrowLocation(Popover.ArrowLocation.TOP_RIGHT);
        details.setOnAction(e -> {
            vm.bar().loadDetails();
            detailsPopover.show(details);
        });
        details.disableProperty().bind(vm.boundSessionProperty().isEmpty());
        vm.boundSessionProperty().addListener((o, was, now) -> detailsPopover.hide()); // e.g. a subagent was opened

        controls.setParts(List.of(chip, connectionState, stale, notSaving, session2, metrics), List.of(pause, force, stop, details, live));
        controls.getStyleClass().add(Styles.CONTROL_ROW);
        controls.visibleProperty().bind(vm.stateProperty().isNotEqualTo(ConnectionState.DISCONNECTED)
                .or(vm.agentStatusProperty().isNotEqualTo(AgentStatus.UNKNOWN)));
        controls.managedProperty().bind(controls.visibleProperty()); // no blank band under an unbound window's notice

        getChildren().addAll(connection, quotaLine, notice, controls);
    }

    /** True while the connection row (provider, session, key, new session) shows icons for words. */
    public ReadOnlyBooleanProperty connectionRowCompactProperty() {
        return connection.compactProperty();
    }

    /** True while the connection row shows its title as an icon alone, to keep the words of its buttons. */
    public ReadOnlyBooleanProperty connectionRowBriefProperty() {
        return connection.briefProperty();
    }

    /** True while the control row (status, pause, answer now, stop, live view) shows icons for words. */
    public ReadOnlyBooleanProperty controlRowCompactProperty() {
        return controls.compactProperty();
    }

    /**
     * A row of the bar: controls from the left, and a few at the right end. It keeps its words
     * whenever they fit. Short of room, the parts named "first to go" (the title) show as icons
     * alone; shorter still, the row turns compact: the stylesheet shows its buttons as icons (their
     * tooltips and accessible texts keep the words), except those marked to keep their words (Connect
     * and New, which hints name), so nothing is cut to "...". Narrower than even that (another
     * provider's URL and key fields shown, in a window beside a browser), the left part wraps onto a
     * second line. Only a row in a showing window switches (the view is first laid out off the FX
     * thread, in a scene of its own).
     */
    static final class CompactRow extends Region {
        private static final PseudoClass BRIEF = PseudoClass.getPseudoClass("brief");
        private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");
        private static final double GAP = 8;

        private final ReadOnlyBooleanWrapper compact = new ReadOnlyBooleanWrapper(this, "compact");
        private final ReadOnlyBooleanWrapper brief = new ReadOnlyBooleanWrapper(this, "brief");
        private final FlowPane start = new FlowPane(GAP, GAP);
        private final HBox end = new HBox(GAP);
        private List<? extends Labeled> firstToGo = List.of();
        /** 0: every word; 1: the first to go are icons; 2: compact. */
        private int level;
        /** The width the row needs with every word: measured at level 0, estimated otherwise. */
        private double fullWidth;
        /** What the first to go save as icons; measured at level 0. */
        private double firstSavings;
        /** How much wider the words make the row than its compact form; measured at the first compact layout. */
        private double wordsExtra = -1;
        private boolean flipPosted;

        CompactRow() {
            start.setAlignment(Pos.CENTER_LEFT);
            end.setAlignment(Pos.CENTER_RIGHT);
            getChildren().setAll(start, end);
        }

        void setParts(List<? extends Node> left, List<? extends Node> right) {
            start.getChildren().setAll(left);
            end.getChildren().setAll(right);
        }

        /** The labels that show as icons first, before the row turns compact (the title). */
        void setFirstToGo(List<? extends Labeled> labels) {
            firstToGo = List.copyOf(labels);
        }

        ReadOnlyBooleanProperty compactProperty() {
            return compact.getReadOnlyProperty();
        }

        ReadOnlyBooleanProperty briefProperty() {
            return brief.getReadOnlyProperty();
        }

        /** Posted after a layout: a pseudo-class changed during layout is not styled until something else asks for CSS. */
        private void flip() {
            flipPosted = false;
            int wanted = wanted();
            if (wanted != level) {
                level = wanted;
                wordsExtra = -1;
                compact.set(level == 2);
                brief.set(level >= 1);
                pseudoClassStateChanged(COMPACT, level == 2);
                pseudoClassStateChanged(BRIEF, level >= 1);
                // set, not styled: a descendant's style did not always follow its row's pseudo-class at once
                firstToGo.forEach(l -> l.setContentDisplay(level >= 1 ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT));
            }
        }

        private int wanted() {
            double w = getWidth();
            return w >= fullWidth ? 0 : w >= fullWidth - firstSavings ? 1 : 2;
        }

        /** What the first to go would save shown as icons: their words and the gap beside them. */
        private double savings() {
            double saved = 0;
            for (Labeled l : firstToGo) {
                if (l.isManaged() && l.getGraphic() != null) {
                    saved += Math.max(0, snapSizeX(l.prefWidth(-1)) - snapSizeX(l.snappedLeftInset() + l.snappedRightInset()
                            + l.getGraphic().prefWidth(-1)));
                }
            }
            return saved;
        }

        @Override
        public Orientation getContentBias() {
            return Orientation.HORIZONTAL;
        }

        /** All of the left part on one line, rounded as the FlowPane rounds it. */
        private double oneLine() {
            double w = 0;
            int shown = 0;
            for (Node n : start.getChildren()) {
                if (n.isManaged()) {
                    w += snapSizeX(Math.min(Math.max(n.prefWidth(-1), n.minWidth(-1)), Math.max(n.minWidth(-1), n.maxWidth(-1))));
                    shown++;
                }
            }
            return w + snapSpaceX(GAP) * Math.max(0, shown - 1);
        }

        private double startWidth(double width) {
            return width - snappedLeftInset() - snappedRightInset() - snapSpaceX(GAP) - snapSizeX(end.prefWidth(-1));
        }

        @Override
        protected double computePrefWidth(double height) {
            return snappedLeftInset() + oneLine() + snapSpaceX(GAP) + snapSizeX(end.prefWidth(-1)) + snappedRightInset();
        }

        /** The widest control on a line of its own (the FlowPane never shrinks one below its size), and the end. */
        @Override
        protected double computeMinWidth(double height) {
            double widest = start.getChildren().stream().filter(Node::isManaged).mapToDouble(n -> snapSizeX(n.prefWidth(-1)))
                    .max().orElse(0);
            return snappedLeftInset() + widest + snapSpaceX(GAP) + snapSizeX(end.prefWidth(-1)) + snappedRightInset();
        }

        @Override
        protected double computePrefHeight(double width) {
            double left = start.prefHeight(width < 0 ? oneLine() : startWidth(width));
            return snappedTopInset() + Math.max(left, end.prefHeight(-1)) + snappedBottomInset();
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected void layoutChildren() {
            double pref = computePrefWidth(-1);
            if (level == 0) {
                fullWidth = pref;
                firstSavings = savings();
            } else if (level == 1) {
                fullWidth = pref + firstSavings; // fields that come and go change what the words need
            } else {
                if (wordsExtra < 0) {
                    wordsExtra = Math.max(0, fullWidth - pref);
                }
                fullWidth = pref + wordsExtra;
            }
            boolean shown = getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing();
            if (shown && wanted() != level && !flipPosted) {
                flipPosted = true;
                Platform.runLater(this::flip);
            }
            double left = startWidth(getWidth());
            double endWidth = snapSizeX(end.prefWidth(-1));
            double endHeight = snapSizeY(end.prefHeight(-1));
            double startHeight = snapSizeY(start.prefHeight(left));
            // labels beside taller buttons sit on the buttons' middle; a wrapped left part keeps the end at its first line
            double startY = snapPositionY(snappedTopInset() + Math.max(0, (endHeight - startHeight) / 2));
            start.resizeRelocate(snappedLeftInset(), startY, left, startHeight);
            end.resizeRelocate(getWidth() - snappedRightInset() - endWidth, snappedTopInset(), endWidth, endHeight);
        }
    }
}
