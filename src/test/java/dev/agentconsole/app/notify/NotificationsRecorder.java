package dev.agentconsole.app.notify;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * A notification server on the real session bus: it owns {@code org.freedesktop.Notifications},
 * records every call as a desktop's server would receive it, and emits the signals a desktop
 * emits when the operator clicks or a notification closes.
 */
final class NotificationsRecorder implements FreedesktopNotifications, AutoCloseable {

    /** One Notify call as it arrived, and the id the server gave back. */
    record Notify(String appName, long replacesId, String appIcon, String summary, String body,
            List<String> actions, Map<String, Object> hints, int expireTimeout, long id) {
    }

    /** One CloseNotification call. */
    record Close(long id) {
    }

    private final BlockingQueue<Object> calls = new LinkedBlockingQueue<>();
    private final AtomicLong lastId = new AtomicLong(40);
    private final List<String> capabilities;
    private DBusConnection connection;

    private NotificationsRecorder(List<String> capabilities) {
        this.capabilities = capabilities;
    }

    /** Takes the name on the session bus; fails when another server already owns it. */
    static NotificationsRecorder start(List<String> capabilities) throws DBusException {
        NotificationsRecorder recorder = new NotificationsRecorder(capabilities);
        recorder.connection = DBusConnectionBuilder.forSessionBus().withShared(false).build();
        recorder.connection.exportObject(OBJECT_PATH, recorder);
        recorder.connection.requestBusName(BUS_NAME);
        return recorder;
    }

    /** The next call (Notify or Close), waiting up to 5 s; null if none came. */
    Object next() throws InterruptedException {
        return calls.poll(5, TimeUnit.SECONDS);
    }

    Notify nextNotify() throws InterruptedException {
        Object call = next();
        if (call instanceof Notify notify) {
            return notify;
        }
        throw new AssertionError("expected a Notify call, got " + call);
    }

    /** Calls that came, without waiting. */
    List<Object> rest() {
        return List.copyOf(calls);
    }

    /** The operator clicks the notification (its "default" action), as the desktop reports it. */
    void click(long id) throws DBusException {
        connection.sendMessage(new ActionInvoked(OBJECT_PATH, new UInt32(id), "default"));
    }

    /** The operator dismisses the notification. */
    void dismiss(long id) throws DBusException {
        connection.sendMessage(new NotificationClosed(OBJECT_PATH, new UInt32(id), new UInt32(2)));
    }

    @Override
    public List<String> GetCapabilities() {
        return capabilities;
    }

    @Override
    public UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
            List<String> actions, Map<String, Variant<?>> hints, int expireTimeout) {
        long id = replacesId.longValue() != 0 ? replacesId.longValue() : lastId.incrementAndGet();
        Map<String, Object> values = new java.util.TreeMap<>();
        hints.forEach((key, value) -> values.put(key, value.getValue()));
        calls.add(new Notify(appName, replacesId.longValue(), appIcon, summary, body, List.copyOf(actions),
                values, expireTimeout, id));
        return new UInt32(id);
    }

    @Override
    public void CloseNotification(UInt32 id) {
        calls.add(new Close(id.longValue()));
        try {
            connection.sendMessage(new NotificationClosed(OBJECT_PATH, id, new UInt32(3)));
        } catch (DBusException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String getObjectPath() {
        return OBJECT_PATH;
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.releaseBusName(BUS_NAME);
            } catch (DBusException e) {
                // the bus went first
            }
            connection.disconnect();
        }
    }
}
