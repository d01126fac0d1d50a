package dev.agentconsole.app.notify;

import dev.agentconsole.ui.workspace.Notifier;
import java.awt.AWTException;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * Desktop notifications through the system tray ({@link SystemTray}, {@link TrayIcon#displayMessage}),
 * for Windows and macOS. <b>Unverified</b>: written to the JDK's documentation, but nothing here
 * runs Windows or macOS, so no test has seen it show a message or take a click.
 *
 * <p>AWT is touched only on its own thread ({@link EventQueue#invokeLater}) and only from the first
 * {@link #show}: the app starts without loading AWT, and a JavaFX window never waits for it. The
 * icon appears with the first notification and goes when the last session's is withdrawn. The
 * tray cannot take a message back, and a click does not say which message it was, so a click (on
 * the message, or on the icon) opens the session shown last of those still waiting.
 */
public final class TrayNotifier implements Notifier {

    private static final String ICON = "/dev/agentconsole/icon/agent-console-";
    private static final List<Integer> ICON_SIZES = List.of(16, 24, 32, 48, 64);
    private static final System.Logger LOG = System.getLogger("notifications");

    private volatile Consumer<String> clickHandler = ref -> { };
    /** Whether AWT was ever asked for: closing must not start it just to stop it. */
    private volatile boolean started;

    // Touched only on the AWT thread.
    private final LinkedHashSet<String> waiting = new LinkedHashSet<>();
    private TrayIcon icon;
    private boolean unavailable;
    private boolean closed;

    @Override
    public void show(String sessionRef, String title, String body) {
        Objects.requireNonNull(sessionRef);
        started = true;
        EventQueue.invokeLater(() -> {
            if (closed || !iconInTray()) {
                return;
            }
            waiting.remove(sessionRef);
            waiting.add(sessionRef);
            // The tray shows plain text: no escaping, only the same cleaning and cut.
            icon.displayMessage(NotificationText.summary(title), NotificationText.plainBody(body),
                    TrayIcon.MessageType.INFO);
        });
    }

    @Override
    public void withdraw(String sessionRef) {
        if (!started) {
            return;
        }
        EventQueue.invokeLater(() -> {
            waiting.remove(sessionRef);
            if (waiting.isEmpty()) {
                removeIcon();
            }
        });
    }

    @Override
    public void onClicked(Consumer<String> handler) {
        clickHandler = Objects.requireNonNull(handler);
    }

    @Override
    public void close() {
        if (!started) {
            return;
        }
        EventQueue.invokeLater(() -> {
            closed = true;
            waiting.clear();
            removeIcon();
        });
    }

    /** Puts the icon in the tray if it is not there yet; false where there is no tray. */
    private boolean iconInTray() {
        if (icon != null) {
            return true;
        }
        if (unavailable) {
            return false;
        }
        try {
            if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
                throw new UnsupportedOperationException("this desktop has no system tray");
            }
            SystemTray tray = SystemTray.getSystemTray();
            TrayIcon created = new TrayIcon(image(tray.getTrayIconSize()), DbusNotifier.APP_NAME);
            created.setImageAutoSize(true);
            created.addActionListener(event -> clicked());
            tray.add(created);
            icon = created;
            return true;
        } catch (AWTException | IOException | RuntimeException | LinkageError e) {
            unavailable = true;
            LOG.log(System.Logger.Level.INFO, "desktop notifications are not available: " + e);
            return false;
        }
    }

    private void clicked() {
        String last = null;
        for (String ref : waiting) {
            last = ref;
        }
        if (last != null) {
            clickHandler.accept(last);
        }
    }

    private void removeIcon() {
        if (icon != null) {
            SystemTray.getSystemTray().remove(icon);
            icon = null;
        }
    }

    /** The smallest of the app's icons that fills the tray's slot (the tray scales it down). */
    private static Image image(Dimension slot) throws IOException {
        int want = Math.max(slot.width, slot.height);
        int size = ICON_SIZES.stream().filter(s -> s >= want).findFirst().orElse(ICON_SIZES.get(ICON_SIZES.size() - 1));
        try (InputStream in = TrayNotifier.class.getResourceAsStream(ICON + size + ".png")) {
            if (in == null) {
                throw new IOException("icon size " + size + " is not in the jar");
            }
            return ImageIO.read(in);
        }
    }
}
