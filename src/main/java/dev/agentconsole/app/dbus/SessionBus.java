package dev.agentconsole.app.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the session D-Bus is, as libdbus and sd-bus look for it: {@code DBUS_SESSION_BUS_ADDRESS},
 * else the per-user socket {@code $XDG_RUNTIME_DIR/bus}, else {@code /run/user/UID/bus}.
 */
final class SessionBus {

    private SessionBus() {
    }

    /** @return the bus's address, or null when there is none */
    static String address(Map<String, String> env) {
        String address = env.getOrDefault("DBUS_SESSION_BUS_ADDRESS", "").strip();
        if (!address.isEmpty()) {
            return address;
        }
        String runtimeDir = env.getOrDefault("XDG_RUNTIME_DIR", "").strip();
        String uid = currentUid();
        Path socket = !runtimeDir.isEmpty() ? Path.of(runtimeDir, "bus") : uid != null ? Path.of("/run/user", uid, "bus") : null;
        return socket != null && Files.exists(socket) ? "unix:path=" + escape(socket.toString()) : null;
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

    private static String currentUid() {
        try {
            return String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
