package dev.agentconsole.cli;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.app.ConsoleApp;
import dev.agentconsole.app.Services;
import dev.agentconsole.app.instance.Listening;
import dev.agentconsole.app.instance.OpenRequest;
import dev.agentconsole.app.instance.SingleInstance;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The window's way in: one console per data folder. A launch on a folder another console holds
 * hands its session to that one and ends; the first one opens the window and serves later launches
 * until it closes. A smoke run checks an installation on its own and takes no part.
 */
final class WindowLaunch {

    private WindowLaunch() {}

    static int open(PrintWriter out, PrintWriter err, Optional<Provider> provider, Optional<String> baseUrl,
                    Optional<String> session, Optional<String> callerId, Optional<String> profile, Optional<Path> dataDir,
                    boolean smoke) {
        if (smoke) {
            return ConsoleApp.launch(provider, baseUrl, session, callerId, profile, dataDir, true, Optional.empty());
        }
        SingleInstance.Claim claim;
        try {
            claim = SingleInstance.claim(dataDir.orElseGet(Services::standardDataDir),
                    new OpenRequest(provider, baseUrl, session, callerId, profile));
        } catch (IllegalArgumentException e) {
            err.println("bad input: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (claim instanceof SingleInstance.HandedOver) {
            out.println("Agent Console is already running: handed the " + (session.isPresent() ? "session" : "request")
                    + " to it.");
            return ExitCodes.OK;
        }
        if (claim instanceof SingleInstance.Refused refused) {
            err.println("refused: the running Agent Console did not take it: " + refused.reason());
            return ExitCodes.REFUSED;
        }
        if (claim instanceof SingleInstance.NoAnswer none) {
            err.println("no answer: " + none.message());
            return ExitCodes.NETWORK;
        }
        if (claim instanceof SingleInstance.Alone alone) {
            err.println(alone.warning());
            return ConsoleApp.launch(provider, baseUrl, session, callerId, profile, dataDir, false, Optional.empty());
        }
        Listening listening = (Listening) claim;
        try {
            return ConsoleApp.launch(provider, baseUrl, session, callerId, profile, dataDir, false, Optional.of(listening));
        } finally {
            listening.close();
        }
    }
}
