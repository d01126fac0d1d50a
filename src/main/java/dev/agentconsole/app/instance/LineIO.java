package dev.agentconsole.app.instance;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One line over a socket, within a deadline. Channels of the UNIX family have no socket timeouts,
 * so the channel is made non-blocking and a selector waits: a peer that connects and then says
 * nothing (or a console that hangs) costs the other side its deadline, never its thread.
 */
final class LineIO {

    private LineIO() {}

    /** {@link System#nanoTime()} in {@code millis}. */
    static long deadlineIn(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /**
     * Reads up to the first newline.
     *
     * @return the line without its newline, or empty when the peer closed without sending a byte
     * @throws IOException saying what went wrong: too long, cut short, no line before the deadline
     */
    static Optional<byte[]> readLine(SocketChannel channel, int max, long deadline) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(max + 1);
        channel.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            int scanned = 0;
            while (true) {
                int n = channel.read(buffer);
                for (; scanned < buffer.position(); scanned++) {
                    if (buffer.get(scanned) == '\n') {
                        return Optional.of(Arrays.copyOf(buffer.array(), scanned));
                    }
                }
                if (n < 0) {
                    if (buffer.position() == 0) {
                        return Optional.empty();
                    }
                    throw new IOException("the line was cut short (no newline)");
                }
                if (!buffer.hasRemaining()) {
                    throw new IOException("the line is longer than " + max + " bytes");
                }
                if (n == 0) {
                    await(selector, deadline, "no line");
                }
            }
        }
    }

    /** Writes all of {@code bytes}. */
    static void write(SocketChannel channel, byte[] bytes, long deadline) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        channel.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_WRITE);
            while (buffer.hasRemaining()) {
                if (channel.write(buffer) == 0) {
                    await(selector, deadline, "could not write");
                }
            }
        }
    }

    /** Connects a non-blocking channel (a full backlog must not block a launch for good). */
    static void connect(SocketChannel channel, java.net.SocketAddress address, long deadline) throws IOException {
        channel.configureBlocking(false);
        if (channel.connect(address)) {
            return;
        }
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_CONNECT);
            while (!channel.finishConnect()) {
                await(selector, deadline, "no connection");
            }
        }
    }

    private static void await(Selector selector, long deadline, String what) throws IOException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw new java.net.SocketTimeoutException(what + " before the deadline");
        }
        selector.selectedKeys().clear();
        selector.select(left);
    }
}
