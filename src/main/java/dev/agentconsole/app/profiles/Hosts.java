package dev.agentconsole.app.profiles;

import dev.agentconsole.agent.InvalidInputException;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The hosts a profile's key may be sent to: plain host names or IP addresses, in the form OkHttp
 * compares them in (lower case, international names in punycode, IPv6 without brackets). No scheme,
 * port, path or wildcard: a key is bound to whole, named hosts.
 */
final class Hosts {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern DOTTED_NUMBERS = Pattern.compile("[0-9.]+");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern NAME_WITH_PORT = Pattern.compile("[^:\\[\\]]+:\\d*|\\[[^\\]]*]:\\d*");

    private Hosts() {}

    /** {@code "API.Example.com"} to {@code "api.example.com"}, {@code "[::1]"} to {@code "::1"}; a message naming what is wrong. */
    static String canonical(String text) {
        String h = text == null ? "" : text.strip();
        if (h.isEmpty()) {
            throw new InvalidInputException("a host is empty: give a host name such as agp.eu.hcompany.ai");
        }
        if (h.contains("://")) {
            throw new InvalidInputException("the host '" + h + "' has a scheme: give the host name alone, e.g. "
                    + "agp.eu.hcompany.ai");
        }
        if (h.contains("*")) {
            throw new InvalidInputException("the host '" + h + "' has a wildcard: name each host its key may go to");
        }
        if (h.contains("/") || h.contains("?") || h.contains("#") || h.contains("@") || h.contains("\\")) {
            throw new InvalidInputException("the host '" + h + "' is more than a host name (a path, a user or a query): "
                    + "give the host name alone");
        }
        if (NAME_WITH_PORT.matcher(h).matches()) {
            throw new InvalidInputException("the host '" + h + "' has a port: a key is bound to a whole host, give it "
                    + "without the port");
        }
        String inner = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        if (inner.contains(":")) {
            HttpUrl url = HttpUrl.parse("https://[" + inner + "]/");
            if (url == null) {
                throw new InvalidInputException("the host '" + h + "' is not an IPv6 address");
            }
            return url.host();
        }
        if (!inner.equals(h)) {
            throw new InvalidInputException("the host '" + h + "' is not an IPv6 address: brackets are for those only");
        }
        HttpUrl url = h.codePoints().anyMatch(c -> c <= ' ') ? null : HttpUrl.parse("https://" + h + "/");
        if (url == null) {
            throw new InvalidInputException("the host '" + h + "' is not a host name or an IP address");
        }
        String host = url.host();
        if (DOTTED_NUMBERS.matcher(host).matches()) {
            if (!IPV4.matcher(host).matches()) {
                throw new InvalidInputException("the host '" + h + "' is not an IPv4 address (four numbers 0 to 255)");
            }
            return host;
        }
        if (host.length() > 253 || !allLabels(host)) {
            throw new InvalidInputException("the host '" + h + "' is not a host name: letters, digits and '-' between dots");
        }
        return host;
    }

    private static boolean allLabels(String host) {
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
