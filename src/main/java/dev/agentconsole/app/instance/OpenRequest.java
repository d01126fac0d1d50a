package dev.agentconsole.app.instance;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.http.Endpoint;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * What a second launch asks the running console to open: the window's options, checked the way
 * the command line checks them. There is no key here, on purpose: keys never travel on the
 * command line, and so never on the socket either.
 *
 * @param provider who to talk to (absent: the demo)
 * @param baseUrl  the provider's base URL (absent: its default)
 * @param session  the session's id, normalised (absent: open nothing new)
 * @param callerId H's caller id for what the operator types
 * @param profile  the profile the launch named (--profile): the running console opens through it, its key included
 * @throws IllegalArgumentException with a sentence for the operator when any of it is not acceptable
 */
public record OpenRequest(Optional<Provider> provider, Optional<String> baseUrl, Optional<String> session,
                          Optional<String> callerId, Optional<String> profile) {

    /** A request that names no profile. */
    public OpenRequest(Optional<Provider> provider, Optional<String> baseUrl, Optional<String> session, Optional<String> callerId) {
        this(provider, baseUrl, session, callerId, Optional.empty());
    }

    public OpenRequest {
        Objects.requireNonNull(profile, "profile");
        noControlCharacters("profile name", profile);
        if (profile.isPresent() && profile.get().isBlank()) {
            throw new IllegalArgumentException("the profile name is blank");
        }
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(callerId, "callerId");
        noControlCharacters("base URL", baseUrl);
        noControlCharacters("session id", session);
        noControlCharacters("caller id", callerId);
        Provider p = provider.orElse(Provider.DEMO);
        if (p == Provider.DEMO && (session.isPresent() || baseUrl.isPresent())) {
            // the same rule as the command line: the demo makes a fresh session on its own emulator
            throw new IllegalArgumentException("the demo takes no session id and no base URL");
        }
        session.map(SessionId::problemWith).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        session = session.map(s -> SessionId.parse(s).value());
        baseUrl.ifPresent(OpenRequest::checkBaseUrl);
        if (callerId.isPresent() && callerId.get().isBlank()) {
            throw new IllegalArgumentException("the caller id is blank");
        }
    }

    /** The demo, nothing else named: what a bare launch (the desktop menu) asks for. */
    public static OpenRequest bare() {
        return new OpenRequest(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static void checkBaseUrl(String text) {
        HttpUrl url = Endpoint.parseBaseUrl(text);
        // a running console may hold a key (typed into its window): never point it at plain http elsewhere
        if (!url.isHttps() && !Endpoint.isLoopback(url.host())) {
            throw new IllegalArgumentException("the base URL " + url.host() + " is plain http: use https://, "
                    + "or http:// only for this machine (localhost, 127.0.0.1, ::1)");
        }
    }

    private static void noControlCharacters(String what, Optional<String> value) {
        if (value.isPresent() && value.get().codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the " + what + " holds a control character");
        }
    }
}
