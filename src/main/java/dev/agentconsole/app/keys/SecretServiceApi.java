package dev.agentconsole.app.keys;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.Tuple;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.Variant;

/**
 * The part of the freedesktop Secret Service API (0.2, on the session bus at {@link #BUS_NAME})
 * that the console uses. Member names are the wire names, so they keep the spec's capitals.
 * Public because dbus-java proxies them.
 */
public final class SecretServiceApi {

    public static final String BUS_NAME = "org.freedesktop.secrets";
    public static final String SERVICE_PATH = "/org/freedesktop/secrets";
    /** The path that stands for "none" (no prompt needed, no such collection). */
    public static final String NONE = "/";
    public static final String ITEM_LABEL = "org.freedesktop.Secret.Item.Label";
    public static final String ITEM_ATTRIBUTES = "org.freedesktop.Secret.Item.Attributes";

    private SecretServiceApi() {
    }

    @DBusInterfaceName("org.freedesktop.Secret.Service")
    public interface Service extends DBusInterface {

        /** @return the algorithm's output (the service's public key) and the session's path */
        Two<Variant<?>, DBusPath> OpenSession(String algorithm, Variant<?> input);

        /** @return the unlocked items and the locked ones that match every attribute */
        Two<List<DBusPath>, List<DBusPath>> SearchItems(Map<String, String> attributes);

        /** @return what is unlocked now, and a prompt to unlock the rest ({@link #NONE} when none is needed) */
        Two<List<DBusPath>, DBusPath> Unlock(List<DBusPath> objects);

        /** @return the collection this alias names ("default": where new items go), or {@link #NONE} */
        DBusPath ReadAlias(String name);
    }

    @DBusInterfaceName("org.freedesktop.Secret.Collection")
    public interface Collection extends DBusInterface {

        /** @return the new item and a prompt ({@link #NONE} when none is needed) */
        Two<DBusPath, DBusPath> CreateItem(Map<String, Variant<?>> properties, Secret secret, boolean replace);
    }

    @DBusInterfaceName("org.freedesktop.Secret.Item")
    public interface Item extends DBusInterface {

        /** @return a prompt ({@link #NONE} when none is needed) */
        DBusPath Delete();

        Secret GetSecret(DBusPath session);
    }

    @DBusInterfaceName("org.freedesktop.Secret.Session")
    public interface Session extends DBusInterface {
        void Close();
    }

    @DBusInterfaceName("org.freedesktop.Secret.Prompt")
    public interface Prompt extends DBusInterface {

        /** Shows the prompt; its answer comes as {@link Completed}. */
        void Prompt(String windowId);

        class Completed extends DBusSignal {
            private final boolean dismissed;

            public Completed(String path, boolean dismissed, Variant<?> result) throws DBusException {
                super(path, dismissed, result);
                this.dismissed = dismissed;
            }

            public boolean dismissed() {
                return dismissed;
            }
        }
    }

    /** A secret on the wire: (session, parameters: the AES IV, value: the encrypted bytes, content type). */
    public static final class Secret extends Struct {
        @Position(0)
        private final DBusPath session;
        @Position(1)
        private final byte[] parameters;
        @Position(2)
        private final byte[] value;
        @Position(3)
        private final String contentType;

        public Secret(DBusPath session, byte[] parameters, byte[] value, String contentType) {
            this.session = session;
            this.parameters = parameters;
            this.value = value;
            this.contentType = contentType;
        }

        public DBusPath session() {
            return session;
        }

        /** The AES IV. */
        public byte[] iv() {
            return parameters;
        }

        /** The secret, encrypted (its toString, which dbus-java fixes, shows only these bytes). */
        public byte[] value() {
            return value;
        }

        public String contentType() {
            return contentType;
        }
    }

    /** Two values a method returns at once. */
    public static final class Two<A, B> extends Tuple {
        @Position(0)
        private final A first;
        @Position(1)
        private final B second;

        public Two(A first, B second) {
            this.first = first;
            this.second = second;
        }

        public A getFirst() {
            return first;
        }

        public B getSecond() {
            return second;
        }
    }
}
