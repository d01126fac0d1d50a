package dev.agentconsole.app.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.app.notify.Notifiers.Choice;
import dev.agentconsole.app.notify.Notifiers.Kind;
import dev.agentconsole.ui.workspace.Notifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class NotifiersTest {

    static final Predicate<Path> NO_FILES = path -> false;

    static Predicate<Path> only(String path) {
        return Set.of(Path.of(path))::contains;
    }

    @Test
    void linuxWithASessionBusAddressGetsDbus() {
        assertEquals(new Choice(Kind.DBUS, "unix:path=/tmp/dbus-abc,guid=42"),
                Notifiers.choose(Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/tmp/dbus-abc,guid=42"),
                        "Linux", false, NO_FILES, "1000"));
    }

    @Test
    void linuxWithoutTheVariableFindsThePerUserBusSocket() {
        assertEquals(new Choice(Kind.DBUS, "unix:path=/run/user/1000/bus"),
                Notifiers.choose(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), "Linux", true,
                        only("/run/user/1000/bus"), "1000"));
        assertEquals(new Choice(Kind.DBUS, "unix:path=/run/user/1000/bus"),
                Notifiers.choose(Map.of(), "Linux", false, only("/run/user/1000/bus"), "1000"));
        assertEquals(new Choice(Kind.DBUS, "unix:path=/tmp/my%20runtime/bus"),
                Notifiers.choose(Map.of("XDG_RUNTIME_DIR", "/tmp/my runtime"), "FreeBSD", false,
                        only("/tmp/my runtime/bus"), "1000"));
    }

    @Test
    void linuxWithNoBusAtAllGetsNone() {
        assertEquals(Kind.NONE, Notifiers.choose(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), "Linux", false,
                NO_FILES, "1000").kind());
        assertEquals(Kind.NONE, Notifiers.choose(Map.of(), "Linux", false, NO_FILES, null).kind());
    }

    @Test
    void windowsAndMacUseTheTrayWhenThereIsADisplay() {
        assertEquals(Kind.TRAY, Notifiers.choose(Map.of(), "Windows 11", false, NO_FILES, null).kind());
        assertEquals(Kind.TRAY, Notifiers.choose(Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/x"), "Mac OS X",
                false, NO_FILES, null).kind());
        assertEquals(Kind.NONE, Notifiers.choose(Map.of(), "Mac OS X", true, NO_FILES, null).kind());
    }

    @Test
    void theSwitchTurnsNotificationsOffEverywhere() {
        for (String off : new String[] {"off", "OFF", " 0 ", "false", "no"}) {
            assertEquals(Kind.NONE, Notifiers.choose(Map.of(Notifiers.SWITCH, off,
                    "DBUS_SESSION_BUS_ADDRESS", "unix:path=/x"), "Linux", false, NO_FILES, "0").kind(), off);
            assertEquals(Kind.NONE, Notifiers.choose(Map.of(Notifiers.SWITCH, off), "Windows 10", false,
                    NO_FILES, null).kind(), off);
        }
        assertEquals(Kind.DBUS, Notifiers.choose(Map.of(Notifiers.SWITCH, "on",
                "DBUS_SESSION_BUS_ADDRESS", "unix:path=/x"), "Linux", false, NO_FILES, "0").kind());
        assertSame(Notifier.NONE, Notifiers.forThisDesktop(Map.of(Notifiers.SWITCH, "off")));
    }

    @Test
    void aBusThatIsNotThereShowsNothingThrowsNothingAndKeepsNoCallerWaiting() throws Exception {
        Notifier notifier = Notifiers.forThisDesktop(Map.of("DBUS_SESSION_BUS_ADDRESS",
                "unix:path=/nonexistent/agent-console-test/bus"));
        DbusNotifier dbus = assertInstanceOf(DbusNotifier.class, notifier);
        long started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            notifier.show("session-1", "An agent is waiting for you", "nobody listens");
            notifier.withdraw("session-1");
        }
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < 500, "the caller waited");
        assertTrue(dbus.awaitIdle(Duration.ofSeconds(10)), "the attempts ended");
        assertEquals(Set.of(), dbus.shownSessions());
        started = System.nanoTime();
        notifier.close();
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < 1500, "close waited");
        notifier.show("session-1", "after close", "nothing");
    }

    @Test
    void anAddressNoTransportSpeaksIsNoError() throws Exception {
        DbusNotifier notifier = DbusNotifier.forAddress("tcp:host=127.0.0.1,port=1");
        notifier.show("session-1", "An agent is waiting for you", "nobody listens");
        assertTrue(notifier.awaitIdle(Duration.ofSeconds(10)));
        notifier.close();
    }
}
