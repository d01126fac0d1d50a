package dev.agentconsole.ui.connect;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.ui.CompactRow;
import dev.agentconsole.ui.Icons;
import dev.agentconsole.ui.Styles;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/**
 * The connect form across the top of the window: provider, base URL, session id (typed, recent or
 * picked from the provider's list), the key when the environment has none, Connect and New; then
 * the quota and what went wrong. Connect opens the session beside those already open (Ctrl+T
 * comes here). A row narrower than its words turns compact: see {@link CompactRow}.
 */
public final class ConnectView extends VBox {

    private final CompactRow connection = new CompactRow();
    private final ComboBox<String> session = new ComboBox<>();

    public ConnectView(ConnectViewModel vm, BooleanProperty dark, Runnable showAbout) {
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
        // a profile names its provider: the choice by hand shows only without one
        provider.visibleProperty().bind(vm.profileProperty().isNull());
        provider.managedProperty().bind(provider.visibleProperty());

        ComboBox<ConnectProfile> profile = new ComboBox<>(vm.profiles());
        profile.setId("profileChoice");
        profile.valueProperty().bindBidirectional(vm.profileProperty());
        profile.setPromptText("Profile");
        profile.setMaxWidth(180);
        profile.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.profiles()));
        profile.managedProperty().bind(profile.visibleProperty());
        profile.setCellFactory(list -> new ProfileCell());
        profile.setButtonCell(new ProfileCell());
        profile.setOnShowing(e -> vm.loadProfiles()); // one added from the command line meanwhile shows
        profile.setTooltip(new Tooltip("A profile: provider, base URL, the hosts its key may go to, its key (agent-console profile add)"));
        profile.setAccessibleText("Profile");

        TextField baseUrl = new TextField();
        baseUrl.setId("baseUrlInput");
        baseUrl.setPromptText("base URL");
        baseUrl.setPrefColumnCount(16);
        baseUrl.textProperty().bindBidirectional(vm.baseUrlProperty());
        baseUrl.setTooltip(new Tooltip("The provider's base URL; plain http only to this machine"));
        baseUrl.setAccessibleText("Base URL");
        baseUrl.visibleProperty().bind(provider.valueProperty().isNotEqualTo(Provider.DEMO));
        baseUrl.managedProperty().bind(baseUrl.visibleProperty());

        session.setItems(vm.recentSessions());
        session.setId("sessionInput");
        session.setEditable(true);
        session.setPromptText("session id (UUID), or New session");
        session.setPrefWidth(356); // a whole UUID in the default font
        session.getEditor().textProperty().bindBidirectional(vm.sessionTextProperty());
        session.setTooltip(new Tooltip("Paste a session id, or pick a recent one (Ctrl+T)"));
        session.setAccessibleText("Session id");
        // Enter in the field connects (an empty field on the demo: a new session); a filter on the combo
        // box, which holds the focus and handles Enter itself (committing its value) before its editor sees it
        session.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !session.isShowing()) {
                e.consume();
                vm.connect();
            }
        });

        PasswordField token = new PasswordField();
        token.setId("tokenInput");
        token.setPromptText("API key");
        token.setPrefColumnCount(12);
        token.textProperty().bindBidirectional(vm.tokenProperty());
        token.setTooltip(new Tooltip("Your API key, kept in memory only (never written); set HAI_API_KEY or AGI_API_KEY to skip this"));
        token.setAccessibleText("API key, kept in memory only");
        token.visibleProperty().bind(vm.tokenNeededProperty());
        token.managedProperty().bind(token.visibleProperty());
        // a profile whose key is missing says so in red, with the field to enter it
        Runnable missing = () -> token.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("missing"),
                vm.profileProperty().get() != null && vm.profileProperty().get().keyMissing());
        vm.profileProperty().addListener((o, was, now) -> {
            missing.run();
            token.setPromptText(now == null || now.isDemo() ? "API key" : "API key for " + now.name() + " (missing)");
        });
        javafx.scene.control.CheckBox remember = new javafx.scene.control.CheckBox("Remember");
        remember.setId("rememberKey");
        remember.selectedProperty().bindBidirectional(vm.rememberKeyProperty());
        remember.setTooltip(new Tooltip("Keep this key in the OS keychain for the profile (never in a file)"));
        remember.setAccessibleText("Remember the key in the keychain");
        remember.visibleProperty().bind(vm.tokenNeededProperty().and(vm.profileProperty().isNotNull()));
        remember.managedProperty().bind(remember.visibleProperty());

        Button connect = new Button("Connect", Icons.of(Feather.LINK_2));
        connect.setId("connectButton");
        connect.setTooltip(new Tooltip("Connect: open the session in the window, beside the others"));
        connect.setOnAction(e -> vm.connect());
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
        QuotaViewModel quota = vm.quota();
        newTip.textProperty().bind(Bindings.createStringBinding(() -> "New session: create one on the provider and open it"
                + (quota.summaryProperty().get().isEmpty() ? "" : "\nQuota: " + quota.summaryProperty().get())
                + (quota.problemProperty().get().isEmpty() ? "" : "\n" + quota.problemProperty().get()),
                quota.summaryProperty(), quota.problemProperty()));
        newSession.setTooltip(newTip);
        newTip.setOnShowing(e -> vm.refreshQuota()); // the tokens used since the last read count too
        newSession.accessibleHelpProperty().bind(quota.summaryProperty());
        newSession.setOnAction(e -> vm.newSession());
        newSession.disableProperty().bind(vm.busyProperty());

        MenuButton sessions = new MenuButton(null, Icons.of(Feather.LIST));
        sessions.setId("sessionsButton");
        sessions.setTooltip(new Tooltip("The provider's sessions"));
        sessions.setAccessibleText("Pick one of the provider's sessions");
        sessions.setOnShowing(e -> vm.loadSessions());
        SessionPickerMenu.fill(sessions, vm.list(), id -> {
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

        Label keySource = new Label(null, Icons.of(Feather.KEY));
        keySource.setId("keySourceLabel");
        keySource.getStyleClass().add(Styles.CAPTION);
        keySource.textProperty().bind(vm.keySourceProperty());
        keySource.visibleProperty().bind(keySource.textProperty().isNotEmpty());
        keySource.managedProperty().bind(keySource.visibleProperty());

        connection.setParts(List.of(title, profile, provider, baseUrl, session, token, remember, connect, agent, newSession, sessions),
                List.of(theme, about));
        connection.setFirstToGo(List.of(title)); // the window's title bar says it too
        // hints name Connect and New ("press Connect"): they look as they are named, even in a compact row
        connect.getStyleClass().add(CompactRow.KEEPS_WORDS);
        newSession.getStyleClass().add(CompactRow.KEEPS_WORDS);
        connection.getStyleClass().add(Styles.CONNECTION_ROW);

        getChildren().addAll(connection, quotaLine, keySource, notice);
    }

    /** A profile in the picker: a dot of its colour and its name. */
    private static final class ProfileCell extends javafx.scene.control.ListCell<ConnectProfile> {
        @Override
        protected void updateItem(ConnectProfile item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? "No profile" : item.name());
            setGraphic(empty || item == null ? null : dev.agentconsole.ui.ProfileMark.dot(item.colour()));
        }
    }

    /** A control of the window's own at the row's right end, before the theme and About (the sidebar's toggle). */
    public void addToEnd(javafx.scene.Node node) {
        connection.addToEnd(node);
    }

    /** Ctrl+T: the session field, ready for another id (or New). */
    public void focusSessionField() {
        session.requestFocus(); // the combo box holds the focus and hands the keys to its editor
        session.getEditor().selectAll();
    }

    /** True while the connection row (provider, session, key, new session) shows icons for words. */
    public ReadOnlyBooleanProperty connectionRowCompactProperty() {
        return connection.compactProperty();
    }

    /** True while the connection row shows its title as an icon alone, to keep the words of its buttons. */
    public ReadOnlyBooleanProperty connectionRowBriefProperty() {
        return connection.briefProperty();
    }
}
