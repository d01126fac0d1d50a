package dev.agentconsole.app.instance;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The first console on a data folder: it holds the folder's instance lock and listens on its
 * socket. Requests are accepted from the start, so a launch during start-up is not kept waiting;
 * they are held until {@link #onRequest} says where they go (once the window is built).
 */
public final class Listening implements SingleInstance.Claim, AutoCloseable {

    /** A peer gets this long to send its line: one that says nothing delays the next by at most this. */
    static final long READ_MILLIS = 1000;
    /** Held before {@link #onRequest}: more than a start-up sees is a flood, refused. */
    private static final int MAX_HELD = 32;

    private final ServerSocketChannel server;
    private final Path socket;
    private final FileLock lock;
    private final List<OpenRequest> held = new ArrayList<>();
    private Consumer<OpenRequest> consumer;
    private boolean listening = true;

    Listening(ServerSocketChannel server, Path socket, FileLock lock) {
        this.server = server;
        this.socket = socket;
        this.lock = lock;
        Thread accepting = new Thread(this::acceptLoop, "console-instance");
        accepting.setDaemon(true);
        accepting.start();
    }

    /** The socket this console listens on. */
    public Path socket() {
        return socket;
    }

    /**
     * Where requests go from now on, in the order they came, those held so far first. Called on
     * the listener's thread: hand the work on (e.g. {@code Platform.runLater}), do not do it there.
     */
    public synchronized void onRequest(Consumer<OpenRequest> consumer) {
        this.consumer = consumer;
        held.forEach(consumer);
        held.clear();
    }

    /**
     * Stops taking requests (the window is closing) but keeps the lock until {@link #close}: a
     * launch meanwhile waits for the lock and then starts the next console, instead of handing
     * its session to one that is going away, or opening the store while this one still holds it.
     */
    public void stopListening() {
        synchronized (this) {
            if (!listening) {
                return;
            }
            listening = false;
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // the next console finds it stale and replaces it
        }
    }

    /** Stops listening, deletes the socket, and lets go of the data folder. */
    @Override
    public void close() {
        stopListening(); // the socket goes first: once the lock is free, the next console binds its own
        try {
            lock.channel().close();
        } catch (IOException ignored) {
            // the process ending releases it too
        }
    }

    private void acceptLoop() {
        while (true) {
            SocketChannel peer;
            try {
                peer = server.accept();
            } catch (ClosedChannelException closed) {
                return; // stopListening
            } catch (IOException e) {
                if (!server.isOpen()) {
                    return;
                }
                System.getLogger("instance").log(System.Logger.Level.WARNING, "accepting a launch failed: " + e.getMessage());
                pause(); // out of file descriptors, say: not a busy loop of warnings
                continue;
            }
            try (peer) {
                serve(peer);
            } catch (IOException | RuntimeException e) {
                // that peer's trouble (it went away, or wrote nonsense we could not even answer): the next one is served
                System.getLogger("instance").log(System.Logger.Level.DEBUG, "a launch's request failed: " + e);
            }
        }
    }

    private void serve(SocketChannel peer) throws IOException {
        long deadline = LineIO.deadlineIn(READ_MILLIS);
        Optional<byte[]> line;
        try {
            line = LineIO.readLine(peer, Wire.MAX_BYTES, deadline);
        } catch (IOException e) {
            LineIO.write(peer, Wire.error("request refused: " + e.getMessage()), LineIO.deadlineIn(READ_MILLIS));
            return;
        }
        if (line.isEmpty()) {
            return; // connected and went away: a probe, nothing to answer
        }
        OpenRequest request;
        try {
            request = Wire.decode(line.get());
        } catch (IllegalArgumentException e) {
            LineIO.write(peer, Wire.error("request refused: " + e.getMessage()), LineIO.deadlineIn(READ_MILLIS));
            return;
        }
        boolean taken;
        try {
            taken = deliver(request);
        } catch (RuntimeException closing) {
            // the window is gone (the toolkit refuses work): no reply, so the launch waits for the lock and starts anew
            return;
        }
        LineIO.write(peer, taken ? Wire.ok() : Wire.error("this console is busy starting: try again"),
                LineIO.deadlineIn(READ_MILLIS));
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands a request on (in order, under the lock), or holds it until there is somewhere to; false when too many wait. */
    private synchronized boolean deliver(OpenRequest request) {
        if (consumer != null) {
            consumer.accept(request);
            return true;
        }
        if (held.size() >= MAX_HELD) {
            return false;
        }
        held.add(request);
        return true;
    }
}
