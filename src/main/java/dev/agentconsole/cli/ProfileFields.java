package dev.agentconsole.cli;

import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.app.Services;
import dev.agentconsole.app.profiles.Profile;
import dev.agentconsole.app.profiles.ProfileColour;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** What {@code profile add} and {@code profile edit} take: every part of a profile but its name. Never a key. */
final class ProfileFields {

    @Option(names = "--provider", paramLabel = "hcompany|agi", description = "hcompany (H Agent Platform v2) or agi (AGI Inc v1).")
    String provider;

    @Option(names = "--base-url", paramLabel = "URL", description = "The server: https://, or http:// only to this machine. "
            // each address on a line of its own: a help line is never broken inside a URL
            + "Default:%nhcompany https://agp.eu.hcompany.ai%nagi https://api.agi.tech")
    String baseUrl;

    @Option(names = "--host", paramLabel = "HOST", description = "A host the profile's key may be sent to (a name or IP "
            + "address: no scheme, port, path or wildcard); repeatable, and the base URL's host must be among them. "
            + "Default: the base URL's host.")
    List<String> hosts;

    @Option(names = "--agent", paramLabel = "NAME", description = "The agent a new session starts with (H's agent name, "
            + "AGI's agent).")
    String agent;

    @Option(names = "--caller-id", paramLabel = "ID", description = "H's caller_id for what is sent (AGI takes none).")
    String callerId;

    @Option(names = {"--colour", "--color"}, paramLabel = "COLOUR", description = "How its sessions are marked in the "
            + "window: gray, blue, green, amber, red or purple (default: blue for H, purple for AGI).")
    String colour;

    /** Taken only to be refused without being shown: a key on the command line stays in shell history and the process list. */
    @Option(names = {"--key", "--api-key", "--token", "--secret"}, hidden = true, arity = "0..1", fallbackValue = "")
    String key;

    /** Any part of a profile was given. */
    boolean any() {
        return provider != null || baseUrl != null || hosts != null || agent != null || callerId != null || colour != null;
    }

    void refuseKey() {
        if (key != null) {
            key = null;
            throw new InvalidInputException("keys are never taken on the command line (a shell keeps it in its history "
                    + "and the process list shows it): set HAI_API_KEY (or H_API_KEY) or AGI_API_KEY in the environment, "
                    + "or keep the key in the keychain");
        }
    }

    /** A new profile named {@code name}; {@code --provider} is needed, the rest has defaults. */
    Profile create(String name) {
        refuseKey();
        if (provider == null) {
            throw new InvalidInputException("--provider is required: hcompany or agi");
        }
        if (agent != null && agent.isBlank()) {
            throw new InvalidInputException("--agent is blank: leave it out for the window's default");
        }
        if (callerId != null && callerId.isBlank()) {
            throw new InvalidInputException("--caller-id is blank: leave it out for normal operator input");
        }
        Provider p = provider();
        return new Profile(name, p, baseUrl != null ? baseUrl : defaultBaseUrl(p), Optional.ofNullable(agent),
                Optional.ofNullable(callerId), hosts == null ? List.of() : hosts, colour == null ? null : ProfileColour.parse(colour));
    }

    /**
     * {@code old} with what was given changed, and renamed to {@code rename} when given. An empty
     * {@code --agent ''} or {@code --caller-id ''} clears it. What follows from another choice follows
     * it unless given: a new provider brings its own default base URL (if the old one was the old
     * provider's default), colour (if it was the default) and no agent; a new base URL brings its own
     * host as the hosts (if they were the old base URL's alone).
     */
    Profile change(Profile old, Optional<String> rename) {
        refuseKey();
        Provider p = provider == null ? old.provider() : provider();
        boolean newProvider = p != old.provider();
        String base = baseUrl != null ? baseUrl
                : newProvider && old.baseUrl().equals(defaultBaseUrl(old.provider())) ? defaultBaseUrl(p) : old.baseUrl();
        List<String> newHosts = hosts != null ? hosts : old.hosts().equals(List.of(old.baseHost())) ? List.of() : old.hosts();
        Optional<String> newAgent = agent != null ? Optional.of(agent) : newProvider ? Optional.empty() : old.agent();
        Optional<String> newCaller = callerId != null ? Optional.of(callerId) : p == Provider.AGI ? Optional.empty() : old.callerId();
        ProfileColour newColour = colour != null ? ProfileColour.parse(colour)
                : old.colour() == ProfileColour.defaultFor(old.provider()) ? null : old.colour();
        return new Profile(rename.orElse(old.name()), p, base, newAgent, newCaller, newHosts, newColour);
    }

    private Provider provider() {
        Provider p;
        try {
            p = Provider.fromCli(provider.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        if (p == Provider.DEMO) {
            throw new InvalidInputException("--provider demo is the built-in Demo profile: a profile's provider is hcompany or agi");
        }
        return p;
    }

    static String defaultBaseUrl(Provider p) {
        return p == Provider.AGI ? Services.AGI_DEFAULT_BASE_URL : Services.H_DEFAULT_BASE_URL;
    }
}
