package dev.agentconsole.cli;

import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionId;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Which provider, server and session a command talks to. */
public final class TargetOptions {

    @Option(names = "--provider", paramLabel = "demo|hcompany|agi",
            description = "Who to talk to: demo (the embedded emulator, default), hcompany (H Agent Platform v2) "
                    + "or agi (AGI Inc v1).")
    String provider = "demo";

    @Option(names = "--base-url", paramLabel = "URL",
            // each address on a line of its own: a help line is never broken inside a URL
            description = "The provider's base URL; plain http:// only to this machine. Default:%n"
                    + "hcompany https://agp.eu.hcompany.ai%nagi https://api.agi.tech")
    String baseUrl;

    @Option(names = "--session", paramLabel = "ID", description = "The session's id (a UUID). send, watch and chat need it "
            + "with hcompany or agi; without it the window opens with the session picker.")
    String session;

    public Provider provider() {
        try {
            return Provider.fromCli(provider.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    public Optional<String> baseUrl() {
        return Optional.ofNullable(baseUrl);
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
