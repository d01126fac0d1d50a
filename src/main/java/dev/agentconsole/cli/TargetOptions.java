package dev.agentconsole.cli;

import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.app.Services;
import dev.agentconsole.app.profiles.Profile;
import dev.agentconsole.app.profiles.Profiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which provider, server and session a command talks to: named by {@code --provider} and
 * {@code --base-url}, or by {@code --profile} (then {@link #useProfile} reads it before anything else).
 */
public final class TargetOptions {

    @Option(names = "--provider", paramLabel = "demo|hcompany|agi",
            description = "Who to talk to: demo (the embedded emulator, default), hcompany (H Agent Platform v2) "
                    + "or agi (AGI Inc v1).")
    String provider;

    @Option(names = "--base-url", paramLabel = "URL",
            // each address on a line of its own: a help line is never broken inside a URL
            description = "The provider's base URL; plain http:// only to this machine. Default:%n"
                    + "hcompany https://agp.eu.hcompany.ai%nagi https://api.agi.tech")
    String baseUrl;

    @Option(names = "--session", paramLabel = "ID", description = "The session's id (a UUID). send, watch and chat need it "
            + "with hcompany or agi; without it the window opens with the session picker.")
    String session;

    @Option(names = "--profile", paramLabel = "NAME", description = "A saved profile (see 'profile list'): its provider, "
            + "base URL and caller id, its key from the environment or the keychain. Not with --provider or --base-url.")
    String profile;

    /** The profile {@code --profile} names, once {@link #useProfile} read it. */
    private Profile chosen;

    /**
     * Reads the profile {@code --profile} names from the data folder's profiles; afterwards
     * {@link #provider()}, {@link #baseUrl()} and {@link #connect} are the profile's. Nothing without
     * {@code --profile}. What went wrong reading profiles.json is said on {@code err}.
     *
     * @throws InvalidInputException with --provider or --base-url beside it (a profile binds its key to its
     *         hosts: another server would defeat that), or when there is no such profile
     */
    public Optional<Profile> useProfile(Path dataFolder, PrintWriter err) {
        if (profile == null) {
            return Optional.empty();
        }
        if (provider != null || baseUrl != null) {
            throw new InvalidInputException("--profile does not go with " + (provider != null ? "--provider" : "--base-url")
                    + ": the profile names its provider and server (and the hosts its key may go to); leave "
                    + (provider != null ? "--provider" : "--base-url") + " out, or change the profile with 'profile edit'");
        }
        Profiles profiles = Profiles.load(dataFolder);
        profiles.notice().ifPresent(n -> err.println("profiles: " + n));
        chosen = profiles.find(profile.strip()).orElseThrow(() -> unknownProfile(profile));
        return Optional.of(chosen);
    }

    /** "no profile named 'X' (see: agent-console profile list)". */
    static InvalidInputException unknownProfile(String name) {
        return new InvalidInputException("no profile named '" + name + "' (see: " + Invocation.command() + " profile list)");
    }

    /** The profile's name as stored, when --profile named one. */
    public Optional<String> profileName() {
        return Optional.ofNullable(chosen).map(Profile::name);
    }

    /** The caller id given on the command line, else the profile's. */
    public Optional<String> callerId(String given) {
        return given != null ? Optional.of(given) : Optional.ofNullable(chosen).flatMap(Profile::callerId);
    }

    /** A connection to the target: the profile's (its key from the environment or the keychain), or the provider's. */
    public Services.Connection connect(Services services, PrintWriter err) {
        if (chosen == null) {
            return services.connect(provider(), baseUrl());
        }
        services.profileKeys().environmentVariable(chosen).ifPresent(variable -> err.println("profile '" + chosen.name()
                + "': the key comes from " + variable + " (the environment wins over the keychain)"));
        return services.connect(chosen);
    }

    public Provider provider() {
        if (profile != null) {
            return resolved().provider();
        }
        if (provider == null) {
            return Provider.DEMO;
        }
        try {
            return Provider.fromCli(provider.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    public Optional<String> baseUrl() {
        if (profile != null) {
            return resolved().isDemo() ? Optional.empty() : Optional.of(resolved().baseUrl());
        }
        return Optional.ofNullable(baseUrl);
    }

    private Profile resolved() {
        if (chosen == null) {
            throw new IllegalStateException("--profile is read by useProfile before the target is used");
        }
        return chosen;
    }

    /** For the window: a real provider may come without a session, which the operator then picks in the window. */
    public Optional<SessionId> sessionIdIfGiven() {
        return provider() != Provider.DEMO && session == null ? Optional.empty() : sessionId();
    }

    /**
     * The session to talk to: required for real providers, refused for the demo (which makes a
     * fresh one), so a mistyped command never talks to a session the operator did not mean.
     */
    public Optional<SessionId> sessionId() {
        Provider p = provider();
        if (p == Provider.DEMO) {
            if (session != null) {
                throw new InvalidInputException("--session does not go with --provider demo: the demo makes a fresh "
                        + "session; use --provider hcompany to reach an existing one");
            }
            if (baseUrl != null) {
                throw new InvalidInputException("--base-url does not go with --provider demo: the demo runs its own "
                        + "emulator; use --provider hcompany --base-url URL to reach a server");
            }
            return Optional.empty();
        }
        if (session == null) {
            throw new InvalidInputException("--session is required with --provider " + p.cliName()
                    + ": give the id of the session to talk to");
        }
        String problem = SessionId.problemWith(session);
        if (problem != null) {
            throw new InvalidInputException(problem);
        }
        return Optional.of(SessionId.parse(session));
    }
}
