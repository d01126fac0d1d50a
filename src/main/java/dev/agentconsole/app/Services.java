package dev.agentconsole.app;

import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.agi.AgiBackend;
import dev.agentconsole.agent.hcompany.HCompanyBackend;
import dev.agentconsole.agent.http.ApiToken;
import dev.agentconsole.agent.http.Endpoint;
import dev.agentconsole.agent.http.HttpStack;
import dev.agentconsole.app.keys.KeyStore;
import dev.agentconsole.app.keys.KeyStores;
import dev.agentconsole.app.profiles.KeySource;
import dev.agentconsole.app.profiles.Profile;
import dev.agentconsole.app.profiles.ProfileKeys;
import dev.agentconsole.app.profiles.Profiles;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.store.Store;
import dev.agentconsole.ui.connect.Connector;
import dev.dirs.ProjectDirectories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * The composition root: builds the one HTTP stack and hands out backends bound to a provider.
 * Everything it made is closed with it (clients' threads, emulators), so the process can exit.
 */
public final class Services implements AutoCloseable, Connector {

    public static final String H_DEFAULT_BASE_URL = "https://agp.eu.hcompany.ai";
    public static final String AGI_DEFAULT_BASE_URL = "https://api.agi.tech";
    /** How fast the demo's scripted agent moves: slow enough to read, quick enough to watch. */
    public static final Duration DEMO_STEP = Duration.ofMillis(900);
    /** Overrides {@link #DEMO_STEP} in milliseconds (1 to 60000), e.g. for a slower live demo. */
    public static final String DEMO_STEP_VARIABLE = "AGENT_CONSOLE_DEMO_STEP_MS";

    private final Map<String, String> environment;
    private final Path dataDir;
    /** Where a profile's key is kept when the environment has none. */
    private final KeySource keychain;
    /** Read on first use. */
    private Profiles profiles;
    /** Opened on first use, off the FX thread. */
    private Store store;
    /** Built on first use, off the FX thread: loading the HTTP client's classes would delay the first frame. */
    private HttpStack http;
    private final List<AutoCloseable> owned = new ArrayList<>();
    /** Opened on first use: probing the keychain talks to the session bus. */
    private KeyStore keys;
    private Emulator demo;

    /** With the OS's standard data folder. */
    public Services(Map<String, String> environment) {
        this(environment, Optional.empty());
    }

    public Services(Map<String, String> environment, Optional<Path> dataDir) {
        this(environment, dataDir, null);
    }

    /**
     * With {@code keychain} as where profiles' keys are kept (tests hand in their own); null: this
     * machine's keychain, opened on first use (off the FX thread), or memory where there is none.
     */
    public Services(Map<String, String> environment, Optional<Path> dataDir, KeySource keychain) {
        this.environment = Map.copyOf(environment);
        this.dataDir = dataDir.orElseGet(Services::standardDataDir);
        this.keychain = keychain != null ? keychain : profile -> keys().read(profile);
    }

    /** This machine's keychain (or memory, with the reason), opened on first use. */
    public synchronized KeyStore keys() {
        if (keys == null) {
            keys = KeyStores.forThisMachine(environment);
        }
        return keys;
    }

    @Override
    public Optional<String> rememberKey(String profile, String key) {
        try {
            KeyStore store = keys();
            store.save(profile, key);
            return store.availability() instanceof KeyStore.Availability.Unavailable none
                    ? Optional.of("no keychain (" + none.reason() + "): kept in memory for this run") : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("the keychain refused it: " + e.getMessage());
        }
    }

    /** Linux: $XDG_DATA_HOME/agentconsole (~/.local/share/agentconsole); macOS: Application Support; Windows: AppData. */
    public static Path standardDataDir() {
        return Path.of(ProjectDirectories.from("dev", "agentconsole", "Agent Console").dataDir);
    }

    @Override
    public Path dataFolder() {
        return dataDir;
    }

    @Override
    public synchronized Store store() {
        if (store == null) {
            store = Store.open(dataDir);
        }
        return store;
    }

    /** The data folder's profiles ({@code profiles.json}), read on first use. */
    public synchronized Profiles profiles() {
        if (profiles == null) {
            profiles = Profiles.load(dataDir);
        }
        return profiles;
    }

    /** Where profiles' keys come from: the environment first, then the keychain. */
    public ProfileKeys profileKeys() {
        return new ProfileKeys(environment, keychain);
    }

    public synchronized HttpStack http() {
        if (http == null) {
            http = new HttpStack();
        }
        return http;
    }

    /** A backend connected to a provider, and the emulator behind it for the demo. */
    public record Connection(AgentBackend backend, Optional<Emulator> emulator) {}

    /**
     * Connects to a provider. The demo starts an emulator on a free loopback port; the others
     * need a token in the environment and refuse plain http to anything but loopback.
     *
     * @throws InvalidInputException with a specific message when a token or URL is missing or bad
     */
    public Connection connect(Provider provider, Optional<String> baseUrl) {
        if (provider == Provider.DEMO) {
            Emulator emulator = demoEmulator();
            Endpoint endpoint = new Endpoint(HttpUrl.get(emulator.baseUrl()), new ApiToken(emulator.token()));
            return new Connection(remember(new HCompanyBackend(Provider.DEMO, endpoint, http())), Optional.of(emulator));
        }
        return new Connection(remember(backend(provider, baseUrl, Optional.empty(), Optional.empty())), Optional.empty());
    }

    /**
     * Connects with a profile: its provider and base URL, with its key from the environment (which
     * wins) or the keychain. The Demo profile is the demo.
     *
     * @throws InvalidInputException when there is no key, or it or the URL is bad
     */
    public Connection connect(Profile profile) {
        if (profile.isDemo()) {
            return connect(Provider.DEMO, Optional.empty());
        }
        ApiToken token = profileKeys().keyFor(profile).map(ProfileKeys.Found::token).orElseThrow(() ->
                new InvalidInputException("no API key for profile '" + profile.name() + "' (" + profile.provider().displayName()
                        + "): set " + variables(profile.provider()) + " in the environment, or keep one in the keychain for "
                        + "the profile; keys are never taken on the command line"));
        // the key goes to the profile's hosts only (redirects included): see Endpoint#keyHosts
        return new Connection(remember(backend(profile.provider(), Optional.of(profile.baseUrl()), token,
                Optional.of(profile.hosts()))), Optional.empty());
    }

    @Override
    public List<dev.agentconsole.ui.connect.ConnectProfile> profileChoices() {
        ProfileKeys keys = profileKeys();
        return profiles().all().stream().map(p -> new dev.agentconsole.ui.connect.ConnectProfile(p.name(), p.provider(),
                p.baseUrl(), p.agent(), p.callerId(), p.hosts(), p.colour().id(), keys.originOf(p).label())).toList();
    }

    @Override
    public AgentBackend open(dev.agentconsole.ui.connect.ConnectProfile choice, Optional<String> baseUrl,
                             Optional<String> typedKey) {
        if (choice.isDemo()) {
            return open(Provider.DEMO, Optional.empty(), Optional.empty());
        }
        Profile profile = profiles().find(choice.name()).orElseThrow(() -> new InvalidInputException(
                "no profile named '" + choice.name() + "' any more (see: agent-console profile list)"));
        Optional<ApiToken> kept = profileKeys().keyFor(profile).map(ProfileKeys.Found::token);
        ApiToken token = kept.or(() -> typedKey.filter(t -> !t.isBlank()).map(t -> new ApiToken(t, "the key field")))
                .orElseThrow(() -> new InvalidInputException("no API key for profile '" + profile.name() + "': type it into "
                        + "the key field, keep one in the keychain (agent-console key set), or set " + variables(profile.provider())));
        return remember(backend(profile.provider(), baseUrl.or(() -> Optional.of(profile.baseUrl())), token,
                Optional.of(profile.hosts())));
    }

    /** "HAI_API_KEY (or H_API_KEY)". */
    private static String variables(Provider provider) {
        return String.join(" (or ", provider.tokenVariables()) + ")".repeat(provider.tokenVariables().size() - 1);
    }

    /** The demo's emulator: started on first use, one per process. */
    public synchronized Emulator demoEmulator() {
        if (demo == null) {
            demo = Emulator.start(0, ScriptClock.ticking(demoStep()));
            owned.add(demo);
        }
        return demo;
    }

    @Override
    public AgentBackend open(Provider provider, Optional<String> baseUrl, Optional<String> windowToken) {
        if (provider == Provider.DEMO) {
            Emulator emulator = demoEmulator();
            return new HCompanyBackend(Provider.DEMO,
                    new Endpoint(HttpUrl.get(emulator.baseUrl()), new ApiToken(emulator.token())), http());
        }
        return backend(provider, baseUrl, windowToken, Optional.empty());
    }

    /**
     * As {@link #open(Provider, Optional, Optional)}, for a profile that names the hosts its key may be
     * sent to ({@link Endpoint#keyHosts()}): a base URL on any other host is refused here, before any
     * byte leaves, and so is every redirect off them later. The demo ignores them (its emulator, its key).
     *
     * @throws InvalidInputException naming the host and the allowed ones, or the entry that is not a host
     */
    public AgentBackend open(Provider provider, Optional<String> baseUrl, Optional<String> windowToken,
                             java.util.Collection<String> keyHosts) {
        if (provider == Provider.DEMO) {
            return open(provider, baseUrl, windowToken);
        }
        return backend(provider, baseUrl, windowToken, Optional.of(keyHosts));
    }

    @Override
    public boolean hasEnvironmentToken(Provider provider) {
        return ApiToken.isSetIn(provider, environment);
    }

    @Override
    public String defaultBaseUrl(Provider provider) {
        return provider == Provider.AGI ? AGI_DEFAULT_BASE_URL : H_DEFAULT_BASE_URL;
    }

    @Override
    public String demoTask() {
        return Emulator.DEMO_TASK;
    }

    private AgentBackend backend(Provider provider, Optional<String> baseUrl, Optional<String> windowToken,
                                 Optional<java.util.Collection<String>> keyHosts) {
        ApiToken token = ApiToken.fromEnvironment(provider, environment)
                .or(() -> windowToken.filter(t -> !t.isBlank()).map(t -> new ApiToken(t, "the key field"))).orElseThrow(() ->
                new InvalidInputException("no API key for " + provider.displayName() + ": set " + variables(provider)
                        + " in the environment (or type it into the window's key field); keys are never taken on the command line"));
        return backend(provider, baseUrl, token, keyHosts);
    }

    private AgentBackend backend(Provider provider, Optional<String> baseUrl, ApiToken token,
                                 Optional<java.util.Collection<String>> keyHosts) {
        try {
            HttpUrl url = Endpoint.parseBaseUrl(baseUrl.orElse(defaultBaseUrl(provider)));
            Endpoint endpoint = keyHosts.isPresent() ? new Endpoint(url, token, new java.util.LinkedHashSet<>(keyHosts.get()))
                    : new Endpoint(url, token);
            return provider == Provider.AGI ? new AgiBackend(endpoint, http()) : new HCompanyBackend(provider, endpoint, http());
        } catch (InvalidInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    private Duration demoStep() {
        String value = environment.get(DEMO_STEP_VARIABLE);
        if (value == null || value.isBlank()) {
            return DEMO_STEP;
        }
        try {
            long ms = Long.parseLong(value.strip());
            if (ms >= 1 && ms <= 60_000) {
                return Duration.ofMillis(ms);
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message below
        }
        throw new InvalidInputException(DEMO_STEP_VARIABLE + " must be a whole number of milliseconds from 1 to 60000, got '"
                + value + "'");
    }

    private AgentBackend remember(AgentBackend backend) {
        owned.add(backend);
        return backend;
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                System.getLogger("services").log(System.Logger.Level.DEBUG, "closing failed", e);
            }
        }
        synchronized (this) {
            if (http != null) {
                http.close();
            }
            if (store != null) {
                store.close();
            }
            if (keys != null) {
                keys.close();
            }
        }
    }
}
