package dev.agentconsole.ui.connect;

import dev.agentconsole.agent.Provider;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The connect form's profiles: the list to pick from (read off the UI thread: files and the keychain),
 * the one chosen (null: a provider by hand), where its key comes from, and keeping a typed key in the
 * keychain. What choosing one does to the form's fields is the form's own business.
 */
final class ProfileChoice {

    private final Connector connector;
    private final Executor ui;
    private final Executor io;
    private final Consumer<String> notice;
    private final Supplier<Provider> formProvider;
    private final ObservableList<ConnectProfile> profiles = FXCollections.observableArrayList();
    private final ObservableList<ConnectProfile> view = FXCollections.unmodifiableObservableList(profiles);
    private final ObjectProperty<ConnectProfile> chosen = new SimpleObjectProperty<>();
    private final BooleanProperty rememberKey = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper keySource = new ReadOnlyStringWrapper("");
    private boolean reading;

    /**
     * @param notice       told (on the UI thread) what went wrong
     * @param formProvider the provider the form shows (with the Demo there and nothing chosen, the Demo profile is)
     */
    ProfileChoice(Connector connector, Executor ui, Executor io, Consumer<String> notice, Supplier<Provider> formProvider) {
        this.connector = connector;
        this.ui = ui;
        this.io = io;
        this.notice = notice;
        this.formProvider = formProvider;
        chosen.addListener((o, was, p) -> keySource.set(p == null ? "" : p.environmentVariable()
                .map(v -> "Profile " + p.name() + ": the key comes from " + v + " (the environment wins over the keychain)")
                .orElse("")));
    }

    ObservableList<ConnectProfile> list() {
        return view;
    }

    ObjectProperty<ConnectProfile> chosen() {
        return chosen;
    }

    BooleanProperty rememberKey() {
        return rememberKey;
    }

    ReadOnlyStringProperty keySource() {
        return keySource.getReadOnlyProperty();
    }

    /**
     * True while a profile read again replaces itself, or the built-in Demo is named for the Demo the form
     * shows: the form's fields stay as they are, and nothing is read for them.
     */
    boolean isReading() {
        return reading;
    }

    /** Reads the profiles; chooses the one named, if any (else keeps the choice); then runs {@code then} on the UI thread. */
    void load(Optional<String> choose, Runnable then) {
        io.execute(() -> {
            List<ConnectProfile> read;
            try {
                read = connector.profileChoices();
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    notice.accept("the profiles could not be read: " + e.getMessage());
                    then.run();
                });
                return;
            }
            ui.execute(() -> {
                String before = chosen.get() == null ? null : chosen.get().name();
                profiles.setAll(read);
                if (choose.isPresent()) {
                    named(read, choose.get()).ifPresentOrElse(chosen::set,
                            () -> notice.accept("there is no profile named " + choose.get()));
                } else if (before == null && formProvider.get() == Provider.DEMO && !read.isEmpty() && read.get(0).isDemo()) {
                    // the built-in Demo, which is what the form shows anyway: named, not applied, so nothing is read for
                    // it (a window started on another provider's session would start the demo emulator for nothing)
                    chooseAsItIs(read.get(0));
                } else if (before != null) {
                    chooseAsItIs(named(read, before).orElse(null)); // the same profile, read again (its key may be there now)
                }
                then.run();
            });
        });
    }

    /** Chooses {@code p} with {@link #isReading()} set: the form's fields stay as they are. */
    private void chooseAsItIs(ConnectProfile p) {
        reading = true;
        try {
            chosen.set(p);
        } finally {
            reading = false;
        }
    }

    private static Optional<ConnectProfile> named(List<ConnectProfile> read, String name) {
        return read.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Keeps {@code key} in the keychain for {@code profile} when {@code remember} (blocks: call on io). Kept: the
     * profiles are read again (its key is there now) and {@code kept} runs; not kept: the form says why.
     */
    void rememberIfAsked(ConnectProfile profile, Optional<String> key, boolean remember, Runnable kept) {
        if (!remember || profile == null || profile.isDemo() || key.isEmpty()) {
            return;
        }
        Optional<String> problem = connector.rememberKey(profile.name(), key.get());
        ui.execute(() -> problem.ifPresentOrElse(why -> notice.accept("the key is kept for this run only: " + why), () -> {
            kept.run();
            load(Optional.empty(), () -> { });
        }));
    }
}
