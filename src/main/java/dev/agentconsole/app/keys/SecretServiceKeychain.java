package dev.agentconsole.app.keys;

import dev.agentconsole.app.keys.SecretServiceApi.Item;
import dev.agentconsole.app.keys.SecretServiceApi.Secret;
import dev.agentconsole.app.keys.SecretServiceApi.Two;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.DBusSigHandler;
import org.freedesktop.dbus.types.Variant;

/**
 * The freedesktop Secret Service on the session D-Bus (gnome-keyring, KDE's KWallet since
 * Frameworks 5.97, KeePassXC), in pure Java over dbus-java 5, with the transport encrypted
 * ({@link SecretTransport}). Items carry the attributes {@code service} and {@code account}, as
 * java-keyring and {@code secret-tool} name them, and go to the collection the alias "default"
 * names (the login keyring). A locked keyring is unlocked through the service's own prompt, which
 * the operator answers on the desktop; one not answered in time is said (and left up).
 *
 * <p>dbus-java logs through SLF4J, which goes nowhere here (slf4j-nop): message contents never
 * reach a log. Connects on first use and again after the bus went away.
 */
final class SecretServiceKeychain implements OsKeychain {

    private final String busAddress;
    private final Duration promptTimeout;

    private DBusConnection connection;
    private SecretServiceApi.Service service;
    private DBusPath session;
    private SecretTransport transport;

    /** @param busAddress the session bus's address, or null for dbus-java's own lookup */
    SecretServiceKeychain(String busAddress, Duration promptTimeout) {
        this.busAddress = busAddress;
        this.promptTimeout = promptTimeout;
    }

    @Override
    public KeyStore.Availability probe() {
        try {
            connect();
            if (SecretServiceApi.NONE.equals(service.ReadAlias("default").getPath())) {
                return new KeyStore.Availability.Unavailable("the Secret Service has no default keyring "
                        + "(create one in the desktop's keyring app, e.g. Passwords and Keys)");
            }
            return new KeyStore.Availability.Available("the Secret Service");
        } catch (Exception | LinkageError e) {
            // LinkageError: a runtime without jdk.security.auth or jdk.net (packaging/jlink.args)
            close();
            return new KeyStore.Availability.Unavailable(reason(e));
        }
    }

    @Override
    public Optional<String> get(String service, String account) throws Exception {
        List<DBusPath> items = found(service, account);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        Secret secret = remote(items.get(0).getPath(), Item.class).GetSecret(session);
        return Optional.of(transport.decrypt(secret.iv(), secret.value()));
    }

    @Override
    public void set(String service, String account, String secret) throws Exception {
        connect();
        DBusPath collection = this.service.ReadAlias("default");
        if (SecretServiceApi.NONE.equals(collection.getPath())) {
            throw new KeyStoreException("the Secret Service has no default keyring");
        }
        unlocked(List.of(collection));
        byte[][] sealed = transport.encrypt(secret);
        Map<String, Variant<?>> properties = Map.of(
                SecretServiceApi.ITEM_LABEL, new Variant<>(service + ": " + account),
                SecretServiceApi.ITEM_ATTRIBUTES, new Variant<>(attributes(service, account), "a{ss}"));
        Two<DBusPath, DBusPath> created = remote(collection.getPath(), SecretServiceApi.Collection.class)
                .CreateItem(properties, new Secret(session, sealed[0], sealed[1], SecretTransport.CONTENT_TYPE), true);
        if (SecretServiceApi.NONE.equals(created.getFirst().getPath())) {
            prompt(created.getSecond(), "saving the key");
        }
    }

