package dev.agentconsole.app.keys;

/**
 * The keychain refused or could not be reached. Its message names the profile and what went
 * wrong, never the key; it carries no cause (a library's exception could quote what it was given).
 */
public final class KeyStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyStoreException(String message) {
        super(message, null, false, false);
    }
}
