package dev.agentconsole.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy in front of the emulator that can refuse connections for a while: its
 * listening socket closes (connects get ECONNREFUSED) and opens again on the same port.
 * Connections already open are left alone, so a request on the wire is never cut by it.
 */
final class FlakyProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private volatile ServerSocket server;
    private volatile boolean open = true;
    private final AtomicLong refusals = new AtomicLong();

    FlakyProxy(int targetPort) throws IOException {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.server = bind(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    int port() {
        return port;
    }

    /** How many refusal windows there were. */
    long refusals() {
        return refusals.get();
    }

    /** Refuses new connections for {@code window}, then accepts again. Blocks for the window. */
    void refuseFor(Duration window) throws IOException, InterruptedException {
        refusals.incrementAndGet();
        server.close();
        Thread.sleep(window.toMillis());
        server = bind(port);
        accept(server);
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return s;
    }

    private void accept(ServerSocket listening) {
        Thread t = new Thread(() -> {
            while (open && !listening.isClosed()) {
                Socket client;
                try {
                    client = listening.accept();
                } catch (IOException e) {
                    return; // closed for a refusal window, or for good
                }
                // connect upstream on another thread: the accept queue must stay empty, because a
                // connection still queued when the listener closes is reset after its request went out
                Thread connect = new Thread(() -> {
                    try {
                        Socket upstream = new Socket(target.getAddress(), target.getPort());
                        pump(client, upstream);
                        pump(upstream, client);
                    } catch (IOException e) {
                        closeQuietly(client);
                    }
                }, "proxy-connect");
                connect.setDaemon(true);
                connect.start();
            }
        }, "proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    private static void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
    }
}