    @Override
    public boolean delete(String service, String account) throws Exception {
        List<DBusPath> items = found(service, account);
        for (DBusPath item : items) {
            prompt(remote(item.getPath(), Item.class).Delete(), "removing the key");
        }
        return !items.isEmpty();
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                if (session != null && connection.isConnected()) {
                    remote(session.getPath(), SecretServiceApi.Session.class).Close();
                }
            } catch (DBusException | RuntimeException e) {
                // the service closes it with the connection anyway
            } finally {
                connection.disconnect();
            }
        }
        connection = null;
        service = null;
        session = null;
        transport = null;
    }

    /** Every item with these attributes, the locked ones unlocked first. */
    private List<DBusPath> found(String service, String account) throws Exception {
        connect();
        Two<List<DBusPath>, List<DBusPath>> found = this.service.SearchItems(attributes(service, account));
        List<DBusPath> all = new ArrayList<>(found.getFirst());
        all.addAll(unlocked(found.getSecond()));
        return all;
    }

    /** {@code objects}, once what is locked among them is unlocked (through the service's prompt when it asks for one). */
    private List<DBusPath> unlocked(List<DBusPath> objects) throws Exception {
        if (objects.isEmpty()) {
            return objects;
        }
        Two<List<DBusPath>, DBusPath> answer = service.Unlock(objects);
        if (answer.getFirst().size() < objects.size()) {
            prompt(answer.getSecond(), "unlocking the keyring");
        }
        return objects;
    }

    /** Runs the service's prompt and waits for its answer; dismissed or not answered in time: refused. */
    private void prompt(DBusPath prompt, String doing) throws Exception {
        if (prompt == null || SecretServiceApi.NONE.equals(prompt.getPath())) {
            return;
        }
        CompletableFuture<Boolean> dismissed = new CompletableFuture<>();
        DBusSigHandler<SecretServiceApi.Prompt.Completed> handler = signal -> {
            if (prompt.getPath().equals(signal.getPath())) {
                dismissed.complete(signal.dismissed());
            }
        };
        connection.addSigHandler(SecretServiceApi.Prompt.Completed.class, handler);
        SecretServiceApi.Prompt remote = remote(prompt.getPath(), SecretServiceApi.Prompt.class);
        try {
            remote.Prompt("");
            if (dismissed.get(promptTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new KeyStoreException(doing + " was refused: the keyring's prompt was dismissed or could not be shown");
            }
        } catch (TimeoutException e) {
            // The prompt stays up: the operator may still answer it, and the next call finds the keyring
            // open. (Dismiss() on a prompt that is showing makes gnome-keyring 42.1 exit, measured here.)
            throw new KeyStoreException("the keyring is locked and its prompt was not answered within "
                    + promptTimeout.toSeconds() + " s");
        } finally {
            connection.removeSigHandler(SecretServiceApi.Prompt.Completed.class, handler);
        }
    }

    private void connect() throws Exception {
        if (connection != null && connection.isConnected()) {
            return;
        }
        close();
        DBusConnectionBuilder builder = busAddress == null
                ? DBusConnectionBuilder.forSessionBus() : DBusConnectionBuilder.forAddress(busAddress);
        // 1 s: a local bus answers at once; a stale address must not keep the operator waiting
        connection = builder.withShared(false).transportConfig().withTimeout(1000).back().build();
        try {
            DBus bus = connection.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
            if (!bus.NameHasOwner(SecretServiceApi.BUS_NAME)
                    && !java.util.Arrays.asList(bus.ListActivatableNames()).contains(SecretServiceApi.BUS_NAME)) {
                throw new KeyStoreException("no Secret Service on the session bus "
                        + "(gnome-keyring, KWallet or KeePassXC provide one)");
            }
            service = remote(SecretServiceApi.SERVICE_PATH, SecretServiceApi.Service.class);
            openSession();
        } catch (Exception | LinkageError e) {
            close();
            throw e;
        }
    }

    /** An encrypted session; again (rarely) when the shared secret starts with a zero byte. */
    private void openSession() throws Exception {
        for (int attempt = 0; attempt < 8; attempt++) {
            SecretTransport fresh = SecretTransport.start();
            Two<Variant<?>, DBusPath> opened = service.OpenSession(SecretTransport.ALGORITHM,
                    new Variant<>(fresh.publicKey(), "ay"));
            if (fresh.agree(bytes(opened.getFirst().getValue()))) {
                transport = fresh;
                session = opened.getSecond();
                return;
            }
            remote(opened.getSecond().getPath(), SecretServiceApi.Session.class).Close();
        }
        throw new KeyStoreException("no encrypted session could be agreed with the Secret Service");
    }

    private <T extends org.freedesktop.dbus.interfaces.DBusInterface> T remote(String path, Class<T> type) throws DBusException {
        return connection.getRemoteObject(SecretServiceApi.BUS_NAME, path, type);
    }

    /** An "ay" in a variant: dbus-java gives it as a byte[] or as a list of bytes. */
    private static byte[] bytes(Object value) {
        if (value instanceof byte[] array) {
            return array;
        }
        if (value instanceof List<?> list) {
            byte[] out = new byte[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = ((Number) list.get(i)).byteValue();
            }
            return out;
        }
        throw new KeyStoreException("the Secret Service answered OpenSession with a " + value.getClass().getSimpleName());
    }

    private static Map<String, String> attributes(String service, String account) {
        return Map.of("service", service, "account", account);
    }

    /** One line for the operator: why the keychain is not there. */
    static String reason(Throwable e) {
        if (e instanceof KeyStoreException) {
            return e.getMessage();
        }
        if (e instanceof DBusExecutionException d && d.getType() != null && d.getType().endsWith("ServiceUnknown")) {
            return "no Secret Service on the session bus (gnome-keyring, KWallet or KeePassXC provide one)";
        }
        if (e instanceof DBusException && e.getMessage() != null && e.getMessage().contains("connect")) {
            return "the session D-Bus cannot be reached: " + e.getMessage();
        }
        return "the Secret Service did not answer: " + KeychainStore.clean(e, null);
    }
}
