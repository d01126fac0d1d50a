package dev.agentconsole.app.keys;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** libsecret's {@code secret-tool} (Debian's libsecret-tools), an independent reader of the Secret Service. */
final class SecretTool {

    private SecretTool() {
    }

    /** The secret stored under service "Agent Console" and this account, as secret-tool finds it. */
    static Optional<String> lookup(String account) throws Exception {
        Result r = run("lookup", "service", KeyStore.SERVICE, "account", account);
        return r.code == 0 ? Optional.of(r.out) : Optional.empty();
    }

    /** How many items carry these attributes. */
    static int count(String account) throws Exception {
        Result r = run("search", "--all", "service", KeyStore.SERVICE, "account", account);
        return (int) r.out.lines().filter(line -> line.startsWith("[/")).count();
    }

    private record Result(int code, String out) {}

    private static Result run(String... args) throws Exception {
        Process p = new ProcessBuilder(java.util.stream.Stream.concat(java.util.stream.Stream.of("secret-tool"),
                List.of(args).stream()).toList()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("secret-tool did not answer");
        }
        return new Result(p.exitValue(), out);
    }
}
