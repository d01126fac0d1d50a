package dev.agentconsole.app.profiles;

import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.http.Endpoint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * A named way to reach an agent server: its provider and base URL, the agent new sessions start
 * with, the caller id messages carry, the hosts its key may be sent to, and the colour its sessions
 * are marked with. Never a key: keys come from the environment or the keychain ({@link ProfileKeys}).
 *
 * <p>Everything is checked and put in one canonical form when a profile is made, so a profile that
 * exists is valid: the name (1 to 40 letters, digits, spaces, {@code - _ .}), the base URL (https, or
 * http to this machine only; no user name or password in it), the hosts (plain host names or IP
 * addresses, lower case, each once; by default the base URL's host, which must be among them).
 *
 * @param agent    the agent a new session starts with (H's agent name, AGI's agent); empty: the form's default
 * @param callerId H's caller id for what is sent (AGI takes none); empty: the server's default
 * @param hosts    where the key may go; empty or null when made: the base URL's host
 * @param colour   null when made: the provider's ({@link ProfileColour#defaultFor})
 */
public record Profile(String name, Provider provider, String baseUrl, Optional<String> agent, Optional<String> callerId,
                      List<String> hosts, ProfileColour colour) {

    public static final int MAX_NAME = 40;
    public static final int MAX_HOSTS = 20;
    public static final int MAX_TEXT = 200;
    public static final String DEMO_NAME = "Demo";

    /** The built-in profile: the embedded emulator on this machine. Listed first, never stored. */
    public static final Profile DEMO = new Profile(DEMO_NAME, Provider.DEMO, "http://127.0.0.1", Optional.of("demo-web-agent"),
            Optional.empty(), List.of("127.0.0.1"), ProfileColour.GRAY);

    public Profile {
        Objects.requireNonNull(provider, "provider");
        name = checkName(name);
        boolean demoName = isDemoName(name);
        if (demoName && provider != Provider.DEMO) {
            throw new InvalidInputException("the name '" + name + "' is the built-in Demo profile's: choose another name");
        }
        if (!demoName && provider == Provider.DEMO) {
            throw new InvalidInputException("profile '" + name + "': the provider demo is only the built-in Demo profile: "
                    + "use hcompany or agi");
        }
        HttpUrl url = checkBaseUrl(name, baseUrl);
        baseUrl = canonical(url);
        agent = text(name, "agent", agent);
        callerId = text(name, "caller id", callerId);
        if (callerId.isPresent() && provider == Provider.AGI) {
            throw new InvalidInputException("profile '" + name + "': AGI takes no caller id: leave it out");
        }
        hosts = checkHosts(name, url.host(), hosts);
        colour = colour == null ? ProfileColour.defaultFor(provider) : colour;
    }

    /** A profile with the defaults: no agent, no caller id, the base URL's host, the provider's colour. */
    public static Profile of(String name, Provider provider, String baseUrl) {
        return new Profile(name, provider, baseUrl, Optional.empty(), Optional.empty(), List.of(), null);
    }

    /** The built-in Demo profile (it is the only one whose provider is the demo). */
    public boolean isDemo() {
        return provider == Provider.DEMO;
    }

    /** The key profiles are told apart by: their names, whatever their case. */
    public String key() {
        return key(name);
    }

    public static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isDemoName(String name) {
        return key(name).equals(key(DEMO_NAME));
    }

    /** The base URL's host (lower case; an IPv6 address without brackets). */
    public String baseHost() {
        return HttpUrl.get(baseUrl).host();
    }

    public Profile withName(String newName) {
        return new Profile(newName, provider, baseUrl, agent, callerId, hosts, colour);
    }

    // ---- the rules -----------------------------------------------------------------------------------

    /** 1 to 40 letters, digits, spaces and {@code - _ .}; not starting with {@code -} (it would read as an option). */
    static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("a profile needs a name (1 to " + MAX_NAME + " letters, digits, spaces, - _ .)");
        }
        if (!name.equals(name.strip())) {
            throw new InvalidInputException("the profile name '" + name + "' starts or ends with white space: leave it out");
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX_NAME) {
            throw new InvalidInputException("the profile name '" + name + "' is " + length + " characters long: at most "
                    + MAX_NAME);
        }
        int bad = name.codePoints().filter(c -> !Character.isLetterOrDigit(c) && " -_.".indexOf(c) < 0).findFirst().orElse(-1);
        if (bad >= 0) {
            throw new InvalidInputException("the profile name '" + name + "' holds " + describe(bad)
                    + ": a name may hold only letters, digits, spaces, - _ and .");
        }
        if (name.startsWith("-")) {
            throw new InvalidInputException("the profile name '" + name + "' starts with '-', which reads as an option: "
                    + "start it with a letter or digit");
        }
        return name;
    }

    private static String describe(int c) {
        return Character.isISOControl(c) || Character.isWhitespace(c) ? String.format(Locale.ROOT, "the character U+%04X", c)
                : "'" + new String(Character.toChars(c)) + "'";
    }

    private static HttpUrl checkBaseUrl(String name, String baseUrl) {
        HttpUrl url;
        try {
            url = Endpoint.parseBaseUrl(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("profile '" + name + "': " + e.getMessage());
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            throw new InvalidInputException("profile '" + name + "': the base URL must not carry a user name or password "
                    + "(keys are never stored in a profile)");
        }
        if (!url.isHttps() && !Endpoint.isLoopback(url.host())) {
            throw new InvalidInputException("profile '" + name + "': a key is never sent over plain http to " + url.host()
                    + ": use https://, or http:// only for this machine (localhost, 127.0.0.1, ::1)");
        }
        return url;
    }

    /** As OkHttp writes it (lower-case host, no default port), without the lone "/" of an empty path. */
    private static String canonical(HttpUrl url) {
        String s = url.toString();
        return url.encodedPath().equals("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static Optional<String> text(String name, String what, Optional<String> value) {
        Objects.requireNonNull(value, what);
        Optional<String> v = value.map(String::strip).filter(s -> !s.isEmpty());
        if (v.isPresent()) {
            String s = v.get();
            if (s.codePoints().anyMatch(Character::isISOControl)) {
                throw new InvalidInputException("profile '" + name + "': the " + what + " has a control character (a line "
                        + "break or a tab): it is one line of text");
            }
            if (s.codePointCount(0, s.length()) > MAX_TEXT) {
                throw new InvalidInputException("profile '" + name + "': the " + what + " is over " + MAX_TEXT + " characters");
            }
        }
        return v;
    }

    private static List<String> checkHosts(String name, String baseHost, List<String> hosts) {
        if (hosts == null || hosts.isEmpty()) {
            return List.of(baseHost);
        }
        Set<String> canonical = new LinkedHashSet<>();
        for (String h : hosts) {
            try {
                canonical.add(Hosts.canonical(h));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("profile '" + name + "': " + e.getMessage());
            }
        }
        if (canonical.size() > MAX_HOSTS) {
            throw new InvalidInputException("profile '" + name + "' names " + canonical.size() + " hosts: at most " + MAX_HOSTS);
        }
        if (!canonical.contains(baseHost)) {
            throw new InvalidInputException("profile '" + name + "': the base URL's host " + baseHost
                    + " is not among the hosts its key may go to (" + String.join(", ", canonical) + "): add it (--host "
                    + baseHost + ")");
        }
        return List.copyOf(new ArrayList<>(canonical));
    }
}
