package dev.agentconsole.app.keys;

import java.util.Optional;

/**
 * One operating system's keychain, spoken to as it is: entries named by service and account.
 * {@link KeychainStore} checks names and keys before, and cleans what is thrown after.
 */
interface OsKeychain extends AutoCloseable {

    /** Whether it answers now; asks nothing of the operator (no unlock prompt). */
    KeyStore.Availability probe();

    Optional<String> get(String service, String account) throws Exception;

    /** Creates or replaces the one entry for service and account. */
    void set(String service, String account, String secret) throws Exception;

    /** @return whether there was an entry */
    boolean delete(String service, String account) throws Exception;

    @Override
    void close();
}
