package dev.agentconsole.app.instance;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;

/**
 * One console per data folder. The first to take the folder's instance lock listens on a Unix
 * domain socket in it; a later launch finds the lock held, connects, hands its request over and
 * is done. The lock (released by the OS however a process ends) is what decides, not the socket
 * file: a socket file nobody holds the lock for is stale (a killed console's) and is replaced, and
 * two launches at once cannot both listen, because only one of them gets the lock.
 *
 * <p>Java 16+ has Unix domain sockets on Windows 10 (1803+) too; this was only run on Linux. On
 * Windows the socket file's access rests on the folder's ACL (no POSIX permissions there), and
 * whether a dead process's socket file can be deleted at once is unverified.
 */
public final class SingleInstance {

    public static final String SOCKET_NAME = "console.sock";
    /** Not the store's console.lock: this process takes both, and a JVM refuses to lock one file twice. */
    public static final String LOCK_NAME = "console.sock.lock";
    /**
     * How long a launch waits for a console that holds the lock to answer: the lock is taken just
     * before the socket is bound, and kept while a closing window shuts its store.
     */
    public static final Duration PATIENCE = Duration.ofSeconds(3);
    /** How long the running console has to answer a request once it is sent. */
    static final long REPLY_MILLIS = 3000;

    /** What {@link #claim} found. */
    public sealed interface Claim permits Listening, HandedOver, Refused, NoAnswer, Alone {}

    /** Another console took the request: this launch is done (exit 0). */
    public record HandedOver() implements Claim {}

    /** Another console answered, and refused the request (the reason is safe to print). */
    public record Refused(String reason) implements Claim {}

    /**
     * Another console holds the folder but did not answer. The launch gives up with this message
     * rather than opening a second, read-only window: beside a hung console such a window saves
     * nothing the operator types, while the message says which process to deal with.
     */
    public record NoAnswer(String message) implements Claim {}

    /** No single instance here (the socket's path is too long, or no Unix sockets): start as before, after a warning. */
    public record Alone(String warning) implements Claim {}

    private SingleInstance() {}

    /** Claims {@code dataFolder} (created if missing) for {@code request}'s launch, waiting at most {@link #PATIENCE}. */
    public static Claim claim(Path dataFolder, OpenRequest request) {
        return claim(dataFolder, request, PATIENCE);
    }

    static Claim claim(Path dataFolder, OpenRequest request, Duration patience) {
        Path folder = dataFolder.toAbsolutePath().normalize();
        Path socket = folder.resolve(SOCKET_NAME);
        Optional<String> tooLong = tooLongForASocket(socket);
        if (tooLong.isPresent()) {
            return new Alone(tooLong.get());
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException | SecurityException e) {
            return new Alone("Agent Console: the data folder " + folder + " cannot be created (" + e.getMessage()
                    + "), so a second launch will not find this window.");
        }
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(socket);
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<FileLock> lock;
            try {
                lock = tryLock(folder.resolve(LOCK_NAME));
            } catch (IOException e) {
                return new Alone("Agent Console: no lock on " + folder + " (" + e.getMessage()
                        + "): a second launch will not find this window.");
            }
            if (lock.isPresent()) {
                return listen(address, socket, lock.get());
            }
            Optional<Claim> answered = handOver(address, request, folder);
            if (answered.isPresent()) {
                return answered.get();
            }
            if (System.nanoTime() - deadline > 0) {
                return new NoAnswer("another Agent Console holds " + folder + " but does not answer on " + socket
                        + ": close it (or end it, if it hangs) and try again, or give this one its own --data-dir");
            }
            sleep(100); // it is starting (lock taken, socket not yet bound) or closing (socket gone, lock not yet free)
        }
    }

    /** Whether another console holds {@code dataFolder} now (a quick look: nothing is created or kept). */
    public static boolean isClaimed(Path dataFolder) {
        Path lockFile = dataFolder.toAbsolutePath().normalize().resolve(LOCK_NAME);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            try {
                FileLock lock = channel.tryLock();
                return lock == null; // closing the channel releases it
            } catch (OverlappingFileLockException heldInThisProcess) {
                return true;
            }
        } catch (NoSuchFileException none) {
            return false;
        } catch (IOException | RuntimeException e) {
            return false; // the claim will say what is wrong
        }
    }

    /** The lock, or empty when another process (or this one) holds it. */
    private static Optional<FileLock> tryLock(Path lockFile) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
            }
            return Optional.ofNullable(lock);
        } catch (OverlappingFileLockException heldInThisProcess) {
            channel.close();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Holding the lock: any socket file is a dead console's, so it is replaced. */
    private static Claim listen(UnixDomainSocketAddress address, Path socket, FileLock lock) {
        ServerSocketChannel server = null;
        try {
            Files.deleteIfExists(socket);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(address);
            restrictToOwner(socket);
            return new Listening(server, socket, lock);
        } catch (IOException | UnsupportedOperationException e) {
            closeQuietly(server);
            closeQuietly(lock.channel());
            return new Alone("Agent Console: cannot listen on " + socket + " (" + e.getMessage()
                    + "): a second launch will not find this window.");
        }
    }

    /**
     * The socket is bound with the umask's permissions (no write for others under the usual 022);
     * now owner only. Where POSIX permissions exist and this fails, nobody listens (see listen).
     * Windows has none: there the folder's ACL (a user's AppData) keeps others out.
     */
    private static void restrictToOwner(Path socket) throws IOException {
        if (socket.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** Sends the request to the console listening there; empty when none answers (yet). */
    private static Optional<Claim> handOver(UnixDomainSocketAddress address, OpenRequest request, Path folder) {
        byte[] line = Wire.encode(request);
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            long deadline = LineIO.deadlineIn(REPLY_MILLIS);
            LineIO.connect(channel, address, deadline);
            LineIO.write(channel, line, deadline);
            Optional<byte[]> reply = LineIO.readLine(channel, Wire.MAX_BYTES, deadline);
            if (reply.isEmpty()) {
                return Optional.empty(); // it closed without an answer: it is going away, so the lock frees soon
            }
            Wire.Reply r = Wire.decodeReply(reply.get());
            return Optional.of(r.ok() ? new HandedOver() : new Refused(r.error().orElse("")));
        } catch (java.net.SocketTimeoutException e) {
            return Optional.of(new NoAnswer("another Agent Console holds " + folder + " but did not answer within "
                    + REPLY_MILLIS / 1000 + " s: close it (or end it, if it hangs) and try again, or give this one its own --data-dir"));
        } catch (IllegalArgumentException e) {
            return Optional.of(new Refused("the running console's reply is not understood (" + e.getMessage()
                    + "): is it another version? Close it and try again"));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty(); // refused, or no socket file: not listening (yet, or any more)
        }
    }

    /**
     * A socket's path is at most 107 bytes on Linux and Windows, 103 on macOS and the BSDs
     * (sun_path, with its terminating NUL). A longer one cannot be bound: say so once, start anyway.
     */
    static Optional<String> tooLongForASocket(Path socket) {
        int max = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).matches(".*(mac|bsd).*") ? 103 : 107;
        int length = socket.toString().getBytes(StandardCharsets.UTF_8).length;
        if (length <= max) {
            return Optional.empty();
        }
        return Optional.of("Agent Console: the data folder's path is too long for its socket (" + length + " bytes, at most "
                + max + "), so a second launch will not find this window; a shorter --data-dir avoids this.");
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing held
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
