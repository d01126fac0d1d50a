package dev.agentconsole.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/** Images of messages and drafts, each stored once by content hash; on the store's thread only. */
final class Attachments {

    private final StoreThread store;

    Attachments(StoreThread store) {
        this.store = store;
    }

    /** Stores an image once, by content hash; returns the hash. In the caller's transaction. */
    String put(String uri) {
        String hash = sha256(uri);
        try (PreparedStatement p = store.db.prepareStatement("INSERT OR IGNORE INTO attachments(hash, data_uri) VALUES (?, ?)")) {
            p.setString(1, hash);
            p.setString(2, uri);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return hash;
    }

    /** The image stored under {@code hash}. */
    String get(String hash) {
        try (PreparedStatement p = store.db.prepareStatement("SELECT data_uri FROM attachments WHERE hash = ?")) {
            p.setString(1, hash);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("an attachment of a stored message is missing (" + hash + ")");
                }
                return r.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    int count() throws SQLException {
        try (Statement s = store.db.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM attachments")) {
            return r.getInt(1);
        }
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
