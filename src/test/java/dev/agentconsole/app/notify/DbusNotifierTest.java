package dev.agentconsole.app.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.DBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The notifier against a real session bus, with a recorder in the place of the desktop's
 * notification server. Needs a bus of its own (a desktop's server would own the name):
 * {@code dbus-run-session -- xvfb-run -a mvn -B -Pdesktop surefire:test}, as {@code .ci/run} does,
 * setting {@code CI_DESKTOP_BUS=required} so that a missing bus fails instead of skipping.
 */
@Tag("desktop")
class DbusNotifierTest {

    static final List<String> MARKUP = List.of("body", "body-markup", "actions");
    static final Duration WAIT = Duration.ofSeconds(5);

    DbusNotifier notifier;
    NotificationsRecorder recorder;
    final BlockingQueue<String> clicked = new LinkedBlockingQueue<>();

    @BeforeAll
    static void aBusOfOurOwn() throws Exception {
        boolean required = "required".equals(System.getenv("CI_DESKTOP_BUS"));
        String problem = null;
        if (System.getenv("DBUS_SESSION_BUS_ADDRESS") == null) {
            problem = "no session bus (DBUS_SESSION_BUS_ADDRESS is not set): run the desktop group inside dbus-run-session";
        } else {
            try (DBusConnection probe = DBusConnectionBuilder.forSessionBus().withShared(false).build()) {
                DBus bus = probe.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
                if (bus.NameHasOwner(FreedesktopNotifications.BUS_NAME)) {
                    problem = "this session bus already has a notification server: run the desktop group inside dbus-run-session";
                }
            }
        }
        if (problem != null && required) {
            fail(problem + " (CI_DESKTOP_BUS=required)");
        }
        Assumptions.assumeTrue(problem == null, problem);
    }

    void start(List<String> capabilities) throws Exception {
        recorder = NotificationsRecorder.start(capabilities);
        notifier = DbusNotifier.forSessionBus();
        notifier.onClicked(clicked::add);
    }

    @AfterEach
    void stop() {
        if (notifier != null) {
            notifier.close();
        }
        if (recorder != null) {
            recorder.close();
        }
    }

    @Test
    void showSendsTheWordsWithTheBodyEscapedAndCut() throws Exception {
        start(MARKUP);
        String body = "Kyoto hotels: <b>which</b> one & when?\n" + "x".repeat(400);
        notifier.show("session-1", "An agent is waiting for you", body);

        NotificationsRecorder.Notify call = recorder.nextNotify();
        assertEquals("Agent Console", call.appName());
        assertEquals(0, call.replacesId());
        assertEquals("An agent is waiting for you", call.summary());
        assertTrue(call.body().startsWith("Kyoto hotels: &lt;b&gt;which&lt;/b&gt; one &amp; when?\nxxx"), call.body());
        assertTrue(call.body().endsWith("x\u2026"), call.body());
        assertEquals(NotificationText.BODY_LIMIT, NotificationText.plainBody(body).codePointCount(0,
                NotificationText.plainBody(body).length()));
        assertEquals(NotificationText.escape(NotificationText.plainBody(body)), call.body());
        assertTrue(call.actions().contains("default"), call.actions().toString());
        assertEquals(0, call.actions().size() % 2, "actions come in key/label pairs");
        assertEquals(Map.of("category", "im.received", "desktop-entry", DbusNotifier.DESKTOP_ENTRY,
                "urgency", (byte) 1), call.hints());
        assertEquals(-1, call.expireTimeout());
    }

    @Test
    void theBodyStaysPlainForAServerThatReadsNoMarkup() throws Exception {
        start(List.of("body", "actions"));
        notifier.show("session-1", "An agent is waiting for you", "a < b & c");

        assertEquals("a < b & c", recorder.nextNotify().body());
    }

    @Test
    void aSecondShowReplacesTheSessionsNotificationAndAnotherSessionGetsItsOwn() throws Exception {
        start(MARKUP);
        notifier.show("session-1", "An agent is waiting for you", "Hotel booking asks which one");
        long first = recorder.nextNotify().id();
        notifier.show("session-1", "An agent is waiting for you", "Hotel booking asks for a date");
        notifier.show("session-2", "An agent is waiting for you", "Flight search asks for a seat");

        NotificationsRecorder.Notify again = recorder.nextNotify();
        assertEquals(first, again.replacesId());
        assertEquals("Hotel booking asks for a date", again.body());
        NotificationsRecorder.Notify other = recorder.nextNotify();
        assertEquals(0, other.replacesId());
        assertNotEquals(first, other.id());
    }

    @Test
    void withdrawClosesTheSessionsNotificationOnly() throws Exception {
        start(MARKUP);
        notifier.show("session-1", "An agent is waiting for you", "one");
        notifier.show("session-2", "An agent is waiting for you", "two");
        long first = recorder.nextNotify().id();
        recorder.nextNotify();

        notifier.withdraw("session-1");
        notifier.withdraw("session-1");
        notifier.withdraw("never-shown");

        assertEquals(new NotificationsRecorder.Close(first), recorder.next());
        assertTrue(notifier.awaitIdle(WAIT));
        assertEquals(List.of(), recorder.rest(), "nothing more to close");
        notifier.show("session-1", "An agent is waiting for you", "one again");
        assertEquals(0, recorder.nextNotify().replacesId(), "a withdrawn notification is not replaced");
    }

    @Test
    void aClickGivesTheHandlerThatSessionsRef() throws Exception {
        start(MARKUP);
        notifier.show("session-1", "An agent is waiting for you", "one");
        notifier.show("session-2", "An agent is waiting for you", "two");
        recorder.nextNotify();
        long second = recorder.nextNotify().id();

        recorder.click(second);

        assertEquals("session-2", clicked.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
        recorder.click(999);
        assertTrue(notifier.awaitIdle(WAIT));
        assertNull(clicked.poll(300, TimeUnit.MILLISECONDS), "an id the console did not show is not its click");
    }

    @Test
    void aNotificationTheOperatorDismissedIsForgotten() throws Exception {
        start(MARKUP);
        notifier.show("session-1", "An agent is waiting for you", "one");
        long id = recorder.nextNotify().id();

        recorder.dismiss(id);
        long until = System.nanoTime() + WAIT.toNanos();
        while (!notifier.shownSessions().isEmpty() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertEquals(java.util.Set.of(), notifier.shownSessions());
        recorder.click(id);
        notifier.show("session-1", "An agent is waiting for you", "one, later");

        assertEquals(0, recorder.nextNotify().replacesId());
        assertNull(clicked.poll(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void withNoServerShowReturnsAtOnceAndAServerThatComesLaterIsUsed() throws Exception {
        notifier = DbusNotifier.forSessionBus();
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            notifier.show("session-1", "An agent is waiting for you", "nobody listens");
            notifier.withdraw("session-1");
        }
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(tookMs < 200, "the caller waited " + tookMs + " ms");
        assertTrue(notifier.awaitIdle(WAIT), "the calls to nobody ended");

        recorder = NotificationsRecorder.start(MARKUP);
        notifier.show("session-1", "An agent is waiting for you", "now someone listens");
        assertEquals("now someone listens", recorder.nextNotify().body());
    }

    @Test
    void closeTakesBackWhatIsStillShown() throws Exception {
        start(MARKUP);
        notifier.show("session-1", "An agent is waiting for you", "one");
        long id = recorder.nextNotify().id();

        notifier.close();

        assertEquals(new NotificationsRecorder.Close(id), recorder.next());
        notifier.show("session-1", "An agent is waiting for you", "after close");
        Thread.sleep(300);
        assertEquals(List.of(), recorder.rest(), "nothing after close");
    }
}
