package dev.agentconsole.app.dbus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where the session D-Bus is, as libdbus and sd-bus look for it: {@code DBUS_SESSION_BUS_ADDRESS},
 * else the per-user socket {@code $XDG_RUNTIME_DIR/bus}, else {@code /run/user/UID/bus}. The keychain
 * and the desktop notifications both reach their services through it.
 */
public final class SessionBus {

    private SessionBus() {
    }

    /** @return the bus's address for this process, or null when there is none */
    public static String address(Map<String, String> env) {
        return address(env, Files::exists, currentUid());
    }

    /**
     * @param exists whether a socket file is there
     * @param uid    the process's user id, null when unknown
     * @return the bus's address, or null when there is none
     */
    public static String address(Map<String, String> env, Predicate<Path> exists, String uid) {
        String address = env.getOrDefault("DBUS_SESSION_BUS_ADDRESS", "").strip();
        if (!address.isEmpty()) {
            return address;
        }
        String runtimeDir = env.getOrDefault("XDG_RUNTIME_DIR", "").strip();
        Path socket = !runtimeDir.isEmpty() ? Path.of(runtimeDir, "bus") : uid != null ? Path.of("/run/user", uid, "bus") : null;
        return socket != null && exists.test(socket) ? "unix:path=" + escape(socket.toString()) : null;
    }

    /** D-Bus address values escape every byte outside a small safe set as %XX (spec: "Server Addresses"). */
    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-_/.\\*".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02x", b & 0xff));
            }
        }
        return out.toString();
    }

    /** The process's uid from /proc (Linux); null where it cannot be read. */
    public static String currentUid() {
        try {
            return String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
