package dev.agentconsole.app.instance;

import dev.agentconsole.agent.Provider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A console without its window, in a process of its own: it claims a data folder with the real
 * {@link SingleInstance} and prints what happened, one fact per line. {@code FIRST}, then a
 * {@code REQUEST <wire form>} line per request received, until standard input closes ({@code CLOSED});
 * or {@code HANDED}; or the claim's other outcome. No JavaFX.
 *
 * <p>Arguments: {@code dataDir [session [goFile]]}: with a session it asks for that AGI session; with
 * a go file it waits until the file exists, so that several processes claim at the same moment.
 */
public final class InstanceProcess {

    private InstanceProcess() {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        OpenRequest request = args.length > 1
                ? new OpenRequest(Optional.of(Provider.AGI), Optional.empty(), Optional.of(args[1]), Optional.empty())
                : OpenRequest.bare();
        if (args.length > 2) {
            Path go = Path.of(args[2]);
            System.out.println("READY");
            while (!Files.exists(go)) {
                Thread.onSpinWait();
            }
        }
        SingleInstance.Claim claim = SingleInstance.claim(folder, request);
        if (claim instanceof Listening listening) {
            System.out.println("FIRST");
            listening.onRequest(r -> System.out.println("REQUEST " + line(r)));
            System.in.transferTo(java.io.OutputStream.nullOutputStream()); // until the test closes it (or kills this)
            listening.close();
            System.out.println("CLOSED");
            System.exit(0);
        }
        System.out.println(claim instanceof SingleInstance.HandedOver ? "HANDED" : claim.toString());
        System.exit(claim instanceof SingleInstance.HandedOver ? 0 : 3);
    }

    /** The request's wire form without its newline: what the tests compare. */
    static String line(OpenRequest r) {
        return new String(Wire.encode(r), StandardCharsets.UTF_8).strip();
    }
}
