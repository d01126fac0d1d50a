package dev.agentconsole.cli;

import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.app.Services;
import dev.agentconsole.attach.Attachment;
import dev.agentconsole.attach.ImageFitter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Sends one message, or with --batch one batch of lines, to a session.",
                "Exit codes: 0 sent, 2 bad input (nothing sent), 3 refused by the server, 4 no answer (network, busy or "
                        + "unavailable after retries, or uncertain)."})
final class SendCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand parent;

    @Mixin
    TargetOptions target;

    @Mixin
    DataFolderOption data;

    @Option(names = "--caller-id", paramLabel = "X", description = "H caller_id (default: the server's \"user\").")
    String callerId;

    @Option(names = "--image", paramLabel = "FILE", description = "Attach an image (PNG, JPEG, GIF, WebP, BMP); repeatable. "
            + "Checked and fitted as the window does: a PNG or JPEG that fits is sent as it is, anything else re-encoded "
            + "and, if the request would be too large, scaled down (stderr says so). With --batch, images go with the first line.")
    List<Path> images = new ArrayList<>();

    @Option(names = "--start-url", paramLabel = "URL",
            description = "AGI: the page the agent starts from (http/https, at most 2,000 characters). With --batch it goes with the first line.")
    String startUrl;

    @Option(names = "--batch", description = "Each MESSAGE is one line of one batch, processed in order.")
    boolean batch;

    @Parameters(arity = "1..*", paramLabel = "MESSAGE",
            description = {"The message; several words are joined with spaces unless --batch is given.",
                    "'-' alone reads it from standard input (with --batch: one line of the batch per line), decoded strictly as UTF-8."})
    List<String> message;

    /** The words, or with '-' the lines of standard input. */
    private List<String> words(CliContext ctx) {
        if (!message.contains("-")) {
            return message;
        }
        if (message.size() > 1) {
            throw new InvalidInputException("'-' reads the message from standard input: give it alone, without other words");
        }
        byte[] bytes;
        try {
            bytes = ctx.in().readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("standard input cannot be read", e);
        }
        String text = StrictUtf8.decode(bytes, "standard input").replaceFirst("\\r?\\n\\z", "");
        return batch ? List.of(text.split("\\r?\\n", -1)) : List.of(text);
    }

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        target.useProfile(data.folder(parent), ctx.err());
        Optional<SessionId> session = target.sessionId();
        if (callerId != null && callerId.isBlank()) {
            throw new InvalidInputException("--caller-id is blank: leave it out for normal operator input");
        }
        callerId = target.callerId(callerId).orElse(null);
        List<String> words = words(ctx);
        try (Services services = new Services(ctx.environment())) {
            Services.Connection connection = target.connect(services, ctx.err());
            AgentBackend backend = connection.backend();
            List<String> dataUris = images(backend, ctx);
            Outgoing outgoing = outgoing(words, dataUris);
            backend.problemWith(outgoing).ifPresent(p -> {
                throw new InvalidInputException(p);
            });
            SessionId id = session.orElseGet(() -> parent.createDemoSession(connection, ctx.err()));
            backend.send(id, outgoing);
            int n = outgoing.messages().size();
            ctx.out().println("accepted: " + (outgoing instanceof Outgoing.Batch ? "batch of " + n + (n == 1 ? " line" : " lines")
                    : "1 message") + (dataUris.isEmpty() ? "" : " with " + dataUris.size() + " image(s)") + " to session " + id);
            ctx.out().flush();
            return ExitCodes.OK;
        }
    }

    /** The window's way: each image checked whole, then all of them fitted into the request together. */
    private List<String> images(AgentBackend backend, CliContext ctx) {
        if (images.isEmpty()) {
            return List.of();
        }
        if (!backend.rules().acceptsImages()) {
            throw new InvalidInputException("AGI takes no images: leave out --image (describe what the agent "
                    + "should look at in the message instead)");
        }
        List<Attachment> checked = images.stream().map(Attachment::fromFile).toList();
        List<String> dataUris = new ArrayList<>();
        for (ImageFitter.Fitted f : ImageFitter.fitAll(checked, backend.rules().imageBudgetBytes())) {
            if (!f.asItCame()) {
                ctx.err().println("image " + f.name() + ": " + f.how());
            }
            dataUris.add(f.dataUri());
        }
        return dataUris;
    }

    private Outgoing outgoing(List<String> words, List<String> dataUris) {
        if (!batch) {
            return new Outgoing.Single(line(String.join(" ", words), dataUris, true));
        }
        List<OutgoingMessage> lines = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            lines.add(line(words.get(i), i == 0 ? dataUris : List.of(), i == 0));
        }
        return new Outgoing.Batch(lines);
    }

    private OutgoingMessage line(String text, List<String> dataUris, boolean first) {
        OutgoingMessage m = OutgoingMessage.text(text).withImages(dataUris);
        if (first && startUrl != null) {
            m = m.withStartUrl(startUrl);
        }
        return callerId == null ? m : m.withCallerId(callerId);
    }
}
