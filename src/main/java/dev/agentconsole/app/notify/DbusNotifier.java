package dev.agentconsole.app.notify;

import dev.agentconsole.ui.workspace.Notifier;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * Desktop notifications through the freedesktop Notifications service on the session D-Bus
 * (GNOME, KDE, XFCE, dunst, mako, ...). One notification per session, replaced in place
 * ({@code replaces_id}) when it is shown again and closed on {@link #withdraw}; a click on it
 * ({@code ActionInvoked}) gives the session's ref to the {@link #onClicked} handler.
 *
 * <p>Every D-Bus call runs on one daemon thread of its own, so {@code show} returns at once on the
 * FX thread. No bus, no service, a timeout: nothing is shown, nothing is thrown, one log line.
 */
public final class DbusNotifier implements Notifier {

    static final String APP_NAME = "Agent Console";
    /** The menu entry jpackage installs: "{package}-{launcher}.desktop" (packaging/linux). */
    static final String DESKTOP_ENTRY = "agent-console-agent-console";
    /** After a failed connection, the next show tries again no sooner than this. */
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(30);
    private static final UInt32 NEW = new UInt32(0);
    private static final List<String> ACTIONS = List.of("default", "Open");

    private static final System.Logger LOG = System.getLogger("notifications");

    private final String busAddress;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "desktop-notifications");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile Consumer<String> clickHandler = ref -> { };

    // Touched only on the worker thread.
    private final Map<String, UInt32> idBySession = new HashMap<>();
    private final Map<UInt32, String> sessionById = new HashMap<>();
    private DBusConnection connection;
    private FreedesktopNotifications service;
    private Boolean bodyMarkup;
    private Long retryAt;

    private DbusNotifier(String busAddress) {
        this.busAddress = busAddress;
    }

    /** The session bus as {@code DBUS_SESSION_BUS_ADDRESS} names it. Connects on the first show. */
    public static DbusNotifier forSessionBus() {
        return new DbusNotifier(null);
    }

    /** The bus at a D-Bus address, e.g. {@code unix:path=/run/user/1000/bus}. Connects on the first show. */
    public static DbusNotifier forAddress(String busAddress) {
        return new DbusNotifier(Objects.requireNonNull(busAddress));
    }

    @Override
    public void show(String sessionRef, String title, String body) {
        Objects.requireNonNull(sessionRef);
        run(() -> {
            FreedesktopNotifications bus = service();
            if (bus == null) {
                return;
            }
            UInt32 previous = idBySession.getOrDefault(sessionRef, NEW);
            String text = markup(bus) ? NotificationText.markupBody(body) : NotificationText.plainBody(body);
            UInt32 id = bus.Notify(APP_NAME, previous, "", NotificationText.summary(title), text, ACTIONS,
                    hints(), -1);
            sessionById.remove(previous);
            idBySession.put(sessionRef, id);
            sessionById.put(id, sessionRef);
        });
    }

    @Override
    public void withdraw(String sessionRef) {
        run(() -> {
            UInt32 id = idBySession.remove(sessionRef);
            if (id != null) {
                sessionById.remove(id);
                closeQuietly(id);
            }
        });
    }

    @Override
    public void onClicked(Consumer<String> handler) {
        clickHandler = Objects.requireNonNull(handler);
    }

    /** Closes what it still shows (a click on them would find no window), then lets go of the bus. */
    @Override
    public void close() {
        run(() -> {
            try {
                idBySession.values().forEach(this::closeQuietly);
            } finally {
                idBySession.clear();
                sessionById.clear();
                disconnect();
            }
        });
        worker.shutdown();
        try {
            worker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until everything asked so far was done (tests). */
    boolean awaitIdle(Duration timeout) throws Exception {
        try {
            worker.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            return worker.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The sessions whose notification is up, as the notifier knows them (tests). */
    Set<String> shownSessions() throws Exception {
        return worker.submit(() -> Set.copyOf(idBySession.keySet())).get(5, TimeUnit.SECONDS);
    }

    /** Runs a D-Bus step on the worker; a failure there is logged once and dropped. */
    private void run(DbusStep step) {
        try {
            worker.execute(() -> {
                try {
                    step.run();
                } catch (DBusException | RuntimeException | LinkageError e) {
                    // LinkageError: a runtime without jdk.security.auth or jdk.net (packaging/jlink.args)
                    unavailable(e);
                    if (connection != null && !connection.isConnected()) {
                        disconnect();
                    }
                }
            });
        } catch (RejectedExecutionException closed) {
            // closed: nothing more to show
        }
    }

    private FreedesktopNotifications service() throws DBusException {
        if (connection != null && connection.isConnected()) {
            return service;
        }
        disconnect();
        if (retryAt != null && System.nanoTime() - retryAt < 0) {
            return null;
        }
        try {
            DBusConnectionBuilder builder = busAddress == null
                    ? DBusConnectionBuilder.forSessionBus()
                    : DBusConnectionBuilder.forAddress(busAddress);
            // One signal thread: a click and the close that follows it arrive in order. The
            // transport retries a missing socket until its timeout (10 s by default): 1 s is
            // plenty for a local bus and keeps close() and a stale address quick.
            connection = builder.withShared(false)
                    .receivingThreadConfig().withSignalThreadCount(1).connectionConfig()
                    .transportConfig().withTimeout(1000).back()
                    .build();
            connection.addSigHandler(FreedesktopNotifications.ActionInvoked.class,
                    signal -> run(() -> clicked(signal.id())));
            connection.addSigHandler(FreedesktopNotifications.NotificationClosed.class,
                    signal -> run(() -> closed(signal.id())));
            service = connection.getRemoteObject(FreedesktopNotifications.BUS_NAME,
                    FreedesktopNotifications.OBJECT_PATH, FreedesktopNotifications.class);
            retryAt = null;
            return service;
        } catch (DBusException | RuntimeException | LinkageError e) {
            disconnect();
            retryAt = System.nanoTime() + RECONNECT_AFTER.toNanos();
            throw e;
        }
    }

    /** Whether the server reads the body as markup; asked once per connection, escaped if unknown. */
    private boolean markup(FreedesktopNotifications bus) {
        if (bodyMarkup == null) {
            try {
                bodyMarkup = bus.GetCapabilities().contains("body-markup");
            } catch (RuntimeException e) {
                return true;
            }
        }
        return bodyMarkup;
    }

    private static Map<String, Variant<?>> hints() {
        return Map.of(
                "desktop-entry", new Variant<>(DESKTOP_ENTRY),
                "category", new Variant<>("im.received"),
                "urgency", new Variant<>((byte) 1));
    }

    private void clicked(UInt32 id) {
        String ref = sessionById.get(id);
        if (ref != null) {
            clickHandler.accept(ref);
        }
    }

    private void closed(UInt32 id) {
        String ref = sessionById.remove(id);
        if (ref != null) {
            idBySession.remove(ref, id);
        }
    }

    /** A server answers an error for a notification that is already gone: that is no failure. */
    private void closeQuietly(UInt32 id) {
        if (service != null && connection != null && connection.isConnected()) {
            try {
                service.CloseNotification(id);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing a notification failed: " + e);
            }
        }
    }

    private void disconnect() {
        if (connection != null) {
            connection.disconnect();
        }
        connection = null;
        service = null;
        bodyMarkup = null;
    }

    private void unavailable(Throwable e) {
        if (reported.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.INFO, "desktop notifications are not available: " + e);
        }
    }

    @FunctionalInterface
    private interface DbusStep {
        void run() throws DBusException;
    }
}
