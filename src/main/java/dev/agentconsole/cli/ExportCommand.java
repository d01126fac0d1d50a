package dev.agentconsole.cli;

import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.AgentException;
import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.app.Services;
import dev.agentconsole.store.Archive;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.store.Store;
import dev.agentconsole.store.export.Export;
import dev.agentconsole.store.export.ExportOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes a stored session to a file: md (to read), json (every stored event and delivery, "
                + "losing nothing) or html (a self-contained replay: one file, screenshots inline, a timeline, "
                + "search; it makes no network request).",
                "Screenshots the events name by URL (H's) are fetched for html with the provider's key from the "
                        + "environment (HAI_API_KEY, AGI_API_KEY), from the provider's own server only; without a key "
                        + "the page says why each is missing. Keys never appear in an export.",
                "Exit codes: 0 written, 2 bad input (also: the file could not be written)."})
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand parent;

    @Option(names = "--session", paramLabel = "ID", required = true, description = "The stored session to export.")
    String session;

    @Option(names = "--format", paramLabel = "md|json|html", description = "What to write (default: from --out's extension).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write it (replaced if it exists).")
    Path out;

    @Option(names = "--hide-ids", description = "Leave out the session id, the server's host and the platform's URLs.")
    boolean hideIds;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "The data folder to read (default: the window's).")
    Path dataDir;

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        Export.Format chosen = format(format, out);
        Path folder = StoredSessions.folder(dataDir, parent);
        try (Store store = Store.open(folder)) {
            SessionKey key = StoredSessions.find(store, session, folder);
            Archive archive = store.archive(key).orElseThrow(() -> new InvalidInputException("session " + session
                    + " has nothing stored"));
            try (Services services = new Services(ctx.environment())) {
                Optional<AgentBackend> backend = chosen == Export.Format.HTML ? backend(services, archive) : Optional.empty();
                try {
                    ExportOptions options = new ExportOptions(hideIds, backend.map(ExportCommand::fetching)
                            .orElseGet(() -> ExportOptions.plain().images()));
                    Export.write(archive, chosen, options, out);
                } finally {
                    backend.ifPresent(ExportCommand::close);
                }
            }
            ctx.err().println(String.format(Locale.ROOT, "wrote %s (%,d events, %,d messages sent)", out,
                    archive.events().size(), archive.deliveries().size()));
            ctx.err().flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            throw new InvalidInputException("could not write " + out + ": " + e.getMessage());
        }
    }

    private static Export.Format format(String format, Path out) {
        if (format != null) {
            return Export.Format.of(format);
        }
        String name = out.getFileName() == null ? "" : out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            throw new InvalidInputException("say --format md, json or html (" + out + " has no extension to go by)");
        }
        return Export.Format.of(name.substring(dot + 1));
    }

    /** The provider's client with the environment's key, to fetch screenshots named by URL; none for the demo. */
    private static Optional<AgentBackend> backend(Services services, Archive archive) {
        Provider provider;
        try {
            provider = Provider.fromCli(archive.key().provider());
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
        if (provider == Provider.DEMO || archive.baseUrl().isBlank() || !services.hasEnvironmentToken(provider)) {
            return Optional.empty();
        }
        try {
            return Optional.of(services.open(provider, Optional.of(archive.baseUrl()), Optional.empty()));
        } catch (IllegalArgumentException refused) {
            return Optional.empty(); // e.g. plain http to a host that is not this machine: no key goes there
        }
    }

    private static ExportOptions.Images fetching(AgentBackend backend) {
        return ExportOptions.fetchingWith(url -> {
            try {
                AgentBackend.FetchedImage image = backend.image(url);
                return new ExportOptions.Fetched(image.bytes(), image.mediaType());
            } catch (AgentException e) {
                throw new IllegalStateException(e.error().summary(), e);
            }
        });
    }

    private static void close(AgentBackend backend) {
        try {
            backend.close();
        } catch (Exception e) {
            System.getLogger("cli").log(System.Logger.Level.DEBUG, "closing the client failed", e);
        }
    }
}
