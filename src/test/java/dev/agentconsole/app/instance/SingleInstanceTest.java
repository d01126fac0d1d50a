package dev.agentconsole.app.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.Provider;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claiming a data folder in one JVM: the first claim listens, a second one hands over to it (a JVM
 * cannot lock one file twice, which stands in for another process here), stale sockets are replaced,
 * and a folder the socket cannot live in still starts.
 */
@Timeout(60)
class SingleInstanceTest {

    static final String SESSION = WireTest.SESSION;

    @TempDir
    Path data;

    final List<OpenRequest> received = new CopyOnWriteArrayList<>();

    @Test
    void theFirstClaimListensAndASecondHandsItsRequestOver() {
        OpenRequest agi = new OpenRequest(Optional.of(Provider.AGI), Optional.empty(), Optional.of(SESSION), Optional.of("ops"));
        try (Listening first = assertInstanceOf(Listening.class, SingleInstance.claim(data.resolve("new/folder"), OpenRequest.bare()))) {
            first.onRequest(received::add);
            assertTrue(SingleInstance.isClaimed(data.resolve("new/folder")));
            assertInstanceOf(SingleInstance.HandedOver.class, SingleInstance.claim(data.resolve("new/folder"), agi));
            assertEquals(List.of(agi), received);
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void theSocketIsTheOwnersOnly() throws Exception {
        try (Listening first = assertInstanceOf(Listening.class, SingleInstance.claim(data, OpenRequest.bare()))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.socket())));
            assertEquals(data.resolve(SingleInstance.SOCKET_NAME).toAbsolutePath(), first.socket());
        }
    }

    @Test
    void requestsBeforeTheWindowIsReadyAreHeldAndComeInOrder() {
        try (Listening first = assertInstanceOf(Listening.class, SingleInstance.claim(data, OpenRequest.bare()))) {
            List<OpenRequest> sent = List.of(agi("00000000-0000-4000-8000-000000000001"), agi("00000000-0000-4000-8000-000000000002"));
            sent.forEach(r -> assertInstanceOf(SingleInstance.HandedOver.class, SingleInstance.claim(data, r)));
            assertTrue(received.isEmpty());
            first.onRequest(received::add);
            assertEquals(sent, received);
            OpenRequest later = agi("00000000-0000-4000-8000-000000000003");
            assertInstanceOf(SingleInstance.HandedOver.class, SingleInstance.claim(data, later));
            assertEquals(later, received.get(2));
        }
    }

    @Test
    void aStaleSocketFromAConsoleThatIsGoneIsReplaced() throws Exception {
        Path socket = data.resolve(SingleInstance.SOCKET_NAME);
        // bound and closed without deleting: what a console killed with SIGKILL leaves behind
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket));
        }
        assertTrue(Files.exists(socket));
        assertFalse(SingleInstance.isClaimed(data));
        try (Listening first = assertInstanceOf(Listening.class, SingleInstance.claim(data, OpenRequest.bare()))) {
            first.onRequest(received::add);
            assertInstanceOf(SingleInstance.HandedOver.class, SingleInstance.claim(data, agi(SESSION)));
            assertEquals(List.of(agi(SESSION)), received);
        }
    }

    @Test
    void aPlainFileWhereTheSocketGoesIsReplacedToo() throws Exception {
        Files.writeString(data.resolve(SingleInstance.SOCKET_NAME), "left over");
        try (Listening first = assertInstanceOf(Listening.class, SingleInstance.claim(data, OpenRequest.bare()))) {
            assertInstanceOf(SingleInstance.HandedOver.class, SingleInstance.claim(data, OpenRequest.bare()));
        }
    }

    @Test
    void aClosedConsoleTakesItsSocketAndLetsGoOfTheFolder() {
        Listening first = assertInstanceOf(Listening.class, SingleInstance.claim(data, OpenRequest.bare()));
        first.close();
        assertFalse(Files.exists(data.resolve(SingleInstance.SOCKET_NAME)));
        assertFalse(SingleInstance.isClaimed(data));
        try (Listening next = assertInstanceOf(Listening.class, SingleInstance.claim(data, OpenRequest.bare()))) {
            assertTrue(SingleInstance.isClaimed(data));
        }
    }

    @Test
    void aClosingConsoleKeepsTheFolderSoALaunchWaitsAndThenSaysNoOneAnswers() {
        try (Listening first = assertInstanceOf(Listening.class, SingleInstance.claim(data, OpenRequest.bare()))) {
            first.stopListening(); // the window is closing, its store not yet shut
            SingleInstance.Claim claim = SingleInstance.claim(data, OpenRequest.bare(), Duration.ofMillis(300));
            SingleInstance.NoAnswer none = assertInstanceOf(SingleInstance.NoAnswer.class, claim);
            assertTrue(none.message().contains("does not answer") && none.message().contains("--data-dir"), none.message());
        }
        try (Listening next = assertInstanceOf(Listening.class, SingleInstance.claim(data, OpenRequest.bare()))) {
            assertTrue(Files.exists(next.socket()));
        }
    }

    @Test
    void aFolderTooDeepForASocketStartsAloneWithOneWarning() {
        Path deep = data.resolve("d".repeat(60)).resolve("e".repeat(60));
        SingleInstance.Alone alone = assertInstanceOf(SingleInstance.Alone.class, SingleInstance.claim(deep, OpenRequest.bare()));
        assertTrue(alone.warning().contains("too long for its socket") && alone.warning().contains("--data-dir"), alone.warning());
        assertFalse(alone.warning().contains("\n"));
        assertFalse(Files.exists(deep), "nothing was made for a socket that cannot be");
        assertFalse(SingleInstance.isClaimed(deep));
    }

    @Test
    void theLimitIsTheOsSocketPathLimit() {
        Path base = Path.of("/tmp");
        int max = System.getProperty("os.name").toLowerCase().contains("mac") ? 103 : 107;
        assertTrue(SingleInstance.tooLongForASocket(base.resolve("x".repeat(max - 5))).isEmpty());
        assertTrue(SingleInstance.tooLongForASocket(base.resolve("x".repeat(max - 4))).isPresent());
    }

    @Test
    void theListenerRefusesBadRequestsInWordsAndKeepsServing() throws Exception {
        try (Listening first = assertInstanceOf(Listening.class, SingleInstance.claim(data, OpenRequest.bare()))) {
            first.onRequest(received::add);
            assertTrue(exchange(first, "garbage\n").contains("\"ok\":false") );
            assertTrue(exchange(first, "{\"v\":1,\"provider\":\"agi\",\"session\":\"nope\"}\n").contains("is not a UUID"));
            assertTrue(exchange(first, "{\"v\":1,\"provider\":\"hcompany\",\"baseUrl\":\"http://example.com\"}\n")
                    .contains("plain http"));
            assertTrue(exchange(first, "x".repeat(Wire.MAX_BYTES + 10)).contains("longer than 8192 bytes"));
            assertTrue(exchange(first, "{\"v\":1}").contains("cut short"), "no newline, then the peer stops writing");
            assertEquals("", exchange(first, ""), "a peer that connects and leaves gets nothing and breaks nothing");
            assertTrue(received.isEmpty());
            assertEquals("{\"v\":1,\"ok\":true}", exchange(first, new String(Wire.encode(agi(SESSION)), StandardCharsets.UTF_8)));
            assertEquals(List.of(agi(SESSION)), received);
        }
    }

    @Test
    void aPeerThatSaysNothingIsCutOffAndTheNextOneIsServed() throws Exception {
        try (Listening first = assertInstanceOf(Listening.class, SingleInstance.claim(data, OpenRequest.bare()));
             SocketChannel silent = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            first.onRequest(received::add);
            silent.connect(UnixDomainSocketAddress.of(first.socket()));
            assertInstanceOf(SingleInstance.HandedOver.class, SingleInstance.claim(data, agi(SESSION)));
            assertEquals(List.of(agi(SESSION)), received);
            String reply = new String(LineIO.readLine(silent, Wire.MAX_BYTES, LineIO.deadlineIn(10_000)).orElseThrow(),
                    StandardCharsets.UTF_8);
            assertTrue(reply.contains("no line before the deadline"), reply);
        }
    }

    /** Writes {@code text} raw, half-closes, and returns the reply line ("" when there is none). */
    private static String exchange(Listening listening, String text) throws Exception {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(listening.socket()));
            long deadline = LineIO.deadlineIn(10_000);
            LineIO.write(c, text.getBytes(StandardCharsets.UTF_8), deadline);
            c.shutdownOutput();
            return LineIO.readLine(c, Wire.MAX_BYTES, deadline).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        }
    }

    private static OpenRequest agi(String session) {
        return new OpenRequest(Optional.of(Provider.AGI), Optional.empty(), Optional.of(session), Optional.empty());
    }
}
